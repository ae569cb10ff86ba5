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
  /** Bounds of list-item regions by list and index, and of top-level regions by pointer. */
  private readonly items = new Map<unknown[], Map<number, Position>>();
  private readonly entries = new Map<string, Position>();

  constructor(
    private readonly doc: unknown,
    private readonly root: unknown,
  ) {}

  of(instancePath: string): Position {
    if (instancePath === '' || !(this.doc instanceof PositionedDocument)) return DOC_START;
    let value: unknown = this.root;
    let end = 0;
    while (end < instancePath.length) {
      const next = instancePath.indexOf('/', end + 1);
      const stop = next < 0 ? instancePath.length : next;
      if (Array.isArray(value)) {
        // The outermost list item: its bound is cached by list and index, so the pointer is sliced once per item.
        const index = Number(instancePath.slice(end + 1, stop));
        let byIndex = this.items.get(value);
        if (!byIndex) this.items.set(value, (byIndex = new Map()));
        let p = byIndex.get(index);
        if (p === undefined) {
          const region = instancePath.slice(0, stop);
          // A list item that is no place of its own would anchor findings about it on the document's first key.
          p = isOwnerItem(splitPointer(region)) ? this.start(this.doc, region) : DOC_START;
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
      p = this.start(this.doc, region);
      this.entries.set(region, p);
    }
    return p;
  }

  private start(doc: PositionedDocument, region: string): Position {
    const at = doc.keyNode(region)?.start ?? doc.node(region)?.start;
    return at === undefined ? DOC_START : doc.lines.position(at);
  }
}
