// Engine divergence warnings (rust.*): shapes and values the C# engine accepts and the Rust engine reads differently.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBody, checkText, errors, expectNone, expectOne, show, withCode } from './fixture';
import { csharpSnakeCase, rustSnakeCase } from '../../../core/src/model/snake-case';
import { dedent } from '../../helpers/markers';

const NODES = `
        - id: in
          kind: const
          values: [1, 2, 3, 4]
        - id: out
          kind: expr
          expr: "in * 0.5"`;

describe('node shapes', () => {
  test('serviceWithBuffer in nodes[] is unsupported by Rust', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
        - id: buf
          kind: «serviceWithBuffer»
          inflow: in
          outflow: out
    `);
    const d = expectOne(diagnostics, 'rust.service-with-buffer-node', ranges[0], "node 'buf' fails with \"unsupported node kind\"", 'topology');
    assert.equal(d.severity, 'warning');
    assert.deepEqual(errors(diagnostics), []);
  });

  test('a C#-shape router is rejected by Rust', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
        - id: split
          kind: «router»
          inputs: { queue: in }
          routes:
            - target: out
              weight: 1
    `);
    expectOne(diagnostics, 'rust.router-shape', ranges[0], 'router: {inputs, routes}', "Router node 'split' requires router field");
  });
});

describe('edges written from/to', () => {
  test('one warning per model, on the edges key', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: A
            kind: service
            semantics: { arrivals: in, served: out }
          - id: B
            kind: service
            semantics: { arrivals: out, served: out }
        «edges»:
          - from: A
            to: B
          - from: B:served
            to: A:arrivals
          - from: A
            to: A
    `);
    expectOne(diagnostics, 'rust.edge-endpoints', ranges[0], 'source/target', 'silently drops all 3 edges', 'no edge series');
  });

  test('no warning without edges', () => {
    const { diagnostics } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: A
            kind: service
            semantics: { arrivals: in, served: out }
        edges: []
    `);
    assert.deepEqual(diagnostics, []);
  });
});

describe('grid and topology values', () => {
  test('binUnit weeks', () => {
    const { diagnostics, ranges } = checkText(
      dedent(`
        schemaVersion: 1
        grid:
          bins: 1
          binSize: 1
          binUnit: «weeks»
        nodes:
          - id: a
            kind: const
            values: [1]
      `),
    );
    expectOne(diagnostics, 'rust.bin-unit-weeks', ranges[0], 'falls back to minutes');
  });

  test('queueDepth self, file: references Rust resolves, and a negative phaseOffset', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Q
            kind: queue
            semantics:
              arrivals: «"file:arrivals.csv"»
              served: out
              queueDepth: «self»
              attempts: "file:attempts.csv"
            initialCondition: { queueDepth: 0 }
            dispatchSchedule:
              periodBins: 3
              phaseOffset: «-1»
    `);
    expectOne(diagnostics, 'rust.file-reference', ranges[0], "series literally named 'file:arrivals.csv' for semantics.arrivals of 'Q'");
    expectOne(diagnostics, 'rust.queue-depth-self', ranges[1], "literally 'self'");
    expectOne(diagnostics, 'rust.negative-phase-offset', ranges[2], 'casts a negative phaseOffset', 'the C# engine uses 2');
    assert.deepEqual(errors(diagnostics), [], show(diagnostics));
  });
});

describe('no divergence warnings where the engines agree', () => {
  test('a Rust-shape router key, file: in a field Rust does not resolve, a named queueDepth and a non-negative phaseOffset', () => {
    const { diagnostics } = checkBody(`
      nodes:${NODES}
      topology:
        nodes:
          - id: Q
            kind: queue
            semantics:
              arrivals: in
              served: out
              queueDepth: out
              processingTimeMsSum: "file:times.csv"
            dispatchSchedule:
              periodBins: 3
              phaseOffset: 2
          - id: S
            kind: service
            semantics: { arrivals: "file:a.csv", served: out }
    `);
    assert.deepEqual(diagnostics, [], show(diagnostics));
  });
});

describe('synthesized queue names', () => {
  test('the engines snake-case acronyms differently', () => {
    assert.equal(csharpSnakeCase('HTTPService'), 'h_t_t_p_service');
    assert.equal(rustSnakeCase('HTTPService'), 'http_service');
    assert.equal(csharpSnakeCase('PickerWave'), 'picker_wave');
    assert.equal(rustSnakeCase('PickerWave'), 'picker_wave');
    assert.equal(csharpSnakeCase('Queue_A'), 'queue_a');
    assert.equal(rustSnakeCase('Queue_A'), 'queue__a');
    assert.equal(csharpSnakeCase('DLQ'), 'd_l_q');
    assert.equal(rustSnakeCase('DLQ'), 'dlq');
  });

  test('a reference to either engine’s name is warned; a name both agree on is not', () => {
    const { diagnostics, ranges } = checkBody(`
      nodes:${NODES}
        - id: backlog
          kind: expr
          expr: "«h_t_t_p_service_queue» + picker_wave_queue"
      outputs:
        - series: «http_service_queue»
      topology:
        nodes:
          - id: HTTPService
            kind: serviceWithBuffer
            semantics: { arrivals: in, served: out }
          - id: PickerWave
            kind: queue
            semantics: { arrivals: in, served: out }
    `);
    const hits = withCode(diagnostics, 'rust.queue-column-name');
    assert.deepEqual(hits.map((d) => d.range), [ranges[0], ranges[1]], show(diagnostics));
    assert.match(hits[0].message, /'h_t_t_p_service_queue' is the name the C# engine gives the queue it synthesizes for topology node 'HTTPService'; the Rust engine names it 'http_service_queue'/);
    assert.match(hits[1].message, /'http_service_queue' is the name the Rust engine gives/);
  });

  test('an explicit queueDepth removes the divergence', () => {
    const { diagnostics } = checkBody(`
      nodes:${NODES}
      outputs:
        - series: out
      topology:
        nodes:
          - id: HTTPService
            kind: serviceWithBuffer
            semantics: { arrivals: in, served: out, queueDepth: out }
    `);
    expectNone(diagnostics, 'rust.queue-column-name');
    assert.deepEqual(diagnostics, []);
  });
});
