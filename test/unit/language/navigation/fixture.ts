// Fixtures of the navigation, token and analysis tests: marked documents analysed, ranges printed for comparison.
import assert from 'node:assert/strict';
import type { Diagnostic, Range } from '../../../../core/src/diagnostics';
import { analyze } from '../../../../core/src/language/analysis';
import type { Analysis } from '../../../../core/src/language/analysis';
import { validateText } from '../../../../core/src/validate';
import { dedent, fmtRange, marked } from '../../../helpers/markers';
import type { MarkedText } from '../../../helpers/markers';

export interface Fixture extends MarkedText {
  a: Analysis;
}

/** Dedents, strips «range» and ‸ markers, analyses the text. */
export function fixture(source: string, kind?: 'model' | 'template'): Fixture {
  const m = marked(dedent(source));
  return { ...m, a: analyze(m.text, kind ? { kind } : {}) };
}

export function fmt(ranges: readonly Range[]): string[] {
  return ranges.map(fmtRange);
}

export function sortRanges(ranges: readonly Range[]): Range[] {
  return [...ranges].sort((x, y) => x.start.line - y.start.line || x.start.character - y.start.character);
}

export function errors(text: string, kind?: 'model' | 'template'): Diagnostic[] {
  return validateText(text, kind ? { kind } : {}).diagnostics.filter((d) => d.severity === 'error');
}

export function showDiagnostics(ds: readonly Diagnostic[]): string {
  return ds.map((d) => `${d.code} ${fmtRange(d.range)} ${d.message}`).join('\n');
}

export function assertNoErrors(text: string, kind?: 'model' | 'template'): void {
  const found = errors(text, kind);
  assert.equal(found.length, 0, showDiagnostics(found));
}

/**
 * A valid model that names `demand` in every kind of place: traffic arrival, expressions (double-quoted, plain,
 * single-quoted), serviceWithBuffer inflow, dispatch capacitySeries, router queue, outputs, topology semantics with
 * `series:` and `@class`, constraint semantics. «» marks each occurrence of `demand`.
 */
export const EVERY_REFERENCE = `
  schemaVersion: 1
  grid:
    bins: 3
    binSize: 1
    binUnit: hours
  classes:
    - id: vip
    - id: std
  traffic:
    arrivals:
      - nodeId: «demand»
        classId: vip
        pattern:
          kind: constant
          ratePerBin: 1
  nodes:
    - id: «demand»
      kind: const
      values: [1, 2, 3]
    - id: cap
      kind: const
      values: [5, 5, 5]
    - id: served
      kind: expr
      expr: "MIN(«demand», cap) * 0.9"
    - id: plain
      kind: expr
      expr: «demand» + 1
    - id: single
      kind: expr
      expr: 'SHIFT(«demand», 1) + «demand»'
    - id: buf
      kind: serviceWithBuffer
      inflow: «demand»
      outflow: served
      dispatchSchedule:
        periodBins: 1
        capacitySeries: «demand»
    - id: route
      kind: router
      inputs:
        queue: «demand»
      routes:
        - target: served
          classes: [vip]
        - target: plain
          classes: [std]
  outputs:
    - series: «demand»
      as: demand.csv
  topology:
    nodes:
      - id: Svc
        kind: service
        constraints: [db]
        wipLimitSeries: cap
        wipOverflow: Sink
        semantics:
          arrivals: series:«demand»@vip
          served: served
      - id: Sink
        kind: sink
        semantics:
          arrivals: served
          served: served
    edges:
      - from: Svc:served
        to: Sink
    constraints:
      - id: db
        semantics:
          arrivals: «demand»
          served: cap
`;
