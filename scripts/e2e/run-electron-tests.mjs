// `npm run test:electron`: the same extension tests in desktop VS Code via @vscode/test-electron (needs internet).
import { runTests } from '@vscode/test-electron';
import { join } from 'node:path';
import { copyWorkspace, makeWorkDir, REPO } from './workspace.mjs';

const work = makeWorkDir('flowtime-electron-');
let code = 0;
try {
  await runTests({
    extensionDevelopmentPath: REPO,
    extensionTestsPath: join(REPO, 'dist', 'test', 'vscode', 'index.js'),
    // A fresh workspace copy; other installed extensions stay off so they cannot interfere.
    launchArgs: [copyWorkspace(work.dir), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`extension tests failed: ${e instanceof Error ? e.message : String(e)}`);
  code = 1;
} finally {
  work.remove();
}
process.exit(code);
