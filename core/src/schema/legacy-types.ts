// Shared shapes of the legacy-shape detectors: their findings plus the raw schema errors those findings explain.
import type { Diagnostic, Range } from '../diagnostics';
import type { SourceDocument } from '../yaml/document';
import type { Suppression } from './suppression';

export interface LegacyResult {
  diagnostics: Diagnostic[];
  suppressions: Suppression[];
}

export type LegacyDetector = (doc: SourceDocument, root: Record<string, unknown>, out: LegacyResult) => void;

export function spanOf(ranges: readonly Range[]): Range {
  let { start, end } = ranges[0];
  for (const r of ranges.slice(1)) {
    if (r.start.line < start.line || (r.start.line === start.line && r.start.character < start.character)) start = r.start;
    if (r.end.line > end.line || (r.end.line === end.line && r.end.character > end.character)) end = r.end;
  }
  return { start, end };
}

export function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}
