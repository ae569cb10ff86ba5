// The fast YAML path: same tree as the library path on real files and tricky snippets, and it gives up outside its subset.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fastParseTree } from '../../../core/src/yaml/fast-parse';
import { parseYaml } from '../../../core/src/yaml/parse';
import { generateModel } from '../../../bench/gen-model';
import { bailReason, compareWithLibrary } from './differential';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const TEMPLATES = path.resolve(process.cwd(), 'templates');

function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...allFiles(p));
    else out.push(p);
  }
  return out;
}

const isYaml = (file: string) => /\.ya?ml$/.test(file);

/** The fast path must take text (so its speed cannot silently disappear) and agree with the library on it. */
function assertFast(text: string, label = JSON.stringify(text)): void {
  assert.equal(compareWithLibrary(text), 'fast', `${label}: the fast path gave up: ${bailReason(text)}`);
}

function assertBail(text: string): void {
  assert.equal(fastParseTree(text), undefined, `expected the fast path to give up on ${JSON.stringify(text)}`);
  assert.equal(compareWithLibrary(text), 'bail');
}

describe('fast path on real files', () => {
  const corpus = allFiles(CORPUS).filter(isYaml);
  const templates = allFiles(TEMPLATES).filter(isYaml);
  const others = [...allFiles(CORPUS), ...allFiles(TEMPLATES)].filter((f) => !isYaml(f));

  test('the corpus and the built-in templates are there', () => {
    assert.ok(corpus.length >= 15, corpus.join(', '));
    assert.ok(templates.length >= 8, templates.join(', '));
  });

  for (const file of [...corpus, ...templates]) {
    const label = path.relative(path.resolve(process.cwd(), '..'), file);
    test(`${label}: fast, and identical to the library (LF and CRLF)`, () => {
      const text = readFileSync(file, 'utf8');
      assertFast(text, label);
      assertFast(text.replace(/\r?\n/g, '\r\n'), `${label} (CRLF)`);
    });
  }

  for (const file of others) {
    const label = path.relative(path.resolve(process.cwd(), '..'), file);
    test(`${label} (not YAML): the fast path gives up or matches the library`, () => {
      compareWithLibrary(readFileSync(file, 'utf8'));
    });
  }

  for (const n of [50, 500]) {
    test(`generated ${n}-node model: fast, and identical to the library`, () => assertFast(generateModel(n), `gen ${n}`));
  }

  test('the 5,000-node bench model takes the fast path', () => {
    const text = generateModel(5000);
    assert.ok(fastParseTree(text), bailReason(text));
    const r = parseYaml(text);
    assert.deepEqual(r.diagnostics, []);
    assert.equal((r.doc.value as { nodes: unknown[] }).nodes.length, 5000);
  });
});

describe('fast path: supported constructs (must not give up, must match)', () => {
  const cases: Record<string, string> = {
    'block map': 'a: 1\nb: two\n',
    'nested maps, any indentation step': 'a:\n   b:\n      c: 1\n   d: 2\ne: 3\n',
    'block sequence of scalars': 'a:\n  - 1\n  - x y\n  - "q"\n',
    'sequence at the column of its key': 'a:\n- 1\n- 2\nb: 3\n',
    'root sequence': '- a\n- b: 1\n  c: 2\n',
    'compact mappings in a sequence': 'nodes:\n  - id: a\n    kind: const\n  -   id: b\n      kind: expr\n',
    'compact mapping with nested values': '- a:\n    b: 1\n  c:\n  - x\n  d: [1]\n- e: 2\n',
    'sequence in a compact mapping at the key column': '- a:\n  - x\n  b: 1\n',
    'flow sequences and maps': 'a: [1, 2.5, x y, "q", \'s\']\nb: {c: 1, d: [e, {f: g}]}\nc: []\nd: {}\ne: [ ]\n',
    'flow spaces and trailing commas': 'a: [ 1 , 2 , ]\nb: { c : 1, }\n',
    'multi-line flow sequence': 'a: [\n  1,\n  2\n]\nb: [1,\n    2]\nc: 1\n',
    'multi-line flow map': 'a: {\n  b: 1,\n  c: [2,\n   3]\n}\n',
    'multi-line flow in a sequence item, closed at the dash column': '- [\n  1,\n  2\n]\n- {a: [\n    1]}\n',
    'multi-line nested flow': 'a: [[1,\n  2], [\n  3\n  ]]\n',
    'plain scalars FlowTime types': 'a: 1\nb: -2\nc: 0.25\nd: 1e3\ne: true\nf: False\ng: null\nh: ~\ni: yes\nj: 007\nk: 99999999999\nl: .5\nm: -.5\n',
    'plain scalars with inner punctuation': 'a: http://x.y/z?q=1\nb: 2025-01-01T00:00:00Z\nc: MIN(a, b) * 0.9\nd: x[0]\ne: a{b}\nf: ${bins}\ng: a - b\nh: it\'s "x"\ni: 12:30\n',
    'keys with spaces, slashes, tildes and quotes': 'a b: 1\na/b: 2\n~x: 3\n"q": 4\n\'s\': 5\nx~1/y: 6\n__proto__: 7\n0: 8\n"": 9\n',
    'space before the colon': 'a  : 1\n"b" : 2\n',
    'single-quoted scalars': "a: 'it''s'\nb: ''\nc: 'a # b: c, [d]'\nd: '\\n'\n",
    'double-quoted escapes': 'a: "\\n\\t\\"\\\\\\/\\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P\\ "\nb: "\\x41\\xe9\\u00e9\\u20AC\\U0001F600\\ud800"\nc: ""\n',
    'non-ASCII text': 'titre: é✓ 需 😀\n"é": "😀"\n',
    'empty values': 'a:\nb:   \nc: # note\nd:\n  e:\nf:\n',
    'empty value last, followed by comments': 'a:\n  b: 1\n  c:\n# tail\nd: 1\n',
    'trailing comments': 'a: 1 # one\nb: [1] # flow\nc: "q" # quoted\nd:\n  - x # item\n',
    'comment lines at every indentation': '# head\na:\n  # before\n  b: 1\n    # deeper\n  # same\n # less\n# none\nc: 2\n',
    'deeper comments after a flow value extend it': 'a: [1, 2]\n    # deeper\nb: {c: 1}\n  # deeper\n\n   # after blank\nd: 1\n',
    'comments between sequence items': '- a: 1\n  b: 2\n  # at key column\n- a: 3\n # between\n    # deeper\n- 4\n',
    'blank lines': '\n\na: 1\n\n\nb:\n\n  c: 2\n\n',
    'document start and end markers': '# c\n--- # start\n# d\na: 1\n... # end\n# after\n',
    'no final newline': 'a:\n  b: [1, 2] # c',
    'CRLF line endings': 'a: 1\r\nb:\r\n  - x # c\r\n  - [1,\r\n    2]\r\n',
    'dash-led plain scalars': 'a: -x\nb: -1\n-c: 2\n',
    'template placeholders': 'grid:\n  bins: ${bins}\n  binSize: ${binSize}\nvalues: ${arr}\n',
  };
  for (const [name, text] of Object.entries(cases)) test(name, () => assertFast(text));
});

describe('fast path: gives up outside its subset (the library path decides)', () => {
  const cases: Record<string, string> = {
    'tab in indentation': 'a:\n\tb: 1\n',
    'tab after a colon': 'a:\t1\n',
    'anchor and alias': 'a: &x 1\nb: *x\n',
    'alias alone': 'a: *x\n',
    'tag': 'a: !!str 1\n',
    'local tag': 'a: !x 1\n',
    'literal block scalar': 'a: |\n  x\n',
    'folded block scalar': 'a: >-\n  x\n',
    'multi-line plain scalar': 'a: b\n  c\n',
    'multi-line plain sequence item': '- 1\n - 1\n',
    'multi-line double-quoted scalar': 'a: "b\n  c"\n',
    'multi-line single-quoted scalar': "a: 'b\n  c'\n",
    'escaped line break': 'a: "b\\\n  c"\n',
    'complex key': '? a\n: b\n',
    'empty key': ': b\n',
    'duplicate key': 'a: 1\na: 2\n',
    'duplicate key after decoding': "a: 1\n'a': 2\n",
    'duplicate key in a flow map': 'a: {b: 1, b: 2}\n',
    'second document': 'a: 1\n---\nb: 2\n',
    'content after ...': 'a: 1\n...\nb: 2\n',
    'directive': '%YAML 1.2\n---\na: 1\n',
    'flow collection as a key': '[a]: 1\n',
    'flow map as a key': '{a: 1}: 2\n',
    'lone carriage return': 'a: 1\rb: 2\n',
    'byte order mark': '\uFEFFa: 1\n',
    'byte order mark after leading comments': '# c\n\uFEFFa: 1\n',
    'byte order mark in a scalar': 'a: x\uFEFF\n',
    '# without a space in a plain scalar': 'a: b#c\n',
    '# in a flow plain scalar': 'a: [b#c]\n',
    'comment inside a flow collection': 'a: [1, # c\n  2]\n',
    ': inside a flow sequence': 'a: [b: 1]\n',
    'flow map key without a value': 'a: {b}\n',
    'flow map entry with an empty value': 'a: {b: }\n',
    'empty flow item': 'a: [1,,2]\n',
    'JSON-style key without a space': 'a: {"b":1}\n',
    'nested sequence on one line': '- - x\n',
    'dash alone': '-\n  a: 1\n',
    'dash with a comment only': '- # c\n  a: 1\n',
    'sequence on the line of a key': 'a: - x\n',
    'dash value': 'a: -\n',
    'mapping on the line of a key': 'a: b: c\n',
    '[ unclosed': 'a: [b\n',
    '] starting a plain scalar': 'a: ]\n',
    'reserved @': 'a: @x\n',
    'reserved backtick': 'a: `x\n',
    'directive character in a scalar': 'a: %x\n',
    'question mark start': 'a: ?x\n',
    'colon start': 'a: :x\n',
    'comma start': 'a: ,x\n',
    'merge key': '<<: {a: 1}\n',
    'unknown escape': 'a: "\\q"\n',
    'code point too large': 'a: "\\U00110000"\n',
    'text after a quoted scalar': 'a: "x" y\n',
    'comment glued to a quoted scalar': "a: 'x'#c\n",
    'text after a flow collection': 'a: [1] x\n',
    'flow continuation not indented enough': '- a: [\n  1]\n',
    'bad indentation': 'a:\n  b: 1\n c: 2\n',
    'sequence item at a mapping column': 'a: 1\n- x\n',
    'indented root': '  a: 1\n',
    'root scalar': 'hello\n',
    'root flow collection': '[1, 2]\n',
    'empty text': '',
    'comments only': '# nothing\n',
    'document start only': '---\n',
  };
  for (const [name, text] of Object.entries(cases)) test(name, () => assertBail(text));

  test('parseYaml still reports the library diagnostics when the fast path gives up', () => {
    const dup = parseYaml('a: 1\na: 2\n');
    assert.deepEqual(
      dup.diagnostics.map((d) => d.code),
      ['yaml.duplicate-key'],
    );
    const two = parseYaml('a: 1\n---\nb: 2\n');
    assert.equal(two.documentCount, 2);
    assert.deepEqual(
      two.diagnostics.map((d) => d.code),
      ['yaml.multiple-documents'],
    );
  });
});
