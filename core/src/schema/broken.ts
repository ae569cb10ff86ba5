// Index of structurally broken subtrees (missing keys, wrong types, bad values) so semantic rules can skip them.
import type { ErrorObject } from 'ajv';
import { parentPointer } from '../yaml/document';

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

/**
 * `broken(p)` is true when p or something inside p has a structural error, or when an ancestor of p has the wrong type
 * (then nothing below it can be read as intended). A missing key on an ancestor leaves p itself intact.
 */
export function brokenIndex(errors: readonly ErrorObject[]): BrokenIndex {
  const inside = new Set<string>();
  const wrongType = new Set<string>();
  for (const e of errors) {
    if (!STRUCTURAL.has(e.keyword)) continue;
    if (e.keyword === 'type') wrongType.add(e.instancePath);
    let p: string | undefined = e.instancePath;
    while (p !== undefined && !inside.has(p)) {
      inside.add(p);
      p = parentPointer(p);
    }
  }
  if (inside.size === 0) return () => false;
  return (pointer: string) => {
    if (inside.has(pointer)) return true;
    if (wrongType.size === 0) return false;
    for (let p = parentPointer(pointer); p !== undefined; p = parentPointer(p)) if (wrongType.has(p)) return true;
    return false;
  };
}
