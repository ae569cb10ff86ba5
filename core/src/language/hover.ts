// Hover for FlowTime documents: key docs from the schemas, functions, and what a node, topology id, class or ${param} is.
import type { Position } from '../diagnostics';
import { lookupFunction, UNIMPLEMENTED_FUNCTIONS } from '../expr/functions';
import type { FunctionInfo } from '../expr/functions';
import { findPlaceholders } from '../template/subst-scan';
import type { Analysis } from './analysis';
import { cursorContext } from './completion-context';
import type { CursorContext } from './completion-context';
import { identifierAt, isCallName } from './completion-expr';
import { expressionAt } from './completion-expression';
import { describeType, enumValues, keysAt, schemaAt } from './completion-schema';
import type { JsonSchema, SchemaFlavor } from './completion-schema';
import { entryPointer } from './completion-symbols';
import { pathIs } from './completion-values';
import { symbolHover } from './hover-symbols';
import type { HoverResult } from './types';

export function hover(a: Analysis, pos: Position): HoverResult | undefined {
  try {
    return hoverAt(a, a.lines.offset(pos));
  } catch {
    return undefined;
  }
}

export function hoverAt(a: Analysis, offset: number): HoverResult | undefined {
  const flavor: SchemaFlavor = a.kind === 'template' ? 'template' : 'model';
  if (a.kind === 'template') {
    const ph = placeholderAt(a, offset);
    if (ph) return { contents: symbolHover(a, 'parameter', ph.name, true), range: a.lines.range(ph.start, ph.end) };
  }
  const ctx = cursorContext(a.text, a.lines, offset);
  if (ctx?.where === 'key') return keyHover(a, flavor, ctx);
  if (ctx?.where === 'value' && (pathIs(ctx.path, 'nodes/#/expr') || pathIs(ctx.path, 'nodes/#/expression'))) {
    const h = expressionHover(a, ctx, offset);
    if (h) return h;
  }
  if (ctx?.where === 'value' && (pathIs(ctx.path, 'topology/edges/#/from') || pathIs(ctx.path, 'topology/edges/#/to'))) {
    const h = portHover(a, ctx, offset);
    if (h) return h;
  }
  const hit = a.symbols.at(offset);
  if (hit?.def) return { contents: symbolHover(a, hit.def.category, hit.def.name, false), range: hit.def.range };
  if (hit?.ref) return { contents: symbolHover(a, hit.ref.category, hit.ref.name, true), range: hit.ref.range };
  // Any other value: the docs of the key it belongs to.
  if (ctx && ctx.path.length && ctx.replaceEnd > ctx.replaceStart) {
    const key = ctx.path[ctx.path.length - 1] === '#' ? ctx.path[ctx.path.length - 2] : ctx.path[ctx.path.length - 1];
    const s = schemaAt(flavor, ctx.path);
    if (s && key) return { contents: keyDoc(flavor, key, s, false, ctx.path), range: a.lines.range(ctx.replaceStart, ctx.replaceEnd) };
  }
  return undefined;
}

function placeholderAt(a: Analysis, offset: number): { name: string; start: number; end: number } | undefined {
  const line = a.lines.position(offset).line;
  const start = a.lines.lineStart(line);
  const end = line + 1 < a.lines.lineCount ? a.lines.lineStart(line + 1) : a.text.length;
  for (const p of findPlaceholders(a.text.slice(start, end))) {
    if (start + p.start <= offset && offset <= start + p.end) return { name: p.name, start: start + p.start, end: start + p.end };
  }
  return undefined;
}

function keyHover(a: Analysis, flavor: SchemaFlavor, ctx: CursorContext): HoverResult | undefined {
  const key = a.text.slice(ctx.replaceStart, ctx.replaceEnd);
  if (!key) return undefined;
  const isNode = pathIs(ctx.path, 'nodes/#');
  const info = keysAt(flavor, ctx.path, isNode ? ctx.siblings.get('kind') : undefined).find((k) => k.name === key);
  const s = info?.schema ?? schemaAt(flavor, [...ctx.path, key]);
  const range = a.lines.range(ctx.replaceStart, ctx.replaceEnd);
  if (!s) {
    if (!schemaAt(flavor, ctx.path)) return undefined;
    return { contents: `**${key}**: not a key FlowTime knows here.`, range };
  }
  return { contents: keyDoc(flavor, key, s, info?.required ?? false, [...ctx.path, key]), range };
}

/** `**key**` · type · required, the description, allowed values and default. */
function keyDoc(flavor: SchemaFlavor, key: string, s: JsonSchema, required: boolean, path: string[]): string {
  const type = describeType(flavor, s);
  const head = [`**${key}**`, type, required ? 'required' : ''].filter(Boolean).join(' · ');
  const parts = [head];
  if (s.description) parts.push(s.description);
  const values = enumValues(s);
  if (values.length > 1 && !type.startsWith('one of')) parts.push(`Allowed: ${values.map((v) => `\`${v}\``).join(', ')}`);
  if (s.default !== undefined) parts.push(`Default: \`${JSON.stringify(s.default)}\``);
  const where = path.filter((p) => p !== '#').join('.');
  if (where && where !== key) parts.push(`\`${where}\``);
  return parts.join('\n\n');
}

function expressionHover(a: Analysis, ctx: CursorContext, offset: number): HoverResult | undefined {
  const at = expressionAt(a, ctx, offset);
  if (!at) return undefined;
  const id = identifierAt(at.src, at.cursor);
  if (!id) return undefined;
  const [s, e] = id;
  const name = at.src.slice(s, e);
  const range = a.lines.range(at.start + s, at.start + e);
  if (isCallName(at.src, e)) {
    const f = lookupFunction(name);
    if (f) return { contents: functionDoc(f), range };
    const hint = UNIMPLEMENTED_FUNCTIONS[name.toUpperCase()];
    return { contents: `**${name}**: not a FlowTime function${hint ? `; ${hint}` : ''}. The 11 functions are SHIFT, CONV, MIN, MAX, CLAMP, MOD, FLOOR, CEIL, ROUND, STEP and PULSE.`, range };
  }
  return { contents: symbolHover(a, 'node', name, true), range };
}

/** The `port` of `Node:port` in an edge end: which series of that node it names. */
function portHover(a: Analysis, ctx: CursorContext, offset: number): HoverResult | undefined {
  const word = a.text.slice(ctx.replaceStart, ctx.replaceEnd);
  const colon = word.indexOf(':');
  if (colon < 0 || offset <= ctx.replaceStart + colon) return undefined;
  const node = word.slice(0, colon);
  const port = word.slice(colon + 1);
  const def = a.symbols.definitions('topology', node)[0];
  const series = def ? a.parsed.doc.node(`${entryPointer(def)}/semantics/${port}`) : undefined;
  const mapped = series?.type === 'scalar' ? `: ${node}'s \`${port}\` series is \`${series.text}\`` : '';
  const contents = `**${port}**: port of \`${node}\`${mapped}. Ports document which metric an edge carries; the engines match edges by node id only.`;
  return { contents, range: a.lines.range(ctx.replaceStart + colon + 1, ctx.replaceEnd) };
}

export function functionDoc(f: FunctionInfo): string {
  const args = f.args.map((x) => `- \`${x.name}\`${x.optional ? ' (optional)' : ''}: ${x.description}`).join('\n');
  return [`\`\`\`\n${f.signature}\n\`\`\``, f.description, args].join('\n\n');
}
