// Finds the YAML comments of a text with the yaml lexer (so `#` inside quoted or block scalars is not a comment).
import { Lexer } from 'yaml';

/** Sorted, non-overlapping [start, end) offsets of every `# …` comment. */
export function commentRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let offset = 0;
  let previous = '';
  for (const token of new Lexer().lex(text)) {
    // The lexer interleaves one-character control tokens that are not part of the source.
    if (token === '\x02' || token === '\x18' || token === '\x1f') {
      previous = token;
      continue;
    }
    // A scalar token is always announced by \x1f, so `#` content of a block scalar is never mistaken for a comment.
    if (token.startsWith('#') && previous !== '\x1f') out.push([offset, offset + token.length]);
    offset += token.length;
    previous = token;
  }
  return out;
}

/** True when `offset` lies inside one of the sorted `ranges`. */
export function insideRanges(ranges: readonly [number, number][], offset: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e] = ranges[mid];
    if (offset < s) hi = mid - 1;
    else if (offset >= e) lo = mid + 1;
    else return true;
  }
  return false;
}
