// Shared printing for commands that write artifacts (new, export, derive) and for Sim errors with diagnostics.
import type { Diagnostic } from '../../../core/src/diagnostics';
import type { ArtifactResult } from '../../../core/src/sim/operations';
import { SimError, exitCodeFor } from '../../../core/src/sim/errors';

export function printArtifact(result: ArtifactResult, json: boolean, write: (s: string) => void): void {
  if (json) {
    write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const q = result.validation.quality.score.toFixed(2);
  const warnings = result.validation.diagnostics.filter((d) => d.severity === 'warning').length;
  write(
    result.created
      ? `${result.model_id} v${result.version} written to ${result.path} (quality ${q}, ${warnings} warning${warnings === 1 ? '' : 's'})\n`
      : `${result.model_id} v${result.version} is already up to date at ${result.path}; nothing written\n`,
  );
}

/** Prints a SimError (with the diagnostics that caused it, positioned in `source` when known) and returns the exit code. */
export function reportSimError(e: SimError, json: boolean, source: string | undefined, write: (s: string) => void, writeErr: (s: string) => void): number {
  const diagnostics = Array.isArray(e.details) && e.details.every(isDiagnostic) ? (e.details as Diagnostic[]) : [];
  if (json) {
    write(`${JSON.stringify({ error: { code: e.code, message: e.message, details: e.details ?? null } }, null, 2)}\n`);
  } else {
    writeErr(`flowtime: ${e.message}\n`);
    for (const d of diagnostics) {
      if (d.severity === 'info') continue;
      const where = source ? `${source}:${d.range.start.line + 1}:${d.range.start.character + 1} ` : '';
      writeErr(`${where}${d.severity} ${d.code} ${d.message}\n`);
    }
  }
  return exitCodeFor(e.code);
}

function isDiagnostic(d: unknown): boolean {
  return typeof d === 'object' && d !== null && 'code' in d && 'range' in d && 'severity' in d;
}
