// Short, user-facing renderings of values for parameter messages (`5`, `"5"`, a sequence, a mapping...).

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value === '' ? 'an empty string' : `the string ${JSON.stringify(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `\`${String(value)}\``;
  if (value === null) return '`null`';
  if (Array.isArray(value)) return 'a sequence';
  if (typeof value === 'object') return 'a mapping';
  return 'nothing';
}
