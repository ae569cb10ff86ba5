// Applies LSP-style text edits (ranges in the original text) to a string, the way an editor applies a quick fix.
import type { TextEdit } from '../../core/src/diagnostics';
import { LineIndex } from '../../core/src/text/line-index';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e, i) => ({ start: lines.offset(e.range.start), end: lines.offset(e.range.end), text: e.newText, i }))
    // Ascending; at equal starts an insertion goes before a replacement, then original order.
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.start < at) throw new Error(`overlapping edits at offset ${s.start}`);
    out += text.slice(at, s.start) + s.text;
    at = s.end;
  }
  return out + text.slice(at);
}
