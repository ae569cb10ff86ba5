// Fixture text with range markers: «...» marks an expected range, ‸ marks a cursor; both are removed from the text.
import type { Position, Range } from '../../core/src/diagnostics';
import { LineIndex } from '../../core/src/text/line-index';

export interface MarkedText {
  text: string;
  /** Ranges in order of their opening «. */
  ranges: Range[];
  cursors: Position[];
}

export function marked(source: string): MarkedText {
  let text = '';
  const opens: number[] = [];
  const spans: [number, number][] = [];
  const cursorOffsets: number[] = [];
  const order: number[] = [];
  for (const ch of source) {
    if (ch === '«') {
      opens.push(text.length);
      order.push(spans.length);
      spans.push([text.length, -1]);
    } else if (ch === '»') {
      const start = opens.pop();
      if (start === undefined) throw new Error('unbalanced » in fixture');
      const idx = spans.findIndex((s) => s[0] === start && s[1] === -1);
      spans[idx][1] = text.length;
    } else if (ch === '‸') {
      cursorOffsets.push(text.length);
    } else {
      text += ch;
    }
  }
  if (opens.length > 0) throw new Error('unbalanced « in fixture');
  const lines = new LineIndex(text);
  return {
    text,
    ranges: spans.map(([s, e]) => lines.range(s, e)),
    cursors: cursorOffsets.map((o) => lines.position(o)),
  };
}

/** Strips the common indentation of a template literal so fixtures can be indented in test code. */
export function dedent(s: string): string {
  const lines = s.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim().length > 0).map((l) => l.match(/^ */)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

export function fmtRange(r: Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}
