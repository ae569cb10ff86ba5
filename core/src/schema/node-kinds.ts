// Which model node kind owns which key, read from the model schema's per-kind arms (so the two never drift apart).
import { modelSchema } from './compile';

interface Arm {
  properties?: Record<string, { const?: unknown }>;
}

let owners: Map<string, string[]> | undefined;

function build(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const defs = (modelSchema as unknown as { $defs: Record<string, Arm & { oneOf?: { $ref: string }[] }> }).$defs;
  for (const ref of defs.node.oneOf ?? []) {
    const arm = defs[ref.$ref.replace('#/$defs/', '')];
    const kind = arm.properties?.kind?.const;
    if (typeof kind !== 'string') continue;
    for (const key of Object.keys(arm.properties ?? {})) {
      map.set(key, [...(map.get(key) ?? []), kind]);
    }
  }
  return map;
}

/** The node kinds that accept `key` (every kind for id, kind, metadata and dispatchSchedule). */
export function kindsAccepting(key: string): string[] {
  owners ??= build();
  return owners.get(key) ?? [];
}

export const TOPOLOGY_ONLY_KINDS = ['queue', 'dlq', 'sink', 'service', 'dependency'];

/** Why a key that exists elsewhere in FlowTime is not a model node key. */
export const NOT_A_NODE_KEY: Record<string, string> = {
  wipLimit: 'it is a topology-node key: put it on the topology node',
  wipLimitSeries: 'it is a topology-node key: put it on the topology node',
  wipOverflow: 'it is a topology-node key: put it on the topology node',
  source: 'it is a template key that generation drops',
  profile: 'it is a template key for pmf nodes that generation expands into const values',
  group: 'it is a template key that generation drops',
  telemetry: 'it is a template key that generation drops',
  initial: 'use `initialCondition.queueDepth` on the topology node instead',
};
