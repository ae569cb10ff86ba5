// The FlowTime VS Code extension: starts the language server and wires commands, the DAG preview, views and status bar.
import * as vscode from 'vscode';
import { registerArtifactsView } from './artifacts/view';
import type { ArtifactsViewApi } from './artifacts/view';
import { registerCommands } from './commands/register';
import { registerContentDetection } from './content-detection';
import { registerPreview } from './preview/controller';
import type { PreviewController } from './preview/controller';
import { ServerConnection } from './server-client';
import { registerStatusBar } from './status-bar';
import type { StatusBarState } from './status-bar';

/** Set by the bundle's first line (esbuild banner); absent when the sources run unbundled. */
declare const __flowtimeLoadStart: number | undefined;

/** What `activate` returns: used by the extension tests, and by other extensions that want to drive FlowTime. */
export interface FlowtimeApi {
  /**
   * From the bundle starting to run to `activate` returning, in ms: module loading plus activation (the server starts
   * in the background after it returns).
   */
  activationMs: number;
  server: ServerConnection;
  preview: PreviewController;
  statusBar: () => StatusBarState;
  artifactsView: ArtifactsViewApi;
}

export function activate(context: vscode.ExtensionContext): FlowtimeApi {
  const started = typeof __flowtimeLoadStart === 'number' ? __flowtimeLoadStart : performance.now();
  const server = new ServerConnection(context);
  context.subscriptions.push(server);
  const preview = registerPreview(context, server);
  registerCommands(context, server, preview);
  const artifactsView = registerArtifactsView(context, server, preview);
  const statusBar = registerStatusBar(context, server);
  registerContentDetection(context, server);
  // Starting the server is not awaited: activation stays fast, and every feature waits for `server.current()`.
  void server.current().catch((e: unknown) => {
    void vscode.window.showErrorMessage(`FlowTime: the language server did not start: ${e instanceof Error ? e.message : String(e)}`, 'Show Output').then((pick) => {
      if (pick) server.output.show();
    });
  });
  return { activationMs: performance.now() - started, server, preview, statusBar, artifactsView };
}

export function deactivate(): void {
  // Disposables registered on the context (the server connection included) are disposed by VS Code.
}
