// Keeps completion answers small: a list longer than the cap is filtered by what is typed and marked incomplete.
import type { Position } from '../../core/src/diagnostics';
import type { CompletionEntry } from '../../core/src/language/types';
import type { LineIndex } from '../../core/src/text/line-index';

/**
 * A 5,000-node model offers 5,000 node ids in every expression: about 900 KB of JSON per request, which costs more
 * than computing them. Past this many items the server sends the best ones and sets `isIncomplete`, so the client asks
 * again as the user types and the list narrows on the server.
 */
export const MAX_COMPLETION_ITEMS = 1000;

export interface ShapedCompletion {
  entries: CompletionEntry[];
  isIncomplete: boolean;
}

export function shapeCompletion(entries: CompletionEntry[], text: string, lines: LineIndex, pos: Position, max = MAX_COMPLETION_ITEMS): ShapedCompletion {
  if (entries.length <= max) return { entries, isIncomplete: false };
  const typed = typedPrefix(text, lines, pos).toLowerCase();
  const matching = typed === '' ? entries : entries.filter((e) => isSubsequence(typed, (e.filterText ?? e.label).toLowerCase()));
  const ranked = matching
    .map((e, i) => ({ e, i }))
    .sort((a, b) => compare(a.e.sortText ?? a.e.label, b.e.sortText ?? b.e.label) || a.i - b.i)
    .slice(0, max)
    .map((x) => x.e);
  return { entries: ranked, isIncomplete: true };
}

/** The identifier characters right before the cursor: what the client filters the list with. */
function typedPrefix(text: string, lines: LineIndex, pos: Position): string {
  const end = lines.offset(pos);
  let start = end;
  while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1])) start--;
  return text.slice(start, end);
}

/** VS Code's filter is fuzzy (the typed characters in order, not necessarily adjacent); never drop what it would show. */
function isSubsequence(needle: string, haystack: string): boolean {
  let i = 0;
  for (let j = 0; j < haystack.length && i < needle.length; j++) if (haystack[j] === needle[i]) i++;
  return i === needle.length;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
