// Reads an lspbench result with both servers and prints ours vs yaml-language-server against the targets.
import { basename } from 'node:path';
import { OURS, YLS } from './spec';

interface Stats {
  n: number;
  median: number | null;
  p95: number | null;
}

interface DocumentResult {
  path: string;
  lines: number;
  open: { firstDiagnosticsMs: Stats; firstRepeat: { firstDiagnosticsMs: number | null } };
  edits: { mode: 'sequential' | 'burst'; perEditMs?: Stats; lastKeystrokeToSettledDiagnosticsMs?: Stats; timeouts: number }[];
  completionAllMs: Stats;
  hoverAllMs: Stats;
  diagnosticsOnOpen?: { count: number };
}

interface ServerResult {
  label: string;
  rssMB: { peak: number; last: number } | null;
  documents: DocumentResult[];
  errors: string[];
}

export interface BenchResult {
  host: { cpus: string; node: string; loadAvgAtStart: number[]; loadAvgAtEnd?: number[] };
  servers: ServerResult[];
}

interface Row {
  what: string;
  ours: number | null;
  theirs: number | null;
  /** ours / theirs must be at most this… */
  maxRatio?: number;
  /** …or ours at most this many ms. */
  maxOursMs?: number;
}

const fmt = (x: number | null | undefined, digits = 1) => (x === null || x === undefined ? '–' : x.toFixed(digits));

export function report(result: BenchResult): { text: string; missed: string[] } {
  const ours = result.servers.find((s) => s.label === OURS);
  const theirs = result.servers.find((s) => s.label === YLS);
  if (!ours || !theirs) throw new Error('the result needs both servers (run without --only)');
  const rows: Row[] = [];
  for (const doc of ours.documents) {
    const other = theirs.documents.find((d) => d.path === doc.path);
    if (!other) continue;
    const name = `${basename(doc.path)} (${doc.lines} lines)`;
    const big = doc.lines > 10_000;
    const small = doc.lines <= 60;
    const seq = (d: DocumentResult) => d.edits.find((e) => e.mode === 'sequential')?.perEditMs;
    const burst = (d: DocumentResult) => d.edits.find((e) => e.mode === 'burst')?.lastKeystrokeToSettledDiagnosticsMs;
    rows.push({ what: `${name}: didOpen → diagnostics, median`, ours: doc.open.firstDiagnosticsMs.median, theirs: other.open.firstDiagnosticsMs.median });
    rows.push({
      what: `${name}: keystroke → diagnostics, median`,
      ours: seq(doc)?.median ?? null,
      theirs: seq(other)?.median ?? null,
      ...(big ? { maxRatio: 1 / 10 } : {}),
    });
    rows.push({
      what: `${name}: keystroke → diagnostics, p95`,
      ours: seq(doc)?.p95 ?? null,
      theirs: seq(other)?.p95 ?? null,
      ...(big ? { maxRatio: 1 / 10 } : small ? { maxOursMs: 50 } : {}),
    });
    rows.push({ what: `${name}: burst of 20 @ 40 ms, last key → settled, median`, ours: burst(doc)?.median ?? null, theirs: burst(other)?.median ?? null });
    rows.push({ what: `${name}: completion, p95`, ours: doc.completionAllMs.p95, theirs: other.completionAllMs.p95, ...(big ? { maxRatio: 1 / 50 } : {}) });
    rows.push({ what: `${name}: hover, p95`, ours: doc.hoverAllMs.p95, theirs: other.hoverAllMs.p95 });
    rows.push({ what: `${name}: diagnostics on open (count)`, ours: doc.diagnosticsOnOpen?.count ?? null, theirs: other.diagnosticsOnOpen?.count ?? null });
  }
  rows.push({ what: 'server peak RSS, MB (whole run)', ours: ours.rssMB?.peak ?? null, theirs: theirs.rssMB?.peak ?? null, maxRatio: 1 / 4 });

  const missed: string[] = [];
  const out = ['| measure | flowtime | yaml-language-server | ratio | target | verdict |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ratio = r.ours !== null && r.theirs !== null && r.theirs > 0 ? r.ours / r.theirs : null;
    let target = '';
    let verdict = '';
    if (r.maxRatio !== undefined) {
      target = `≤ 1/${Math.round(1 / r.maxRatio)}`;
      verdict = ratio === null ? 'NO DATA' : ratio <= r.maxRatio ? 'met' : 'MISSED';
    } else if (r.maxOursMs !== undefined) {
      target = `≤ ${r.maxOursMs} ms`;
      verdict = r.ours === null ? 'NO DATA' : r.ours <= r.maxOursMs ? 'met' : 'MISSED';
    }
    if (verdict === 'MISSED' || verdict === 'NO DATA') missed.push(r.what);
    const ratioText = ratio === null ? '–' : ratio >= 0.1 ? `${ratio.toFixed(2)}` : `1/${Math.round(1 / Math.max(ratio, 1e-9))}`;
    out.push(`| ${r.what} | ${fmt(r.ours)} | ${fmt(r.theirs)} | ${ratioText} | ${target} | ${verdict} |`);
  }
  for (const s of result.servers) for (const e of s.errors) out.push(`\n${s.label} error: ${e}`);
  out.push(
    '',
    `host: ${result.host.cpus}, node ${result.host.node}, load ${result.host.loadAvgAtStart.join('/')} → ${(result.host.loadAvgAtEnd ?? []).join('/')}`,
  );
  return { text: out.join('\n'), missed };
}
