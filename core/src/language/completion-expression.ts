// Completion inside an `expr` string: node ids, the 11 functions as call snippets, and `${param}`s in templates.
import { FUNCTIONS, lookupFunction } from '../expr/functions';
import type { FunctionInfo } from '../expr/functions';
import type { Analysis } from './analysis';
import { exprCursor } from './completion-expr';
import type { ExprCursor } from './completion-expr';
import type { CursorContext } from './completion-context';
import { nodeEntries, parameterEntries } from './completion-symbols';
import type { CompletionEntry } from './types';

export interface ExpressionRequest {
  a: Analysis;
  ctx: CursorContext;
  offset: number;
}

/** The expression string of the scalar holding the cursor and the cursor's index in it. */
export function expressionAt(a: Analysis, ctx: CursorContext, offset: number): { src: string; start: number; cursor: number } | undefined {
  const s = ctx.scalar;
  if (!s) return undefined;
  const end = Math.max(s.end, offset);
  return { src: a.text.slice(s.start, end), start: s.start, cursor: offset - s.start };
}

export function expressionEntries(req: ExpressionRequest): CompletionEntry[] {
  const { a, ctx, offset } = req;
  const at = expressionAt(a, ctx, offset);
  if (!at) return [];
  const ec = exprCursor(at.src, at.cursor);
  const range = a.lines.range(at.start + ec.wordStart, at.start + ec.wordEnd);
  const template = a.kind === 'template';

  if (ec.placeholderStart !== undefined) {
    if (!template) return [];
    const closed = at.src[ec.wordEnd] === '}';
    return parameterEntries(a, range, closed ? 'name' : 'name-and-brace');
  }
  if (!ec.operand || ec.number || ec.inArray) return [];
  const params = template ? parameterEntries(a, range, 'placeholder', (p) => p.type !== 'array' && p.type !== 'boolean') : [];
  // Literal-only arguments (SHIFT lag, PULSE period/phase, CONV kernel) take no node and no call.
  const arg = ec.call ? lookupFunction(ec.call.name)?.args[ec.call.argIndex] : undefined;
  if (arg?.literal) return params;

  const own = ctx.siblings.get('id');
  // A node may read itself only through SHIFT(self, lag ≥ 1); anywhere else it is a same-bin cycle.
  const selfAllowed = ec.call !== undefined && ec.call.name.toUpperCase() === 'SHIFT' && ec.call.argIndex === 0;
  const nodes = nodeEntries(a, range, { quoted: true, exclude: selfAllowed ? undefined : own });
  return [...nodes, ...functionEntries(ec, range), ...params];
}

function functionEntries(ec: ExprCursor, range: CompletionEntry['range']): CompletionEntry[] {
  return FUNCTIONS.map((f) => ({
    label: f.name,
    kind: 'function' as const,
    detail: f.signature,
    documentation: f.description,
    insertText: ec.followedByParen ? f.name : callSnippet(f),
    isSnippet: !ec.followedByParen,
    ...(range ? { range } : {}),
    // Typed in lower case (`min`) still matches: names are case-insensitive in both engines.
    filterText: ec.prefix && ec.prefix === ec.prefix.toLowerCase() ? f.name.toLowerCase() : f.name,
    sortText: `~${f.name}`,
  }));
}

/** `MIN(${1:a}, ${2:b})`: the required arguments as tab stops (PULSE's optional ones are left to signature help). */
export function callSnippet(f: FunctionInfo): string {
  const args = f.args.filter((a) => !a.optional).map((a, i) => `\${${i + 1}:${a.name}}`);
  return `${f.name}(${args.join(', ')})$0`;
}
