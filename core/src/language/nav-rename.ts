// Rename: checks the new name (pattern, not taken), edits only the name characters, and proves the YAML still reads the same.
import type { Diagnostic, Position, TextEdit } from '../diagnostics';
import { lookupFunction } from '../expr/functions';
import type { YNode } from '../yaml/document';
import { isAmbiguousString } from '../yaml/scalar-typing';
import { parseYaml } from '../yaml/parse';
import type { Analysis } from './analysis';
import { nameSpan, targetAt } from './nav-target';
import type { NavTarget } from './nav-target';
import { symbolKey } from './symbols';
import type { SymbolCategory } from './symbols';
import type { PrepareRenameResult, RenameResult } from './types';

const NODE_ID = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const CLASS_ID = /^[A-Za-z0-9_-]+$/;
const PARAMETER_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

const WHAT: Record<SymbolCategory, string> = {
  node: 'node',
  topology: 'topology node',
  class: 'class',
  parameter: 'parameter',
  constraint: 'constraint',
};

interface Span {
  start: number;
  end: number;
}

export function prepareRename(a: Analysis, pos: Position): PrepareRenameResult | undefined {
  const t = targetAt(a, pos);
  if (!t) return notASymbol(a, pos);
  const problem = renameProblem(a, t);
  if (problem) return { error: problem };
  const [start, end] = nameSpan(a, t.hit);
  return { range: a.lines.range(start, end), placeholder: a.text.slice(start, end) };
}

export function rename(a: Analysis, pos: Position, newName: string): RenameResult {
  const t = targetAt(a, pos);
  if (!t) return { error: notASymbol(a, pos)?.error ?? 'There is no node, topology node, class, constraint or parameter name here to rename.' };
  const problem = renameProblem(a, t) ?? invalidName(t.category, newName) ?? takenName(a, t, newName);
  if (problem) return { error: problem };
  const spans: Span[] = [];
  const seen = new Set<number>();
  for (const s of [...t.defs, ...t.refs]) {
    const [start, end] = nameSpan(a, s);
    if (seen.has(start)) continue;
    seen.add(start);
    spans.push({ start, end });
  }
  spans.sort((x, y) => x.start - y.start);
  if (spans.every((s) => a.text.slice(s.start, s.end) === newName)) return { edits: [] };
  const broken = breaksYaml(a, spans, newName);
  if (broken) return { error: broken };
  const edits: TextEdit[] = spans.map((s) => ({ range: a.lines.range(s.start, s.end), newText: newName }));
  return { edits };
}

/** Why the symbol under the cursor cannot be renamed at all, if it cannot. */
function renameProblem(a: Analysis, t: NavTarget): string | undefined {
  const what = WHAT[t.category];
  if (t.defs.length === 0) {
    return `${capital(what)} \`${t.name}\` is not declared in this document, so there is no definition to rename; declare it or fix the name.`;
  }
  for (const s of [...t.defs, ...t.refs]) {
    const [start, end] = nameSpan(a, s);
    const written = a.text.slice(start, end);
    // A name decoded from escapes or folded lines is not the characters an edit would replace.
    if (written !== s.name) {
      const at = a.lines.position(start);
      return `${capital(what)} \`${t.name}\` is written with escapes or line folding at line ${at.line + 1}; rewrite it plainly before renaming.`;
    }
  }
  return undefined;
}

function invalidName(category: SymbolCategory, name: string): string | undefined {
  switch (category) {
    case 'node':
      return NODE_ID.test(name)
        ? undefined
        : `\`${name}\` is not a valid node id: it must start with a letter or \`_\` and contain only letters, digits and \`_\`.`;
    case 'parameter':
      return PARAMETER_NAME.test(name)
        ? undefined
        : `\`${name}\` is not a valid parameter name: it must start with a letter or \`_\` and contain only letters, digits and \`_\`.`;
    case 'class':
      return CLASS_ID.test(name) ? undefined : `\`${name}\` is not a valid class id: use only letters, digits, \`_\` and \`-\`.`;
    case 'topology':
    case 'constraint': {
      const what = WHAT[category];
      if (name.trim() === '') return `A ${what} id cannot be empty.`;
      if (name !== name.trim()) return `A ${what} id cannot start or end with whitespace.`;
      if (/[\r\n]/.test(name)) return `A ${what} id cannot contain a line break.`;
      if (category === 'topology' && name.includes(':')) return `\`${name}\` cannot be a topology node id: edges read \`Node:port\`, so a \`:\` would cut the id short.`;
      return undefined;
    }
  }
}

/** Node, topology and constraint ids clash case-insensitively (the engines fold case); classes and parameters exactly. */
function takenName(a: Analysis, t: NavTarget, newName: string): string | undefined {
  const own = symbolKey(t.category, t.name);
  const folds = t.category === 'node' || t.category === 'topology' || t.category === 'constraint';
  const wanted = folds ? newName.toLowerCase() : newName;
  for (const d of a.symbols.defs) {
    if (d.category !== t.category) continue;
    if (symbolKey(d.category, d.name) === own) continue;
    const name = folds ? d.name.toLowerCase() : d.name;
    if (name !== wanted) continue;
    const line = d.range.start.line + 1;
    const caseOnly = d.name !== newName;
    return caseOnly
      ? `${capital(WHAT[t.category])} \`${d.name}\` (line ${line}) differs from \`${newName}\` only in case; ids that differ only in case break the engine.`
      : `\`${newName}\` is already the id of a ${WHAT[t.category]} (line ${line}).`;
  }
  return undefined;
}

/**
 * Applies the edits and re-reads the YAML: every edited scalar must keep its style and its type (a plain `true` or
 * `123` would stop being a string) and grow by exactly the renamed characters, and no syntax error may appear.
 */
function breaksYaml(a: Analysis, spans: readonly Span[], newName: string): string | undefined {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += a.text.slice(at, s.start) + newName;
    at = s.end;
  }
  out += a.text.slice(at);
  const after = parseYaml(out);
  if (errorCount(after.diagnostics) > errorCount(a.parsed.diagnostics)) return quoting(newName);

  const before = a.parsed.doc;
  // Scalars holding the name, with how many characters the renames add to each.
  const growth = new Map<YNode, number>();
  for (const s of spans) {
    const node = scalarAt(before.root, s.start);
    if (node) growth.set(node, (growth.get(node) ?? 0) + newName.length - (s.end - s.start));
  }
  for (const [node, delta] of growth) {
    // A key's pointer is its own text, which the rename changes; the syntax check above covers keys.
    if (node.type !== 'scalar' || before.keyNode(node.pointer) === node) continue;
    const renamed = after.doc.node(node.pointer);
    if (!renamed || renamed.type !== 'scalar' || renamed.style !== node.style) return quoting(newName);
    if (typeof renamed.value !== typeof node.value) return quoting(newName);
    if (node.style === 'plain' && isAmbiguousString(renamed.text) && !isAmbiguousString(node.text)) return quoting(newName);
    if (renamed.text.length !== node.text.length + delta) return quoting(newName);
  }
  return undefined;
}

function errorCount(list: readonly Diagnostic[]): number {
  return list.filter((d) => d.severity === 'error').length;
}

function quoting(newName: string): string {
  return `\`${newName}\` would need quoting (or change how the YAML reads) where the name is written; choose a plain name.`;
}

/** The innermost scalar (value or key) whose source span holds `offset`. */
function scalarAt(node: YNode | undefined, offset: number): YNode | undefined {
  let n = node;
  while (n) {
    if (offset < n.start || offset > n.end) return undefined;
    if (n.type === 'scalar') return n;
    let next: YNode | undefined;
    if (n.type === 'seq') next = n.items.find((i) => offset >= i.start && offset <= i.end);
    else {
      for (const e of n.entries) {
        if (offset >= e.keyNode.start && offset < e.keyNode.end) return e.keyNode;
        if (offset >= e.value.start && offset <= e.value.end) {
          next = e.value;
          break;
        }
      }
    }
    n = next;
  }
  return undefined;
}

/** Explains the positions a user might expect to rename but cannot (a function name); undefined elsewhere. */
function notASymbol(a: Analysis, pos: Position): { error: string } | undefined {
  const offset = a.lines.offset(pos);
  for (const site of a.expressions) {
    if (offset < site.node.start || offset > site.node.end) continue;
    const expr = site.outcome.expr;
    if (!expr) return undefined;
    const stack = [expr];
    while (stack.length > 0) {
      const e = stack.pop()!;
      if (e.type === 'call') {
        const s = site.offset(e.nameSpan.start);
        const end = site.offset(e.nameSpan.end);
        if (offset >= s && offset <= end) {
          const fn = lookupFunction(e.name);
          return { error: fn ? `${fn.name} is a built-in function and cannot be renamed.` : `\`${e.name}\` is a function name, not a node id.` };
        }
        stack.push(...e.args);
      } else if (e.type === 'binary') stack.push(e.left, e.right);
      else if (e.type === 'group') stack.push(e.inner);
      else if (e.type === 'negate') stack.push(e.operand);
    }
    return undefined;
  }
  return undefined;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
