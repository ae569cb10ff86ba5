// The invalid corpus models: every offered action fixes its diagnostic, and the preferred ones together fix the file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../../../core/src/language/analysis';
import { codeActions } from '../../../../core/src/language/code-actions';
import type { CodeActionEntry } from '../../../../core/src/language/types';
import { validateText } from '../../../../core/src/validate';
import { applyEdits } from '../../../helpers/apply-edits';
import { applyChecked, assertWellFormed, errors, show } from './helpers';
import type { Fixture } from './helpers';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const INVALID = path.join(CORPUS, 'models/invalid');

function load(name: string): Fixture {
  const text = readFileSync(path.join(INVALID, name), 'utf8');
  return { text, ranges: [], a: analyze(text, { kind: 'model' }), kind: 'model' };
}

function allActions(f: Fixture): CodeActionEntry[] {
  return f.a.diagnostics().flatMap((d) => codeActions(f.a, d.range, [d]));
}

/** Applies one preferred action per diagnostic at once (they must not overlap) and re-validates. */
function applyPreferred(f: Fixture): { text: string; titles: string[] } {
  const preferred = f.a.diagnostics().map((d) => codeActions(f.a, d.range, [d]).find((x) => x.isPreferred));
  const chosen = preferred.filter((x): x is CodeActionEntry => x !== undefined);
  const edits = chosen.flatMap((x) => x.edits);
  assertWellFormed(f.text, edits);
  return { text: applyEdits(f.text, edits), titles: chosen.map((x) => x.title) };
}

describe('invalid corpus models', () => {
  for (const name of ['const-length-mismatch.yaml', 'legacy-binminutes.yaml', 'legacy-node-based.yaml', 'missing-schema-version.yaml']) {
    test(`${name}: every offered action removes its diagnostic without new errors`, () => {
      const f = load(name);
      const actions = allActions(f);
      assert.ok(actions.length > 0, `no actions for ${name}:\n${show(f.a.diagnostics())}`);
      for (const act of actions) applyChecked(f, act);
      // Every error of these files has a fix.
      for (const d of errors(f.a.diagnostics())) assert.ok(actions.some((x) => x.diagnostic === d), `no action for ${d.code}`);
    });
  }

  test('legacy-binminutes.yaml: the preferred fix leaves zero errors', () => {
    const { text, titles } = applyPreferred(load('legacy-binminutes.yaml'));
    assert.deepEqual(titles, ['Convert to binSize: 1, binUnit: hours']);
    assert.deepEqual(errors(validateText(text, { kind: 'model' }).diagnostics), []);
    assert.match(text, /grid:\n {2}bins: 8\n {2}binSize: 1\n {2}binUnit: hours\n/);
  });

  test('legacy-node-based.yaml: all preferred fixes together leave zero errors', () => {
    const { text, titles } = applyPreferred(load('legacy-node-based.yaml'));
    assert.deepEqual(titles, ['Delete `metadata`', 'Rename `expression` to `expr`', 'Delete `dependencies`', 'Use series: COMP_A']);
    const after = validateText(text, { kind: 'model' }).diagnostics;
    assert.deepEqual(errors(after), [], show(after));
    assert.match(text, /^schemaVersion: 1\nrng:/);
    assert.match(text, /- id: COMP_A\n {4}kind: expr\n {4}expr: arrivals\noutputs:\n {2}- series: COMP_A\n?$/);
  });

  test('const-length-mismatch.yaml: only padding is offered (6 values for 8 bins)', () => {
    const f = load('const-length-mismatch.yaml');
    assert.deepEqual(
      allActions(f).map((x) => x.title),
      ['Pad values to grid.bins (8) by repeating the last value (60) 2 times'],
    );
  });

  test('missing-schema-version.yaml: schemaVersion goes below the header comments', () => {
    const f = load('missing-schema-version.yaml');
    const { text } = applyPreferred(f);
    assert.deepEqual(errors(validateText(text, { kind: 'model' }).diagnostics), []);
    const lines = text.split('\n');
    assert.ok(lines[0].startsWith('#') && lines[1].startsWith('#'));
    assert.equal(lines[2], 'schemaVersion: 1');
  });
});
