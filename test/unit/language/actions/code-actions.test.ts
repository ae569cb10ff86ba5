// codeActions plumbing: diagnostics that lost their fixes, unusable edits, placeholders, several diagnostics at once.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from '../../../../core/src/diagnostics';
import { codeActions } from '../../../../core/src/language/code-actions';
import { actionsFor, fixture, model, only } from './helpers';

const TYPOS = `
  nodes:
    - id: demand
      kind: const
      values: [1, 1, 1, 1]
    - id: served
      kind: expr
      expr: "demnd * 2"
  outputs:
    - series: «servd»
`;

describe('codeActions', () => {
  test('a diagnostic that comes back from the client without fixes is matched to the analysis by code and range', () => {
    const f = model(TYPOS);
    const d = only(f, 'model.unknown-output-series');
    const stripped = actionsFor(f, d, true);
    assert.deepEqual(
      stripped.map((x) => [x.title, x.edits]),
      actionsFor(f, d).map((x) => [x.title, x.edits]),
    );
    assert.deepEqual(stripped[0].edits, [{ range: f.ranges[0], newText: 'served' }]);
    // The action refers to the diagnostic the client sent, so the client can match it.
    assert.equal(stripped[0].diagnostic?.fixes, undefined);
  });

  test('actions for several diagnostics come in the order of the diagnostics', () => {
    const f = model(TYPOS);
    const ds = f.a.diagnostics();
    const list = codeActions(f.a, ds[0].range, ds);
    assert.deepEqual(
      list.map((x) => [x.diagnostic?.code, x.title]),
      [
        ['expr.unknown-reference', "Change to 'demand'"],
        ['model.unknown-output-series', "Change to 'served'"],
      ],
    );
  });

  test('no diagnostics, or diagnostics nobody can fix: no actions', () => {
    const f = model(TYPOS);
    assert.deepEqual(codeActions(f.a, f.ranges[0], []), []);
    const foreign: Diagnostic = { severity: 'warning', code: 'other.tool', message: 'x', range: f.ranges[0] };
    assert.deepEqual(codeActions(f.a, f.ranges[0], [foreign]), []);
  });

  test('fixes with edits outside the text, overlapping edits or two insertions at one point are not offered', () => {
    const f = model(TYPOS);
    const at = f.ranges[0];
    const past = { line: 999, character: 0 };
    const lineEnd = { line: at.start.line, character: 200 };
    const bad: Diagnostic = {
      severity: 'error',
      code: 'model.unknown-output-series',
      message: 'x',
      range: at,
      fixes: [
        { title: 'outside', edits: [{ range: { start: past, end: past }, newText: 'x' }] },
        { title: 'past the line end', edits: [{ range: { start: at.start, end: lineEnd }, newText: 'x' }] },
        {
          title: 'overlapping',
          edits: [
            { range: at, newText: 'a' },
            { range: { start: at.start, end: { line: at.start.line, character: at.start.character + 1 } }, newText: 'b' },
          ],
        },
        {
          title: 'same point',
          edits: [
            { range: { start: at.start, end: at.start }, newText: 'a' },
            { range: { start: at.start, end: at.start }, newText: 'b' },
          ],
        },
        { title: 'no edits', edits: [] },
        { title: 'fine', edits: [{ range: at, newText: 'served' }] },
      ],
    };
    assert.deepEqual(
      codeActions(f.a, at, [bad]).map((x) => [x.title, x.isPreferred]),
      [['fine', false]],
    );
  });

  test('in a template, a fix that would overwrite a ${param} placeholder is not offered', () => {
    const f = fixture(
      `
      schemaVersion: 1
      generator: flowtime-sim
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      parameters:
        - name: out
          type: string
          default: servd
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: served
          kind: const
          values: [1]
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics: {arrivals: served, served: served}
        edges: []
      outputs:
        - series: «\${out}»
    `,
      'template',
    );
    const d = only(f, 'model.unknown-output-series');
    assert.deepEqual(d.range, f.ranges[0]);
    assert.equal(d.fixes?.length, 1, 'the core still attaches the fix (it does not know about placeholders)');
    assert.deepEqual(actionsFor(f, d), []);
  });

  test('in a template, a fix beside a placeholder is offered', () => {
    const f = fixture(
      `
      schemaVersion: 1
      generator: flowtime-sim
      metadata: {id: t, title: T, version: 1.0.0}
      window: {start: 2025-01-01T00:00:00Z, timezone: UTC}
      parameters:
        - name: factor
          type: number
          default: 2
      grid: {bins: 1, binSize: 1, binUnit: hours}
      nodes:
        - id: demand
          kind: const
          values: [1]
        - id: served
          kind: expr
          expr: "«demnd» * \${factor}"
      topology:
        nodes:
          - id: Svc
            kind: service
            semantics: {arrivals: demand, served: served}
        edges: []
      outputs:
        - series: served
    `,
      'template',
    );
    const d = only(f, 'expr.unknown-reference');
    assert.deepEqual(
      actionsFor(f, d).map((x) => x.edits),
      [[{ range: f.ranges[0], newText: 'demand' }]],
    );
  });
});
