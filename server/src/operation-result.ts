// Sim operation outcomes as protocol results: an ArtifactResult becomes ArtifactWritten, a SimError OperationFailed.
import { join } from 'node:path';
import type { Diagnostic } from '../../core/src/diagnostics';
import type { ArtifactWritten, OperationFailed, OperationProblem } from '../../core/src/language/protocol';
import type { ArtifactResult } from '../../core/src/sim/operations';
import type { SimError } from '../../core/src/sim/errors';
import type { ParameterProblem } from '../../core/src/sim/overrides';
import { toLspRange } from './to-lsp';

/** The 0–1 quality score of validation.json as the protocol's 0–100 (scores are exact hundredths). */
export function qualityPercent(score: number): number {
  return Math.round(score * 100);
}

export function artifactWritten(r: ArtifactResult): ArtifactWritten {
  return {
    ok: true,
    modelId: r.model_id,
    version: r.version,
    path: r.path,
    modelPath: join(r.path, 'model.yaml'),
    created: r.created,
    quality: qualityPercent(r.validation.quality.score),
    warnings: r.validation.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/**
 * A SimError with the problems that caused it. `locate` names the document its diagnostics are positioned in, or
 * undefined when they point into text that was never written (then they are listed without a place). Notes are left
 * out, as the CLI does: they never stop an operation.
 */
export function operationFailed(e: SimError, locate: (e: SimError) => string | undefined): OperationFailed {
  const uri = locate(e);
  const problems: OperationProblem[] = [];
  for (const d of Array.isArray(e.details) ? (e.details as unknown[]) : []) {
    if (isDiagnostic(d)) {
      if (d.severity === 'info') continue;
      const p: OperationProblem = { severity: d.severity, code: d.code, message: d.message };
      if (uri !== undefined) {
        p.uri = uri;
        p.range = toLspRange(d.range);
      }
      problems.push(p);
    } else if (isParameterProblem(d)) {
      problems.push({ severity: 'error', message: `${d.parameter}: ${d.message}` });
    }
  }
  return { ok: false, code: e.code, message: e.message, problems };
}

/** What is not a SimError is a fault of ours, not of the request: the client still gets a result it can show. */
export function internalFailure(e: unknown): OperationFailed {
  return { ok: false, code: 'internal', message: e instanceof Error ? e.message : String(e), problems: [] };
}

function isDiagnostic(d: unknown): d is Diagnostic {
  return typeof d === 'object' && d !== null && 'code' in d && 'range' in d && 'severity' in d && 'message' in d;
}

function isParameterProblem(d: unknown): d is ParameterProblem {
  return typeof d === 'object' && d !== null && typeof (d as ParameterProblem).parameter === 'string' && typeof (d as ParameterProblem).message === 'string';
}
