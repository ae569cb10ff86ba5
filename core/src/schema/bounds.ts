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
  private readonly cache = new Map<string, Position>();

  constructor(
    private readonly doc: unknown,
    private readonly root: unknown,
  ) {}

  of(instancePath: string): Position {
    if (instancePath === '' || !(this.doc instanceof PositionedDocument)) return DOC_START;
    const region = regionOf(this.root, instancePath);
    let p = this.cache.get(region);
    if (p === undefined) {
      const doc = this.doc;
      const at = doc.keyNode(region)?.start ?? doc.node(region)?.start;
      // A list item that is no place of its own would anchor findings about it on the document's first key.
      const anchored = region.indexOf('/', 1) < 0 || isOwnerItem(splitPointer(region));
      p = at === undefined || !anchored ? DOC_START : doc.lines.position(at);
      this.cache.set(region, p);
    }
    return p;
  }
}

/** The outermost list item above or at `pointer`, else its top-level entry (`pointer` is not the root). */
function regionOf(root: unknown, pointer: string): string {
  let value: unknown = root;
  let end = 0;
  while (end < pointer.length) {
    const next = pointer.indexOf('/', end + 1);
    const stop = next < 0 ? pointer.length : next;
    const token = pointer.slice(end + 1, stop);
    if (Array.isArray(value)) return pointer.slice(0, stop);
    if (typeof value !== 'object' || value === null) break;
    const key = token.includes('~') ? unescapePointerToken(token) : token;
    value = Object.prototype.hasOwnProperty.call(value, key) ? (value as Record<string, unknown>)[key] : undefined;
    end = stop;
  }
  const first = pointer.indexOf('/', 1);
  return first < 0 ? pointer : pointer.slice(0, first);
}
