// The FlowTime language server: lifecycle, documents, settings, diagnostics and custom requests (transport from argv).
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import type { InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ARTIFACTS_REQUEST, DOCUMENT_INFO_REQUEST, GRAPH_REQUEST, VALIDATE_FILES_REQUEST } from '../../core/src/language/protocol';
import type { DocumentInfoResult, DocumentParams, GraphParams, GraphResult } from '../../core/src/language/protocol';
import { VERSION } from '../../core/src/version';
import { AnalysisCache } from './analyses';
import { ArtifactListing } from './artifact-listing';
import { serverCapabilities } from './capabilities';
import { withAnalysis } from './context';
import type { ServerContext } from './context';
import { describe, DiagnosticsPublisher } from './diagnostics-publisher';
import { SvgRenderer } from './svg-renderer';
import { documentGraph, documentInfo } from './document-views';
import { registerFeatures } from './features';
import { absolutePath, paramsObject, stringList } from './request-params';
import { SettingsStore } from './settings';
import { registerSimRequests } from './sim-requests';
import { WorkspaceValidation } from './validate-files';
import { warmUp } from './warm-up';

/** Starts the server on the transport named in process.argv (`--stdio`, `--node-ipc`, `--socket=<port>`, `--pipe=<name>`). */
export function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(TextDocument);
  const settings = new SettingsStore(connection);
  const analyses = new AnalysisCache();
  const publisher = new DiagnosticsPublisher(connection, documents, analyses, settings);
  const svgRenderer = new SvgRenderer((message) => connection.console.error(message));
  const ctx: ServerContext = { connection, documents, analyses, settings, client: { snippets: false } };
  const workspace = new WorkspaceValidation(ctx);
  const listing = new ArtifactListing();
  let dynamicConfiguration = false;

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    settings.setPullSupported(caps.workspace?.configuration === true);
    dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    ctx.client.snippets = caps.textDocument?.completion?.completionItem?.snippetSupport === true;
    return { capabilities: serverCapabilities(caps), serverInfo: { name: 'flowtime-language-server', version: VERSION } };
  });

  connection.onInitialized(() => {
    // Without registering, a client that supports dynamic registration may never send didChangeConfiguration.
    if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined);
    warmUp((e) => connection.console.error(`flowtime: warm-up failed: ${describe(e)}`));
  });

  connection.onDidChangeConfiguration((change) => {
    settings.changed(change.settings);
    publisher.scheduleAll();
  });

  documents.onDidChangeContent((e) => publisher.schedule(e.document.uri));
  documents.onDidClose((e) => {
    publisher.close(e.document.uri);
    analyses.forget(e.document.uri);
    settings.forget(e.document.uri);
    void workspace.closed(e.document.uri);
  });

  connection.onRequest(GRAPH_REQUEST, async (p: GraphParams): Promise<GraphResult | null> => {
    const s = await settings.get(p.uri);
    const view = withAnalysis(ctx, p.uri, GRAPH_REQUEST, null, (a, doc) => documentGraph(a, doc.version, s), { anyKind: true });
    if (!view || p.svg === false || !view.renderable) return view?.graph ?? null;
    try {
      return { ...view.graph, svg: await svgRenderer.render(view.model) };
    } catch (e) {
      connection.console.error(`flowtime: ${GRAPH_REQUEST} could not render ${p.uri}: ${describe(e)}`);
      return view.graph;
    }
  });

  connection.onRequest(DOCUMENT_INFO_REQUEST, async (p: DocumentParams): Promise<DocumentInfoResult | null> => {
    const s = await settings.get(p.uri);
    // A document that is not a FlowTime document still answers (kind 'unknown'), so the status bar can say so.
    return withAnalysis(ctx, p.uri, DOCUMENT_INFO_REQUEST, null, (a, doc) => documentInfo(a, doc.version, s), { anyKind: true });
  });

  connection.onRequest(VALIDATE_FILES_REQUEST, (p: unknown) => workspace.validate(stringList(paramsObject(p, VALIDATE_FILES_REQUEST), 'uris')));
  connection.onRequest(ARTIFACTS_REQUEST, (p: unknown) => listing.list(absolutePath(paramsObject(p, ARTIFACTS_REQUEST), 'artifactsRoot')));

  registerSimRequests(ctx);
  registerFeatures(ctx);
  documents.listen(connection);
  connection.listen();
}
