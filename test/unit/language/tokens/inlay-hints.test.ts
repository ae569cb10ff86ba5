// Inlay hints: PMF expected values, and template placeholders' default values, placed right after what they explain.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Position } from '../../../../core/src/diagnostics';
import { inlayHints } from '../../../../core/src/language/inlay-hints';
import type { InlayHintEntry } from '../../../../core/src/language/types';
import { fixture } from '../navigation/fixture';

const EVERYTHING = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

function show(h: InlayHintEntry): string {
  return `${h.position.line}:${h.position.character} ${h.label}`;
}

function at(p: Position, label: string): string {
  return `${p.line}:${p.character} ${label}`;
}

describe('PMF expected value', () => {
  test('after `pmf:` of a block map, after an inline flow map, normalized by the probability sum', () => {
    const f = fixture(`
      nodes:
        - id: wait
          kind: pmf
          pmf:‸
            values: [10, 20, 5]
            probabilities: [0.25, 0.5, 0.25]
        - id: inline
          kind: pmf
          pmf: {values: [1, 2], probabilities: [1, 3]}‸
        - id: third
          kind: pmf
          pmf:‸  # a comment after the key
            values: [1, 2, 4]
            probabilities: [0.3, 0.3, 0.4]
    `);
    const hints = inlayHints(f.a, EVERYTHING);
    assert.deepEqual(hints.map(show), [at(f.cursors[0], 'E = 13.75'), at(f.cursors[1], 'E = 1.75'), at(f.cursors[2], 'E = 2.5')]);
    assert.match(hints[1].tooltip ?? '', /sum to 4, not 1/);
    assert.ok(hints.every((h) => h.paddingLeft));
  });

  test('no hint when the PMF cannot be computed: placeholders, mismatched lengths, zero total', () => {
    const f = fixture(`
      nodes:
        - id: a
          kind: pmf
          pmf: {values: [1, 2], probabilities: [1]}
        - id: b
          kind: pmf
          pmf: {values: [1], probabilities: [0]}
        - id: c
          kind: pmf
          pmf: {values: [x], probabilities: [1]}
        - id: d
          kind: const
          values: [1]
    `);
    assert.deepEqual(inlayHints(f.a, EVERYTHING), []);
  });

  test('only hints inside the requested range', () => {
    const f = fixture(`
      nodes:
        - id: a
          kind: pmf
          pmf: {values: [1], probabilities: [1]}
        - id: b
          kind: pmf
          pmf: {values: [3], probabilities: [1]}‸
    `);
    const range = { start: { line: 4, character: 0 }, end: { line: 6, character: 100 } };
    assert.deepEqual(inlayHints(f.a, range).map(show), [at(f.cursors[0], 'E = 3')]);
  });
});

describe('template placeholders', () => {
  test('each ${param} with a default shows the text Sim substitutes; none without a default or in comments', () => {
    const f = fixture(
      `
      # \${bins} in a comment
      parameters:
        - name: bins
          type: integer
          default: 12
        - name: label
          type: string
          default: north east
        - name: pattern
          type: array
          default: [1, 2.5, 3]
        - name: source
          type: string
      grid:
        bins: \${bins}‸
      nodes:
        - id: a
          kind: const
          values: \${pattern}‸
          source: \${source}
        - id: b
          kind: expr
          expr: "\${bins}‸ * 2"
      metadata:
        title: \${label}‸
    `,
      'template',
    );
    assert.deepEqual(inlayHints(f.a, EVERYTHING).map(show), [
      at(f.cursors[0], '= 12'),
      at(f.cursors[1], '= [1, 2.5, 3]'),
      at(f.cursors[2], '= 12'),
      at(f.cursors[3], '= "north east"'),
    ]);
  });

  test('a long default is clipped in the label and given whole in the tooltip', () => {
    const values = Array.from({ length: 30 }, (_v, i) => i).join(', ');
    const f = fixture(
      `
      parameters:
        - name: p
          type: array
          default: [${values}]
      nodes:
        - id: a
          kind: const
          values: \${p}
    `,
      'template',
    );
    const [hint] = inlayHints(f.a, EVERYTHING);
    assert.ok(hint.label.endsWith('…') && hint.label.length <= 42, hint.label);
    assert.ok(hint.tooltip?.includes(`[${values}]`));
  });
});
