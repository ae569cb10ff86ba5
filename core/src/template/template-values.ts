// Defensive accessors for the plain value of a (substituted) template: any shape may arrive, nothing may throw.
import type { SourceDocument } from '../yaml/document';

export type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasKey(obj: Rec, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function field(obj: unknown, key: string): unknown {
  return isRecord(obj) && hasKey(obj, key) ? obj[key] : undefined;
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The string C# would deserialize into a string property: scalars become their text, collections nothing. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** Trimmed scalar text, undefined when absent or blank (C# `string.IsNullOrWhiteSpace`). */
export function nonBlank(v: unknown): string | undefined {
  const s = scalarText(v);
  if (s === undefined) return undefined;
  const t = s.trim();
  return t.length > 0 ? t : undefined;
}

export function isBlank(v: unknown): boolean {
  return nonBlank(v) === undefined;
}

/**
 * The text of a scalar as written (after substitution), so `expr: 0` or `graph.hidden: true` become the strings
 * Sim's string-typed properties would hold ("0", "true") rather than the typed JS value's rendering.
 */
export function sourceText(doc: SourceDocument, pointer: string, v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v !== 'number' && typeof v !== 'boolean') return undefined;
  const n = doc.node(pointer);
  if (n && n.type === 'scalar' && n.text.length > 0) return n.text;
  return String(v);
}

/** A YAML `null`/`~`/empty scalar: FlowTime typing keeps them as strings, YamlDotNet reads them as null. */
export function isNullish(v: unknown): boolean {
  return v === undefined || v === null || v === '' || v === 'null' || v === '~' || v === 'Null' || v === 'NULL';
}

export function finiteNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
