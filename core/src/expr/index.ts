// Public API of the FlowTime expression language module.
export type {
  ArrayLiteral,
  Binary,
  Call,
  Expr,
  ExprFix,
  ExprIssue,
  Group,
  Negate,
  NumberLiteral,
  Reference,
  ReferenceUse,
  Span,
} from './ast';
export { parseExpression } from './parse';
export type { ParseOutcome } from './parse';
export { FUNCTIONS, UNIMPLEMENTED_FUNCTIONS, lookupFunction } from './functions';
export type { FunctionArg, FunctionInfo, LiteralRule } from './functions';
export { checkExpression, collectReferences, findSelfShift } from './check';
export type { ExprContext } from './check';
export { literalValue, unwrapGroups } from './references';
export { exprIssuesToDiagnostics, validateExpressionAt } from './diagnostics';
export type { ExpressionValidation } from './diagnostics';
