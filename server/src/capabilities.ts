// What the server offers in its initialize result, adjusted to what the client says it supports.
import { CodeActionKind, TextDocumentSyncKind } from 'vscode-languageserver';
import type { ClientCapabilities, ServerCapabilities } from 'vscode-languageserver';
import { SEMANTIC_TOKENS_LEGEND } from './semantic-tokens';

/** Typing any of these can open a new completion context (a value, an id in an expression, a `${param}`). */
export const COMPLETION_TRIGGERS = [' ', ':', '(', ',', '{', '$', '"', '-'];

export function serverCapabilities(client: ClientCapabilities): ServerCapabilities {
  const prepareRename = client.textDocument?.rename?.prepareSupport === true;
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
    hoverProvider: true,
    signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [')'] },
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: prepareRename ? { prepareProvider: true } : true,
    documentSymbolProvider: { label: 'FlowTime' },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.Source] },
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: false },
    inlayHintProvider: true,
  };
}
