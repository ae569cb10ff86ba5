// Maps character indexes of a scalar's decoded string to source offsets, with a constant-time path for simple scalars.
import type { ScalarNode } from '../yaml/document';
import { scalarSourceOffset } from '../yaml/document';

export type StringToSource = (index: number) => number;

/**
 * Single-line plain scalars and quoted scalars without escapes map index i to a fixed shift. Multi-line scalars
 * without escapes (block, folded plain or quoted) keep their non-whitespace characters in order, so those are
 * aligned one to one; what remains (escapes across lines) walks the source with scalarSourceOffset.
 */
export function stringToSource(text: string, node: ScalarNode): StringToSource {
  const shift = directShift(text, node);
  if (shift !== undefined) return (i) => node.start + shift + i;
  const aligned = alignNonWhitespace(text, node);
  if (aligned) return aligned;
  return (i) => scalarSourceOffset(text, node, i);
}

function directShift(text: string, node: ScalarNode): number | undefined {
  const { start, end, style } = node;
  if (style === 'block') return undefined;
  const inner = style === 'plain' ? 0 : 1;
  const bodyLength = end - start - 2 * inner;
  if (bodyLength !== node.text.length) return undefined;
  for (let i = start + inner; i < end - inner; i++) {
    const c = text.charCodeAt(i);
    // Line breaks fold; a backslash escapes in double quotes; '' escapes in single quotes.
    if (c === 10 || c === 13) return undefined;
    if (style === 'double' && c === 92) return undefined;
    if (style === 'single' && c === 39) return undefined;
  }
  return inner;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Index i maps to the source character that holds the same non-whitespace character; an index right after a
 * non-whitespace character maps right after its source character (token ends).
 */
function alignNonWhitespace(text: string, node: ScalarNode): StringToSource | undefined {
  let from = node.start;
  let to = node.end;
  if (node.style === 'block') {
    const nl = text.indexOf('\n', from);
    from = nl < 0 || nl >= to ? to : nl + 1;
  } else if (node.style !== 'plain') {
    from += 1;
    to -= 1;
  }
  const source: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (node.style === 'double' && c === 92) return undefined;
    if (node.style === 'single' && c === 39) return undefined;
    source.push(i);
  }
  const value = node.text;
  // before[k]: how many non-whitespace characters value[0..k) holds.
  const before = new Uint32Array(value.length + 1);
  for (let k = 0; k < value.length; k++) before[k + 1] = before[k] + (isSpace(value.charCodeAt(k)) ? 0 : 1);
  if (before[value.length] !== source.length) return undefined;
  return (i) => {
    const k = Math.max(0, Math.min(i, value.length));
    const count = before[k];
    if (k > 0 && !isSpace(value.charCodeAt(k - 1))) return source[count - 1] + 1;
    return count < source.length ? source[count] : to;
  };
}
