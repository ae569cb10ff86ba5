// fast-check generators: YAML documents in the fast path's subset (a grammar with layout choices) and mutations of them.
import fc from 'fast-check';

/** Plain scalars valid anywhere in block context (after `: ` or `- `). */
const BLOCK_PLAIN = [
  '1', '0', '-5', '+12', '007', '0.25', '-.5', '.5', '1e3', '2E-2', '99999999999', '1.', 'true', 'False', 'TRUE', 'null',
  '~', 'yes', 'no', 'abc', 'a b', 'n12', 'http://x.y/z?q=1', '${bins}', 'MIN(n1, n2) * 0.9 + SHIFT(n3, 1)',
  '2025-01-01T00:00:00Z', 'a:b', 'x[0]', 'a{b}', 'é✓ 需', '😀', 'a - b', 'a -b', 'tab\\t', "it's", 'say "hi"', 'a,b',
  'trailing ', 'a?b', 'a!b', 'a&b', 'a*b', 'a|b', 'a>b', 'a%b', 'a@b', '-x', 'NaN', '.inf', '0x1F',
  '1_000', 'True', 'fAlse', '-0', '+.5e+3', '12:30', '<<x', '=',
];

/** Plain scalars valid inside flow collections (no flow indicators, no `: `). */
const FLOW_PLAIN = [
  '1', '-5', '0.25', '1e3', 'true', 'null', '~', 'abc', 'a b', 'n7', 'a:b', 'é', 'http://x/y', '2025-01-01T00:00:00Z',
  'MIN(a b)', '-x', '.5', 'a - b', "it's", 'x"y', 'a!b', 'a?b', '12:30',
];

const KEYS = [
  'a', 'b', 'id', 'kind', 'values', 'expr', 'nodes', 'grid', 'bins', 'a b', 'a/b', '~x', 'x~1/y', '__proto__', 'constructor',
  'toString', '0', '1', '10', 'a:b', '-x', 'a.b', '${p}', 'é', 'x[0]', 'a{b}', 'k,1', 'true', 'null', '~',
];

const SQ_PIECES = ['a', 'B', ' ', "''", '"', '\\', '#', ' # ', ': ', ',', ']', '{', 'é', '😀', '\\n', '$'];
const DQ_PIECES = [
  'a', 'B', ' ', 'é', "'", '#', ' # ', ': ', ',', '[', '}', '😀', '\\n', '\\t', '\\"', '\\\\', '\\/', '\\0', '\\a', '\\b',
  '\\e', '\\f', '\\r', '\\v', '\\N', '\\_', '\\L', '\\P', '\\x41', '\\xe9', '\\u00e9', '\\u20AC', '\\U0001F600', '\\ ',
  '\\uD83D\\uDE00', '\\ud800',
];
const COMMENT_TEXT = ['', ' c', ' comment: with [stuff], {x}', ' #', ' - item', ' é ✓', ' key: value', '---', ' "quote'];

export type Scalar = { kind: 'scalar'; text: string };
export type Empty = { kind: 'empty' };
export type Flow = { kind: 'flow'; map: boolean; items: FlowItem[]; multiline: boolean; extra: number; closeOwnLine: boolean; trailingComma: boolean; pad: boolean };
export type FlowItem = { key?: string; value: Scalar | Flow };
export type Trivia = { comment?: string; col: number };
export type Entry = { key: string; decoded: string; value: Value; comment?: string; after: Trivia[]; spaces: number; gap: number };
export type BlockMap = { kind: 'map'; entries: Entry[]; step: number; before: Trivia[] };
export type Item = { value: Scalar | Flow | BlockMap; comment?: string; after: Trivia[]; spaces: number };
export type BlockSeq = { kind: 'seq'; items: Item[]; step: number; indented: boolean; before: Trivia[] };
export type Value = Scalar | Empty | Flow | BlockMap | BlockSeq;
export type Doc = { root: BlockMap | BlockSeq; lead: Trivia[]; docStart?: string; docEnd?: string; tail: Trivia[]; crlf: boolean };

// Every piece is already valid inside its quotes (quotes and backslashes come escaped).
const sq = fc.array(fc.constantFrom(...SQ_PIECES), { maxLength: 6 }).map((p) => `'${p.join('')}'`);
const dq = fc.array(fc.constantFrom(...DQ_PIECES), { maxLength: 6 }).map((p) => `"${p.join('')}"`);

const blockScalar: fc.Arbitrary<Scalar> = fc.oneof(fc.constantFrom(...BLOCK_PLAIN), sq, dq).map((text) => ({ kind: 'scalar', text }));
const flowScalar: fc.Arbitrary<Scalar> = fc.oneof(fc.constantFrom(...FLOW_PLAIN), sq, dq).map((text) => ({ kind: 'scalar', text }));

/** A key as written and as decoded (so a map's keys can be kept unique after decoding). */
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KEYS).map((k) => ({ key: k, decoded: k })) },
  { weight: 1, arbitrary: fc.constantFrom(...KEYS).map((k) => ({ key: `'${k}'`, decoded: k })) },
  { weight: 1, arbitrary: fc.constantFrom(...KEYS).map((k) => ({ key: JSON.stringify(k), decoded: k })) },
);
const flowKey = fc.constantFrom('a', 'b', 'c d', 'é', '"q"', "'s'", 'x/y', '1');
const unquote = (k: string) => k.replace(/^["']|["']$/g, '');

const trivia: fc.Arbitrary<Trivia[]> = fc.array(
  fc.record({ comment: fc.option(fc.constantFrom(...COMMENT_TEXT), { nil: undefined }), col: fc.integer({ min: 0, max: 12 }) }),
  { maxLength: 3 },
);
const lineComment = fc.option(fc.constantFrom(...COMMENT_TEXT), { nil: undefined, freq: 3 });

const flow: fc.Arbitrary<Flow> = fc.letrec<{ flow: Flow }>((tie) => ({
  flow: fc.record({
    kind: fc.constant('flow' as const),
    map: fc.boolean(),
    items: fc.uniqueArray(fc.record({ key: flowKey, value: fc.oneof({ depthSize: 'small' }, flowScalar, tie('flow')) }), {
      maxLength: 4,
      selector: (it) => unquote(it.key),
    }),
    multiline: fc.boolean(),
    extra: fc.integer({ min: 0, max: 3 }),
    closeOwnLine: fc.boolean(),
    trailingComma: fc.boolean(),
    pad: fc.boolean(),
  }),
})).flow;

const tree = fc.letrec<{ value: Value; map: BlockMap; seq: BlockSeq }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    { weight: 5, arbitrary: blockScalar },
    { weight: 1, arbitrary: fc.constant<Empty>({ kind: 'empty' }) },
    { weight: 2, arbitrary: flow },
    { weight: 2, arbitrary: tie('map') },
    { weight: 2, arbitrary: tie('seq') },
  ),
  map: fc.record({
    kind: fc.constant('map' as const),
    entries: fc.uniqueArray(
      fc.record({
        k: key,
        value: tie('value'),
        comment: lineComment,
        after: trivia,
        spaces: fc.integer({ min: 1, max: 2 }),
        gap: fc.constantFrom(0, 0, 0, 0, 1, 2),
      }),
      { minLength: 1, maxLength: 4, selector: (e) => e.k.decoded },
    ).map((es) => es.map(({ k, ...rest }) => ({ key: k.key, decoded: k.decoded, ...rest }))),
    step: fc.integer({ min: 1, max: 4 }),
    before: trivia,
  }),
  seq: fc.record({
    kind: fc.constant('seq' as const),
    items: fc.array(
      fc.record({
        value: fc.oneof({ depthSize: 'small' }, blockScalar, flow, tie('map') as fc.Arbitrary<BlockMap>),
        comment: lineComment,
        after: trivia,
        spaces: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    step: fc.integer({ min: 1, max: 4 }),
    indented: fc.boolean(),
    before: trivia,
  }),
}));

export const supportedDoc: fc.Arbitrary<Doc> = fc.record({
  root: fc.oneof(tree.map, tree.seq),
  lead: trivia,
  docStart: fc.option(fc.constantFrom('---', '---  ', '--- # start'), { nil: undefined }),
  docEnd: fc.option(fc.constantFrom('...', '... # end', '...\n# after\n\n'), { nil: undefined }),
  tail: trivia,
  crlf: fc.boolean(),
});

const sp = (n: number) => ' '.repeat(n);

function triviaLines(ts: Trivia[]): string[] {
  return ts.map((t) => (t.comment === undefined ? sp(t.col % 3) : `${sp(t.col)}#${t.comment}`));
}

function withComment(line: string, comment: string | undefined): string {
  return comment === undefined ? line : `${line}  #${comment}`;
}

function renderFlow(f: Flow, indentNext: number, depth: number): string {
  const [open, close] = f.map ? ['{', '}'] : ['[', ']'];
  const parts = f.items.map((it) => {
    const v = it.value.kind === 'scalar' ? it.value.text : renderFlow(it.value, indentNext, depth + 1);
    return f.map ? `${it.key}: ${v}` : v;
  });
  if (parts.length === 0) return f.pad ? `${open} ${close}` : `${open}${close}`;
  const comma = f.trailingComma ? ',' : '';
  if (!f.multiline) return f.pad ? `${open} ${parts.join(', ')}${comma} ${close}` : `${open}${parts.join(',')}${comma}${close}`;
  const inner = sp(indentNext + f.extra);
  const closeIndent = f.closeOwnLine ? (depth === 1 ? Math.max(0, indentNext - 1) : indentNext + f.extra) : -1;
  const body = parts.map((p) => `\n${inner}${p}`).join(',');
  return closeIndent < 0 ? `${open}${body}${comma}${close}` : `${open}${body}${comma}\n${sp(closeIndent)}${close}`;
}

function renderValueAfterKey(v: Value, col: number, head: string, comment: string | undefined, spaces: number, out: string[]): void {
  if (v.kind === 'scalar') out.push(withComment(`${head}:${sp(spaces)}${v.text}`, comment));
  else if (v.kind === 'flow') out.push(...withComment(`${head}:${sp(spaces)}${renderFlow(v, col + 1, 1)}`, comment).split('\n'));
  else if (v.kind === 'empty') out.push(withComment(`${head}:`, comment));
  else {
    out.push(withComment(`${head}:`, comment));
    out.push(...triviaLines(v.before));
    if (v.kind === 'map') renderMap(v, col + v.step, out);
    else renderSeq(v, v.indented ? col + v.step : col, out);
  }
}

/** Renders a map with its keys at column col; `prefix` replaces the first line's indentation (compact `- key:`). */
function renderMap(m: BlockMap, col: number, out: string[], prefix?: string): void {
  m.entries.forEach((e, i) => {
    const indent = i === 0 && prefix !== undefined ? prefix : sp(col);
    renderValueAfterKey(e.value, col, `${indent}${e.key}${sp(e.gap)}`, e.comment, e.spaces, out);
    out.push(...triviaLines(e.after));
  });
}

function renderSeq(s: BlockSeq, col: number, out: string[]): void {
  for (const it of s.items) {
    const dash = `${sp(col)}-${sp(it.spaces)}`;
    const v = it.value;
    if (v.kind === 'scalar') out.push(withComment(`${dash}${v.text}`, it.comment));
    else if (v.kind === 'flow') out.push(...withComment(`${dash}${renderFlow(v, col + 1, 1)}`, it.comment).split('\n'));
    else renderMap(v, dash.length, out, dash);
    out.push(...triviaLines(it.after));
  }
}

export function renderDoc(d: Doc): string {
  const out: string[] = [...triviaLines(d.lead)];
  if (d.docStart !== undefined) out.push(d.docStart);
  if (d.root.kind === 'map') renderMap(d.root, 0, out);
  else renderSeq(d.root, 0, out);
  out.push(...triviaLines(d.tail));
  if (d.docEnd !== undefined) out.push(d.docEnd);
  const text = `${out.join('\n')}\n`;
  return d.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Characters that matter to YAML, for mutations. */
const MUTATION_CHARS = [
  ':', '-', ' ', '  ', '#', "'", '"', '[', ']', '{', '}', ',', '\n', '\t', '&', '*', '!', '|', '>', '?', '%', '@', '`', '\\',
  '\r', '\r\n', 'a', '1', '.', '~', '\uFEFF', '\u00a0', '\u2028', '---\n', '...\n', ': ', '- ', ' #', '<<: ', 'é',
];

const LINE_START_CHARS = ['%', '%YAML 1.2\n', '\uFEFF', '---', '--- ', '...', '... ', '? ', ': ', '- ', '-', '#', ' ', '  ', '\t', '&a ', '!x '];

export type Mutation =
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'replace'; at: number; s: string }
  | { op: 'line'; at: number; how: 'dup' | 'drop' | 'indent' | 'dedent' | 'swap' }
  | { op: 'prefix'; at: number; s: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), s: fc.constantFrom(...MUTATION_CHARS) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('replace' as const), at: fc.nat(), s: fc.constantFrom(...MUTATION_CHARS) }),
  fc.record({ op: fc.constant('line' as const), at: fc.nat(), how: fc.constantFrom('dup' as const, 'drop' as const, 'indent' as const, 'dedent' as const, 'swap' as const) }),
  // Line starts matter most to the lexer (document markers, directives, byte order marks, indicators).
  fc.record({ op: fc.constant('prefix' as const), at: fc.nat(), s: fc.constantFrom(...LINE_START_CHARS) }),
);

export function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) {
    if (m.op === 'prefix') {
      const lines = t.split('\n');
      const i = m.at % lines.length;
      lines[i] = m.s + lines[i];
      t = lines.join('\n');
      continue;
    }
    if (m.op === 'line') {
      const lines = t.split('\n');
      const i = m.at % lines.length;
      if (m.how === 'dup') lines.splice(i, 0, lines[i]);
      else if (m.how === 'drop') lines.splice(i, 1);
      else if (m.how === 'indent') lines[i] = ` ${lines[i]}`;
      else if (m.how === 'dedent') lines[i] = lines[i].replace(/^ /, '');
      else if (i + 1 < lines.length) [lines[i], lines[i + 1]] = [lines[i + 1], lines[i]];
      t = lines.join('\n');
      continue;
    }
    const at = t.length === 0 ? 0 : m.at % (t.length + 1);
    if (m.op === 'insert') t = t.slice(0, at) + m.s + t.slice(at);
    else if (m.op === 'delete') t = t.slice(0, at) + t.slice(at + m.len);
    else t = t.slice(0, at) + m.s + t.slice(at + m.s.length);
  }
  return t;
}

/** Lines from a small repertoire with drifting indentation: plausible layouts, many of them off by a column or two. */
const LINE_BODIES = [
  'K: 1', 'K: x y', 'K:', 'K: [1, 2]', 'K: {f: g}', '- 1', '- K: 2', '- [3]', '- K:', '# c', '#', '', 'K: "q"', "K: 'r'",
  'K: [\n  1]', 'K: # c', 'K: v # c', '- o # c', '- "K": 1', 'K:  ', '- K: [1,\n    2]  # c', 'K: {\n  t: 1\n}', '  # deep',
  '- K: 1\n  K: 2', '-   K: 3', '---', '...', 'K: a: b', 'K: |\n  x', '- - 1', 'K: &a 1', 'K: [1,\n2]',
];
export const lineSoup: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(fc.integer({ min: -4, max: 4 }), fc.constantFrom(...LINE_BODIES)), { minLength: 1, maxLength: 14 }), fc.boolean())
  .map(([lines, crlf]) => {
    let indent = 0;
    let k = 0;
    const text = `${lines
      .map(([delta, body], i) => {
        indent = i === 0 ? 0 : Math.max(0, indent + delta);
        return ' '.repeat(indent) + body.replace(/K/g, () => `k${k++}`);
      })
      .join('\n')}\n`;
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

/** Free concatenations of YAML-significant fragments: mostly broken documents. */
const TOKENS = [
  'a', 'b', 'k', '1', '-1', '0.5', 'true', ':', ': ', '- ', '-', ' ', '  ', '\n', '\n  ', '\n    ', '\n- ', '\n  - ', '#', ' #',
  ' # c', '[', ']', '{', '}', ',', ', ', "'", '"', "''", '\\', '\\n', '\\x4', '&a', '*a', '!!str', '|', '>', '?', '%', '@', '`',
  '---', '...', '\r\n', '\r', '\t', 'é', '\u00a0', '${p}', 'x: y', 'k: [1, 2]', 'k: {a: 1}', 'k:\n  a: 1', '\n  # c', '\n# c', '\n\n',
];
export const tokenSoup: fc.Arbitrary<string> = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((ps) => ps.join(''));
