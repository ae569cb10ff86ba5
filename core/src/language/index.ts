// Public API of the core language service: analysis, navigation, completion, hover, actions, tokens, hints, protocol.
export type * from './types';
export { analyze } from './analysis';
export type { Analysis, AnalyzeOptions } from './analysis';
export type { DocumentKind } from '../detect-kind';
export type { IndexedSymbol, RefContext, SymbolCategory, SymbolDef, SymbolHit, SymbolIndex, SymbolRef } from './symbols';
export type { ExpressionSite } from './symbols-expr';
export { definition, references, prepareRename, rename, documentSymbols } from './navigation';
export { semanticTokens } from './semantic-tokens';
export { inlayHints } from './inlay-hints';
export { complete, completeAt } from './completion';
export { hover, hoverAt, functionDoc } from './hover';
export { signatureHelp, signatureOf } from './signature-help';
export { codeActions } from './code-actions';
export * from './protocol';
