// Extension tests: the remaining language features, quick fixes and settings, through VS Code's own command APIs.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArtifactOperationResult, ArtifactWritten } from '../../core/src/language/protocol';
import { suite } from './harness';
import {
  closeAllEditors,
  copyFixture,
  flowtimeApi,
  flowtimeDiagnostics,
  hasDiagnostic,
  insertBeforeLine,
  lineOf,
  listFiles,
  openEditor,
  positionOf,
  runCommand,
  wsPath,
  wsUri,
} from './helpers';
import { waitFor } from './wait-for';

const FEATURES = ['models', 'features.model.yaml'] as const;
const TEMPLATE = ['sim-templates', 'fixture-line.template.yaml'] as const;
const VERSION_FILES = ['metadata.json', 'model.yaml', 'preview.svg', 'validation.json'];
/** Commands that write artifacts return within this; longer means a prompt or a notification is blocking them. */
const COMMAND_TIMEOUT_MS = 15000;

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function insertTextOf(item: vscode.CompletionItem): string | undefined {
  const t = item.insertText;
  return t === undefined ? undefined : typeof t === 'string' ? t : t.value;
}

/** The range an item replaces (VS Code splits it into inserting/replacing ranges for some providers). */
function replaceRangeOf(item: vscode.CompletionItem): vscode.Range | undefined {
  const r = item.range;
  return r === undefined ? undefined : r instanceof vscode.Range ? r : r.replacing;
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function hintLabel(h: vscode.InlayHint): string {
  return typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');
}

function at(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function wordRange(doc: vscode.TextDocument, needle: string, word: string): string {
  assert.ok(needle.includes(word), `"${word}" is not part of "${needle}"`);
  const start = positionOf(doc, needle, { delta: needle.indexOf(word) });
  return at(new vscode.Range(start, start.translate(0, word.length)));
}

async function completionLabels(uri: vscode.Uri, pos: vscode.Position, what: string, until: (labels: string[]) => boolean): Promise<vscode.CompletionItem[]> {
  let items: vscode.CompletionItem[] = [];
  await waitFor(
    async () => {
      items = (await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, pos)).items;
      return items.map(labelOf);
    },
    { what, until },
  );
  return items;
}

interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** LSP's relative five-integer encoding, decoded against the legend VS Code reports for the document. */
function decodeTokens(tokens: vscode.SemanticTokens, legend: vscode.SemanticTokensLegend): DecodedToken[] {
  const out: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  const d = tokens.data;
  for (let i = 0; i + 4 < d.length; i += 5) {
    line += d[i];
    character = d[i] === 0 ? character + d[i + 1] : d[i + 1];
    const modifiers = legend.tokenModifiers.filter((_, bit) => (d[i + 4] & (1 << bit)) !== 0);
    out.push({ line, character, length: d[i + 2], type: legend.tokenTypes[d[i + 3]] ?? `#${d[i + 3]}`, modifiers });
  }
  return out;
}

interface SymbolTree {
  name: string;
  kind: string;
  detail?: string;
  children?: SymbolTree[];
}

function symbolTree(symbols: readonly vscode.DocumentSymbol[]): SymbolTree[] {
  return symbols.map((s) => {
    const node: SymbolTree = { name: s.name, kind: vscode.SymbolKind[s.kind] };
    if (s.detail) node.detail = s.detail;
    if (s.children.length > 0) node.children = symbolTree(s.children);
    return node;
  });
}

/** Applies a quick fix offered for `code` whose title matches, then waits until the code is gone from Problems. */
async function applyQuickFix(uri: vscode.Uri, code: string, title: RegExp): Promise<vscode.CodeAction> {
  const diag = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => String(d.code) === code), {
    what: `${code} on ${path.basename(uri.fsPath)}`,
    timeoutMs: 20000,
  });
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diag.range);
  const fix = actions.find((a): a is vscode.CodeAction => 'kind' in a && a.kind !== undefined && a.kind.value.startsWith('quickfix') && title.test(a.title));
  assert.ok(fix, `no quick fix matching ${title} for ${code} among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(fix.edit, `the quick fix "${fix.title}" carries no edit`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
  return fix;
}

function written(result: ArtifactOperationResult | undefined, what: string): ArtifactWritten {
  assert.ok(result, `${what} returned nothing (it failed or was cancelled; see the notifications)`);
  assert.ok(result.ok, `${what} was refused: ${result.ok ? '' : `${result.code}: ${result.message} ${JSON.stringify(result.problems)}`}`);
  return result;
}

function flowtimeConfig(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration('flowtime');
}

/** Sets a `flowtime.*` setting in the workspace for the duration of `body`, restoring the previous workspace value. */
async function withSetting<T>(key: string, value: unknown, body: () => Promise<T>): Promise<T> {
  const previous = flowtimeConfig().inspect(key)?.workspaceValue;
  await flowtimeConfig().update(key, value, vscode.ConfigurationTarget.Workspace);
  try {
    return await body();
  } finally {
    await flowtimeConfig().update(key, previous, vscode.ConfigurationTarget.Workspace);
  }
}

export default suite('more language features', (s) => {
  s.after(closeAllEditors);

  s.test('signature help inside CLAMP( shows its signature and the argument at the cursor', async () => {
    const { document: doc } = await openEditor(wsUri(...FEATURES));
    const expr = 'CLAMP(arrivals - served, 0, capacity)';
    const help = async (delta: number): Promise<vscode.SignatureHelp> =>
      waitFor(
        () => vscode.commands.executeCommand<vscode.SignatureHelp | undefined>('vscode.executeSignatureHelpProvider', doc.uri, positionOf(doc, expr, { delta })),
        { what: `signature help at ${expr.slice(0, delta)}‸`, until: (h): h is vscode.SignatureHelp => h !== undefined && h.signatures.length > 0 },
      );
    const second = await help(expr.indexOf(', 0') + 2);
    assert.equal(second.signatures.length, 1);
    assert.equal(second.signatures[0].label, 'CLAMP(value, lo, hi)');
    assert.deepEqual(
      second.signatures[0].parameters.map((p) => p.label),
      ['value', 'lo', 'hi'],
    );
    assert.equal(second.activeSignature, 0);
    assert.equal(second.activeParameter, 1);
    assert.equal((await help(expr.indexOf('capacity'))).activeParameter, 2);
    assert.equal((await help('CLAMP(arr'.length)).activeParameter, 0);
  });

  s.test('find references of a node id lists its declaration, the expr use and the output', async () => {
    const { document: doc } = await openEditor(wsUri(...FEATURES));
    const expected = [wordRange(doc, '- id: served', 'served'), wordRange(doc, 'arrivals - served', 'served'), wordRange(doc, 'series: served', 'served')];
    const locations = await waitFor(
      () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, positionOf(doc, 'arrivals - served', { delta: 13 })),
      { what: 'references of `served`', until: (l) => l.length > 0 },
    );
    assert.equal(locations.length, 3, locations.map((l) => at(l.range)).join(', '));
    assert.ok(locations.every((l) => l.uri.toString() === doc.uri.toString()), 'a reference in another document');
    assert.deepEqual(locations.map((l) => at(l.range)).sort(), [...expected].sort());
  });

  s.test('document symbols: grid, nodes grouped by kind, outputs', async () => {
    const { document: doc } = await openEditor(wsUri(...FEATURES));
    const symbols = await waitFor(
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      { what: 'document symbols of features.model.yaml', until: (l) => Array.isArray(l) && l.length > 0 },
    );
    const node = (name: string, detail: string): SymbolTree => ({ name, kind: 'Variable', detail });
    assert.deepEqual(symbolTree(symbols), [
      { name: 'grid', kind: 'Struct', detail: '6 bins × 1 hours' },
      {
        name: 'nodes',
        kind: 'Namespace',
        detail: '3',
        children: [
          { name: 'const', kind: 'Namespace', detail: '2 nodes', children: [node('arrivals', '6 values'), node('capacity', '6 values')] },
          { name: 'pmf', kind: 'Namespace', detail: '1 node', children: [node('handling', '3 outcomes')] },
          {
            name: 'expr',
            kind: 'Namespace',
            detail: '2 nodes',
            children: [node('served', 'MIN(arrivals, capacity)'), node('overflow', 'CLAMP(arrivals - served, 0, capacity)')],
          },
        ],
      },
      {
        name: 'outputs',
        kind: 'Namespace',
        detail: '2',
        children: [
          { name: 'served', kind: 'Event', detail: 'served.csv' },
          { name: 'overflow', kind: 'Event', detail: 'overflow.csv' },
        ],
      },
    ]);
    // A node's selection is its id, so the outline jumps to where the node is named.
    const handling = symbols[1].children[1].children[0];
    assert.equal(at(handling.selectionRange), wordRange(doc, '- id: handling', 'handling'));
    assert.ok(handling.range.contains(positionOf(doc, 'probabilities: [0.5')), 'the pmf node\'s range does not span its entry');
  });

  s.test('semantic tokens: a function and a node reference inside expr decode to the legend types', async () => {
    const { document: doc } = await openEditor(wsUri(...FEATURES));
    const legend = await waitFor(
      () => vscode.commands.executeCommand<vscode.SemanticTokensLegend | undefined>('vscode.provideDocumentSemanticTokensLegend', doc.uri),
      { what: 'the semantic tokens legend', until: (l): l is vscode.SemanticTokensLegend => l !== undefined },
    );
    assert.deepEqual(legend.tokenTypes, ['function', 'variable', 'number', 'operator', 'parameter', 'property', 'keyword']);
    assert.deepEqual(legend.tokenModifiers, ['declaration', 'readonly', 'defaultLibrary', 'deprecated']);
    const tokens = decodeTokens(
      await waitFor(
        () => vscode.commands.executeCommand<vscode.SemanticTokens | undefined>('vscode.provideDocumentSemanticTokens', doc.uri),
        { what: 'semantic tokens of features.model.yaml', until: (t): t is vscode.SemanticTokens => t !== undefined && t.data.length > 0 },
      ),
      legend,
    );
    const tokenAt = (needle: string, word: string): DecodedToken | undefined => {
      const p = positionOf(doc, needle, { delta: needle.indexOf(word) });
      return tokens.find((t) => t.line === p.line && t.character === p.character);
    };
    assert.deepEqual(tokenAt('MIN(arrivals', 'MIN'), { line: lineOf(doc, 'MIN(arrivals'), character: positionOf(doc, 'MIN(').character, length: 3, type: 'function', modifiers: ['defaultLibrary'] });
    assert.deepEqual(tokenAt('CLAMP(', 'CLAMP')?.type, 'function');
    const ref = tokenAt('MIN(arrivals', 'arrivals');
    assert.deepEqual(ref && { length: ref.length, type: ref.type, modifiers: ref.modifiers }, { length: 'arrivals'.length, type: 'variable', modifiers: ['readonly'] });
    assert.equal(tokenAt('served, 0,', '0')?.type, 'number');
    assert.equal(tokenAt('arrivals - served', '-')?.type, 'operator');
    // Only expressions are tokenised: a node id where it is declared is left to the grammar.
    assert.equal(tokenAt('- id: arrivals', 'arrivals'), undefined);
  });

  s.test('inlay hints: the expected value of a pmf node', async () => {
    const { document: doc } = await openEditor(wsUri(...FEATURES));
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor(
      () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, full),
      { what: 'inlay hints of features.model.yaml', until: (h) => h.length > 0 },
    );
    // 1 × 0.5 + 2 × 0.3 + 4 × 0.2 = 1.9, right after `pmf:` of the only pmf node.
    assert.deepEqual(
      hints.map((h) => ({ label: hintLabel(h), line: h.position.line, character: h.position.character })),
      [{ label: 'E = 1.9', line: lineOf(doc, '    pmf:'), character: '    pmf:'.length }],
    );
    const tooltip = hints[0].tooltip;
    assert.match(typeof tooltip === 'string' ? tooltip : tooltip?.value ?? '', /3 outcomes/);
  });

  s.test('template: completion of ${param} names inside a placeholder', async () => {
    const { document: doc } = await openEditor(wsUri(...TEMPLATE));
    assert.equal(doc.languageId, 'flowtime-template');
    const pos = positionOf(doc, '${line_rate}', { delta: 2 });
    const items = await completionLabels(doc.uri, pos, 'the parameter names inside ${‸line_rate}', (l) => l.includes('line_rate'));
    assert.deepEqual(items.map(labelOf).sort(), ['bins', 'line_rate']);
    const rate = items.find((i) => labelOf(i) === 'line_rate');
    assert.equal(rate?.kind, vscode.CompletionItemKind.Variable);
    assert.equal(rate?.detail, 'number = 7.5 (1..50)');
    // The closing brace is already there: only the name is inserted, over the name that is written.
    assert.equal(insertTextOf(rate!) ?? labelOf(rate!), 'line_rate');
    const replaced = replaceRangeOf(rate!);
    assert.ok(replaced, 'the item has no range');
    assert.equal(doc.getText(replaced), 'line_rate');
  });

  s.test('template: hover on a placeholder shows its type, default and range', async () => {
    const { document: doc } = await openEditor(wsUri(...TEMPLATE));
    const pos = positionOf(doc, '${line_rate}', { delta: 4 });
    const text = await waitFor(
      async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)),
      { what: 'a hover on ${line_rate}', until: (t) => t.includes('line_rate') },
    );
    assert.match(text, /\*\*\$\{line_rate\}\*\*: number parameter · Line Rate/);
    assert.match(text, /default `7\.5` · range 1\.\.50/);
    assert.match(text, /Parts the line finishes per hour\./);
  });

  s.test('template: inlay hints show the value each placeholder resolves to', async () => {
    const { document: doc } = await openEditor(wsUri(...TEMPLATE));
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor(
      () => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, full),
      { what: 'inlay hints of fixture-line.template.yaml', until: (h) => h.length > 0 },
    );
    const after = (placeholder: string): { line: number; character: number } => {
      const p = positionOf(doc, placeholder, { delta: placeholder.length });
      return { line: p.line, character: p.character };
    };
    assert.deepEqual(
      hints.map((h) => ({ label: hintLabel(h), line: h.position.line, character: h.position.character })),
      [
        { label: '= 4', ...after('bins: ${bins}') },
        { label: '= 7.5', ...after('${line_rate}') },
      ],
    );
  });

  s.test('completion after `kind: ` offers the node kinds, then the keys of the chosen kind', async () => {
    const uri = copyFixture('models/features.model.yaml', 'models/complete-kind.model.yaml');
    const { document: doc } = await openEditor(uri);
    await insertBeforeLine(doc, 'outputs:', '  - id: extra\n    kind: \n');
    const kindPos = positionOf(doc, '    kind: \n', { delta: '    kind: '.length });
    const kinds = await completionLabels(uri, kindPos, 'node kinds after `kind: `', (l) => l.includes('const'));
    assert.deepEqual(kinds.map(labelOf), ['const', 'expr', 'pmf', 'serviceWithBuffer', 'router']);
    assert.ok(kinds.every((i) => i.kind === vscode.CompletionItemKind.EnumMember), 'kinds are not enum members');

    // With `kind: pmf` written, the keys on the next line are the pmf node's own (the pmf block first, no expr/values).
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, kindPos, 'pmf\n    ');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
    const keyPos = new vscode.Position(lineOf(doc, '- id: extra') + 2, 4);
    assert.equal(doc.lineAt(keyPos.line).text, '    ', 'the cursor line is not the empty key line under `kind: pmf`');
    const keys = await completionLabels(uri, keyPos, 'the keys of a pmf node', (l) => l.includes('pmf'));
    const labels = keys.map(labelOf);
    assert.ok(!labels.includes('expr') && !labels.includes('values') && !labels.includes('kind') && !labels.includes('id'), labels.join(', '));
    const bySort = [...keys].sort((x, y) => (x.sortText ?? labelOf(x)).localeCompare(y.sortText ?? labelOf(y))).map(labelOf);
    assert.equal(bySort[0], 'pmf', `pmf is not first: ${bySort.join(', ')}`);
    const pmf = keys.find((i) => labelOf(i) === 'pmf')!;
    assert.equal(insertTextOf(pmf), 'pmf:\n      values: [${1:10, 20, 30}]\n      probabilities: [${2:0.2, 0.5, 0.3}]');
  });

  s.test('completion on a new node item offers a skeleton per kind', async () => {
    const uri = copyFixture('models/features.model.yaml', 'models/complete-skeleton.model.yaml');
    const { document: doc } = await openEditor(uri);
    await insertBeforeLine(doc, 'outputs:', '  - \n');
    const pos = positionOf(doc, '  - \n', { delta: 4 });
    const items = await completionLabels(uri, pos, 'node skeletons on `  - ‸`', (l) => l.includes('const node'));
    assert.deepEqual(
      items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf),
      ['const node', 'expr node', 'pmf node', 'serviceWithBuffer node', 'router node'],
    );
    // Besides the skeletons only `id` and `kind` make sense before the node's kind is known.
    assert.deepEqual(items.filter((i) => i.kind !== vscode.CompletionItemKind.Snippet).map(labelOf).sort(), ['id', 'kind']);
    const constNode = items.find((i) => labelOf(i) === 'const node')!;
    assert.ok(constNode.insertText instanceof vscode.SnippetString, 'the skeleton is not a snippet');
    // One value per grid bin (6), and an id that is not taken yet.
    assert.equal(insertTextOf(constNode), 'id: ${1:demand}\n    kind: const\n    values: [${2:0, 0, 0, 0, 0, 0}]$0');
    assert.match(insertTextOf(items.find((i) => labelOf(i) === 'expr node')!) ?? '', /^id: \$\{1:served2\}\n {4}kind: expr\n {4}expr: "\$\{2\}"\$0$/);
  });

  s.test('completion of binUnit values: weeks in a model, not in a template', async () => {
    const { document: model } = await openEditor(wsUri(...FEATURES));
    const modelPos = positionOf(model, 'binUnit: hours', { delta: 'binUnit: '.length });
    const units = await completionLabels(model.uri, modelPos, 'binUnit values in a model', (l) => l.includes('hours'));
    assert.deepEqual(units.map(labelOf), ['minutes', 'hours', 'days', 'weeks']);
    const hours = units.find((i) => labelOf(i) === 'hours')!;
    const replaced = replaceRangeOf(hours);
    assert.ok(replaced, 'the item has no range');
    assert.equal(model.getText(replaced), 'hours', 'the value written is not what the item replaces');

    const { document: template } = await openEditor(wsUri(...TEMPLATE));
    const templatePos = positionOf(template, 'binUnit: hours', { delta: 'binUnit: '.length });
    const templateUnits = await completionLabels(template.uri, templatePos, 'binUnit values in a template', (l) => l.includes('hours'));
    assert.deepEqual(templateUnits.map(labelOf), ['minutes', 'hours', 'days']);
  });

  s.test('the PMF normalize quick fix applies and model.pmf-sum goes away', async () => {
    const uri = copyFixture('models/pmf-sum.model.yaml', 'models/pmf-fix.model.yaml');
    const { document: doc } = await openEditor(uri);
    const fix = await applyQuickFix(uri, 'model.pmf-sum', /^Normalize the probabilities/);
    assert.match(fix.title, /divide each by their sum, 0\.8\)/);
    // 0.2, 0.3, 0.3 divided by 0.8, written exactly.
    assert.match(doc.getText(), /\n {6}probabilities: \[0\.25, 0\.375, 0\.375\]\n/);
    assert.equal(doc.getText().replace('[0.25, 0.375, 0.375]', '[0.2, 0.3, 0.3]'), fs.readFileSync(wsPath('models', 'pmf-sum.model.yaml'), 'utf8'), 'the fix changed more than the probabilities');
    await waitFor(() => flowtimeDiagnostics(uri), { what: 'no diagnostics left on pmf-fix.model.yaml', until: (d) => d.length === 0 });
  });

  s.test('the const pad quick fix applies and model.const-length goes away', async () => {
    const uri = copyFixture('models/short-const.model.yaml', 'models/const-fix.model.yaml');
    const { document: doc } = await openEditor(uri);
    await applyQuickFix(uri, 'model.const-length', /^Pad values to grid\.bins \(6\) by repeating the last value \(6\) 2 times$/);
    assert.match(doc.getText(), /\n {4}values: \[3, 4, 5, 6, 6, 6\]\n/);
    await waitFor(() => flowtimeDiagnostics(uri), { what: 'no diagnostics left on const-fix.model.yaml', until: (d) => d.length === 0 });
  });

  s.test('flowtime.divergenceWarnings applies without a reload: off, info, back to warning', async () => {
    const uri = wsUri('models', 'weekly.model.yaml');
    const { document: doc } = await openEditor(uri);
    const unitLine = lineOf(doc, 'binUnit: weeks');
    const severityOf = (d: ReturnType<typeof flowtimeDiagnostics>): string | undefined => d.find((x) => x.code === 'rust.bin-unit-weeks')?.severity;
    await waitFor(() => flowtimeDiagnostics(uri), {
      what: `rust.bin-unit-weeks as a warning on line ${unitLine}`,
      until: (d) => hasDiagnostic(d, 'rust.bin-unit-weeks', unitLine) && severityOf(d) === 'warning',
      timeoutMs: 20000,
    });
    const { server } = await flowtimeApi();
    await withSetting('divergenceWarnings', 'off', async () => {
      const left = await waitFor(() => flowtimeDiagnostics(uri), {
        what: 'rust.bin-unit-weeks to disappear with divergenceWarnings off',
        until: (d) => !hasDiagnostic(d, 'rust.bin-unit-weeks'),
      });
      assert.deepEqual(left, []);
      // The server itself stopped counting it (not a client-side filter).
      const info = await server.request<{ warnings: number; infos: number } | null>('flowtime/documentInfo', { uri: uri.toString() });
      assert.deepEqual(info && { warnings: info.warnings, infos: info.infos }, { warnings: 0, infos: 0 });
      await flowtimeConfig().update('divergenceWarnings', 'info', vscode.ConfigurationTarget.Workspace);
      await waitFor(() => flowtimeDiagnostics(uri), {
        what: 'rust.bin-unit-weeks back as information with divergenceWarnings info',
        until: (d) => severityOf(d) === 'info',
      });
    });
    assert.equal(flowtimeConfig().get('divergenceWarnings'), 'warning', 'the setting was not restored');
    await waitFor(() => flowtimeDiagnostics(uri), {
      what: 'rust.bin-unit-weeks back as a warning once the setting is restored',
      until: (d) => hasDiagnostic(d, 'rust.bin-unit-weeks', unitLine) && severityOf(d) === 'warning',
    });
  });

  s.test('flowtime.artifactsFolder: New Model from Template writes into the configured folder', async () => {
    const defaultRoot = wsPath('artifacts');
    const otherRoot = wsPath('alt-artifacts');
    const before = listFiles(defaultRoot);
    assert.deepEqual(listFiles(otherRoot), [], 'alt-artifacts/ must not exist yet');
    const result = await withSetting('artifactsFolder', 'alt-artifacts', () =>
      runCommand<ArtifactOperationResult>('flowtime.newFromTemplate', COMMAND_TIMEOUT_MS, { template: 'checkout', name: 'x' }),
    );
    const x = written(result, 'flowtime.newFromTemplate (artifactsFolder alt-artifacts)');
    assert.match(x.modelId, /^x_[0-9a-f]+$/);
    assert.equal(x.path, path.join(otherRoot, 'models', x.modelId, 'v1'));
    assert.deepEqual(listFiles(x.path), VERSION_FILES);
    assert.ok(fs.readFileSync(path.join(otherRoot, 'models', 'catalog.json'), 'utf8').includes(`"${x.modelId}"`), 'alt-artifacts catalog.json lacks the model');
    assert.match(fs.readFileSync(x.modelPath, 'utf8'), /^\s+bins: 96$/m, 'not the checkout template with its defaults');
    assert.deepEqual(listFiles(defaultRoot), before, 'files changed under the default artifacts/ folder');
    assert.equal(flowtimeConfig().get('artifactsFolder'), 'artifacts', 'the setting was not restored');
  });

  s.test('flowtime.templateFolders: New Model from Template finds a workspace template', async () => {
    const templateFile = wsPath(...TEMPLATE);
    // Without the setting the id is unknown: this is what the setting changes.
    const unknown = await runCommand<ArtifactOperationResult>('flowtime.newFromTemplate', COMMAND_TIMEOUT_MS, { template: 'fixture-line', name: 'y' });
    assert.ok(unknown && !unknown.ok, `fixture-line was found without flowtime.templateFolders: ${JSON.stringify(unknown)}`);
    assert.equal(unknown.code, 'template-not-found');
    const result = await withSetting('templateFolders', ['sim-templates'], () =>
      runCommand<ArtifactOperationResult>('flowtime.newFromTemplate', COMMAND_TIMEOUT_MS, { template: 'fixture-line', name: 'y' }),
    );
    const y = written(result, 'flowtime.newFromTemplate (templateFolders sim-templates)');
    assert.match(y.modelId, /^y_[0-9a-f]+$/);
    assert.equal(y.path, path.join(wsPath('artifacts'), 'models', y.modelId, 'v1'));
    assert.deepEqual(listFiles(y.path), VERSION_FILES);
    // The model is the workspace template's, instantiated with its defaults.
    const model = fs.readFileSync(y.modelPath, 'utf8');
    assert.match(model, /^\s+bins: 4$/m);
    assert.match(model, /expr: "?MIN\(parts_in, 7\.5\)"?$/m);
    for (const id of ['parts_in', 'parts_done']) assert.match(model, new RegExp(`id: ${id}$`, 'm'));
    const metadata = JSON.parse(fs.readFileSync(path.join(y.path, 'metadata.json'), 'utf8')) as { spec: { sim_config: { template: string; template_version: string } } };
    assert.deepEqual(
      { template: metadata.spec.sim_config.template, version: metadata.spec.sim_config.template_version },
      { template: 'fixture-line', version: '1.0.0' },
    );
    assert.ok(fs.existsSync(templateFile), 'the template file went away');
    assert.deepEqual(flowtimeConfig().get('templateFolders'), [], 'the setting was not restored');
  });
});

/**
 * Not registered in index.ts: fails until the server sends `insertTextMode: asIs` with its multi-line items (see the
 * report of the suite's author). Register it, or move its test into the suite above, once that is fixed.
 */
export const skeletonAcceptance = suite('more language features (skeleton acceptance)', (s) => {
  s.after(closeAllEditors);

  s.test('accepting the const node skeleton in the suggest widget inserts a valid, correctly indented node', async () => {
    const uri = copyFixture('models/features.model.yaml', 'models/accept-skeleton.model.yaml');
    const editor = await openEditor(uri);
    const doc = editor.document;
    await insertBeforeLine(doc, 'outputs:', '  - \n');
    const pos = positionOf(doc, '  - \n', { delta: 4 });
    const items = await completionLabels(uri, pos, 'node skeletons on `  - ‸`', (l) => l.includes('const node'));
    const constNode = items.find((i) => labelOf(i) === 'const node')!;
    // Accept it the way a user does: the suggest widget, whose first entry (sortText `!0`) is the const skeleton.
    editor.selection = new vscode.Selection(pos, pos);
    const before = doc.getText();
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    const after = await waitFor(
      async () => {
        await vscode.commands.executeCommand('acceptSelectedSuggestion');
        return doc.getText();
      },
      { what: 'the suggest widget to accept its first item', until: (t) => t !== before },
    );
    const inserted = after.slice(before.indexOf('  - \n'), after.indexOf('outputs:'));
    assert.equal(
      inserted,
      '  - id: demand\n    kind: const\n    values: [0, 0, 0, 0, 0, 0]\n',
      `the accepted skeleton is not indented as the server wrote it (CompletionItem.keepWhitespace = ${String(constNode.keepWhitespace)})`,
    );
    const { server } = await flowtimeApi();
    await waitFor(() => server.request<{ version: number; errors: number; nodeCount: number } | null>('flowtime/documentInfo', { uri: uri.toString() }), {
      what: `accept-skeleton.model.yaml analysed at version ${doc.version} with 6 nodes and 0 errors`,
      until: (i) => i !== null && i.version === doc.version && i.nodeCount === 6 && i.errors === 0,
    });
  });
});
