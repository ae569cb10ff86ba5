// Defensive readers over the plain model value: anything may have the wrong type after a failed schema stage.

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Own property only, so ids such as `constructor` never read the prototype. */
export function prop(o: unknown, key: string): unknown {
  return isObj(o) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export function has(o: unknown, key: string): boolean {
  return isObj(o) && Object.prototype.hasOwnProperty.call(o, key);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function arr(v: unknown): unknown[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

export function isBlank(s: string): boolean {
  return s.trim().length === 0;
}

export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A quoted name for messages. */
export function q(name: string): string {
  return `'${name}'`;
}
