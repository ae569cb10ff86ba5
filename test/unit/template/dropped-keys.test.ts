// Warnings for keys Sim silently drops (§2.9): on the key, saying the value never reaches the model.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { expectAt, onlyErrors, run, template } from './helpers';

describe('template.dropped-key', () => {
  test('semantics keys the engine never sees', () => {
    const topology = `topology:
  nodes:
    - id: Svc
      kind: service
      «wipLimit»: 10
      «wipOverflow»: loss
      semantics:
        arrivals: arrivals
        served: served
        «exhaustedFailures»: served
        «retryBudgetRemaining»: served
        «maxAttempts»: \${max}
        «slaMin»: 30
        «backoffStrategy»: exponential
        «exhaustedPolicy»: returns
        «externalDemand»: arrivals`;
    const extra = 'parameters:\n  - name: max\n    type: integer\n    default: 3';
    const r = run(template({ topology, extra }));
    const found = expectAt(r, 'template.dropped-key', /never reaches the model/);
    assert.ok(found.every((d) => d.severity === 'warning'));
    assert.match(found[2].message, /semantics\.exhaustedFailures on topology node `Svc` is dropped by Sim/);
    assert.match(found[8].message, /templates spell it `external_demand`/);
    onlyErrors(r);
    const semantics = (r.model?.topology as { nodes: { semantics: Record<string, unknown> }[] }).nodes[0].semantics;
    assert.deepEqual(Object.keys(semantics), ['arrivals', 'served'], 'none of them is emitted');
  });

  test('external_demand survives and is emitted as externalDemand', () => {
    const topology = 'topology:\n  nodes:\n    - id: Svc\n      kind: service\n      semantics:\n        arrivals: arrivals\n        served: served\n        external_demand: arrivals';
    const r = run(template({ topology }));
    assert.deepEqual(r.diagnostics, []);
    const semantics = (r.model?.topology as { nodes: { semantics: Record<string, unknown> }[] }).nodes[0].semantics;
    assert.equal(semantics.externalDemand, 'arrivals');
    assert.equal('external_demand' in semantics, false);
  });

  test('node group/telemetry, profile on a non-pmf node, and output id/description/filename', () => {
    const nodes = `nodes:
  - id: arrivals
    kind: const
    values: [1, 2, 3, 4]
    «group»: intake
    «telemetry»: x
    «profile»:
      name: three-shift
  - id: served
    kind: expr
    expr: "arrivals"`;
    const outputs = 'outputs:\n  - series: served\n    «id»: s\n    «description»: served work\n    «filename»: served.csv';
    const r = run(template({ nodes, outputs }));
    const found = expectAt(r, 'template.dropped-key', /./);
    assert.match(found[2].message, /Sim applies profiles only to pmf nodes/);
    assert.match(found[5].message, /Use `as` to name the CSV file/);
    onlyErrors(r);
    assert.deepEqual(r.model?.outputs, [{ series: 'served' }, { series: 'arrivals' }]);
  });
});
