// Deterministic, compact-but-readable JSON text: nested structure indented, scalar arrays and small flat objects on one line.

const WIDTH = 100;

/** JSON text with a trailing newline; key order is the object's, so callers control it. */
export function formatJson(value: unknown): string {
  return `${write(value, '')}\n`;
}

function write(v: unknown, indent: string): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  const inline = flatInline(v);
  // Arrays of scalars (e.g. an array parameter with 288 weights) stay on one line whatever their length.
  if (inline !== undefined && (Array.isArray(v) || indent.length + inline.length <= WIDTH)) return inline;
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => inner + write(x, inner)).join(',\n')}\n${indent}]`;
  }
  const keys = Object.keys(v).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (keys.length === 0) return '{}';
  return `{\n${keys.map((k) => `${inner}${JSON.stringify(k)}: ${write((v as Record<string, unknown>)[k], inner)}`).join(',\n')}\n${indent}}`;
}

/** One-line form for an object/array whose members are all scalars (or empty), else undefined. */
function flatInline(v: object): string | undefined {
  const isScalar = (x: unknown): boolean => x === null || typeof x !== 'object';
  if (Array.isArray(v)) {
    if (!v.every(isScalar)) return undefined;
    return `[${v.map((x) => JSON.stringify(x) ?? 'null').join(', ')}]`;
  }
  const rec = v as Record<string, unknown>;
  const keys = Object.keys(rec).filter((k) => rec[k] !== undefined);
  if (!keys.every((k) => isScalar(rec[k]))) return undefined;
  return `{${keys.map((k) => `${JSON.stringify(k)}: ${JSON.stringify(rec[k])}`).join(', ')}}`;
}
