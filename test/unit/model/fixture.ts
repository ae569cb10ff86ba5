// Test support for model semantics: marked fixture text → diagnostics, plus assertion helpers.
import assert from 'node:assert/strict';
import type { Diagnostic, Range } from '../../../core/src/diagnostics';
import { checkModelSemantics } from '../../../core/src/model/semantics';
import type { ModelSemanticsOptions } from '../../../core/src/model/semantics';
import { parseYaml } from '../../../core/src/yaml/parse';
import { dedent, fmtRange, marked } from '../../helpers/markers';

export const HEADER = 'schemaVersion: 1\ngrid:\n  bins: 4\n  binSize: 1\n  binUnit: hours\n';

export interface Checked {
  diagnostics: Diagnostic[];
  ranges: Range[];
}

/** Validates `body` (dedented, with «range» markers) appended to a 4-bin model header. */
export function checkBody(body: string, options?: ModelSemanticsOptions): Checked {
  return checkText(HEADER + dedent(body), options);
}

/** Validates a whole marked document. */
export function checkText(source: string, options?: ModelSemanticsOptions): Checked {
  const m = marked(source);
  const parsed = parseYaml(m.text);
  assert.deepEqual(
    parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    [],
    'fixture must be valid YAML',
  );
  return { diagnostics: checkModelSemantics(parsed.doc, options), ranges: m.ranges };
}

export function withCode(ds: Diagnostic[], code: string): Diagnostic[] {
  return ds.filter((d) => d.code === code);
}

export function show(ds: Diagnostic[]): string {
  return ds.map((d) => `${fmtRange(d.range)} ${d.severity} ${d.code}: ${d.message}`).join('\n');
}

/** Exactly one diagnostic with `code`, whose message matches every gist and whose range is `range`. */
export function expectOne(ds: Diagnostic[], code: string, range: Range, ...gists: (string | RegExp)[]): Diagnostic {
  const hits = withCode(ds, code);
  assert.equal(hits.length, 1, `expected one ${code}, got:\n${show(ds)}`);
  const d = hits[0];
  assert.equal(fmtRange(d.range), fmtRange(range), `range of ${code}: ${d.message}`);
  for (const g of gists) {
    if (typeof g === 'string') assert.ok(d.message.includes(g), `message ${JSON.stringify(d.message)} lacks ${JSON.stringify(g)}`);
    else assert.match(d.message, g);
  }
  return d;
}

export function expectNone(ds: Diagnostic[], code: string): void {
  assert.deepEqual(withCode(ds, code), [], show(withCode(ds, code)));
}

export function errors(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity === 'error');
}

export function rangesOf(d: Diagnostic): string[] {
  return (d.related ?? []).map((r) => fmtRange(r.range));
}

export { fmtRange };
