// A minimal XML 1.0 well-formedness checker and attribute reader for the preview tests (no XML parser dependency).

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/;
const ILLEGAL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Problems that make `text` not well-formed XML; empty when it is well-formed. */
export function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const illegal = ILLEGAL_CHAR.exec(text);
  if (illegal) problems.push(`illegal character U+${illegal[0].charCodeAt(0).toString(16)} at ${illegal.index}`);
  let pos = 0;
  const stack: string[] = [];
  let roots = 0;
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) return [...problems, 'unterminated XML declaration'];
    pos = end + 2;
  }
  while (pos < text.length && problems.length < 10) {
    if (text.startsWith('<!--', pos)) {
      const end = text.indexOf('-->', pos + 4);
      if (end < 0) return [...problems, `unterminated comment at ${pos}`];
      pos = end + 3;
    } else if (text.startsWith('</', pos)) {
      const name = NAME.exec(text.slice(pos + 2));
      const close = text.indexOf('>', pos);
      if (!name || close < 0 || text.slice(pos + 2 + name[0].length, close).trim() !== '') {
        problems.push(`bad end tag at ${pos}`);
        break;
      }
      const open = stack.pop();
      if (open !== name[0]) problems.push(`</${name[0]}> at ${pos} closes <${open ?? 'nothing'}>`);
      pos = close + 1;
    } else if (text[pos] === '<') {
      const r = readStartTag(text, pos);
      if (typeof r === 'string') {
        problems.push(r);
        break;
      }
      if (stack.length === 0) roots++;
      if (!r.selfClosing) stack.push(r.name);
      pos = r.end;
    } else {
      const next = text.indexOf('<', pos);
      const end = next < 0 ? text.length : next;
      const chunk = text.slice(pos, end);
      if (stack.length === 0 && chunk.trim() !== '') problems.push(`text outside the root element at ${pos}`);
      const bad = badAmpersand(chunk);
      if (bad >= 0) problems.push(`bare & in text at ${pos + bad}`);
      pos = end;
    }
  }
  if (stack.length > 0) problems.push(`unclosed <${stack[stack.length - 1]}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

function readStartTag(text: string, start: number): { name: string; end: number; selfClosing: boolean } | string {
  const name = NAME.exec(text.slice(start + 1));
  if (!name) return `bad start tag at ${start}`;
  let pos = start + 1 + name[0].length;
  const seen = new Set<string>();
  for (;;) {
    const ws = /^\s*/.exec(text.slice(pos))![0].length;
    pos += ws;
    if (text.startsWith('/>', pos)) return { name: name[0], end: pos + 2, selfClosing: true };
    if (text[pos] === '>') return { name: name[0], end: pos + 1, selfClosing: false };
    if (ws === 0) return `missing space before attribute at ${pos}`;
    const attr = NAME.exec(text.slice(pos));
    if (!attr) return `bad attribute at ${pos}`;
    if (seen.has(attr[0])) return `duplicate attribute ${attr[0]} at ${pos}`;
    seen.add(attr[0]);
    pos += attr[0].length;
    if (text[pos] !== '=') return `attribute without value at ${pos}`;
    const quote = text[pos + 1];
    if (quote !== '"' && quote !== "'") return `unquoted attribute at ${pos}`;
    const close = text.indexOf(quote, pos + 2);
    if (close < 0) return `unterminated attribute at ${pos}`;
    const value = text.slice(pos + 2, close);
    if (value.includes('<')) return `< in attribute value at ${pos}`;
    if (badAmpersand(value) >= 0) return `bare & in attribute at ${pos}`;
    pos = close + 1;
  }
}

/** Index of the first `&` that does not start a predefined or numeric entity, or -1. */
export function badAmpersand(s: string): number {
  for (let i = s.indexOf('&'); i >= 0; i = s.indexOf('&', i + 1)) {
    if (!ENTITY.test(s.slice(i))) return i;
  }
  return -1;
}

export function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
}

/** Every value of attribute `name` (double-quoted, as the renderer writes them), unescaped, in document order. */
export function attributeValues(svg: string, name: string): string[] {
  const re = new RegExp(`\\s${name}="([^"]*)"`, 'g');
  return [...svg.matchAll(re)].map((m) => unescapeXml(m[1]));
}

/** The start tags of node groups, one per drawn node. */
export function nodeTags(svg: string): string[] {
  return [...svg.matchAll(/<g class="n [^"]*" data-node-id="[^"]*"[^>]*>/g)].map((m) => m[0]);
}
