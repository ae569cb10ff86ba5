// Small readers for request bodies and params: each failure is a 400 that names the field.
import { HttpError } from './errors';

export function bodyObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid-request', 'the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new HttpError(400, 'invalid-request', `'${key}' must be a string`);
  return v;
}

export function requiredString(body: Record<string, unknown>, key: string): string {
  const v = optionalString(body, key);
  if (v === undefined || v.trim() === '') throw new HttpError(400, 'invalid-request', `'${key}' is required`);
  return v;
}

export function optionalStringList(body: Record<string, unknown>, key: string): string[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new HttpError(400, 'invalid-request', `'${key}' must be an array of strings`);
  return v as string[];
}

export function optionalObject(body: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'object' || Array.isArray(v)) throw new HttpError(400, 'invalid-request', `'${key}' must be a JSON object`);
  return v as Record<string, unknown>;
}

/** `2`, `"2"` or `"v2"` → 2. */
export function optionalVersion(value: unknown, key: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  // String() of a client's object runs its toString: `{"toString": 0}` would throw a TypeError (a 500).
  const m = typeof value === 'number' || typeof value === 'string' ? /^v?(\d{1,9})$/i.exec(String(value).trim()) : null;
  if (!m || Number(m[1]) < 1) throw new HttpError(400, 'invalid-request', `'${key}' must be a version number such as 2 or v2`);
  return Number(m[1]);
}

/**
 * A plain file name (recorded as `sim_source: model:<name>`): no path, no control characters or line breaks, at most 255 characters.
 * An empty or multi-line name would make metadata.json fail its schema.
 */
export function optionalFileName(body: Record<string, unknown>, key: string): string | undefined {
  const v = optionalString(body, key);
  if (v === undefined) return undefined;
  if (!/^[^/\\\u0000-\u001f\u007f-\u009f\u2028\u2029]{1,255}$/.test(v) || v.trim() === '') {
    throw new HttpError(400, 'invalid-request', `'${key}' must be a plain file name such as model.yaml`);
  }
  return v;
}
