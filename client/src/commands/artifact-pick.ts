// Lists the stored models of every workspace folder (through the server) and lets the user pick one.
import * as vscode from 'vscode';
import { allArtifactsRoots } from '../config';
import { ARTIFACTS_REQUEST } from '../protocol';
import type { ArtifactModelInfo, ArtifactsResult } from '../protocol';
import type { ServerConnection } from '../server-client';

export interface StoredModel {
  root: string;
  model: ArtifactModelInfo;
}

export async function storedModels(server: ServerConnection): Promise<StoredModel[]> {
  const out: StoredModel[] = [];
  for (const { root } of allArtifactsRoots()) {
    const { models } = await server.request<ArtifactsResult>(ARTIFACTS_REQUEST, { artifactsRoot: root });
    for (const model of models) out.push({ root, model });
  }
  return out;
}

export async function pickStoredModel(server: ServerConnection, title: string, filter: (m: ArtifactModelInfo) => boolean): Promise<StoredModel | undefined> {
  const all = (await storedModels(server)).filter((s) => filter(s.model));
  if (all.length === 0) {
    void vscode.window.showInformationMessage('FlowTime: no model made from a template is stored in the artifacts folder yet. Use "New Model from Template" first.');
    return undefined;
  }
  const items = all.map((s) => ({
    label: s.model.id,
    description: `v${s.model.latestVersion}${s.model.template ? ` · ${s.model.template}` : ''}`,
    detail: s.model.title ?? undefined,
    stored: s,
  }));
  const pick = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return pick?.stored;
}
