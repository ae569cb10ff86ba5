// Shows the outcome of an artifact operation: opens what was written, or lists the problems that refused it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ArtifactOperationResult, ArtifactWritten, OperationFailed, OperationProblem } from '../protocol';

/** Problems shown inline in the error message; the rest are one click away. */
const INLINE_PROBLEMS = 5;

function problemLine(p: OperationProblem): string {
  const where = p.uri && p.range ? `${path.basename(vscode.Uri.parse(p.uri).fsPath)}:${p.range.start.line + 1}:${p.range.start.character + 1} ` : '';
  return `${where}${p.severity}${p.code ? ` ${p.code}` : ''}: ${p.message}`;
}

/** A QuickPick of the problems: choosing one opens its location. */
async function pickProblem(problems: readonly OperationProblem[]): Promise<void> {
  const items = problems.map((p) => ({ label: `$(${p.severity === 'error' ? 'error' : p.severity === 'warning' ? 'warning' : 'info'}) ${p.message}`, description: p.code ?? '', detail: problemLine(p), problem: p }));
  const pick = await vscode.window.showQuickPick(items, { title: 'FlowTime: problems', matchOnDetail: true });
  const target = pick?.problem;
  if (!target?.uri) return;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  const editor = await vscode.window.showTextDocument(doc);
  if (target.range) {
    const r = target.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

export async function showFailure(what: string, failed: OperationFailed): Promise<void> {
  const errors = failed.problems.filter((p) => p.severity === 'error');
  const listed = (errors.length > 0 ? errors : failed.problems).slice(0, INLINE_PROBLEMS).map(problemLine);
  const more = failed.problems.length > listed.length ? `\n… and ${failed.problems.length - listed.length} more` : '';
  const detail = listed.length > 0 ? `${listed.join('\n')}${more}` : undefined;
  const actions = failed.problems.length > 0 ? ['Show Problems'] : [];
  const pick = await vscode.window.showErrorMessage(`FlowTime: ${what} failed — ${failed.message}`, { modal: false, detail }, ...actions);
  if (pick === 'Show Problems') await pickProblem(failed.problems);
}

/** Reports a written (or already stored) artifact with Open / Reveal actions; `openModel` opens model.yaml first. */
export async function showWritten(result: ArtifactWritten, openModel: (uri: vscode.Uri) => Promise<void>): Promise<void> {
  const modelUri = vscode.Uri.file(result.modelPath);
  await openModel(modelUri);
  const state = result.created ? 'written' : 'already stored (identical model; nothing written)';
  const warnings = result.warnings > 0 ? `, ${result.warnings} warning(s)` : '';
  void vscode.window
    .showInformationMessage(`FlowTime: ${result.modelId} v${result.version} ${state} — quality ${result.quality}${warnings}.`, 'Open', 'Reveal')
    .then(async (pick) => {
      if (pick === 'Open') await vscode.window.showTextDocument(modelUri);
      if (pick === 'Reveal') await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(result.path));
    });
}

export async function report(what: string, result: ArtifactOperationResult, openModel: (uri: vscode.Uri) => Promise<void>): Promise<void> {
  // The command resolves with its result at once; the notification's buttons are the user's to answer later.
  if (result.ok) await showWritten(result, openModel);
  else void showFailure(what, result);
}
