// Runs the extension's `extensionTestsPath` suite inside a code-server workbench and resolves with its exit code.
import { forwardPageErrors, launchBrowser, workbenchUrl } from './browser.mjs';

/**
 * Passed to the extension host (which inherits the server's environment) as FLOWTIME_E2E_LOG_MARKER: test/vscode
 * prefixes its output with it, because the workbench forwards its own log lines through the same channel.
 */
export const LOG_MARKER = '\u2063ft\u2063 ';

/**
 * Workbench errors that every session here logs and that do not matter: the workbench's service worker fails to
 * register in this setup, yet webviews load (the preview tests and the UI test check that they draw).
 */
const KNOWN_NOISE = /^\[Service Worker\] registration/;

/**
 * The tests run in the Node extension host on the server; the workbench calls `codeAutomationLog` for their
 * console output and `codeAutomationExit(code)` when `run()` settles (0 resolved, 1 rejected).
 */
export async function runExtensionTests({ base, workspace, extensionDevelopmentPath, extensionTestsPath, onBrowser }) {
  const browser = await launchBrowser();
  onBrowser?.(browser);
  try {
    const page = await browser.newPage();
    forwardPageErrors(page, 'workbench');
    const done = new Promise((resolve, reject) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(code)).catch(reject);
      page.on('crash', () => reject(new Error('the workbench page crashed')));
      browser.on('disconnected', () => reject(new Error('the browser went away before the tests finished')));
    });
    done.catch(() => undefined); // awaited below; this only keeps an early rejection from counting as unhandled
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (args ?? []).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      // Lines of the test runner carry the marker; the workbench's own chatter shows only in verbose mode.
      if (line.startsWith(LOG_MARKER)) console.log(line.slice(LOG_MARKER.length));
      else if ((type === 'error' && !KNOWN_NOISE.test(line)) || process.env.FLOWTIME_E2E_VERBOSE) console.log(`[workbench ${type}] ${line}`);
    });
    await page.goto(workbenchUrl(base, workspace, { extensionDevelopmentPath, extensionTestsPath }));
    return await done;
  } finally {
    await browser.close().catch(() => undefined);
  }
}
