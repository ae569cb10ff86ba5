// Key completion: the keys allowed in this mapping (per node kind, required first, never one already written), skeletons.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertRange, completeAt, entry, MODEL, ordered } from './helpers';

describe('a new node item `- ‸`', () => {
  const c = completeAt(`${MODEL}  - ‸\n`);

  test('offers a skeleton per kind plus the id and kind keys, nothing kind-specific', () => {
    assert.deepEqual(ordered(c), ['const node', 'expr node', 'pmf node', 'serviceWithBuffer node', 'router node', 'id', 'kind']);
  });

  test('the const skeleton has one value per grid bin, absolute indentation and a fresh id', () => {
    const e = entry(c, 'const node');
    assert.equal(e.insertText, 'id: ${1:demand2}\n    kind: const\n    values: [${2:0, 0, 0, 0}]$0');
    assert.equal(e.isSnippet, true);
    assert.equal(e.insertTextMode, 'asIs');
    assert.match(e.detail ?? '', /4 bins/);
  });

  test('the other skeletons carry the keys their kind requires', () => {
    assert.equal(entry(c, 'expr node').insertText, 'id: ${1:served2}\n    kind: expr\n    expr: "${2}"$0');
    assert.match(entry(c, 'pmf node').insertText ?? '', /\n {4}pmf:\n {6}values: \[\$\{2:10, 20, 30\}\]\n {6}probabilities: \[\$\{3:0.2, 0.5, 0.3\}\]/);
    assert.match(entry(c, 'serviceWithBuffer node').insertText ?? '', /inflow: \$\{2:arrivals\}\n {4}outflow: \$\{3:served\}/);
    assert.match(entry(c, 'router node').insertText ?? '', /inputs:\n {6}queue: \$\{2:queue\}\n {4}routes:\n {6}- target: \$\{3:target\}\n {8}weight: \$\{4:1\}/);
  });

  test('replaces nothing: the cursor is right after the dash', () => {
    const at = completeAt(`${MODEL}  - «»‸\n`);
    assertRange(at);
  });

  test('after a bare `-` the inserted text starts with a space', () => {
    const at = completeAt(`${MODEL}  -‸\n`);
    assert.equal(entry(at, 'id').insertText, ' id: ');
  });

  test('at the column of the dashes, a whole `- ` item is offered', () => {
    const at = completeAt(`${MODEL}  ‸\n`);
    const e = entry(at, 'expr node');
    assert.equal(e.insertText, '- id: ${1:served2}\n    kind: expr\n    expr: "${2}"$0');
  });
});

describe('keys under a node item `  ‸`', () => {
  test('an expr node: only its own keys, required first, without the keys already there', () => {
    const c = completeAt(`
      nodes:
        - id: a
          kind: expr
          ‸
    `);
    assert.deepEqual(ordered(c), ['expr', 'metadata', 'dispatchSchedule']);
    assert.match(entry(c, 'expr').detail ?? '', /required/);
    assert.equal(entry(c, 'expr').insertText, 'expr: ');
    assert.equal(entry(c, 'expr').retrigger, true);
  });

  test('a const node: values first, no expr', () => {
    const c = completeAt(`
      nodes:
        - id: a
          kind: const
          ‸
    `);
    assert.equal(ordered(c)[0], 'values');
    assert.ok(!c.labels.includes('expr'));
    assert.equal(entry(c, 'values').insertText, 'values: [$1]');
  });

  test('a serviceWithBuffer node: inflow and outflow required, loss optional', () => {
    const c = completeAt(`
      nodes:
        - id: q
          kind: serviceWithBuffer
          ‸
    `);
    assert.deepEqual(ordered(c).slice(0, 3), ['inflow', 'outflow', 'loss']);
    assert.doesNotMatch(entry(c, 'loss').detail ?? '', /required/);
  });

  test('a router node: inputs and routes as nested snippets', () => {
    const c = completeAt(`
      nodes:
        - id: r
          kind: router
          ‸
    `);
    assert.deepEqual(ordered(c).slice(0, 2), ['inputs', 'routes']);
    assert.equal(entry(c, 'inputs').insertText, 'inputs:\n      queue: ${1}');
    assert.equal(entry(c, 'routes').insertText, 'routes:\n      - target: ${1}\n        weight: ${2}');
    assert.equal(entry(c, 'routes').insertTextMode, 'asIs');
  });

  test('a pmf node: the pmf block with both lists', () => {
    const c = completeAt(`
      nodes:
        - id: p
          kind: pmf
          ‸
    `);
    assert.equal(entry(c, 'pmf').insertText, 'pmf:\n      values: [${1:10, 20, 30}]\n      probabilities: [${2:0.2, 0.5, 0.3}]');
  });

  test('never a second kind, never a second id', () => {
    const c = completeAt(`
      nodes:
        - id: a
          kind: expr
          ki‸
    `);
    assert.ok(!c.labels.includes('kind'));
    assert.ok(!c.labels.includes('id'));
  });

  test('before the kind is known: kind first, and every kind-specific key says whose it is', () => {
    const c = completeAt(`
      nodes:
        - id: a
          ‸
    `);
    assert.equal(ordered(c)[0], 'kind');
    assert.match(entry(c, 'values').detail ?? '', /\(const\)/);
    assert.match(entry(c, 'expr').detail ?? '', /\(expr\)/);
  });

  test('a partial key is replaced as a word; a key that already has its colon gets just the name', () => {
    const c = completeAt(`
      nodes:
        - id: a
          kind: expr
          «ex‸»
    `);
    assertRange(c);
    const edit = completeAt(`
      nodes:
        - id: a
          kind: expr
          «ex‸pr»: "1"
    `);
    assertRange(edit);
    assert.equal(entry(edit, 'metadata').insertText, undefined);
  });

  test('keys of the mapping below the cursor count as written', () => {
    const c = completeAt(`
      nodes:
        - id: a
          ‸
          kind: expr
          expr: "1"
    `);
    assert.deepEqual(ordered(c), ['metadata', 'dispatchSchedule']);
  });
});

describe('keys elsewhere', () => {
  test('top-level keys of a model: the missing ones, never template-only keys', () => {
    const c = completeAt(`
      schemaVersion: 1
      ‸
      nodes:
        - id: a
          kind: expr
          expr: "1"
    `);
    assert.equal(ordered(c)[0], 'grid');
    for (const k of ['window', 'metadata', 'parameters', 'generator', 'mode']) assert.ok(!c.labels.includes(k), k);
    for (const k of ['outputs', 'classes', 'traffic', 'topology', 'rng', 'provenance']) assert.ok(c.labels.includes(k), k);
    assert.ok(!c.labels.includes('nodes'));
    assert.equal(entry(c, 'grid').insertText, 'grid:\n  bins: ${1:24}\n  binSize: ${2:1}\n  binUnit: ${3|minutes,hours,days,weeks|}');
  });

  test('top-level keys of a template: the required template keys first', () => {
    const c = completeAt(
      `
      schemaVersion: 1
      ‸
      parameters:
        - name: x
          type: integer
    `,
      'template',
    );
    assert.deepEqual(ordered(c).slice(0, 5), ['metadata', 'window', 'grid', 'nodes', 'outputs']);
    assert.ok(c.labels.includes('generator'));
    assert.ok(!c.labels.includes('parameters'));
    assert.equal(entry(c, 'window').insertText, 'window:\n  start: ${1:2025-01-01T00:00:00Z}\n  timezone: ${2:UTC}');
  });

  test('grid children, required first', () => {
    const c = completeAt(`
      grid:
        bins: 4
        ‸
    `);
    assert.deepEqual(ordered(c), ['binSize', 'binUnit', 'start']);
    assert.match(entry(c, 'binSize').detail ?? '', /integer 1\.\.1000 · required/);
    assert.equal(entry(c, 'binUnit').retrigger, true);
  });

  test('topology semantics keys, with their docs, required first', () => {
    const c = completeAt(`
      topology:
        nodes:
          - id: A
            kind: service
            semantics:
              ‸
    `);
    assert.deepEqual(ordered(c).slice(0, 2), ['arrivals', 'served']);
    assert.ok(c.labels.includes('queueDepth'));
    assert.match(entry(c, 'arrivals').documentation ?? '', /arriving/);
  });

  test('a new topology node item: a skeleton with id, kind and semantics', () => {
    const c = completeAt(`
      topology:
        nodes:
          - ‸
    `);
    const s = c.entries.find((e) => e.kind === 'snippet');
    assert.ok(s);
    assert.equal(s.insertText, 'id: ${1}\n      kind: ${2:service}\n      semantics:\n        arrivals: ${3}\n        served: ${4}$0');
    assert.deepEqual(ordered(c).slice(1, 4), ['id', 'kind', 'semantics']);
  });

  test('edges: from and to first', () => {
    const c = completeAt(`
      topology:
        edges:
          - ‸
    `);
    assert.deepEqual(ordered(c).slice(1, 3), ['from', 'to']);
  });

  test('a flow mapping: the keys not written, inserted as `key: `', () => {
    const c = completeAt(
      `
      nodes:
        - id: p
          kind: pmf
          profile: {kind: builtin, ‸}
    `,
      'template',
    );
    assert.deepEqual(c.labels.sort(), ['name', 'weights']);
    assert.equal(entry(c, 'name').insertText, 'name: ');
  });

  test('template nodes per kind: pmf gets pmf and profile, const gets values and source', () => {
    const pmf = completeAt('nodes:\n  - id: p\n    kind: pmf\n    ‸\n', 'template');
    assert.ok(pmf.labels.includes('profile') && pmf.labels.includes('pmf'));
    assert.ok(!pmf.labels.includes('values') && !pmf.labels.includes('expr'));
    const cst = completeAt('nodes:\n  - id: c\n    kind: const\n    ‸\n', 'template');
    assert.ok(cst.labels.includes('values') && cst.labels.includes('source'));
    assert.ok(!cst.labels.includes('profile'));
  });

  test("a template's const skeleton is sized by the default of the `${bins}` parameter", () => {
    const c = completeAt('parameters:\n  - name: bins\n    type: integer\n    default: 3\ngrid:\n  bins: ${bins}\nnodes:\n  - ‸\n', 'template');
    assert.match(entry(c, 'const node').insertText ?? '', /values: \[\$\{2:0, 0, 0\}\]/);
  });

  test('template node metadata borrows the model keys', () => {
    const c = completeAt('nodes:\n  - id: c\n    kind: const\n    metadata:\n      ‸\n', 'template');
    assert.ok(c.labels.includes('graph.hidden'));
  });
});
