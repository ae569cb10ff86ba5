// Synthesized queue names that differ between the engines (acronyms), warned where a reference uses one of them.
import { diag } from '../codes/make';
import { engineCodes } from '../codes/engine';
import type { ModelContext, NodeEntry } from './context';
import type { ExprNodeInfo } from './expressions';
import { arr, isBlank, prop, q, str } from './read';
import { parseSeriesRef } from './series-ref';
import { SERIES_FIELDS } from './semantics-refs';
import { csharpSnakeCase, rustSnakeCase } from './snake-case';
import { needsQueueSynthesis } from './topology';

interface SynthesizedQueue {
  topologyId: string;
  csharp: string;
  rust: string;
}

export function checkQueueColumnNames(ctx: ModelContext, exprs: ReadonlyMap<NodeEntry, ExprNodeInfo>): void {
  if (ctx.topology.length === 0) return;
  const byName = synthesizedQueues(ctx);
  if (byName.size === 0) return;
  const visit = (name: string, range: () => ReturnType<ModelContext['range']>) => {
    const hit = byName.get(name);
    if (!hit) return;
    const [engine, other, otherName] = name === hit.csharp ? ['C#', 'Rust', hit.rust] : ['Rust', 'C#', hit.csharp];
    ctx.report(
      diag(
        engineCodes['rust.queue-column-name'],
        `${q(name)} is the name the ${engine} engine gives the queue it synthesizes for topology node ${q(hit.topologyId)}; the ${other} engine names it ${q(otherName)} (the engines snake-case acronyms differently). Set semantics.queueDepth of ${q(hit.topologyId)} to an explicit node id so both agree.`,
        range(),
      ),
    );
  };

  for (const info of exprs.values()) {
    for (const r of info.refs) visit(r.name, () => ctx.rangeIn(info.pointer, r.start, r.end));
  }
  (arr(prop(ctx.root, 'outputs')) ?? []).forEach((o, i) => {
    const s = str(prop(o, 'series'));
    if (s !== undefined) visit(s.trim(), () => ctx.range(`/outputs/${i}/series`));
  });
  for (const n of ctx.nodes) {
    for (const field of ['inflow', 'outflow', 'loss', 'inputs/queue', 'dispatchSchedule/capacitySeries']) {
      const [a, b] = field.split('/');
      const s = str(b === undefined ? prop(n.value, a) : prop(prop(n.value, a), b));
      if (s !== undefined) visit(s.trim(), () => ctx.range(`${n.pointer}/${field}`));
    }
    (arr(prop(n.value, 'routes')) ?? []).forEach((route, r) => {
      const s = str(prop(route, 'target'));
      if (s !== undefined) visit(s.trim(), () => ctx.range(`${n.pointer}/routes/${r}/target`));
    });
  }
  for (const t of ctx.topology) {
    for (const field of [...SERIES_FIELDS, 'parallelism']) {
      const pointer = `${t.pointer}/semantics/${field}`;
      const raw = str(prop(t.semantics, field));
      const ref = raw === undefined ? undefined : parseSeriesRef(raw);
      if (ref?.kind === 'node') visit(ref.nodeId, () => ctx.rangeIn(pointer, ref.nodeStart, ref.nodeEnd));
    }
  }
}

/** Queues both engines synthesize under different names, indexed by each of the two names. */
function synthesizedQueues(ctx: ModelContext): Map<string, SynthesizedQueue> {
  const taken = new Set(ctx.nodes.map((n) => n.id.toLowerCase()));
  const byName = new Map<string, SynthesizedQueue>();
  for (const t of ctx.topology) {
    if (!needsQueueSynthesis(t, taken)) continue;
    const raw = str(prop(t.semantics, 'queueDepth'));
    const ref = raw === undefined ? undefined : parseSeriesRef(raw);
    // A named queueDepth gets that very name in both engines (C# may prefix-strip, Rust keeps the text).
    if (ref?.kind === 'node') {
      taken.add(ref.nodeId.toLowerCase());
      continue;
    }
    const base = csharpSnakeCase(t.id);
    let csharp = `${base}_queue`;
    for (let k = 1; taken.has(csharp.toLowerCase()); k++) csharp = `${base}_queue_${k}`;
    taken.add(csharp.toLowerCase());
    const rust = raw !== undefined && !isBlank(raw) ? raw : `${rustSnakeCase(t.id)}_queue`;
    if (csharp === rust) continue;
    const entry = { topologyId: t.id, csharp, rust };
    byName.set(csharp, entry);
    // `self` as a column name is reported by rust.queue-depth-self.
    if (ref?.kind !== 'self') byName.set(rust, entry);
  }
  return byName;
}
