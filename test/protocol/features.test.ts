// Editing features end to end over stdio: completion, hover, signature help, navigation, rename, code actions,
// semantic tokens, symbols and inlay hints, on a model and on a template.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { generateModel } from '../../bench/gen-model';
import { applyEdits } from '../helpers/apply-edits';
import { LspClient } from '../helpers/lsp-client';
import type { LspDiagnostic, LspRange } from '../helpers/lsp-client';
import { dedent, marked } from '../helpers/markers';
import { codes, openAndWait, TEMPLATE, uri } from './fixtures';

/** cursors: [0] on `demand` inside MIN(…), [1] on the second argument; ranges: [0] demand's id, [1] the use. */
const MODEL = marked(
  dedent(`
    schemaVersion: 1
    grid:
      bins: 3
      binMinutes: 60
    nodes:
      - id: «demand»
        kind: const
        values: [10, 20, 30]
      - id: capacity
        kind: const
        values: [15, 15, 15]
      - id: served
        kind: expr
        expr: "MIN(«dem‸and», ‸capacity)"
      - id: mix
        kind: pmf
        pmf:
          values: [1, 2]
          probabilities: [0.5, 0.5]
    outputs:
      - series: served
        as: served.csv
  `),
);

interface TextEditLike {
  range: LspRange;
  newText: string;
}
interface WorkspaceEditLike {
  changes: Record<string, TextEditLike[]>;
}
interface CodeActionLike {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: LspDiagnostic[];
  edit: WorkspaceEditLike;
}

const at = (doc: string, position: { line: number; character: number }) => ({ textDocument: { uri: doc }, position });

/** Decodes LSP's relative token integers into absolute (line, character, length, type, modifiers). */
function decodeTokens(data: number[], types: string[], modifiers: string[]): string[] {
  const out: string[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    const mods = modifiers.filter((_, bit) => (data[i + 4] & (1 << bit)) !== 0);
    out.push(`${line}:${character}+${data[i + 2]} ${types[data[i + 3]]}${mods.length ? `[${mods.join(',')}]` : ''}`);
  }
  return out;
}

describe('editing features over stdio (model)', () => {
  let client: LspClient;
  let legend: { tokenTypes: string[]; tokenModifiers: string[] };
  const doc = uri('features.yaml');
  let published: LspDiagnostic[];

  before(async () => {
    client = LspClient.stdio();
    const init = (await client.initialize()) as { capabilities: { semanticTokensProvider: { legend: typeof legend } } };
    legend = init.capabilities.semanticTokensProvider.legend;
    published = (await openAndWait(client, doc, MODEL.text)).diagnostics;
    assert.deepEqual(
      published.map((d) => d.code),
      ['legacy.bin-minutes'],
    );
  });
  after(async () => {
    await client.shutdown();
  });

  test('completion inside an expression offers the node ids (and the functions as snippets)', async () => {
    const r = await client.request<{ isIncomplete: boolean; items: { label: string; kind: number; insertTextFormat?: number; textEdit?: TextEditLike }[] }>(
      'textDocument/completion',
      at(doc, MODEL.cursors[1]),
    );
    const nodes = r.items.filter((i) => i.kind === 18).map((i) => i.label);
    assert.deepEqual(nodes.sort(), ['capacity', 'demand', 'mix']);
    const capacity = r.items.find((i) => i.label === 'capacity')!;
    assert.deepEqual(capacity.textEdit?.range, { start: MODEL.cursors[1], end: { line: MODEL.cursors[1].line, character: MODEL.cursors[1].character + 8 } });
    const shift = r.items.find((i) => i.label === 'SHIFT')!;
    assert.equal(shift.kind, 3);
    assert.equal(shift.insertTextFormat, 2);
    assert.equal(shift.textEdit?.newText, 'SHIFT(${1:x}, ${2:lag})$0');
  });

  test('hover on a node reference shows the node', async () => {
    const h = await client.request<{ contents: { kind: string; value: string }; range: LspRange }>('textDocument/hover', at(doc, MODEL.cursors[0]));
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /^\*\*demand\*\*: const node/);
    assert.match(h.contents.value, /Used once: expr of `served`/);
    assert.deepEqual(h.range, MODEL.ranges[1]);
  });

  test('signature help inside MIN(…) marks the second parameter', async () => {
    const s = await client.request<{ signatures: { label: string; parameters: { label: string }[] }[]; activeParameter: number }>(
      'textDocument/signatureHelp',
      at(doc, MODEL.cursors[1]),
    );
    assert.equal(s.signatures[0].label, 'MIN(a, b)');
    assert.equal(s.activeParameter, 1);
  });

  test('definition and references of a node id used in an expression', async () => {
    const def = await client.request<{ uri: string; range: LspRange }[]>('textDocument/definition', at(doc, MODEL.cursors[0]));
    assert.deepEqual(def, [{ uri: doc, range: MODEL.ranges[0] }]);
    const withDecl = await client.request<{ uri: string; range: LspRange }[]>('textDocument/references', {
      ...at(doc, MODEL.cursors[0]),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(withDecl, [
      { uri: doc, range: MODEL.ranges[0] },
      { uri: doc, range: MODEL.ranges[1] },
    ]);
    const usesOnly = await client.request<unknown[]>('textDocument/references', { ...at(doc, MODEL.cursors[0]), context: { includeDeclaration: false } });
    assert.deepEqual(usesOnly, [{ uri: doc, range: MODEL.ranges[1] }]);
  });

  test('semantic tokens of the expression: function, node references', async () => {
    const t = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: doc } });
    const line = MODEL.cursors[0].line;
    assert.deepEqual(decodeTokens(t.data, legend.tokenTypes, legend.tokenModifiers), [
      `${line}:11+3 function[defaultLibrary]`,
      `${line}:15+6 variable[readonly]`,
      `${line}:23+8 variable[readonly]`,
    ]);
  });

  test('document symbols are hierarchical: grid, nodes by kind, outputs', async () => {
    const symbols = await client.request<{ name: string; kind: number; children?: { name: string; children?: { name: string; selectionRange: LspRange }[] }[] }[]>(
      'textDocument/documentSymbol',
      { textDocument: { uri: doc } },
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['grid', 'nodes', 'outputs'],
    );
    const nodes = symbols.find((s) => s.name === 'nodes')!;
    const all = (nodes.children ?? []).flatMap((group) => group.children ?? []);
    const demand = all.find((n) => n.name === 'demand');
    assert.ok(demand, `nodes: ${all.map((n) => n.name).join(', ')}`);
    assert.deepEqual(demand.selectionRange, MODEL.ranges[0]);
  });

  test('inlay hints: the expected value of a PMF', async () => {
    const hints = await client.request<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', {
      textDocument: { uri: doc },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
    });
    const pmfLine = MODEL.text.split('\n').indexOf('    pmf:');
    assert.deepEqual(
      hints.map((h) => [h.position.line, h.label]),
      [[pmfLine, 'E = 1.5']],
    );
  });

  test('a quick fix migrates the legacy grid; applied by the client, the diagnostic disappears', async () => {
    const legacy = published.find((d) => d.code === 'legacy.bin-minutes')!;
    const actions = await client.request<CodeActionLike[]>('textDocument/codeAction', {
      textDocument: { uri: doc },
      range: legacy.range,
      context: { diagnostics: [legacy], only: ['quickfix'] },
    });
    const fix = actions.find((a) => a.title === 'Convert to binSize: 1, binUnit: hours');
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [legacy]);
    // A client that dropped `data` still gets the fix: the server matches its own diagnostic.
    const withoutData = await client.request<CodeActionLike[]>('textDocument/codeAction', {
      textDocument: { uri: doc },
      range: legacy.range,
      context: { diagnostics: [{ ...legacy, data: undefined }] },
    });
    assert.deepEqual(
      withoutData.map((a) => a.title),
      actions.map((a) => a.title),
    );
    const refactors = await client.request<CodeActionLike[]>('textDocument/codeAction', {
      textDocument: { uri: doc },
      range: legacy.range,
      context: { diagnostics: [legacy], only: ['refactor'] },
    });
    assert.ok(refactors.every((a) => a.kind.startsWith('refactor')), 'context.only filters by kind');

    const fixed = applyEdits(MODEL.text, fix.edit.changes[doc]);
    assert.match(fixed, /\n {2}binSize: 1\n {2}binUnit: hours\n/);
    const since = client.mark();
    client.replace(doc, 2, fixed);
    const after = await client.diagnostics(doc, (p) => p.version === 2, since);
    assert.deepEqual(after.diagnostics, []);
    client.replace(doc, 3, MODEL.text);
    await client.diagnostics(doc, (p) => p.version === 3, since);
  });

  test('rename updates the declaration and every reference; the result stays valid', async () => {
    const prepared = await client.request<{ range: LspRange; placeholder: string }>('textDocument/prepareRename', at(doc, MODEL.cursors[0]));
    assert.deepEqual(prepared, { range: MODEL.ranges[1], placeholder: 'demand' });
    const edit = await client.request<WorkspaceEditLike>('textDocument/rename', { ...at(doc, MODEL.cursors[0]), newName: 'arrivals' });
    assert.deepEqual(Object.keys(edit.changes), [doc]);
    assert.deepEqual(
      edit.changes[doc].map((e) => [e.range, e.newText]),
      [
        [MODEL.ranges[0], 'arrivals'],
        [MODEL.ranges[1], 'arrivals'],
      ],
    );
    const renamed = applyEdits(MODEL.text, edit.changes[doc]);
    const since = client.mark();
    client.replace(doc, 4, renamed);
    const after = await client.diagnostics(doc, (p) => p.version === 4, since);
    assert.deepEqual(codes(after), ['legacy.bin-minutes'], 'no dangling reference after the rename');
    client.replace(doc, 5, MODEL.text);
    await client.diagnostics(doc, (p) => p.version === 5, since);
  });

  test('a rename to a taken id is refused with the reason (RequestFailed)', async () => {
    await assert.rejects(client.request('textDocument/rename', { ...at(doc, MODEL.cursors[0]), newName: 'capacity' }), (e: Error & { code?: number }) => {
      assert.equal(e.code, -32803);
      assert.match(e.message, /`capacity` is already the id of a node/);
      return true;
    });
  });

  test('a list longer than 1000 items is capped, marked incomplete, and narrows on what is typed', async () => {
    const big = uri('big.yaml');
    const text = generateModel(1500);
    await openAndWait(client, big, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.startsWith('    expr: "MIN('));
    const open = lines[line].indexOf('MIN(') + 4;
    type List = { isIncomplete: boolean; items: { label: string }[] };
    const all = await client.request<List>('textDocument/completion', at(big, { line, character: open }));
    assert.equal(all.isIncomplete, true);
    assert.equal(all.items.length, 1000);
    // Typing `n14` (the client sends the new text, then asks again): only ids with n, 1, 4 in that order remain.
    const typed = `${lines.slice(0, line).join('\n')}\n${lines[line].slice(0, open)}n14${lines[line].slice(open)}\n${lines.slice(line + 1).join('\n')}`;
    const since = client.mark();
    client.replace(big, 2, typed);
    await client.diagnostics(big, (p) => p.version === 2, since);
    const narrowed = await client.request<List>('textDocument/completion', at(big, { line, character: open + 3 }));
    assert.equal(narrowed.isIncomplete, true);
    assert.ok(narrowed.items.length < 1000 && narrowed.items.length > 100, `${narrowed.items.length} items`);
    assert.ok(narrowed.items.every((i) => /n.*1.*4/i.test(i.label)), narrowed.items.map((i) => i.label).join(', '));
    assert.ok(narrowed.items.some((i) => i.label === 'n1499'));
    client.close(big);
  });

  test('a client without snippet support gets plain text', async () => {
    const plain = LspClient.stdio();
    try {
      await plain.initialize({ textDocument: { completion: { completionItem: { snippetSupport: false } } } });
      const other = uri('plain.yaml');
      await openAndWait(plain, other, MODEL.text);
      const r = await plain.request<{ items: { label: string; insertTextFormat?: number; textEdit?: TextEditLike }[] }>('textDocument/completion', at(other, MODEL.cursors[1]));
      const shift = r.items.find((i) => i.label === 'SHIFT')!;
      assert.equal(shift.insertTextFormat, undefined);
      assert.equal(shift.textEdit?.newText, 'SHIFT(x, lag)');
    } finally {
      await plain.shutdown();
    }
  });
});

describe('editing features over stdio (template)', () => {
  let client: LspClient;
  const doc = uri('features-template.yaml');
  const lines = TEMPLATE.text.split('\n');
  const exprLine = lines.findIndex((l) => l.includes('${scale}'));
  const placeholder = lines[exprLine].indexOf('${scale}');
  const onParam = { line: exprLine, character: placeholder + 3 };

  before(async () => {
    client = LspClient.stdio();
    await client.initialize();
    await openAndWait(client, doc, TEMPLATE.text);
  });
  after(async () => {
    await client.shutdown();
  });

  test('completion after `${` offers the parameters', async () => {
    const since = client.mark();
    const typed = `${TEMPLATE.text.slice(0, -1)}\n# \${`;
    client.replace(doc, 2, typed);
    await client.diagnostics(doc, (p) => p.version === 2, since);
    const lastLine = typed.split('\n').length - 1;
    const r = await client.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', at(doc, { line: lastLine, character: 4 }));
    assert.deepEqual(
      r.items.map((i) => [i.label, i.detail]),
      [['scale', 'number = 2']],
    );
    client.replace(doc, 3, TEMPLATE.text);
    await client.diagnostics(doc, (p) => p.version === 3, since);
  });

  test('hover on a placeholder shows the parameter; definition jumps to its declaration', async () => {
    const h = await client.request<{ contents: { value: string } }>('textDocument/hover', at(doc, onParam));
    assert.match(h.contents.value, /^\*\*\$\{scale\}\*\*: number parameter/);
    assert.match(h.contents.value, /Multiplies the demand\./);
    const def = await client.request<{ range: LspRange }[]>('textDocument/definition', at(doc, onParam));
    const nameLine = lines.findIndex((l) => l.includes('- name: scale'));
    assert.deepEqual(def[0].range, { start: { line: nameLine, character: 10 }, end: { line: nameLine, character: 15 } });
  });

  test('semantic tokens mark the placeholder as a parameter; inlay hints show the value it resolves to', async () => {
    const init = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri: doc } });
    const types = ['function', 'variable', 'number', 'operator', 'parameter', 'property', 'keyword'];
    const tokens = decodeTokens(init.data, types, ['declaration', 'readonly', 'defaultLibrary', 'deprecated']);
    assert.ok(tokens.includes(`${exprLine}:${placeholder}+8 parameter`), tokens.join('; '));
    const hints = await client.request<{ label: string; position: { line: number } }[]>('textDocument/inlayHint', {
      textDocument: { uri: doc },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    });
    assert.deepEqual(
      hints.map((x) => [x.position.line, x.label]),
      [[exprLine, '= 2']],
    );
  });

  test('rename of a parameter updates its declaration and the placeholder', async () => {
    const edit = await client.request<WorkspaceEditLike>('textDocument/rename', { ...at(doc, onParam), newName: 'factor' });
    const renamed = applyEdits(TEMPLATE.text, edit.changes[doc]);
    assert.match(renamed, /- name: factor\n/);
    assert.match(renamed, /expr: "demand \* \$\{factor\} \+ ghost"/);
  });
});
