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
