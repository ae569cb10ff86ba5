// Warns about keys Sim silently drops while reading a template (§2.9), so their values never reach the model.
import { hasKey, isRecord, nonBlank, scalarText } from '../template-values';
import type { RuleContext } from './context';

const SEMANTICS_DROPPED = ['exhaustedFailures', 'retryBudgetRemaining', 'maxAttempts', 'slaMin', 'backoffStrategy', 'exhaustedPolicy'];
const TOPOLOGY_DROPPED = ['wipLimit', 'wipLimitSeries', 'wipOverflow'];
const NODE_DROPPED = ['group', 'telemetry'];
const OUTPUT_DROPPED = ['id', 'description', 'filename'];

export function checkDroppedKeys(ctx: RuleContext): void {
  const topology = ctx.root.topology;
  const tnodes = isRecord(topology) && Array.isArray(topology.nodes) ? topology.nodes : [];
  tnodes.forEach((tn, i) => {
    if (!isRecord(tn)) return;
    const p = `/topology/nodes/${i}`;
    const id = scalarText(tn.id) ?? '';
    for (const key of TOPOLOGY_DROPPED) {
      if (hasKey(tn, key)) {
        warn(ctx, `${p}/${key}`, `\`${key}\` on topology node \`${id}\` is dropped by Sim: its value never reaches the model (only the Rust engine would evaluate it, and only if it were there).`);
      }
    }
    const semantics = tn.semantics;
    if (!isRecord(semantics)) return;
    for (const key of SEMANTICS_DROPPED) {
      if (hasKey(semantics, key)) {
        warn(ctx, `${p}/semantics/${key}`, `semantics.${key} on topology node \`${id}\` is dropped by Sim: its value never reaches the model, so no analysis sees it.`);
      }
    }
    if (hasKey(semantics, 'externalDemand')) {
      warn(
        ctx,
        `${p}/semantics/externalDemand`,
        `semantics.externalDemand on topology node \`${id}\` is dropped by Sim: templates spell it \`external_demand\` (it is emitted as externalDemand); this value never reaches the model.`,
      );
    }
  });
  const nodes = Array.isArray(ctx.root.nodes) ? ctx.root.nodes : [];
  nodes.forEach((n, i) => {
    if (!isRecord(n)) return;
    const id = scalarText(n.id) ?? '';
    for (const key of NODE_DROPPED) {
      if (hasKey(n, key)) warn(ctx, `/nodes/${i}/${key}`, `\`${key}\` on node \`${id}\` is ignored by Sim: its value never reaches the model.`);
    }
    if (hasKey(n, 'profile') && nonBlank(n.kind)?.toLowerCase() !== 'pmf') {
      warn(ctx, `/nodes/${i}/profile`, `\`profile\` on node \`${id}\` is ignored: Sim applies profiles only to pmf nodes, so its value never reaches the model.`);
    }
  });
  const outputs = Array.isArray(ctx.root.outputs) ? ctx.root.outputs : [];
  outputs.forEach((o, j) => {
    if (!isRecord(o)) return;
    for (const key of OUTPUT_DROPPED) {
      if (hasKey(o, key)) warn(ctx, `/outputs/${j}/${key}`, droppedOutput(key));
    }
  });
}

function droppedOutput(key: string): string {
  const extra = key === 'filename' ? ' Use `as` to name the CSV file.' : '';
  return `Output \`${key}\` is dropped by Sim: its value never reaches the model (outputs keep only series, as and exclude).${extra}`;
}

function warn(ctx: RuleContext, pointer: string, message: string): void {
  ctx.report('template.dropped-key', message, pointer, 'key');
}
