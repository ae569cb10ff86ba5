// Semantic tokens: functions, node references, numbers and operators inside `expr` values, and `${param}` placeholders.
import type { Expr } from '../expr/ast';
import { lookupFunction } from '../expr/functions';
import { findPlaceholders } from '../template/subst-scan';
import type { Analysis } from './analysis';
import { PositionCursor } from './position-cursor';
import { touchesMask } from './symbols-expr';
import type { ExpressionSite } from './symbols-expr';
import type { SemanticTokenEntry, SemanticTokenType } from './types';

const BUILT_IN = ['defaultLibrary'];
const NODE_REF = ['readonly'];

export function semanticTokens(a: Analysis): SemanticTokenEntry[] {
  const c = new Collector(a);
  for (const site of a.expressions) c.expression(site);
  if (a.kind === 'template') {
    for (const p of findPlaceholders(a.text)) if (!p.inComment) c.push(p.start, p.end, 'parameter', undefined);
  }
  return c.sorted();
}

interface Pending {
  start: number;
  end: number;
  type: SemanticTokenType;
  modifiers: string[] | undefined;
}

class Collector {
  private readonly pending: Pending[] = [];
  private readonly siteTokens: Pending[] = [];

  constructor(private readonly a: Analysis) {}

  push(start: number, end: number, type: SemanticTokenType, modifiers: string[] | undefined): void {
    if (end > start) this.pending.push({ start, end, type, modifiers });
  }

  expression(site: ExpressionSite): void {
    const root = site.outcome.expr;
    if (!root) return;
    const list = this.siteTokens;
    list.length = 0;
    // An explicit stack: operator chains can be thousands of terms long.
    const stack: Expr[] = [root];
    while (stack.length > 0) {
      const e = stack.pop()!;
      switch (e.type) {
        case 'number':
          list.push({ start: e.start, end: e.end, type: 'number', modifiers: undefined });
          break;
        case 'array':
          for (const n of e.elements) list.push({ start: n.start, end: n.end, type: 'number', modifiers: undefined });
          break;
        case 'ref':
          list.push({ start: e.start, end: e.end, type: 'variable', modifiers: this.isNode(e.name) ? NODE_REF : undefined });
          break;
        case 'call':
          list.push({ start: e.nameSpan.start, end: e.nameSpan.end, type: 'function', modifiers: lookupFunction(e.name) ? BUILT_IN : undefined });
          for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i]);
          break;
        case 'binary': {
          const at = site.source.indexOf(e.op, e.left.end);
          if (at >= 0 && at < e.right.start) list.push({ start: at, end: at + 1, type: 'operator', modifiers: undefined });
          stack.push(e.right, e.left);
          break;
        }
        case 'negate':
          list.push({ start: e.start, end: e.start + 1, type: 'operator', modifiers: undefined });
          stack.push(e.operand);
          break;
        case 'group':
          stack.push(e.inner);
          break;
      }
    }
    list.sort((x, y) => x.start - y.start);
    const masked = site.masks.length > 0;
    for (const t of list) {
      if (masked && touchesMask(site, t.start, t.end)) continue;
      this.push(site.offset(t.start), site.offset(t.end), t.type, t.modifiers);
    }
  }

  /** Document order; LSP tokens sit on one line, and nothing tokenised here spans a line break. */
  sorted(): SemanticTokenEntry[] {
    const pending = this.pending;
    let ordered = true;
    for (let i = 1; i < pending.length && ordered; i++) ordered = pending[i - 1].start <= pending[i].start;
    if (!ordered) pending.sort((x, y) => x.start - y.start);
    const cursor = new PositionCursor(this.a.lines);
    const out: SemanticTokenEntry[] = [];
    for (const t of pending) {
      const s = cursor.position(t.start);
      const e = cursor.position(t.end);
      if (e.line !== s.line) continue;
      const token: SemanticTokenEntry = { line: s.line, character: s.character, length: e.character - s.character, type: t.type };
      if (t.modifiers) token.modifiers = t.modifiers;
      out.push(token);
    }
    return out;
  }

  private isNode(name: string): boolean {
    return this.a.symbols.definitions('node', name).length > 0;
  }
}
