// The Sim operations shared by the CLI and the HTTP service: new (from a template), export (a model file), derive.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ArtifactStore, inputsDigest, isArtifactError, sha256Hex, slugName } from '../artifacts';
import type { ArtifactError } from '../artifacts';
import type { ValidationReport } from '../artifacts/validation-report';
import { validateTemplate } from '../template/validate-template';
import { validateText } from '../validate';
import { emitExportedModel, emitTemplateModel, GENERATOR, prepareArtifact } from './artifact-files';
import type { ArtifactDescription } from './artifact-files';
import { checkDescriptors } from './descriptors';
import { SimError } from './errors';
import type { SimErrorCode } from './errors';
import { resolveOverrides } from './overrides';
import { resolveTemplate, templateFromText } from './template-catalog';

export interface ArtifactOptions {
  /** Artifacts root (the folder that holds `models/`). */
  root: string;
  name: string;
  version?: number;
  title?: string;
  description?: string;
  author?: string;
  tags?: readonly string[];
}

export interface NewFromTemplateRequest extends ArtifactOptions {
  /** A template id (built-in or from `templateDirs`) or a path to a template file. */
  template: string;
  /** The template's text, used instead of reading `template` (then a path that only names it); e.g. an unsaved editor buffer. */
  templateText?: string;
  templateDirs?: readonly string[];
  /** JSON object of parameter values (`--params` file or an HTTP body). */
  parameters?: unknown;
  /** `name=value` strings (`--set`), applied after `parameters`. */
  sets?: readonly string[];
  derivedFrom?: { id: string; version: number };
}

export interface ArtifactResult {
  model_id: string;
  version: number;
  path: string;
  created: boolean;
  validation: ValidationReport;
}

interface TemplateModel {
  modelYaml: string;
  templateId: string;
  templateVersion: string;
  title: string;
  resolved: Record<string, unknown>;
  digest: string;
}

/** Template + parameters → checked model.yaml text (with provenance for `modelId`), or a SimError; writes nothing. */
function modelFromTemplate(req: NewFromTemplateRequest, modelId: (digest: string) => string): TemplateModel {
  const { info, text } = req.templateText !== undefined ? templateFromText(req.template, req.templateText) : resolveTemplate(req.template, req.templateDirs);
  const { overrides, resolved } = resolveOverrides(info.parameters, req.parameters, req.sets ?? []);
  const checked = validateTemplate(text, { values: overrides });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || !checked.model) {
    throw new SimError('invalid-template', `template '${info.id}' has ${errors.length} error(s) with these parameters; nothing was written`, checked.diagnostics, info.path);
  }
  const digest = inputsDigest({ templateId: info.id, parameters: resolved });
  const id = modelId(digest);
  const modelYaml = emitTemplateModel(checked.model, {
    generator: GENERATOR,
    templateId: info.id,
    templateVersion: info.version,
    mode: info.mode,
    modelId: id,
    parameters: resolved,
  });
  return { modelYaml, templateId: info.id, templateVersion: info.version, title: info.title, resolved, digest };
}

/** `flowtime sim new --out some/file.yaml`: only the model YAML, no artifact (the seed's legacy form). */
export function writeModelFile(req: Omit<NewFromTemplateRequest, 'root'>, outFile: string): { path: string; model_id: string; validation: ValidationReport } {
  const slug = checkedSlug(req.name);
  let id = '';
  const made = modelFromTemplate({ ...req, root: '' }, (digest) => (id = `${slug}_${digest.slice(0, 4)}`));
  const prepared = prepareArtifact(made.modelYaml, { id, source: { template: { id: made.templateId, version: made.templateVersion }, parameters: made.resolved }, inputsDigest: made.digest });
  writeFileSync(outFile, made.modelYaml);
  return { path: outFile, model_id: id, validation: prepared.report };
}

/** `flowtime sim new` / `derive` / `POST /sim/models/export`: a versioned artifact from a template. */
export function newFromTemplate(req: NewFromTemplateRequest): ArtifactResult {
  const store = new ArtifactStore(req.root);
  checkedSlug(req.name);
  checkDescriptors(req);
  let id = '';
  const made = guard(() => modelFromTemplate(req, (digest) => (id = store.resolveId(req.name, digest))));
  const desc: ArtifactDescription = {
    id,
    title: req.title ?? `${made.title} (${req.name})`,
    description: req.description,
    author: req.author,
    tags: req.tags,
    source: { template: { id: made.templateId, version: made.templateVersion }, parameters: made.resolved },
    inputsDigest: made.digest,
    derivedFrom: req.derivedFrom,
  };
  return save(store, id, made.modelYaml, desc, req.version);
}

export interface ExportModelRequest extends ArtifactOptions {
  /** The model YAML text and the file it came from (only its base name is recorded). */
  text: string;
  fileName: string;
}

/** `flowtime sim export --model file.yaml`: a hand-written model becomes an artifact, refused when it has errors. */
export function exportModel(req: ExportModelRequest): ArtifactResult {
  const store = new ArtifactStore(req.root);
  checkedSlug(req.name);
  checkDescriptors(req);
  const text = req.text.replace(/^\uFEFF/, '');
  const checked = validateText(text, { kind: 'model' });
  if (!checked.valid) {
    const errors = checked.diagnostics.filter((d) => d.severity === 'error').length;
    throw new SimError('invalid-model', `${req.fileName} has ${errors} error(s); it was not exported`, checked.diagnostics);
  }
  const digest = inputsDigest({ modelSha256: sha256Hex(text) });
  const id = guard(() => store.resolveId(req.name, digest));
  const modelYaml = guard(() => emitExportedModel(text, { generator: GENERATOR, mode: 'simulation', modelId: id }));
  const desc: ArtifactDescription = {
    id,
    title: req.title ?? req.name,
    description: req.description,
    author: req.author,
    tags: req.tags,
    source: { modelFile: basename(req.fileName) },
    inputsDigest: digest,
  };
  return save(store, id, modelYaml, desc, req.version);
}

export interface DeriveRequest extends Omit<NewFromTemplateRequest, 'template' | 'parameters'> {
  from: string;
  /** Overrides the recorded template (an id or a path), e.g. when the original came from a file elsewhere. */
  template?: string;
}

/** `flowtime sim derive --from id`: the source artifact's template and parameters, with `--set` changes on top. */
export function deriveModel(req: DeriveRequest): ArtifactResult {
  const store = new ArtifactStore(req.root);
  const source = readSource(store, req.from);
  const template = req.template ?? source.template;
  if (!template) {
    throw new SimError('invalid-request', `model '${req.from}' was exported from a model file, not made from a template; derive needs a template (give --template)`);
  }
  return newFromTemplate({ ...req, template, parameters: source.parameters, derivedFrom: { id: req.from, version: source.version } });
}

interface SourceFacts {
  template?: string;
  parameters: Record<string, unknown>;
  version: number;
}

function readSource(store: ArtifactStore, id: string): SourceFacts {
  const details = guard(() => store.get(id));
  const meta = details.metadata as { spec?: { sim_config?: { template?: unknown; parameters?: unknown } } } | undefined;
  const cfg = meta?.spec?.sim_config;
  const params = cfg?.parameters;
  return {
    template: typeof cfg?.template === 'string' ? cfg.template : undefined,
    parameters: typeof params === 'object' && params !== null && !Array.isArray(params) ? (params as Record<string, unknown>) : {},
    version: details.latestVersion,
  };
}

function save(store: ArtifactStore, id: string, modelYaml: string, desc: ArtifactDescription, version?: number): ArtifactResult {
  const prepared = prepareArtifact(modelYaml, desc);
  const saved = guard(() => store.save(id, (v) => prepared.files(v), version === undefined ? {} : { version }));
  return { model_id: id, version: saved.version, path: saved.path, created: saved.created, validation: prepared.report };
}

function checkedSlug(name: string): string {
  return guard(() => slugName(name));
}

const ARTIFACT_TO_SIM: Record<ArtifactError['code'], SimErrorCode> = {
  'invalid-name': 'invalid-name',
  'not-found': 'model-not-found',
  'version-conflict': 'version-conflict',
  io: 'io',
};

/** Store errors become SimErrors so every surface maps them the same way. */
export function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isArtifactError(e)) throw new SimError(ARTIFACT_TO_SIM[e.code], e.message, e.details);
    throw e;
  }
}
