// "Did you mean" suggestions for misspelt node ids and function names (case-only matches first, then edit distance).
import { editDistance } from '../text/edit-distance';

export { editDistance };

export interface Suggestion {
  name: string;
  /** The suggestion equals the input ignoring case (ids are case-sensitive, so this is worth saying). */
  caseOnly: boolean;
}

/** Largest edit distance still worth suggesting for a name of this length. */
export function maxDistance(length: number): number {
  return Math.max(1, Math.floor(length / 3));
}

// Rows of the distance table, reused across calls so that scanning thousands of candidates allocates nothing.
/**
 * Which character groups occur in a (lower-case) name: one edit adds or removes at most two groups, so names whose
 * masks differ in more than 2·limit bits cannot be within `limit` edits.
 */
function presenceMask(lower: string): number {
  let m = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) m |= 1 << (26 + ((c - 48) % 5));
    else m |= 1 << 31;
  }
  return m;
}

function popcount(v: number): number {
  let x = v - ((v >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

interface Candidates {
  names: readonly string[];
  lowers: readonly string[];
  masks: Int32Array;
  /** Lower-cased name → the first name with that spelling, so case-only matches never depend on the scan. */
  byLower: Map<string, string>;
}

function candidatesOf(names: readonly string[]): Candidates {
  const lowers = names.map((n) => n.toLowerCase());
  const masks = new Int32Array(names.length);
  const byLower = new Map<string, string>();
  for (let i = 0; i < names.length; i++) {
    masks[i] = presenceMask(lowers[i]);
    if (!byLower.has(lowers[i])) byLower.set(lowers[i], names[i]);
  }
  return { names, lowers, masks, byLower };
}

/** Suggests one of `candidates` for `name`: an exact case-insensitive match wins, then the closest spelling. */
export function suggestName(name: string, candidates: Iterable<string>): Suggestion | undefined {
  return bestMatch(name, candidatesOf([...candidates]), { remaining: Infinity });
}

function bestMatch(name: string, c: Candidates, budget: { remaining: number }): Suggestion | undefined {
  const lower = name.toLowerCase();
  const sameLetters = c.byLower.get(lower);
  if (sameLetters !== undefined && sameLetters !== name) return { name: sameLetters, caseOnly: true };
  const mask = presenceMask(lower);
  let best = -1;
  let bestDistance = maxDistance(name.length) + 1;
  for (let i = 0; i < c.names.length; i++) {
    if (--budget.remaining < 0) break;
    const candidate = c.names[i];
    if (c.lowers[i] === lower) continue;
    if (Math.abs(candidate.length - name.length) >= bestDistance) continue;
    if (popcount(mask ^ c.masks[i]) > 2 * (bestDistance - 1)) continue;
    budget.remaining -= name.length * candidate.length;
    const d = editDistance(lower, c.lowers[i], bestDistance - 1);
    if (d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best < 0 ? undefined : { name: c.names[best], caseOnly: false };
}

/**
 * Work units (candidates visited plus distance-table cells) one suggester may spend in total. A model whose every
 * other reference is misspelt would otherwise cost seconds; past this point new names simply get no suggestion.
 */
const SUGGESTION_BUDGET = 4_000_000;

const NO_CANDIDATES: Candidates = candidatesOf([]);

/** Suggestions over a fixed set of names, memoized per misspelling and bounded by a total work budget. */
export class NameSuggester {
  private readonly memo = new Map<string, Suggestion | null>();
  private candidates: Candidates;
  private readonly budget = { remaining: SUGGESTION_BUDGET };

  constructor(names: readonly string[]) {
    this.candidates = names.length === 0 ? NO_CANDIDATES : candidatesOf(names);
  }

  /** A fresh suggester (own memo, full budget) over the same names as `other`, without preparing them again. */
  static sameNames(other: NameSuggester): NameSuggester {
    const s = new NameSuggester([]);
    s.candidates = other.candidates;
    return s;
  }

  suggest(name: string): Suggestion | undefined {
    const hit = this.memo.get(name);
    if (hit !== undefined) return hit ?? undefined;
    if (this.budget.remaining <= 0) {
      const sameLetters = this.candidates.byLower.get(name.toLowerCase());
      return sameLetters !== undefined && sameLetters !== name ? { name: sameLetters, caseOnly: true } : undefined;
    }
    const found = bestMatch(name, this.candidates, this.budget);
    // A scan cut short by the budget is not memoized as "nothing close".
    if (found || this.budget.remaining > 0) this.memo.set(name, found ?? null);
    return found;
  }
}
