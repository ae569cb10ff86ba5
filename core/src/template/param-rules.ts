// Value rules shared by declaration checks and given-value checks: integer-ness, `arrayOf: int`, min/max.
import type { ParameterDef } from './types';

export function isIntegral(n: number): boolean {
  // C# accepts integral doubles within 1e-9 for `arrayOf: int` elements.
  return Number.isFinite(n) && Math.abs(n - Math.round(n)) <= 1e-9;
}

/** `arrayOf: int` (case-insensitive) means integer elements; any other value means numbers, as in C#. */
export function isIntArray(def: Pick<ParameterDef, 'arrayOf'>): boolean {
  return def.arrayOf !== undefined && def.arrayOf.toLowerCase() === 'int';
}

/** "is below the minimum 6" / "exceeds the maximum 72", or undefined when within bounds. */
export function rangeProblem(def: Pick<ParameterDef, 'min' | 'max'>, n: number): string | undefined {
  if (def.min !== undefined && n < def.min) return `is below the minimum ${def.min}`;
  if (def.max !== undefined && n > def.max) return `exceeds the maximum ${def.max}`;
  return undefined;
}
