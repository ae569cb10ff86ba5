// Registers the editing features: each handler converts the core language service's answer to LSP, nothing more.
import { CodeActionKind, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { CodeAction, Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../../core/src/diagnostics';
import type { Analysis } from '../../core/src/language/analysis';
import { codeActions } from '../../core/src/language/code-actions';
import { complete } from '../../core/src/language/completion';
import { hover } from '../../core/src/language/hover';
import { inlayHints } from '../../core/src/language/inlay-hints';
import { definition, documentSymbols, prepareRename, references, rename } from '../../core/src/language/navigation';
import { semanticTokens } from '../../core/src/language/semantic-tokens';
import { signatureHelp } from '../../core/src/language/signature-help';
import { DIAGNOSTIC_SOURCE } from '../../core/src/language/protocol';
import { shapeCompletion } from './completion-list';
import { withAnalysis } from './context';
import type { ServerContext } from './context';
import { encodeSemanticTokens } from './semantic-tokens';
import {
  fromLspDiagnostic,
  sameRange,
  toCodeAction,
  toCompletionItem,
  toDocumentSymbol,
  toHover,
  toInlayHint,
  toLocations,
  toSignatureHelp,
  toWorkspaceEdit,
} from './to-lsp';

export function registerFeatures(ctx: ServerContext): void {
  const { connection } = ctx;

  connection.onCompletion((p) =>
    withAnalysis(ctx, p.textDocument.uri, 'completion', null, (a) => {
      const shaped = shapeCompletion(complete(a, p.position), a.text, a.lines, p.position);
      return { isIncomplete: shaped.isIncomplete, items: shaped.entries.map((e) => toCompletionItem(e, ctx.client.snippets)) };
    }),
  );

  connection.onHover((p) =>
    withAnalysis(ctx, p.textDocument.uri, 'hover', null, (a) => {
      const h = hover(a, p.position);
      return h ? toHover(h) : null;
    }),
  );

  connection.onSignatureHelp((p) =>
    withAnalysis(ctx, p.textDocument.uri, 'signature help', null, (a) => {
      const s = signatureHelp(a, p.position);
      return s ? toSignatureHelp(s) : null;
    }),
  );

  connection.onDefinition((p) =>
    withAnalysis(ctx, p.textDocument.uri, 'definition', null, (a) => toLocations(p.textDocument.uri, definition(a, p.position))),
  );

  connection.onReferences((p) =>
    withAnalysis(ctx, p.textDocument.uri, 'references', null, (a) =>
      toLocations(p.textDocument.uri, references(a, p.position, p.context.includeDeclaration)),
    ),
  );

  connection.onPrepareRename((p) => {
    const r = withAnalysis(ctx, p.textDocument.uri, 'prepare rename', undefined, (a) => prepareRename(a, p.position));
    if (r === undefined) return null;
    // An explanation ("cannot rename a function") is shown to the user instead of a silent no-op.
    if ('error' in r) throw new ResponseError(LSPErrorCodes.RequestFailed, r.error);
    return { range: r.range, placeholder: r.placeholder };
  });

  connection.onRenameRequest((p) => {
    const r = withAnalysis(ctx, p.textDocument.uri, 'rename', undefined, (a) => rename(a, p.position, p.newName));
    if (r === undefined) return null;
    if ('error' in r) throw new ResponseError(LSPErrorCodes.RequestFailed, r.error);
    return toWorkspaceEdit(p.textDocument.uri, r.edits);
  });

  connection.onDocumentSymbol((p) =>
    withAnalysis(ctx, p.textDocument.uri, 'document symbols', [], (a) => documentSymbols(a).map(toDocumentSymbol)),
  );

  connection.onCodeAction((p) =>
    withAnalysis(ctx, p.textDocument.uri, 'code actions', [] as CodeAction[], (a) => {
      const given = p.context.diagnostics.filter((d) => d.source === undefined || d.source === DIAGNOSTIC_SOURCE);
      const actions = codeActions(a, p.range, given.map((d) => coreDiagnostic(a, d))).map((e) => toCodeAction(e, p.textDocument.uri, given));
      const only = p.context.only;
      if (!only || only.length === 0) return actions;
      return actions.filter((x) => only.some((kind) => x.kind === kind || (x.kind ?? '').startsWith(`${kind}.`) || kind === CodeActionKind.Empty));
    }),
  );

  connection.languages.semanticTokens.on((p) =>
    withAnalysis(ctx, p.textDocument.uri, 'semantic tokens', { data: [] }, (a) => encodeSemanticTokens(semanticTokens(a))),
  );

  connection.languages.inlayHint.on((p) =>
    withAnalysis(ctx, p.textDocument.uri, 'inlay hints', [], (a) => inlayHints(a, p.range).map(toInlayHint)),
  );
}

/**
 * The server's own diagnostic behind the client's copy (same code, range and message), so its fixes are available even
 * when a client drops `data`; a diagnostic the server does not know (another version) falls back to the client's copy.
 */
function coreDiagnostic(a: Analysis, d: LspDiagnostic): Diagnostic {
  const code = d.code === undefined ? '' : String(d.code);
  const own = a.diagnostics().find((x) => x.code === code && x.message === d.message && sameRange(x.range, d.range));
  return own ?? fromLspDiagnostic(d);
}
