// Extension tests: completion, hover, go-to-definition, rename and a quick fix, through VS Code's provider commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite } from './harness';
import { closeAllEditors, copyFixture, flowtimeApi, flowtimeDiagnostics, hasDiagnostic, openEditor, positionOf, wsUri } from './helpers';
import { waitFor } from './wait-for';

const CLEAN = ['models', 'clean.model.yaml'] as const;

/** Node ids declared in a model (`- id: x` entries of `nodes:`), read from the text itself. */
function declaredNodeIds(doc: vscode.TextDocument): string[] {
  return [...doc.getText().matchAll(/^ {2}- id: (\w+)$/gm)].map((m) => m[1]);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function targetOf(loc: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in loc ? { uri: loc.targetUri, range: loc.targetSelectionRange ?? loc.targetRange } : { uri: loc.uri, range: loc.range };
}

function count(text: string, word: string): number {
  return [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].length;
}

export default suite('language features', (s) => {
  s.after(closeAllEditors);

  s.test('completion inside expr lists the other node ids', async () => {
    const { document: doc } = await openEditor(wsUri(...CLEAN));
    const ids = declaredNodeIds(doc);
    assert.deepEqual(ids, ['demand', 'capacity', 'served', 'unserved']);
    // Cursor right after `MIN(` in the expr of `served`: every node but `served` itself may be referenced.
    const at = positionOf(doc, 'expr: "MIN(', { delta: 'expr: "MIN('.length });
    const expected = ids.filter((id) => id !== 'served');
    const labels = await waitFor(
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
        return list.items.map(labelOf);
      },
      { what: `completion items ${expected.join(', ')} inside expr: "MIN(‸"`, until: (l) => expected.every((id) => l.includes(id)) },
    );
    assert.ok(!labels.includes('served'), `a node's own id is offered inside its expr: ${labels.join(', ')}`);
  });

  s.test('hover over a node reference shows the node and its kind', async () => {
    const { document: doc } = await openEditor(wsUri(...CLEAN));
    const at = positionOf(doc, 'MIN(demand', { delta: 'MIN(de'.length });
    const text = await waitFor(
      async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)),
      { what: 'a hover naming `demand` as a const node', until: (t) => t.includes('demand') && t.includes('const node') },
    );
    assert.match(text, /Used 2 times/);
  });

  s.test('go to definition jumps from a reference to the node id', async () => {
    const { document: doc } = await openEditor(wsUri(...CLEAN));
    const at = positionOf(doc, 'demand - served', { delta: 2 });
    const declared = positionOf(doc, '- id: demand', { delta: '- id: '.length });
    const targets = await waitFor(
      async () =>
        (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, at)).map(targetOf),
      { what: 'a definition for `demand`', until: (t) => t.length > 0 },
    );
    assert.equal(targets.length, 1);
    assert.equal(targets[0].uri.toString(), doc.uri.toString());
    assert.deepEqual(
      [targets[0].range.start.line, targets[0].range.start.character, targets[0].range.end.character],
      [declared.line, declared.character, declared.character + 'demand'.length],
    );
  });

  s.test('rename of a node id updates its declaration and every reference', async () => {
    const uri = copyFixture('models/clean.model.yaml', 'models/rename.model.yaml');
    const { document: doc } = await openEditor(uri);
    const before = doc.getText();
    assert.equal(count(before, 'demand'), 3);
    const at = positionOf(doc, '- id: demand', { delta: '- id: d'.length });
    const edit = await waitFor(
      () => vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', uri, at, 'customer_demand'),
      { what: 'a rename edit for `demand`', until: (e): e is vscode.WorkspaceEdit => e !== undefined && e.size > 0 },
    );
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename edit was not applied');
    const after = doc.getText();
    assert.equal(count(after, 'demand'), 0, after);
    assert.equal(count(after, 'customer_demand'), 3, after);
    assert.equal(after.replace(/customer_demand/g, 'demand'), before, 'the rename changed more than the id');
    // The renamed model is still valid: the server sees the new text and finds no dangling reference.
    const api = await flowtimeApi();
    await waitFor(
      () => api.server.request<{ version: number; errors: number } | null>('flowtime/documentInfo', { uri: uri.toString() }),
      { what: `rename.model.yaml analysed at version ${doc.version} with 0 errors`, until: (i) => i !== null && i.version === doc.version && i.errors === 0 },
    );
  });

  s.test('the binMinutes quick fix applies and its diagnostic goes away', async () => {
    const uri = copyFixture('models/broken.model.yaml', 'models/quickfix.model.yaml');
    const { document: doc } = await openEditor(uri);
    const diag = await waitFor(() => vscode.languages.getDiagnostics(uri).find((d) => String(d.code) === 'legacy.bin-minutes'), {
      what: 'legacy.bin-minutes on quickfix.model.yaml',
      timeoutMs: 20000,
    });
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diag.range);
    const fixes = actions.filter((a): a is vscode.CodeAction => 'title' in a && (a as vscode.CodeAction).kind !== undefined);
    const fix = fixes.find((a) => a.kind?.value.startsWith('quickfix') && /binSize: 1, binUnit: hours/.test(a.title));
    assert.ok(fix, `no binMinutes quick fix among: ${actions.map((a) => a.title).join(' | ')}`);
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the quick fix edit was not applied');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const text = doc.getText();
    assert.ok(!text.includes('binMinutes'), text);
    assert.match(text, /binSize: 1\n\s+binUnit: hours|binUnit: hours\n\s+binSize: 1/);
    const left = await waitFor(() => flowtimeDiagnostics(uri), {
      what: 'legacy.bin-minutes to disappear from quickfix.model.yaml (the dangling reference stays)',
      until: (d) => !hasDiagnostic(d, 'legacy.bin-minutes') && hasDiagnostic(d, 'expr.unknown-reference'),
    });
    assert.deepEqual(left.map((d) => d.code), ['expr.unknown-reference']);
  });
});
