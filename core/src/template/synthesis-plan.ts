// Plans Sim's queue and sink synthesis (reference §2.13) and decides which queues the engines can synthesize instead.
//
// Sim adds a hidden `serviceWithBuffer` node for every queue-kind topology node whose `queueDepth` is empty, `self`
// or not a node. The Rust engine rejects `serviceWithBuffer` in `nodes[]` (gap G-019), while both engines synthesize
// the very same queue themselves when `queueDepth` is absent. A queue is left to the engines ("engine path") when
// nothing in the model needs it by name and both engines would give it Sim's name; otherwise Sim's form is kept
// ("fallback"), with the reasons recorded for the warning. See docs/templates.md.
import { csharpSnake, rustSnake } from './snake-case';
import { asArray, field, isRecord, nonBlank, scalarText } from './template-values';

const QUEUE_KINDS = new Set(['servicewithbuffer', 'queue', 'dlq']);

export function isQueueKind(kind: unknown): boolean {
  const k = nonBlank(kind);
  return k !== undefined && QUEUE_KINDS.has(k.toLowerCase());
}

export function isSinkKind(kind: unknown): boolean {
  return nonBlank(kind)?.toLowerCase() === 'sink';
}

export interface QueueSynthesis {
  index: number;
  topologyId: string;
  /** The node id Sim gives the synthesized queue. */
  name: string;
  /** True when the engines synthesize the queue: the topology node is emitted without queueDepth and no node is added. */
  engine: boolean;
  fallbackReasons: string[];
  inflow: string;
  outflow: string;
  outflowKey: 'served' | 'capacity';
  loss?: string;
}

export interface SinkSynthesis {
  index: number;
  topologyId: string;
  /** The series Sim sets as `semantics.served`. */
  served: string;
  /** Present when Sim adds an expr node `{snake}_served = MAX(0, arrivals - errors)`. */
  node?: { id: string; arrivals: string; errors: string };
}

export type SynthesisProblemKind = 'queue-arrivals' | 'queue-outflow' | 'sink-arrivals' | 'sink-served';

export interface SynthesisProblem {
  kind: SynthesisProblemKind;
  index: number;
}

export interface SynthesisPlan {
  queues: Map<number, QueueSynthesis>;
  sinks: Map<number, SinkSynthesis>;
  problems: SynthesisProblem[];
  /** Node ids as Sim sees them after synthesis (template nodes plus every synthesized queue and sink node). */
  nodeIds: Set<string>;
  /** Queue names left to the engines (not nodes of the generated model) → topology node index. */
  engineQueues: Map<string, number>;
}

/** A place that refers to a series by name, described for messages. */
export interface NameUse {
  pointer: string;
  what: string;
}

export function planSynthesis(root: unknown): SynthesisPlan {
  const nodes = asArray(field(root, 'nodes'));
  const topo = asArray(field(field(root, 'topology'), 'nodes'));
  const templateIds = nodes.map((n) => scalarText(field(n, 'id'))).filter((id): id is string => id !== undefined);
  const taken = new Set(templateIds.map((id) => id.toLowerCase()));
  const nodeIds = new Set(templateIds);
  const uses = collectNameUses(root);
  const plan: SynthesisPlan = { queues: new Map(), sinks: new Map(), problems: [], nodeIds, engineQueues: new Map() };

  topo.forEach((tn, index) => {
    if (!isRecord(tn) || !isQueueKind(tn.kind)) return;
    const semantics = field(tn, 'semantics');
    if (!isRecord(semantics)) return;
    const topologyId = scalarText(tn.id) ?? '';
    const requested = nonBlank(semantics.queueDepth);
    const isSelf = requested?.toLowerCase() === 'self';
    if (requested && !isSelf && taken.has(requested.toLowerCase())) return;
    const inflow = nonBlank(semantics.arrivals);
    if (!inflow) {
      plan.problems.push({ kind: 'queue-arrivals', index });
      return;
    }
    const served = nonBlank(semantics.served);
    const capacity = nonBlank(semantics.capacity);
    const outflow = served ?? capacity;
    if (!outflow) {
      plan.problems.push({ kind: 'queue-outflow', index });
      return;
    }
    const name = requested && !isSelf ? requested : uniqueName(`${csharpSnake(topologyId)}_queue`, taken);
    taken.add(name.toLowerCase());
    nodeIds.add(name);

    const reasons: string[] = [];
    const cs = `${csharpSnake(topologyId)}_queue`;
    const rs = `${rustSnake(topologyId)}_queue`;
    if (cs !== rs) reasons.push(`the C# engine would name the queue \`${cs}\` but the Rust engine \`${rs}\``);
    if (name !== cs) {
      if (requested && !isSelf) reasons.push(`semantics.queueDepth names it \`${name}\`, a name only Sim gives it (the engines use \`${cs}\`)`);
      else reasons.push(`\`${cs}\` is already a node id, so Sim names the queue \`${name}\``);
    }
    const ownQueueDepth = `/topology/nodes/${index}/semantics/queueDepth`;
    const refs = (uses.get(name) ?? []).filter((u) => u.pointer !== ownQueueDepth);
    if (refs.length > 0) reasons.push(`\`${name}\` is referenced by ${describeUses(refs)}`);

    const q: QueueSynthesis = {
      index,
      topologyId,
      name,
      engine: reasons.length === 0,
      fallbackReasons: reasons,
      inflow,
      outflow,
      outflowKey: served ? 'served' : 'capacity',
    };
    const loss = nonBlank(semantics.errors);
    if (loss) q.loss = loss;
    plan.queues.set(index, q);
    if (q.engine) plan.engineQueues.set(name, index);
  });

  topo.forEach((tn, index) => {
    if (!isRecord(tn) || !isSinkKind(tn.kind)) return;
    const semantics = field(tn, 'semantics');
    if (!isRecord(semantics)) return;
    const topologyId = scalarText(tn.id) ?? '';
    const arrivals = nonBlank(semantics.arrivals);
    if (!arrivals) {
      plan.problems.push({ kind: 'sink-arrivals', index });
      return;
    }
    const served = nonBlank(semantics.served);
    const errors = nonBlank(semantics.errors);
    if (served) {
      if (!errors && served.toLowerCase() !== arrivals.toLowerCase()) plan.problems.push({ kind: 'sink-served', index });
      return;
    }
    if (!errors) {
      plan.sinks.set(index, { index, topologyId, served: arrivals });
      return;
    }
    const id = uniqueName(`${csharpSnake(topologyId)}_served`, taken);
    taken.add(id.toLowerCase());
    nodeIds.add(id);
    plan.sinks.set(index, { index, topologyId, served: id, node: { id, arrivals, errors } });
  });
  return plan;
}

function uniqueName(base: string, taken: Set<string>): string {
  let candidate = base;
  for (let i = 1; taken.has(candidate.toLowerCase()); i++) candidate = `${base}_${i}`;
  return candidate;
}

function describeUses(uses: NameUse[]): string {
  const shown = uses.slice(0, 3).map((u) => u.what);
  const more = uses.length > 3 ? ` and ${uses.length - 3} more` : '';
  return shown.join(', ') + more;
}

/** Semantics keys whose value names a series and survives into the model. */
export const SERIES_SEMANTICS = [
  'arrivals',
  'served',
  'errors',
  'attempts',
  'failures',
  'retryEcho',
  'queueDepth',
  'capacity',
  'external_demand',
  'processingTimeMsSum',
  'servedCount',
] as const;

const IDENT = /[\p{L}_][\p{L}\p{Nd}_]*/gu;

/**
 * Every name the model-to-be refers to, outside `outputs`: identifiers in expressions (a superset of the node
 * references, which is the safe side here), serviceWithBuffer/router fields, dispatch capacity series, topology and
 * constraint semantics. Semantics values are also recorded without `series:`/`@class` decorations.
 */
export function collectNameUses(root: unknown): Map<string, NameUse[]> {
  const uses = new Map<string, NameUse[]>();
  const add = (name: string | undefined, pointer: string, what: string): void => {
    if (!name) return;
    const list = uses.get(name) ?? [];
    list.push({ pointer, what });
    uses.set(name, list);
  };
  asArray(field(root, 'nodes')).forEach((n, i) => {
    if (!isRecord(n)) return;
    const id = scalarText(n.id) ?? `#${i}`;
    const base = `/nodes/${i}`;
    const expr = scalarText(n.expr);
    if (expr) for (const m of expr.matchAll(IDENT)) add(m[0], `${base}/expr`, `the expression of node \`${id}\``);
    for (const key of ['inflow', 'outflow', 'loss']) add(nonBlank(n[key]), `${base}/${key}`, `\`${key}\` of node \`${id}\``);
    add(nonBlank(field(n.inputs, 'queue')), `${base}/inputs/queue`, `\`inputs.queue\` of router \`${id}\``);
    asArray(n.routes).forEach((r, j) => add(nonBlank(field(r, 'target')), `${base}/routes/${j}/target`, `a route of router \`${id}\``));
    add(nonBlank(field(n.dispatchSchedule, 'capacitySeries')), `${base}/dispatchSchedule/capacitySeries`, `the dispatch capacitySeries of node \`${id}\``);
  });
  const topology = field(root, 'topology');
  asArray(field(topology, 'nodes')).forEach((tn, i) => {
    if (!isRecord(tn)) return;
    const id = scalarText(tn.id) ?? `#${i}`;
    const base = `/topology/nodes/${i}`;
    const semantics = field(tn, 'semantics');
    if (isRecord(semantics)) {
      for (const key of [...SERIES_SEMANTICS, 'parallelism']) {
        const v = nonBlank(semantics[key]);
        const what = `semantics.${key} of topology node \`${id}\``;
        add(v, `${base}/semantics/${key}`, what);
        const bare = v ? bareSeriesName(v) : undefined;
        if (bare && bare !== v) add(bare, `${base}/semantics/${key}`, what);
      }
    }
    add(nonBlank(field(tn.dispatchSchedule, 'capacitySeries')), `${base}/dispatchSchedule/capacitySeries`, `the dispatch capacitySeries of topology node \`${id}\``);
  });
  asArray(field(topology, 'constraints')).forEach((c, i) => {
    const semantics = field(c, 'semantics');
    if (!isRecord(semantics)) return;
    const id = scalarText(field(c, 'id')) ?? `#${i}`;
    for (const key of ['arrivals', 'served', 'errors', 'latencyMinutes']) {
      add(nonBlank(semantics[key]), `/topology/constraints/${i}/semantics/${key}`, `semantics.${key} of constraint \`${id}\``);
    }
  });
  return uses;
}

/** `series:node@class` → `node` (the model reference syntax). */
export function bareSeriesName(ref: string): string {
  let s = ref.trim();
  if (s.toLowerCase().startsWith('series:')) s = s.slice('series:'.length);
  const at = s.indexOf('@');
  return at >= 0 ? s.slice(0, at) : s;
}

