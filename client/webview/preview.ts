// The DAG preview page: draws what the extension sends, reports what it drew, and sends clicks and exports back.
import { parseWebviewState } from '../src/preview/messages';
import type { FromWebview, GraphSummary, NodeMark, RenderMode, ToWebview, ViewTransform, WebviewState } from '../src/preview/messages';
import { drawSvg, markProblems, nodeKeyAt } from './svg-content';
import type { DrawnGraph } from './svg-content';
import { highlightInSummary, renderSummary } from './summary-view';
import { ZOOM_STEP } from './view-math';
import { Viewport } from './viewport';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the preview page has no #${id}`);
  return el as T;
}

const canvas = byId<HTMLDivElement>('ft-canvas');
const stage = byId<HTMLDivElement>('ft-stage');
const summaryHost = byId<HTMLDivElement>('ft-summary');
const banner = byId<HTMLDivElement>('ft-banner');
const empty = byId<HTMLDivElement>('ft-empty');
const status = byId<HTMLSpanElement>('ft-status');
const zoomLevel = byId<HTMLSpanElement>('ft-zoom-level');
const styleHost = byId<HTMLStyleElement>('ft-svg-style');
const viewButtons = ['ft-zoom-in', 'ft-zoom-out', 'ft-fit'].map((id) => byId<HTMLButtonElement>(id));

/** What is on screen: nothing yet, the drawing, or the large-model summary. */
let mode: 'none' | 'svg' | 'summary' = 'none';
let graph: DrawnGraph | undefined;
let highlighted: string | null = null;
/** After a reload the saved view is shown once; after that, redraws keep whatever view the user has. */
let drawnOnce = false;

let state: WebviewState = parseWebviewState(vscode.getState()) ?? { uri: document.body.dataset.uri ?? '' };
let saveTimer: ReturnType<typeof setTimeout> | undefined;

/** Saved at once on load (so a panel closed by a reload before drawing still comes back), then after changes settle. */
function saveState(now = false): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = undefined;
  if (now) vscode.setState(state);
  else saveTimer = setTimeout(() => vscode.setState(state), 200);
}

const viewport = new Viewport(canvas, stage, {
  changed(view: ViewTransform) {
    zoomLevel.textContent = `${Math.round(view.scale * 100)}%`;
    if (mode === 'svg') {
      state = { ...state, view };
      saveState();
    }
  },
  tapped(target) {
    const key = nodeKeyAt(target);
    if (key) post({ type: 'reveal', key });
  },
});

function post(message: FromWebview): void {
  vscode.postMessage(message);
}

function rendered(uri: string, version: number, what: RenderMode, nodes: number, edges: number, errorNodes: number): void {
  post({ type: 'rendered', uri, version, mode: what, nodes, edges, errorNodes });
}

function show(next: 'none' | 'svg' | 'summary'): void {
  mode = next;
  canvas.hidden = next === 'summary';
  summaryHost.hidden = next !== 'summary';
  empty.hidden = true;
  banner.hidden = true;
  canvas.classList.remove('ft-stale');
  summaryHost.classList.remove('ft-stale');
  for (const b of viewButtons) b.disabled = next !== 'svg';
}

function showGraph(uri: string, version: number, svg: string, marks: NodeMark[]): void {
  let drawn: DrawnGraph;
  try {
    drawn = drawSvg(stage, styleHost, svg);
  } catch (e) {
    post({ type: 'log', message: e instanceof Error ? e.message : String(e) });
    showMessage(uri, version, 'The graph could not be drawn (see the FlowTime Language Server output).', false);
    return;
  }
  const errorNodes = markProblems(drawn, marks);
  graph = drawn;
  show('svg');
  summaryHost.replaceChildren();
  viewport.setContent({ width: drawn.width, height: drawn.height });
  if (state.uri !== uri) state = { uri };
  if (!drawnOnce) {
    drawnOnce = true;
    if (state.view) viewport.set(state.view);
    else viewport.fit();
  }
  applyHighlight(false);
  saveState();
  rendered(uri, version, 'svg', drawn.svg.querySelectorAll('[data-node-id]').length, drawn.edges, errorNodes);
}

function showSummary(uri: string, version: number, summary: GraphSummary, limit: number): void {
  // The drawing of a model that grew past the limit is dropped: a stale picture of a large model only misleads.
  graph = undefined;
  stage.replaceChildren();
  styleHost.textContent = '';
  show('summary');
  renderSummary(summaryHost, summary, limit, (key) => post({ type: 'reveal', key }));
  applyHighlight(false);
  rendered(uri, version, 'summary', summary.nodes, summary.edges, summary.errorNodes);
}

function showMessage(uri: string, version: number, text: string, keepGraph: boolean): void {
  if (keepGraph && mode !== 'none') {
    banner.textContent = text;
    banner.hidden = false;
    empty.hidden = true;
    (mode === 'svg' ? canvas : summaryHost).classList.add('ft-stale');
  } else {
    graph = undefined;
    stage.replaceChildren();
    styleHost.textContent = '';
    summaryHost.replaceChildren();
    show('none');
    empty.textContent = text;
    empty.hidden = false;
  }
  rendered(uri, version, 'message', 0, 0, 0);
}

/** Marks the node at the editor cursor; brings it into view only when it is a different node than before. */
function highlight(key: string | null): void {
  const changed = key !== highlighted;
  highlighted = key;
  applyHighlight(changed);
}

function applyHighlight(scroll: boolean): void {
  if (mode === 'summary') {
    highlightInSummary(summaryHost, highlighted);
    return;
  }
  if (!graph) return;
  for (const el of Array.from(graph.svg.querySelectorAll('.ft-highlight'))) el.classList.remove('ft-highlight');
  const el = highlighted ? graph.nodes.get(highlighted) : undefined;
  if (!el) return;
  el.classList.add('ft-highlight');
  if (scroll) viewport.reveal(el);
}

function received(message: ToWebview): void {
  switch (message.type) {
    case 'graph':
      showGraph(message.uri, message.version, message.svg, message.marks);
      return;
    case 'summary':
      showSummary(message.uri, message.version, message.summary, message.limit);
      return;
    case 'message':
      showMessage(message.uri, message.version, message.text, message.keepGraph);
      return;
    case 'highlight':
      highlight(message.key);
      return;
    case 'busy':
      status.textContent = message.busy ? 'Updating…' : '';
      return;
  }
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (typeof data === 'object' && data !== null && typeof (data as { type?: unknown }).type === 'string') received(data as ToWebview);
});

byId('ft-zoom-in').addEventListener('click', () => viewport.zoomBy(ZOOM_STEP));
byId('ft-zoom-out').addEventListener('click', () => viewport.zoomBy(1 / ZOOM_STEP));
byId('ft-fit').addEventListener('click', () => viewport.fit());
byId('ft-export').addEventListener('click', () => post({ type: 'exportSvg' }));

/** Arrow keys move the view by this much (with Shift, five times as far). */
const KEY_PAN_PX = 40;

window.addEventListener('keydown', (e) => {
  // Modified keys are VS Code's shortcuts; the webview forwards them.
  if (mode !== 'svg' || e.ctrlKey || e.metaKey || e.altKey) return;
  const step = e.shiftKey ? KEY_PAN_PX * 5 : KEY_PAN_PX;
  const actions: Record<string, () => void> = {
    '+': () => viewport.zoomBy(ZOOM_STEP),
    '=': () => viewport.zoomBy(ZOOM_STEP),
    '-': () => viewport.zoomBy(1 / ZOOM_STEP),
    _: () => viewport.zoomBy(1 / ZOOM_STEP),
    '0': () => viewport.fit(),
    ArrowLeft: () => viewport.panBy(step, 0),
    ArrowRight: () => viewport.panBy(-step, 0),
    ArrowUp: () => viewport.panBy(0, step),
    ArrowDown: () => viewport.panBy(0, -step),
  };
  const action = actions[e.key];
  if (!action) return;
  e.preventDefault();
  action();
});

for (const b of viewButtons) b.disabled = true;
saveState(true);
post({ type: 'ready' });
