// What every code-action provider works from (the document as written) and the shape of a provider.
import type { DocumentKind } from '../detect-kind';
import type { Diagnostic, TextEdit } from '../diagnostics';
import type { ParameterDef } from '../template/types';
import type { PositionedDocument } from '../yaml/document';
import type { CodeActionEntry } from './types';

export interface ActionContext {
  readonly text: string;
  readonly kind: DocumentKind;
  /** The document as written (for a template the raw template, placeholders unresolved). */
  readonly doc: PositionedDocument;
  /** Template parameters ([] for models): a `${bins}` grid is sized by its default. */
  readonly params: readonly ParameterDef[];
}

/** Builds the quick fixes one diagnostic gets from one capability (none when it cannot compute a correct edit). */
export type ActionProvider = (ctx: ActionContext, d: Diagnostic) => CodeActionEntry[];

export function quickFix(title: string, d: Diagnostic, edits: TextEdit[], isPreferred: boolean): CodeActionEntry {
  return { title, kind: 'quickfix', diagnostic: d, edits, isPreferred };
}
