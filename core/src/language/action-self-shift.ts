// Seeds a self-SHIFT recurrence: `initialCondition: {queueDepth: 0}` on the topology node that maps the node, or a new one.
import type { Diagnostic, TextEdit } from '../diagnostics';
import { collectReferences, parseExpression } from '../expr/index';
import { findPlaceholders } from '../template/params-index';
import type { MapEntry, MapNode, PositionedDocument } from '../yaml/document';
import type { ActionContext, ActionProvider } from './action-context';
import { quickFix } from './action-context';
import { blockItemDash, eol, indentUnit, insertAt, keyColumn, lineEnd, replaceSpan, sequenceOffset } from './action-yaml';

type Rec = Record<string, unknown>;

export const seedSelfShift: ActionProvider = (ctx, d) => {
  const owner = exprOwner(ctx, d);
  if (!owner) return [];
  const template = d.code.startsWith('template.');
  const topology = record(record(ctx.doc.value)?.topology);
  const list = Array.isArray(topology?.nodes) ? (topology.nodes as unknown[]) : [];
  const k = seedCandidate(list, owner.id, template);
  if (k >= 0) {
    const tn = ctx.doc.node(`/topology/nodes/${k}`);
    const edit = tn?.type === 'map' ? addInitialCondition(ctx, tn) : undefined;
    if (!edit) return [];
    const tid = text(record(list[k])?.id) ?? `#${k + 1}`;
    return [quickFix(`Add initialCondition.queueDepth: 0 to topology node '${tid}'`, d, [edit], true)];
  }
  return newTopologyNode(ctx, d, owner, list, template);
};

interface ExprOwner {
  id: string;
  expr: string;
}

/** The node whose `expr` holds the diagnostic. */
function exprOwner(ctx: ActionContext, d: Diagnostic): ExprOwner | undefined {
  const nodes = record(ctx.doc.value)?.nodes;
  if (!Array.isArray(nodes)) return undefined;
  const at = ctx.doc.lines.offset(d.range.start);
  for (let i = 0; i < nodes.length; i++) {
    const n = ctx.doc.node(`/nodes/${i}/expr`);
    const id = text(record(nodes[i])?.id);
    if (n?.type === 'scalar' && n.start <= at && at <= n.end && id) return { id, expr: n.text };
  }
  return undefined;
}

/**
 * The topology node that should carry the seed. Sim (T39) wants `semantics.queueDepth` exactly the node id and
 * `initialCondition.queueDepth` set; models (S24) accept any `initialCondition` on a node whose queueDepth or own id
 * matches, ignoring case. A queueDepth match beats an id match.
 */
function seedCandidate(list: readonly unknown[], id: string, template: boolean): number {
  const lower = id.toLowerCase();
  let byId = -1;
  for (let k = 0; k < list.length; k++) {
    const tn = record(list[k]);
    if (!tn) continue;
    const qd = text(record(tn.semantics)?.queueDepth);
    if (template) {
      if (qd === id) return k;
      continue;
    }
    if (Object.prototype.hasOwnProperty.call(tn, 'initialCondition')) continue;
    if (qd !== undefined && qd.trim().toLowerCase() === lower) return k;
    if (byId < 0 && text(tn.id)?.trim().toLowerCase() === lower) byId = k;
  }
  return byId;
}

function addInitialCondition(ctx: ActionContext, tn: MapNode): TextEdit | undefined {
  const doc = ctx.doc;
  const nl = eol(ctx.text);
  const unit = indentUnit(doc);
  const ic = tn.entries.find((e) => e.key === 'initialCondition');
  if (!ic) {
    const last = tn.entries[tn.entries.length - 1];
    if (!last) return undefined;
    if (tn.flow) return insertAt(doc, entryEnd(doc, last), ', initialCondition: {queueDepth: 0}');
    const col = keyColumn(doc, tn)!;
    return insertAt(doc, lineEnd(ctx.text, tn.end), `${nl}${' '.repeat(col)}initialCondition:${nl}${' '.repeat(col + unit)}queueDepth: 0`);
  }
  const value = ic.value;
  if (value.type !== 'map') return setValue(doc, ic, '{queueDepth: 0}');
  const qd = value.entries.find((e) => e.key === 'queueDepth');
  if (qd) return setValue(doc, qd, '0');
  const last = value.entries[value.entries.length - 1];
  if (!last) return replaceSpan(doc, value.start, value.end, '{queueDepth: 0}');
  if (value.flow) return insertAt(doc, entryEnd(doc, last), ', queueDepth: 0');
  return insertAt(doc, lineEnd(ctx.text, value.end), `${nl}${' '.repeat(keyColumn(doc, value)!)}queueDepth: 0`);
}

/** End of an entry's text: its value, or the `:` after the key when the value is empty. */
function entryEnd(doc: PositionedDocument, e: MapEntry): number {
  if (e.value.start !== e.value.end) return e.value.end;
  const colon = doc.text.indexOf(':', e.keyNode.end);
  return colon < 0 ? e.keyNode.end : colon + 1;
}

/** Rewrites `key: <anything on the line>` to `key: newValue` (the value must be a scalar or flow collection). */
function setValue(doc: PositionedDocument, e: MapEntry, newValue: string): TextEdit | undefined {
  if ((e.value.type === 'map' || e.value.type === 'seq') && !e.value.flow) return undefined;
  return replaceSpan(doc, e.keyNode.end, entryEnd(doc, e), `: ${newValue}`);
}

/**
 * No topology node maps the recurrence: add one that does, of kind service (no queue to synthesize), reading its
 * arrivals and served from the other nodes the expression uses.
 */
function newTopologyNode(ctx: ActionContext, d: Diagnostic, owner: ExprOwner, list: readonly unknown[], template: boolean): ReturnType<ActionProvider> {
  const root = ctx.doc.root;
  if (root?.type !== 'map' || root.flow) return [];
  const topology = root.entries.find((e) => e.key === 'topology');
  // Sim requires edges once a topology has two nodes (T37); a new node cannot invent them.
  const edges = record(record(ctx.doc.value)?.topology)?.edges;
  if (template && list.length > 0 && !(Array.isArray(edges) && edges.length > 0)) return [];
  const taken = new Set(list.map((t) => text(record(t)?.id)?.trim().toLowerCase()).filter((t): t is string => t !== undefined));
  let tid = owner.id;
  for (let n = 1; taken.has(tid.toLowerCase()); n++) tid = `${owner.id}_queue${n === 1 ? '' : n}`;
  const [arrivals, served] = feeders(ctx, owner);
  const fields: [string, string][] = [
    ['arrivals', arrivals],
    ['served', served],
    ['queueDepth', owner.id],
  ];
  const edit = topology ? intoTopology(ctx, topology, tid, fields) : newTopologyBlock(ctx, root, tid, fields);
  if (!edit) return [];
  return [quickFix(`Add topology node '${tid}' with queueDepth: ${owner.id} and initialCondition.queueDepth: 0`, d, [edit], false)];
}

/** Arrivals and served for a new topology node: the first two other nodes the expression reads (or the node itself). */
function feeders(ctx: ActionContext, owner: ExprOwner): [string, string] {
  // `${p}` inside a template expression becomes a number of the same length so the rest still parses.
  let src = owner.expr;
  for (const ph of findPlaceholders(src).reverse()) src = src.slice(0, ph.start) + '0'.padEnd(ph.end - ph.start) + src.slice(ph.end);
  const parsed = parseExpression(src);
  const nodes = record(ctx.doc.value)?.nodes;
  const ids = new Set((Array.isArray(nodes) ? nodes : []).map((n) => text(record(n)?.id)));
  const names: string[] = [];
  for (const r of parsed.expr ? collectReferences(parsed.expr) : []) {
    if (r.name !== owner.id && ids.has(r.name) && !names.includes(r.name)) names.push(r.name);
  }
  return [names[0] ?? owner.id, names[1] ?? names[0] ?? owner.id];
}

function intoTopology(ctx: ActionContext, topology: MapEntry, tid: string, fields: [string, string][]): TextEdit | undefined {
  const doc = ctx.doc;
  const nl = eol(ctx.text);
  const unit = indentUnit(doc);
  const value = topology.value;
  if (value.type !== 'map') return undefined;
  const nodes = value.entries.find((e) => e.key === 'nodes');
  if (!nodes) {
    if (value.flow || value.entries.length === 0) return undefined;
    const col = keyColumn(doc, value)!;
    const lines = itemLines(tid, fields, col + sequenceOffset(doc), unit);
    return insertAt(doc, lineEnd(ctx.text, value.end), `${nl}${' '.repeat(col)}nodes:${nl}${lines.join(nl)}`);
  }
  const seq = nodes.value;
  if (seq.type !== 'seq') return undefined;
  if (seq.flow) {
    const item = flowItem(tid, fields);
    const last = seq.items[seq.items.length - 1];
    return last ? insertAt(doc, last.end, `, ${item}`) : replaceSpan(doc, seq.start, seq.end, `[${item}]`);
  }
  const last = seq.items[seq.items.length - 1];
  const dash = last ? blockItemDash(doc, last) : undefined;
  if (!last || !dash) return undefined;
  const keyCol = last.type === 'map' && !last.flow ? keyColumn(doc, last)! - dash.column : 2;
  return insertAt(doc, lineEnd(ctx.text, seq.end), `${nl}${itemLines(tid, fields, dash.column, unit, keyCol).join(nl)}`);
}

function newTopologyBlock(ctx: ActionContext, root: MapNode, tid: string, fields: [string, string][]): TextEdit {
  const nl = eol(ctx.text);
  const unit = indentUnit(ctx.doc);
  const col = keyColumn(ctx.doc, root) ?? 0;
  const lines = [`${' '.repeat(col)}topology:`, `${' '.repeat(col + unit)}nodes:`, ...itemLines(tid, fields, col + unit + sequenceOffset(ctx.doc), unit)];
  return insertAt(ctx.doc, lineEnd(ctx.text, root.end), `${nl}${lines.join(nl)}`);
}

/** A block list item: `- id: …` at `dash`, its keys `keyOffset` right of the dash. */
function itemLines(tid: string, fields: [string, string][], dash: number, unit: number, keyOffset = 2): string[] {
  const k = ' '.repeat(dash + keyOffset);
  const inner = ' '.repeat(dash + keyOffset + unit);
  return [
    `${' '.repeat(dash)}-${' '.repeat(keyOffset - 1)}id: ${tid}`,
    `${k}kind: service`,
    `${k}semantics:`,
    ...fields.map(([key, v]) => `${inner}${key}: ${v}`),
    `${k}initialCondition:`,
    `${inner}queueDepth: 0`,
  ];
}

function flowItem(tid: string, fields: [string, string][]): string {
  return `{id: ${tid}, kind: service, semantics: {${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}}, initialCondition: {queueDepth: 0}}`;
}

function record(v: unknown): Rec | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

