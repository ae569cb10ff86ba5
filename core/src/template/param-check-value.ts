// Checks one given parameter value against its declaration (type, integer-ness, array shape, min/max).
import type { ParameterDef, ParameterValue } from './types';
import { describeValue } from './param-describe';
import { isIntArray, isIntegral, rangeProblem } from './param-rules';

export interface ParameterError {
  parameter: string;
  code: string;
  message: string;
}

export interface CheckedValue {
  /** The value, when it is acceptable. */
  value?: ParameterValue;
  errors: ParameterError[];
}

export function checkParameterValue(def: ParameterDef, value: unknown): CheckedValue {
  const errors: ParameterError[] = [];
  const fail = (code: string, message: string): CheckedValue => {
    errors.push({ parameter: def.name, code, message });
    return { errors };
  };
  const p = `Parameter '${def.name}'`;
  if (def.typeInferred) {
    // Sim treats an undeclared type as a plain scalar: anything it can format is accepted.
    if (isScalar(value) || isNumberArray(value)) return { value, errors };
    return fail('param.value-type', `${p} expects a number, boolean, string or array of numbers, not ${describeValue(value)}.`);
  }
  switch (def.type) {
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return fail('param.value-type', `${p} expects ${def.type === 'integer' ? 'a whole number' : 'a number'}, not ${describeValue(value)}.`);
      }
      if (def.type === 'integer' && !Number.isInteger(value)) return fail('param.integer-expected', `${p} expects a whole number, not ${value}.`);
      const problem = rangeProblem(def, value);
      if (problem) return fail('param.value-out-of-range', `${p} value ${value} ${problem}.`);
      return { value, errors };
    }
    case 'boolean':
      if (typeof value !== 'boolean') return fail('param.value-type', `${p} expects true or false, not ${describeValue(value)}.`);
      return { value, errors };
    case 'string':
      if (typeof value !== 'string') return fail('param.value-type', `${p} expects a string, not ${describeValue(value)}.`);
      return { value, errors };
    case 'array':
      return checkArray(def, value);
  }
}

/** Sim's array rules (T44): a sequence, every element a number (an integer for `arrayOf: int`), within min/max. */
export function checkArray(def: ParameterDef, value: unknown): CheckedValue {
  const errors: ParameterError[] = [];
  const p = `Parameter '${def.name}'`;
  if (!Array.isArray(value)) {
    errors.push({ parameter: def.name, code: 'param.array-expected', message: `${p} expects an array value such as [1, 2, 3], not ${describeValue(value)}.` });
    return { errors };
  }
  const ints = isIntArray(def);
  value.forEach((el: unknown, i: number) => {
    if (typeof el !== 'number' || !Number.isFinite(el)) {
      errors.push({ parameter: def.name, code: 'param.array-element', message: `${p} element at index ${i} is ${describeValue(el)}, not a number.` });
    } else if (ints && !isIntegral(el)) {
      errors.push({ parameter: def.name, code: 'param.integer-expected', message: `${p} element at index ${i} (${el}) is not a whole number (arrayOf: ${def.arrayOf}).` });
    } else {
      const problem = rangeProblem(def, el);
      if (problem) errors.push({ parameter: def.name, code: 'param.value-out-of-range', message: `${p} element at index ${i} (${el}) ${problem}.` });
    }
  });
  return errors.length > 0 ? { errors } : { value: (value as number[]).slice(), errors };
}

function isScalar(v: unknown): v is string | number | boolean | null {
  return v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));
}

function isNumberArray(v: unknown): v is number[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}
