// FlowTime: Export Artifact — the current model or template (unsaved edits included) becomes a versioned artifact.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { artifactsRoot } from '../config';
import { EXPORT_DOCUMENT_REQUEST } from '../protocol';
import type { ArtifactOperationResult, ExportDocumentParams } from '../protocol';
import type { ServerConnection } from '../server-client';
import { report } from './results';
import { serverDocument, targetUri } from './server-document';

export interface ExportArgs {
  name?: string;
}

/** `orders.model.yaml` → `orders`. */
export function defaultName(uri: vscode.Uri): string {
  return path.basename(uri.fsPath).replace(/\.(model|template)?\.ya?ml$/i, '').replace(/\.ya?ml$/i, '') || 'model';
}

export async function exportArtifact(server: ServerConnection, arg?: unknown, args?: ExportArgs): Promise<ArtifactOperationResult | undefined> {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showErrorMessage('FlowTime: Export Artifact needs a FlowTime model or template open in the editor.');
    return undefined;
  }
  const root = artifactsRoot(uri);
  if (!root) {
    void vscode.window.showErrorMessage('FlowTime: open a folder first — artifacts are written into its artifacts folder.');
    return undefined;
  }
  const target = await serverDocument(server, uri);
  if (!target || target.info.kind === 'unknown') {
    void vscode.window.showErrorMessage(`FlowTime: ${path.basename(uri.fsPath)} is not a FlowTime model or template.`);
    return undefined;
  }
  let name = args?.name;
  if (name === undefined) {
    name = await vscode.window.showInputBox({
      title: 'Export Artifact: model name',
      prompt: 'The artifact id is built from this name.',
      value: defaultName(uri),
      ignoreFocusOut: true,
      validateInput: (typed) => (/[\p{L}\p{N}]/u.test(typed) ? undefined : 'a name needs at least one letter or digit'),
    });
    if (name === undefined) return undefined;
  }
  const request: ExportDocumentParams = { uri: target.doc.uri.toString(), artifactsRoot: root, name: name.trim() };
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `FlowTime: exporting ${path.basename(uri.fsPath)}…` },
    () => server.request<ArtifactOperationResult>(EXPORT_DOCUMENT_REQUEST, request),
  );
  // The exported file stays the active editor: open the artifact only on request (the message offers Open).
  await report('Export Artifact', result, async () => undefined);
  return result;
}
