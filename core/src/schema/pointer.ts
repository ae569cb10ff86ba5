// JSON-pointer helpers for schema findings: split a pointer into tokens and read the value it names.

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  const tokens = pointer.slice(1).split('/');
  // Escapes are rare; the regexes run only when there is one.
  if (pointer.indexOf('~') >= 0) for (let i = 0; i < tokens.length; i++) tokens[i] = tokens[i].replace(/~1/g, '/').replace(/~0/g, '~');
  return tokens;
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
