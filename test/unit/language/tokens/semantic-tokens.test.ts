// Semantic tokens in expressions (each quoting style) and for `${param}` placeholders, at document positions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Range } from '../../../../core/src/diagnostics';
import { semanticTokens } from '../../../../core/src/language/semantic-tokens';
import type { SemanticTokenEntry } from '../../../../core/src/language/types';
import { fmtRange } from '../../../helpers/markers';
import { fixture } from '../navigation/fixture';

function show(t: SemanticTokenEntry): string {
  return `${t.line}:${t.character}+${t.length} ${t.type}${t.modifiers?.length ? ` [${t.modifiers.join(',')}]` : ''}`;
}

/** The token expected on a single-line marked range. */
function token(r: Range, type: string, modifiers: string[] = []): string {
  assert.equal(r.start.line, r.end.line, `single-line range ${fmtRange(r)}`);
  const length = r.end.character - r.start.character;
  return `${r.start.line}:${r.start.character}+${length} ${type}${modifiers.length ? ` [${modifiers.join(',')}]` : ''}`;
}

const NODE = ['readonly'];
const BUILTIN = ['defaultLibrary'];

describe('semantic tokens in expressions', () => {
  test('a tricky double-quoted line: escapes, unknown function, unary minus, arrays, scientific numbers', () => {
    const f = fixture(`
      nodes:
        - id: demand
          kind: const
          values: [1]
        - id: x
          kind: expr
          expr: "«min»(«demand»,\\t«2.5e1») «*» «-»«x» «+» «foo»(«demand»)«/»«CONV»(«ghost», [«0.5», «.5»])"
    `);
    const r = f.ranges;
    assert.deepEqual(semanticTokens(f.a).map(show), [
      token(r[0], 'function', BUILTIN),
      token(r[1], 'variable', NODE),
      token(r[2], 'number'),
      token(r[3], 'operator'),
      token(r[4], 'operator'),
      token(r[5], 'variable', NODE),
      token(r[6], 'operator'),
      token(r[7], 'function'),
      token(r[8], 'variable', NODE),
      token(r[9], 'operator'),
      token(r[10], 'function', BUILTIN),
      token(r[11], 'variable'),
      token(r[12], 'number'),
      token(r[13], 'number'),
    ]);
  });

  test('plain and single-quoted values map to the same document positions as written', () => {
    const f = fixture(`
      nodes:
        - id: a
          kind: const
          values: [1]
        - id: b
          kind: expr
          expr: «SHIFT»(«a», «1») «+» «a»
        - id: c
          kind: expr
          expr: '«MAX»(«a»,   «b»)'
    `);
    const r = f.ranges;
    assert.deepEqual(semanticTokens(f.a).map(show), [
      token(r[0], 'function', BUILTIN),
      token(r[1], 'variable', NODE),
      token(r[2], 'number'),
      token(r[3], 'operator'),
      token(r[4], 'variable', NODE),
      token(r[5], 'function', BUILTIN),
      token(r[6], 'variable', NODE),
      token(r[7], 'variable', NODE),
    ]);
  });

  test('a folded block expression: tokens on each line', () => {
    const f = fixture(`
      nodes:
        - id: a
          kind: const
          values: [1]
        - id: b
          kind: expr
          expr: >-
            «a» «*»
              «2»
    `);
    const r = f.ranges;
    assert.deepEqual(semanticTokens(f.a).map(show), [token(r[0], 'variable', NODE), token(r[1], 'operator'), token(r[2], 'number')]);
  });

  test('a broken expression gives no expression tokens; other values none at all', () => {
    const f = fixture(`
      nodes:
        - id: a
          kind: expr
          expr: "MIN(a, "
        - id: b
          kind: const
          values: [1, 2]
    `);
    assert.deepEqual(semanticTokens(f.a), []);
  });
});

describe('semantic tokens for placeholders', () => {
  test('${param} anywhere outside comments, inside expressions without a number token for the mask', () => {
    const f = fixture(
      `
      # «\${bins}» in a comment is not a token: ignored
      parameters:
        - name: bins
          type: integer
          default: 3
        - name: k
          type: number
          default: 2
      grid:
        bins: «\${bins}»
      nodes:
        - id: a
          kind: const
          values: «\${pattern}»
        - id: b
          kind: expr
          expr: "«PULSE»(«\${k}», «0») «*» «a» «+» x«\${k}»"
    `,
      'template',
    );
    const r = f.ranges;
    assert.deepEqual(semanticTokens(f.a).map(show), [
      token(r[1], 'parameter'),
      token(r[2], 'parameter'),
      token(r[3], 'function', BUILTIN),
      token(r[4], 'parameter'),
      token(r[5], 'number'),
      token(r[6], 'operator'),
      token(r[7], 'variable', NODE),
      token(r[8], 'operator'),
      token(r[9], 'parameter'),
    ]);
  });

  test('in a model, ${...} is not a placeholder', () => {
    const f = fixture(`
      schemaVersion: 1
      grid:
        bins: 3
      outputs:
        - series: \${x}
    `, 'model');
    assert.deepEqual(semanticTokens(f.a), []);
  });
});
