// Opens a written model.yaml, with the DAG preview beside it when the user wants that.
import * as vscode from 'vscode';
import { openPreviewOnNewModel } from '../config';
import type { PreviewController } from '../preview/controller';

export type OpenModel = (uri: vscode.Uri) => Promise<void>;

export function modelOpener(preview: PreviewController): OpenModel {
  return async (uri) => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
    if (openPreviewOnNewModel()) await preview.show(uri);
  };
}
