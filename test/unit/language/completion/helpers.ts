// Shared fixtures for completion tests: run completion at the ‸ of a fixture and read the answer.
import assert from 'node:assert/strict';
import { analyze } from '../../../../core/src/language/analysis';
import type { Analysis } from '../../../../core/src/language/analysis';
import { complete } from '../../../../core/src/language/completion';
import { cursorContext } from '../../../../core/src/language/completion-context';
import type { CursorContext } from '../../../../core/src/language/completion-context';
import type { CompletionEntry } from '../../../../core/src/language/types';
import type { Range } from '../../../../core/src/diagnostics';
import { dedent, fmtRange, marked } from '../../../helpers/markers';

export interface Completed {
  a: Analysis;
  entries: CompletionEntry[];
  labels: string[];
  /** Ranges marked in the fixture with «…». */
  ranges: Range[];
}

export function completeAt(src: string, kind?: 'model' | 'template'): Completed {
  const m = marked(dedent(src));
  assert.equal(m.cursors.length, 1, 'fixture needs exactly one ‸');
  const a = analyze(m.text, kind ? { kind } : {});
  const entries = complete(a, m.cursors[0]);
  return { a, entries, labels: entries.map((e) => e.label), ranges: m.ranges };
}

export function contextAt(src: string): CursorContext | undefined {
  const m = marked(dedent(src));
  const a = analyze(m.text);
  return cursorContext(a.text, a.lines, a.lines.offset(m.cursors[0]));
}

export function entry(c: Completed, label: string): CompletionEntry {
  const e = c.entries.find((x) => x.label === label);
  assert.ok(e, `no entry ${label} among ${c.labels.join(', ')}`);
  return e;
}

/** Every entry replaces exactly the marked range. */
export function assertRange(c: Completed, expected: Range = c.ranges[0]): void {
  assert.ok(c.entries.length > 0, 'no entries');
  for (const e of c.entries) assert.equal(e.range && fmtRange(e.range), fmtRange(expected), `range of ${e.label}`);
}

/** Labels in the order a client shows them (by sortText, then label). */
export function ordered(c: Completed): string[] {
  return [...c.entries].sort((x, y) => (x.sortText ?? x.label).localeCompare(y.sortText ?? y.label)).map((e) => e.label);
}

export const MODEL = `
schemaVersion: 1
grid:
  bins: 4
  binSize: 1
  binUnit: hours
classes:
  - id: Order
    displayName: Order flow
  - id: Refund
nodes:
  - id: demand
    kind: const
    values: [1, 2, 3, 4]
  - id: capacity
    kind: pmf
    pmf:
      values: [2, 4]
      probabilities: [0.5, 0.5]
  - id: served
    kind: expr
    expr: "MIN(demand, capacity)"
`;
