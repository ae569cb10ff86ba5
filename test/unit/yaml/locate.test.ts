// PositionedDocument's pointer lookups: exact nodes, the nearest-ancestor fallback, escaped tokens and large mappings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml } from '../../../core/src/yaml/parse';
import { marked } from '../../helpers/markers';

describe('PositionedDocument lookups', () => {
  const m = marked(['nodes:', '  - id: «a»', '    «values»: [1, «2»]', '«a/b»: {«x~y»: «3»}', 'empty:', ''].join('\n'));
  const doc = parseYaml(m.text).doc;
  const [idA, valuesKey, two, slashKey, tildeKey, three] = m.ranges;

  test('exact pointers, keys and values', () => {
    assert.deepEqual(doc.locate('/nodes/0/id'), idA);
    assert.deepEqual(doc.locate('/nodes/0/values', 'key'), valuesKey);
    assert.deepEqual(doc.locate('/nodes/0/values/1'), two);
    assert.equal(doc.node('/nodes/0/values/1')?.type, 'scalar');
    assert.equal(doc.keyNode('/nodes/0/values')?.start, doc.lines.offset(valuesKey.start));
  });

  test('escaped tokens (~1 is "/", ~0 is "~")', () => {
    assert.deepEqual(doc.locate('/a~1b', 'key'), slashKey);
    assert.deepEqual(doc.locate('/a~1b/x~0y', 'key'), tildeKey);
    assert.deepEqual(doc.locate('/a~1b/x~0y'), three);
    assert.equal(doc.node('/a/b'), undefined);
  });

  test('list indexes are plain decimal numbers', () => {
    assert.deepEqual(doc.locate('/nodes/0/values/1'), two);
    for (const bad of ['01', '-1', '1e0', '', '2']) assert.equal(doc.node(`/nodes/0/values/${bad}`), undefined, bad);
  });

  test('a missing pointer falls back to its nearest existing ancestor (its key when it has one)', () => {
    assert.deepEqual(doc.locate('/nodes/0/values/7'), valuesKey);
    assert.deepEqual(doc.locate('/nodes/0/values/7/x', 'key'), valuesKey);
    assert.deepEqual(doc.locate('/nodes/0/nope'), doc.rangeOf(doc.node('/nodes/0')!.start, doc.node('/nodes/0')!.end));
    assert.equal(doc.node('/nodes/0/nope'), undefined);
    assert.equal(doc.keyNode('/nodes/0/nope'), undefined);
  });

  test('an empty value is located at its key', () => {
    assert.deepEqual(doc.locate('/empty'), doc.locate('/empty', 'key'));
  });

  test('large mappings (indexed on first lookup) find every key, and the first of duplicates', () => {
    const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
    const text = `${keys.map((k, i) => `${k}: ${i}`).join('\n')}\nk7: again\n`;
    const big = parseYaml(text).doc;
    keys.forEach((k, i) => {
      const n = big.node(`/${k}`);
      assert.equal(n?.type === 'scalar' ? n.value : undefined, i, k);
    });
    assert.equal(big.node('/k40'), undefined);
    // Without the duplicate the fast path parses it (a compact tree, indexed the same way).
    const fast = parseYaml(`${keys.map((k, i) => `${k}: ${i}`).join('\n')}\n"a/b~c": x\n`).doc;
    keys.forEach((k, i) => {
      const n = fast.node(`/${k}`);
      assert.equal(n?.type === 'scalar' ? n.value : undefined, i, k);
      assert.deepEqual(fast.locate(`/${k}`, 'key'), fast.rangeOf(fast.keyNode(`/${k}`)!.start, fast.keyNode(`/${k}`)!.end));
    });
    assert.equal(fast.node('/a~1b~0c')?.type, 'scalar');
    assert.equal(fast.node('/k40'), undefined);
  });

  test('a node is one object however it is reached', () => {
    const root = doc.root;
    assert.ok(root?.type === 'map');
    const nodes = root.entries[0].value;
    assert.ok(nodes.type === 'seq');
    assert.equal(doc.node('/nodes/0'), nodes.items[0]);
    assert.equal(doc.keyNode('/nodes'), root.entries[0].keyNode);
    assert.equal(doc.node('/nodes/0/values/1'), doc.node('/nodes/0/values/1'));
  });
});
