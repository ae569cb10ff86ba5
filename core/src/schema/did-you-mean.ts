// "Did you mean" suggestions: the closest allowed word by case/separator-insensitive match, then edit distance.

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = [i];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur.push(d);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n];
}

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
