// Unicode character classes of the C# expression scanner: char.IsLetter / IsDigit / IsWhiteSpace per UTF-16 unit.

const LETTER = 1;
const DIGIT = 2;
const SPACE = 4;
/** Marks a cache slot as computed, so a class of 0 is distinguishable from "not looked up yet". */
const KNOWN = 128;

const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) ascii[c] = LETTER;
  else if (c >= 48 && c <= 57) ascii[c] = DIGIT;
  else if (c === 32 || (c >= 9 && c <= 13)) ascii[c] = SPACE;
}

// Filled lazily: non-ASCII text is rare in expressions, and a regex test per new code unit is cheap once cached.
let wide: Uint8Array | undefined;
const letterRe = /^\p{L}$/u;
const digitRe = /^\p{Nd}$/u;
const spaceRe = /^[\p{Zs}\p{Zl}\p{Zp}\u0085]$/u;

function classOf(c: number): number {
  if (c < 128) return ascii[c];
  wide ??= new Uint8Array(65536);
  let k = wide[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    k = KNOWN;
    if (letterRe.test(ch)) k |= LETTER;
    else if (digitRe.test(ch)) k |= DIGIT;
    else if (spaceRe.test(ch)) k |= SPACE;
    wide[c] = k;
  }
  return k;
}

/** C# `char.IsLetter || c == '_'`: may start an identifier. */
export function isIdentStart(c: number): boolean {
  return c === 95 || (classOf(c) & LETTER) !== 0;
}

/** C# `char.IsLetterOrDigit || c == '_'`: may continue an identifier. */
export function isIdentPart(c: number): boolean {
  return c === 95 || (classOf(c) & (LETTER | DIGIT)) !== 0;
}

/** C# `char.IsDigit` (any Unicode decimal digit). */
export function isUnicodeDigit(c: number): boolean {
  return (classOf(c) & DIGIT) !== 0;
}

/** C# `char.IsWhiteSpace`. */
export function isWhiteSpace(c: number): boolean {
  return (classOf(c) & SPACE) !== 0;
}
