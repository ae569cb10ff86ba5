// Same-bin cycles (C22), C# feedback spans (V3) and the Rust SHIFT dependency divergence.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBody, checkText, expectNone, expectOne, fmtRange, rangesOf, show, withCode } from './fixture';

describe('same-bin cycles (C22)', () => {
  test('a three-node cycle is reported once, on its first node, with the path and every reference', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: c
          kind: expr
          expr: "«a» * 2"
        - id: a
          kind: expr
          expr: "«b» + 1"
        - id: b
          kind: expr
          expr: "MIN(«c», 5)"
    `);
    const d = expectOne(diagnostics, 'model.same-bin-cycle', ranges[0], 'Same-bin cycle c → a → b → c', 'graph has a cycle', 'SHIFT(…, 1)');
    assert.equal(d.severity, 'error');
    assert.ok(!d.message.includes('Rust'), 'the Rust engine sees this cycle too');
    assert.deepEqual(rangesOf(d), ranges.map(fmtRange));
    assert.deepEqual(
      d.related!.map((r) => r.message),
      ["'c' uses 'a' in the same bin", "'a' uses 'b' in the same bin", "'b' uses 'c' in the same bin"],
    );
  });

  test('x = x + 1 is a cycle; SHIFT(x, 1) is not', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: x
          kind: expr
          expr: "«x» + 1"
    `);
    const d = expectOne(diagnostics, 'model.same-bin-cycle', ranges[0], "Node 'x' uses its own value in the same bin (x → x)", 'SHIFT(x, 1)');
    assert.deepEqual(rangesOf(d), [fmtRange(ranges[0])]);
    const lagged = checkBody(`
      nodes:
        - id: x
          kind: expr
          expr: "SHIFT(x, 1) + 1"
      topology:
        nodes:
          - id: X
            kind: service
            initialCondition: { queueDepth: 0 }
            semantics: { arrivals: x, served: x }
    `);
    assert.deepEqual(lagged.diagnostics, []);
  });

  test('SHIFT(x, 0) is same-bin in C#; the message notes that Rust would accept it', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: a
          kind: expr
          expr: "SHIFT(«b», 0)"
        - id: b
          kind: expr
          expr: "a + 1"
    `);
    expectOne(diagnostics, 'model.same-bin-cycle', ranges[0], 'a → b → a', 'Rust engine drops references inside SHIFT(...) and would accept this');
  });

  test('a name used both lagged and directly is same-bin', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: a
          kind: expr
          expr: "SHIFT(b, 1) + «b»"
        - id: b
          kind: expr
          expr: "a"
    `);
    // Rust drops b from a's dependencies because b also appears inside SHIFT, so only C# sees the cycle.
    expectOne(diagnostics, 'model.same-bin-cycle', ranges[0], 'a → b → a', 'Rust engine drops references inside SHIFT(...) and would accept this');
  });

  test('serviceWithBuffer and router inputs are dependencies', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: in
          kind: const
          values: [1, 2, 3, 4]
        - id: out
          kind: expr
          expr: "MIN(in, «buffer»)"
        - id: buffer
          kind: serviceWithBuffer
          inflow: in
          outflow: «out»
        - id: r
          kind: router
          inputs:
            queue: «r2»
          routes:
            - target: in
              weight: 1
        - id: r2
          kind: expr
          expr: "«r» * 1"
    `);
    const hits = withCode(diagnostics, 'model.same-bin-cycle');
    assert.equal(hits.length, 2, show(diagnostics));
    assert.match(hits[0].message, /out → buffer → out/);
    assert.deepEqual(rangesOf(hits[0]), [fmtRange(ranges[0]), fmtRange(ranges[1])]);
    assert.match(hits[1].message, /r → r2 → r/);
    assert.deepEqual(rangesOf(hits[1]), [fmtRange(ranges[2]), fmtRange(ranges[3])]);
    assert.ok(!hits[0].message.includes('Rust engine drops'), 'no Rust note for a cycle through a serviceWithBuffer');
  });

  test('a larger cycle group names the members outside the reported path', () => {
    const { diagnostics } = checkBody(`
      nodes:
        - id: a
          kind: expr
          expr: "b"
        - id: b
          kind: expr
          expr: "a + c"
        - id: c
          kind: expr
          expr: "b"
    `);
    const hits = withCode(diagnostics, 'model.same-bin-cycle');
    assert.equal(hits.length, 1, show(diagnostics));
    assert.match(hits[0].message, /a → b → a.*also contains 'c'/);
  });

  test('a 1,500-node cycle through the whole pipeline reports its full path', () => {
    const n = 1500;
    const lines = ['schemaVersion: 1', 'grid:', '  bins: 4', '  binSize: 1', '  binUnit: hours', 'nodes:'];
    for (let i = 0; i < n; i++) lines.push(`  - id: n${i}`, '    kind: expr', `    expr: "n${(i + 1) % n} + 1"`);
    const { diagnostics } = checkText(lines.join('\n'));
    const hits = withCode(diagnostics, 'model.same-bin-cycle');
    assert.equal(hits.length, 1);
    assert.ok(hits[0].message.startsWith('Same-bin cycle n0 → n1 → n2'), hits[0].message.slice(0, 80));
    assert.equal(hits[0].related!.length, n);
  });
});

describe('feedback spans (V3)', () => {
  test('a const node ordered between a SHIFT reader and its later target is reported', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: a
          kind: expr
          expr: "SHIFT(«b», 1)"
        - id: «c»
          kind: const
          values: [1, 2, 3, 4]
        - id: «b»
          kind: expr
          expr: "a + c"
    `);
    const d = expectOne(
      diagnostics,
      'model.feedback-span-node',
      ranges[1],
      "Node 'c' (const) falls inside the feedback span from 'a' to 'b'",
      'unsupported node type in feedback subgraph',
      "Declare 'c' before 'a'",
    );
    assert.deepEqual(rangesOf(d), [fmtRange(ranges[0]), fmtRange(ranges[2])]);
  });

  test('declaring the const first moves it out of the span', () => {
    const { diagnostics } = checkBody(`
      nodes:
        - id: c
          kind: const
          values: [1, 2, 3, 4]
        - id: a
          kind: expr
          expr: "SHIFT(b, 1)"
        - id: b
          kind: expr
          expr: "a + c"
    `);
    assert.deepEqual(diagnostics, []);
  });

  test('a lagged read of an earlier node opens no span', () => {
    const { diagnostics } = checkBody(`
      nodes:
        - id: b
          kind: expr
          expr: "5"
        - id: c
          kind: pmf
          pmf: { values: [1], probabilities: [1] }
        - id: a
          kind: expr
          expr: "SHIFT(b, 1) + c"
    `);
    assert.deepEqual(diagnostics, []);
  });
});

describe('Rust SHIFT dependency rule', () => {
  test('a direct use of a name that also appears in SHIFT, evaluated too early by Rust, is warned', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: y
          kind: expr
          expr: "«x» + SHIFT(x, 1)"
        - id: base
          kind: const
          values: [1, 2, 3, 4]
        - id: x
          kind: expr
          expr: "base * 2"
    `);
    const d = expectOne(diagnostics, 'rust.shift-dependency', ranges[0], "The Rust engine drops 'x' from the dependencies of 'y'", "evaluates 'y' before 'x'", 'sees 0');
    assert.equal(d.severity, 'warning');
    expectNone(diagnostics, 'model.same-bin-cycle');
  });

  test('SHIFT(x, 0) alone is enough', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: y
          kind: expr
          expr: "SHIFT(«x», 0)"
        - id: x
          kind: expr
          expr: "MAX(base, 1)"
        - id: base
          kind: const
          values: [1, 2, 3, 4]
    `);
    expectOne(diagnostics, 'rust.shift-dependency', ranges[0]);
  });

  test('no warning when Rust still evaluates the producer first, or the producer is a const', () => {
    const first = checkBody(`
      nodes:
        - id: x
          kind: expr
          expr: "7"
        - id: y
          kind: expr
          expr: "x + SHIFT(x, 1)"
    `);
    assert.deepEqual(first.diagnostics, []);
    const constant = checkBody(`
      nodes:
        - id: y
          kind: expr
          expr: "x + SHIFT(x, 1)"
        - id: x
          kind: const
          values: [1, 2, 3, 4]
    `);
    assert.deepEqual(constant.diagnostics, []);
  });

  test('the Rust order includes topology queue columns: a name claimed by a queue column waits for its inputs', () => {
    const body = (topology: string) => `
      nodes:
        - id: y
          kind: expr
          expr: "«x» + SHIFT(x, 1) + q"
        - id: q
          kind: const
          values: [0, 0, 0, 0]
        - id: base
          kind: const
          values: [1, 2, 3, 4]
        - id: x
          kind: expr
          expr: "base * 2"
${topology}`;
    const plain = checkBody(body(''));
    expectOne(plain.diagnostics, 'rust.shift-dependency', plain.ranges[0]);
    // Rust resolves 'q' to the queue column of Q, which depends on x, so y now comes after x.
    const withQueue = checkBody(
      body(`      topology:
        nodes:
          - id: Q
            kind: serviceWithBuffer
            initialCondition: { queueDepth: 0 }
            semantics: { arrivals: x, served: base, queueDepth: q }`),
    );
    assert.deepEqual(withQueue.diagnostics, [], show(withQueue.diagnostics));
  });
});

describe('cycles only the Rust engine sees', () => {
  test('a served series that reads the queueDepth node closes a loop through the Rust queue column', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:
        - id: arrivals
          kind: const
          values: [5, 5, 5, 5]
        - id: depth
          kind: expr
          expr: "arrivals * 2"
        - id: served
          kind: expr
          expr: "MIN(«depth», 3)"
      topology:
        nodes:
          - id: Buffer
            kind: serviceWithBuffer
            semantics:
              arrivals: arrivals
              served: «served»
              queueDepth: depth
    `);
    const d = expectOne(
      diagnostics,
      'rust.dependency-cycle',
      ranges[0],
      "'served' → queue column 'depth' of topology node 'Buffer' → 'served'",
      'model has a dependency cycle',
    );
    assert.equal(d.severity, 'warning');
    assert.deepEqual(rangesOf(d), [fmtRange(ranges[0]), fmtRange(ranges[1])]);
    expectNone(diagnostics, 'model.same-bin-cycle');
  });

  test('reading the queue through SHIFT keeps both engines acyclic', () => {
    const { diagnostics } = checkBody(`
      nodes:
        - id: arrivals
          kind: const
          values: [5, 5, 5, 5]
        - id: depth
          kind: expr
          expr: "arrivals * 2"
        - id: served
          kind: expr
          expr: "MIN(SHIFT(depth, 1), 3)"
      topology:
        nodes:
          - id: Buffer
            kind: serviceWithBuffer
            semantics: { arrivals: arrivals, served: served, queueDepth: depth }
    `);
    assert.deepEqual(diagnostics, [], show(diagnostics));
  });
});
