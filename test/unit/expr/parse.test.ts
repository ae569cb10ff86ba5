// Parser: C# grammar, error positions, precedence, Unicode, Rust-only syntax with fixes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExpression } from '../../../core/src/expr/parse';
import { applyFix, clean, parsed, shape, spanOf } from './helpers';

function syntaxError(src: string): { message: string; span: [number, number] } {
  const r = parseExpression(src);
  assert.equal(r.expr, undefined, `expected ${JSON.stringify(src)} to fail`);
  const errors = r.issues.filter((i) => i.code === 'expr.syntax');
  assert.equal(errors.length, 1, `one syntax error expected for ${JSON.stringify(src)}: ${JSON.stringify(r.issues)}`);
  return { message: errors[0].message, span: spanOf(errors[0]) };
}

describe('parse errors of the C# table (§3.1)', () => {
  const cases: [string, RegExp, [number, number]][] = [
    ['', /^empty expression/, [0, 0]],
    ['   ', /^empty expression/, [0, 3]],
    ['\t\n', /^empty expression/, [0, 2]],
    ['(a + b', /^expected '\)' to close the '\(' at position 0, but the expression ended/, [6, 6]],
    ['(a b)', /^expected '\)' .*found 'b'/, [3, 4]],
    ['42.x', /^expected a digit after the decimal point in '42\.'/, [0, 3]],
    ['1..2', /^expected a digit after the decimal point in '1\.'/, [0, 2]],
    ['.x', /^unexpected character '\.'/, [0, 1]],
    ['func(a,)', /^unexpected ',' before '\)'/, [6, 7]],
    ['func(a, )', /^unexpected ',' before '\)'/, [6, 7]],
    ['func(a b)', /^expected ',' or '\)' in the arguments of func, found 'b'/, [7, 8]],
    ['MIN(a, b', /^expected ',' or '\)' in the arguments of MIN, but the expression ended/, [8, 8]],
    ['[1 2]', /^expected ',' or '\]' in the array, found '2'/, [3, 4]],
    ['[1, 2', /^expected ',' or '\]' in the array, but the expression ended/, [5, 5]],
    ['[1,]', /^expected a number \(array elements must be numbers\), found '\]'/, [3, 4]],
    ['[a]', /^expected a number .*found 'a'/, [1, 2]],
    ['[-a]', /^expected a number .*found 'a'/, [2, 3]],
    ['42 a', /^unexpected character 'a'$/, [3, 4]],
    ['a + b)', /^unexpected character '\)': there is no '\(' to match it/, [5, 6]],
    ['a +', /^unexpected end of expression/, [3, 3]],
    ['a * ', /^unexpected end of expression/, [4, 4]],
    ['@invalid', /^unexpected character '@': class-qualified/, [0, 1]],
    ['a ^ 2', /^unexpected character '\^': there is no power operator/, [2, 3]],
    ['a % 2', /^unexpected character '%': .*MOD/, [2, 3]],
    ['a > b', /^unexpected character '>': .*STEP/, [2, 3]],
    ['"a"', /^unexpected character '"': there are no string literals/, [0, 1]],
    ['+a', /^unexpected character '\+': there is no unary plus/, [0, 1]],
    ['()', /^unexpected character '\)'/, [1, 2]],
    ['f(,a)', /^unexpected character ','/, [2, 3]],
    ['${rate} * a', /^unexpected character '\$': \$\{\.\.\.\} is a template parameter/, [0, 1]],
    ['a\u0000', /^unexpected character 'U\+0000'/, [1, 2]],
    ['a \uFEFF', /^unexpected character 'U\+FEFF'/, [2, 3]],
    ['2e', /^unexpected character 'e'/, [1, 2]],
    ['[1e-3]', /^invalid number '1e-3' in the array: neither engine/, [1, 5]],
    ['\u0663', /^invalid number '\u0663': numbers may only use the digits 0-9/, [0, 1]],
    ['1\u0663', /^invalid number '1\u0663'/, [0, 2]],
  ];
  for (const [src, message, span] of cases) {
    test(JSON.stringify(src), () => {
      const e = syntaxError(src);
      assert.match(e.message, message);
      assert.deepEqual(e.span, span);
    });
  }

  test('a character outside the BMP is reported whole (C# sees two non-letter surrogates)', () => {
    const e = syntaxError('a + \u{1D465}');
    assert.equal(e.message, "unexpected character '\u{1D465}'");
    assert.deepEqual(e.span, [4, 6]);
  });

  test('only the first syntax error is reported and no partial AST is returned', () => {
    const r = parseExpression('(a b) c)');
    assert.equal(r.expr, undefined);
    assert.equal(r.issues.length, 1);
  });

  test('nesting deeper than the guard is an error, not a stack overflow', () => {
    const src = '('.repeat(5000) + 'a' + ')'.repeat(5000);
    const e = syntaxError(src);
    assert.match(e.message, /nested more than 200 levels/);
  });
});

describe('precedence and associativity', () => {
  const cases: [string, string][] = [
    ['a - b - c', '(- (- a b) c)'],
    ['a / b / c', '(/ (/ a b) c)'],
    ['a - b + c', '(+ (- a b) c)'],
    ['a + b * c', '(+ a (* b c))'],
    ['a * b + c', '(+ (* a b) c)'],
    ['a * b / c * d', '(* (/ (* a b) c) d)'],
    ['a + b * c - d / e', '(- (+ a (* b c)) (/ d e))'],
    ['(a + b) * c', '(* (group (+ a b)) c)'],
    ['a - (b - c)', '(- a (group (- b c)))'],
    ['((a))', '(group (group a))'],
    ['MIN(a + 1, b) * 2', '(* (MIN (+ a 1) b) 2)'],
    ['F()', '(F)'],
    ['CONV(x, [0.0, 0.6, 0.3, 0.1])', '(CONV x [0.0 0.6 0.3 0.1])'],
    ['CONV(x, [])', '(CONV x [])'],
    ['min', 'min'],
    ['MIN (a , b)', '(MIN a b)'],
    ['raw_arrivals * (1 - SHIFT(pressure, 1))', '(* raw_arrivals (group (- 1 (SHIFT pressure 1))))'],
  ];
  for (const [src, expected] of cases) {
    test(src, () => assert.equal(shape(clean(src)), expected));
  }

  test('spans: binary from left to right operand, group with parentheses, call with name span', () => {
    const e = clean(' (a + b) * MIN( c ,d ) ');
    assert.equal(e.type, 'binary');
    if (e.type !== 'binary') return;
    assert.deepEqual([e.start, e.end], [1, 22]);
    assert.equal(e.left.type, 'group');
    assert.deepEqual([e.left.start, e.left.end], [1, 8]);
    const call = e.right;
    assert.equal(call.type, 'call');
    if (call.type !== 'call') return;
    assert.deepEqual([call.start, call.end], [11, 22]);
    assert.deepEqual(call.nameSpan, { start: 11, end: 14 });
    assert.deepEqual(
      call.args.map((a) => [a.start, a.end]),
      [
        [16, 17],
        [19, 20],
      ],
    );
  });

  test('numbers keep their raw text and value', () => {
    const e = clean('0.50');
    assert.deepEqual(e, { type: 'number', value: 0.5, raw: '0.50', start: 0, end: 4 });
    const arr = clean('[1, 2.25]');
    assert.equal(arr.type, 'array');
    if (arr.type === 'array') assert.deepEqual(arr.elements.map((x) => x.value), [1, 2.25]);
  });

  test('an identifier followed by ( is a call even after whitespace; without it a reference', () => {
    assert.equal(clean('min (a, b)').type, 'call');
    assert.equal(clean('min').type, 'ref');
  });
});

describe('Unicode (C# char.IsLetter / IsDigit / IsWhiteSpace)', () => {
  test('identifiers with Unicode letters and digits parse; the Rust engine is warned about', () => {
    const r = parsed('débit + 需求_2 * x\u0663');
    assert.equal(shape(r.expr), '(+ débit (* 需求_2 x\u0663))');
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.start, i.end]),
      [
        ['rust.non-ascii-identifier', 0, 5],
        ['rust.non-ascii-identifier', 8, 12],
        ['rust.non-ascii-identifier', 15, 17],
      ],
    );
  });

  test('an underscore can start a name; ASCII names get no warning', () => {
    assert.equal(shape(clean('_a1 + B_2')), '(+ _a1 B_2)');
  });

  test('Unicode whitespace is skipped, with a Rust warning and a fix per run', () => {
    const src = 'a\u00A0\u2003+ \u3000b\v';
    const r = parsed(src);
    assert.equal(shape(r.expr), '(+ a b)');
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.start, i.end]),
      [
        ['rust.unsupported-whitespace', 1, 3],
        ['rust.unsupported-whitespace', 5, 6],
        ['rust.unsupported-whitespace', 7, 8],
      ],
    );
    assert.match(r.issues[0].message, /U\+00A0/);
    let fixed = src;
    for (const issue of [...r.issues].reverse()) fixed = applyFix(fixed, issue);
    assert.equal(fixed, 'a +  b ');
  });

  test('form feed and CR/LF are whitespace for both engines', () => {
    assert.equal(shape(clean('a\f+\r\nb')), '(+ a b)');
  });
});

describe('Rust-only syntax: parsed, reported as csharp.* errors with fixes', () => {
  test('-x → (0 - x)', () => {
    const r = parsed('-x');
    assert.equal(shape(r.expr), '(neg x)');
    assert.equal(r.issues.length, 1);
    const [issue] = r.issues;
    assert.equal(issue.code, 'csharp.unary-minus');
    assert.deepEqual(spanOf(issue), [0, 2]);
    assert.match(issue.message, /C# engine rejects it .*Rust engine would accept it.*\(0 - x\)/);
    assert.equal(applyFix('-x', issue), '(0 - x)');
  });

  test('-a*b binds the minus to a only, as the Rust engine does', () => {
    const r = parsed('-a*b');
    assert.equal(shape(r.expr), '(* (neg a) b)');
    assert.equal(applyFix('-a*b', r.issues[0]), '(0 - a)*b');
  });

  test('minus after an operator and with whitespace', () => {
    const r = parsed('a * - b');
    assert.equal(shape(r.expr), '(* a (neg b))');
    assert.deepEqual(spanOf(r.issues[0]), [4, 7]);
    assert.equal(applyFix('a * - b', r.issues[0]), 'a * (0 - b)');
  });

  test('-10 (the C# "unexpected character \'-\'" case)', () => {
    const r = parsed('-10');
    assert.deepEqual(
      r.issues.map((i) => [i.code, ...spanOf(i)]),
      [['csharp.unary-minus', 0, 3]],
    );
    assert.equal(r.issues[0].fix?.newText, '(0 - 10)');
  });

  test('--x is one issue whose fix rewrites both minus signs', () => {
    const r = parsed('--x');
    assert.equal(shape(r.expr), '(neg (neg x))');
    assert.equal(r.issues.length, 1);
    assert.deepEqual(spanOf(r.issues[0]), [0, 3]);
    assert.equal(r.issues[0].fix?.newText, '(0 - (0 - x))');
  });

  test('the minus fix also rewrites Rust-only numbers inside its operand', () => {
    const r = parsed('-.5');
    assert.deepEqual(
      r.issues.map((i) => [i.code, ...spanOf(i)]),
      [
        ['csharp.unary-minus', 0, 3],
        ['csharp.bare-decimal-point', 1, 3],
      ],
    );
    assert.equal(r.issues[0].fix?.newText, '(0 - 0.5)');
  });

  test('negative array elements: parsed as negative numbers, reported without a fix', () => {
    const r = parsed('CONV(x, [-1, - 0.5])');
    const kernel = r.expr.type === 'call' ? r.expr.args[1] : undefined;
    assert.equal(kernel?.type, 'array');
    if (kernel?.type === 'array') assert.deepEqual(kernel.elements.map((e) => e.value), [-1, -0.5]);
    assert.deepEqual(
      r.issues.map((i) => [i.code, ...spanOf(i), i.fix === undefined]),
      [
        ['csharp.unary-minus', 9, 11, true],
        ['csharp.unary-minus', 13, 18, true],
      ],
    );
    assert.match(r.issues[0].message, /cannot be written so that both engines accept it/);
  });

  const numberFixes: [string, string, string, [number, number]][] = [
    ['1e-3', 'csharp.exponent-number', '0.001', [0, 4]],
    ['2.5E+2', 'csharp.exponent-number', '250', [0, 6]],
    ['1e3', 'csharp.exponent-number', '1000', [0, 3]],
    ['1.25e-1', 'csharp.exponent-number', '0.125', [0, 7]],
    ['5.e2', 'csharp.exponent-number', '500', [0, 4]],
    ['.5e1', 'csharp.exponent-number', '5', [0, 4]],
    ['.5', 'csharp.bare-decimal-point', '0.5', [0, 2]],
    ['5.', 'csharp.bare-decimal-point', '5', [0, 2]],
    ['a * 42.', 'csharp.bare-decimal-point', '42', [4, 7]],
  ];
  for (const [src, code, fixed, span] of numberFixes) {
    test(`${src} → ${fixed}`, () => {
      const r = parsed(src);
      assert.equal(r.issues.length, 1);
      const [issue] = r.issues;
      assert.equal(issue.code, code);
      assert.deepEqual(spanOf(issue), span);
      assert.match(issue.message, /C# engine rejects it.*Rust engine would accept it/);
      assert.equal(issue.fix?.newText, fixed);
      assert.deepEqual(parseExpression(applyFix(src, issue)).issues, []);
    });
  }

  test('42. carries the C# gist "expected a digit after the decimal point"', () => {
    assert.match(parsed('42.').issues[0].message, /expected a digit after the decimal point/);
  });

  test(".42 carries the C# gist \"unexpected character '.'\"", () => {
    assert.match(parsed('.42').issues[0].message, /unexpected character '\.'/);
  });

  test('the value of a Rust-only number is what the Rust engine reads', () => {
    const e = parsed('1e-3').expr;
    assert.equal(e.type === 'number' ? e.value : NaN, 0.001);
  });

  test('inside arrays: .5 is accepted by C# (double.TryParse), 5. and 1e3 are not', () => {
    assert.deepEqual(parsed('CONV(x, [.5])').issues, []);
    const r = parsed('CONV(x, [5., 1e3])');
    assert.deepEqual(
      r.issues.map((i) => [i.code, ...spanOf(i), i.fix?.newText]),
      [
        ['csharp.bare-decimal-point', 9, 11, '5'],
        ['csharp.exponent-number', 13, 16, '1000'],
      ],
    );
  });

  test('issues are sorted by position', () => {
    const r = parsed('-a + .5 * 1e2');
    assert.deepEqual(
      r.issues.map((i) => i.start),
      [0, 5, 10],
    );
  });
});
