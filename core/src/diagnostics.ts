// Diagnostic shapes shared by every core capability (LSP-like, but free of LSP types).

export type Severity = 'error' | 'warning' | 'info';

/** 0-based line and UTF-16 character, like LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface RelatedInformation {
  message: string;
  range: Range;
}

/** One replacement in the document the diagnostic belongs to. */
export interface TextEdit {
  range: Range;
  newText: string;
}

/**
 * What a quick fix needs: a title and the edits that perform it. `data` carries extra machine-readable facts
 * (for example the legacy value being migrated) for clients that build their own fix.
 */
export interface FixData {
  title: string;
  edits: TextEdit[];
  data?: Record<string, unknown>;
}

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  range: Range;
  related?: RelatedInformation[];
  fixes?: FixData[];
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code) ||
    a.message.localeCompare(b.message)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
