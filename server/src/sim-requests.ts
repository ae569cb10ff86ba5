// The Sim operations as custom requests (templates, checkParameter, newModel, deriveModel, exportDocument), via the core.
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CHECK_PARAMETER_REQUEST,
  DERIVE_MODEL_REQUEST,
  EXPORT_DOCUMENT_REQUEST,
  NEW_MODEL_REQUEST,
  TEMPLATES_REQUEST,
} from '../../core/src/language/protocol';
import type {
  ArtifactOperationResult,
  CheckParameterResult,
  TemplateParameterInfo,
  TemplatesResult,
  TemplateSummary,
} from '../../core/src/language/protocol';
import { SimError } from '../../core/src/sim/errors';
import { deriveModel, exportModel, guard, newFromTemplate } from '../../core/src/sim/operations';
import type { ArtifactOptions, ArtifactResult } from '../../core/src/sim/operations';
import { resolveOverrides } from '../../core/src/sim/overrides';
import type { ParameterProblem } from '../../core/src/sim/overrides';
import { loadTemplateCatalog, parameterJson, resolveTemplate } from '../../core/src/sim/template-catalog';
import type { TemplateInfo } from '../../core/src/sim/template-catalog';
import type { ServerContext } from './context';
import { describe } from './diagnostics-publisher';
import { artifactWritten, internalFailure, operationFailed } from './operation-result';
import { absolutePath, invalidParams, optionalFolders, optionalString, parameterSets, paramsObject, requiredString } from './request-params';

export function registerSimRequests(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onRequest(TEMPLATES_REQUEST, (raw: unknown): TemplatesResult => {
    const p = paramsObject(raw ?? {}, TEMPLATES_REQUEST);
    return { templates: loadTemplateCatalog(optionalFolders(p)).map(templateSummary) };
  });
  connection.onRequest(CHECK_PARAMETER_REQUEST, (raw: unknown) => checkParameter(paramsObject(raw, CHECK_PARAMETER_REQUEST)));
  connection.onRequest(NEW_MODEL_REQUEST, (raw: unknown) => {
    const p = paramsObject(raw, NEW_MODEL_REQUEST);
    const req = { ...target(p), template: requiredString(p, 'template'), templateDirs: optionalFolders(p), sets: parameterSets(p) };
    return run(ctx, NEW_MODEL_REQUEST, () => newFromTemplate(req), templateFile);
  });
  connection.onRequest(DERIVE_MODEL_REQUEST, (raw: unknown) => {
    const p = paramsObject(raw, DERIVE_MODEL_REQUEST);
    const req = { ...target(p), from: requiredString(p, 'from'), templateDirs: optionalFolders(p), sets: parameterSets(p) };
    return run(ctx, DERIVE_MODEL_REQUEST, () => deriveModel(req), templateFile);
  });
  connection.onRequest(EXPORT_DOCUMENT_REQUEST, (raw: unknown) => exportDocument(ctx, paramsObject(raw, EXPORT_DOCUMENT_REQUEST)));
}

function templateSummary(t: TemplateInfo): TemplateSummary {
  return {
    id: t.id,
    title: t.title,
    version: t.version,
    description: t.description ?? null,
    tags: t.tags,
    builtin: t.builtin,
    path: t.path,
    parameters: t.parameters.map((d) => parameterJson(d) as unknown as TemplateParameterInfo),
  };
}

/** `name=text` against that one parameter, through the same `--set` parsing and range checks as the CLI. */
function checkParameter(p: Record<string, unknown>): CheckParameterResult {
  const template = requiredString(p, 'template');
  const name = requiredString(p, 'name');
  const text = p.text;
  if (typeof text !== 'string') throw invalidParams("'text' must be a string");
  const folders = optionalFolders(p);
  try {
    const { info } = resolveTemplate(template, folders);
    resolveOverrides(info.parameters, undefined, [`${name}=${text}`]);
    return { ok: true };
  } catch (e) {
    if (!(e instanceof SimError)) throw e;
    if (e.code !== 'invalid-parameters' || !Array.isArray(e.details)) return { ok: false, message: e.message };
    // Problems of other parameters (a template default out of its own range) are not about the value typed here.
    const mine = (e.details as ParameterProblem[]).filter((x) => x.parameter === name.trim());
    return mine.length === 0 ? { ok: true } : { ok: false, message: mine.map((x) => x.message).join('\n') };
  }
}

function target(p: Record<string, unknown>): ArtifactOptions {
  return { root: absolutePath(p, 'artifactsRoot'), name: requiredString(p, 'name'), title: optionalString(p, 'title'), description: optionalString(p, 'description') };
}

/** Template diagnostics of new/derive are located in the template file the core read. */
function templateFile(e: SimError): string | undefined {
  return e.code === 'invalid-template' && e.file !== undefined ? pathToFileURL(e.file).href : undefined;
}

function run(ctx: ServerContext, method: string, op: () => ArtifactResult, locate: (e: SimError) => string | undefined): ArtifactOperationResult {
  try {
    return artifactWritten(guard(op));
  } catch (e) {
    if (e instanceof SimError) return operationFailed(e, locate);
    ctx.connection.console.error(`flowtime: ${method} failed: ${describe(e)}`);
    return internalFailure(e);
  }
}

/**
 * The open document's current text (unsaved edits included): a model is exported as written, a template is
 * instantiated with its defaults. Its problems are located in the document itself.
 */
function exportDocument(ctx: ServerContext, p: Record<string, unknown>): ArtifactOperationResult {
  const uri = requiredString(p, 'uri');
  const options = target(p);
  const doc = ctx.documents.get(uri);
  if (!doc) throw invalidParams(`${uri} is not open in the server`);
  let kind: string;
  try {
    kind = ctx.analyses.validation(doc).kind;
  } catch (e) {
    ctx.connection.console.error(`flowtime: ${EXPORT_DOCUMENT_REQUEST} failed on ${uri}: ${describe(e)}`);
    return internalFailure(e);
  }
  const text = doc.getText();
  if (kind === 'model') {
    // Problems of the model's own check are in the document; others (model.yaml with provenance) read the same.
    const locate = (e: SimError) => (e.code === 'invalid-model' ? uri : undefined);
    return run(ctx, EXPORT_DOCUMENT_REQUEST, () => exportModel({ ...options, text, fileName: documentFileName(uri, 'model.yaml') }), locate);
  }
  if (kind === 'template') {
    // invalid-model here would be about the generated model.yaml, which has no place in the document.
    const locate = (e: SimError) => (e.code === 'invalid-template' ? uri : undefined);
    return run(ctx, EXPORT_DOCUMENT_REQUEST, () => newFromTemplate({ ...options, template: documentPath(uri), templateText: text }), locate);
  }
  return { ok: false, code: 'invalid-request', message: `${documentFileName(uri, uri)} is not a FlowTime model or template; nothing was exported`, problems: [] };
}

/** The document's file path (file: URIs), else its URI path: only names the template (id fallback), never read. */
function documentPath(uri: string): string {
  try {
    if (uri.startsWith('file:')) return fileURLToPath(uri);
  } catch {
    // A malformed file URI names the template like any other URI.
  }
  return documentFileName(uri, 'template.yaml');
}

function documentFileName(uri: string, fallback: string): string {
  let path: string;
  try {
    path = decodeURIComponent(new URL(uri).pathname);
  } catch {
    path = uri;
  }
  return basename(path) || fallback;
}
