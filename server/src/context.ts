// What every handler shares: the connection, the open documents, their cached analyses and settings.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../core/src/language/analysis';
import type { AnalysisCache } from './analyses';
import { describe } from './diagnostics-publisher';
import type { SettingsStore } from './settings';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: AnalysisCache;
  settings: SettingsStore;
  client: { snippets: boolean };
}

/**
 * Runs a feature on the document's current analysis. Documents that are not FlowTime documents (unless `anyKind`),
 * unknown URIs and failures all give `fallback`; a failure is logged, never thrown at the client or allowed to stop the server.
 */
export function withAnalysis<T>(
  ctx: ServerContext,
  uri: string,
  feature: string,
  fallback: T,
  run: (a: Analysis, doc: TextDocument) => T,
  options: { anyKind?: boolean } = {},
): T {
  const doc = ctx.documents.get(uri);
  if (!doc) return fallback;
  try {
    const analysis = ctx.analyses.get(doc);
    if (analysis.kind === 'unknown' && options.anyKind !== true) return fallback;
    return run(analysis, doc);
  } catch (e) {
    ctx.connection.console.error(`flowtime: ${feature} failed on ${uri} (version ${doc.version}): ${describe(e)}`);
    return fallback;
  }
}
