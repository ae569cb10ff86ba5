// Shared types of the template capability: parameter declarations and resolved parameter values.
import type { Span } from '../expr/ast';

export type ParameterType = 'integer' | 'number' | 'boolean' | 'string' | 'array';

export type ParameterValue = number | boolean | string | number[] | null;

export interface ParameterDef {
  name: string;
  type: ParameterType;
  title?: string;
  description?: string;
  /**
   * Absent when the template declares no default, or when the declared default cannot be represented (a mapping,
   * or a sequence holding non-numbers): `hasDefault` is then true and readParameters reports the default.
   */
  default?: ParameterValue;
  hasDefault: boolean;
  /** `min`/`minimum` and `max`/`maximum` (C# accepts both spellings). */
  min?: number;
  max?: number;
  /** `int` means integer elements; any other value means numbers (as in C#). */
  arrayOf?: string;
  /** JSON pointer of the parameter entry in the template (e.g. `/parameters/2`). */
  pointer: string;
  /** True when `type` is missing or not one of the five types: `type` is then inferred from the default. */
  typeInferred?: boolean;
}

/** A `${name}` occurrence in the raw template text. */
export interface Placeholder extends Span {
  name: string;
  /** Inside a YAML comment: Sim substitutes it anyway, but diagnostics ignore it. */
  inComment: boolean;
}
