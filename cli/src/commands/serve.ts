// `flowtime sim serve`: starts the HTTP service (loopback by default) over an artifacts root.
import type { Command } from 'commander';
import { buildApp } from '../../../service/src/app';
import { UsageError } from '../usage-error';
import { collect } from './common-options';

interface ServeFlags {
  host: string;
  port: string;
  artifacts: string;
  templates: string[];
  bodyLimit: string;
}

export function registerServe(sim: Command, setExit: (code: number) => void): void {
  sim
    .command('serve')
    .description('Serve the Sim HTTP API: POST /sim/models/export, POST /sim/models/validate, GET /sim/models[/{id}], GET /sim/templates, GET /healthz.')
    .option('--host <host>', 'interface to listen on (loopback by default; anything else exposes the service)', '127.0.0.1')
    .option('--port <port>', 'port (0 picks a free one)', '8090')
    .option('--artifacts <dir>', 'artifacts root', 'artifacts')
    .option('--templates <dir>', 'extra folder of templates (repeatable)', collect, [])
    .option('--body-limit <bytes>', 'largest request body accepted (413 beyond)', String(1024 * 1024))
    .action((flags: ServeFlags) => {
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects 0-65535, got '${flags.port}'`);
      const bodyLimit = Number(flags.bodyLimit);
      if (!Number.isInteger(bodyLimit) || bodyLimit < 1024) throw new UsageError(`--body-limit expects a whole number of bytes >= 1024, got '${flags.bodyLimit}'`);
      const app = buildApp({ root: flags.artifacts, templateDirs: flags.templates, bodyLimit });
      app.listen({ host: flags.host, port }).then(
        (address) => process.stdout.write(`flowtime-sim service listening on ${address} (artifacts: ${flags.artifacts})\n`),
        (e: Error) => {
          process.stderr.write(`flowtime: cannot listen on ${flags.host}:${port}: ${e.message}\n`);
          process.exitCode = 1;
        },
      );
      const stop = () => void app.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      setExit(0);
    });
}
