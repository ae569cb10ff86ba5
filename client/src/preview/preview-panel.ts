// One DAG preview panel: keeps its document's graph request going as the text changes and talks to its webview.
import * as vscode from 'vscode';
import type { GraphNodeInfo, GraphParams, GraphResult } from '../protocol';
import { nodeMarks, summarizeGraph } from './graph-summary';
import { parseFromWebview } from './messages';
import type { FromWebview, RenderMode, ToWebview } from './messages';
import { NodeLocator } from './node-locator';
import { SVG_NODE_LIMIT, classifyGraph, debounceDelay, wantSvg } from './render-plan';
import type { GraphOutcome } from './render-plan';
import { CoalescingScheduler } from './scheduler';
import { makeNonce, previewHtml } from './webview-html';

export const PREVIEW_VIEW_TYPE = 'flowtime.preview';

/** What the webview reported after it drew a graph (or a summary, or only a message). */
export interface PreviewRender {
  uri: string;
  version: number;
  /** Node groups in the drawn SVG; for a summary, the nodes it counts; 0 for a message. */
  nodes: number;
  edges: number;
  errorNodes: number;
  /** What is on screen; a message may sit over the previous graph, dimmed. */
  mode: RenderMode;
}

/** What a panel needs from the controller that owns it. */
export interface PanelHost {
  request(params: GraphParams): Promise<GraphResult | null>;
  log(line: string): void;
  rendered(render: PreviewRender): void;
  /** The webview's Export button. */
  exportPanelSvg(panel: PreviewPanel): void;
  activated(panel: PreviewPanel): void;
  disposed(panel: PreviewPanel): void;
}

/**
 * The server answers `null` for a document it has not been told about yet; right after `openTextDocument` the
 * language client's didOpen can still be on its way, so a few retries come before saying the document is not served.
 */
const MISSING_RETRIES = 3;
const MISSING_RETRY_MS = 400;
/** The toolbar says "Updating…" only for requests slower than this, so quick refreshes do not flicker. */
const BUSY_AFTER_MS = 300;

export function previewTitle(uri: vscode.Uri): string {
  return `Preview: ${uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString()}`;
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
    // A hidden preview is rebuilt from its state when shown again, rather than kept alive with a large SVG in it.
    retainContextWhenHidden: false,
    enableFindWidget: false,
  };
}

export class PreviewPanel implements vscode.Disposable {
  readonly key: string;
  private readonly scheduler: CoalescingScheduler;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The webview's script is listening (it posts `ready` after every load, including after being hidden). */
  private ready = false;
  /** The graph or summary on screen, replayed when the webview loads again. */
  private content: ToWebview | undefined;
  /** A message shown over the content (or alone), cleared by the next good graph. */
  private notice: ToWebview | undefined;
  private shownVersion = -1;
  private knownNodes: number | undefined;
  private nodes = new Map<string, GraphNodeInfo>();
  private locator = new NodeLocator([]);
  private highlighted: string | null = null;
  /** The SVG on screen exactly as the server sent it: what Export writes. */
  private svg: string | undefined;
  private lastRequestMs = 0;
  private missingRetries = 0;
  /** A refresh was skipped while the panel was hidden; it runs when the panel shows again. */
  private deferred = false;
  private busyTimer: ReturnType<typeof setTimeout> | undefined;
  private busyShown = false;
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly host: PanelHost,
    extensionUri: vscode.Uri,
  ) {
    this.key = uri.toString();
    this.scheduler = new CoalescingScheduler(() => this.update(), (e) => this.host.log(`preview update failed: ${describe(e)}`));
    panel.title = previewTitle(uri);
    panel.webview.options = webviewOptions(extensionUri);
    const webview = panel.webview;
    panel.webview.html = previewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css')).toString(),
      documentUri: this.key,
      fileName: uri.path.slice(uri.path.lastIndexOf('/') + 1),
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw: unknown) => this.received(parseFromWebview(raw))),
      panel.onDidChangeViewState(() => this.viewStateChanged()),
      panel.onDidDispose(() => this.dispose()),
    );
    this.refresh(0);
  }

  /** The SVG export writes, if the panel shows one. */
  get exportableSvg(): string | undefined {
    return this.svg;
  }

  /** The node count when the panel shows the large-model summary (export then has to lay the graph out). */
  get summaryNodes(): number | undefined {
    return this.content?.type === 'summary' ? this.content.summary.nodes : undefined;
  }

  refresh(delayMs: number): void {
    this.scheduler.schedule(delayMs);
  }

  documentChanged(doc: vscode.TextDocument): void {
    this.missingRetries = 0;
    this.refresh(debounceDelay(doc.lineCount, this.lastRequestMs));
  }

  /**
   * VS Code numbers a document's versions from 1 again when it is opened anew (closed, or its language changed), so
   * the version guard restarts with it.
   */
  documentReopened(): void {
    this.shownVersion = -1;
    this.missingRetries = 0;
    this.refresh(0);
  }

  documentClosed(): void {
    this.shownVersion = -1;
  }

  /** Highlights the node whose entry holds the editor's cursor. */
  cursorMoved(editor: vscode.TextEditor): void {
    const doc = editor.document;
    const key = this.locator.find(editor.selection.active, (line) => (line < doc.lineCount ? doc.lineAt(line).text : undefined));
    if (key === this.highlighted) return;
    this.highlighted = key;
    this.post({ type: 'highlight', key });
  }

  /** Lays the graph out for an export when the preview shows the summary (the server renders any size on request). */
  async renderSvgForExport(): Promise<string | undefined> {
    const result = await this.host.request({ uri: this.key, svg: true });
    return result && result.svg !== '' ? result.svg : undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduler.dispose();
    if (this.busyTimer) clearTimeout(this.busyTimer);
    for (const d of this.subscriptions) d.dispose();
    this.panel.dispose();
    this.host.disposed(this);
  }

  private async update(): Promise<void> {
    if (this.disposed) return;
    if (!this.panel.visible) {
      this.deferred = true;
      return;
    }
    this.deferred = false;
    let doc: vscode.TextDocument;
    try {
      doc = await vscode.workspace.openTextDocument(this.uri);
    } catch (e) {
      this.showNotice(`Cannot open ${this.uri.fsPath || this.key}: ${describe(e)}`, -1);
      return;
    }
    let askSvg = wantSvg(this.knownNodes, doc.lineCount);
    this.setBusy(true);
    try {
      // At most two requests: the cheap graph first when the size is unknown, then the SVG if the graph is small.
      for (let attempt = 0; attempt < 2 && !this.disposed; attempt++) {
        const started = Date.now();
        const result = await this.host.request({ uri: this.key, svg: askSvg });
        this.lastRequestMs = Date.now() - started;
        if (this.disposed) return;
        const outcome = classifyGraph(result, askSvg, hasErrors(this.uri));
        if (outcome.kind === 'needs-svg' && result) {
          this.knownNodes = result.nodes.length;
          askSvg = true;
          continue;
        }
        this.apply(result, outcome, doc.version);
        return;
      }
    } catch (e) {
      this.host.log(`flowtime/graph failed for ${this.key}: ${describe(e)}`);
      this.showNotice(`The FlowTime language server did not answer: ${describe(e)}`, doc.version);
    } finally {
      this.setBusy(false);
    }
  }

  private apply(result: GraphResult | null, outcome: GraphOutcome, docVersion: number): void {
    if (!result) {
      if (this.missingRetries < MISSING_RETRIES) {
        this.missingRetries++;
        this.refresh(MISSING_RETRY_MS);
        return;
      }
      this.showNotice(
        'The FlowTime language server does not have this document open. Give it the FlowTime Model or FlowTime ' +
          'Template language (or turn on flowtime.contentDetection for other YAML files) to see its graph.',
        docVersion,
      );
      return;
    }
    this.missingRetries = 0;
    // Answers come one at a time, but a restarted server or a replayed request must never move the view backwards.
    if (result.version < this.shownVersion) return;
    this.shownVersion = result.version;
    switch (outcome.kind) {
      case 'not-flowtime':
        this.showNotice('This document is not a FlowTime model or template.', result.version);
        return;
      case 'no-model':
        this.showNotice('No readable model: fix the errors in the document to see the graph.', result.version);
        return;
      case 'summary':
        this.setGraph(result);
        this.svg = undefined;
        this.showContent({
          type: 'summary',
          uri: this.key,
          version: result.version,
          summary: summarizeGraph(result.nodes, result.edges),
          limit: SVG_NODE_LIMIT,
        });
        return;
      case 'svg':
        this.setGraph(result);
        this.svg = result.svg;
        this.showContent({ type: 'graph', uri: this.key, version: result.version, svg: result.svg, marks: nodeMarks(result.nodes) });
        return;
      default:
        return;
    }
  }

  private setGraph(result: GraphResult): void {
    this.knownNodes = result.nodes.length;
    this.nodes = new Map(result.nodes.map((n) => [n.key, n]));
    this.locator = new NodeLocator(result.nodes);
  }

  private showContent(message: ToWebview): void {
    this.content = message;
    this.notice = undefined;
    this.post(message);
    // The new graph may have moved nodes: place the highlight again from the cursor.
    this.highlighted = null;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.key);
    if (editor) this.cursorMoved(editor);
    else this.post({ type: 'highlight', key: null });
  }

  private showNotice(text: string, version: number): void {
    this.notice = { type: 'message', uri: this.key, version, text, keepGraph: this.content !== undefined };
    this.post(this.notice);
  }

  private received(message: FromWebview | undefined): void {
    if (!message || this.disposed) return;
    switch (message.type) {
      case 'ready':
        this.ready = true;
        if (this.content) this.post(this.content);
        if (this.notice) this.post(this.notice);
        if (this.highlighted !== null) this.post({ type: 'highlight', key: this.highlighted });
        if (this.busyShown) this.post({ type: 'busy', busy: true });
        return;
      case 'rendered':
        if (message.uri !== this.key) return;
        this.host.rendered({
          uri: message.uri,
          version: message.version,
          nodes: message.nodes,
          edges: message.edges,
          errorNodes: message.errorNodes,
          mode: message.mode,
        });
        return;
      case 'reveal':
        void this.reveal(message.key);
        return;
      case 'exportSvg':
        this.host.exportPanelSvg(this);
        return;
      case 'log':
        this.host.log(`preview webview: ${message.message}`);
        return;
    }
  }

  /** Opens the document beside the preview with the node's id selected. */
  private async reveal(key: string): Promise<void> {
    const node = this.nodes.get(key);
    if (!node) return;
    if (!node.range) {
      void vscode.window.showInformationMessage(`FlowTime: ${node.id} is not written in this document.`);
      return;
    }
    const { start, end } = node.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    try {
      const doc = await vscode.workspace.openTextDocument(this.uri);
      const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.key);
      const column = shown?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (e) {
      this.host.log(`revealing ${key} failed: ${describe(e)}`);
    }
  }

  private viewStateChanged(): void {
    // A hidden webview is torn down (no retained context): nothing posted reaches it until it says `ready` again.
    if (!this.panel.visible) this.ready = false;
    else if (this.deferred) this.refresh(0);
    if (this.panel.active) this.host.activated(this);
  }

  private setBusy(busy: boolean): void {
    if (this.busyTimer) clearTimeout(this.busyTimer);
    this.busyTimer = undefined;
    if (busy) {
      this.busyTimer = setTimeout(() => {
        this.busyTimer = undefined;
        this.busyShown = true;
        this.post({ type: 'busy', busy: true });
      }, BUSY_AFTER_MS);
    } else if (this.busyShown) {
      this.busyShown = false;
      this.post({ type: 'busy', busy: false });
    }
  }

  private post(message: ToWebview): void {
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
  }
}

function hasErrors(uri: vscode.Uri): boolean {
  return vscode.languages.getDiagnostics(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error);
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
