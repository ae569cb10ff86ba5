// Renders a model as a standalone, deterministic, accessible SVG DAG preview (preview.svg).
import { buildModelGraph } from './graph';
import type { GraphLayer } from './graph';
import { layoutModelGraph } from './layout';
import type { PlacedEdge, PlacedNode, PreviewLayout } from './layout';
import { shapeDecoration, shapePath } from './shapes';
import type { Point } from './shapes';
import { escapeXml, num, stripUnsafe, textWidth } from './text';
import { EDGE_VISUALS, EDGE_VISUAL_ORDER, NODE_VISUAL_ORDER, edgeStyleKey } from './visual';
import type { EdgeStyleKey, NodeVisual } from './visual';

export interface PreviewOptions {
  /** Heading and accessible name; defaults to "FlowTime model". */
  title?: string;
}

const PAGE_MARGIN = 16;
const TITLE_SIZE = 15;
const LEGEND_FONT = 11;
const LEGEND_ROW = 22;
const LEGEND_SAMPLE_W = 30;
const LEGEND_SAMPLE_H = 16;
const LEGEND_GAP = 18;
const MIN_WIDTH = 560;
/** The path stops this far before the outline; the arrowhead covers the rest, so thick lines never poke out. */
const ARROW_INSET = 3;

const MONO = 'ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace';
const SANS = 'system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif';

export function renderPreviewSvg(model: unknown, options: PreviewOptions = {}): string {
  const graph = buildModelGraph(model);
  const layout = layoutModelGraph(graph);
  const given = typeof options.title === 'string' ? stripUnsafe(options.title).trim() : '';
  const title = given !== '' ? given : 'FlowTime model';

  const nodeVisuals = presentNodeVisuals(layout);
  const edgeStyles = presentEdgeStyles(layout);
  const legendItems = legendEntries(nodeVisuals, edgeStyles, layout.nodes.find((n) => n.node.hidden));

  const bodyWidth = layout.nodes.length > 0 ? layout.width : MIN_WIDTH;
  const width = Math.ceil(Math.max(bodyWidth, MIN_WIDTH, textWidth(title, TITLE_SIZE) + 2 * PAGE_MARGIN));
  const legend = placeLegend(legendItems, width - 2 * PAGE_MARGIN);
  const headerHeight = 34 + legend.rows * LEGEND_ROW + 6;
  const bodyHeight = layout.nodes.length > 0 ? layout.height : 48;
  const height = Math.ceil(headerHeight + bodyHeight);

  const series = layout.nodes.filter((n) => n.node.layer === 'node').length;
  const desc =
    `Dependency graph of ${layout.nodes.length} nodes (${series} series nodes, ${layout.nodes.length - series} ` +
    `topology nodes) and ${layout.edges.length} edges, laid out left to right.`;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8"?>');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" aria-labelledby="ft-title ft-desc">`,
  );
  out.push(`<title id="ft-title">${escapeXml(title)}</title>`);
  out.push(`<desc id="ft-desc">${escapeXml(desc)}</desc>`);
  out.push(`<style>${css(nodeVisuals, edgeStyles)}</style>`);
  if (edgeStyles.length > 0) out.push(`<defs>${edgeStyles.map(marker).join('')}</defs>`);
  out.push(`<rect class="bg" width="${width}" height="${height}"/>`);
  out.push(`<text class="tt" x="${PAGE_MARGIN}" y="24">${escapeXml(title)}</text>`);
  out.push(`<g class="legend" transform="translate(${PAGE_MARGIN},34)">${legend.svg}</g>`);
  out.push(`<g class="graph" transform="translate(0,${num(headerHeight)})">`);
  if (layout.nodes.length === 0) {
    out.push(`<text class="lg" x="${PAGE_MARGIN}" y="24">No nodes to preview.</text>`);
  }
  out.push('<g class="edges">');
  for (const e of layout.edges) out.push(renderEdge(e));
  out.push('</g>');
  out.push('<g class="nodes">');
  for (const n of layout.nodes) out.push(renderNode(n));
  out.push('</g>');
  out.push('</g>');
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function renderNode(n: PlacedNode): string {
  const { node, visual } = n;
  const classes = ['n', visual.cls];
  if (node.layer === 'topology') classes.push('t');
  if (visual.dashed) classes.push('dash');
  const kindNote = node.rawKind !== '' && node.rawKind !== node.kind ? ` (kind: ${node.rawKind})` : '';
  const tooltip = `${node.id} \u2014 ${visual.label}${kindNote}${node.hidden ? ', hidden' : ''}`;
  const w = n.width;
  const h = n.shapeHeight;
  const label = `<text class="lb" x="${num(n.labelX)}" y="${num(h / 2 + 4)}" text-anchor="middle">${escapeXml(n.label)}</text>`;
  return (
    `<g class="${classes.join(' ')}" data-node-id="${escapeXml(node.id)}" data-kind="${node.kind}" ` +
    `data-layer="${node.layer}" transform="translate(${num(n.x)},${num(n.y + n.shapeTop)})">` +
    `<title>${escapeXml(tooltip)}</title>${shapeMarkup(visual, node.layer, w, h, node.hidden, label)}</g>`
  );
}

function shapeMarkup(visual: NodeVisual, layer: GraphLayer, w: number, h: number, faded: boolean, inner = ''): string {
  const d = shapePath(visual.shape, w, h);
  // Topology nodes get a double outline: a wide stroke with a fill-coloured stroke laid down its middle.
  let svg = `<path class="s" d="${d}"/>`;
  if (layer === 'topology') svg += `<path class="i" d="${d}"/>`;
  const deco = shapeDecoration(visual.shape, w, h);
  if (deco.stroke) svg += `<path class="dc" d="${deco.stroke}"/>`;
  if (deco.dots) svg += `<path class="dt" d="${deco.dots}"/>`;
  svg += inner;
  // A faded node keeps an opaque white backing, so the edges behind it do not show through.
  return faded ? `<path class="bk" d="${d}"/><g class="fd">${svg}</g>` : svg;
}

function renderEdge(e: PlacedEdge): string {
  const key = edgeStyleKey(e.edge.type, e.edge.lagged);
  const d = e.selfLoop ? loopPath(e.points) : curvePath(insetEnd(e.points, ARROW_INSET));
  const from = e.edge.from.slice(e.edge.from.indexOf(':') + 1);
  const to = e.edge.to.slice(e.edge.to.indexOf(':') + 1);
  return (
    `<path class="e ${EDGE_VISUALS[key].cls}" data-edge-type="${key}" data-from="${escapeXml(from)}" ` +
    `data-to="${escapeXml(to)}" d="${d}" marker-end="url(#ft-a-${key})"/>`
  );
}

/** A smooth curve through dagre's route: quadratic segments that meet at the midpoints of the control polygon. */
function curvePath(points: Point[]): string {
  if (points.length === 0) return 'M0,0';
  const p = (q: Point): string => `${num(q.x)},${num(q.y)}`;
  let d = `M${p(points[0])}`;
  if (points.length === 2) return `${d}L${p(points[1])}`;
  for (let i = 1; i < points.length - 1; i++) {
    const next = i === points.length - 2 ? points[i + 1] : midpoint(points[i], points[i + 1]);
    d += `Q${p(points[i])} ${p(next)}`;
  }
  return d;
}

function loopPath(points: Point[]): string {
  const [a, b, c, d] = points.map((q) => `${num(q.x)},${num(q.y)}`);
  return `M${a}C${b} ${c} ${d}`;
}

function insetEnd(points: Point[], by: number): Point[] {
  if (points.length < 2) return points;
  const end = points[points.length - 1];
  const prev = points[points.length - 2];
  const len = Math.hypot(end.x - prev.x, end.y - prev.y);
  if (len <= by * 2) return points;
  const t = (len - by) / len;
  return [...points.slice(0, -1), { x: prev.x + (end.x - prev.x) * t, y: prev.y + (end.y - prev.y) * t }];
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function marker(key: EdgeStyleKey): string {
  const v = EDGE_VISUALS[key];
  const size = key === 'flow' ? 11 : 8;
  const refX = 10 - (ARROW_INSET * 10) / size;
  return (
    `<marker id="ft-a-${key}" viewBox="0 0 10 10" refX="${num(refX)}" refY="5" markerWidth="${size}" ` +
    `markerHeight="${size}" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0L10,5L0,10Z" fill="${v.color}"/></marker>`
  );
}

interface LegendEntry {
  /** Node sample (visual + layer), the faded sample, or an edge style. */
  node?: { visual: NodeVisual; layer: GraphLayer; faded: boolean };
  edge?: EdgeStyleKey;
  label: string;
}

function presentNodeVisuals(layout: PreviewLayout): { visual: NodeVisual; layer: GraphLayer }[] {
  const byCls = new Map<string, { visual: NodeVisual; layer: GraphLayer }>();
  for (const n of layout.nodes) byCls.set(n.visual.cls, { visual: n.visual, layer: n.node.layer });
  return NODE_VISUAL_ORDER.filter((c) => byCls.has(c)).map((c) => byCls.get(c)!);
}

function presentEdgeStyles(layout: PreviewLayout): EdgeStyleKey[] {
  const present = new Set(layout.edges.map((e) => edgeStyleKey(e.edge.type, e.edge.lagged)));
  return EDGE_VISUAL_ORDER.filter((k) => present.has(k));
}

function legendEntries(
  nodes: { visual: NodeVisual; layer: GraphLayer }[],
  edges: EdgeStyleKey[],
  hidden: PlacedNode | undefined,
): LegendEntry[] {
  const out: LegendEntry[] = nodes.map((n) => ({ node: { ...n, faded: false }, label: n.visual.label }));
  if (hidden) {
    // The sample is the first hidden node itself, faded exactly as in the drawing.
    out.push({ node: { visual: hidden.visual, layer: hidden.node.layer, faded: true }, label: 'hidden (graph.hidden)' });
  }
  for (const key of edges) out.push({ edge: key, label: EDGE_VISUALS[key].label });
  return out;
}

/** Flows legend entries into rows no wider than `maxWidth`. */
function placeLegend(entries: LegendEntry[], maxWidth: number): { svg: string; rows: number } {
  let x = 0;
  let row = 0;
  const parts: string[] = [];
  for (const entry of entries) {
    const w = LEGEND_SAMPLE_W + 6 + textWidth(entry.label, LEGEND_FONT) + LEGEND_GAP;
    if (x > 0 && x + w > maxWidth) {
      x = 0;
      row++;
    }
    const y = row * LEGEND_ROW;
    let sample: string;
    if (entry.node) {
      const { visual, layer, faded } = entry.node;
      const classes = ['n', visual.cls, layer === 'topology' ? 't' : '', visual.dashed ? 'dash' : '']
        .filter((c) => c !== '')
        .join(' ');
      sample = `<g class="${classes}">${shapeMarkup(visual, layer, LEGEND_SAMPLE_W, LEGEND_SAMPLE_H, faded)}</g>`;
    } else {
      const key = entry.edge!;
      const mid = num(LEGEND_SAMPLE_H / 2);
      sample =
        `<path class="e ${EDGE_VISUALS[key].cls}" d="M0,${mid}H${LEGEND_SAMPLE_W - ARROW_INSET}" ` +
        `marker-end="url(#ft-a-${key})"/>`;
    }
    parts.push(
      `<g transform="translate(${num(x)},${y})">${sample}` +
        `<text class="lg" x="${LEGEND_SAMPLE_W + 6}" y="12">${escapeXml(entry.label)}</text></g>`,
    );
    x += w;
  }
  return { svg: parts.join(''), rows: entries.length === 0 ? 0 : row + 1 };
}

/** One style block with rules only for the kinds and edge types in this drawing. */
function css(nodes: { visual: NodeVisual }[], edges: EdgeStyleKey[]): string {
  const rules = [
    '.bg{fill:#fff}',
    `.tt{font:600 ${TITLE_SIZE}px ${SANS};fill:#1d2733}`,
    `.lg{font:${LEGEND_FONT}px ${SANS};fill:#3a4450}`,
    `.lb{font:12px ${MONO};fill:#1d2733}`,
    '.t .lb{font-weight:600}',
    '.s{stroke-width:1.3}',
    '.t .s{stroke-width:5}',
    '.i{fill:none;stroke-width:2}',
    '.dash .s{stroke-dasharray:4 3}',
    '.dc{fill:none;stroke-width:1.3}',
    '.dt{stroke:none}',
    '.bk{fill:#fff;stroke:none}',
    '.fd{opacity:.4}',
    '.e{fill:none;stroke-linejoin:round}',
  ];
  for (const { visual: v } of nodes) {
    rules.push(`.${v.cls} .s{fill:${v.fill};stroke:${v.stroke}}`);
    if (v.cls.startsWith('t-')) rules.push(`.${v.cls} .i{stroke:${v.fill}}`);
    if (v.shape === 'cylinder') rules.push(`.${v.cls} .dc{stroke:${v.stroke}}`);
    if (v.shape === 'dice') rules.push(`.${v.cls} .dt{fill:${v.stroke}}`);
  }
  for (const key of edges) {
    const v = EDGE_VISUALS[key];
    rules.push(`.${v.cls}{stroke:${v.color};stroke-width:${v.width}${v.dash ? `;stroke-dasharray:${v.dash}` : ''}}`);
  }
  return rules.join('');
}

