// Registers the palette commands; each accepts an optional argument that skips its prompts (tests, keybindings).
import * as vscode from 'vscode';
import type { PreviewController } from '../preview/controller';
import type { ServerConnection } from '../server-client';
import { deriveModel } from './derive';
import type { DeriveArgs } from './derive';
import { exportArtifact } from './export';
import type { ExportArgs } from './export';
import { newFromTemplate } from './new-from-template';
import type { NewFromTemplateArgs } from './new-from-template';
import { modelOpener } from './open-model';
import { validateFile, validateWorkspace } from './validate';

/** A command that fails unexpectedly says so instead of failing silently in the extension host log. */
function guarded<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (e) {
      void vscode.window.showErrorMessage(`FlowTime: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  };
}

export function registerCommands(context: vscode.ExtensionContext, server: ServerConnection, preview: PreviewController): void {
  const openModel = modelOpener(preview);
  const register = (id: string, fn: (...args: never[]) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };
  register('flowtime.newFromTemplate', guarded('New Model from Template', (args?: NewFromTemplateArgs) => newFromTemplate(server, openModel, args)));
  register('flowtime.deriveModel', guarded('Derive Model', (args?: DeriveArgs) => deriveModel(server, openModel, args)));
  register('flowtime.exportArtifact', guarded('Export Artifact', (uri?: vscode.Uri, args?: ExportArgs) => exportArtifact(server, uri, args)));
  register('flowtime.validate', guarded('Validate', (uri?: vscode.Uri) => validateFile(server, uri)));
  register('flowtime.validateWorkspace', guarded('Validate Workspace', () => validateWorkspace(server)));
  register('flowtime.restartServer', guarded('Restart Language Server', async () => {
    await server.restart();
  }));
  register('flowtime.showOutput', () => server.output.show());
}
