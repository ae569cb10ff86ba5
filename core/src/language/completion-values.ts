// Completion of values: ids wherever a reference goes, enum values, kinds, builtin profiles, edge ports.
import type { Range } from '../diagnostics';
import { SERIES_FIELDS } from '../model/semantics-refs';
import { SERIES_SEMANTICS } from '../template/synthesis-plan';
import { BUILTIN_PROFILE_NAMES } from '../template/builtin-profiles';
import type { Analysis } from './analysis';
import type { CursorContext } from './completion-context';
import type { SchemaFlavor } from './completion-schema';
import { enumValues, kindsAccepting, schemaAt, typesOf } from './completion-schema';
import { expressionEntries } from './completion-expression';
import { classEntries, constraintEntries, entryPointer, nodeEntries, parameterEntries, topologyEntries, valueText } from './completion-symbols';
import type { CompletionEntry } from './types';

/** The model's series semantics fields plus the template's snake_case `external_demand`. */
const SEMANTICS_SERIES = new Set<string>([...SERIES_FIELDS, ...SERIES_SEMANTICS]);
const CONSTRAINT_SERIES = new Set(['arrivals', 'served', 'errors', 'latencyMinutes']);

/** Keys whose schema examples are the values in practice (free strings with a few recognized ones). */
const EXAMPLE_VALUED = new Set(['kind', 'nodeRole', 'timezone', 'arrayOf', 'graph.hidden', 'ui.hidden', 'series.origin', 'origin.kind', 'profile.kind', 'profile.name']);

/** Is `path` equal to `pattern`, where `*` in the pattern matches any one segment? */
export function pathIs(path: readonly string[], pattern: string): boolean {
  const p = pattern.split('/');
  if (p.length !== path.length) return false;
  return p.every((seg, i) => seg === '*' || seg === path[i]);
}

export interface ValueRequest {
  a: Analysis;
  ctx: CursorContext;
  flavor: SchemaFlavor;
  /** Path of the value: ends with its key, or `#` for a list item. */
  path: string[];
  offset: number;
}

export function valueEntries(req: ValueRequest): CompletionEntry[] {
  const { a, ctx, path } = req;
  const range = a.lines.range(ctx.replaceStart, ctx.replaceEnd);
  const quoted = Boolean(ctx.scalar?.quote);
  const opts = { quoted };
  const key = path[path.length - 1];

  if (pathIs(path, 'nodes/#/expr') || pathIs(path, 'nodes/#/expression')) return expressionEntries(req);
  // Other values are one word: after a finished word and a space (`kind: expr ‸`) anything added would break it.
  if (ctx.scalar && !ctx.scalar.block && a.text.slice(ctx.scalar.start, ctx.replaceStart).trim() !== '') return [];
  if (pathIs(path, 'outputs/#/series')) {
    return [
      { label: '*', kind: 'value', detail: 'every series', insertText: valueText('*', opts), range, sortText: '0*' },
      ...nodeEntries(a, range, opts),
    ];
  }
  if (pathIs(path, 'outputs/#/exclude/#') || pathIs(path, 'nodes/#/dependencies/#')) {
    return nodeEntries(a, range, { ...opts, exclude: pathIs(path, 'nodes/#/dependencies/#') ? ownId(req) : undefined });
  }
  if (pathIs(path, 'topology/nodes/#/semantics/*') && (SEMANTICS_SERIES.has(key) || key === 'parallelism')) {
    return seriesRefEntries(req, key === 'queueDepth');
  }
  if (pathIs(path, 'topology/constraints/#/semantics/*') && CONSTRAINT_SERIES.has(key)) return seriesRefEntries(req, false);
  if (pathIs(path, 'topology/edges/#/from') || pathIs(path, 'topology/edges/#/to')) return edgeEndEntries(req);
  if (
    pathIs(path, 'nodes/#/inputs/queue') ||
    pathIs(path, 'nodes/#/routes/#/target') ||
    pathIs(path, 'nodes/#/inflow') ||
    pathIs(path, 'nodes/#/outflow') ||
    pathIs(path, 'nodes/#/loss') ||
    pathIs(path, 'nodes/#/dispatchSchedule/capacitySeries') ||
    pathIs(path, 'topology/nodes/#/dispatchSchedule/capacitySeries') ||
    pathIs(path, 'topology/nodes/#/wipLimitSeries') ||
    pathIs(path, 'traffic/arrivals/#/nodeId')
  ) {
    // A buffer or router naming itself makes a same-bin cycle; leave the node's own id out.
    const own = path[0] === 'nodes' ? ownId(req) : undefined;
    return nodeEntries(a, range, { ...opts, exclude: own });
  }
  if (pathIs(path, 'nodes/#/routes/#/classes/#') || pathIs(path, 'traffic/arrivals/#/classId')) return classEntries(a, range, opts);
  if (pathIs(path, 'topology/nodes/#/constraints/#')) return constraintEntries(a, range, opts);
  if (pathIs(path, 'topology/nodes/#/wipOverflow')) {
    return [
      { label: 'loss', kind: 'value', detail: 'drop the overflow', range, sortText: '0loss' },
      ...topologyEntries(a, range, opts).filter((e) => e.label !== ctx.siblings.get('id')),
    ];
  }
  if (pathIs(path, 'nodes/#/profile/name')) {
    const kind = ctx.siblings.get('kind');
    if (kind !== undefined && kind !== '' && kind.toLowerCase() !== 'builtin') return [];
    return BUILTIN_PROFILE_NAMES.map((n) => ({ label: n, kind: 'profile' as const, detail: 'builtin time-of-day profile', range, sortText: `1${n}` }));
  }
  if (pathIs(path, 'nodes/#/kind')) return nodeKindEntries(req, range);
  return schemaValueEntries(req, range);
}

/** The id of the node item holding the cursor: a sibling when the value sits on the node, else from the tree. */
function ownId(req: ValueRequest): string | undefined {
  if (req.path.length === 3) return req.ctx.siblings.get('id');
  const nodes = req.a.parsed.doc.node('/nodes');
  if (nodes?.type !== 'seq') return undefined;
  // Items are in text order: the last one starting before the cursor holds it (the context says it is in one).
  let lo = 0;
  let hi = nodes.items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nodes.items[mid].start <= req.offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const item = found >= 0 ? nodes.items[found] : undefined;
  const id = item?.type === 'map' ? item.entries.find((e) => e.key === 'id')?.value : undefined;
  return id?.type === 'scalar' ? id.text : undefined;
}

/** Node ids for a semantics field; after `@` the class ids; `self` where the queue may be synthesized. */
function seriesRefEntries(req: ValueRequest, allowSelf: boolean): CompletionEntry[] {
  const { a, ctx } = req;
  const quoted = Boolean(ctx.scalar?.quote);
  const word = a.text.slice(ctx.replaceStart, ctx.replaceEnd);
  const at = word.indexOf('@');
  const cursorInWord = req.offset - ctx.replaceStart;
  if (at >= 0 && cursorInWord > at) {
    const classRange = a.lines.range(ctx.replaceStart + at + 1, ctx.replaceEnd);
    return classEntries(a, classRange, { quoted: true });
  }
  let start = ctx.replaceStart;
  if (word.toLowerCase().startsWith('series:') && cursorInWord >= 'series:'.length) start += 'series:'.length;
  const end = at >= 0 ? ctx.replaceStart + at : ctx.replaceEnd;
  const nodeRange = a.lines.range(start, end);
  const inner = start !== ctx.replaceStart || at >= 0;
  const out = nodeEntries(a, nodeRange, { quoted: quoted || inner });
  if (allowSelf && !inner) {
    out.unshift({ label: 'self', kind: 'value', detail: 'synthesize the queue node', documentation: 'For queue-like kinds (serviceWithBuffer, queue, dlq) the engine creates a hidden serviceWithBuffer node for this topology node.', range: nodeRange, sortText: '0self' });
  }
  return out;
}

/** `from`/`to`: topology ids, or after `Node:` the ports (the semantics keys that node declares). */
function edgeEndEntries(req: ValueRequest): CompletionEntry[] {
  const { a, ctx } = req;
  const word = a.text.slice(ctx.replaceStart, ctx.replaceEnd);
  const colon = word.indexOf(':');
  const cursorInWord = req.offset - ctx.replaceStart;
  const quoted = Boolean(ctx.scalar?.quote);
  if (colon >= 0 && cursorInWord > colon) {
    const node = word.slice(0, colon);
    const range = a.lines.range(ctx.replaceStart + colon + 1, ctx.replaceEnd);
    return portEntries(a, node, range);
  }
  const range = a.lines.range(ctx.replaceStart, colon >= 0 ? ctx.replaceStart + colon : ctx.replaceEnd);
  // `from: X` is a topology id; a colon right after it starts the port, so no quoting inside `X:port`.
  return topologyEntries(a, range, { quoted: quoted || colon >= 0 });
}

function portEntries(a: Analysis, node: string, range: Range): CompletionEntry[] {
  const def = a.symbols.definitions('topology', node)[0];
  const semantics = def ? a.parsed.doc.node(`${entryPointer(def)}/semantics`) : undefined;
  const out: CompletionEntry[] = [];
  if (semantics?.type === 'map') {
    for (const e of semantics.entries) {
      if (!SEMANTICS_SERIES.has(e.key)) continue;
      const series = e.value.type === 'scalar' ? e.value.text : '';
      out.push({ label: e.key, kind: 'value', detail: series ? `${node}.${e.key} = ${series}` : `${node} semantics`, range, sortText: `0${String(out.length).padStart(3, '0')}` });
    }
  }
  if (out.length === 0) {
    for (const k of SERIES_FIELDS) out.push({ label: k, kind: 'value', detail: 'port', range, sortText: `1${k}` });
  }
  return out;
}

/** Node kinds; with kind-specific keys already written, only the kinds that accept them. */
function nodeKindEntries(req: ValueRequest, range: Range): CompletionEntry[] {
  const { flavor, ctx } = req;
  const present = [...ctx.siblings.keys()];
  const fits = kindsAccepting(flavor, present);
  const s = schemaAt(flavor, req.path);
  const all = enumValues(s);
  const kinds = all.filter((k) => fits.includes(k));
  return (kinds.length ? kinds : all).map((k, i) => ({ label: k, kind: 'enum' as const, detail: 'node kind', documentation: KIND_DOCS[k], range, sortText: `0${i}` }));
}

const KIND_DOCS: Record<string, string> = {
  const: 'A literal series: `values`, one number per grid bin.',
  expr: 'A series computed from other nodes by an `expr` expression.',
  pmf: 'A discrete distribution (`pmf.values`, `pmf.probabilities`) evaluated as its expected value.',
  serviceWithBuffer: 'A queue: `inflow`, `outflow` and optional `loss` node ids.',
  router: 'Splits the flow of `inputs.queue` across `routes` by class or weight.',
};

/** Enum values from the schema, recognized examples for free-text keys, booleans; in templates `${param}`s. */
function schemaValueEntries(req: ValueRequest, range: Range): CompletionEntry[] {
  const { flavor, path, a, ctx } = req;
  const s = schemaAt(flavor, path);
  const key = path[path.length - 1];
  const quoted = Boolean(ctx.scalar?.quote);
  const out: CompletionEntry[] = [];
  let values = enumValues(s);
  if (!values.length && s && EXAMPLE_VALUED.has(key)) {
    values = (s.examples ?? []).filter((e): e is string => typeof e === 'string' && !e.includes('${'));
  }
  const types = s ? valueTypes(flavor, s) : [];
  if (!values.length && types.length === 1 && types[0] === 'boolean') values = ['true', 'false'];
  values.forEach((v, i) => {
    // A string-typed value that YAML would re-type (`"true"` in metadata) must be quoted.
    const mustQuote = !quoted && types.includes('string') && !types.includes('boolean') && valueText(v, { quoted: false }) !== v;
    out.push({ label: v, kind: 'enum', ...(s?.description ? { documentation: s.description } : {}), ...(mustQuote ? { insertText: JSON.stringify(v) } : {}), range, sortText: `0${String(i).padStart(2, '0')}` });
  });
  if (flavor === 'template' && !values.length) {
    // Node `values` must become a list after substitution; `source` is the usual string parameter.
    if (pathIs(path, 'nodes/#/values')) out.push(...parameterEntries(a, range, 'placeholder', (p) => p.type === 'array'));
    else if (pathIs(path, 'nodes/#/source')) out.push(...parameterEntries(a, range, 'placeholder', (p) => p.type === 'string'));
    else if (acceptsPlaceholder(s, types)) out.push(...parameterEntries(a, range, 'placeholder', (p) => paramFits(p.type, types)));
  }
  return out;
}

/** The types a value may have, leaving out the string alternative that only admits an exact `${param}`. */
function valueTypes(flavor: SchemaFlavor, s: NonNullable<ReturnType<typeof schemaAt>>): string[] {
  const alts = [...(s.anyOf ?? []), ...(s.oneOf ?? [])];
  if (!alts.some((alt) => alt.pattern?.includes('\\$\\{'))) return typesOf(flavor, s);
  return typesOf(flavor, { ...s, anyOf: alts.filter((alt) => !alt.pattern?.includes('\\$\\{')), oneOf: undefined });
}

function acceptsPlaceholder(s: ReturnType<typeof schemaAt>, types: string[]): boolean {
  if (!s) return false;
  if ([...(s.anyOf ?? []), ...(s.oneOf ?? [])].some((alt) => alt.pattern?.includes('\\$\\{'))) return true;
  return types.some((t) => t === 'integer' || t === 'number' || t === 'array');
}

function paramFits(type: string, types: string[]): boolean {
  if (type === 'array') return types.includes('array');
  if (type === 'integer') return types.includes('integer') || types.includes('number') || types.includes('string');
  if (type === 'number') return types.includes('number') || types.includes('string');
  return types.includes(type) || types.includes('string');
}
