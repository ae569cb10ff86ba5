// Entry of the extension tests (`extensionTestsPath`): runs every suite in a real VS Code and rejects on failure.
import type { Suite } from './harness';
import { runSuites } from './harness';
import activation from './activation.suite';
import commands from './commands.suite';
import contentDetection from './content-detection.suite';
import diagnostics from './diagnostics.suite';
import languageFeatures from './language-features.suite';
import moreFeatures, { skeletonAcceptance } from './more-features.suite';
import preview from './preview.suite';
import { log } from './log';

/** Suites in order: later ones may rely on the server already running. */
const SUITES: Suite[] = [activation, diagnostics, languageFeatures, contentDetection, preview, commands, moreFeatures, skeletonAcceptance];

export async function run(): Promise<void> {
  const started = Date.now();
  // The extension host inherits the environment VS Code was started with: FLOWTIME_E2E_GREP narrows a run.
  const grep = process.env.FLOWTIME_E2E_GREP || undefined;
  const summary = await runSuites(SUITES, log, grep);
  log(`${summary.passed} passed, ${summary.failed} failed (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  if (summary.passed + summary.failed === 0) throw new Error(`no extension test matched FLOWTIME_E2E_GREP=${grep ?? ''}`);
  if (summary.failed > 0) {
    throw new Error(`${summary.failed} extension test(s) failed: ${summary.failures.join('; ')}`);
  }
}
