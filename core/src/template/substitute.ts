// Sim's `${name}` substitution over the raw template text, recording every replacement so positions map back.
import type { ParameterValue } from './types';
import { OffsetMap } from './offset-map';
import type { Replacement } from './offset-map';
import { formatForSubstitution } from './subst-format';

export { formatForSubstitution, formatNumber, needsQuoting } from './subst-format';

export interface SubstitutionResult {
  text: string;
  map: OffsetMap;
}

/**
 * Replaces `${name}` for every name in `values`, everywhere in the text (comments included, as Sim does). For array
 * values the quoted forms `"${p}"` and `'${p}'` are replaced quotes included. Unknown names stay as written.
 * Sim replaces the exact text `${name}` per parameter, so a name is whatever sits between `${` and the next `}`.
 */
export function substitute(text: string, values: ReadonlyMap<string, ParameterValue>): SubstitutionResult {
  const replacements: Replacement[] = [];
  const chunks: string[] = [];
  let copied = 0;
  let length = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf('${', from);
    if (start < 0) break;
    const close = text.indexOf('}', start + 2);
    if (close < 0) break;
    const name = text.slice(start + 2, close);
    if (name.includes('${') || !values.has(name)) {
      from = start + 2;
      continue;
    }
    const value = values.get(name) as ParameterValue;
    let s = start;
    let e = close + 1;
    if (Array.isArray(value) && s - 1 >= copied) {
      const q = text[s - 1];
      if ((q === '"' || q === "'") && text[e] === q) {
        s -= 1;
        e += 1;
      }
    }
    const formatted = formatForSubstitution(value);
    chunks.push(text.slice(copied, s));
    length += s - copied;
    replacements.push({ originalStart: s, originalEnd: e, substitutedStart: length, substitutedEnd: length + formatted.length });
    chunks.push(formatted);
    length += formatted.length;
    copied = e;
    from = e;
  }
  chunks.push(text.slice(copied));
  return { text: chunks.join(''), map: new OffsetMap(replacements) };
}
