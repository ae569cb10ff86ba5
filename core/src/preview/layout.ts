// Lays the preview graph out left to right with dagre (layered/Sugiyama) and clips edges to the node shapes.
import dagre from '@dagrejs/dagre';
import type { EdgeLabel, GraphLabel, NodeLabel } from '@dagrejs/dagre';
import { compare } from './graph';
import type { GraphEdge, GraphNode, ModelGraph } from './graph';
import { clipToShape, labelCenterX, shapeSize } from './shapes';
import type { Point } from './shapes';
import { textWidth, truncateLabel } from './text';
import { nodeVisual } from './visual';
import type { NodeVisual } from './visual';

/** Vertical room above a node for its self-loop (a node that SHIFTs itself); part of the node's layout box. */
export const LOOP_ROOM = 20;
/** Blank border around the laid-out graph. */
const MARGIN = 16;

// Spacing chosen so that 150+ node models stay legible: nodes in a rank never touch, ranks leave room for the edge
// fans between them, and a bigger graph makes a bigger canvas instead of smaller text.
const LAYOUT_OPTIONS = { rankdir: 'LR', nodesep: 18, ranksep: 64, edgesep: 10, marginx: 0, marginy: 0 } as const;

export interface PlacedNode {
  node: GraphNode;
  visual: NodeVisual;
  /** Text drawn in the node (possibly shortened); the full id goes in the tooltip. */
  label: string;
  /** Layout box (top-left corner and size), including the self-loop room; boxes never overlap. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Top of the drawn shape inside the box (LOOP_ROOM when the node has a self-loop, else 0). */
  shapeTop: number;
  shapeHeight: number;
  labelX: number;
  selfLoop: boolean;
}

export interface PlacedEdge {
  edge: GraphEdge;
  /** Polyline for ordinary edges; for a self-loop, the four points of one cubic Bézier. */
  points: Point[];
  selfLoop: boolean;
}

export interface PreviewLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

interface Sized {
  /** dagre's name for the node: ids may be anything (`__proto__`, control characters), dagre keys must be tame. */
  dagreKey: string;
  node: GraphNode;
  visual: NodeVisual;
  label: string;
  width: number;
  shapeHeight: number;
  selfLoop: boolean;
}

/** Layouts kept for re-use: the documents a user edits side by side, each with its current structure. */
const LAYOUT_CACHE_SIZE = 4;
const layoutCache = new Map<string, PreviewLayout>();

/** Everything the layout depends on: node keys, labels and shapes, and the edges dagre sees. */
function structureKey(graph: ModelGraph): string {
  const nodes = graph.nodes.map((n) => `${n.key}\u0001${n.layer}\u0001${n.kind}`).sort();
  const edges = graph.edges.map((e) => `${e.from}\u0001${e.to}\u0001${e.type}`).sort();
  return `${nodes.join('\u0002')}\u0003${edges.join('\u0002')}`;
}

/**
 * The layout of `graph`. A live preview re-renders on every edit, yet most edits change values, not the graph's
 * shape; dagre costs seconds on a few hundred nodes, so a layout is re-used while the structure is the same. The
 * cached positions are re-bound to the new graph's nodes and edges (tooltips, fading and lag marks may differ).
 */
export function layoutModelGraph(graph: ModelGraph): PreviewLayout {
  const key = structureKey(graph);
  const cached = layoutCache.get(key);
  if (cached) {
    layoutCache.delete(key);
    layoutCache.set(key, cached);
    return rebind(cached, graph);
  }
  const layout = computeLayout(graph);
  layoutCache.set(key, layout);
  if (layoutCache.size > LAYOUT_CACHE_SIZE) layoutCache.delete(layoutCache.keys().next().value as string);
  return rebind(layout, graph);
}

/** A copy of `layout` whose nodes and edges are `graph`'s objects (same keys, same endpoints and types). */
function rebind(layout: PreviewLayout, graph: ModelGraph): PreviewLayout {
  const nodes = new Map(graph.nodes.map((n) => [n.key, n]));
  const edges = new Map(graph.edges.map((e) => [`${e.from}\u0001${e.to}\u0001${e.type}`, e]));
  return {
    width: layout.width,
    height: layout.height,
    nodes: layout.nodes.map((p) => ({ ...p, node: nodes.get(p.node.key) ?? p.node })),
    edges: layout.edges.map((p) => ({ ...p, edge: edges.get(`${p.edge.from}\u0001${p.edge.to}\u0001${p.edge.type}`) ?? p.edge })),
  };
}

function computeLayout(graph: ModelGraph): PreviewLayout {
  // Sorting here keeps the layout a function of the ids alone, whatever order the caller built the graph in.
  const nodes = [...graph.nodes].sort((a, b) => compare(a.key, b.key));
  const edges = [...graph.edges].sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to) || compare(a.type, b.type));
  const selfLooped = new Set(edges.filter((e) => e.from === e.to).map((e) => e.from));

  const sized = new Map<string, Sized>();
  for (const node of nodes) {
    const visual = nodeVisual(node.layer, node.kind);
    const label = truncateLabel(node.id);
    const size = shapeSize(visual.shape, textWidth(label));
    sized.set(node.key, {
      dagreKey: `n${sized.size}`,
      node,
      visual,
      label,
      width: size.width,
      shapeHeight: size.height,
      selfLoop: selfLooped.has(node.key),
    });
  }

  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ ...LAYOUT_OPTIONS });
  g.setDefaultEdgeLabel(() => ({}) as EdgeLabel);
  for (const s of sized.values()) {
    g.setNode(s.dagreKey, { width: s.width, height: s.shapeHeight + (s.selfLoop ? LOOP_ROOM : 0) });
  }
  // Self-loops are drawn by hand above the node (dagre routes them below, through the next node's space).
  for (const e of edges) {
    const from = sized.get(e.from);
    const to = sized.get(e.to);
    if (from && to && from !== to) {
      g.setEdge(from.dagreKey, to.dagreKey, { weight: e.type === 'flow' ? 2 : 1, minlen: 1 }, e.type);
    }
  }
  dagre.layout(g);

  const placed = new Map<string, PlacedNode>();
  for (const s of sized.values()) {
    const n = g.node(s.dagreKey);
    const height = s.shapeHeight + (s.selfLoop ? LOOP_ROOM : 0);
    const shapeTop = s.selfLoop ? LOOP_ROOM : 0;
    placed.set(s.node.key, {
      node: s.node,
      visual: s.visual,
      label: s.label,
      x: (n.x ?? 0) - s.width / 2,
      y: (n.y ?? 0) - height / 2,
      width: s.width,
      height,
      shapeTop,
      shapeHeight: s.shapeHeight,
      labelX: labelCenterX(s.visual.shape, s.width, s.shapeHeight),
      selfLoop: s.selfLoop,
    });
  }

  const placedEdges: PlacedEdge[] = [];
  for (const e of edges) {
    const from = placed.get(e.from);
    const to = placed.get(e.to);
    if (!from || !to) continue;
    if (e.from === e.to) {
      placedEdges.push({ edge: e, points: selfLoopPoints(from), selfLoop: true });
      continue;
    }
    const label = g.edge({ v: sized.get(e.from)!.dagreKey, w: sized.get(e.to)!.dagreKey, name: e.type });
    const route = (label?.points ?? []).map((p: Point) => ({ x: p.x, y: p.y }));
    placedEdges.push({ edge: e, points: clipEnds(route, from, to), selfLoop: false });
  }

  return normalise([...placed.values()], placedEdges);
}

/** Moves the ends of dagre's route (which stop at the bounding box) onto the real outline of each shape. */
function clipEnds(route: Point[], from: PlacedNode, to: PlacedNode): Point[] {
  const points = route.length >= 2 ? route : [centre(from), centre(to)];
  const inner = points.slice(1, -1);
  const firstToward = inner[0] ?? centre(to);
  const lastFrom = inner[inner.length - 1] ?? centre(from);
  const start = clipToShape(from.visual.shape, shapeOrigin(from), from.width, from.shapeHeight, firstToward);
  const end = clipToShape(to.visual.shape, shapeOrigin(to), to.width, to.shapeHeight, lastFrom);
  return [start, ...inner, end];
}

function selfLoopPoints(n: PlacedNode): Point[] {
  const top = n.y + n.shapeTop;
  const cx = n.x + n.width / 2;
  // Control points 1.25 × LOOP_ROOM up put the curve's apex at 0.94 × LOOP_ROOM: inside the node's own box.
  const lift = LOOP_ROOM * 1.25;
  return [
    { x: cx + 10, y: top },
    { x: cx + 32, y: top - lift },
    { x: cx - 32, y: top - lift },
    { x: cx - 10, y: top },
  ];
}

function shapeOrigin(n: PlacedNode): Point {
  return { x: n.x, y: n.y + n.shapeTop };
}

function centre(n: PlacedNode): Point {
  return { x: n.x + n.width / 2, y: n.y + n.shapeTop + n.shapeHeight / 2 };
}

/** Shifts everything so the drawing starts at MARGIN (dagre routes back edges outside its own bounds). */
function normalise(nodes: PlacedNode[], edges: PlacedEdge[]): PreviewLayout {
  if (nodes.length === 0) return { width: 0, height: 0, nodes, edges };
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const extend = (x: number, y: number): void => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const n of nodes) {
    extend(n.x, n.y);
    extend(n.x + n.width, n.y + n.height);
  }
  for (const e of edges) for (const p of e.points) extend(p.x, p.y);
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  for (const n of nodes) {
    n.x += dx;
    n.y += dy;
  }
  for (const e of edges) e.points = e.points.map((p) => ({ x: p.x + dx, y: p.y + dy }));
  return { width: maxX - minX + 2 * MARGIN, height: maxY - minY + 2 * MARGIN, nodes, edges };
}
