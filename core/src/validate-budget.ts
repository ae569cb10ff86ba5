// Bounded validation: which findings can still be among the first `limit` errors, so the rest need not be built.
import type { Diagnostic, Position, Severity } from './diagnostics';

/** a strictly after b. */
export function isAfter(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.message === b.message &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

/** One number per position for grouping; a collision only makes two diagnostics compared in full, never merged. */
const positionKey = (p: Position): number => p.line * 67_108_864 + p.character;

/**
 * The language server publishes at most `limit` diagnostics per document, errors first, in document order. Once
 * `limit` distinct errors are known, a finding that starts after the last of the `limit` earliest ones, or any finding
 * that is not an error, can no longer be published: producers ask `skips` before building such a finding (its message,
 * its range, its fixes) and leave it out. The threshold only moves earlier as errors are added, so a finding skipped
 * once would be skipped later too. Producers that do not ask, or do not `add`, only make the budget skip less.
 */
export class ProblemBudget {
  /** Start positions of the earliest distinct errors added so far (a max-heap: the latest on top), at most `limit`. */
  private readonly heap: Position[] = [];
  /** Every counted error by start position, so a duplicate (same code, range and message) is counted once. */
  private readonly counted = new Map<number, Diagnostic[]>();
  private skippedAny = false;

  constructor(readonly limit: number) {}

  /** True once a finding has been left out. */
  get truncated(): boolean {
    return this.skippedAny;
  }

  /** True when a finding of `severity` starting at or after `from` cannot be among the first `limit` errors. */
  skips(severity: Severity, from: Position): boolean {
    if (this.heap.length < this.limit) return false;
    if (this.limit > 0 && severity === 'error' && !isAfter(from, this.heap[0])) return false;
    this.skippedAny = true;
    return true;
  }

  add(d: Diagnostic): void {
    if (d.severity !== 'error' || this.limit === 0) return;
    const start = d.range.start;
    if (this.heap.length === this.limit && !isAfter(this.heap[0], start)) return;
    const key = positionKey(start);
    const same = this.counted.get(key);
    if (same?.some((o) => sameDiagnostic(o, d))) return;
    if (same) same.push(d);
    else this.counted.set(key, [d]);
    this.push(start);
    if (this.heap.length > this.limit) this.pop();
  }

  private push(p: Position): void {
    const h = this.heap;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!isAfter(h[i], h[parent])) break;
      [h[i], h[parent]] = [h[parent], h[i]];
      i = parent;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (last === undefined || h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let top = i;
      if (l < h.length && isAfter(h[l], h[top])) top = l;
      if (r < h.length && isAfter(h[r], h[top])) top = r;
      if (top === i) return;
      [h[i], h[top]] = [h[top], h[i]];
      i = top;
    }
  }
}

/**
 * The part of `list` that `limit` allows to drop: when the list holds at least `limit` distinct errors, everything but
 * the errors that start no later than the `limit`-th distinct one (ties included) goes. The first `limit` errors of
 * the sorted, deduplicated list stay exactly the same.
 */
export function keepPublishable(list: Diagnostic[], limit: number): { kept: Diagnostic[]; dropped: boolean } {
  if (limit === 0) return { kept: [], dropped: list.length > 0 };
  const errors = list.filter((d) => d.severity === 'error');
  if (errors.length < limit) return { kept: list, dropped: false };
  errors.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  let distinct = 0;
  let threshold: Position | undefined;
  for (let i = 0; i < errors.length && threshold === undefined; ) {
    // A group of errors with the same start: only exact duplicates inside it collapse.
    let j = i + 1;
    const start = errors[i].range.start;
    while (j < errors.length && errors[j].range.start.line === start.line && errors[j].range.start.character === start.character) j++;
    for (let k = i; k < j; k++) {
      let duplicate = false;
      for (let m = i; m < k && !duplicate; m++) duplicate = sameDiagnostic(errors[m], errors[k]);
      if (!duplicate) distinct++;
    }
    if (distinct >= limit) threshold = start;
    i = j;
  }
  if (threshold === undefined) return { kept: list, dropped: false };
  const bound = threshold;
  const kept = list.filter((d) => d.severity === 'error' && !isAfter(d.range.start, bound));
  return { kept, dropped: kept.length < list.length };
}
