// The registered expression codes: severities by engine prefix, rule references, registration in the code index.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exprCodes } from '../../../core/src/codes/expr';
import { allCodes } from '../../../core/src/codes/index';

describe('expression codes', () => {
  test('every code has the engine-divergence severity its prefix implies and explains the fix', () => {
    for (const info of Object.values(exprCodes)) {
      if (info.code.startsWith('csharp.')) assert.equal(info.severity, 'error', info.code);
      else if (info.code.startsWith('rust.')) assert.equal(info.severity, 'warning', info.code);
      else assert.ok(info.code.startsWith('expr.'), info.code);
      assert.ok(info.title.length > 10 && !info.title.includes('\n'), info.code);
      assert.match(info.explanation, /\b(C13|R8|R12|V2|S19|T22|R17)\b/, `${info.code} names its engine rule`);
    }
  });

  test('the group is registered', () => {
    for (const code of Object.keys(exprCodes)) assert.ok(allCodes.has(code), code);
  });
});
