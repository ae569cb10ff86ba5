// FlowTime: New Model from Template — pick a template, enter parameters, name it; the server writes the artifact.
import * as vscode from 'vscode';
import { artifactsRoot, templateFolders } from '../config';
import { NEW_MODEL_REQUEST, TEMPLATES_REQUEST } from '../protocol';
import type { ArtifactOperationResult, NewModelParams, TemplateSummary, TemplatesResult } from '../protocol';
import type { ServerConnection } from '../server-client';
import { askName, askParameters } from './parameter-input';
import { report } from './results';
import type { OpenModel } from './open-model';

/** Arguments that skip the prompts (tests, other extensions, keybindings). */
export interface NewFromTemplateArgs {
  template: string;
  name: string;
  parameters?: Record<string, string>;
}

const TITLE = 'New Model from Template';

async function pickTemplate(templates: readonly TemplateSummary[]): Promise<TemplateSummary | undefined> {
  type Item = vscode.QuickPickItem & { template?: TemplateSummary };
  const items: Item[] = [];
  let lastGroup: boolean | undefined;
  for (const t of templates) {
    if (t.builtin !== lastGroup) {
      items.push({ label: t.builtin ? 'Built-in' : 'Workspace', kind: vscode.QuickPickItemKind.Separator });
      lastGroup = t.builtin;
    }
    items.push({ label: t.title, description: `${t.id} · v${t.version} · ${t.parameters.length} parameter(s)`, detail: t.description ?? undefined, template: t });
  }
  const pick = await vscode.window.showQuickPick(items, { title: `${TITLE}: template`, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  return pick?.template;
}

export async function newFromTemplate(server: ServerConnection, openModel: OpenModel, args?: NewFromTemplateArgs): Promise<ArtifactOperationResult | undefined> {
  const root = artifactsRoot();
  if (!root) {
    void vscode.window.showErrorMessage('FlowTime: open a folder first — artifacts are written into its artifacts folder.');
    return undefined;
  }
  const folders = templateFolders();
  let request: NewModelParams;
  if (args) {
    request = { artifactsRoot: root, template: args.template, folders, name: args.name, parameters: args.parameters ?? {} };
  } else {
    const { templates } = await server.request<TemplatesResult>(TEMPLATES_REQUEST, { folders });
    const template = await pickTemplate(templates);
    if (!template) return undefined;
    const target = { template: template.builtin ? template.id : template.path, folders };
    let parameters: Record<string, string> = {};
    if (template.parameters.length > 0) {
      const mode = await vscode.window.showQuickPick(['Enter parameters step by step', 'Use the defaults'], { title: `${TITLE}: ${template.title}`, ignoreFocusOut: true });
      if (!mode) return undefined;
      if (mode !== 'Use the defaults') {
        const asked = await askParameters(server, target, template.parameters, {}, template.title);
        if (!asked) return undefined;
        parameters = asked;
      }
    }
    const name = await askName(template.id, template.title);
    if (!name) return undefined;
    request = { artifactsRoot: root, ...target, name, parameters };
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `FlowTime: creating model '${request.name}'…` },
    () => server.request<ArtifactOperationResult>(NEW_MODEL_REQUEST, request),
  );
  await report('New Model from Template', result, openModel);
  return result;
}
