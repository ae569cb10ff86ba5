// Finds the YAML scalar (key or value) of the raw template that contains a text span, to judge a placeholder's context.
import type { ScalarNode, SourceDocument, YNode } from '../yaml/document';

export class ScalarLocator {
  private readonly scalars: ScalarNode[] = [];

  constructor(doc: SourceDocument) {
    const root = doc.node('');
    if (root) this.collect(root);
    this.scalars.sort((a, b) => a.start - b.start);
  }

  /** The innermost scalar whose source covers [start, end). */
  containing(start: number, end: number): ScalarNode | undefined {
    const list = this.scalars;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].start <= start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    // Scalars never overlap (alias expansions only repeat identical ranges), so the last one starting before is it.
    const s = found >= 0 ? list[found] : undefined;
    return s && end <= s.end ? s : undefined;
  }

  private collect(node: YNode): void {
    if (node.type === 'scalar') {
      if (node.end > node.start) this.scalars.push(node);
    } else if (node.type === 'map') {
      for (const e of node.entries) {
        if (e.keyNode.end > e.keyNode.start) this.scalars.push(e.keyNode);
        this.collect(e.value);
      }
    } else {
      for (const item of node.items) this.collect(item);
    }
  }
}
