// Rewrites number spellings only the Rust engine reads (1e-3, .5, 5.) into the plain decimal form both engines accept.

/** Exponents beyond this would make an absurdly long literal; no rewrite is offered then. */
const MAX_SHIFT = 400;

/**
 * The exact decimal text of `intDigits.fracDigits × 10^exponent`, computed on the digits (no float rounding):
 * `('1', '', -3)` → `0.001`, `('2', '5', 2)` → `250`. Undefined when the result would be unreasonably long.
 */
export function plainDecimal(intDigits: string, fracDigits: string, exponent: number): string | undefined {
  if (!Number.isFinite(exponent) || Math.abs(exponent) > MAX_SHIFT) return undefined;
  const digits = intDigits + fracDigits;
  const point = intDigits.length + exponent;
  let whole: string;
  let frac: string;
  if (point <= 0) {
    whole = '';
    frac = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    whole = digits + '0'.repeat(point - digits.length);
    frac = '';
  } else {
    whole = digits.slice(0, point);
    frac = digits.slice(point);
  }
  let i = 0;
  while (i < whole.length - 1 && whole.charCodeAt(i) === 48) i++;
  whole = whole.slice(i) || '0';
  let j = frac.length;
  while (j > 0 && frac.charCodeAt(j - 1) === 48) j--;
  frac = frac.slice(0, j);
  return frac ? `${whole}.${frac}` : whole;
}
