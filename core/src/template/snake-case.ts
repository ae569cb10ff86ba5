// The two snake_case conversions that name synthesized queue and sink nodes: Sim/C# and the Rust engine.

/**
 * Sim's and the C# engine's rule: whitespace is skipped, every uppercase letter starts a new `_` chunk, any other
 * non-alphanumeric character becomes `_`, and leading/trailing `_` are trimmed (`HTTPService` → `h_t_t_p_service`).
 * An id that converts to nothing is used as is.
 */
export function csharpSnake(value: string): string {
  let out = '';
  const chars = Array.from(value);
  chars.forEach((c, i) => {
    if (/\s/u.test(c)) return;
    if (/\p{Lu}/u.test(c)) {
      if (i > 0 && out.length > 0 && !out.endsWith('_')) out += '_';
      out += c.toLowerCase();
    } else if (/[\p{L}\p{Nd}]/u.test(c)) out += c;
    else out += '_';
  });
  const trimmed = out.replace(/^_+|_+$/g, '');
  return trimmed.length > 0 ? trimmed : value;
}

/**
 * The Rust engine's rule: words split at lower→upper and digit→upper changes and before the last capital of an
 * acronym that starts a new word, so acronyms stay one word (`HTTPService` → `http_service`, `DLQ` → `dlq`).
 */
export function rustSnake(value: string): string {
  const words: string[] = [];
  let current = '';
  const chars = Array.from(value);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (!/[\p{L}\p{Nd}]/u.test(c)) {
      if (current) words.push(current);
      current = '';
      continue;
    }
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const upper = /\p{Lu}/u.test(c);
    const startsWord =
      upper &&
      prev !== undefined &&
      (/[\p{Ll}\p{Nd}]/u.test(prev) || (/\p{Lu}/u.test(prev) && next !== undefined && /\p{Ll}/u.test(next)));
    if (startsWord && current) {
      words.push(current);
      current = '';
    }
    current += c;
  }
  if (current) words.push(current);
  const out = words.map((w) => w.toLowerCase()).join('_');
  return out.length > 0 ? out : value;
}
