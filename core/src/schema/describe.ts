// Plain-language descriptions of YAML values and JSON types for schema messages ("the string \"8\"", "a list").

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'string') {
    if (v === '') return 'an empty value';
    return `the string ${quote(v)}`;
  }
  if (typeof v === 'number') return `the number ${v}`;
  if (typeof v === 'boolean') return `the boolean ${v}`;
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : 'a list';
  if (v === null) return 'null';
  return 'a mapping';
}

const TYPE_PHRASES: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value entries)',
  null: 'null',
};

/** `ajv` reports a type union as "number,array,string". */
export function typePhrase(type: unknown): string {
  const parts = (Array.isArray(type) ? type.map(String) : String(type).split(',')).map((t) => TYPE_PHRASES[t] ?? t);
  return joinOr(parts);
}

export function joinOr(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

export function listValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

/** Double-quoted, escaped and shortened for messages. */
export function quote(s: string, max = 60): string {
  const short = s.length > max ? `${s.slice(0, max - 1)}…` : s;
  return JSON.stringify(short);
}
