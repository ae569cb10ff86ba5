// Completion for FlowTime models and templates: the cursor's context read from the text, answered from the schemas and the symbol index.
import type { Position } from '../diagnostics';
import type { Analysis } from './analysis';
import { cursorContext } from './completion-context';
import type { CursorContext } from './completion-context';
import { describeType, enumValues, keysAt, schemaAt, valueShape } from './completion-schema';
import type { KeyInfo, SchemaFlavor } from './completion-schema';
import { itemLines, keyInsert, nodeSkeleton, TabStops } from './completion-snippets';
import { declared, gridBins, parameterEntries } from './completion-symbols';
import { valueEntries } from './completion-values';
import type { CompletionEntry } from './types';

export function complete(a: Analysis, pos: Position): CompletionEntry[] {
  try {
    return completeAt(a, a.lines.offset(pos));
  } catch {
    // A completion request must never fail the editor; an unforeseen shape of broken text just offers nothing.
    return [];
  }
}

export function completeAt(a: Analysis, offset: number): CompletionEntry[] {
  const flavor: SchemaFlavor = a.kind === 'template' ? 'template' : 'model';
  if (flavor === 'template') {
    const placeholder = placeholderEntries(a, offset);
    if (placeholder) return placeholder;
  }
  const ctx = cursorContext(a.text, a.lines, offset);
  if (!ctx) return [];
  let out: CompletionEntry[];
  if (ctx.where === 'value') out = valueEntries({ a, ctx, flavor, path: ctx.path, offset });
  else if (ctx.where === 'item') out = itemEntries(a, ctx, flavor, offset);
  else out = keyEntries(a, ctx, flavor, ctx.path);
  if (ctx.needsSpace) for (const e of out) e.insertText = ` ${e.insertText ?? e.label}`;
  return out;
}

/** `${na‸` anywhere in a template: the parameter names. */
function placeholderEntries(a: Analysis, offset: number): CompletionEntry[] | undefined {
  const lineStart = a.lines.lineStart(a.lines.position(offset).line);
  const before = a.text.slice(lineStart, offset);
  const m = /\$\{([A-Za-z0-9_]*)$/.exec(before);
  if (!m) return undefined;
  let end = offset;
  while (end < a.text.length && /[A-Za-z0-9_]/.test(a.text[end])) end++;
  const closed = a.text[end] === '}';
  const range = a.lines.range(offset - m[1].length, end);
  return parameterEntries(a, range, closed ? 'name' : 'name-and-brace');
}

/** A `- ` line: a new mapping item (keys, or whole skeletons) or a scalar item (a value). */
function itemEntries(a: Analysis, ctx: CursorContext, flavor: SchemaFlavor, offset: number): CompletionEntry[] {
  const item = schemaAt(flavor, ctx.path);
  const shape = valueShape(flavor, item);
  const isNode = ctx.path.length === 2 && ctx.path[0] === 'nodes';
  if (isNode || shape === 'object') {
    const out = keyEntries(a, ctx, flavor, ctx.path);
    if (ctx.newItem) out.unshift(...skeletonEntries(a, ctx, flavor, ctx.path, ctx.column, ''));
    if (isNode && ctx.newItem) return out.filter((e) => e.kind === 'snippet' || e.label === 'id' || e.label === 'kind');
    return out;
  }
  return valueEntries({ a, ctx, flavor, path: ctx.path, offset });
}

/** Keys allowed in the mapping at `path` and not written yet, required first. */
function keyEntries(a: Analysis, ctx: CursorContext, flavor: SchemaFlavor, path: string[]): CompletionEntry[] {
  const isNode = path.length === 2 && path[0] === 'nodes' && path[1] === '#';
  const s = schemaAt(flavor, path);
  // A key typed at the column of a list's `- ` markers starts a new item of that list.
  if (!isNode && s && valueShape(flavor, s) === 'array-of-objects' && !ctx.inFlow) {
    return skeletonEntries(a, ctx, flavor, [...path, '#'], ctx.column + 2, '- ');
  }
  const nodeKind = isNode ? ctx.siblings.get('kind') : undefined;
  const keys = keysAt(flavor, path, nodeKind || undefined).filter((k) => !ctx.siblings.has(k.name));
  const range = a.lines.range(ctx.replaceStart, ctx.replaceEnd);
  const ordered = [...keys.filter((k) => k.required), ...keys.filter((k) => !k.required)];
  return ordered.map((k, i) => keyEntry(a, flavor, path, k, ctx, range, i));
}

function keyEntry(a: Analysis, flavor: SchemaFlavor, path: string[], k: KeyInfo, ctx: CursorContext, range: CompletionEntry['range'], i: number): CompletionEntry {
  const detail = [describeType(flavor, k.schema), k.required ? 'required' : '', k.kinds ? `(${k.kinds.join(', ')})` : '']
    .filter(Boolean)
    .join(' · ');
  const entry: CompletionEntry = {
    label: k.name,
    kind: 'property',
    ...(detail ? { detail } : {}),
    ...(k.schema.description ? { documentation: k.schema.description } : {}),
    ...(range ? { range } : {}),
    sortText: `${k.required ? '0' : '1'}${String(i).padStart(3, '0')}`,
  };
  if (ctx.hasColon) return entry;
  if (ctx.inFlow) {
    entry.insertText = `${k.name}: `;
    return entry;
  }
  const ins = keyInsert(flavor, path, k.name, k.schema, ctx.column, hasValueHelp(a, [...path, k.name], k.schema));
  entry.insertText = ins.text;
  if (ins.snippet) entry.isSnippet = true;
  if (ins.multiline) entry.insertTextMode = 'asIs';
  if (ins.retrigger) entry.retrigger = true;
  return entry;
}

/** Whether completing the value of this key offers something (so the list should reopen after `key: `). */
function hasValueHelp(a: Analysis, path: string[], s: KeyInfo['schema']): boolean {
  if (enumValues(s).length > 0) return true;
  const key = path[path.length - 1];
  if (['expr', 'series', 'queue', 'target', 'inflow', 'outflow', 'loss', 'capacitySeries', 'nodeId', 'wipLimitSeries', 'from', 'to'].includes(key)) return true;
  if (key === 'classId' || key === 'classes') return declared(a, 'class').length > 0;
  if (key === 'constraints') return declared(a, 'constraint').length > 0;
  if (path[path.length - 2] === 'semantics') return true;
  if (key === 'kind' || key === 'binUnit' || (key === 'name' && path[path.length - 2] === 'profile')) return true;
  return false;
}

/**
 * Whole items for a list: node skeletons per kind for `nodes`, otherwise one item with the item's required keys.
 * `lead` is `- ` when the cursor is at the list's dash column rather than after a dash.
 */
function skeletonEntries(a: Analysis, ctx: CursorContext, flavor: SchemaFlavor, itemPath: string[], column: number, lead: string): CompletionEntry[] {
  const range = a.lines.range(ctx.replaceStart, ctx.replaceEnd);
  if (itemPath.length === 2 && itemPath[0] === 'nodes') {
    const bins = gridBins(a);
    const taken = new Set(declared(a, 'node').map((d) => d.name.toLowerCase()));
    return (['const', 'expr', 'pmf', 'serviceWithBuffer', 'router'] as const).map((kind, i) => ({
      label: `${kind} node`,
      kind: 'snippet' as const,
      detail: kind === 'const' && bins ? `id, kind, values (${bins} bins)` : `new ${kind} node`,
      documentation: SKELETON_DOCS[kind],
      insertText: lead + nodeSkeleton(kind, freshId(taken, DEFAULT_IDS[kind]), column, bins),
      isSnippet: true,
      insertTextMode: 'asIs' as const,
      filterText: lead ? `- ${kind}` : kind,
      range,
      sortText: `!${i}`,
    }));
  }
  const s = schemaAt(flavor, itemPath);
  if (!s || valueShape(flavor, s) !== 'object') return [];
  const required = keysAt(flavor, itemPath).filter((k) => k.required);
  if (!lead && required.length < 2) return [];
  const lines = itemLines(flavor, itemPath, ' '.repeat(column - 2), new TabStops());
  const text = lines.map((l, i) => (i === 0 ? l.slice(column - 2 + (lead ? 0 : 2)) : l)).join('\n');
  const title = s.title ?? itemPath[itemPath.length - 2];
  return [
    {
      label: lead ? `- ${title}` : `new ${title}`,
      kind: 'snippet',
      detail: required.map((k) => k.name).join(', '),
      ...(s.description ? { documentation: s.description } : {}),
      insertText: `${text}$0`,
      isSnippet: true,
      insertTextMode: 'asIs',
      range,
      sortText: '!0',
    },
  ];
}

const DEFAULT_IDS: Record<string, string> = {
  const: 'demand',
  expr: 'served',
  pmf: 'arrivals',
  serviceWithBuffer: 'queue',
  router: 'router',
};

const SKELETON_DOCS: Record<string, string> = {
  const: 'A const node with one value per grid bin.',
  expr: 'An expr node computed from other nodes.',
  pmf: 'A pmf node: values and probabilities summing to 1.',
  serviceWithBuffer: 'A serviceWithBuffer queue fed by inflow and drained by outflow.',
  router: 'A router splitting a queue across targets.',
};

/** `base`, or `base2`, `base3`… when taken (node ids collide case-insensitively in the engine). */
function freshId(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
}
