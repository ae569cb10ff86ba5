// The FlowTime language server's own protocol: custom request names, their params/results and the settings section.
import type { Range } from '../diagnostics';
import type { DocumentKind } from '../detect-kind';
import type { EdgeType, GraphLayer, NodeKind } from '../preview/graph';

/** Language ids the server treats as FlowTime documents without looking at the content. */
export const MODEL_LANGUAGE_ID = 'flowtime-model';
export const TEMPLATE_LANGUAGE_ID = 'flowtime-template';

/** `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'flowtime';

/** The `workspace/configuration` section the server asks for (per document). */
export const SETTINGS_SECTION = 'flowtime';

/** What `rust.*` engine-divergence diagnostics become: as registered, demoted to notes, or hidden. */
export type DivergenceLevel = 'warning' | 'info' | 'off';

export type TraceLevel = 'off' | 'messages' | 'verbose';

/** The `flowtime` settings section. Every field is optional on the wire; missing or invalid ones take the default. */
export interface FlowtimeSettings {
  divergenceWarnings: DivergenceLevel;
  /** Most diagnostics published per document (errors first, then warnings, then notes). */
  maxProblems: number;
  trace: { server: TraceLevel };
}

export const DEFAULT_SETTINGS: FlowtimeSettings = {
  divergenceWarnings: 'warning',
  maxProblems: 1000,
  trace: { server: 'off' },
};

/** Params of both custom requests: the document, which must be open in the server. */
export interface DocumentParams {
  uri: string;
}

/**
 * `flowtime/graph` (client → server): the document's dependency graph and its preview SVG, for the preview webview.
 * For a template, the graph is the one of the model instantiated with the parameters' defaults.
 */
export const GRAPH_REQUEST = 'flowtime/graph';

export interface GraphParams extends DocumentParams {
  /** Set to false to skip rendering the SVG (layout of a large model costs far more than the graph). Default true. */
  svg?: boolean;
}

export interface GraphNodeInfo {
  /** Unique key: `node:<id>` or `topology:<id>`; edges refer to nodes by key. */
  key: string;
  id: string;
  layer: GraphLayer;
  kind: NodeKind;
  /** The kind as written. */
  rawKind: string;
  hidden: boolean;
  /** Where the node's id is written in this document (for a template node: in the template); jump here on click. */
  range?: Range;
  /** Problems reported inside the node's entry. */
  errors: number;
  warnings: number;
}

export interface GraphEdgeInfo {
  from: string;
  to: string;
  type: EdgeType;
  lagged: boolean;
}

export interface GraphResult {
  kind: DocumentKind;
  /** The document version the graph was computed from. */
  version: number;
  nodes: GraphNodeInfo[];
  edges: GraphEdgeInfo[];
  /** Standalone SVG of the preview; '' when the document is not a FlowTime document or has no readable model. */
  svg: string;
}

/** `flowtime/documentInfo` (client → server): the document kind and its counts, for the status bar. */
export const DOCUMENT_INFO_REQUEST = 'flowtime/documentInfo';

export interface DocumentInfoResult {
  kind: DocumentKind;
  version: number;
  /** Counts of every diagnostic the current settings report (before the `maxProblems` cap). */
  errors: number;
  warnings: number;
  infos: number;
  /** Entries of `nodes` (for a template: of the instantiated model, when it could be built; else of the template). */
  nodeCount: number;
  /** Entries of `topology.nodes`, same rule. */
  topologyCount: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Sim operations (client → server). The server does the work with the core, so every editor gets the same artifacts
// as the CLI. Failures of the operation itself come back as `{ ok: false }` results (listing the problems), not as
// LSP errors; LSP errors mean a malformed request.
// ---------------------------------------------------------------------------------------------------------------

/** A parameter as the client shows it in its step-by-step input (same shape as `GET /sim/templates`). */
export interface TemplateParameterInfo {
  name: string;
  type: 'integer' | 'number' | 'boolean' | 'string' | 'array';
  title?: string;
  description?: string;
  default?: unknown;
  min?: number;
  max?: number;
  /** For arrays: `int` (integer elements) or `number`. */
  arrayOf?: string;
}

export interface TemplateSummary {
  id: string;
  title: string;
  version: string;
  description: string | null;
  tags: string[];
  builtin: boolean;
  /** Absolute path of the template file. */
  path: string;
  parameters: TemplateParameterInfo[];
}

/** `flowtime/templates`: the built-in templates, then those in `folders` (an id seen twice keeps the first). */
export const TEMPLATES_REQUEST = 'flowtime/templates';

export interface TemplatesParams {
  /** Absolute folder paths holding more templates (the `flowtime.templateFolders` setting, resolved). */
  folders?: string[];
}

export interface TemplatesResult {
  templates: TemplateSummary[];
}

/** `flowtime/checkParameter`: whether `text` (as typed) is a valid value of one parameter; for validating input boxes. */
export const CHECK_PARAMETER_REQUEST = 'flowtime/checkParameter';

export interface CheckParameterParams {
  /** Template id (built-in or from `folders`) or absolute path of a template file. */
  template: string;
  folders?: string[];
  name: string;
  /** The value as typed, in `--set` syntax (`12`, `0.5`, `true`, `[1,2,3]`, text). */
  text: string;
}

/** An unknown template is `ok: false` with its message; problems of other parameters do not count. */
export interface CheckParameterResult {
  ok: boolean;
  /** Why the value is refused (type, range, array element), when `ok` is false. */
  message?: string;
}

/** A problem that stopped an operation, located when it comes from a document. */
export interface OperationProblem {
  /** File URI the problem is in, when it has a location. */
  uri?: string;
  range?: Range;
  severity: 'error' | 'warning' | 'info';
  code?: string;
  message: string;
}

export interface ArtifactWritten {
  ok: true;
  modelId: string;
  version: number;
  /** Absolute path of the version folder (`…/models/{id}/v{n}`). */
  path: string;
  /** Absolute path of its model.yaml. */
  modelPath: string;
  /** False when an identical model was already stored: nothing was written. */
  created: boolean;
  /** Quality score 0–100 from validation.json. */
  quality: number;
  /** Warnings in validation.json. */
  warnings: number;
}

export interface OperationFailed {
  ok: false;
  /**
   * The Sim error code (`invalid-template`, `invalid-model`, `invalid-parameters`, `invalid-name`, `template-not-found`,
   * `model-not-found`, `io`, …; `invalid-request` for a document that is not FlowTime, `internal` for a fault of the server).
   */
  code: string;
  message: string;
  problems: OperationProblem[];
}

export type ArtifactOperationResult = ArtifactWritten | OperationFailed;

interface ArtifactTarget {
  /** Absolute path of the artifacts root (the folder that holds `models/`); created when missing. */
  artifactsRoot: string;
  /** Model name; the id is `{slug}_{hex}`. */
  name: string;
  title?: string;
  description?: string;
}

/** `flowtime/newModel`: a versioned artifact from a template and parameter values (typed texts, as `--set`). */
export const NEW_MODEL_REQUEST = 'flowtime/newModel';

export interface NewModelParams extends ArtifactTarget {
  template: string;
  folders?: string[];
  /** Parameter name → value as typed; parameters left out take their defaults. */
  parameters: Record<string, string>;
}

/** `flowtime/deriveModel`: a new artifact from an existing one's template and parameters, with changes on top. */
export const DERIVE_MODEL_REQUEST = 'flowtime/deriveModel';

export interface DeriveModelParams extends ArtifactTarget {
  /** Id of the artifact derived from (its latest version). */
  from: string;
  folders?: string[];
  parameters: Record<string, string>;
}

/**
 * `flowtime/exportDocument`: the open document as the server has it (unsaved edits included) becomes an artifact.
 * A model is exported as written; a template is instantiated with its defaults. Refused with its problems on errors.
 */
export const EXPORT_DOCUMENT_REQUEST = 'flowtime/exportDocument';

export interface ExportDocumentParams extends ArtifactTarget {
  uri: string;
}

/** `flowtime/artifacts`: the models stored under an artifacts root, for the artifacts view. */
export const ARTIFACTS_REQUEST = 'flowtime/artifacts';

export interface ArtifactsParams {
  artifactsRoot: string;
}

export interface ArtifactVersionInfo {
  version: number;
  /** Absolute path of the version folder. */
  path: string;
  files: string[];
  /** `metadata.created` of metadata.json (ISO-8601 UTC), null when unreadable. */
  created: string | null;
  /** Template parameters recorded in metadata.json (`spec.sim_config.parameters`; empty for exported model files). */
  parameters: Record<string, unknown>;
  /** Quality score 0–100 from validation.json, null when unreadable. */
  quality: number | null;
  /** From metadata.json `lineage.derived_from` (`{id}@v{n}`), for models made by `deriveModel`. */
  derivedFrom: { id: string; version: number } | null;
}

export interface ArtifactModelInfo {
  id: string;
  title: string | null;
  template: string | null;
  templateVersion: string | null;
  latestVersion: number;
  versions: ArtifactVersionInfo[];
}

export interface ArtifactsResult {
  models: ArtifactModelInfo[];
}

/**
 * `flowtime/validateFiles`: validates files from disk (an open document: its current text) and publishes their
 * diagnostics, so a workspace-wide Validate fills the Problems panel. Files that are not FlowTime are skipped.
 */
export const VALIDATE_FILES_REQUEST = 'flowtime/validateFiles';

export interface ValidateFilesParams {
  /** File URIs; a file that is not open must be a `file:` URI to be read. Unreadable files are skipped. */
  uris: string[];
}

export interface FileValidationSummary {
  uri: string;
  kind: DocumentKind;
  /** Counts of every diagnostic the file's settings report (before the `maxProblems` cap on what is published). */
  errors: number;
  warnings: number;
  infos: number;
}

export interface ValidateFilesResult {
  files: FileValidationSummary[];
}
