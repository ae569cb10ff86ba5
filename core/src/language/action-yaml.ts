// YAML text facts the code actions need to write edits in the document's own layout: nodes by range, indentation.
import type { Range, TextEdit } from '../diagnostics';
import type { MapNode, PositionedDocument, SeqNode, YNode } from '../yaml/document';

/** The deepest node whose source span is exactly `range` (a diagnostic placed on a value). */
export function nodeAtRange(doc: PositionedDocument, range: Range): YNode | undefined {
  const start = doc.lines.offset(range.start);
  const end = doc.lines.offset(range.end);
  let found: YNode | undefined;
  let cur: YNode | undefined = doc.root;
  while (cur && cur.start <= start && end <= cur.end) {
    if (cur.start === start && cur.end === end) found = cur;
    cur = childSpanning(cur, start, end);
  }
  return found;
}

function childSpanning(node: YNode, start: number, end: number): YNode | undefined {
  const children = node.type === 'map' ? node.entries.map((e) => e.value) : node.type === 'seq' ? node.items : [];
  return children.find((c) => c.start <= start && end <= c.end);
}

/** Column of an offset on its line. */
export function columnOf(doc: PositionedDocument, offset: number): number {
  return doc.lines.position(offset).character;
}

/** Offset of the end of the line holding `offset` (before its line break), so an insertion there keeps comments. */
export function lineEnd(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** The line break the document uses. */
export function eol(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * For an item of a block sequence, the column of its `-` and the text from the dash to the item (`- `), when the item
 * starts its line after only the dash; undefined otherwise (a nested `- - x` or an unusual layout).
 */
export function blockItemDash(doc: PositionedDocument, item: YNode): { column: number; marker: string } | undefined {
  const pos = doc.lines.position(item.start);
  const before = doc.text.slice(item.start - pos.character, item.start);
  const m = /^( *)(-[ ]+)$/.exec(before);
  return m ? { column: m[1].length, marker: m[2] } : undefined;
}

/** Column of the first key of a block mapping. */
export function keyColumn(doc: PositionedDocument, map: MapNode): number | undefined {
  const first = map.entries[0];
  return first ? columnOf(doc, first.keyNode.start) : undefined;
}

/** The document's indentation step: how far the first nested block mapping is indented (2 when there is none). */
export function indentUnit(doc: PositionedDocument): number {
  const root = doc.root;
  if (root?.type !== 'map' || root.flow) return 2;
  const base = keyColumn(doc, root) ?? 0;
  for (const e of root.entries) {
    if (e.value.type === 'map' && !e.value.flow && e.value.entries.length > 0) {
      const step = (keyColumn(doc, e.value) ?? base) - base;
      if (step > 0) return step;
    }
  }
  return 2;
}

/** How far a block sequence's dashes sit right of its key (`nodes:\n  - a` → 2, `nodes:\n- a` → 0), from `nodes`. */
export function sequenceOffset(doc: PositionedDocument): number {
  const root = doc.root;
  if (root?.type !== 'map' || root.flow) return indentUnit(doc);
  for (const e of root.entries) {
    const seq = e.value;
    if (seq.type !== 'seq' || seq.flow || seq.items.length === 0) continue;
    const dash = blockItemDash(doc, seq.items[0]);
    if (dash) return Math.max(0, dash.column - columnOf(doc, e.keyNode.start));
  }
  return indentUnit(doc);
}

/** Inserts `newText` at an offset. */
export function insertAt(doc: PositionedDocument, offset: number, newText: string): TextEdit {
  const p = doc.lines.position(offset);
  return { range: { start: p, end: p }, newText };
}

/** Replaces [start, end). */
export function replaceSpan(doc: PositionedDocument, start: number, end: number, newText: string): TextEdit {
  return { range: doc.lines.range(start, end), newText };
}

export function isBlockSeq(node: YNode | undefined): node is SeqNode {
  return node?.type === 'seq' && !node.flow;
}

/** A number written the way a person would: fixed-point (never exponent notation), without trailing zeros. */
export function decimalText(x: number, digits: number): string {
  const fixed = x.toFixed(digits);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}
