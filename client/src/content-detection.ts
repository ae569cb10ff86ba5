// Gives plain `.yaml` files that hold a FlowTime model or template the FlowTime language (the server decides).
import * as vscode from 'vscode';
import { contentDetectionEnabled, SECTION } from './config';
import { DOCUMENT_INFO_REQUEST, MODEL_LANGUAGE_ID, TEMPLATE_LANGUAGE_ID } from './protocol';
import type { DocumentInfoResult } from './protocol';
import { isFlowtimeDocument } from './languages';
import type { ServerConnection } from './server-client';

/**
 * A language change closes and reopens the document at once; a tab the user closes is released much later. So a
 * FlowTime document that comes back as YAML within this window was switched back by hand, and is left alone.
 */
const LANGUAGE_SWITCH_WINDOW_MS = 2000;
/** Typing into a plain YAML file asks the server again only once the user pauses. */
const RECHECK_DELAY_MS = 500;

/**
 * The server already detects the kind from content (one rule for every editor), so the client asks it instead of
 * keeping a second detector.
 */
export function registerContentDetection(context: vscode.ExtensionContext, server: ServerConnection): void {
  const declined = new Set<string>();
  const leftFlowtimeAt = new Map<string, number>();
  const pending = new Map<string, NodeJS.Timeout>();

  const consider = async (doc: vscode.TextDocument): Promise<void> => {
    if (doc.languageId !== 'yaml' || !contentDetectionEnabled()) return;
    const key = doc.uri.toString();
    if (declined.has(key)) return;
    try {
      const info = await server.request<DocumentInfoResult | null>(DOCUMENT_INFO_REQUEST, { uri: key });
      if (!info || info.kind === 'unknown' || doc.isClosed || doc.languageId !== 'yaml') return;
      await vscode.languages.setTextDocumentLanguage(doc, info.kind === 'template' ? TEMPLATE_LANGUAGE_ID : MODEL_LANGUAGE_ID);
    } catch {
      // A restart in flight: the next edit or open asks again.
    }
  };

  context.subscriptions.push(
    server.onDidOpenInServer((doc) => {
      const key = doc.uri.toString();
      const left = leftFlowtimeAt.get(key);
      leftFlowtimeAt.delete(key);
      if (doc.languageId === 'yaml' && left !== undefined && Date.now() - left < LANGUAGE_SWITCH_WINDOW_MS) declined.add(key);
      void consider(doc);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0 || e.document.languageId !== 'yaml') return;
      const key = e.document.uri.toString();
      clearTimeout(pending.get(key));
      pending.set(key, setTimeout(() => {
        pending.delete(key);
        void consider(e.document);
      }, RECHECK_DELAY_MS));
    }),
    { dispose: () => pending.forEach((t) => clearTimeout(t)) },
    vscode.workspace.onDidCloseTextDocument((doc) => {
      if (isFlowtimeDocument(doc)) leftFlowtimeAt.set(doc.uri.toString(), Date.now());
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector decides whether YAML files reach the server at all: it changes only by restarting.
      if (e.affectsConfiguration(`${SECTION}.contentDetection`)) void server.restart();
    }),
  );
}
