// The cursor context read from broken text: key path, key/value/item position, the word and the mapping's other keys.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contextAt } from './helpers';

describe('cursor context in a list item', () => {
  test('`- ‸` under nodes is a new item of nodes', () => {
    const c = contextAt(`
      nodes:
        - id: a
          kind: expr
        - ‸
    `);
    assert.deepEqual(c?.path, ['nodes', '#']);
    assert.equal(c?.where, 'item');
    assert.equal(c?.newItem, true);
    assert.equal(c?.column, 4);
    assert.equal(c?.siblings.size, 0);
  });

  test('`  ‸` under an item is a key of that item, with the keys above and below as siblings', () => {
    const c = contextAt(`
      nodes:
        - id: a
          ‸
          expr: "1"
        - id: b
          kind: const
    `);
    assert.deepEqual(c?.path, ['nodes', '#']);
    assert.equal(c?.where, 'key');
    assert.deepEqual([...c!.siblings.keys()].sort(), ['expr', 'id']);
  });

  test('a partial key keeps its word as prefix', () => {
    const c = contextAt(`
      nodes:
        - id: a
          ki‸
    `);
    assert.equal(c?.where, 'key');
    assert.equal(c?.prefix, 'ki');
    assert.equal(c?.hasColon, false);
  });

  test('after `kind: ` is the value of kind, and the item keys are siblings', () => {
    const c = contextAt(`
      nodes:
        - id: a
          kind: ‸
          values: [1]
    `);
    assert.deepEqual(c?.path, ['nodes', '#', 'kind']);
    assert.equal(c?.where, 'value');
    assert.equal(c?.siblings.get('id'), 'a');
    assert.ok(c?.siblings.has('values'));
  });

  test('`- key: ‸` on the dash line: the value inside the item', () => {
    const c = contextAt(`
      outputs:
        - series: ‸
    `);
    assert.deepEqual(c?.path, ['outputs', '#', 'series']);
    assert.equal(c?.where, 'value');
  });

  test('the value inside a quoted expr: scalar bounds exclude the quotes', () => {
    const c = contextAt(`
      nodes:
        - id: a
          expr: "MIN(b, ‸"
    `);
    assert.deepEqual(c?.path, ['nodes', '#', 'expr']);
    assert.equal(c?.scalar?.quote, '"');
  });

  test('a key at the column of the list dashes is a key of the list owner', () => {
    const c = contextAt(`
      nodes:
        - id: a
          kind: expr
        ‸
    `);
    assert.deepEqual(c?.path, ['nodes']);
    assert.equal(c?.where, 'key');
  });

  test('deeply nested: topology semantics', () => {
    const c = contextAt(`
      topology:
        nodes:
          - id: A
            kind: service
            semantics:
              arrivals: x
              ‸
    `);
    assert.deepEqual(c?.path, ['topology', 'nodes', '#', 'semantics']);
    assert.ok(c?.siblings.has('arrivals'));
  });

  test('compact lists (dashes at the key column) are walked too', () => {
    const c = contextAt(`
      nodes:
      - id: r
        kind: router
        routes:
        - target: ‸
    `);
    assert.deepEqual(c?.path, ['nodes', '#', 'routes', '#', 'target']);
  });

  test('a scalar list item', () => {
    const c = contextAt(`
      topology:
        nodes:
          - id: A
            constraints:
              - d‸
    `);
    assert.deepEqual(c?.path, ['topology', 'nodes', '#', 'constraints', '#']);
    assert.equal(c?.where, 'item');
    assert.equal(c?.prefix, 'd');
  });
});

describe('cursor context in flow collections and block scalars', () => {
  test('a flow mapping value', () => {
    const c = contextAt(`
      nodes:
        - id: p
          profile: {kind: builtin, name: ‸}
    `);
    assert.deepEqual(c?.path, ['nodes', '#', 'profile', 'name']);
    assert.equal(c?.inFlow, true);
    assert.equal(c?.siblings.get('kind'), 'builtin');
  });

  test('a flow mapping key', () => {
    const c = contextAt(`
      nodes:
        - id: p
          profile: {kind: builtin, ‸}
    `);
    assert.deepEqual(c?.path, ['nodes', '#', 'profile']);
    assert.equal(c?.where, 'key');
    assert.ok(c?.siblings.has('kind'));
  });

  test('a flow sequence item', () => {
    const c = contextAt(`
      nodes:
        - id: r
          routes:
            - target: x
              classes: [Order, R‸]
    `);
    assert.deepEqual(c?.path, ['nodes', '#', 'routes', '#', 'classes', '#']);
    assert.equal(c?.prefix, 'R');
  });

  test('inside a block scalar expression', () => {
    const c = contextAt(`
      nodes:
        - id: a
          kind: expr
          expr: |
            MIN(b,
              c‸
    `);
    assert.deepEqual(c?.path, ['nodes', '#', 'expr']);
    assert.equal(c?.scalar?.block, true);
    assert.equal(c?.siblings.get('kind'), 'expr');
  });

  test('inside a block scalar whose text looks like keys', () => {
    const c = contextAt(`
      metadata:
        description: |
          Overview:
            details ‸
    `);
    assert.deepEqual(c?.path, ['metadata', 'description']);
    assert.equal(c?.where, 'value');
  });
});

describe('no context where nothing can be typed', () => {
  test('inside a comment', () => {
    assert.equal(contextAt('grid:\n  # a comm‸ent\n'), undefined);
    assert.equal(contextAt('grid:\n  bins: 4 # a comm‸ent\n'), undefined);
    assert.equal(contextAt('tags:\n  - a # a comm‸ent\n'), undefined);
  });

  test('inside the indentation before a key', () => {
    assert.equal(contextAt('grid:\n ‸ bins: 4\n'), undefined);
  });

  test('after a closed quoted value', () => {
    assert.equal(contextAt('nodes:\n  - expr: "a" ‸\n'), undefined);
  });
});
