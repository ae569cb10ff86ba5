// Shared types of the template capability: parameter declarations and resolved parameter values.
import type { Span } from '../expr/ast';

export type ParameterType = 'integer' | 'number' | 'boolean' | 'string' | 'array';

export type ParameterValue = number | boolean | string | number[] | null;

export interface ParameterDef {
  name: string;
  type: ParameterType;
  title?: string;
  description?: string;
  /** Absent when the template declares no default. */
  default?: ParameterValue;
  hasDefault: boolean;
  /** `min`/`minimum` and `max`/`maximum` (C# accepts both spellings). */
  min?: number;
  max?: number;
  /** `int` means integer elements; any other value means numbers (as in C#). */
  arrayOf?: string;
  /** JSON pointer of the parameter entry in the template (e.g. `/parameters/2`). */
  pointer: string;
}

/** A `${name}` occurrence in the raw template text. */
export interface Placeholder extends Span {
  name: string;
}
