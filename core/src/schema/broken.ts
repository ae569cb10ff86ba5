// Index of structurally broken subtrees (missing keys, wrong types, bad values) so semantic rules can skip them.
import type { ErrorObject } from 'ajv';
import { parentPointer, PositionedDocument } from '../yaml/document';
import type { SourceDocument } from '../yaml/document';

// Unknown keys are deliberately absent: an extra key does not make the rest of the object unreadable.
const STRUCTURAL = new Set([
  'required',
  'type',
  'const',
  'enum',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'anyOf',
  'oneOf',
  'discriminator',
]);

export type BrokenIndex = (pointer: string) => boolean;

const INSIDE = 1;
const WRONG_TYPE = 2;

/**
 * `broken(p)` is true when p or something inside p has a structural error, or when an ancestor of p has the wrong type
 * (then nothing below it can be read as intended). A missing key on an ancestor leaves p itself intact.
 */
export function brokenIndex(errors: readonly ErrorObject[], doc?: SourceDocument): BrokenIndex {
  if (doc instanceof PositionedDocument && doc.nodeCount > 0) {
    const byNode = brokenByNode(errors, doc);
    if (byNode) return byNode;
  }
  return brokenByPointer(errors);
}

/**
 * The same answers keyed by node: a query resolves its pointer in the compact tree (comparing characters in place)
 * and reads flags, where the pointer version hashes the pointer and each of its prefixes. Semantic rules ask
 * thousands of times per validation. Undefined if an error's path does not name a node (then pointers decide).
 */
function brokenByNode(errors: readonly ErrorObject[], doc: PositionedDocument): BrokenIndex | undefined {
  const flags = new Uint8Array(doc.nodeCount);
  let any = false;
  let anyWrongType = false;
  for (const e of errors) {
    if (!STRUCTURAL.has(e.keyword)) continue;
    const r = doc.nodeId(e.instancePath);
    if (r < 0 || (r & 1) === 0 || (e.instancePath !== '' && e.instancePath.charCodeAt(0) !== 47)) return undefined;
    let id = r >> 1;
    if (e.keyword === 'type') {
      flags[id] |= WRONG_TYPE;
      anyWrongType = true;
    }
    any = true;
    while (id >= 0 && (flags[id] & INSIDE) === 0) {
      flags[id] |= INSIDE;
      id = doc.parentId(id);
    }
  }
  if (!any) return () => false;
  return (pointer: string) => {
    if (pointer === '') return (flags[0] & INSIDE) !== 0;
    // Every error path starts with '/': a pointer that does not names nothing that can be broken.
    if (pointer.charCodeAt(0) !== 47) return false;
    const r = doc.nodeId(pointer);
    if (r < 0) return false;
    const exact = (r & 1) === 1;
    const id = r >> 1;
    if (exact && (flags[id] & INSIDE) !== 0) return true;
    if (!anyWrongType) return false;
    // The ancestors of the pointer that exist: the node's own ancestors, or (a missing pointer) the deepest node and up.
    for (let i = exact ? doc.parentId(id) : id; i >= 0; i = doc.parentId(i)) if ((flags[i] & WRONG_TYPE) !== 0) return true;
    return false;
  };
}

function brokenByPointer(errors: readonly ErrorObject[]): BrokenIndex {
  // Per pointer: INSIDE when it or something below it has a structural error, WRONG_TYPE when it has the wrong type.
  // One map answers both questions with one lookup per prefix.
  const state = new Map<string, number>();
  let anyWrongType = false;
  for (const e of errors) {
    if (!STRUCTURAL.has(e.keyword)) continue;
    if (e.keyword === 'type') {
      state.set(e.instancePath, (state.get(e.instancePath) ?? 0) | WRONG_TYPE);
      anyWrongType = true;
    }
    let p: string | undefined = e.instancePath;
    for (;;) {
      if (p === undefined) break;
      const s = state.get(p) ?? 0;
      if ((s & INSIDE) !== 0) break;
      state.set(p, s | INSIDE);
      p = parentPointer(p);
    }
  }
  if (state.size === 0) return () => false;
  const rootWrongType = ((state.get('') ?? 0) & WRONG_TYPE) !== 0;
  return (pointer: string) => {
    if (((state.get(pointer) ?? 0) & INSIDE) !== 0) return true;
    if (!anyWrongType || pointer === '') return false;
    if (rootWrongType) return true;
    // A wrong-typed ancestor is itself INSIDE, and so is each of its ancestors: walking down from the root, the first
    // prefix that is not INSIDE ends the search.
    for (let i = pointer.indexOf('/', 1); i > 0; i = pointer.indexOf('/', i + 1)) {
      const s = state.get(pointer.slice(0, i)) ?? 0;
      if ((s & INSIDE) === 0) return false;
      if ((s & WRONG_TYPE) !== 0) return true;
    }
    return false;
  };
}
