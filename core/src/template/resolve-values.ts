// Merges parameter defaults with given values (as Sim does: defaults first, then overrides) and checks the result.
import type { ParameterDef, ParameterValue } from './types';
import { checkArray, checkParameterValue } from './param-check-value';
import type { ParameterError } from './param-check-value';
import { suggestName } from './param-suggest';

export type { ParameterError } from './param-check-value';

export interface ResolvedValues {
  /** Parameters without default and without a given value are absent: their placeholders stay, as in Sim. */
  values: Map<string, ParameterValue>;
  errors: ParameterError[];
}

/**
 * `overrides` are JSON-like (numbers, booleans, strings, arrays). An override that fails its check is not applied
 * (the default stays). Array parameters get Sim's T44 checks whatever their value came from.
 */
export function resolveParameterValues(params: ParameterDef[], overrides: Record<string, unknown> = {}): ResolvedValues {
  const values = new Map<string, ParameterValue>();
  const errors: ParameterError[] = [];
  const defs = new Map<string, ParameterDef>();
  // A later declaration of the same name replaces the earlier one, like Sim's dictionary merge.
  for (const def of params) {
    defs.set(def.name, def);
    if (def.default !== undefined) values.set(def.name, def.default);
    else values.delete(def.name);
  }
  const overridden = new Set<string>();
  for (const [name, raw] of Object.entries(overrides)) {
    if (raw === undefined) continue;
    const def = defs.get(name);
    if (!def) {
      const s = suggestName(name, defs.keys());
      const hint = s === undefined ? '' : ` Did you mean '${s}'?`;
      errors.push({ parameter: name, code: 'param.unknown-override', message: `The template has no parameter '${name}'.${hint}` });
      continue;
    }
    overridden.add(name);
    const checked = checkParameterValue(def, raw);
    errors.push(...checked.errors);
    if (checked.value !== undefined) values.set(name, checked.value);
  }
  for (const def of defs.values()) {
    if (def.type !== 'array' || def.typeInferred || overridden.has(def.name)) continue;
    if (!def.hasDefault) {
      errors.push({ parameter: def.name, code: 'param.array-expected', message: `Parameter '${def.name}' requires an array value: give one, or declare a default.` });
    } else if (def.default === undefined) {
      errors.push({ parameter: def.name, code: 'param.array-element', message: `The default of parameter '${def.name}' is not a sequence of numbers.` });
    } else {
      errors.push(...checkArray(def, def.default).errors);
    }
  }
  return { values, errors };
}
