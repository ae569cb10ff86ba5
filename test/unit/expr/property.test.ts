// Property tests: the parser never throws, issues stay inside the string, and fixes lead to C#-valid text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseExpression } from '../../../core/src/expr/parse';
import { checkExpression, collectReferences, findSelfShift } from '../../../core/src/expr/check';
import type { Expr } from '../../../core/src/expr/ast';
import { context } from './helpers';

const ctx = context(['a', 'b', 'x_1', 'SHIFT']);

const tokens = [
  '(', ')', '[', ']', ',', '+', '-', '*', '/', '.', '0', '1', '2.5', '007', 'e', 'E', '1e-3', '.5', '5.', 'a', 'b',
  'x_1', 'é', '需', 'SHIFT', 'shift', 'CONV', 'PULSE', 'MIN', 'ABS', ' ', '  ', '\t', '\n', '\u00A0', '\u3000', '@',
  '${p}', '"', "'", '^', '%', '\u0663', '\u{1D465}', '\uD800', '\uFEFF', '\v',
];
const soup = fc.array(fc.constantFrom(...tokens), { maxLength: 40 }).map((parts) => parts.join(''));

function nodes(e: Expr): Expr[] {
  const out: Expr[] = [e];
  if (e.type === 'group') out.push(...nodes(e.inner));
  else if (e.type === 'negate') out.push(...nodes(e.operand));
  else if (e.type === 'binary') out.push(...nodes(e.left), ...nodes(e.right));
  else if (e.type === 'call') for (const arg of e.args) out.push(...nodes(arg));
  else if (e.type === 'array') out.push(...e.elements);
  return out;
}

function invariants(src: string): void {
  const r = parseExpression(src);
  for (const issue of r.issues) {
    assert.ok(issue.start >= 0 && issue.start <= issue.end && issue.end <= src.length, JSON.stringify(issue));
  }
  const syntax = r.issues.filter((i) => i.code === 'expr.syntax');
  if (r.expr) {
    assert.equal(syntax.length, 0);
    for (const n of nodes(r.expr)) assert.ok(n.start >= 0 && n.start <= n.end && n.end <= src.length);
    for (const issue of checkExpression(r.expr, ctx)) assert.ok(issue.end <= src.length);
    collectReferences(r.expr);
    findSelfShift(r.expr, 'a');
  } else {
    assert.equal(syntax.length, 1);
  }
}

/** Applies every fix (outermost first, no overlaps) and returns the new text. */
function applyAll(src: string): string {
  const r = parseExpression(src);
  const fixes = r.issues.filter((i) => i.fix).sort((p, q) => p.start - q.start || q.end - p.end);
  let out = '';
  let at = 0;
  for (const f of fixes) {
    if (f.start < at) continue;
    out += src.slice(at, f.start) + f.fix!.newText;
    at = f.end;
  }
  return out + src.slice(at);
}

describe('parseExpression properties', () => {
  test('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), invariants), { numRuns: 2000 });
  });

  test('never throws on random token soups', () => {
    fc.assert(fc.property(soup, invariants), { numRuns: 3000 });
  });

  test('grammar-generated expressions (with Rust-only spellings) always parse', () => {
    fc.assert(
      fc.property(valid, (src) => {
        const r = parseExpression(src);
        assert.ok(r.expr, `${JSON.stringify(src)}: ${JSON.stringify(r.issues)}`);
        invariants(src);
      }),
      { numRuns: 2000 },
    );
  });

  test('applying every fix leaves text the C# grammar accepts with the same tree', () => {
    assert.equal(parseExpression('1e-3007').issues[0].fix, undefined);
    fc.assert(
      fc.property(fc.oneof(valid, soup), (src) => {
        const r = parseExpression(src);
        // Negative array elements and absurd exponents (1e-3007) have no rewrite; everything else must.
        if (!r.expr || r.issues.some((i) => i.code.startsWith('csharp.') && !i.fix)) return;
        const fixedText = applyAll(src);
        const fixed = parseExpression(fixedText);
        assert.ok(fixed.expr, `fixes of ${JSON.stringify(src)} broke parsing: ${fixedText}`);
        const left = fixed.issues.filter((i) => i.code.startsWith('csharp.') || i.code === 'rust.unsupported-whitespace');
        assert.deepEqual(left, [], `fixes of ${JSON.stringify(src)} left issues`);
        assert.equal(bare(fixed.expr, true), bare(r.expr, true), `fixes of ${JSON.stringify(src)} changed the meaning`);
      }),
      { numRuns: 3000 },
    );
  });

  test('printing with explicit parentheses and re-parsing gives the same tree', () => {
    fc.assert(
      fc.property(fc.oneof(valid, soup), (src) => {
        const r = parseExpression(src);
        if (!r.expr) return;
        const again = parseExpression(print(r.expr));
        assert.ok(again.expr, print(r.expr));
        assert.equal(bare(again.expr, false), bare(r.expr, false));
      }),
      { numRuns: 3000 },
    );
  });
});

/** Grammar-based generator of syntactically valid expressions, including the Rust-only spellings. */
const valid: fc.Arbitrary<string> = fc.letrec<{ expr: string; atom: string; bin: string; call: string; group: string; neg: string }>(
  (tie) => ({
    expr: fc.oneof({ depthSize: 'small' }, tie('atom'), tie('bin'), tie('call'), tie('group'), tie('neg')),
    atom: fc.constantFrom('a', 'b', 'x_1', '0', '1', '2.5', '.5', '5.', '1e-3', '2.5E+2', '[1, 2]', '[-1, .5]', '[]'),
    bin: fc
      .tuple(tie('expr'), fc.constantFrom(' + ', '-', ' * ', '/', ' - '), tie('expr'))
      .map(([l, o, r]) => l + o + r),
    call: fc
      .tuple(fc.constantFrom('MIN', 'SHIFT', 'conv', 'F'), fc.array(tie('expr'), { maxLength: 3 }))
      .map(([n, args]) => `${n}(${args.join(', ')})`),
    group: tie('expr').map((e) => `(${e})`),
    neg: tie('expr').map((e) => `-${e}`),
  }),
).expr;

/** Tree rendering without groups; with `values`, numbers compare by value so `.5` and `0.5` are the same. */
function bare(e: Expr, values: boolean): string {
  switch (e.type) {
    case 'number':
      return values ? String(e.value) : e.raw;
    case 'ref':
      return e.name;
    case 'array':
      return `[${e.elements.map((x) => (values ? String(x.value) : x.raw)).join(' ')}]`;
    case 'group':
      return bare(e.inner, values);
    case 'negate':
      return values ? `(- 0 ${bare(e.operand, values)})` : `(neg ${bare(e.operand, values)})`;
    case 'binary':
      return `(${e.op} ${bare(e.left, values)} ${bare(e.right, values)})`;
    case 'call':
      return `(${[e.name, ...e.args.map((a) => bare(a, values))].join(' ')})`;
  }
}

function print(e: Expr): string {
  switch (e.type) {
    case 'number':
      return e.raw;
    case 'ref':
      return e.name;
    case 'array':
      return `[${e.elements.map((x) => x.raw).join(',')}]`;
    case 'group':
      return `(${print(e.inner)})`;
    case 'negate':
      return `-(${print(e.operand)})`;
    case 'binary':
      return `(${print(e.left)}) ${e.op} (${print(e.right)})`;
    case 'call':
      return `${e.name}(${e.args.map(print).join(', ')})`;
  }
}
