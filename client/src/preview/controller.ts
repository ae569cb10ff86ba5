// The DAG preview: one webview panel per document, its commands, and restoring panels after a reload.
import * as vscode from 'vscode';
import { GRAPH_REQUEST } from '../protocol';
import type { GraphParams, GraphResult } from '../protocol';
import { isFlowtimeDocument } from '../languages';
import type { ServerConnection } from '../server-client';
import { saveSvg } from './export-svg';
import { parseWebviewState } from './messages';
import { PREVIEW_VIEW_TYPE, PreviewPanel, previewTitle, webviewOptions } from './preview-panel';
import type { PanelHost, PreviewRender } from './preview-panel';

export type { PreviewRender } from './preview-panel';
export { PREVIEW_VIEW_TYPE } from './preview-panel';

export interface PreviewController {
  /** Opens (or reveals) the preview of that document, default the active FlowTime editor's, beside the editor. */
  show(uri?: vscode.Uri): Promise<void>;
  /** Saves the current preview's SVG; asks where unless `target` is given (the extension tests pass one). */
  exportSvg(target?: vscode.Uri): Promise<void>;
  /** Fired when a webview reports what it drew. */
  readonly onDidRender: vscode.Event<PreviewRender>;
  /** The last render of that document (`Uri.toString()`), or of any document when none is given. */
  lastRender(uri?: string): PreviewRender | undefined;
}

/** Changing these settings changes the problem counts the nodes are marked with. */
const PROBLEM_SETTINGS = ['flowtime.divergenceWarnings', 'flowtime.maxProblems'];
/** The server revalidates on a settings change; asking again just after it started gives it time to finish. */
const SETTINGS_REFRESH_MS = 300;

class Controller implements PreviewController, PanelHost, vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly renders = new Map<string, PreviewRender>();
  private latest: PreviewRender | undefined;
  private lastActive: PreviewPanel | undefined;
  private readonly emitter = new vscode.EventEmitter<PreviewRender>();
  readonly onDidRender = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly server: ServerConnection,
  ) {
    const panelFor = (uri: vscode.Uri): PreviewPanel | undefined => this.panels.get(uri.toString());
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Saving or a dirty-flag change also fires, with no content change: nothing to redraw.
        if (e.contentChanges.length > 0) panelFor(e.document.uri)?.documentChanged(e.document);
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => panelFor(doc.uri)?.documentReopened()),
      vscode.workspace.onDidCloseTextDocument((doc) => panelFor(doc.uri)?.documentClosed()),
      vscode.window.onDidChangeTextEditorSelection((e) => panelFor(e.textEditor.document.uri)?.cursorMoved(e.textEditor)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (PROBLEM_SETTINGS.some((s) => e.affectsConfiguration(s))) for (const p of this.panels.values()) p.refresh(SETTINGS_REFRESH_MS);
      }),
      // A restarted server starts with nothing: every preview asks again.
      server.onDidStart(() => {
        for (const p of this.panels.values()) p.refresh(0);
      }),
    );
  }

  async show(uri?: vscode.Uri): Promise<void> {
    const target = uri ?? this.defaultDocument();
    if (!target) {
      void vscode.window.showInformationMessage('FlowTime: open a FlowTime model or template to see its DAG preview.');
      return;
    }
    const existing = this.panels.get(target.toString());
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(target),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      webviewOptions(this.extensionUri),
    );
    this.adopt(panel, target);
  }

  async exportSvg(target?: vscode.Uri): Promise<void> {
    const panel = this.currentPanel();
    if (!panel) {
      void vscode.window.showInformationMessage('FlowTime: open a DAG preview first (FlowTime: Show DAG Preview).');
      return;
    }
    await this.exportPanel(panel, target);
  }

  lastRender(uri?: string): PreviewRender | undefined {
    return uri === undefined ? this.latest : this.renders.get(uri);
  }

  /** Restores a panel VS Code kept across a reload; its webview state names the document. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = parseWebviewState(state);
    if (!saved || this.panels.has(saved.uri)) {
      panel.dispose();
      return;
    }
    this.adopt(panel, vscode.Uri.parse(saved.uri, true));
  }

  // PanelHost

  request(params: GraphParams): Promise<GraphResult | null> {
    return this.server.request<GraphResult | null>(GRAPH_REQUEST, params);
  }

  log(line: string): void {
    this.server.output.appendLine(line);
  }

  rendered(render: PreviewRender): void {
    this.renders.set(render.uri, render);
    this.latest = render;
    this.emitter.fire(render);
  }

  exportPanelSvg(panel: PreviewPanel): void {
    void this.exportPanel(panel);
  }

  activated(panel: PreviewPanel): void {
    this.lastActive = panel;
  }

  disposed(panel: PreviewPanel): void {
    if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
    if (this.lastActive === panel) this.lastActive = undefined;
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
    for (const d of this.subscriptions) d.dispose();
    this.emitter.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, uri: vscode.Uri): void {
    const preview = new PreviewPanel(panel, uri, this, this.extensionUri);
    this.panels.set(preview.key, preview);
    this.lastActive = preview;
  }

  /** The active editor's document when it is (or may be, as plain YAML) FlowTime; else the active preview's. */
  private defaultDocument(): vscode.Uri | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    if (doc && (isFlowtimeDocument(doc) || doc.languageId === 'yaml')) return doc.uri;
    const active = [...this.panels.values()].find((p) => p.panel.active);
    if (active) return active.uri;
    return vscode.window.visibleTextEditors.find((e) => isFlowtimeDocument(e.document))?.document.uri;
  }

  /** The preview in front, else the one last in front, else the active editor's, else the only one. */
  private currentPanel(): PreviewPanel | undefined {
    const all = [...this.panels.values()];
    const active = all.find((p) => p.panel.active) ?? this.lastActive;
    if (active) return active;
    const doc = vscode.window.activeTextEditor?.document;
    if (doc) {
      const forDoc = this.panels.get(doc.uri.toString());
      if (forDoc) return forDoc;
    }
    return all.length === 1 ? all[0] : undefined;
  }

  private async exportPanel(panel: PreviewPanel, target?: vscode.Uri): Promise<void> {
    let svg = panel.exportableSvg;
    if (svg === undefined) {
      const large = panel.summaryNodes;
      if (large === undefined) {
        void vscode.window.showInformationMessage('FlowTime: the preview has no graph to export yet.');
        return;
      }
      if (!target) {
        const go = await vscode.window.showWarningMessage(
          `The preview skips the layout of models over its size limit; this one has ${large.toLocaleString('en-US')} nodes. ` +
            'Laying it out for the export can take minutes.',
          { modal: true },
          'Lay Out and Export',
        );
        if (!go) return;
      }
      svg = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'FlowTime: laying out the graph for the export…' },
        () => panel.renderSvgForExport(),
      );
      if (svg === undefined) {
        void vscode.window.showErrorMessage('FlowTime: the language server could not render this document.');
        return;
      }
    }
    try {
      const written = await saveSvg(svg, panel.uri, target);
      if (written) void vscode.window.showInformationMessage(`FlowTime: preview saved to ${written.scheme === 'file' ? written.fsPath : written.toString()}`);
    } catch (e) {
      void vscode.window.showErrorMessage(`FlowTime: could not save the SVG: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

export function registerPreview(context: vscode.ExtensionContext, server: ServerConnection): PreviewController {
  const controller = new Controller(context.extensionUri, server);
  context.subscriptions.push(
    controller,
    vscode.commands.registerCommand('flowtime.showPreview', (arg?: unknown) => controller.show(arg instanceof vscode.Uri ? arg : undefined)),
    // Menus pass their own arguments (a webview title menu passes none we can use): export always asks where to save.
    vscode.commands.registerCommand('flowtime.preview.exportSvg', () => controller.exportSvg()),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => controller.restore(panel, state),
    }),
  );
  return controller;
}
