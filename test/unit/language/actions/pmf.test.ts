// Normalizing PMF probabilities: divide by the sum, keep the list's style, round so the written numbers sum to 1.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizedTexts } from '../../../../core/src/language/action-pmf';
import { action, actionsFor, applyChecked, errors, fixture, model } from './helpers';

describe('normalize PMF probabilities (model.pmf-sum)', () => {
  test('flow list: each changed element is rewritten in place, the last absorbs the rounding', () => {
    const f = model(`
      nodes:
        - id: p
          kind: pmf
          pmf:
            values: [1, 2, 3]
            probabilities: [«0.2», «0.5», «0.4»]
    `);
    const act = action(f, 'model.pmf-sum');
    assert.equal(act.isPreferred, true);
    assert.match(act.title, /^Normalize the probabilities \(divide each by their sum, 1\.1\)$/);
    assert.deepEqual(act.edits, [
      { range: f.ranges[0], newText: '0.181818' },
      { range: f.ranges[1], newText: '0.454545' },
      { range: f.ranges[2], newText: '0.363637' },
    ]);
    const after = applyChecked(f, act);
    assert.match(after.text, /probabilities: \[0\.181818, 0\.454545, 0\.363637\]\n/);
    assert.deepEqual(errors(after.diagnostics), []);
  });

  test('block list keeps its lines; exact shares need no rounding; unchanged spellings stay', () => {
    const f = model(`
      nodes:
        - id: p
          kind: pmf
          pmf:
            values: [1, 2, 3]
            probabilities:
              - «0.1»
              - «0.1»
              - «0.2»
    `);
    const act = action(f, 'model.pmf-sum');
    assert.deepEqual(act.edits, [
      { range: f.ranges[0], newText: '0.25' },
      { range: f.ranges[1], newText: '0.25' },
      { range: f.ranges[2], newText: '0.5' },
    ]);
    const after = applyChecked(f, act);
    assert.match(after.text, /probabilities:\n {8}- 0\.25\n {8}- 0\.25\n {8}- 0\.5\n/);
  });

  test('a trailing zero probability stays zero (an earlier element absorbs the rounding)', () => {
    const f = model(`
      nodes:
        - id: p
          kind: pmf
          pmf:
            values: [1, 2, 3, 4]
            probabilities: [«1», «1», «1», 0]
    `);
    const act = action(f, 'model.pmf-sum');
    assert.deepEqual(
      act.edits.map((e) => e.newText),
      ['0.333333', '0.333333', '0.333334'],
    );
    assert.deepEqual(act.edits.map((e) => e.range), f.ranges);
    applyChecked(f, act);
  });

  test('no action when there is nothing to change (a diagnostic on a list that already sums to 1)', () => {
    const f = model(`
      nodes:
        - id: p
          kind: pmf
          pmf:
            values: [1, 2]
            probabilities: «[0.5, 0.5]»
    `);
    const d = { severity: 'error' as const, code: 'model.pmf-sum', message: 'stale', range: f.ranges[0] };
    assert.deepEqual(actionsFor(f, d), []);
  });

  test('not offered when a probability is negative (normalizing cannot make that valid)', () => {
    const f = model(`
      nodes:
        - id: p
          kind: pmf
          pmf:
            values: [1, 2]
            probabilities: «[-0.5, 0.6]»
    `);
    assert.ok(f.a.diagnostics().some((d) => d.code === 'schema.out-of-range'));
    const d = { severity: 'error' as const, code: 'model.pmf-sum', message: 'hand-made', range: f.ranges[0] };
    assert.deepEqual(actionsFor(f, d), []);
  });
});

describe('normalize PMF probabilities in a template (template.pmf-sum, tolerance 1e-10)', () => {
  test('a profiled pmf is normalized within Sim tolerance', () => {
    const f = fixture(
      `
      schemaVersion: 1
      generator: flowtime-sim
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      parameters:
        - name: bins
          type: integer
          default: 4
      grid:
        bins: \${bins}
        binSize: 1
        binUnit: hours
      nodes:
        - id: arrivals
          kind: pmf
          pmf:
            values: [1, 2, 3]
            probabilities: [«0.3», «0.3», «0.3»]
          profile: {kind: builtin, name: weekday-office}
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics: {arrivals: arrivals, served: arrivals}
        edges: []
      outputs:
        - series: arrivals
    `,
      'template',
    );
    const act = action(f, 'template.pmf-sum');
    assert.deepEqual(act.edits.map((e) => e.newText), ['0.333333', '0.333333', '0.333334']);
    assert.deepEqual(act.edits.map((e) => e.range), f.ranges);
    assert.deepEqual(errors(applyChecked(f, act).diagnostics), []);
  });
});

describe('normalizedTexts', () => {
  test('any non-negative list with a positive sum normalizes to non-negative numbers summing to 1 within 1e-10', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }), (probs) => {
        const sum = probs.reduce((s, p) => s + p, 0);
        fc.pre(sum > 1e-9);
        const texts = normalizedTexts(probs, sum);
        assert.ok(texts, `no result for ${probs.join(', ')}`);
        const values = texts.map(Number);
        assert.ok(values.every((v) => v >= 0 && Number.isFinite(v)));
        assert.ok(Math.abs(values.reduce((s, v) => s + v, 0) - 1) <= 1e-10);
        assert.ok(texts.every((t) => !/e/i.test(t)), 'never exponent notation');
        probs.forEach((p, i) => {
          if (p === 0) assert.equal(values[i], 0, 'zero stays zero');
        });
      }),
      { numRuns: 300 },
    );
  });
});
