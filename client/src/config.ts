// Reads the `flowtime.*` settings the client itself uses and resolves workspace-relative folders.
import * as path from 'node:path';
import * as vscode from 'vscode';

export const SECTION = 'flowtime';

/** The workspace folder a resource belongs to, else the first one (commands run without an editor). */
export function workspaceFolderFor(uri?: vscode.Uri): vscode.WorkspaceFolder | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
}

function resolveIn(folder: vscode.WorkspaceFolder | undefined, p: string): string | undefined {
  if (path.isAbsolute(p)) return p;
  return folder ? path.join(folder.uri.fsPath, p) : undefined;
}

/** Absolute path of the artifacts root for a resource, or undefined when no workspace folder is open. */
export function artifactsRoot(uri?: vscode.Uri): string | undefined {
  const folder = workspaceFolderFor(uri);
  const raw = vscode.workspace.getConfiguration(SECTION, folder?.uri).get<string>('artifactsFolder', 'artifacts').trim();
  return resolveIn(folder, raw === '' ? 'artifacts' : raw);
}

/** Every workspace folder's artifacts root (deduplicated), for the artifacts view. */
export function allArtifactsRoots(): { folder: vscode.WorkspaceFolder; root: string }[] {
  const seen = new Set<string>();
  const out: { folder: vscode.WorkspaceFolder; root: string }[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const root = artifactsRoot(folder.uri);
    if (root && !seen.has(root)) {
      seen.add(root);
      out.push({ folder, root });
    }
  }
  return out;
}

/** Absolute extra template folders from `flowtime.templateFolders`, for every workspace folder. */
export function templateFolders(): string[] {
  const out = new Set<string>();
  const folders = vscode.workspace.workspaceFolders ?? [];
  const scopes: (vscode.WorkspaceFolder | undefined)[] = folders.length > 0 ? [...folders] : [undefined];
  for (const folder of scopes) {
    for (const raw of vscode.workspace.getConfiguration(SECTION, folder?.uri).get<string[]>('templateFolders', [])) {
      if (typeof raw !== 'string' || raw.trim() === '') continue;
      const abs = resolveIn(folder, raw.trim());
      if (abs) out.add(abs);
    }
  }
  return [...out];
}

export function contentDetectionEnabled(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('contentDetection', true);
}

export function openPreviewOnNewModel(): boolean {
  return vscode.workspace.getConfiguration(SECTION).get<boolean>('preview.openOnNewModel', true);
}
