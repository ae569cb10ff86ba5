// Canonical JSON for hashing: sorted keys at every level, normalized numbers and NFC strings, so equal inputs hash equally.

/**
 * Serializes `value` canonically. Keys are NFC-normalized and sorted by UTF-16 code units (ordinal, like C#'s
 * StringComparer.Ordinal); strings are NFC; -0 becomes 0 and integral doubles print without a fraction (JSON.stringify
 * already prints 1.0 as `1`); arrays keep their order; `undefined` members are dropped as JSON does.
 * Throws a TypeError for values JSON cannot carry faithfully (NaN, Infinity, bigint, functions, class instances),
 * because silently mapping them to `null` would make different inputs hash the same.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.normalize('NFC'));
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${describe(path)} is ${value}, which JSON cannot represent`);
      return JSON.stringify(Object.is(value, -0) ? 0 : value);
    case 'object':
      return Array.isArray(value) ? writeArray(value, path) : writeObject(value as object, path);
    default:
      throw new TypeError(`canonicalJson: ${describe(path)} is a ${typeof value}, which JSON cannot represent`);
  }
}

function writeArray(items: unknown[], path: string): string {
  // Holes and undefined items become null, as in JSON.stringify, so positions never shift.
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) parts.push(items[i] === undefined ? 'null' : write(items[i], `${path}/${i}`));
  return `[${parts.join(',')}]`;
}

function writeObject(obj: object, path: string): string {
  const proto = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonicalJson: ${describe(path)} is not a plain object`);
  }
  const entries = new Map<string, unknown>();
  for (const key of Object.keys(obj)) {
    const v = (obj as Record<string, unknown>)[key];
    if (v === undefined) continue;
    const k = key.normalize('NFC');
    if (entries.has(k)) throw new TypeError(`canonicalJson: keys at ${describe(path)} collide after Unicode normalization (${JSON.stringify(k)})`);
    entries.set(k, v);
  }
  const keys = [...entries.keys()].sort(compareOrdinal);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(entries.get(k), `${path}/${k}`)}`).join(',')}}`;
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function describe(path: string): string {
  return path === '' ? 'the value' : `the value at ${path}`;
}
