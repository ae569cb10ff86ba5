// The preview's visual language: one shape and colour pair per node kind and layer, one stroke style per edge type.
import type { EdgeType, GraphLayer, NodeKind } from './graph';

export type ShapeName =
  | 'rect'
  | 'dice'
  | 'pill'
  | 'cylinder'
  | 'diamond'
  | 'hexagon'
  | 'funnel'
  | 'parallelogram';

export interface NodeVisual {
  /** CSS class, also the legend order key. */
  cls: string;
  /** Legend text. */
  label: string;
  shape: ShapeName;
  fill: string;
  stroke: string;
  /** Dashed outline (series nodes of an unrecognised kind). */
  dashed: boolean;
}

export interface EdgeVisual {
  cls: string;
  label: string;
  color: string;
  width: number;
  /** SVG stroke-dasharray, or '' for a solid line. */
  dash: string;
}

// Colour = role (slate source data, purple distribution, green formula, blue service, orange queue, red dead letters,
// teal routing); shape = what the node is (cylinder holds a buffer). Topology nodes add a double outline.
const SERIES: Partial<Record<NodeKind, NodeVisual>> = {
  const: { cls: 'k-const', label: 'const', shape: 'rect', fill: '#eef2f7', stroke: '#52667a', dashed: false },
  pmf: { cls: 'k-pmf', label: 'pmf', shape: 'dice', fill: '#f2e9fb', stroke: '#7b4fa6', dashed: false },
  expr: { cls: 'k-expr', label: 'expr', shape: 'pill', fill: '#e5f5e9', stroke: '#2f7d46', dashed: false },
  serviceWithBuffer: {
    cls: 'k-swb', label: 'serviceWithBuffer', shape: 'cylinder', fill: '#e2ecfb', stroke: '#2d5ea8', dashed: false,
  },
  router: { cls: 'k-router', label: 'router', shape: 'diamond', fill: '#dff4f1', stroke: '#1b7f74', dashed: false },
  unknown: { cls: 'k-unknown', label: 'unknown kind', shape: 'rect', fill: '#f6f6f6', stroke: '#8a8a8a', dashed: true },
};

const TOPOLOGY: Partial<Record<NodeKind, NodeVisual>> = {
  service: { cls: 't-service', label: 'topology service', shape: 'hexagon', fill: '#e2ecfb', stroke: '#2d5ea8', dashed: false },
  serviceWithBuffer: {
    cls: 't-swb', label: 'topology serviceWithBuffer', shape: 'cylinder', fill: '#e2ecfb', stroke: '#2d5ea8', dashed: false,
  },
  queue: { cls: 't-queue', label: 'topology queue', shape: 'cylinder', fill: '#fdebd3', stroke: '#b85c00', dashed: false },
  dlq: { cls: 't-dlq', label: 'topology dlq', shape: 'cylinder', fill: '#fbe0e0', stroke: '#b3261e', dashed: false },
  router: { cls: 't-router', label: 'topology router', shape: 'diamond', fill: '#dff4f1', stroke: '#1b7f74', dashed: false },
  sink: { cls: 't-sink', label: 'topology sink', shape: 'funnel', fill: '#e9ecef', stroke: '#3d4650', dashed: false },
  dependency: {
    cls: 't-dependency', label: 'topology dependency', shape: 'parallelogram', fill: '#f4eedf', stroke: '#7a6331', dashed: false,
  },
};

/** Legend order: series kinds first, then topology kinds, in the order a reader meets them in a flow. */
export const NODE_VISUAL_ORDER: readonly string[] = [
  'k-const', 'k-pmf', 'k-expr', 'k-swb', 'k-router', 'k-unknown',
  't-service', 't-swb', 't-queue', 't-dlq', 't-router', 't-dependency', 't-sink',
];

export function nodeVisual(layer: GraphLayer, kind: NodeKind): NodeVisual {
  const table = layer === 'topology' ? TOPOLOGY : SERIES;
  return table[kind] ?? (layer === 'topology' ? TOPOLOGY.service! : SERIES.unknown!);
}

/** Visual for an edge; a lagged expression edge has its own style. */
export type EdgeStyleKey = EdgeType | 'lagged';

export const EDGE_VISUALS: Record<EdgeStyleKey, EdgeVisual> = {
  expr: { cls: 'e-expr', label: 'expression input', color: '#5f6b7a', width: 1.2, dash: '' },
  lagged: { cls: 'e-lagged', label: 'lagged input (SHIFT)', color: '#5f6b7a', width: 1.2, dash: '6 4' },
  semantics: { cls: 'e-semantics', label: 'semantics series', color: '#8b6bb8', width: 1.4, dash: '1.5 3' },
  flow: { cls: 'e-flow', label: 'topology flow', color: '#1f3f73', width: 2.6, dash: '' },
  buffer: { cls: 'e-buffer', label: 'buffer input', color: '#2d5ea8', width: 1.4, dash: '' },
  router: { cls: 'e-router', label: 'router route', color: '#1b7f74', width: 1.6, dash: '' },
};

export const EDGE_VISUAL_ORDER: readonly EdgeStyleKey[] = ['expr', 'lagged', 'semantics', 'buffer', 'router', 'flow'];

export function edgeStyleKey(type: EdgeType, lagged: boolean): EdgeStyleKey {
  return type === 'expr' && lagged ? 'lagged' : type;
}
