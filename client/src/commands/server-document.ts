// Makes sure a file is open in the language server (commands may name files that no editor shows yet).
import * as vscode from 'vscode';
import { DOCUMENT_INFO_REQUEST } from '../protocol';
import type { DocumentInfoResult } from '../protocol';
import type { ServerConnection } from '../server-client';

/** How long to wait for the client to send didOpen for a document just opened. */
const OPEN_TIMEOUT_MS = 10_000;

export interface ServerDocument {
  doc: vscode.TextDocument;
  info: DocumentInfoResult;
}

/** Opens `uri` (if needed) and returns it once the server knows it, with its kind and counts; undefined if it never arrives. */
export async function serverDocument(server: ServerConnection, uri: vscode.Uri): Promise<ServerDocument | undefined> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const key = doc.uri.toString();
  const ask = (): Promise<DocumentInfoResult | null> => server.request<DocumentInfoResult | null>(DOCUMENT_INFO_REQUEST, { uri: key });
  const arrived = new Promise<void>((resolve) => {
    const sub = server.onDidOpenInServer((d) => {
      if (d.uri.toString() === key) {
        sub.dispose();
        resolve();
      }
    });
    setTimeout(() => {
      sub.dispose();
      resolve();
    }, OPEN_TIMEOUT_MS);
  });
  const first = await ask();
  if (first) return { doc, info: first };
  // Subscribed before asking, so a didOpen that lands in between is not missed.
  await arrived;
  const second = await ask();
  return second ? { doc, info: second } : undefined;
}

/** The document a command applies to: its argument, else the active editor's. */
export function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return vscode.window.activeTextEditor?.document.uri;
}
