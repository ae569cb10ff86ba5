// Builds realistic synthetic FlowTime models of any size for the preview tests and timing runs.

/**
 * A pipeline of `services` topology stages, each fed by about seven series nodes (demand, capacity, served, errors,
 * a self-SHIFT backlog, a pmf-driven processing time, utilisation), chained by flow edges with a dlq every fifth stage.
 */
export function generatePipelineModel(services: number): Record<string, unknown> {
  const nodes: Record<string, unknown>[] = [];
  const topoNodes: Record<string, unknown>[] = [];
  const edges: Record<string, unknown>[] = [];
  for (let i = 0; i < services; i++) {
    const p = `stage_${i}`;
    const upstream = i === 0 ? undefined : `stage_${i - 1}_served`;
    nodes.push(
      upstream
        ? { id: `${p}_arrivals`, kind: 'expr', expr: `${upstream} * 0.97` }
        : { id: `${p}_arrivals`, kind: 'const', values: [10, 12, 14] },
      { id: `${p}_capacity`, kind: 'const', values: [11, 11, 11] },
      { id: `${p}_served`, kind: 'expr', expr: `MIN(${p}_arrivals + SHIFT(${p}_backlog, 1), ${p}_capacity)` },
      { id: `${p}_errors`, kind: 'expr', expr: `${p}_arrivals * 0.01` },
      { id: `${p}_backlog`, kind: 'expr', expr: `SHIFT(${p}_backlog, 1) + ${p}_arrivals - ${p}_served` },
      { id: `${p}_latency_pmf`, kind: 'pmf', pmf: { values: [1, 2, 3], probabilities: [0.2, 0.5, 0.3] } },
      { id: `${p}_processing_time_ms_sum`, kind: 'expr', expr: `${p}_served * ${p}_latency_pmf` },
    );
    const kind = i % 5 === 4 ? 'dlq' : i % 3 === 1 ? 'queue' : i % 7 === 6 ? 'router' : 'service';
    topoNodes.push({
      id: `Stage${i}`,
      kind,
      semantics: {
        arrivals: `${p}_arrivals`,
        served: `series:${p}_served`,
        errors: `${p}_errors@default`,
        queueDepth: kind === 'queue' || kind === 'dlq' ? `${p}_backlog` : 'self',
        processingTimeMsSum: `${p}_processing_time_ms_sum`,
        capacity: `${p}_capacity`,
      },
    });
    if (i > 0) edges.push({ id: `e${i}`, from: `Stage${i - 1}:out`, to: `Stage${i}:in` });
  }
  topoNodes.push({ id: 'Exit', kind: 'sink', semantics: { arrivals: `stage_${services - 1}_served`, served: `stage_${services - 1}_served` } });
  edges.push({ from: `Stage${services - 1}:out`, to: 'Exit:in' });
  return {
    schemaVersion: 1,
    grid: { bins: 3, binSize: 1, binUnit: 'hours' },
    nodes,
    topology: { nodes: topoNodes, edges },
  };
}

/** Node count of `generatePipelineModel(services)`. */
export function pipelineNodeCount(services: number): number {
  return services * 8 + 1;
}
