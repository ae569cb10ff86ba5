// Raw schema errors that a specific finding (a legacy shape) already explains, so they are not reported twice.
import type { ErrorObject } from 'ajv';
import { isWithin } from './pointer';

export interface Suppression {
  /** Instance pointer of the errors to drop. */
  pointer: string;
  /** Only errors of this ajv keyword (any keyword when absent). */
  keyword?: string;
  /** Only `required`/`additionalProperties` errors about this key. */
  property?: string;
  /** Also drop errors anywhere below `pointer`. */
  subtree?: boolean;
}

export function isSuppressed(e: ErrorObject, suppressions: readonly Suppression[]): boolean {
  if (suppressions.length === 0) return false;
  const property = (e.params as { missingProperty?: string; additionalProperty?: string }).missingProperty ??
    (e.params as { additionalProperty?: string }).additionalProperty;
  return suppressions.some(
    (s) =>
      (s.subtree ? isWithin(e.instancePath, s.pointer) : e.instancePath === s.pointer) &&
      (s.keyword === undefined || s.keyword === e.keyword) &&
      (s.property === undefined || s.property === property),
  );
}
