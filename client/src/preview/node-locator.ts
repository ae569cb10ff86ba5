// Finds the graph node whose list entry holds the editor cursor, from where each node's id is written.

export interface LinePosition {
  line: number;
  character: number;
}

export interface LocatableNode {
  key: string;
  /** Where the node's id is written (absent for a node that has no place in this document). */
  range?: { start: LinePosition; end: LinePosition };
}

interface Start {
  key: string;
  line: number;
  character: number;
}

const comparePositions = (a: LinePosition, b: LinePosition): number => a.line - b.line || a.character - b.character;

/**
 * Built once per graph (sorting 5,000 ids is cheap once, not per cursor move). A node's entry is taken to run from
 * its id line down to the first line indented less than the entry's keys — the usual `- id: x` then indented keys
 * layout — so the cursor in `grid:` or `outputs:` after the last node highlights nothing.
 */
export class NodeLocator {
  private readonly starts: Start[];

  constructor(nodes: readonly LocatableNode[]) {
    // A stable sort keeps the graph's order for nodes that share a place (template nodes made from one entry).
    this.starts = nodes
      .filter((n) => n.range !== undefined)
      .map((n) => ({ key: n.key, line: n.range!.start.line, character: n.range!.start.character }))
      .sort(comparePositions);
  }

  /** The node key at `pos`, or null. `lineText(i)` is line i of the document, undefined past its end. */
  find(pos: LinePosition, lineText: (line: number) => string | undefined): string | null {
    let last = this.lastStartAtOrBefore(pos.line);
    if (last < 0) return null;
    if (this.starts[last].line === pos.line) return this.onIdLine(last, pos.character);
    while (last > 0 && comparePositions(this.starts[last - 1], this.starts[last]) === 0) last--;
    const start = this.starts[last];
    return this.entryReaches(start.line, pos.line, lineText) ? start.key : null;
  }

  /** Index of the last start on a line ≤ `line`, or -1. */
  private lastStartAtOrBefore(line: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid].line <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Several ids on one line (flow style): the last that starts at or before the cursor, else the line's first. */
  private onIdLine(last: number, character: number): string {
    const line = this.starts[last].line;
    let first = last;
    while (first > 0 && this.starts[first - 1].line === line) first--;
    for (let i = last; i > first; i--) {
      // Entries sharing one place all start here; the first of them (graph order) stands for the place.
      if (this.starts[i].character <= character && this.starts[i - 1].character < this.starts[i].character) {
        return this.starts[i].key;
      }
    }
    return this.starts[first].key;
  }

  private entryReaches(idLine: number, cursorLine: number, lineText: (line: number) => string | undefined): boolean {
    const idText = lineText(idLine);
    if (idText === undefined) return false;
    const keyColumn = entryKeyColumn(idText);
    for (let l = idLine + 1; l <= cursorLine; l++) {
      const text = lineText(l);
      if (text === undefined) return false;
      const indent = text.length - text.trimStart().length;
      const rest = text.slice(indent);
      // Blank and comment lines belong to whatever surrounds them.
      if (rest === '' || rest.startsWith('#')) continue;
      if (indent < keyColumn) return false;
    }
    return true;
  }
}

/** Column of the entry's keys on its id line: past the indentation and any `- ` sequence dashes. */
export function entryKeyColumn(line: string): number {
  let i = 0;
  for (;;) {
    while (i < line.length && line[i] === ' ') i++;
    if (line[i] === '-' && (i + 1 === line.length || line[i + 1] === ' ')) {
      i++;
      continue;
    }
    return i;
  }
}
