// Bundles the CLI (and, as they land, the language server and the VS Code client) into dist/.
import { build } from 'esbuild';

const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

await build({ ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js' });
// The language server: `node dist/server.js --stdio` (or --node-ipc); `flowtime lsp` runs the same code from dist/cli.js.
await build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' });
