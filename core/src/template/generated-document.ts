// A SourceDocument over a generated model whose positions map back to where each piece came from in the template.
import type { Range } from '../diagnostics';
import { parentPointer } from '../yaml/document';
import type { Part, SourceDocument, YNode } from '../yaml/document';

/** A substring of a generated string that was copied from a template string (e.g. a sink's synthesized expr). */
export interface OriginSegment {
  from: number;
  to: number;
  pointer: string;
}

export interface Origin {
  /** Pointer in the (substituted) template document. */
  pointer: string;
  /** The model subtree is a copy of the template subtree: descendants map by the same relative path. */
  mirror: boolean;
  /** Which part of the template entry to show when the model piece was synthesized from it. */
  part?: Part;
  segments?: OriginSegment[];
}

/** Records, while the model is built, where each model pointer came from. */
export class OriginMap {
  private readonly entries = new Map<string, Origin>();

  /** The model value at `modelPointer` is a copy of the template value at `templatePointer` (children too). */
  mirror(modelPointer: string, templatePointer: string): void {
    this.entries.set(modelPointer, { pointer: templatePointer, mirror: true });
  }

  /** The model value at `modelPointer` was made because of the template piece at `templatePointer`. */
  derived(modelPointer: string, templatePointer: string, part: Part = 'value', segments?: OriginSegment[]): void {
    const o: Origin = { pointer: templatePointer, mirror: false, part };
    if (segments && segments.length > 0) o.segments = segments;
    this.entries.set(modelPointer, o);
  }

  get(modelPointer: string): Origin | undefined {
    return this.entries.get(modelPointer);
  }

  /** The template pointer a model pointer maps to: exact, via a mirrored ancestor, or the nearest ancestor's origin. */
  resolve(modelPointer: string): { origin: Origin; pointer: string; exact: boolean } | undefined {
    let p: string | undefined = modelPointer;
    while (p !== undefined) {
      const o = this.entries.get(p);
      if (o) {
        if (p === modelPointer) return { origin: o, pointer: o.pointer, exact: true };
        if (o.mirror) return { origin: o, pointer: o.pointer + modelPointer.slice(p.length), exact: true };
        return { origin: o, pointer: o.pointer, exact: false };
      }
      p = parentPointer(p);
    }
    return undefined;
  }
}

export class GeneratedDocument implements SourceDocument {
  constructor(
    readonly value: unknown,
    private readonly origins: OriginMap,
    private readonly source: SourceDocument,
  ) {}

  locate(pointer: string, part: Part = 'value'): Range {
    const r = this.origins.resolve(pointer);
    if (!r) return this.source.locate('');
    // A copied value keeps the requested part; a synthesized piece shows the template piece that caused it.
    if (r.origin.mirror) return this.source.locate(r.pointer, part);
    return this.source.locate(r.pointer, r.origin.part ?? 'value');
  }

  node(pointer: string): YNode | undefined {
    const r = this.origins.resolve(pointer);
    if (!r || !r.exact) return undefined;
    const n = this.source.node(r.pointer);
    if (!n) return undefined;
    // Only hand out the template node when it still describes the model value (a rewritten value has no node).
    const v = valueAt(this.value, pointer);
    if (n.type === 'scalar') return isScalar(v) && (n.value === v || n.text === v) ? n : undefined;
    // A collection node is only handed out when it has exactly the model's keys or items, so that a validator
    // walking its entries never sees template-only keys (source, profile ...) or misses synthesized ones.
    if (n.type === 'map') {
      if (!isPlainObject(v)) return undefined;
      const keys = Object.keys(v as object);
      return keys.length === n.entries.length && n.entries.every((e) => keys.includes(e.key)) ? n : undefined;
    }
    return Array.isArray(v) && v.length === n.items.length ? n : undefined;
  }

  locateInString(pointer: string, from: number, to: number): Range {
    const r = this.origins.resolve(pointer);
    const v = valueAt(this.value, pointer);
    if (r && typeof v === 'string') {
      if (r.exact) {
        const n = this.source.node(r.pointer);
        if (n && n.type === 'scalar' && n.text === v) return this.source.locateInString(r.pointer, from, to);
      }
      for (const s of r.origin.segments ?? []) {
        if (from >= s.from && to <= s.to) {
          const n = this.source.node(s.pointer);
          const text = v.slice(s.from, s.to);
          if (n && n.type === 'scalar' && n.text === text) return this.source.locateInString(s.pointer, from - s.from, to - s.from);
          return this.source.locate(s.pointer);
        }
      }
    }
    return this.locate(pointer);
  }
}

function isScalar(v: unknown): boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

function isPlainObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(token);
      if (!Number.isInteger(i)) return undefined;
      cur = cur[i];
    } else if (isPlainObject(cur) && Object.prototype.hasOwnProperty.call(cur, token)) {
      cur = (cur as Record<string, unknown>)[token];
    } else return undefined;
  }
  return cur;
}
