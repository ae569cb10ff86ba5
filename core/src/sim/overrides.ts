// Turns `--params file.json` and `--set name=value` (or an HTTP body's parameters) into checked parameter values.
import type { ParameterDef, ParameterValue } from '../template/types';
import { parseSetValue, splitSetArgument } from '../template/set-value';
import { resolveParameterValues } from '../template/resolve-values';
import { suggestName } from '../template/param-suggest';
import { SimError } from './errors';

export interface ParameterProblem {
  parameter: string;
  message: string;
}

export interface ResolvedParameters {
  /** Only what the caller gave (params file, then --set); the template's defaults are applied by the template layer. */
  overrides: Record<string, ParameterValue>;
  /** Every parameter with a value (defaults + overrides), sorted by name: what the id and provenance record. */
  resolved: Record<string, ParameterValue>;
}

/**
 * Applies the params object first and `--set` arguments after it (a --set wins). Any problem — unknown name (with a
 * suggestion), wrong type, out of range, wrong array element — stops everything with one error listing them all.
 */
export function resolveOverrides(params: readonly ParameterDef[], paramsObject: unknown, sets: readonly string[]): ResolvedParameters {
  const problems: ParameterProblem[] = [];
  const overrides: Record<string, unknown> = {};
  if (paramsObject !== undefined) {
    if (typeof paramsObject !== 'object' || paramsObject === null || Array.isArray(paramsObject)) {
      throw new SimError('invalid-parameters', 'parameters must be a JSON object of name → value');
    }
    for (const [k, v] of Object.entries(paramsObject)) overrides[k] = v;
  }
  const byName = new Map(params.map((p) => [p.name, p]));
  for (const arg of sets) {
    const split = splitSetArgument(arg);
    if (!split) {
      problems.push({ parameter: arg, message: `--set expects name=value, got '${arg}'` });
      continue;
    }
    const def = byName.get(split.name);
    if (!def) {
      problems.push({ parameter: split.name, message: unknownMessage(split.name, params) });
      continue;
    }
    const parsed = parseSetValue(def, split.raw);
    if (parsed.error !== undefined) problems.push({ parameter: split.name, message: parsed.error });
    else overrides[split.name] = parsed.value;
  }
  const { values, errors } = resolveParameterValues([...params], overrides);
  for (const e of errors) {
    if (!problems.some((p) => p.parameter === e.parameter)) problems.push({ parameter: e.parameter, message: e.message });
  }
  if (problems.length > 0) {
    const list = problems.map((p) => `  ${p.parameter}: ${p.message}`).join('\n');
    throw new SimError('invalid-parameters', `invalid parameters:\n${list}`, problems);
  }
  const resolved: Record<string, ParameterValue> = {};
  for (const name of [...values.keys()].sort()) resolved[name] = values.get(name) as ParameterValue;
  const given: Record<string, ParameterValue> = {};
  for (const name of Object.keys(overrides).sort()) given[name] = values.get(name) as ParameterValue;
  return { overrides: given, resolved };
}

function unknownMessage(name: string, params: readonly ParameterDef[]): string {
  const hint = suggestName(name, params.map((p) => p.name));
  const known = params.map((p) => p.name).join(', ') || '(none)';
  return `unknown parameter '${name}'${hint ? `; did you mean '${hint}'?` : ''} (parameters: ${known})`;
}
