// Reads the `parameters` list of a raw (unsubstituted) template into ParameterDefs and reports declaration problems.
import type { Diagnostic, Range } from '../diagnostics';
import { diag } from '../codes/make';
import { templateParamCodes as codes } from '../codes/template-params';
import { joinPointer } from '../yaml/document';
import type { SourceDocument } from '../yaml/document';
import type { ParameterDef, ParameterType, ParameterValue } from './types';
import { describeValue } from './param-describe';
import { isIntArray, isIntegral, rangeProblem } from './param-rules';
import { checkHeaderReader } from './param-header-checks';

const TYPES: readonly ParameterType[] = ['integer', 'number', 'boolean', 'string', 'array'];
const INTEGER_TEXT = /^[+-]?\d+$/;

export interface ReadParametersResult {
  params: ParameterDef[];
  diagnostics: Diagnostic[];
}

export function readParameters(doc: SourceDocument): ReadParametersResult {
  const params: ParameterDef[] = [];
  const diagnostics: Diagnostic[] = [];
  const root = doc.value;
  if (!isRecord(root) || !Array.isArray(root.parameters)) return { params, diagnostics };
  const first = new Map<string, ParameterDef>();
  root.parameters.forEach((item: unknown, i: number) => {
    const pointer = joinPointer('/parameters', i);
    if (!isRecord(item) || typeof item.name !== 'string' || item.name === '') return;
    const def = readOne(doc, item, pointer, diagnostics);
    const earlier = first.get(def.name);
    if (earlier) {
      diagnostics.push(
        diag(
          codes['param.duplicate-name'],
          `Parameter \`${def.name}\` is declared twice: Sim keeps only this later declaration and drops the first one.`,
          doc.locate(joinPointer(pointer, 'name')),
          { related: [{ message: `First declaration of \`${def.name}\``, range: doc.locate(joinPointer(earlier.pointer, 'name')) }] },
        ),
      );
    } else {
      first.set(def.name, def);
    }
    params.push(def);
  });
  return { params, diagnostics };
}

function readOne(doc: SourceDocument, item: Record<string, unknown>, pointer: string, out: Diagnostic[]): ParameterDef {
  const name = item.name as string;
  const hasDefault = Object.prototype.hasOwnProperty.call(item, 'default');
  const declared = TYPES.find((t) => t === item.type);
  const type = declared ?? inferType(item.default);
  const def: ParameterDef = { name, type, hasDefault, pointer };
  if (!declared) def.typeInferred = true;
  if (typeof item.title === 'string') def.title = item.title;
  if (typeof item.description === 'string') def.description = item.description;
  if (typeof item.arrayOf === 'string') def.arrayOf = item.arrayOf;
  const min = readBound(doc, item, pointer, 'min', 'minimum', out);
  const max = readBound(doc, item, pointer, 'max', 'maximum', out);
  if (min !== undefined) def.min = min.value;
  if (max !== undefined) def.max = max.value;
  if (min !== undefined && max !== undefined && min.value > max.value) {
    out.push(
      diag(codes['param.min-above-max'], `\`${max.key}\` ${max.value} is below \`${min.key}\` ${min.value}: no value of \`${name}\` can satisfy both.`, doc.locate(max.pointer), {
        related: [{ message: `\`${min.key}\` of \`${name}\``, range: doc.locate(min.pointer) }],
      }),
    );
  }

  const defaultPointer = joinPointer(pointer, 'default');
  if (hasDefault) {
    const representable = toParameterValue(item.default);
    if (representable !== undefined) def.default = representable;
    if (declared) checkDefault(doc, def, item.default, defaultPointer, out);
  } else {
    const consequence =
      type === 'array' ? 'Sim rejects an array parameter without a value' : `Sim leaves \`\${${name}}\` unresolved`;
    out.push(
      diag(
        codes['param.no-default'],
        `Parameter \`${name}\` has no default: the template cannot be instantiated without a value for it (${consequence}).`,
        doc.locate(joinPointer(pointer, 'name')),
      ),
    );
  }

  if (declared && declared !== 'array' && 'arrayOf' in item) {
    out.push(
      diag(codes['param.array-of-ignored'], `\`arrayOf\` only applies to array parameters; Sim ignores it on ${declared} parameter \`${name}\`.`, doc.locate(joinPointer(pointer, 'arrayOf'), 'key')),
    );
  }
  for (const key of ['required', 'enum']) {
    if (key in item) {
      const what = key === 'enum' ? 'any value is accepted' : 'a missing value is not reported';
      out.push(diag(codes['param.ignored-key'], `Sim does not enforce \`${key}\`: ${what}.`, doc.locate(joinPointer(pointer, key), 'key')));
    }
  }
  out.push(...checkHeaderReader(doc, def));
  return def;
}

interface Bound {
  value: number;
  key: string;
  pointer: string;
}

/** Reads `min`/`minimum` (or `max`/`maximum`); both spellings with different values are a conflict. */
function readBound(doc: SourceDocument, item: Record<string, unknown>, pointer: string, short: string, long: string, out: Diagnostic[]): Bound | undefined {
  const found: Bound[] = [];
  for (const key of [short, long]) {
    const v = item[key];
    if (key in item && typeof v === 'number' && Number.isFinite(v)) found.push({ value: v, key, pointer: joinPointer(pointer, key) });
  }
  if (found.length < 2) return found[0];
  // Sim's line-based header reader lets the later line win; use the same one.
  found.sort((a, b) => compareRanges(doc.locate(a.pointer), doc.locate(b.pointer)));
  const [earlier, later] = found;
  if (earlier.value !== later.value) {
    out.push(
      diag(
        codes['param.bound-conflict'],
        `\`${later.key}\` ${later.value} contradicts \`${earlier.key}\` ${earlier.value}: both spellings set the same bound of \`${String(item.name)}\`; keep one.`,
        doc.locate(later.pointer),
        { related: [{ message: `\`${earlier.key}\` of \`${String(item.name)}\``, range: doc.locate(earlier.pointer) }] },
      ),
    );
  }
  return later;
}

function checkDefault(doc: SourceDocument, def: ParameterDef, value: unknown, pointer: string, out: Diagnostic[]): void {
  const wrong = (message: string, at = pointer): void => {
    out.push(diag(codes['param.default-type'], message, doc.locate(at)));
  };
  const label = `${def.type} parameter \`${def.name}\``;
  const shown = (v: unknown, at = pointer): string => describeSource(doc, at, v);
  switch (def.type) {
    case 'integer':
      if (typeof value !== 'number' || !isIntegerSource(doc, pointer, value)) {
        wrong(`The default of ${label} must be a whole number, not ${shown(value)}${quotedNumberHint(value)}.`);
        return;
      }
      break;
    case 'number':
      if (typeof value !== 'number') {
        wrong(`The default of ${label} must be a number, not ${describeValue(value)}${quotedNumberHint(value)}.`);
        return;
      }
      break;
    case 'boolean':
      if (typeof value !== 'boolean') {
        wrong(`The default of ${label} must be \`true\` or \`false\`, not ${describeValue(value)}.`);
        return;
      }
      return;
    case 'string':
      if (typeof value !== 'string') {
        wrong(`The default of ${label} must be a string, not ${describeValue(value)} (quote it to keep it text).`);
      }
      return;
    case 'array': {
      if (!Array.isArray(value)) {
        wrong(`The default of ${label} must be a sequence of numbers such as \`[1, 2, 3]\`, not ${describeValue(value)}.`);
        return;
      }
      const ints = isIntArray(def);
      let ok = true;
      value.forEach((el: unknown, i: number) => {
        const at = joinPointer(pointer, i);
        if (typeof el !== 'number') {
          wrong(`Element at index ${i} of the default of ${label} is ${describeValue(el)}, not a number.`, at);
          ok = false;
        } else if (ints && !isIntegral(el)) {
          wrong(`Element at index ${i} of the default of ${label} is ${shown(el, at)}, not a whole number (\`arrayOf: ${def.arrayOf}\`).`, at);
          ok = false;
        }
      });
      if (!ok) return;
      value.forEach((el: number, i: number) => {
        const problem = rangeProblem(def, el);
        if (problem) {
          out.push(diag(codes['param.default-out-of-range'], `Element at index ${i} (${el}) of the default of \`${def.name}\` ${problem}.`, doc.locate(joinPointer(pointer, i))));
        }
      });
      return;
    }
  }
  const problem = rangeProblem(def, value as number);
  if (problem) out.push(diag(codes['param.default-out-of-range'], `The default ${String(value)} of \`${def.name}\` ${problem}.`, doc.locate(pointer)));
}

/** `5.0` types as the number 5, but FlowTime reads it as a double: look at the source text when there is one. */
function isIntegerSource(doc: SourceDocument, pointer: string, value: number): boolean {
  const node = doc.node(pointer);
  if (node && node.type === 'scalar') return INTEGER_TEXT.test(node.text);
  return Number.isInteger(value);
}

/** Numbers and booleans as written (`5.0`, `False`), everything else described. */
function describeSource(doc: SourceDocument, pointer: string, value: unknown): string {
  const node = doc.node(pointer);
  if ((typeof value === 'number' || typeof value === 'boolean') && node && node.type === 'scalar') return `\`${node.text}\``;
  return describeValue(value);
}

function quotedNumberHint(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? ' (remove the quotes)' : '';
}

function inferType(value: unknown): ParameterType {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return 'string';
}

function toParameterValue(value: unknown): ParameterValue | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value as number[];
  return undefined;
}

function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
