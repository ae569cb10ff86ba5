// Shared helpers for the extension tests: the extension's API, workspace files, editors, diagnostics and edits.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FlowtimeApi } from '../../client/src/extension';

export const EXTENSION_ID = 'flowtime.flowtime-sim';

/** The extension's API (activating it if needed). */
export async function flowtimeApi(): Promise<FlowtimeApi> {
  const ext = vscode.extensions.getExtension<FlowtimeApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the fixture workspace open as a folder');
  return folder.uri.fsPath;
}

export function wsPath(...segments: string[]): string {
  return path.join(workspaceRoot(), ...segments);
}

export function wsUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.file(wsPath(...segments));
}

/**
 * Copies a fixture file of the workspace to a new name, so a test that edits a document never changes what another
 * test reads. The workspace itself is already a throw-away copy made by the harness.
 */
export function copyFixture(from: string, to: string): vscode.Uri {
  const target = wsPath(to);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(wsPath(from), target);
  return vscode.Uri.file(target);
}

export async function openEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The open document with that URI, looked up afresh (a language change closes and reopens it); undefined if not open. */
export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
}

/** Position of the `nth` (0-based) occurrence of `needle` in the document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, { nth = 0, delta = 0 } = {}): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" occurs fewer than ${nth + 1} time(s) in ${path.basename(doc.uri.fsPath)}`);
  }
  return doc.positionAt(at + delta);
}

/** 0-based line of the first line containing `needle`. */
export function lineOf(doc: vscode.TextDocument, needle: string): number {
  return positionOf(doc, needle).line;
}

export interface SimpleDiagnostic {
  code: string;
  line: number;
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
}

function codeText(code: vscode.Diagnostic['code']): string {
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;

/** FlowTime's diagnostics on a file as plain values (code, 0-based line, severity), for assertions and messages. */
export function flowtimeDiagnostics(uri: vscode.Uri): SimpleDiagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'flowtime')
    .map((d) => ({ code: codeText(d.code), line: d.range.start.line, severity: SEVERITIES[d.severity], message: d.message }));
}

export function hasDiagnostic(diags: readonly SimpleDiagnostic[], code: string, line?: number): boolean {
  return diags.some((d) => d.code === code && (line === undefined || d.line === line));
}

/** Inserts `text` at the start of the first line containing `needle` (the document stays unsaved). */
export async function insertBeforeLine(doc: vscode.TextDocument, needle: string, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(lineOf(doc, needle), 0), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the workspace edit was not applied');
}

/** Every file under `dir`, relative and sorted (empty when `dir` does not exist). */
export function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Runs a command, failing with its name when it does not return in time (a prompt or a modal would block it). */
export async function runCommand<T>(command: string, timeoutMs: number, ...args: unknown[]): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${command} did not return within ${timeoutMs} ms (is it waiting for a prompt or a notification?)`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([Promise.resolve(vscode.commands.executeCommand<T>(command, ...args)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
