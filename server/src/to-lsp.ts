// Conversions from core language-service results (plain data) to LSP types: the only place that knows both.
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  SymbolKind,
} from 'vscode-languageserver';
import type {
  CodeAction,
  CompletionItem,
  Diagnostic as LspDiagnostic,
  DocumentSymbol,
  Hover,
  InlayHint,
  Location,
  SignatureHelp,
  TextEdit as LspTextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { Diagnostic, FixData, Range, Severity, TextEdit } from '../../core/src/diagnostics';
import type {
  CodeActionEntry,
  CompletionEntry,
  CompletionKind,
  DocumentSymbolEntry,
  HoverResult,
  InlayHintEntry,
  SignatureHelpResult,
  SymbolKind as CoreSymbolKind,
} from '../../core/src/language/types';
import { DIAGNOSTIC_SOURCE } from '../../core/src/language/protocol';

/** What a published diagnostic carries in `data`, so code actions can work from the client's copy alone. */
export interface DiagnosticData {
  fixes?: FixData[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspRange(range: Range): Range {
  return { start: { ...range.start }, end: { ...range.end } };
}

export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  const out: LspDiagnostic = {
    range: toLspRange(d.range),
    severity: SEVERITY[d.severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  // Legacy shapes still load but are the old way of writing it: clients strike them through.
  if (d.code.startsWith('legacy.')) out.tags = [DiagnosticTag.Deprecated];
  if (d.related && d.related.length > 0) {
    out.relatedInformation = d.related.map((r) => ({ location: { uri, range: toLspRange(r.range) }, message: r.message }));
  }
  if (d.fixes && d.fixes.length > 0) out.data = { fixes: d.fixes } satisfies DiagnosticData;
  return out;
}

/** The core view of a diagnostic a client sent back (code action context); fixes come from `data` when present. */
export function fromLspDiagnostic(d: LspDiagnostic): Diagnostic {
  const severity: Severity = d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : 'info';
  const out: Diagnostic = { severity, code: d.code === undefined ? '' : String(d.code), message: d.message, range: toLspRange(d.range) };
  const data = d.data as DiagnosticData | undefined;
  if (data && Array.isArray(data.fixes)) out.fixes = data.fixes;
  return out;
}

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  node: CompletionItemKind.Reference,
  function: CompletionItemKind.Function,
  parameter: CompletionItemKind.Variable,
  class: CompletionItemKind.Class,
  profile: CompletionItemKind.Constant,
  snippet: CompletionItemKind.Snippet,
  topology: CompletionItemKind.Module,
};

export function toCompletionItem(e: CompletionEntry, snippets: boolean): CompletionItem {
  const item: CompletionItem = { label: e.label, kind: COMPLETION_KIND[e.kind] };
  if (e.detail !== undefined) item.detail = e.detail;
  if (e.documentation !== undefined) item.documentation = { kind: MarkupKind.Markdown, value: e.documentation };
  const snippet = e.isSnippet === true && snippets;
  const text = e.insertText ?? e.label;
  const newText = e.isSnippet === true && !snippets ? snippetToPlain(text) : text;
  if (snippet) item.insertTextFormat = InsertTextFormat.Snippet;
  if (e.range) item.textEdit = { range: toLspRange(e.range), newText };
  else if (e.insertText !== undefined || newText !== e.label) item.insertText = newText;
  if (e.sortText !== undefined) item.sortText = e.sortText;
  if (e.filterText !== undefined) item.filterText = e.filterText;
  if (e.retrigger) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
  // Multi-line texts carry their full indentation; without asIs, VS Code would add the line's indentation again.
  if (e.insertTextMode === 'asIs') item.insertTextMode = InsertTextMode.asIs;
  return item;
}

/** Snippet text for a client without snippet support: placeholders keep their default text, tab stops vanish. */
export function snippetToPlain(snippet: string): string {
  let out = snippet;
  let previous: string;
  do {
    previous = out;
    out = out.replace(/\$\{\d+:([^{}]*)\}/g, '$1').replace(/\$\{\d+\|([^|{}]*?)(?:,[^|{}]*)*\|\}/g, '$1');
  } while (out !== previous);
  return out.replace(/\$\{\d+\}|\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

export function toHover(h: HoverResult): Hover {
  const out: Hover = { contents: { kind: MarkupKind.Markdown, value: h.contents } };
  if (h.range) out.range = toLspRange(h.range);
  return out;
}

export function toSignatureHelp(s: SignatureHelpResult): SignatureHelp {
  return {
    activeSignature: s.activeSignature,
    activeParameter: s.activeParameter,
    signatures: s.signatures.map((sig) => ({
      label: sig.label,
      ...(sig.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: sig.documentation } } : {}),
      parameters: sig.parameters.map((p) => ({
        label: p.label,
        ...(p.documentation !== undefined ? { documentation: { kind: MarkupKind.Markdown, value: p.documentation } } : {}),
      })),
    })),
  };
}

export function toLocations(uri: string, ranges: readonly Range[]): Location[] {
  return ranges.map((range) => ({ uri, range: toLspRange(range) }));
}

export function toTextEdits(edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText }));
}

export function toWorkspaceEdit(uri: string, edits: readonly TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: toTextEdits(edits) } };
}

const SYMBOL_KIND: Record<CoreSymbolKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  grid: SymbolKind.Struct,
  parameter: SymbolKind.TypeParameter,
  node: SymbolKind.Variable,
  topology: SymbolKind.Class,
  output: SymbolKind.Event,
  class: SymbolKind.Enum,
  edge: SymbolKind.Operator,
  constraint: SymbolKind.Constant,
};

export function toDocumentSymbol(s: DocumentSymbolEntry): DocumentSymbol {
  const out: DocumentSymbol = {
    name: s.name.length > 0 ? s.name : '(unnamed)',
    kind: SYMBOL_KIND[s.kind],
    range: toLspRange(s.range),
    selectionRange: toLspRange(s.selectionRange),
  };
  if (s.detail !== undefined) out.detail = s.detail;
  if (s.children && s.children.length > 0) out.children = s.children.map(toDocumentSymbol);
  return out;
}

const ACTION_KIND: Record<CodeActionEntry['kind'], string> = {
  quickfix: CodeActionKind.QuickFix,
  refactor: CodeActionKind.Refactor,
  source: CodeActionKind.Source,
};

export function toCodeAction(a: CodeActionEntry, uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction {
  const out: CodeAction = { title: a.title, kind: ACTION_KIND[a.kind], edit: toWorkspaceEdit(uri, a.edits) };
  if (a.diagnostic) {
    const fixed = a.diagnostic;
    const match = diagnostics.filter((d) => String(d.code) === fixed.code && sameRange(d.range, fixed.range));
    out.diagnostics = match.length > 0 ? match : [toLspDiagnostic(fixed, uri)];
  }
  if (a.isPreferred) out.isPreferred = true;
  return out;
}

export function toInlayHint(h: InlayHintEntry): InlayHint {
  const out: InlayHint = { position: { ...h.position }, label: h.label };
  if (h.tooltip !== undefined) out.tooltip = h.tooltip;
  if (h.paddingLeft) out.paddingLeft = true;
  return out;
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character
  );
}
