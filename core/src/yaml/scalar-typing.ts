// FlowTime's YAML scalar typing: only plain scalars are typed (bool, int32, double), everything else is a string.

const BOOL = /^(true|false)$/i;
const INT = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;

export type ScalarValue = string | number | boolean;

/**
 * Types a plain scalar the way FlowTime's C# validators do (bool.TryParse, then int.TryParse, then
 * double.TryParse with invariant culture). `null`, `~`, `yes`, `no`, `0x1f` stay strings on purpose.
 */
export function typePlainScalar(text: string): ScalarValue {
  if (text.length === 0) return '';
  if (BOOL.test(text)) return text.toLowerCase() === 'true';
  if (INT.test(text)) {
    const n = Number(text);
    if (n >= INT32_MIN && n <= INT32_MAX) return n;
    return n;
  }
  if (DOUBLE.test(text)) return Number(text);
  return text;
}

/** True when a string, written plain, would be re-typed (so an emitter must quote it). */
export function isAmbiguousString(text: string): boolean {
  if (text === 'null' || text === '~' || text === '') return true;
  return typeof typePlainScalar(text) !== 'string';
}
