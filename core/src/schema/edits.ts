// Text edits for quick fixes, computed only from SourceDocument ranges (so they work on generated documents too).
import type { Range, TextEdit } from '../diagnostics';
import type { MapNode, SourceDocument } from '../yaml/document';
import { joinPointer, parentPointer } from '../yaml/document';
import { isAmbiguousString } from '../yaml/scalar-typing';
import { splitPointer } from './pointer';

function parentMap(doc: SourceDocument, pointer: string): MapNode | undefined {
  const parent = parentPointer(pointer);
  if (parent === undefined) return undefined;
  const n = doc.node(parent);
  return n && n.type === 'map' ? n : undefined;
}

function lastToken(pointer: string): string {
  const tokens = splitPointer(pointer);
  return tokens[tokens.length - 1] ?? '';
}

function hasEntry(doc: SourceDocument, pointer: string): boolean {
  // A document that knows its key nodes answers without building the parent mapping (the whole tree for the root).
  if (doc.keyNode) return doc.keyNode(pointer) !== undefined;
  const key = lastToken(pointer);
  return parentMap(doc, pointer)?.entries.some((e) => e.key === key) ?? false;
}

export function renameKey(doc: SourceDocument, pointer: string, newKey: string): TextEdit | undefined {
  if (!hasEntry(doc, pointer)) return undefined;
  return { range: doc.locate(pointer, 'key'), newText: newKey };
}

/** Replaces a present, non-empty value (an empty value has no range of its own). */
export function replaceValue(doc: SourceDocument, pointer: string, newText: string): TextEdit | undefined {
  const n = doc.node(pointer);
  if (!n || n.start === n.end) return undefined;
  return { range: doc.locate(pointer, 'value'), newText };
}

/** The whole `key: value` text of a mapping entry. */
export function entryRange(doc: SourceDocument, pointer: string): Range {
  return { start: doc.locate(pointer, 'key').start, end: doc.locate(pointer, 'value').end };
}

/**
 * Deletes a mapping entry together with the separator that joins it to its neighbours, so the remaining entries keep
 * their layout in block (`- a: 1` lines) and flow (`{a: 1, b: 2}`) style alike.
 */
export function deleteEntry(doc: SourceDocument, pointer: string): TextEdit | undefined {
  const map = parentMap(doc, pointer);
  const parent = parentPointer(pointer);
  if (!map || parent === undefined) return undefined;
  const key = lastToken(pointer);
  const i = map.entries.findIndex((e) => e.key === key);
  if (i < 0) return undefined;
  const self = joinPointer(parent, key);
  if (i + 1 < map.entries.length) {
    const next = joinPointer(parent, map.entries[i + 1].key);
    return { range: { start: doc.locate(self, 'key').start, end: doc.locate(next, 'key').start }, newText: '' };
  }
  if (i > 0) {
    const prev = joinPointer(parent, map.entries[i - 1].key);
    return { range: { start: doc.locate(prev, 'value').end, end: doc.locate(self, 'value').end }, newText: '' };
  }
  return { range: entryRange(doc, self), newText: '{}' };
}

/** Replaces one entry with several `key: value` entries at the same indentation (or inline in a flow mapping). */
export function replaceEntry(doc: SourceDocument, pointer: string, entries: [string, string][]): TextEdit | undefined {
  const map = parentMap(doc, pointer);
  if (!map || !hasEntry(doc, pointer)) return undefined;
  const range = entryRange(doc, pointer);
  const separator = map.flow ? ', ' : `\n${' '.repeat(range.start.character)}`;
  return { range, newText: entries.map(([k, v]) => `${k}: ${v}`).join(separator) };
}

/** Adds `key: value` after the last entry of the mapping at `mapPointer`. */
export function appendEntry(doc: SourceDocument, mapPointer: string, key: string, valueText: string): TextEdit | undefined {
  const map = doc.node(mapPointer);
  if (!map || map.type !== 'map' || map.entries.length === 0) return undefined;
  const first = joinPointer(mapPointer, map.entries[0].key);
  const last = joinPointer(mapPointer, map.entries[map.entries.length - 1].key);
  const at = doc.locate(last, 'value').end;
  const separator = map.flow ? ', ' : `\n${' '.repeat(doc.locate(first, 'key').start.character)}`;
  return { range: { start: at, end: at }, newText: `${separator}${key}: ${valueText}` };
}

/** Writes a JSON-like value as a one-line YAML flow value that FlowTime reads back with the same types. */
export function flowText(value: unknown): string {
  if (typeof value === 'string') return scalarText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(flowText).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${scalarText(k)}: ${flowText(v)}`)
      .join(', ')}}`;
  }
  return '""';
}

/** A string scalar, plain when that is unambiguous, double-quoted otherwise. */
export function scalarText(s: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(s) && !isAmbiguousString(s)) return s;
  return JSON.stringify(s);
}
