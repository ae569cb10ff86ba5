// Shared state of one template → model emission: the template, the synthesis plan, origins and diagnostics.
import type { Diagnostic } from '../diagnostics';
import type { SourceDocument } from '../yaml/document';
import { OriginMap } from './generated-document';
import type { SynthesisPlan } from './synthesis-plan';
import { isRecord, sourceText } from './template-values';
import type { Rec } from './template-values';

const YAML_NULLS = new Set(['', 'null', 'Null', 'NULL', '~']);

export class EmitContext {
  readonly origins = new OriginMap();
  readonly diagnostics: Diagnostic[] = [];
  readonly root: Rec;

  constructor(
    readonly doc: SourceDocument,
    readonly plan: SynthesisPlan,
  ) {
    this.root = isRecord(doc.value) ? doc.value : {};
  }

  /** YamlDotNet reads a plain `null`, `~` or empty scalar as null, and Sim omits null members when it emits. */
  isNull(pointer: string, v: unknown): boolean {
    if (v === undefined) return true;
    if (typeof v !== 'string' || !YAML_NULLS.has(v)) return false;
    const n = this.doc.node(pointer);
    return !n || (n.type === 'scalar' && n.style === 'plain');
  }

  /**
   * A value Sim holds in a string property: scalars become their written text; null is absent. Collections are
   * passed through unchanged so the model schema reports the wrong type where it was written.
   */
  stringValue(pointer: string, v: unknown): unknown {
    if (this.isNull(pointer, v)) return undefined;
    return sourceText(this.doc, pointer, v) ?? clone(v);
  }

  /** Copies a string field if present and records it as a mirror. */
  copyString(target: Rec, key: string, modelPointer: string, source: Rec, sourceKey: string, templatePointer: string): void {
    if (!Object.prototype.hasOwnProperty.call(source, sourceKey)) return;
    const v = this.stringValue(templatePointer, source[sourceKey]);
    if (v === undefined) return;
    target[key] = v;
    this.origins.mirror(modelPointer, templatePointer);
  }

  /** Copies any value if present (deep) and records it as a mirror. */
  copyValue(target: Rec, key: string, modelPointer: string, source: Rec, sourceKey: string, templatePointer: string): void {
    if (!Object.prototype.hasOwnProperty.call(source, sourceKey)) return;
    const v = source[sourceKey];
    if (this.isNull(templatePointer, v)) return;
    target[key] = clone(v);
    this.origins.mirror(modelPointer, templatePointer);
  }
}

/** Deep copy of a plain (YAML-derived) value. */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => clone(x)) as T;
  if (isRecord(v)) {
    const out: Rec = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: clone(v[k]), enumerable: true, writable: true, configurable: true });
    return out as T;
  }
  return v;
}

/** Sets a key without letting a `__proto__` key reach the prototype. */
export function put(target: Rec, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
