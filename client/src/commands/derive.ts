// FlowTime: Derive Model — an existing artifact's template and parameters, some changed, under a new name.
import * as vscode from 'vscode';
import { artifactsRoot, templateFolders } from '../config';
import { DERIVE_MODEL_REQUEST, TEMPLATES_REQUEST } from '../protocol';
import type { ArtifactOperationResult, DeriveModelParams, TemplatesResult } from '../protocol';
import type { ServerConnection } from '../server-client';
import { pickStoredModel } from './artifact-pick';
import type { StoredModel } from './artifact-pick';
import type { OpenModel } from './open-model';
import { askName, askParameters, formatValue } from './parameter-input';
import { report } from './results';

export interface DeriveArgs {
  from: string;
  name: string;
  parameters?: Record<string, string>;
  /** Artifacts root holding `from`; defaults to the first workspace folder's. */
  artifactsRoot?: string;
}

const TITLE = 'Derive Model';

/** The id's slug part: `checkout-demo_a1b2` → `checkout-demo`. */
function slugOf(id: string): string {
  return id.replace(/_[0-9a-f]+$/, '');
}

async function askDerivation(server: ServerConnection, source: StoredModel): Promise<DeriveModelParams | undefined> {
  const folders = templateFolders();
  const latest = source.model.versions[source.model.versions.length - 1];
  const current = latest?.parameters ?? {};
  const { templates } = await server.request<TemplatesResult>(TEMPLATES_REQUEST, { folders });
  const template = templates.find((t) => t.id === source.model.template);
  let parameters: Record<string, string> = {};
  if (template && template.parameters.length > 0) {
    const items = template.parameters.map((p) => ({ label: p.title ?? p.name, description: `${p.name} = ${formatValue(current[p.name] ?? p.default)}`, detail: p.description, param: p }));
    const chosen = await vscode.window.showQuickPick(items, { title: `${TITLE}: parameters to change (from ${source.model.id})`, canPickMany: true, ignoreFocusOut: true });
    if (!chosen) return undefined;
    const asked = await askParameters(server, { template: template.builtin ? template.id : template.path, folders }, chosen.map((c) => c.param), current, `${TITLE} from ${source.model.id}`);
    if (!asked) return undefined;
    parameters = asked;
  } else if (!template) {
    void vscode.window.showWarningMessage(`FlowTime: template '${source.model.template}' is not among the known templates (built-in or flowtime.templateFolders); deriving with its recorded parameters unchanged.`);
  }
  const name = await askName(`${slugOf(source.model.id)}-derived`, TITLE);
  if (!name) return undefined;
  return { artifactsRoot: source.root, from: source.model.id, folders, name, parameters };
}

export async function deriveModel(server: ServerConnection, openModel: OpenModel, args?: DeriveArgs | StoredModel): Promise<ArtifactOperationResult | undefined> {
  let request: DeriveModelParams | undefined;
  if (args && 'from' in args) {
    const root = args.artifactsRoot ?? artifactsRoot();
    if (!root) {
      void vscode.window.showErrorMessage('FlowTime: open a folder first — artifacts live in its artifacts folder.');
      return undefined;
    }
    request = { artifactsRoot: root, from: args.from, folders: templateFolders(), name: args.name, parameters: args.parameters ?? {} };
  } else {
    const source = args ?? (await pickStoredModel(server, `${TITLE}: model to derive from`, (m) => m.template !== null));
    if (!source) return undefined;
    request = await askDerivation(server, source);
  }
  if (!request) return undefined;
  const req = request;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `FlowTime: deriving '${req.name}' from ${req.from}…` },
    () => server.request<ArtifactOperationResult>(DERIVE_MODEL_REQUEST, req),
  );
  await report(TITLE, result, openModel);
  return result;
}
