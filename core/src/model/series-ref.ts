// Parses a topology semantics series reference: `self`, `file:<path>`, or `[series:]nodeId[@classId]` (after trimming).

export type SeriesRef =
  | { kind: 'blank' }
  | { kind: 'self' }
  | { kind: 'file' }
  /** `@cls` or `series:` alone: no node id (rule C4). */
  | { kind: 'empty-node' }
  | {
      kind: 'node';
      nodeId: string;
      /** Offsets of the node id inside the raw string. */
      nodeStart: number;
      nodeEnd: number;
      classId?: string;
      classStart?: number;
      classEnd?: number;
    };

const WS = /\s/;

export function parseSeriesRef(raw: string): SeriesRef {
  let start = 0;
  let end = raw.length;
  while (start < end && WS.test(raw[start])) start++;
  while (end > start && WS.test(raw[end - 1])) end--;
  if (start === end) return { kind: 'blank' };
  const lower = raw.slice(start, end).toLowerCase();
  if (lower === 'self') return { kind: 'self' };
  if (lower.startsWith('file:')) return { kind: 'file' };
  const bodyStart = lower.startsWith('series:') ? start + 'series:'.length : start;
  const at = raw.indexOf('@', bodyStart);
  const nodePart = trimRange(raw, bodyStart, at >= 0 && at < end ? at : end);
  if (nodePart[0] === nodePart[1]) return { kind: 'empty-node' };
  const ref: SeriesRef = { kind: 'node', nodeId: raw.slice(nodePart[0], nodePart[1]), nodeStart: nodePart[0], nodeEnd: nodePart[1] };
  if (at >= 0 && at < end) {
    const [cs, ce] = trimRange(raw, at + 1, end);
    if (cs < ce) {
      ref.classId = raw.slice(cs, ce);
      ref.classStart = cs;
      ref.classEnd = ce;
    }
  }
  return ref;
}

function trimRange(s: string, from: number, to: number): [number, number] {
  while (from < to && WS.test(s[from])) from++;
  while (to > from && WS.test(s[to - 1])) to--;
  return [from, to];
}
