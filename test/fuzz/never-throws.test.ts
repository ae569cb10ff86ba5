// Property tests: random and mutated documents never throw and always return well-formed diagnostics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { validateText } from '../../core/src/validate';
import type { ValidationResult } from '../../core/src/validate';
import { allCodes } from '../../core/src/codes';
import { CORPUS } from '../helpers/cli';

function corpusFiles(): string[] {
  const out: string[] = [];
  for (const sub of ['templates', 'models/valid', 'models/invalid']) {
    for (const f of readdirSync(join(CORPUS, sub))) out.push(readFileSync(join(CORPUS, sub, f), 'utf8'));
  }
  return out;
}

function checkResult(r: ValidationResult, text: string): void {
  assert.ok(Array.isArray(r.diagnostics));
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const d of r.diagnostics) {
    assert.ok(allCodes.has(d.code), `unregistered code ${d.code}`);
    assert.ok(typeof d.message === 'string' && d.message.length > 0);
    assert.ok(d.range.start.line >= 0 && d.range.start.line < lines + 1, `line ${d.range.start.line} outside ${lines}`);
    assert.ok(d.range.end.line >= d.range.start.line);
  }
}

const TOKENS = ['schemaVersion: 1', 'grid:', '  bins: 4', '  binSize: 1', '  binUnit: hours', 'nodes:', '  - id: a', '    kind: expr',
  '    expr: "SHIFT(a, 1) + b"', '    kind: const', '    values: [1, 2]', '    pmf: {values: [1], probabilities: [1]}', 'topology:',
  '  nodes:', '    - id: Q', '      kind: queue', '      semantics: {arrivals: a, served: a}', 'outputs:', '  - series: a',
  'parameters:', '  - name: x', '    type: integer', '    default: 3', 'window: {start: 2025-01-01T00:00:00Z, timezone: UTC}',
  '  bins: ${x}', '&a [1, *a]', '- *b', '"unterminated', '\t- tab', '---', '{', ']', '${', '  - id: A', 'metadata: {id: t, title: T, version: 1.0.0}'];

test('random text never throws', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (text) => {
      checkResult(validateText(text), text);
      checkResult(validateText(text, { kind: 'template' }), text);
    }),
    { numRuns: 300 },
  );
});

test('token soups of FlowTime lines never throw', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }), (parts) => {
      const text = parts.join('\n');
      checkResult(validateText(text), text);
      checkResult(validateText(text, { kind: 'template' }), text);
    }),
    { numRuns: 300 },
  );
});

test('mutated corpus files never throw', () => {
  const files = corpusFiles();
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: files.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'duplicate', 'swap', 'truncate', 'indent', 'dedent', 'garble')), { minLength: 1, maxLength: 4 }),
      (fileIndex, edits) => {
        const lines = files[fileIndex].split('\n');
        for (const [n, op] of edits) {
          const i = n % Math.max(1, lines.length);
          if (op === 'delete') lines.splice(i, 1);
          else if (op === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
          else if (op === 'swap' && i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
          else if (op === 'truncate') lines[i] = (lines[i] ?? '').slice(0, Math.floor((lines[i] ?? '').length / 2));
          else if (op === 'indent') lines[i] = `  ${lines[i] ?? ''}`;
          else if (op === 'dedent') lines[i] = (lines[i] ?? '').replace(/^ {2}/, '');
          else if (op === 'garble') lines[i] = (lines[i] ?? '').replace(/[a-z]/, '}');
        }
        const text = lines.join('\n');
        checkResult(validateText(text), text);
      },
    ),
    { numRuns: 250 },
  );
});

test('hostile keys (toString, __proto__, constructor, valueOf) anywhere never throw', () => {
  const hostile = ['toString', '__proto__', 'constructor', 'valueOf', 'hasOwnProperty'];
  for (const key of hostile) {
    for (const text of [
      `schemaVersion: 1\nnodes:\n  - id: {${key}: 0}\n`,
      `schemaVersion: 1\ngrid: {${key}: 1}\nnodes:\n  - id: a\n    kind: {${key}: x}\n`,
      `${key}: 1\nschemaVersion: 1\ngrid:\n  bins: {${key}: [1]}\n  binSize: 1\n  binUnit: hours\nnodes:\n  - {id: a, kind: const, values: {${key}: 1}}\n`,
      `schemaVersion: 1\nwindow: {${key}: 1}\nparameters:\n  - {name: {${key}: 1}, type: {${key}: 1}, default: {${key}: 1}}\n`,
    ]) {
      checkResult(validateText(text), text);
      checkResult(validateText(text, { kind: 'model' }), text);
      checkResult(validateText(text, { kind: 'template' }), text);
    }
  }
});
