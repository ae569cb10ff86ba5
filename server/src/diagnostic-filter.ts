// Applies the user's settings to core diagnostics: engine-divergence level, then the per-document cap.
import { compareDiagnostics } from '../../core/src/diagnostics';
import type { Diagnostic, Severity } from '../../core/src/diagnostics';
import type { FlowtimeSettings } from '../../core/src/language/protocol';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** `rust.*` codes are the Rust-engine divergences the `divergenceWarnings` setting governs. */
export function isDivergence(code: string): boolean {
  return code.startsWith('rust.');
}

export function applyDivergenceLevel(diagnostics: readonly Diagnostic[], settings: FlowtimeSettings): Diagnostic[] {
  const level = settings.divergenceWarnings;
  if (level === 'warning') return [...diagnostics];
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!isDivergence(d.code)) out.push(d);
    else if (level === 'info') out.push(d.severity === 'warning' ? { ...d, severity: 'info' } : d);
  }
  return out;
}

/** Keeps the `max` most severe diagnostics (errors first), in document order. */
export function capProblems(diagnostics: readonly Diagnostic[], max: number): Diagnostic[] {
  if (diagnostics.length <= max) return [...diagnostics];
  const kept = diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => RANK[a.d.severity] - RANK[b.d.severity] || a.i - b.i)
    .slice(0, max)
    .map((x) => x.d);
  return kept.sort(compareDiagnostics);
}
