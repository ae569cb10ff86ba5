// `flowtime lsp --stdio`: runs the language server (the same module as dist/server.js) on the transport given.
import type { Command } from 'commander';
import { UsageError } from '../usage-error';

interface LspFlags {
  stdio?: boolean;
  nodeIpc?: boolean;
  socket?: string;
  pipe?: string;
}

export function registerLsp(program: Command, setExit: (code: number) => void): void {
  program
    .command('lsp')
    .description('Run the FlowTime language server (LSP) for editors: diagnostics, completion, hover, navigation, quick fixes.')
    .option('--stdio', 'speak LSP over stdin/stdout')
    .option('--node-ipc', 'speak LSP over the Node IPC channel (the process must be forked with one)')
    .option('--socket <port>', 'connect to the client on this TCP port')
    .option('--pipe <name>', 'connect to the client on this named pipe / socket file')
    // Clients add their own flags (e.g. --clientProcessId=<pid>); they must not stop the server from starting.
    .allowUnknownOption()
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .action((flags: LspFlags) => {
      if (!flags.stdio && !flags.nodeIpc && flags.socket === undefined && flags.pipe === undefined) {
        throw new UsageError('lsp needs a transport: --stdio, --node-ipc, --socket <port> or --pipe <name>');
      }
      // Loaded on demand so that other commands do not pay for the LSP libraries. The server reads its transport from
      // process.argv, where the flags above already are.
      import('../../../server/src/server').then(
        ({ startServer }) => startServer(),
        (e: unknown) => {
          process.stderr.write(`flowtime: cannot start the language server: ${String(e)}\n`);
          process.exit(1);
        },
      );
      setExit(0);
    });
}
