// Small readers over the positioned YAML tree: a map's field, a sequence's items, a scalar's text, a list item's start.
import type { MapNode, YNode } from '../yaml/document';

export function field(node: YNode | undefined, key: string): YNode | undefined {
  if (node?.type !== 'map') return undefined;
  const entries = (node as MapNode).entries;
  for (let i = 0; i < entries.length; i++) if (entries[i].key === key) return entries[i].value;
  return undefined;
}

export function eachItem(node: YNode | undefined, fn: (item: YNode, index: number) => void): void {
  if (node?.type === 'seq') node.items.forEach(fn);
}

export function scalarText(node: YNode | undefined): string | undefined {
  return node?.type === 'scalar' && node.text !== '' ? node.text : undefined;
}

/** A block-sequence item's map starts after `- `: the entry range starts at the dash so the outline covers it. */
export function itemStart(text: string, start: number): number {
  let i = start - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  if (i < 0 || text.charCodeAt(i) !== 45) return start;
  const before = i === 0 ? 32 : text.charCodeAt(i - 1);
  return before === 32 || before === 9 || before === 10 || before === 13 ? i : start;
}
