// "Did you mean" for dangling references: a case-only slip first, otherwise the nearest id by edit distance.
import { editDistance } from '../text/edit-distance';

export interface IdSuggestion {
  id: string;
  /** Only the letter case differs (ids are case-sensitive, so the message says so). */
  caseOnly: boolean;
}

/** The candidate most likely meant: a case-only slip first, otherwise the nearest id within a small edit distance. */
export function closestId(name: string, candidates: Iterable<string>): IdSuggestion | undefined {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(Math.max(name.length, 3) / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === name) continue;
    if (c.toLowerCase() === lower) return { id: c, caseOnly: true };
    if (Math.abs(c.length - name.length) > limit || bestDistance <= 1) continue;
    const d = editDistance(lower, c.toLowerCase(), Math.min(limit, bestDistance - 1));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= limit ? { id: best, caseOnly: false } : undefined;
}

/** " (did you mean 'x'?)" (or the case-only variant), or "" when there is no suggestion. */
export function suggestionText(s: IdSuggestion | undefined): string {
  if (!s) return '';
  return s.caseOnly ? ` (did you mean '${s.id}'? only the case differs, and ids are case-sensitive)` : ` (did you mean '${s.id}'?)`;
}

/** " (did you mean 'x'?)" (or the case-only variant), or "" when nothing is close enough. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  return suggestionText(closestId(name, candidates));
}

export { editDistance };
