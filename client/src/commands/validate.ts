// FlowTime: Validate (one file) and Validate Workspace (every FlowTime file): Problems panel plus a summary.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { VALIDATE_FILES_REQUEST } from '../protocol';
import type { ValidateFilesResult } from '../protocol';
import type { ServerConnection } from '../server-client';
import { targetUri } from './server-document';

export interface ValidationSummary {
  files: number;
  errors: number;
  warnings: number;
}

/** Files per request: keeps each answer small and lets progress move on a large workspace. */
const BATCH = 100;
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

function summarize(results: ValidateFilesResult['files']): ValidationSummary {
  return {
    files: results.length,
    errors: results.reduce((n, f) => n + f.errors, 0),
    warnings: results.reduce((n, f) => n + f.warnings, 0),
  };
}

async function announce(what: string, summary: ValidationSummary): Promise<void> {
  const text = `FlowTime: ${what} — ${summary.errors} error(s), ${summary.warnings} warning(s).`;
  if (summary.errors > 0 || summary.warnings > 0) {
    const pick = await (summary.errors > 0 ? vscode.window.showErrorMessage(text, 'Show Problems') : vscode.window.showWarningMessage(text, 'Show Problems'));
    if (pick) await vscode.commands.executeCommand('workbench.actions.view.problems');
  } else {
    void vscode.window.showInformationMessage(text);
  }
}

export async function validateFile(server: ServerConnection, arg?: unknown): Promise<ValidationSummary | undefined> {
  const uri = targetUri(arg);
  if (!uri) {
    void vscode.window.showErrorMessage('FlowTime: Validate needs a FlowTime file open in the editor (or use Validate Workspace).');
    return undefined;
  }
  const { files } = await server.request<ValidateFilesResult>(VALIDATE_FILES_REQUEST, { uris: [uri.toString()] });
  const name = path.basename(uri.fsPath);
  if (files.length === 0) {
    void vscode.window.showWarningMessage(`FlowTime: ${name} is not a FlowTime model or template.`);
    return { files: 0, errors: 0, warnings: 0 };
  }
  const summary = summarize(files);
  void announce(`${name} is a ${files[0].kind}`, summary);
  return summary;
}

export async function validateWorkspace(server: ServerConnection): Promise<ValidationSummary> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'FlowTime: validating the workspace', cancellable: true },
    async (progress, token) => {
      const uris = await vscode.workspace.findFiles('**/*.{yaml,yml}', EXCLUDE, undefined, token);
      const results: ValidateFilesResult['files'] = [];
      for (let i = 0; i < uris.length && !token.isCancellationRequested; i += BATCH) {
        const batch = uris.slice(i, i + BATCH).map((u) => u.toString());
        const { files } = await server.request<ValidateFilesResult>(VALIDATE_FILES_REQUEST, { uris: batch });
        results.push(...files);
        progress.report({ increment: (batch.length / uris.length) * 100, message: `${Math.min(i + BATCH, uris.length)} of ${uris.length} YAML files` });
      }
      const summary = summarize(results);
      void announce(`${summary.files} FlowTime file(s) validated${token.isCancellationRequested ? ' (cancelled)' : ''}`, summary);
      return summary;
    },
  );
}
