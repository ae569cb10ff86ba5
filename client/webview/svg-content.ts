// Puts the server's SVG into the page under the strict CSP and marks, finds and highlights its node groups.
import type { NodeMark } from '../src/preview/messages';

export interface DrawnGraph {
  svg: SVGSVGElement;
  width: number;
  height: number;
  /** Node groups by key (`node:<id>` / `topology:<id>`, as the graph request names them). */
  nodes: Map<string, SVGGElement>;
  edges: number;
  errorNodes: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** `<style>` blocks of the SVG text, matched before parsing (see `drawSvg`). */
const STYLE_BLOCK = /<style\b[^>]*>([\s\S]*?)<\/style>/g;

/**
 * Parses the SVG as XML (not as HTML through innerHTML, which would mangle it and run no checks) and replaces the
 * stage's content with it. Its `<style>` goes into the page's nonce'd style element instead: under
 * `style-src 'nonce-…'` a style element without the nonce is refused, and even parsing one into a detached document
 * counts as a violation, so the blocks are cut from the text before it is parsed.
 */
export function drawSvg(stage: HTMLElement, styleHost: HTMLStyleElement, text: string): DrawnGraph {
  const css: string[] = [];
  const markup = text.replace(STYLE_BLOCK, (_block, body: string) => {
    css.push(xmlText(body));
    return '';
  });
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = parsed.documentElement;
  if (parsed.getElementsByTagName('parsererror').length > 0 || root.namespaceURI !== SVG_NS || root.localName !== 'svg') {
    throw new Error('the server sent an SVG the webview cannot read');
  }
  // The server escapes everything it writes; this is defence in depth should that ever fail.
  for (const el of Array.from(root.querySelectorAll('script, foreignObject, style'))) el.remove();
  styleHost.textContent = css.join('\n');

  const svg = document.importNode(root, true) as unknown as SVGSVGElement;
  svg.classList.add('ft-graph');
  stage.replaceChildren(svg);

  const nodes = new Map<string, SVGGElement>();
  for (const el of Array.from(svg.querySelectorAll<SVGGElement>('g[data-node-id]'))) {
    nodes.set(`${el.dataset.layer ?? 'node'}:${el.dataset.nodeId ?? ''}`, el);
  }
  return {
    svg,
    width: sizeOf(svg, 'width', 2),
    height: sizeOf(svg, 'height', 3),
    nodes,
    // Legend samples are edge-styled paths too, but only drawn edges say what they connect.
    edges: svg.querySelectorAll('[data-from]').length,
    errorNodes: 0,
  };
}

/** Error and warning classes plus the counts in each node's tooltip; returns how many nodes have errors. */
export function markProblems(graph: DrawnGraph, marks: readonly NodeMark[]): number {
  let errorNodes = 0;
  for (const mark of marks) {
    const el = graph.nodes.get(mark.key);
    if (!el) continue;
    if (mark.errors > 0) {
      el.classList.add('ft-error');
      errorNodes++;
    } else if (mark.warnings > 0) {
      el.classList.add('ft-warning');
    }
    const title = el.querySelector('title');
    if (title) title.textContent = `${title.textContent ?? ''}\n${problemText(mark)}`;
  }
  graph.errorNodes = errorNodes;
  return errorNodes;
}

export function problemText(mark: NodeMark): string {
  const parts: string[] = [];
  if (mark.errors > 0) parts.push(`${mark.errors} error${mark.errors === 1 ? '' : 's'}`);
  if (mark.warnings > 0) parts.push(`${mark.warnings} warning${mark.warnings === 1 ? '' : 's'}`);
  return parts.join(', ');
}

/** The key of the node group an event happened in, if any (legend samples carry no id, so they do not count). */
export function nodeKeyAt(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  const group = target.closest<SVGGElement>('g[data-node-id]');
  if (!group) return undefined;
  return `${group.dataset.layer ?? 'node'}:${group.dataset.nodeId ?? ''}`;
}

/** The text content of an XML fragment (entities and CDATA resolved), parsed as an inert element. */
function xmlText(fragment: string): string {
  const doc = new DOMParser().parseFromString(`<t>${fragment}</t>`, 'application/xml');
  return doc.getElementsByTagName('parsererror').length > 0 ? '' : doc.documentElement.textContent ?? '';
}

/** The SVG's own size: its width/height attributes, else its viewBox. */
function sizeOf(svg: SVGSVGElement, attribute: 'width' | 'height', viewBoxIndex: number): number {
  const own = Number.parseFloat(svg.getAttribute(attribute) ?? '');
  if (Number.isFinite(own) && own > 0) return own;
  const box = (svg.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  const fromBox = box[viewBoxIndex];
  return fromBox !== undefined && Number.isFinite(fromBox) && fromBox > 0 ? fromBox : 0;
}
