// Sim value formatting, row by row, and text substitution (quoted arrays, unknown names left intact).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatForSubstitution, needsQuoting, substitute } from '../../../core/src/template/substitute';
import type { ParameterValue } from '../../../core/src/template/types';

describe('formatForSubstitution (Sim TemplateParameterFormatter, §2.5)', () => {
  const rows: [string, ParameterValue, string][] = [
    ['null', null, 'null'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['integer', 288, '288'],
    ['negative integer', -3, '-3'],
    ['zero', 0, '0'],
    ['integral double prints without .0', 5.0, '5'],
    ['fraction', 0.25, '0.25'],
    ['shortest round trip', 0.1 + 0.2, '0.30000000000000004'],
    ['small value without exponent', 1e-7, '0.0000001'],
    ['small negative value without exponent', -2.5e-8, '-0.000000025'],
    ['large value without exponent', 1e21, '1000000000000000000000'],
    ['large fractional mantissa', 1.5e22, '15000000000000000000000'],
    ['array', [1, 2.5, 3], '[1, 2.5, 3]'],
    ['empty array', [], '[]'],
    ['array with tiny element', [1e-7], '[0.0000001]'],
    ['empty string', '', '""'],
    ['string with a space', 'a b', '"a b"'],
    ['string with a tab', 'a\tb', '"a\tb"'],
    ['string with a newline', 'a\nb', '"a\nb"'],
    ['string with a colon', 'file://x.csv', '"file://x.csv"'],
    ['string with a hash', 'a#b', '"a#b"'],
    ['inner quotes are not escaped', 'say "hi" now', '"say "hi" now"'],
    ['flow sequence text unchanged', '[1, 2]', '[1, 2]'],
    ['flow mapping text unchanged', '{a: 1}', '{a: 1}'],
    ['already double-quoted unchanged', '"a b"', '"a b"'],
    ['a lone quote is not "already quoted"', '"', '"'],
    ['plain string unchanged', 'abc', 'abc'],
    ['numeric-looking string unchanged', '5', '5'],
    ['single-quoted text with a space is wrapped', "'a b'", `"'a b'"`],
  ];
  for (const [label, value, expected] of rows) {
    test(label, () => assert.equal(formatForSubstitution(value), expected));
  }

  test('needsQuoting says when Sim wraps a string', () => {
    assert.deepEqual(['', 'a b', 'a:b', 'a#b', 'ab', '[a b]', '"a b"'].map(needsQuoting), [true, true, true, true, false, false, false]);
  });
});

describe('substitute', () => {
  const values = new Map<string, ParameterValue>([
    ['bins', 12],
    ['rate', 0.25],
    ['arr', [1, 2, 3]],
    ['src', ''],
    ['name', 'a b'],
    ['a-b', 7],
  ]);

  test('replaces known names everywhere (comments included) and leaves unknown and malformed ones', () => {
    const raw = [
      '# ${bins} bins',
      'grid: {bins: ${bins}}',
      'x: "${rate} * y + ${unknown}"',
      'src: ${src}',
      'label: ${name}',
      'bad: ${ bins } ${bins:-1} ${} ${bins',
      'literal: ${a-b}',
      '',
    ].join('\n');
    const out = substitute(raw, values);
    assert.equal(
      out.text,
      [
        '# 12 bins',
        'grid: {bins: 12}',
        'x: "0.25 * y + ${unknown}"',
        'src: ""',
        'label: "a b"',
        'bad: ${ bins } ${bins:-1} ${} ${bins',
        'literal: 7',
        '',
      ].join('\n'),
    );
    assert.equal(out.map.replacements.length, 6);
  });

  test('array values also replace the quoted forms, quotes included; scalars keep their quotes', () => {
    const raw = 'a: "${arr}"\nb: \'${arr}\'\nc: ${arr}\nd: "${bins}"\ne: "x ${arr}"\n';
    assert.equal(substitute(raw, values).text, 'a: [1, 2, 3]\nb: [1, 2, 3]\nc: [1, 2, 3]\nd: "12"\ne: "x [1, 2, 3]"\n');
  });

  test('mismatched quotes around an array placeholder are not part of it', () => {
    assert.equal(substitute('a: "${arr}\'\n', values).text, 'a: "[1, 2, 3]\'\n');
  });

  test('names without a value stay as written; an empty map changes nothing', () => {
    const raw = 'a: ${missing}\nb: ${bins}\n';
    assert.equal(substitute(raw, new Map()).text, raw);
    assert.equal(substitute(raw, new Map()).map.replacements.length, 0);
    assert.equal(substitute(raw, new Map([['bins', null]])).text, 'a: ${missing}\nb: null\n');
  });

  test('records each replacement with raw and substituted offsets', () => {
    const out = substitute('x: "${arr}" y: ${bins}', values);
    assert.deepEqual(out.map.replacements, [
      { originalStart: 3, originalEnd: 11, substitutedStart: 3, substitutedEnd: 12 },
      { originalStart: 15, originalEnd: 22, substitutedStart: 16, substitutedEnd: 18 },
    ]);
  });
});
