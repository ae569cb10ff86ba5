// Editor-feature results of the core language service: plain data that only the server's LSP layer turns into LSP types.
import type { Diagnostic, Position, Range, TextEdit } from '../diagnostics';

export type CompletionKind = 'property' | 'value' | 'enum' | 'node' | 'function' | 'parameter' | 'class' | 'profile' | 'snippet' | 'topology';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** One line shown beside the label (e.g. the node's kind, a function signature). */
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text inserted; a snippet (`${1:x}`, `$0`) when `isSnippet`. Defaults to `label`. */
  insertText?: string;
  isSnippet?: boolean;
  /** The range replaced by insertText (the word being typed); defaults to the word at the cursor. */
  range?: Range;
  sortText?: string;
  filterText?: string;
  /** Characters typed after accepting re-trigger completion (e.g. after `kind: `). */
  retrigger?: boolean;
  /**
   * `asIs`: a multi-line insertText already carries the absolute indentation of every line (LSP InsertTextMode.asIs);
   * the client must not re-indent it.
   */
  insertTextMode?: 'asIs';
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range?: Range;
}

export interface SignatureInfo {
  label: string;
  documentation?: string;
  parameters: { label: string; documentation?: string }[];
}

export interface SignatureHelpResult {
  signatures: SignatureInfo[];
  activeSignature: number;
  activeParameter: number;
}

export type SymbolKind = 'section' | 'grid' | 'parameter' | 'node' | 'topology' | 'output' | 'class' | 'edge' | 'constraint';

export interface DocumentSymbolEntry {
  name: string;
  detail?: string;
  kind: SymbolKind;
  /** The whole entry (e.g. the node's mapping). */
  range: Range;
  /** The name itself (e.g. the id value). */
  selectionRange: Range;
  children?: DocumentSymbolEntry[];
}

export type RenameResult = { edits: TextEdit[] } | { error: string };

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };

export interface CodeActionEntry {
  title: string;
  kind: 'quickfix' | 'refactor' | 'source';
  /** The diagnostic this action fixes, when it is a quick fix. */
  diagnostic?: Diagnostic;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export type SemanticTokenType = 'function' | 'variable' | 'number' | 'operator' | 'parameter' | 'property' | 'keyword';

export interface SemanticTokenEntry {
  line: number;
  character: number;
  length: number;
  type: SemanticTokenType;
  /** e.g. `declaration`, `readonly`, `defaultLibrary` (built-in functions), `deprecated`. */
  modifiers?: string[];
}

export interface InlayHintEntry {
  position: Position;
  label: string;
  tooltip?: string;
  /** Where the hint sits relative to the text (padding on that side). */
  paddingLeft?: boolean;
}
