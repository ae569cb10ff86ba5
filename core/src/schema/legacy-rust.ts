// Rust-engine shapes the C# schema rejects: nested `router:` blocks, `source`/`target` edges, non time-based dispatch.
import { diag } from '../codes/make';
import { legacyCodes } from '../codes/legacy';
import type { SourceDocument } from '../yaml/document';
import { joinPointer } from '../yaml/document';
import { flowText, renameKey, replaceEntry, replaceValue } from './edits';
import { fixOf } from './legacy-fix';
import { has, spanOf, type LegacyResult } from './legacy-types';
import { isRecord } from './pointer';

export function rustShapesLegacy(doc: SourceDocument, root: Record<string, unknown>, out: LegacyResult): void {
  if (Array.isArray(root.nodes)) {
    root.nodes.forEach((node, i) => {
      if (!isRecord(node)) return;
      const pointer = joinPointer('/nodes', i);
      if (isRecord(node.router)) routerBlock(doc, node, node.router, pointer, out);
      dispatchKind(doc, node, pointer, out);
    });
  }
  const topology = root.topology;
  if (!isRecord(topology)) return;
  if (Array.isArray(topology.nodes)) {
    topology.nodes.forEach((node, i) => {
      if (isRecord(node)) dispatchKind(doc, node, joinPointer('/topology/nodes', i), out);
    });
  }
  if (Array.isArray(topology.edges)) {
    topology.edges.forEach((edge, i) => {
      if (isRecord(edge)) edgeEndpoints(doc, edge, joinPointer('/topology/edges', i), out);
    });
  }
}

function routerBlock(doc: SourceDocument, node: Record<string, unknown>, router: Record<string, unknown>, pointer: string, out: LegacyResult): void {
  const at = joinPointer(pointer, 'router');
  out.suppressions.push({ pointer, keyword: 'additionalProperties', property: 'router' });
  for (const key of ['inputs', 'routes']) {
    if (!has(node, key) && has(router, key)) out.suppressions.push({ pointer, keyword: 'required', property: key });
  }
  const name = typeof node.id === 'string' && node.id !== '' ? `router node '${node.id}'` : 'this router node';
  const message = `${name} nests \`inputs\`/\`routes\` in a \`router:\` block (the Rust engine's shape); the C# engine needs them directly on the node. Rust would accept this; C# rejects it`;
  const keys = Object.keys(router);
  const hoistable = keys.length > 0 && keys.every((k) => k === 'inputs' || k === 'routes') && !has(node, 'inputs') && !has(node, 'routes');
  const entries = keys.map((k): [string, string] => [k, flowText(router[k])]);
  const fixes = hoistable ? fixOf('Move inputs and routes up to the node', [replaceEntry(doc, at, entries)], { inputs: router.inputs, routes: router.routes }) : [];
  out.diagnostics.push(diag(legacyCodes['csharp.router-shape'], message, doc.locate(at, 'key'), { fixes }));
}

function edgeEndpoints(doc: SourceDocument, edge: Record<string, unknown>, pointer: string, out: LegacyResult): void {
  const pairs = [
    ['source', 'from'],
    ['target', 'to'],
  ].filter(([rust, csharp]) => has(edge, rust) && !has(edge, csharp));
  if (pairs.length === 0) return;
  for (const [, csharp] of pairs) out.suppressions.push({ pointer, keyword: 'required', property: csharp });
  const written = pairs.map(([rust]) => `\`${rust}\``).join('/');
  const wanted = pairs.map(([, csharp]) => `\`${csharp}\``).join('/');
  const message = `edge endpoints ${written} are the Rust engine's names; the C# engine needs ${wanted}. Rust would accept this edge; C# rejects it`;
  const range = spanOf(pairs.map(([rust]) => doc.locate(joinPointer(pointer, rust), 'key')));
  const fixes = fixOf(
    `Rename ${written} to ${wanted}`,
    pairs.map(([rust, csharp]) => renameKey(doc, joinPointer(pointer, rust), csharp)),
    { renames: Object.fromEntries(pairs) },
  );
  out.diagnostics.push(diag(legacyCodes['csharp.edge-endpoints'], message, range, { fixes }));
}

function dispatchKind(doc: SourceDocument, node: Record<string, unknown>, pointer: string, out: LegacyResult): void {
  const schedule = node.dispatchSchedule;
  if (!isRecord(schedule) || typeof schedule.kind !== 'string' || schedule.kind === 'time-based') return;
  const at = joinPointer(joinPointer(pointer, 'dispatchSchedule'), 'kind');
  out.suppressions.push({ pointer: at, keyword: 'enum' });
  const kind = schedule.kind;
  const message = `dispatchSchedule kind '${kind}' is not supported by the C# engine: the only kind is \`time-based\` (the default). The Rust engine ignores \`kind\`, so it would accept this`;
  const fixes = fixOf('Change to time-based', [replaceValue(doc, at, 'time-based')], { kind });
  out.diagnostics.push(diag(legacyCodes['csharp.dispatch-kind'], message, doc.locate(at, 'value'), { fixes }));
}
