// validation.json: the model's full diagnostics (validate --json shape), engine compatibility and the quality breakdown.
import { compareDiagnostics, hasErrors } from '../diagnostics';
import type { Diagnostic } from '../diagnostics';
import type { QualityResult } from './quality';
import { isRustDivergence } from './quality';

export interface EngineCompatibility {
  /** No error at all: the C# engine (schema, compile, evaluation tiers) accepts the model. */
  csharp: boolean;
  /** No error other than csharp.* (C#-only rejections) and no rust.* divergence. */
  rust: boolean;
}

export interface ValidationReport {
  valid: boolean;
  diagnostics: Record<string, unknown>[];
  engine_compatibility: EngineCompatibility;
  quality: QualityResult;
}

export function engineCompatibility(diagnostics: readonly Diagnostic[]): EngineCompatibility {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return {
    csharp: errors.length === 0,
    rust: errors.every((d) => d.code.startsWith('csharp.')) && !diagnostics.some(isRustDivergence),
  };
}

export function buildValidationReport(diagnostics: readonly Diagnostic[], quality: QualityResult): ValidationReport {
  const sorted = [...diagnostics].sort(compareDiagnostics);
  return {
    valid: !hasErrors(sorted),
    diagnostics: sorted.map(jsonDiagnostic),
    engine_compatibility: engineCompatibility(sorted),
    quality: { score: quality.score, deductions: quality.deductions.map((d) => ({ ...d })) },
  };
}

/** The text written to validation.json. */
export function serializeValidationReport(report: ValidationReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Same member order and optional members as `flowtime sim validate --json`. */
function jsonDiagnostic(d: Diagnostic): Record<string, unknown> {
  const out: Record<string, unknown> = { severity: d.severity, code: d.code, message: d.message, range: d.range };
  if (d.related) out.related = d.related;
  if (d.fixes) out.fixes = d.fixes;
  return out;
}
