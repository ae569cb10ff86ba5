// The two engines' snake_case conversions for synthesized queue names; they disagree on acronyms (reference §2.13, §4.7).

const UPPER_CS = /\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const WHITESPACE = /\s/u;
const UPPER_RUST = /\p{Uppercase}/u;
const LOWER_RUST = /\p{Lowercase}/u;

/** C# ModelCompiler: every capital starts a new `_` chunk (`HTTPService` → `h_t_t_p_service`). */
export function csharpSnakeCase(id: string): string {
  if (id.trim().length === 0) return '';
  let out = '';
  for (let i = 0; i < id.length; i++) {
    const c = id[i];
    if (WHITESPACE.test(c)) continue;
    if (UPPER_CS.test(c)) {
      if (i > 0 && out.length > 0 && !out.endsWith('_')) out += '_';
      out += c.toLowerCase();
    } else out += LETTER_OR_DIGIT.test(c) ? c : '_';
  }
  const trimmed = out.replace(/^_+|_+$/g, '');
  return trimmed.length > 0 ? trimmed : id;
}

/** Rust compiler: a capital starts a chunk only after a non-capital or before a lower-case letter (`http_service`). */
export function rustSnakeCase(id: string): string {
  const chars = Array.from(id);
  let out = '';
  chars.forEach((ch, i) => {
    if (i > 0 && UPPER_RUST.test(ch)) {
      const prevUpper = UPPER_RUST.test(chars[i - 1]);
      const nextLower = i + 1 < chars.length && LOWER_RUST.test(chars[i + 1]);
      if (!prevUpper || nextLower) out += '_';
    }
    out += Array.from(ch.toLowerCase())[0] ?? ch;
  });
  return out;
}
