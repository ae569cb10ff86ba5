// The structural quality score (0..1) of a model: fixed, documented deductions from diagnostics and shape, no execution.
import type { Diagnostic } from '../diagnostics';
import { nodeUsage } from './model-references';

export interface QualityDeduction {
  /** Stable rule name (docs/quality-score.md). */
  rule: QualityRule;
  /** Points taken off the starting 1.0 (positive, at most the rule's cap). */
  points: number;
  detail: string;
}

export interface QualityResult {
  score: number;
  deductions: QualityDeduction[];
}

export type QualityRule = 'errors' | 'warnings' | 'rust-divergence' | 'no-outputs' | 'unreferenced-nodes' | 'isolated-topology-nodes';

/** Each rule in thousandths of a point, so sums are exact and the score is always a multiple of 0.01. */
export const QUALITY_RULES: Record<QualityRule, { each: number; cap: number; title: string }> = {
  errors: { each: 250, cap: 1000, title: 'each error diagnostic (the engine would reject the model or compute something else)' },
  warnings: { each: 50, cap: 300, title: 'each warning diagnostic that is not a Rust divergence' },
  'rust-divergence': { each: 100, cap: 100, title: 'once, when any rust.* diagnostic says the Rust engine rejects or computes differently' },
  'no-outputs': { each: 50, cap: 50, title: 'once, when the model declares no outputs' },
  'unreferenced-nodes': { each: 10, cap: 100, title: 'each node no output, expression, node field, topology semantics or traffic uses' },
  'isolated-topology-nodes': { each: 20, cap: 100, title: 'each topology node no edge touches, in a topology that has edges' },
};

const LISTED = 10;

/** Scores a model from its diagnostics and structure; the same inputs always give the same score and deductions. */
export function computeQuality(model: unknown, diagnostics: readonly Diagnostic[]): QualityResult {
  const deductions: QualityDeduction[] = [];
  /** `count` findings of `noun`, `what` names them; the detail reads e.g. "2 warnings × 0.05 (model.x, model.y)". */
  const take = (rule: QualityRule, count: number, noun: [string, string], what: string): void => {
    if (count <= 0) return;
    const r = QUALITY_RULES[rule];
    const raw = r.each * count;
    const points = Math.min(raw, r.cap);
    const capped = raw > r.cap ? `, capped at ${fmt(r.cap)}` : '';
    deductions.push({ rule, points: points / 1000, detail: `${count} ${count === 1 ? noun[0] : noun[1]} × ${fmt(r.each)}${capped} (${what})` });
  };

  const errors = diagnostics.filter((d) => d.severity === 'error');
  take('errors', errors.length, ['error', 'errors'], codeList(errors));
  const warnings = diagnostics.filter((d) => d.severity === 'warning' && !isRustDivergence(d));
  take('warnings', warnings.length, ['warning', 'warnings'], codeList(warnings));
  const rust = diagnostics.filter(isRustDivergence);
  if (rust.length > 0) take('rust-divergence', 1, ['Rust engine divergence', 'Rust engine divergences'], codeList(rust));

  const usage = nodeUsage(model);
  if (!usage.hasOutputs) take('no-outputs', 1, ['model without outputs', 'models without outputs'], 'no outputs are declared');
  else if (!usage.outputsAll) {
    const unused = usage.nodeIds.filter((id) => !usage.referenced.has(id.toLowerCase()));
    take('unreferenced-nodes', unused.length, ['unreferenced node', 'unreferenced nodes'], idList(unused));
  }
  const isolated = isolatedTopologyNodes(model);
  take('isolated-topology-nodes', isolated.length, ['topology node without edges', 'topology nodes without edges'], idList(isolated));

  const total = deductions.reduce((s, d) => s + Math.round(d.points * 1000), 0);
  return { score: Math.max(0, 1000 - total) / 1000, deductions };
}

export function isRustDivergence(d: Diagnostic): boolean {
  return d.code.startsWith('rust.') && d.severity !== 'info';
}

function isolatedTopologyNodes(model: unknown): string[] {
  const topo = rec(rec(model).topology);
  const edges = arr(topo.edges).map(rec);
  if (edges.length === 0) return [];
  const touched = new Set<string>();
  for (const e of edges) {
    for (const end of [e.from, e.to]) if (typeof end === 'string') touched.add(end.split(':')[0].trim().toLowerCase());
  }
  return arr(topo.nodes)
    .map((n) => rec(n).id)
    .filter((id): id is string => typeof id === 'string' && !touched.has(id.toLowerCase()));
}

function codeList(list: readonly Diagnostic[]): string {
  return [...new Set(list.map((d) => d.code))].sort().join(', ');
}

function idList(ids: readonly string[]): string {
  return ids.length <= LISTED ? ids.join(', ') : `${ids.slice(0, LISTED).join(', ')} and ${ids.length - LISTED} more`;
}

function fmt(thousandths: number): string {
  return (thousandths / 1000).toFixed(2);
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
