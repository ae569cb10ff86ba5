// Semantic checks: functions, arity, literal arguments, arrays, references and suggestions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkExpression } from '../../../core/src/expr/check';
import type { ExprContext } from '../../../core/src/expr/check';
import { FUNCTIONS } from '../../../core/src/expr/functions';
import type { ExprIssue } from '../../../core/src/expr/ast';
import { applyFix, context, parsed, spanOf } from './helpers';

const ctx = context(['a', 'b', 'demand', 'Queue_Depth', 'x', 'my-node', 'min']);

function check(src: string, c: ExprContext = ctx): ExprIssue[] {
  const r = parsed(src);
  return checkExpression(r.expr, c);
}

function only(src: string, code: string, c: ExprContext = ctx): ExprIssue {
  const issues = check(src, c);
  assert.equal(issues.length, 1, `one issue expected for ${src}: ${JSON.stringify(issues)}`);
  assert.equal(issues[0].code, code);
  return issues[0];
}

function none(src: string, c: ExprContext = ctx): void {
  assert.deepEqual(check(src, c), [], `no issues expected for ${src}`);
}

/** A call to `name` with `n` arguments that satisfy every literal rule. */
function callWith(name: string, n: number): string {
  const fn = FUNCTIONS.find((f) => f.name === name)!;
  const args: string[] = [];
  for (let i = 0; i < n; i++) {
    const rule = fn.args[i]?.literal;
    args.push(rule === 'kernel' ? '[1]' : rule ? '1' : 'a');
  }
  return `${name}(${args.join(', ')})`;
}

describe('arity (expr.arity)', () => {
  const expected: Record<string, [number, number]> = {
    SHIFT: [2, 2],
    CONV: [2, 2],
    MIN: [2, 2],
    MAX: [2, 2],
    CLAMP: [3, 3],
    MOD: [2, 2],
    FLOOR: [1, 1],
    CEIL: [1, 1],
    ROUND: [1, 1],
    STEP: [2, 2],
    PULSE: [1, 3],
  };

  test('the catalog has exactly the 11 functions with these arities', () => {
    assert.deepEqual(
      Object.fromEntries(FUNCTIONS.map((f) => [f.name, [f.minArgs, f.maxArgs]])),
      expected,
    );
  });

  for (const [name, [min, max]] of Object.entries(expected)) {
    test(`${name}: ${min}..${max} accepted, ${min - 1} and ${max + 1} rejected`, () => {
      for (let n = min; n <= max; n++) none(callWith(name, n));
      const tooMany = callWith(name, max + 1);
      const extra = only(tooMany, 'expr.arity');
      const lastComma = tooMany.lastIndexOf(', ');
      assert.deepEqual(spanOf(extra), [lastComma + 2, tooMany.length - 1]);
      assert.match(extra.message, new RegExp(`^${name} takes ${min === max ? min : `${min} to ${max}`} argument`));
      assert.match(extra.message, new RegExp(`got ${max + 1}: ${name}\\(`));
      const tooFew = callWith(name, min - 1);
      const missing = only(tooFew, 'expr.arity');
      assert.deepEqual(spanOf(missing), [0, tooFew.length]);
    });
  }

  test('PULSE with 4 arguments marks the extra ones', () => {
    const issue = only('PULSE(4, 1, a, b, a)', 'expr.arity');
    assert.deepEqual(spanOf(issue), [15, 19]);
    assert.equal(issue.message, 'PULSE takes 1 to 3 arguments, got 5: PULSE(period[, phase[, amplitude]])');
  });

  test('PULSE() with no argument', () => {
    assert.deepEqual(spanOf(only('PULSE()', 'expr.arity')), [0, 7]);
  });
});

describe('function names', () => {
  test('names are case-insensitive', () => {
    none('min(a, b)');
    none('Shift(a, 1) + conv(a, [1]) + pUlSe(3) + clamp(a, 0, 1) + Mod(a, 2) + floor(a) + Ceil(a) + round(a)');
    none('step(a, b) + max(a, b)');
  });

  test('a node named like a function can be referenced without parentheses', () => {
    none('min + MIN(min, a)');
  });

  for (const name of ['ABS', 'SQRT', 'POW', 'SUM', 'AVG', 'IF', 'EMA', 'LAG', 'CUMSUM']) {
    test(`${name} is documented but not implemented`, () => {
      const issue = only(`${name.toLowerCase()}(a)`, 'expr.unknown-function');
      assert.deepEqual(spanOf(issue), [0, name.length]);
      const gist = `^unknown function '${name.toLowerCase()}': FlowTime documentation mentions ${name}, `;
      assert.match(issue.message, new RegExp(`${gist}but neither engine implements it; `));
    });
  }

  test('ABS suggests an equivalent, LAG suggests SHIFT', () => {
    assert.match(only('ABS(a)', 'expr.unknown-function').message, /MAX\(x, 0 - x\)/);
    assert.match(only('LAG(a, 1)', 'expr.unknown-function').message, /SHIFT\(x, lag\)/);
  });

  test('a misspelt function gets a did-you-mean fix', () => {
    const issue = only('SHIF(a, 1)', 'expr.unknown-function');
    assert.equal(issue.message, "unknown function 'SHIF'; did you mean SHIFT?");
    assert.equal(applyFix('SHIF(a, 1)', issue), 'SHIFT(a, 1)');
    assert.equal(only('mnx(a, b)', 'expr.unknown-function').fix?.newText, 'MAX');
    assert.equal(only('Clmap(a, 0, 1)', 'expr.unknown-function').fix?.newText, 'CLAMP');
  });

  test('an unrelated name lists the functions', () => {
    const issue = only('Frobnicate(a)', 'expr.unknown-function');
    assert.match(issue.message, /the functions are SHIFT, CONV, MIN, MAX, CLAMP, MOD, FLOOR, CEIL, ROUND, STEP, PULSE$/);
    assert.equal(issue.fix, undefined);
  });

  test('calling a node by name explains that series cannot be indexed', () => {
    assert.match(only('demand(3)', 'expr.unknown-function').message, /'demand' is a node.*cannot be indexed/);
  });

  test('arguments of unknown functions are still checked', () => {
    const issues = check('Frobnicate(zzz)');
    assert.deepEqual(
      issues.map((i) => i.code),
      ['expr.unknown-function', 'expr.unknown-reference'],
    );
  });
});

describe('literal arguments (expr.literal-argument)', () => {
  test('SHIFT lag: non-negative integer literals, parentheses allowed', () => {
    none('SHIFT(a, 1)');
    none('SHIFT(a, 0)');
    none('SHIFT(a, (5))');
    none('SHIFT(a, ((2)))');
    none('SHIFT(a, 2.0)');
  });

  test('SHIFT lag: an expression is not a literal', () => {
    const issue = only('SHIFT(a, 1+0)', 'expr.literal-argument');
    assert.deepEqual(spanOf(issue), [9, 12]);
    assert.match(issue.message, /^the SHIFT lag must be a number literal \(a whole number of at least 0\), not a computed value/);
    assert.deepEqual(spanOf(only('SHIFT(a, b)', 'expr.literal-argument')), [9, 10]);
  });

  test('SHIFT lag: fractions are rejected by C# and truncated by Rust', () => {
    const issue = only('SHIFT(a, 1.5)', 'expr.literal-argument');
    assert.deepEqual(spanOf(issue), [9, 12]);
    assert.match(issue.message, /got 1\.5: the C# engine rejects it, the Rust engine would truncate it to 1/);
  });

  test('SHIFT lag: negative via unary minus', () => {
    const issue = only('SHIFT(a, -1)', 'expr.literal-argument');
    assert.match(issue.message, /^the SHIFT lag cannot be negative/);
    assert.deepEqual(spanOf(issue), [9, 11]);
  });

  test('SHIFT lag: beyond the C# int range', () => {
    assert.match(only('SHIFT(a, 3000000000)', 'expr.literal-argument').message, /too large/);
  });

  test('CONV kernel: array literal, possibly in parentheses', () => {
    none('CONV(a, [0.0, 0.6, 0.3, 0.1])');
    none('CONV(a, ([1]))');
    none('CONV(a, [])');
  });

  test('CONV kernel: a scalar literal is a Rust-only rejection (warning) with a fix', () => {
    const issue = only('CONV(a, 0.5)', 'rust.conv-scalar-kernel');
    assert.deepEqual(spanOf(issue), [8, 11]);
    assert.match(issue.message, /C# engine uses it as a one-element kernel, the Rust engine rejects it/);
    assert.equal(applyFix('CONV(a, 0.5)', issue), 'CONV(a, [0.5])');
    const grouped = only('CONV(a, (2))', 'rust.conv-scalar-kernel');
    assert.equal(applyFix('CONV(a, (2))', grouped), 'CONV(a, [2])');
  });

  test('CONV kernel: anything else is an error', () => {
    const issue = only('CONV(a, b)', 'expr.literal-argument');
    assert.deepEqual(spanOf(issue), [8, 9]);
    assert.match(issue.message, /^the CONV kernel must be an array literal/);
    assert.deepEqual(
      check('CONV(a, [1] * 2)').map((i) => [i.code, ...spanOf(i)]),
      [
        ['expr.array-outside-conv', 8, 11],
        ['expr.literal-argument', 8, 15],
      ],
    );
  });

  test('PULSE period: positive integer literal', () => {
    none('PULSE(1)');
    none('PULSE(24)');
    none('PULSE((3))');
    const zero = only('PULSE(0)', 'expr.literal-argument');
    assert.deepEqual(spanOf(zero), [6, 7]);
    assert.match(zero.message, /at least 1, got 0: the C# engine rejects it, and the Rust engine would divide by zero/);
    assert.match(only('PULSE(2.5)', 'expr.literal-argument').message, /truncate it to 2$/);
    assert.match(only('PULSE(0.5)', 'expr.literal-argument').message, /truncate it to 0 and then divide by zero/);
    assert.match(only('PULSE(a)', 'expr.literal-argument').message, /^the PULSE period must be a number literal/);
  });

  test('PULSE phase: non-negative integer literal; amplitude is free', () => {
    none('PULSE(4, 0)');
    none('PULSE(4, 3, a * 2)');
    const frac = only('PULSE(4, 1.5)', 'expr.literal-argument');
    assert.deepEqual(spanOf(frac), [9, 12]);
    assert.match(frac.message, /^the PULSE phase must be a whole number of at least 0, got 1\.5/);
    assert.match(only('PULSE(4, b)', 'expr.literal-argument').message, /^the PULSE phase must be a number literal/);
  });

  test('literal rules are not checked when the arity is already wrong', () => {
    assert.deepEqual(
      check('SHIFT(a, b, a)').map((i) => i.code),
      ['expr.arity'],
    );
  });
});

describe('array literals outside CONV (expr.array-outside-conv)', () => {
  test('standalone, in arithmetic and as another argument', () => {
    assert.deepEqual(spanOf(only('[1, 2]', 'expr.array-outside-conv')), [0, 6]);
    assert.deepEqual(spanOf(only('a + [1]', 'expr.array-outside-conv')), [4, 7]);
    assert.deepEqual(spanOf(only('MIN([1], a)', 'expr.array-outside-conv')), [4, 7]);
    assert.deepEqual(spanOf(only('CONV([1, 2], [1])', 'expr.array-outside-conv')), [5, 11]);
    assert.match(only('[1]', 'expr.array-outside-conv').message, /C# engine fails at evaluation/);
  });

  test('an array as SHIFT lag is both outside CONV and not a valid lag', () => {
    assert.deepEqual(
      check('SHIFT(a, [1])').map((i) => i.code),
      ['expr.literal-argument', 'expr.array-outside-conv'],
    );
  });

  test('an array nested in a kernel expression is not a kernel', () => {
    assert.deepEqual(
      check('CONV(a, [1] + [2])').map((i) => i.code),
      ['expr.array-outside-conv', 'expr.literal-argument', 'expr.array-outside-conv'],
    );
  });
});

describe('node references (expr.unknown-reference)', () => {
  test('known references pass, unknown ones name the node', () => {
    none('a + demand * x');
    const issue = only('a + zzz', 'expr.unknown-reference');
    assert.equal(issue.message, "expression references unknown node 'zzz'");
    assert.deepEqual(spanOf(issue), [4, 7]);
  });

  test('did you mean, by edit distance', () => {
    const issue = only('demnd * 2', 'expr.unknown-reference');
    assert.equal(issue.message, "expression references unknown node 'demnd'; did you mean 'demand'?");
    assert.equal(applyFix('demnd * 2', issue), 'demand * 2');
  });

  test('a case-only difference says that ids are case-sensitive', () => {
    const issue = only('Demand', 'expr.unknown-reference');
    assert.equal(
      issue.message,
      "expression references unknown node 'Demand'; did you mean 'demand'? Node ids are case-sensitive and these differ only in case.",
    );
    assert.equal(issue.fix?.newText, 'demand');
    assert.match(only('queue_depth', 'expr.unknown-reference').message, /did you mean 'Queue_Depth'\? Node ids are case-sensitive/);
  });

  test('a case-only match wins over a closer edit', () => {
    const c = context(['Ab', 'ac']);
    assert.equal(only('ab', 'expr.unknown-reference', c).fix?.newText, 'Ab');
  });

  test('no suggestion without nodeNames, or when nothing is close', () => {
    assert.equal(only('demnd', 'expr.unknown-reference', context(['demand'], false)).fix, undefined);
    assert.equal(only('completely_different', 'expr.unknown-reference').fix, undefined);
  });

  test('names that cannot be written in an expression are never suggested', () => {
    const c = context(['my-node', 'other']);
    assert.equal(only('my_node', 'expr.unknown-reference', c).fix, undefined);
  });

  test('a hyphenated node id is explained once', () => {
    const issue = only('my-node * 2', 'expr.unknown-reference');
    assert.deepEqual(spanOf(issue), [0, 7]);
    assert.match(issue.message, /^expression references unknown node 'my': 'my-node' reads as my minus node/);
    assert.deepEqual(spanOf(only('2 * my-node * 3', 'expr.unknown-reference')), [4, 11]);
    // With spaces it really is a subtraction of two unknown names.
    assert.equal(check('my - node').length, 2);
  });

  test('suggestions follow the current names, not a stale cache', () => {
    assert.equal(only('alpah', 'expr.unknown-reference', context(['alpha'])).fix?.newText, 'alpha');
    assert.equal(only('alpah', 'expr.unknown-reference', context(['alpah2'])).fix?.newText, 'alpah2');
    const names = ['beta'];
    const c: ExprContext = { isNode: (n) => names.includes(n), nodeNames: () => names };
    assert.equal(only('betta', 'expr.unknown-reference', c).fix?.newText, 'beta');
    names.push('bettax');
    names[0] = 'gamma';
    assert.equal(only('betta', 'expr.unknown-reference', c).fix?.newText, 'bettax');
  });

  test('a new collection with the same names suggests the same; one of the same size with other names does not', () => {
    const fresh = (names: string[]): ExprContext => ({ isNode: (n) => names.includes(n), nodeNames: () => [...names] });
    assert.equal(only('alpah', 'expr.unknown-reference', fresh(['alpha', 'beta'])).fix?.newText, 'alpha');
    assert.equal(only('alpah', 'expr.unknown-reference', fresh(['alpha', 'beta'])).fix?.newText, 'alpha');
    assert.equal(only('gamna', 'expr.unknown-reference', fresh(['alpha', 'gamma'])).fix?.newText, 'gamma');
    assert.equal(only('alpah', 'expr.unknown-reference', fresh(['delta', 'gamma'])).fix, undefined);
  });

  test('every reference is checked, issues come in source order', () => {
    assert.deepEqual(
      check('MIN(zz1, a) + SHIFT(zz2, 1) + CONV(zz3, [1])').map((i) => [i.code, i.start]),
      [
        ['expr.unknown-reference', 4],
        ['expr.unknown-reference', 20],
        ['expr.unknown-reference', 35],
      ],
    );
  });
});
