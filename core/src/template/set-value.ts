// Parses a CLI `--set name=value` value according to the parameter's declared type.
import type { ParameterDef, ParameterValue } from './types';
import { isIntArray } from './param-rules';

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export interface SetValueResult {
  value?: ParameterValue;
  error?: string;
}

/** Splits `name=value` at the first `=`; undefined when there is no `=` or no name. */
export function splitSetArgument(arg: string): { name: string; raw: string } | undefined {
  const eq = arg.indexOf('=');
  if (eq <= 0) return undefined;
  return { name: arg.slice(0, eq).trim(), raw: arg.slice(eq + 1) };
}

export function parseSetValue(def: ParameterDef, raw: string): SetValueResult {
  const text = raw.trim();
  const ints = isIntArray(def);
  switch (def.type) {
    case 'integer':
      return INTEGER.test(text) ? { value: Number(text) } : { error: `'${def.name}' expects a whole number, got '${raw}'.` };
    case 'number':
      return NUMBER.test(text) ? { value: Number(text) } : { error: `'${def.name}' expects a number (e.g. 0.25 or 1e3), got '${raw}'.` };
    case 'boolean':
      if (/^true$/i.test(text)) return { value: true };
      if (/^false$/i.test(text)) return { value: false };
      return { error: `'${def.name}' expects true or false, got '${raw}'.` };
    case 'string':
      return { value: raw };
    case 'array': {
      if (!text.startsWith('[') || !text.endsWith(']')) {
        return { error: `'${def.name}' expects an array such as [1, 2, 3], got '${raw}'.` };
      }
      const inner = text.slice(1, -1).trim();
      if (inner === '') return { value: [] };
      const out: number[] = [];
      const parts = inner.split(',');
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i].trim();
        if (ints ? !INTEGER.test(part) : !NUMBER.test(part)) {
          const what = ints ? `a whole number (arrayOf: ${def.arrayOf})` : 'a number';
          return { error: `'${def.name}' element at index ${i} ('${part}') is not ${what}.` };
        }
        out.push(Number(part));
      }
      return { value: out };
    }
  }
}
