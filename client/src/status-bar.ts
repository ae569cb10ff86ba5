// Status bar item for the active FlowTime document: its kind and problem counts; clicking it runs Validate.
import * as vscode from 'vscode';
import { DOCUMENT_INFO_REQUEST } from './protocol';
import type { DocumentInfoResult } from './protocol';
import { isFlowtimeDocument } from './languages';
import type { ServerConnection } from './server-client';

/** Diagnostics arrive in bursts while typing; one refresh per pause is enough for a status bar. */
const REFRESH_DELAY_MS = 150;

export function statusText(info: DocumentInfoResult): string {
  const kind = info.kind === 'template' ? 'Template' : 'Model';
  const problems = info.errors + info.warnings === 0 ? '$(check)' : `$(error) ${info.errors} $(warning) ${info.warnings}`;
  return `$(type-hierarchy) FlowTime ${kind} ${problems}`;
}

/** What the item shows now (tests read it; the item itself cannot be inspected through the API). */
export interface StatusBarState {
  visible: boolean;
  text: string;
  /** The document the item describes. */
  uri: string | undefined;
}

export function registerStatusBar(context: vscode.ExtensionContext, server: ServerConnection): () => StatusBarState {
  const item = vscode.window.createStatusBarItem('flowtime.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'FlowTime';
  item.command = 'flowtime.validate';
  context.subscriptions.push(item);
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;
  let state: StatusBarState = { visible: false, text: '', uri: undefined };
  const hide = (): void => {
    item.hide();
    state = { visible: false, text: '', uri: undefined };
  };

  const refresh = async (): Promise<void> => {
    const doc = vscode.window.activeTextEditor?.document;
    const mine = ++generation;
    if (!doc || !isFlowtimeDocument(doc)) {
      hide();
      return;
    }
    try {
      const info = await server.request<DocumentInfoResult | null>(DOCUMENT_INFO_REQUEST, { uri: doc.uri.toString() });
      if (mine !== generation) return;
      if (!info || info.kind === 'unknown') {
        hide();
        return;
      }
      item.text = statusText(info);
      const counts = `${info.errors} error(s), ${info.warnings} warning(s), ${info.infos} note(s)`;
      const size = `${info.nodeCount} node(s)${info.topologyCount > 0 ? `, ${info.topologyCount} topology node(s)` : ''}`;
      item.tooltip = new vscode.MarkdownString(`**FlowTime ${info.kind}** — ${size}\n\n${counts}\n\nClick to validate.`);
      item.backgroundColor = info.errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
      item.show();
      state = { visible: true, text: item.text, uri: doc.uri.toString() };
    } catch {
      // The server is restarting or the document just closed: the next event refreshes again.
      if (mine === generation) hide();
    }
  };
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
  };

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(schedule),
    vscode.languages.onDidChangeDiagnostics((e) => {
      const active = vscode.window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) schedule();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  schedule();
  return () => state;
}
