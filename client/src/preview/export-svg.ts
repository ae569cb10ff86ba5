// Saves a preview's SVG, byte for byte as the server rendered it, where the user chooses (next to the document by default).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { svgExportName } from './export-name';

/** `<document name>.svg` beside a file on disk; in the first workspace folder for an untitled document. */
export function defaultExportUri(documentUri: vscode.Uri): vscode.Uri | undefined {
  const name = svgExportName(path.posix.basename(documentUri.path));
  if (documentUri.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
  }
  return documentUri.with({ path: path.posix.join(path.posix.dirname(documentUri.path), name) });
}

/** Asks where to save (unless `target` is given) and writes; returns where it wrote, or undefined when cancelled. */
export async function saveSvg(svg: string, documentUri: vscode.Uri, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const destination =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: defaultExportUri(documentUri),
      filters: { 'SVG image': ['svg'] },
      saveLabel: 'Export SVG',
      title: 'Export the DAG preview as SVG',
    }));
  if (!destination) return undefined;
  await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(svg));
  return destination;
}
