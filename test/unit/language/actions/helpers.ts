// Test support for code actions: marked fixtures → analysis, actions per diagnostic, and applying an action with checks.
import assert from 'node:assert/strict';
import type { Diagnostic, Range, TextEdit } from '../../../../core/src/diagnostics';
import { analyze } from '../../../../core/src/language/analysis';
import type { Analysis } from '../../../../core/src/language/analysis';
import { codeActions } from '../../../../core/src/language/code-actions';
import type { CodeActionEntry } from '../../../../core/src/language/types';
import { LineIndex } from '../../../../core/src/text/line-index';
import { validateText } from '../../../../core/src/validate';
import { applyEdits } from '../../../helpers/apply-edits';
import { dedent, fmtRange, marked } from '../../../helpers/markers';

export type Kind = 'model' | 'template';

export interface Fixture {
  text: string;
  ranges: Range[];
  a: Analysis;
  kind: Kind;
}

export const HEADER = 'schemaVersion: 1\ngrid:\n  bins: 4\n  binSize: 1\n  binUnit: hours\n';

/** A marked fixture (dedented); `kind` is forced so that re-validation after a fix judges the same kind. */
export function fixture(source: string, kind: Kind = 'model'): Fixture {
  const m = marked(dedent(source));
  return { text: m.text, ranges: m.ranges, a: analyze(m.text, { kind }), kind };
}

/** A model fixture below the 4-bin header. */
export function model(body: string): Fixture {
  const m = marked(HEADER + dedent(body));
  return { text: m.text, ranges: m.ranges, a: analyze(m.text, { kind: 'model' }), kind: 'model' };
}

export function only(f: Fixture, code: string): Diagnostic {
  const found = f.a.diagnostics().filter((d) => d.code === code);
  assert.equal(found.length, 1, `expected one ${code}, got:\n${show(f.a.diagnostics())}`);
  return found[0];
}

/** The actions offered for one diagnostic, as a client sends it (without our `fixes` when `stripped`). */
export function actionsFor(f: Fixture, d: Diagnostic, stripped = false): CodeActionEntry[] {
  const sent: Diagnostic = stripped ? { severity: d.severity, code: d.code, message: d.message, range: d.range } : d;
  return codeActions(f.a, d.range, [sent]);
}

export function action(f: Fixture, code: string, title?: RegExp): CodeActionEntry {
  const d = only(f, code);
  const list = actionsFor(f, d).filter((x) => !title || title.test(x.title));
  assert.equal(list.length, 1, `expected one action for ${code}${title ? ` matching ${title}` : ''}, got ${list.map((x) => x.title).join(' | ')}`);
  return list[0];
}

export interface Applied {
  text: string;
  diagnostics: Diagnostic[];
}

/**
 * Applies an action and re-validates: its diagnostic is gone (one fewer of that code, none left at the spot it
 * moved to) and no error code occurs more often than before.
 */
export function applyChecked(f: Fixture, act: CodeActionEntry): Applied {
  assertWellFormed(f.text, act.edits);
  const text = applyEdits(f.text, act.edits);
  const before = validateText(f.text, { kind: f.kind }).diagnostics;
  const after = validateText(text, { kind: f.kind }).diagnostics;
  const d = act.diagnostic!;
  const count = (list: Diagnostic[], code: string) => list.filter((x) => x.code === code).length;
  assert.ok(count(after, d.code) < count(before, d.code), `${d.code} still reported after "${act.title}":\n${text}\n${show(after)}`);
  const moved = mapRange(f.text, text, act.edits, d.range);
  assert.ok(
    !after.some((x) => x.code === d.code && fmtRange(x.range) === fmtRange(moved)),
    `${d.code} still at ${fmtRange(moved)} after "${act.title}"`,
  );
  for (const code of new Set(after.filter((x) => x.severity === 'error').map((x) => x.code))) {
    assert.ok(count(after, code) <= count(before, code), `"${act.title}" introduced ${code}:\n${text}\n${show(after)}`);
  }
  return { text, diagnostics: after };
}

/** Edits inside the text, none overlapping (insertions at one point count as overlapping). */
export function assertWellFormed(text: string, edits: readonly TextEdit[]): void {
  const lines = new LineIndex(text);
  assert.ok(edits.length > 0, 'an action needs edits');
  const spans = edits.map((e) => {
    const s = lines.offset(e.range.start);
    const t = lines.offset(e.range.end);
    assert.deepEqual(lines.position(s), e.range.start, 'edit start outside the text');
    assert.deepEqual(lines.position(t), e.range.end, 'edit end outside the text');
    assert.ok(s <= t, 'edit range reversed');
    return [s, t] as const;
  });
  const sorted = [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i][0] >= sorted[i - 1][1], 'overlapping edits');
    assert.ok(!(sorted[i][0] === sorted[i][1] && sorted[i - 1][0] === sorted[i][0] && sorted[i - 1][1] === sorted[i][0]), 'two insertions at one point');
  }
}

/** Where a range of the old text sits after the edits (edits before it shift it; the edits never cover it in tests). */
export function mapRange(oldText: string, newText: string, edits: readonly TextEdit[], r: Range): Range {
  const oldLines = new LineIndex(oldText);
  const newLines = new LineIndex(newText);
  const shift = (offset: number) =>
    edits.reduce((acc, e) => {
      const s = oldLines.offset(e.range.start);
      const t = oldLines.offset(e.range.end);
      return t <= offset && !(s === t && s === offset) ? acc + e.newText.length - (t - s) : acc;
    }, 0);
  const s = oldLines.offset(r.start);
  const t = oldLines.offset(r.end);
  return newLines.range(s + shift(s), t + shift(t));
}

export function errors(ds: Diagnostic[]): Diagnostic[] {
  return ds.filter((d) => d.severity === 'error');
}

export function show(ds: Diagnostic[]): string {
  return ds.map((d) => `${fmtRange(d.range)} ${d.severity} ${d.code}: ${d.message}`).join('\n');
}

export { fmtRange };
