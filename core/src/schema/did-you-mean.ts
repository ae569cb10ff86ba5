// "Did you mean" suggestions: the closest allowed word by case/separator-insensitive match, then edit distance.
import { editDistance } from '../text/edit-distance';

export { editDistance };

const normalize = (s: string): string => s.toLowerCase().replace(/[_\-\s]/g, '');

/** The candidate the author most likely meant, or undefined when nothing is close enough to be a helpful guess. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.includes(word)) return undefined;
  const lower = word.toLowerCase();
  const byCase = candidates.find((c) => c.toLowerCase() === lower);
  if (byCase) return byCase;
  const norm = normalize(word);
  const bySeparators = candidates.find((c) => normalize(c) === norm);
  if (bySeparators) return bySeparators;
  // A unique completion of what was typed (`pcg` → `pcg32`).
  if (lower.length >= 3) {
    const completions = candidates.filter((c) => c.toLowerCase().startsWith(lower));
    if (completions.length === 1) return completions[0];
  }
  const limit = word.length <= 3 ? 1 : word.length <= 6 ? 2 : 3;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDistance && d <= limit && d < c.length) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
