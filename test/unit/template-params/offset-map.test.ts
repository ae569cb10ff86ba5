// OffsetMap: substituted offsets and ranges back to the raw template (examples and a fast-check property).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OffsetMap } from '../../../core/src/template/offset-map';
import { substitute } from '../../../core/src/template/substitute';
import type { ParameterValue } from '../../../core/src/template/types';

describe('OffsetMap', () => {
  // raw:  "a: ${bins}, b: ${x}"   substituted: "a: 288, b: 1.5"
  const raw = 'a: ${bins}, b: ${x}';
  const out = substitute(raw, new Map<string, ParameterValue>([['bins', 288], ['x', 1.5]]));

  test('the example substitutes as expected', () => assert.equal(out.text, 'a: 288, b: 1.5'));

  test('offsets before, between and after replacements shift by the accumulated delta', () => {
    assert.equal(out.map.toOriginal(0), 0);
    assert.equal(out.map.toOriginal(3), 3);
    assert.equal(out.map.toOriginal(6), 10); // ',' after 288
    assert.equal(out.map.toOriginal(8), 12); // 'b'
    assert.equal(out.map.toOriginal(14), 19); // end of text
  });

  test('offsets inside a replacement map to the placeholder start', () => {
    assert.equal(out.map.toOriginal(4), 3);
    assert.equal(out.map.toOriginal(5), 3);
    assert.equal(out.map.toOriginal(12), 15);
  });

  test('ranges touching a replacement cover the whole placeholder', () => {
    assert.deepEqual(out.map.toOriginalRange(3, 6), [3, 10]); // 288 → ${bins}
    assert.deepEqual(out.map.toOriginalRange(4, 5), [3, 10]); // the 8 in the middle
    assert.deepEqual(out.map.toOriginalRange(0, 14), [0, 19]);
    assert.deepEqual(out.map.toOriginalRange(5, 9), [3, 13]); // from inside 288 to after 'b'
    assert.deepEqual(out.map.toOriginalRange(3, 3), [3, 3]); // empty range at a replacement start
  });

  test('toSubstituted is the inverse outside placeholders and maps inside to the value start', () => {
    assert.equal(out.map.toSubstituted(12), 8);
    assert.equal(out.map.toSubstituted(5), 3);
    assert.equal(out.map.toSubstituted(19), 14);
  });

  test('replacementAt tells whether an offset is substituted text', () => {
    assert.equal(out.map.replacementAt(2), undefined);
    assert.deepEqual(out.map.replacementAt(4), { originalStart: 3, originalEnd: 10, substitutedStart: 3, substitutedEnd: 6 });
    assert.equal(out.map.replacementAt(6), undefined);
  });

  test('an empty map is the identity', () => {
    const m = new OffsetMap();
    assert.equal(m.toOriginal(7), 7);
    assert.deepEqual(m.toOriginalRange(2, 5), [2, 5]);
  });

  test('property: any substituted offset outside replacements maps back to the same character', () => {
    const names = ['a', 'bb', 'ccc', 'arr', 'none'];
    const values = new Map<string, ParameterValue>([
      ['a', 1],
      ['bb', 'two words'],
      ['ccc', ''],
      ['arr', [1, 2.5, 300]],
    ]);
    const piece = fc.oneof(
      fc.array(fc.constantFrom('x', ' ', '\n', '$', '{', '}', '#', ':', '"', "'", 'é'), { maxLength: 6 }).map((cs) => cs.join('')),
      fc.constantFrom(...names).map((n) => `\${${n}}`),
      fc.constantFrom(...names).map((n) => `"\${${n}}"`),
      fc.constantFrom(...names).map((n) => `'\${${n}}'`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
        const text = pieces.join('');
        const { text: sub, map } = substitute(text, values);
        for (let o = 0; o <= sub.length; o++) {
          const r = map.replacementAt(o);
          if (r) {
            // Inside a replacement: the whole placeholder (quotes included for arrays) is returned.
            const [s, e] = map.toOriginalRange(o, o + 1);
            assert.deepEqual([s, e], [r.originalStart, r.originalEnd]);
            assert.match(text.slice(s, e), /^["']?\$\{[a-z]+\}["']?$/);
            continue;
          }
          const back = map.toOriginal(o);
          if (o < sub.length) assert.equal(text[back], sub[o]);
          else assert.equal(back, text.length);
          assert.equal(map.toSubstituted(back), o);
        }
      }),
      { numRuns: 300 },
    );
  });
});
