// Decides how the preview asks for a graph (with or without the SVG, how long to wait) and what to show for an answer.
import type { GraphResult } from '../protocol';

/**
 * Above this many nodes the preview asks for the graph without the SVG and shows a summary instead. The server lays
 * the graph out (dagre) on the thread that also validates and answers completion, and layout grows faster than the
 * node count: measured on a 2-core machine, 480 nodes take 1.6 s, 1,000 nodes 6 s, 1,500 nodes 10 s, 2,400 nodes 31 s
 * and 4,800 nodes 95 s. Past about a thousand nodes every keystroke would buy seconds of a busy server and stale
 * diagnostics, and the drawing is too dense to read anyway.
 */
export const SVG_NODE_LIMIT = 1000;

/** Debounce for small documents: a pause in typing, short enough to feel live. */
export const BASE_DEBOUNCE_MS = 150;
/** Longest debounce: beyond this the preview feels broken rather than calm. */
export const MAX_DEBOUNCE_MS = 2000;
/** Documents up to this many lines refresh after the base debounce; longer ones wait 1 ms more per 10 lines. */
const SMALL_DOCUMENT_LINES = 500;

/**
 * How long to wait after an edit. Longer documents cost more to analyse and render, so they wait longer (1 ms per 10
 * lines past 500); and a refresh never waits less than the last request took, so a slow render keeps the server busy
 * at most half the time while the user types.
 */
export function debounceDelay(lineCount: number, lastRequestMs = 0): number {
  const byLines = BASE_DEBOUNCE_MS + Math.floor(Math.max(0, lineCount - SMALL_DOCUMENT_LINES) / 10);
  return Math.min(MAX_DEBOUNCE_MS, Math.max(byLines, Math.round(lastRequestMs)));
}

/**
 * Whether to ask for the SVG. With a known node count that decides. Without one (first request), a document with
 * more lines than the limit might be large, so it is asked for the cheap graph first. Nodes are written one or more
 * lines each, so a shorter document is almost never over the limit; when it is (flow style, or a template that
 * instantiates many nodes) the answer says so and `classifyGraph` shows the summary.
 */
export function wantSvg(knownNodes: number | undefined, lineCount: number): boolean {
  if (knownNodes !== undefined) return knownNodes <= SVG_NODE_LIMIT;
  return lineCount <= SVG_NODE_LIMIT;
}

export type GraphOutcome =
  /** The server does not have the document open. */
  | { kind: 'missing' }
  | { kind: 'not-flowtime' }
  /** A FlowTime document without a readable model: say so, keep the last good graph dimmed. */
  | { kind: 'no-model' }
  | { kind: 'svg' }
  | { kind: 'summary' }
  /** Asked without the SVG, but the graph is small enough: ask again with it. */
  | { kind: 'needs-svg' };

/**
 * What an answer means. `hasErrors` says the document has error diagnostics: a FlowTime document whose graph came
 * back empty while it has errors has no readable model yet (an unfinished edit), which is not the same as a model
 * that really has no nodes.
 */
export function classifyGraph(result: GraphResult | null, askedSvg: boolean, hasErrors: boolean): GraphOutcome {
  if (!result) return { kind: 'missing' };
  if (result.kind === 'unknown') return { kind: 'not-flowtime' };
  if (result.nodes.length > SVG_NODE_LIMIT) return { kind: 'summary' };
  if (!askedSvg) return { kind: 'needs-svg' };
  if (result.svg === '') return { kind: 'no-model' };
  if (result.nodes.length === 0 && hasErrors) return { kind: 'no-model' };
  return { kind: 'svg' };
}
