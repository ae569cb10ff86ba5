// Signature help in `expr` strings: the innermost call's signature and the argument at the cursor, on incomplete text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../../../core/src/language/analysis';
import { signatureHelp } from '../../../../core/src/language/signature-help';
import type { SignatureHelpResult } from '../../../../core/src/language/types';
import { marked } from '../../../helpers/markers';

function sigAt(expr: string, kind?: 'model' | 'template'): SignatureHelpResult | undefined {
  const m = marked(`nodes:\n  - id: a\n    kind: expr\n    expr: ${expr}\n`);
  return signatureHelp(analyze(m.text, kind ? { kind } : {}), m.cursors[0]);
}

/** `NAME:index` of the help at the cursor, or `none`. */
function active(expr: string, kind?: 'model' | 'template'): string {
  const s = sigAt(expr, kind);
  return s ? `${s.signatures[s.activeSignature].label.split('(')[0]}:${s.activeParameter}` : 'none';
}

describe('the active parameter', () => {
  test('counts commas at the nesting level of the call', () => {
    assert.equal(active('"MIN(‸"'), 'MIN:0');
    assert.equal(active('"MIN(a, ‸"'), 'MIN:1');
    assert.equal(active('"CLAMP(x, 0, ‸)"'), 'CLAMP:2');
    assert.equal(active('"CLAMP(x‸, 0, 10)"'), 'CLAMP:0');
  });

  test('nested calls: the innermost open call, then the outer one again after it closes', () => {
    assert.equal(active('"MIN(a, MAX(b, ‸"'), 'MAX:1');
    assert.equal(active('"MIN(a, MAX(b, c), ‸"'), 'MIN:2');
    assert.equal(active('"MIN(MAX(b, c)‸"'), 'MIN:0');
    assert.equal(active('"SHIFT(MIN(a, CONV(x, [1, 2]), ‸"'), 'MIN:2');
  });

  test('commas inside a CONV kernel and grouping parentheses do not count', () => {
    assert.equal(active('"CONV(x, [0.1, 0.2, ‸"'), 'CONV:1');
    assert.equal(active('"MIN((a + b‸"'), 'MIN:0');
    assert.equal(active('"MAX(0, (a - b) * ‸"'), 'MAX:1');
  });

  test('case-insensitive names; unknown functions give nothing', () => {
    assert.equal(active('"min(a, ‸"'), 'MIN:1');
    assert.equal(active('"ABS(‸"'), 'none');
  });

  test('outside a call, after it closes, and outside expressions: nothing', () => {
    assert.equal(active('"a + ‸"'), 'none');
    assert.equal(active('"MIN(a, b)‸"'), 'none');
    assert.equal(active('"MIN(a, b) + ‸"'), 'none');
    const m = marked('nodes:\n  - id: a\n    kind: const\n    values: [1, ‸2]\n');
    assert.equal(signatureHelp(analyze(m.text), m.cursors[0]), undefined);
  });

  test('single-quoted, plain and block expressions', () => {
    assert.equal(active("'STEP(q, ‸'"), 'STEP:1');
    assert.equal(active('PULSE(4, ‸'), 'PULSE:1');
    const m = marked('nodes:\n  - id: a\n    kind: expr\n    expr: |\n      MIN(a,\n        MAX(b, ‸\n');
    const s = signatureHelp(analyze(m.text), m.cursors[0]);
    assert.equal(s?.signatures[0].label, 'MAX(a, b)');
    assert.equal(s?.activeParameter, 1);
  });

  test('placeholders in a template are arguments like any other', () => {
    assert.equal(active('"PULSE(${period}, ${phase}, ‸"', 'template'), 'PULSE:2');
    assert.equal(active('"PULSE(${per‸iod}, 0)"', 'template'), 'PULSE:0');
  });
});

describe('the signature', () => {
  test('label, documentation and each parameter with its meaning', () => {
    const s = sigAt('"SHIFT(x, ‸"');
    assert.ok(s);
    assert.equal(s.activeSignature, 0);
    assert.equal(s.signatures.length, 1);
    const sig = s.signatures[0];
    assert.equal(sig.label, 'SHIFT(x, lag)');
    assert.match(sig.documentation ?? '', /Delays a series/);
    assert.deepEqual(sig.parameters.map((p) => p.label), ['x', 'lag']);
    assert.match(sig.parameters[1].documentation ?? '', /whole number literal/);
  });

  test("PULSE's optional arguments are marked; every parameter label is part of the signature label", () => {
    const sig = sigAt('"PULSE(‸"')!.signatures[0];
    assert.deepEqual(sig.parameters.map((p) => p.label), ['period', 'phase', 'amplitude']);
    assert.match(sig.parameters[1].documentation ?? '', /^\(optional\)/);
    for (const p of sig.parameters) assert.ok(sig.label.includes(p.label));
  });
});
