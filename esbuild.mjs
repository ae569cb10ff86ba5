// Bundles the CLI, the language server, the VS Code extension (+ its webview script and test entry) into dist/.
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

await Promise.all([
  build({ ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js' }),
  // The language server: `node dist/server.js --stdio` (or --node-ipc); `flowtime lsp` runs the same code from dist/cli.js.
  build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  // Preview layouts run in this worker thread beside the server (dist/server.js or dist/cli.js finds it next to itself).
  build({ ...common, entryPoints: ['server/src/preview-worker.ts'], outfile: 'dist/preview-worker.js' }),
  // The extension host loads this; `vscode` is provided by the host at run time.
  // The banner stamps the moment the bundle starts running, so the measured activation time includes loading its modules.
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], banner: { js: 'var __flowtimeLoadStart = performance.now();' } }),
  // Runs inside the preview webview (a browser page, no Node).
  build({ ...common, platform: 'browser', target: 'es2022', format: 'iife', entryPoints: ['client/webview/preview.ts'], outfile: 'dist/webview/preview.js' }),
  // The extension tests (`extensionTestsPath`), run inside a real VS Code by scripts/e2e; never packaged.
  ...(production ? [] : [build({ ...common, entryPoints: ['test/vscode/index.ts'], outfile: 'dist/test/vscode/index.js', external: ['vscode'] })]),
]);
