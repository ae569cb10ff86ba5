// Property tests: on any text the fast path gives up or equals the library path; on its own subset it never gives up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bailReason, compareWithLibrary } from './differential';
import { lineSoup, mutate, mutation, renderDoc, supportedDoc, tokenSoup } from './yaml-gen';

test('generated documents of the supported subset: the fast path takes them and matches the library', () => {
  fc.assert(
    fc.property(supportedDoc, (d) => {
      const text = renderDoc(d);
      assert.equal(compareWithLibrary(text), 'fast', `gave up: ${bailReason(text)}\n${text}`);
    }),
    { numRuns: 400 },
  );
});

test('mutated documents: the fast path gives up or matches the library', () => {
  let fast = 0;
  fc.assert(
    fc.property(supportedDoc, fc.array(mutation, { minLength: 1, maxLength: 3 }), (d, ms) => {
      if (compareWithLibrary(mutate(renderDoc(d), ms)) === 'fast') fast++;
    }),
    { numRuns: 600 },
  );
  // Many mutations keep the text in the subset (a changed letter, a moved comment): they must be compared, not skipped.
  assert.ok(fast > 60, `only ${fast} mutated documents took the fast path`);
});

test('lines with drifting indentation: the fast path gives up or matches the library', () => {
  let fast = 0;
  fc.assert(
    fc.property(lineSoup, (text) => {
      if (compareWithLibrary(text) === 'fast') fast++;
    }),
    { numRuns: 1500 },
  );
  assert.ok(fast > 50, `only ${fast} line layouts took the fast path`);
});

test('fragment soup: the fast path gives up or matches the library', () => {
  fc.assert(
    fc.property(tokenSoup, (text) => {
      compareWithLibrary(text);
    }),
    { numRuns: 2000 },
  );
});

test('number- and bool-like plain scalars get exactly the value typePlainScalar gives them', () => {
  const chars = fc.constantFrom(...'0123456789+-.eEtTrRuUfFaAlLsSxX_ '.split(''));
  let fast = 0;
  fc.assert(
    fc.property(fc.array(chars, { minLength: 1, maxLength: 12 }), (cs) => {
      if (compareWithLibrary(`a: ${cs.join('')}\n`) === 'fast') fast++;
    }),
    { numRuns: 1500 },
  );
  assert.ok(fast > 500, `only ${fast} scalars took the fast path`);
});
