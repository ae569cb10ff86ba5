// JSON-pointer helpers for schema findings: split a pointer into tokens and read the value it names.

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function valueAt(root: unknown, tokens: readonly string[]): unknown {
  let v: unknown = root;
  for (const t of tokens) {
    if (Array.isArray(v)) v = v[Number(t)];
    else if (isRecord(v)) v = Object.prototype.hasOwnProperty.call(v, t) ? v[t] : undefined;
    else return undefined;
  }
  return v;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when `pointer` is `ancestor` itself or lies inside it. */
export function isWithin(pointer: string, ancestor: string): boolean {
  return ancestor === '' || pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}
