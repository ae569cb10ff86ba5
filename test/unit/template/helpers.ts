// Fixture helpers of the template tests: a small valid template to vary, and assertions on code, gist and range.
import assert from 'node:assert/strict';
import path from 'node:path';
import type { Diagnostic } from '../../../core/src/diagnostics';
import { validateTemplate } from '../../../core/src/template/validate-template';
import type { TemplateValidation } from '../../../core/src/template/validate-template';
import { dedent, fmtRange, marked } from '../../helpers/markers';

export const corpusDir = path.resolve(process.cwd(), '../shared/corpus/templates');

export interface Sections {
  header?: string;
  grid?: string;
  extra?: string;
  topology?: string;
  nodes?: string;
  outputs?: string;
}

const HEADER = `schemaVersion: 1
generator: flowtime-sim
metadata:
  id: t
  title: T
  version: 1.0.0
window:
  start: 2025-01-01T00:00:00Z
  timezone: UTC`;

const GRID = `grid:
  bins: 4
  binSize: 60
  binUnit: minutes`;

const TOPOLOGY = `topology:
  nodes:
    - id: Svc
      kind: service
      semantics:
        arrivals: arrivals
        served: served`;

const NODES = `nodes:
  - id: arrivals
    kind: const
    values: [1, 2, 3, 4]
  - id: served
    kind: expr
    expr: "arrivals"`;

const OUTPUTS = `outputs:
  - series: served`;

/** A complete, valid template; each section can be replaced (sections are written at column 0). */
export function template(s: Sections = {}): string {
  return [s.header ?? HEADER, s.grid ?? GRID, s.extra ?? '', s.topology ?? TOPOLOGY, s.nodes ?? NODES, s.outputs ?? OUTPUTS]
    .filter((x) => x.length > 0)
    .map((x) => dedent(x).replace(/\n+$/, ''))
    .join('\n') + '\n';
}

export interface Run extends TemplateValidation {
  text: string;
  ranges: ReturnType<typeof marked>['ranges'];
}

/** Validates a template whose expected ranges are marked with «…». */
export function run(source: string, values?: Record<string, unknown>): Run {
  const m = marked(source);
  const r = validateTemplate(m.text, values ? { values } : {});
  return { ...r, text: m.text, ranges: m.ranges };
}

export function show(ds: Diagnostic[]): string {
  return JSON.stringify(ds.map((d) => `${d.severity} ${d.code} ${fmtRange(d.range)}: ${d.message}`), null, 1);
}

/** Exactly `ranges.length` diagnostics with `code`, on the marked ranges in order, each message matching `gist`. */
export function expectAt(r: Run, code: string, gist: RegExp, ranges = r.ranges): Diagnostic[] {
  const found = r.diagnostics.filter((d) => d.code === code);
  assert.equal(found.length, ranges.length, `expected ${ranges.length} × ${code}, got ${show(r.diagnostics)}`);
  found.forEach((d, i) => {
    assert.equal(fmtRange(d.range), fmtRange(ranges[i]), `range of ${code} #${i}: ${show([d])}`);
    assert.match(d.message, gist);
  });
  return found;
}

/** The error codes found, sorted and unique (to check nothing else is reported, nor twice). */
export function errorCodes(r: TemplateValidation): string[] {
  return [...new Set(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))].sort();
}

/** Only these error diagnostics (by code, each exactly once). */
export function onlyErrors(r: TemplateValidation, ...codes: string[]): void {
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.code).sort(), [...codes].sort(), show(errors));
}
