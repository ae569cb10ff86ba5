// `flowtime/validateFiles`: validates files (open ones as the editor has them, others from disk) and publishes them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../../core/src/detect-kind';
import type { Diagnostic } from '../../core/src/diagnostics';
import type { FileValidationSummary, FlowtimeSettings, ValidateFilesResult } from '../../core/src/language/protocol';
import { validateText } from '../../core/src/validate';
import type { ServerContext } from './context';
import { capProblems } from './diagnostic-filter';
import { describe, reportedDiagnostics } from './diagnostics-publisher';
import { toLspDiagnostic } from './to-lsp';

interface Checked {
  kind: DocumentKind;
  diagnostics: Diagnostic[];
  /** Set for an open document: the version the diagnostics are for. */
  version?: number;
}

/**
 * Remembers the files it reported, so that closing one of them (after it was opened and edited) shows its diagnostics
 * from disk again instead of clearing them: a workspace validation stays in the Problems panel.
 */
export class WorkspaceValidation {
  private readonly reported = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  async validate(uris: readonly string[]): Promise<ValidateFilesResult> {
    const unique = [...new Set(uris)];
    const settings = await Promise.all(unique.map((uri) => this.ctx.settings.get(uri)));
    const files: FileValidationSummary[] = [];
    for (let i = 0; i < unique.length; i++) {
      // Let edits and other requests in between files: a workspace can hold many.
      if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const summary = this.publish(unique[i], settings[i]);
      if (summary) files.push(summary);
    }
    return { files };
  }

  /** didClose, after the publisher cleared the document: a file reported here gets its on-disk diagnostics back. */
  async closed(uri: string): Promise<void> {
    if (!this.reported.has(uri)) return;
    const settings = await this.ctx.settings.get(uri);
    // Reopened meanwhile: the open document's diagnostics are the publisher's.
    if (this.ctx.documents.get(uri)) return;
    this.publish(uri, settings);
  }

  /** Validates and publishes one file; undefined (nothing published) when it is unreadable or not FlowTime. */
  private publish(uri: string, settings: FlowtimeSettings): FileValidationSummary | undefined {
    const doc = this.ctx.documents.get(uri);
    let checked: Checked | undefined;
    try {
      checked = doc ? this.checkOpen(doc) : checkOnDisk(uri);
    } catch (e) {
      this.ctx.connection.console.error(`flowtime: validation of ${uri} failed: ${describe(e)}`);
      checked = undefined;
    }
    if (!checked || checked.kind === 'unknown') {
      this.reported.delete(uri);
      return undefined;
    }
    const reported = reportedDiagnostics(checked.diagnostics, settings);
    const shown = capProblems(reported, settings.maxProblems).map((d) => toLspDiagnostic(d, uri));
    void this.ctx.connection.sendDiagnostics(checked.version === undefined ? { uri, diagnostics: shown } : { uri, version: checked.version, diagnostics: shown });
    this.reported.add(uri);
    const count = (s: Diagnostic['severity']) => reported.filter((d) => d.severity === s).length;
    return { uri, kind: checked.kind, errors: count('error'), warnings: count('warning'), infos: count('info') };
  }

  /** The same cached validation the diagnostics publisher publishes for this version. */
  private checkOpen(doc: TextDocument): Checked {
    const v = this.ctx.analyses.validation(doc);
    return { kind: v.kind, diagnostics: v.diagnostics, version: doc.version };
  }
}

/** A file that is not open: read from disk (file: URIs only), validated as the CLI's `validate` does. */
function checkOnDisk(uri: string): Checked | undefined {
  let text: string;
  try {
    text = readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
  const r = validateText(text.replace(/^\uFEFF/, ''));
  return { kind: r.kind, diagnostics: r.diagnostics };
}
