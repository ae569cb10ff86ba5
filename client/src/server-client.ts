// Starts the bundled language server (Node IPC) and restarts it when a setting that shapes the client changes.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { contentDetectionEnabled, SECTION } from './config';
import { documentSelector } from './languages';

export const OUTPUT_NAME = 'FlowTime Language Server';

/** One language client at a time; `current` always resolves to a started client (waiting for a restart in flight). */
export class ServerConnection implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly restarted = new vscode.EventEmitter<LanguageClient>();
  private readonly opened = new vscode.EventEmitter<vscode.TextDocument>();
  readonly onDidStart = this.restarted.event;
  /** A document has been sent to the server (didOpen done): requests about it will find it. */
  readonly onDidOpenInServer = this.opened.event;
  readonly output: vscode.OutputChannel;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel(OUTPUT_NAME);
  }

  /** The running client, starting it on first use. */
  current(): Promise<LanguageClient> {
    if (!this.starting) this.starting = this.start();
    return this.starting;
  }

  async restart(): Promise<LanguageClient> {
    const old = this.client;
    this.client = undefined;
    this.starting = undefined;
    if (old) await old.stop().catch((e: unknown) => this.output.appendLine(`stopping the server failed: ${String(e)}`));
    return this.current();
  }

  async request<R>(method: string, params: unknown): Promise<R> {
    const client = await this.current();
    return client.sendRequest<R>(method, params);
  }

  private async start(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: documentSelector(contentDetectionEnabled()),
      outputChannel: this.output,
      // The server pulls `flowtime` per document through workspace/configuration; this makes changes reach it.
      synchronize: { configurationSection: SECTION },
      diagnosticCollectionName: 'flowtime',
      middleware: {
        didOpen: async (doc, next) => {
          await next(doc);
          this.opened.fire(doc);
        },
      },
    };
    const client = new LanguageClient('flowtime', OUTPUT_NAME, serverOptions, clientOptions);
    await client.start();
    this.client = client;
    this.restarted.fire(client);
    return client;
  }

  dispose(): void {
    void this.client?.stop();
    this.restarted.dispose();
    this.opened.dispose();
    this.output.dispose();
  }
}
