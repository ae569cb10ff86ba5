// The Explorer's "FlowTime Artifacts" view: refreshed on file changes, with Open / Preview / Derive / Validate / Reveal.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { allArtifactsRoots, SECTION } from '../config';
import { deriveModel } from '../commands/derive';
import { modelOpener } from '../commands/open-model';
import { validateFile } from '../commands/validate';
import type { PreviewController } from '../preview/controller';
import { ARTIFACTS_REQUEST } from '../protocol';
import type { ArtifactsResult } from '../protocol';
import type { ServerConnection } from '../server-client';
import { children, modelYamlOf, treeItem } from './tree';
import type { ArtifactNode } from './tree';

/** A save writes four files and the catalog at once: one refresh for the burst. */
const REFRESH_DELAY_MS = 300;

class ArtifactsProvider implements vscode.TreeDataProvider<ArtifactNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly server: ServerConnection) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(node: ArtifactNode): vscode.TreeItem {
    return treeItem(node);
  }

  async getChildren(node?: ArtifactNode): Promise<ArtifactNode[]> {
    if (node && node.type !== 'folder') return children(node);
    const roots = node ? [{ folder: node.folder, root: node.root }] : allArtifactsRoots();
    if (!node && roots.length > 1) return roots.map((r) => ({ type: 'folder', ...r }));
    const out: ArtifactNode[] = [];
    for (const { root } of roots) {
      const { models } = await this.server.request<ArtifactsResult>(ARTIFACTS_REQUEST, { artifactsRoot: root });
      for (const model of models) out.push({ type: 'model', root, model });
    }
    return out;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The view's data, as tests and other extensions can read it (the tree widget itself is not inspectable). */
export interface ArtifactsViewApi {
  children(node?: ArtifactNode): Promise<ArtifactNode[]>;
  item(node: ArtifactNode): vscode.TreeItem;
  /** Fires when the view refreshes (file changes under the artifacts folder, settings, Refresh). */
  readonly onDidRefresh: vscode.Event<void>;
}

export function registerArtifactsView(context: vscode.ExtensionContext, server: ServerConnection, preview: PreviewController): ArtifactsViewApi {
  const provider = new ArtifactsProvider(server);
  const view = vscode.window.createTreeView('flowtimeArtifacts', { treeDataProvider: provider, showCollapseAll: true });
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => provider.refresh(), REFRESH_DELAY_MS);
  };

  let watchers: vscode.FileSystemWatcher[] = [];
  const watch = (): void => {
    watchers.forEach((w) => w.dispose());
    watchers = allArtifactsRoots().map(({ folder, root }) => {
      // Based on the workspace folder when the artifacts live inside it: a pattern based on a folder that does not
      // exist yet sees that folder appear, but not what is written into it afterwards.
      const inside = path.relative(folder.uri.fsPath, root);
      const pattern = inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside)
        ? new vscode.RelativePattern(folder, `${inside.split(path.sep).join('/')}/models/**`)
        : new vscode.RelativePattern(vscode.Uri.file(root), 'models/**');
      const w = vscode.workspace.createFileSystemWatcher(pattern);
      w.onDidCreate(schedule);
      w.onDidChange(schedule);
      w.onDidDelete(schedule);
      return w;
    });
  };
  watch();

  const openModel = modelOpener(preview);
  const command = (id: string, fn: (node: ArtifactNode) => unknown): void => {
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));
  };
  command('flowtime.artifacts.open', async (node) => {
    const uri = modelYamlOf(node);
    if (uri) await vscode.window.showTextDocument(uri, { preview: node.type === 'file' });
  });
  command('flowtime.artifacts.preview', async (node) => {
    const uri = modelYamlOf(node);
    if (!uri) return;
    await vscode.window.showTextDocument(uri, { preview: false });
    await preview.show(uri);
  });
  command('flowtime.artifacts.derive', async (node) => {
    if (node.type === 'model' || node.type === 'version') await deriveModel(server, openModel, { root: node.root, model: node.model });
  });
  command('flowtime.artifacts.validate', async (node) => {
    const uri = modelYamlOf(node);
    if (uri) await validateFile(server, uri);
  });
  command('flowtime.artifacts.reveal', async (node) => {
    const target = node.type === 'folder' ? node.root : node.type === 'model' ? path.join(node.root, 'models', node.model.id) : node.type === 'version' ? node.version.path : path.join(node.version.path, node.file);
    await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(target));
  });
  context.subscriptions.push(
    view,
    provider,
    vscode.commands.registerCommand('flowtime.artifacts.refresh', () => provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.artifactsFolder`)) {
        watch();
        provider.refresh();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watch();
      provider.refresh();
    }),
    server.onDidStart(() => provider.refresh()),
    { dispose: () => watchers.forEach((w) => w.dispose()) },
    { dispose: () => timer && clearTimeout(timer) },
  );
  return { children: (node) => provider.getChildren(node), item: (node) => provider.getTreeItem(node), onDidRefresh: provider.onDidChangeTreeData };
}
