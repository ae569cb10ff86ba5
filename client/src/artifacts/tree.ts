// The artifacts tree's items: models → versions → files, with template, parameters and quality in tooltips.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArtifactModelInfo, ArtifactVersionInfo } from '../protocol';
import { formatValue } from '../commands/parameter-input';

export type ArtifactNode =
  | { type: 'folder'; folder: vscode.WorkspaceFolder; root: string }
  | { type: 'model'; root: string; model: ArtifactModelInfo }
  | { type: 'version'; root: string; model: ArtifactModelInfo; version: ArtifactVersionInfo }
  | { type: 'file'; root: string; model: ArtifactModelInfo; version: ArtifactVersionInfo; file: string };

function parameterLines(params: Record<string, unknown>): string {
  const names = Object.keys(params).sort();
  if (names.length === 0) return '';
  return names.map((n) => `- \`${n}\` = ${formatValue(params[n])}`).join('\n');
}

function qualityText(q: number | null): string {
  return q === null ? 'unknown' : `${q} / 100`;
}

function modelTooltip(model: ArtifactModelInfo): vscode.MarkdownString {
  const latest = model.versions[model.versions.length - 1];
  const lines = [`**${model.title ?? model.id}**`, '', `id \`${model.id}\` · ${model.versions.length} version(s)`];
  lines.push(model.template ? `template \`${model.template}\`${model.templateVersion ? ` v${model.templateVersion}` : ''}` : 'exported from a model file');
  if (latest) {
    lines.push(`quality ${qualityText(latest.quality)} (v${latest.version})`);
    const params = parameterLines(latest.parameters);
    if (params) lines.push('', 'parameters:', params);
  }
  return new vscode.MarkdownString(lines.join('\n\n').replace(/\n\n- /g, '\n- '));
}

function versionTooltip(model: ArtifactModelInfo, v: ArtifactVersionInfo): vscode.MarkdownString {
  const lines = [`**${model.id} v${v.version}**`, `created ${v.created ?? 'unknown'}`, `quality ${qualityText(v.quality)}`];
  if (model.template) lines.push(`template \`${model.template}\``);
  if (v.derivedFrom) lines.push(`derived from \`${v.derivedFrom.id}\` v${v.derivedFrom.version}`);
  const params = parameterLines(v.parameters);
  if (params) lines.push('parameters:\n' + params);
  return new vscode.MarkdownString(lines.join('\n\n'));
}

/** contextValue: `flowtime.model.template` / `flowtime.model.file`, same for versions; menus match on these. */
function origin(model: ArtifactModelInfo): string {
  return model.template ? 'template' : 'file';
}

export function treeItem(node: ArtifactNode): vscode.TreeItem {
  switch (node.type) {
    case 'folder': {
      const item = new vscode.TreeItem(node.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.description = path.relative(node.folder.uri.fsPath, node.root) || '.';
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.contextValue = 'flowtime.folder';
      item.resourceUri = vscode.Uri.file(node.root);
      return item;
    }
    case 'model': {
      const item = new vscode.TreeItem(node.model.id, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `model:${node.root}:${node.model.id}`;
      item.description = `v${node.model.latestVersion}${node.model.template ? ` · ${node.model.template}` : ''}`;
      item.tooltip = modelTooltip(node.model);
      item.iconPath = new vscode.ThemeIcon('type-hierarchy');
      item.contextValue = `flowtime.model.${origin(node.model)}`;
      return item;
    }
    case 'version': {
      const item = new vscode.TreeItem(`v${node.version.version}`, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `version:${node.version.path}`;
      const q = node.version.quality === null ? '' : `quality ${node.version.quality}`;
      item.description = [node.version.created?.replace('T', ' ').replace(/\.\d+Z$|Z$/, ''), q].filter(Boolean).join(' · ');
      item.tooltip = versionTooltip(node.model, node.version);
      item.iconPath = new vscode.ThemeIcon('versions');
      item.contextValue = `flowtime.version.${origin(node.model)}`;
      return item;
    }
    case 'file': {
      const uri = vscode.Uri.file(path.join(node.version.path, node.file));
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
      item.id = `file:${uri.fsPath}`;
      item.contextValue = 'flowtime.file';
      item.command = { command: 'flowtime.artifacts.open', title: 'Open', arguments: [node] };
      return item;
    }
  }
}

export function children(node: ArtifactNode): ArtifactNode[] {
  switch (node.type) {
    case 'model':
      return [...node.model.versions].reverse().map((version) => ({ type: 'version', root: node.root, model: node.model, version }));
    case 'version':
      return node.version.files.map((file) => ({ type: 'file', root: node.root, model: node.model, version: node.version, file }));
    default:
      return [];
  }
}

/** The model.yaml a model (latest version), version or file node stands for. */
export function modelYamlOf(node: ArtifactNode): vscode.Uri | undefined {
  if (node.type === 'folder') return undefined;
  if (node.type === 'file') return vscode.Uri.file(path.join(node.version.path, node.file));
  const version = node.type === 'version' ? node.version : node.model.versions[node.model.versions.length - 1];
  return version ? vscode.Uri.file(path.join(version.path, 'model.yaml')) : undefined;
}
