// Turns expression issues (offsets in the expr string) into document diagnostics with quick-fix edits.
import type { Diagnostic, FixData } from '../diagnostics';
import { diag } from '../codes/make';
import { exprCodes } from '../codes/expr';
import { allCodes } from '../codes/index';
import type { SourceDocument } from '../yaml/document';
import type { Expr, ExprIssue, ReferenceUse } from './ast';
import { checkExpression, collectReferences } from './check';
import type { ExprContext } from './check';
import { parseExpression } from './parse';

export function exprIssuesToDiagnostics(doc: SourceDocument, pointer: string, issues: ExprIssue[]): Diagnostic[] {
  return issues.map((issue) => {
    // Any registered code works (other validators position their own findings inside expressions too); an
    // unregistered one falls back to expr.syntax rather than being dropped.
    const info = allCodes.get(issue.code) ?? exprCodes['expr.syntax'];
    const range = doc.locateInString(pointer, issue.start, issue.end);
    const fixes: FixData[] = [];
    if (issue.fix) {
      const edit = { range: doc.locateInString(pointer, issue.start, issue.end), newText: issue.fix.newText };
      fixes.push({ title: issue.fix.title, edits: [edit] });
    }
    return diag(info, issue.message, range, { fixes });
  });
}

export interface ExpressionValidation {
  /** Present when the expression parsed (possibly with Rust-only syntax reported as issues). */
  expr?: Expr;
  /** Empty when parsing failed. */
  refs: ReferenceUse[];
  diagnostics: Diagnostic[];
}

/**
 * Parses, checks and maps the expression held at `pointer` (normally `/nodes/i/expr`). A value that is not a string
 * is left to the schema checks, except a plain number (`expr: 5`), which is read from its source text.
 */
export function validateExpressionAt(doc: SourceDocument, pointer: string, ctx: ExprContext): ExpressionValidation {
  const src = expressionText(doc, pointer);
  if (src === undefined) return { refs: [], diagnostics: [] };
  const parsed = parseExpression(src);
  if (!parsed.expr) return { refs: [], diagnostics: exprIssuesToDiagnostics(doc, pointer, parsed.issues) };
  const issues = parsed.issues.concat(checkExpression(parsed.expr, ctx));
  issues.sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    expr: parsed.expr,
    refs: collectReferences(parsed.expr),
    diagnostics: exprIssuesToDiagnostics(doc, pointer, issues),
  };
}

function expressionText(doc: SourceDocument, pointer: string): string | undefined {
  const value = valueAt(doc.value, pointer);
  if (typeof value === 'string') return value;
  if (typeof value !== 'number') return undefined;
  const node = doc.node(pointer);
  return node && node.type === 'scalar' ? node.text : String(value);
}

function isIndexToken(token: string): boolean {
  if (token.length === 0 || (token.length > 1 && token.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let cur: unknown = root;
  // Runs once per expression node on every validation: no regexes unless a token is escaped.
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.indexOf('~') < 0 ? raw : raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      if (!isIndexToken(token)) return undefined;
      cur = cur[Number(token)];
    } else if (cur !== null && typeof cur === 'object') {
      if (!Object.hasOwn(cur, token)) return undefined;
      cur = (cur as Record<string, unknown>)[token];
    } else {
      return undefined;
    }
  }
  return cur;
}
