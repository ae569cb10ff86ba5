// The messages the DAG preview webview and its controller exchange; shared by both sides, so it imports nothing.

export type NodeLayer = 'node' | 'topology';

/** What the webview shows: the laid-out SVG, the large-model summary, or only a message. */
export type RenderMode = 'svg' | 'summary' | 'message';

/** Screen = content × scale + (x, y), in CSS pixels of the canvas. */
export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

/** Kept with `vscode.setState` in the webview: VS Code hands it to the serializer after a reload. */
export interface WebviewState {
  /** The previewed document (`Uri.toString()`). */
  uri: string;
  /** Zoom and pan of that document's graph, once the user or a fit set them. */
  view?: ViewTransform;
}

/** A node's problem counts, for its error/warning mark and tooltip. Only nodes with problems are sent. */
export interface NodeMark {
  key: string;
  errors: number;
  warnings: number;
}

export interface KindCount {
  layer: NodeLayer;
  kind: string;
  count: number;
}

export interface ProblemNode {
  key: string;
  id: string;
  layer: NodeLayer;
  kind: string;
  errors: number;
  warnings: number;
}

/** What a model too large to lay out is shown as. */
export interface GraphSummary {
  nodes: number;
  edges: number;
  byKind: KindCount[];
  edgesByType: { type: string; count: number }[];
  errorNodes: number;
  warningNodes: number;
  /** Nodes with errors or warnings (a node with both counts once). */
  problemNodes: number;
  /** Nodes with problems, most errors first; at most a screenful. */
  problems: ProblemNode[];
}

/** Extension → webview. */
export type ToWebview =
  | { type: 'graph'; uri: string; version: number; svg: string; marks: NodeMark[] }
  | { type: 'summary'; uri: string; version: number; summary: GraphSummary; limit: number }
  | { type: 'message'; uri: string; version: number; text: string; keepGraph: boolean }
  | { type: 'highlight'; key: string | null }
  | { type: 'busy'; busy: boolean };

/** Webview → extension. */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'rendered'; uri: string; version: number; mode: RenderMode; nodes: number; edges: number; errorNodes: number }
  | { type: 'reveal'; key: string }
  | { type: 'exportSvg' }
  | { type: 'log'; message: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const RENDER_MODES: readonly string[] = ['svg', 'summary', 'message'];

/**
 * Checks a message from the webview. The webview runs our own script, but it is still a page: anything malformed is
 * dropped here rather than trusted deeper in the controller.
 */
export function parseFromWebview(raw: unknown): FromWebview | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'exportSvg':
      return { type: 'exportSvg' };
    case 'reveal':
      return typeof raw.key === 'string' && raw.key !== '' ? { type: 'reveal', key: raw.key } : undefined;
    case 'log':
      return typeof raw.message === 'string' ? { type: 'log', message: raw.message.slice(0, 2000) } : undefined;
    case 'rendered': {
      const { uri, version, mode, nodes, edges, errorNodes } = raw;
      if (typeof uri !== 'string' || typeof version !== 'number' || !Number.isInteger(version)) return undefined;
      if (typeof mode !== 'string' || !RENDER_MODES.includes(mode)) return undefined;
      if (!isCount(nodes) || !isCount(edges) || !isCount(errorNodes)) return undefined;
      return { type: 'rendered', uri, version, mode: mode as RenderMode, nodes, edges, errorNodes };
    }
    default:
      return undefined;
  }
}

/** A usable saved view: finite numbers and a positive scale (state may come from an older build). */
export function isViewTransform(v: unknown): v is ViewTransform {
  if (!isObject(v)) return false;
  const { scale, x, y } = v;
  return typeof scale === 'number' && scale > 0 && Number.isFinite(scale) && Number.isFinite(x) && Number.isFinite(y);
}

/** Reads the webview state VS Code gives back (after a reload it is whatever an earlier build saved). */
export function parseWebviewState(raw: unknown): WebviewState | undefined {
  if (!isObject(raw) || typeof raw.uri !== 'string' || raw.uri === '') return undefined;
  return isViewTransform(raw.view) ? { uri: raw.uri, view: { ...raw.view } } : { uri: raw.uri };
}
