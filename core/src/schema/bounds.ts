// Where the finding about a schema error can start at the earliest, read cheaply before the finding is built.
import type { Position } from '../diagnostics';
import { PositionedDocument, unescapePointerToken } from '../yaml/document';
import { isOwnerItem } from './places';
import { splitPointer } from './pointer';

const DOC_START: Position = { line: 0, character: 0 };

/**
 * Every range the mapper gives a finding at `instancePath` lies inside the region that contains it: the outermost list
 * item on the way down (a node, an output…), or else the top-level entry (`grid:` from its key on), or the document for
 * the root itself. The region's first character is therefore a lower bound of the finding's start. Only a positioned
 * document can tell; any other document (a model generated from a template) gets the document start, which bounds
 * everything and so never lets a finding be skipped.
 */
export class RegionBounds {
  /** Per top-level key whose value is a list (`/nodes`): the bounds of its items by index; null for other keys. */
  private readonly lists = new Map<string, Position[] | null>();
  /** Bounds of items of deeper lists, by list and index, and of top-level regions by pointer. */
  private readonly items = new Map<unknown[], Map<number, Position>>();
  private readonly entries = new Map<string, Position>();

  constructor(
    private readonly doc: unknown,
    private readonly root: unknown,
  ) {}

  of(instancePath: string): Position {
    if (instancePath === '' || !(this.doc instanceof PositionedDocument)) return DOC_START;
    // Most errors sit in an item of a top-level list (a node): index it without walking or slicing the rest.
    const first = instancePath.indexOf('/', 1);
    if (first > 0) {
      const head = instancePath.slice(0, first);
      let items = this.lists.get(head);
      if (items === undefined) {
        const key = head.slice(1);
        const value = key.includes('~') ? undefined : (this.root as Record<string, unknown>)[key];
        items = Array.isArray(value) && Object.prototype.hasOwnProperty.call(this.root, key) ? [] : null;
        this.lists.set(head, items);
      }
      const index = items ? indexAt(instancePath, first + 1) : undefined;
      if (items && index !== undefined) {
        let p = items[index];
        if (p === undefined) {
          const region = instancePath.slice(0, first + 1 + String(index).length);
          p = isOwnerItem(splitPointer(region)) ? this.start(this.doc, region) : DOC_START;
          items[index] = p;
        }
        return p;
      }
    }
    return this.walk(this.doc, instancePath);
  }

  private walk(doc: PositionedDocument, instancePath: string): Position {
    let value: unknown = this.root;
    let end = 0;
    while (end < instancePath.length) {
      const next = instancePath.indexOf('/', end + 1);
      const stop = next < 0 ? instancePath.length : next;
      if (Array.isArray(value)) {
        // The outermost list item, cached by list and index.
        const index = Number(instancePath.slice(end + 1, stop));
        let byIndex = this.items.get(value);
        if (!byIndex) this.items.set(value, (byIndex = new Map()));
        let p = byIndex.get(index);
        if (p === undefined) {
          const region = instancePath.slice(0, stop);
          // A list item that is no place of its own would anchor findings about it on the document's first key.
          p = isOwnerItem(splitPointer(region)) ? this.start(doc, region) : DOC_START;
          byIndex.set(index, p);
        }
        return p;
      }
      if (typeof value !== 'object' || value === null) break;
      const raw = instancePath.slice(end + 1, stop);
      const key = raw.includes('~') ? unescapePointerToken(raw) : raw;
      value = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
      end = stop;
    }
    const first = instancePath.indexOf('/', 1);
    const region = first < 0 ? instancePath : instancePath.slice(0, first);
    let p = this.entries.get(region);
    if (p === undefined) {
      p = this.start(doc, region);
      this.entries.set(region, p);
    }
    return p;
  }

  /** Where the region starts: its key, or (a list item) its value; locate builds no node objects. */
  private start(doc: PositionedDocument, region: string): Position {
    return doc.locate(region, 'key').start;
  }
}

/** The list index written at `from` up to the next '/' or the end (canonical decimal), or undefined. */
function indexAt(pointer: string, from: number): number | undefined {
  let n = 0;
  let i = from;
  for (; i < pointer.length; i++) {
    const c = pointer.charCodeAt(i);
    if (c === 47) break;
    if (c < 48 || c > 57) return undefined;
    n = n * 10 + (c - 48);
  }
  if (i === from || (i - from > 1 && pointer.charCodeAt(from) === 48)) return undefined;
  return n;
}
