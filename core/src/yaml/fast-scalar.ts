// Single-line quoted YAML scalars for the fast parser, decoded exactly as the yaml library decodes them (or refused).

/** Filled by the scanners: `end` is the offset just after the closing quote, `text` the decoded content. */
export interface QuotedScan {
  end: number;
  text: string;
}

/** The yaml library's one-character escapes (`\t` followed by a literal tab is left out: the fast path refuses tabs). */
const ESCAPES: (string | undefined)[] = [];
ESCAPES[0x30] = '\0';
ESCAPES[0x61] = '\x07';
ESCAPES[0x62] = '\b';
ESCAPES[0x65] = '\x1b';
ESCAPES[0x66] = '\f';
ESCAPES[0x6e] = '\n';
ESCAPES[0x72] = '\r';
ESCAPES[0x74] = '\t';
ESCAPES[0x76] = '\v';
ESCAPES[0x4e] = '\u0085';
ESCAPES[0x5f] = '\u00a0';
ESCAPES[0x4c] = '\u2028';
ESCAPES[0x50] = '\u2029';
ESCAPES[0x20] = ' ';
ESCAPES[0x22] = '"';
ESCAPES[0x2f] = '/';
ESCAPES[0x5c] = '\\';

/** `'...'` on one line; `''` is a quote. False when the scalar does not close on its line. */
export function scanSingleQuoted(t: string, start: number, out: QuotedScan): boolean {
  const n = t.length;
  let i = start + 1;
  let from = i;
  let text = '';
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (c === 39) {
      if (t.charCodeAt(i + 1) === 39) {
        text += t.slice(from, i + 1);
        i += 2;
        from = i;
        continue;
      }
      out.text = text + t.slice(from, i);
      out.end = i + 1;
      return true;
    }
    i++;
  }
  return false;
}

/** `"..."` on one line with the escapes YAML defines. False on a line break, an unknown escape or a bad code point. */
export function scanDoubleQuoted(t: string, start: number, out: QuotedScan): boolean {
  const n = t.length;
  let i = start + 1;
  let from = i;
  let text = '';
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === 10 || c === 13) return false;
    if (c === 34) {
      out.text = text + t.slice(from, i);
      out.end = i + 1;
      return true;
    }
    if (c === 92) {
      text += t.slice(from, i);
      const e = t.charCodeAt(i + 1);
      const simple = e < 128 ? ESCAPES[e] : undefined;
      if (simple !== undefined) {
        text += simple;
        i += 2;
      } else {
        const len = e === 0x78 ? 2 : e === 0x75 ? 4 : e === 0x55 ? 8 : 0;
        if (len === 0) return false;
        const code = hexValue(t, i + 2, len);
        if (code < 0 || code > 0x10ffff) return false;
        text += String.fromCodePoint(code);
        i += 2 + len;
      }
      from = i;
      continue;
    }
    i++;
  }
  return false;
}

function hexValue(t: string, at: number, len: number): number {
  let v = 0;
  for (let k = 0; k < len; k++) {
    const c = t.charCodeAt(at + k);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 65 && c <= 70) d = c - 55;
    else if (c >= 97 && c <= 102) d = c - 87;
    else return -1;
    v = v * 16 + d;
  }
  return v;
}
