// Signature help inside function calls of `expr` strings: the function's signature and the argument at the cursor.
import type { Position } from '../diagnostics';
import { lookupFunction } from '../expr/functions';
import type { FunctionInfo } from '../expr/functions';
import type { Analysis } from './analysis';
import { cursorContext } from './completion-context';
import { exprCursor } from './completion-expr';
import { expressionAt } from './completion-expression';
import { pathIs } from './completion-values';
import type { SignatureHelpResult, SignatureInfo } from './types';

export function signatureHelp(a: Analysis, pos: Position): SignatureHelpResult | undefined {
  try {
    return signatureHelpAt(a, a.lines.offset(pos));
  } catch {
    // Broken text must never fail the request.
    return undefined;
  }
}

export function signatureHelpAt(a: Analysis, offset: number): SignatureHelpResult | undefined {
  const ctx = cursorContext(a.text, a.lines, offset);
  if (!ctx || ctx.where !== 'value' || !(pathIs(ctx.path, 'nodes/#/expr') || pathIs(ctx.path, 'nodes/#/expression'))) return undefined;
  const at = expressionAt(a, ctx, offset);
  if (!at) return undefined;
  const call = exprCursor(at.src, at.cursor).call;
  const f = call ? lookupFunction(call.name) : undefined;
  if (!call || !f) return undefined;
  return { signatures: [signatureOf(f)], activeSignature: 0, activeParameter: call.argIndex };
}

export function signatureOf(f: FunctionInfo): SignatureInfo {
  return {
    label: f.signature,
    documentation: f.description,
    parameters: f.args.map((arg) => ({ label: arg.name, documentation: `${arg.optional ? '(optional) ' : ''}${arg.description}` })),
  };
}
