// Property: on mutated valid corpus files, every offered action applies cleanly and never makes its own finding worse.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Diagnostic } from '../../../../core/src/diagnostics';
import { analyze } from '../../../../core/src/language/analysis';
import { codeActions } from '../../../../core/src/language/code-actions';
import { validateText } from '../../../../core/src/validate';
import { applyEdits } from '../../../helpers/apply-edits';
import { assertWellFormed, fmtRange, mapRange } from './helpers';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

function files(dir: string): string[] {
  return readdirSync(path.join(CORPUS, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => readFileSync(path.join(CORPUS, dir, f), 'utf8'));
}

const MODELS = files('models/valid');
const TEMPLATES = files('templates');

type Mutation = (text: string, pick: number) => string;

/** Replaces the pick-th match of `re` (global) using `f`; unchanged when there is none. */
function atMatch(text: string, re: RegExp, pick: number, f: (m: RegExpExecArray) => string): string {
  const all = [...text.matchAll(re)];
  if (all.length === 0) return text;
  const m = all[pick % all.length] as RegExpExecArray;
  return text.slice(0, m.index) + f(m) + text.slice(m.index + m[0].length);
}

/** Kinds of slips an author makes; each produces some of the diagnostics that carry actions. */
const MUTATIONS: Record<string, Mutation> = {
  // A misspelt name anywhere: keys, ids, references, enum values, function names.
  typo: (t, p) =>
    atMatch(t, /\b[A-Za-z_][A-Za-z_0-9]{3,}\b/g, p, (m) => {
      const w = m[0];
      const i = 1 + (p % (w.length - 2));
      return p % 3 === 0 ? w.slice(0, i) + w.slice(i + 1) : p % 3 === 1 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.toUpperCase();
    }),
  dropListItem: (t, p) => atMatch(t, /, -?[0-9.]+\]/g, p, () => ']'),
  addListItems: (t, p) => atMatch(t, /(-?[0-9.]+)\]/g, p, (m) => `${m[1]}, ${m[1]}, ${m[1]}]`),
  probability: (t, p) => atMatch(t, /(probabilities: \[)([0-9.]+)/g, p, (m) => `${m[1]}${(p % 7) / 10 + 0.05}`),
  deleteLine: (t, p) => {
    const lines = t.split('\n');
    lines.splice(p % lines.length, 1);
    return lines.join('\n');
  },
  unaryMinus: (t, p) => atMatch(t, /expr: "([A-Za-z_])/g, p, (m) => `expr: "-${m[1]}`),
  plainNumberExpr: (t, p) => atMatch(t, /expr: "[^"\n]*"/g, p, () => `expr: ${p % 10}`),
  quoteNumber: (t, p) => atMatch(t, /: ([0-9]+)$/gm, p, (m) => `: "${m[1]}"`),
  legacyBinMinutes: (t) => t.replace(/binSize: (\d+)\n(\s*)binUnit: minutes/, 'binMinutes: $1'),
  legacyExpression: (t, p) => atMatch(t, /\bexpr:/g, p, () => 'expression:'),
  selfShift: (t, p) => atMatch(t, /- id: ([A-Za-z_0-9]+)\n(\s+)kind: expr\n(\s+)expr: "/g, p, (m) => `${m[0]}SHIFT(${m[1]}, 1) + `),
  dropSchemaVersion: (t) => t.replace(/^schemaVersion: 1\n/m, ''),
};

const NAMES = Object.keys(MUTATIONS);

interface Outcome {
  actions: number;
}

/** Checks every action offered for every diagnostic of `text`. */
function checkAll(text: string, kind: 'model' | 'template'): Outcome {
  const a = analyze(text, { kind });
  const before = a.diagnostics();
  let actions = 0;
  for (const d of before) {
    for (const act of codeActions(a, d.range, [d])) {
      actions++;
      assertWellFormed(text, act.edits);
      assert.equal(act.kind, 'quickfix');
      assert.equal(act.diagnostic, d);
      const fixed = applyEdits(text, act.edits);
      const after = validateText(fixed, { kind }).diagnostics;
      const moved = mapRange(text, fixed, act.edits, d.range);
      const at = (list: Diagnostic[], r: string) => list.filter((x) => x.code === d.code && fmtRange(x.range) === r).length;
      assert.ok(
        at(after, fmtRange(moved)) <= at(before, fmtRange(d.range)),
        `"${act.title}" made ${d.code} at ${fmtRange(d.range)} worse:\n${fixed}`,
      );
    }
  }
  return { actions };
}

function mutate(text: string, steps: [number, number][]): string {
  return steps.reduce((t, [m, p]) => MUTATIONS[NAMES[m % NAMES.length]](t, p), text);
}

const steps = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 2 });

describe('code actions on mutated corpus files', () => {
  test('models: every action applies cleanly and never worsens its own finding', () => {
    let offered = 0;
    fc.assert(
      fc.property(fc.nat(), steps, (file, s) => {
        offered += checkAll(mutate(MODELS[file % MODELS.length], s), 'model').actions;
      }),
      { numRuns: 150 },
    );
    assert.ok(offered > 50, `only ${offered} actions were exercised`);
  });

  test('templates: every action applies cleanly and never worsens its own finding', () => {
    let offered = 0;
    fc.assert(
      fc.property(fc.nat(), steps, (file, s) => {
        offered += checkAll(mutate(TEMPLATES[file % TEMPLATES.length], s), 'template').actions;
      }),
      { numRuns: 40 },
    );
    assert.ok(offered > 10, `only ${offered} actions were exercised`);
  });

  test('each mutation kind yields at least one action on some corpus file', () => {
    for (const name of NAMES) {
      let found = 0;
      for (const text of MODELS) {
        for (let p = 0; p < 6 && found === 0; p++) found += checkAll(MUTATIONS[name](text, p), 'model').actions;
      }
      if (name !== 'deleteLine' && name !== 'probability') assert.ok(found > 0, `${name} never produced an action`);
    }
  });
});
