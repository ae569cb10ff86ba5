// Builds diagnostics from registered codes, so a code always carries its registered severity.
import type { Diagnostic, FixData, Range, RelatedInformation, Severity } from '../diagnostics';
import type { CodeInfo } from './registry';

export interface DiagnosticExtras {
  related?: RelatedInformation[];
  fixes?: FixData[];
  /** Only for codes whose severity depends on context (documented in the registry explanation). */
  severity?: Severity;
}

export function diag(info: CodeInfo, message: string, range: Range, extras: DiagnosticExtras = {}): Diagnostic {
  const d: Diagnostic = { severity: extras.severity ?? info.severity, code: info.code, message, range };
  if (extras.related && extras.related.length > 0) d.related = extras.related;
  if (extras.fixes && extras.fixes.length > 0) d.fixes = extras.fixes;
  return d;
}
