// Test support for the schema layer: marked fixture text → schema result, plus assertion helpers.
import assert from 'node:assert/strict';
import type { Diagnostic, FixData, Range } from '../../../core/src/diagnostics';
import { validateModelSchema, validateTemplateSchema } from '../../../core/src/schema';
import type { SchemaResult } from '../../../core/src/schema';
import { parseYaml } from '../../../core/src/yaml/parse';
import { applyEdits } from '../../helpers/apply-edits';
import { dedent, fmtRange, marked } from '../../helpers/markers';

export interface Checked {
  text: string;
  result: SchemaResult;
  diagnostics: Diagnostic[];
  ranges: Range[];
}

function parsed(text: string) {
  const p = parseYaml(text);
  assert.deepEqual(
    p.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    [],
    'fixture must be valid YAML',
  );
  return p.doc;
}

/** Validates a marked (and dedented) model. */
export function checkModel(source: string): Checked {
  const m = marked(dedent(source));
  const result = validateModelSchema(parsed(m.text));
  return { text: m.text, result, diagnostics: result.diagnostics, ranges: m.ranges };
}

/** Validates a marked (and dedented) template. */
export function checkTemplate(source: string): Checked {
  const m = marked(dedent(source));
  const result = validateTemplateSchema(parsed(m.text));
  return { text: m.text, result, diagnostics: result.diagnostics, ranges: m.ranges };
}

export function show(ds: readonly Diagnostic[]): string {
  return ds.map((d) => `${fmtRange(d.range)} ${d.severity} ${d.code}: ${d.message}`).join('\n');
}

/** Exactly one diagnostic in total; it has `code`, `range` and every gist. */
export function expectOnly(ds: readonly Diagnostic[], code: string, range: Range, ...gists: (string | RegExp)[]): Diagnostic {
  assert.equal(ds.length, 1, `expected only ${code}, got:\n${show(ds)}`);
  return expectOne(ds, code, range, ...gists);
}

/** Exactly one diagnostic with `code`, whose message has every gist and whose range is `range`. */
export function expectOne(ds: readonly Diagnostic[], code: string, range: Range, ...gists: (string | RegExp)[]): Diagnostic {
  const hits = ds.filter((d) => d.code === code);
  assert.equal(hits.length, 1, `expected one ${code}, got:\n${show(ds)}`);
  const d = hits[0];
  assert.equal(fmtRange(d.range), fmtRange(range), `range of ${code}: ${d.message}`);
  for (const g of gists) {
    if (typeof g === 'string') assert.ok(d.message.includes(g), `message ${JSON.stringify(d.message)} lacks ${JSON.stringify(g)}`);
    else assert.match(d.message, g);
  }
  return d;
}

export function onlyFix(d: Diagnostic): FixData {
  assert.ok(d.fixes && d.fixes.length >= 1, `${d.code} has no fix`);
  return d.fixes[0];
}

/** Applies a fix to the text and returns the new text with its model-schema diagnostics. */
export function applyModelFix(text: string, fix: FixData): { text: string; diagnostics: Diagnostic[] } {
  const next = applyEdits(text, fix.edits);
  return { text: next, diagnostics: validateModelSchema(parsed(next)).diagnostics };
}

export function applyTemplateFix(text: string, fix: FixData): { text: string; diagnostics: Diagnostic[] } {
  const next = applyEdits(text, fix.edits);
  return { text: next, diagnostics: validateTemplateSchema(parsed(next)).diagnostics };
}

export const GRID = `
  schemaVersion: 1
  grid:
    bins: 3
    binSize: 1
    binUnit: hours
`;
