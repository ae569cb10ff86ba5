// Headless Debian Chromium through playwright-core, and the workbench URL that opens a folder with a test payload.
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './code-server.mjs';

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', // needed as root
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * `?folder=…&payload=…`: the workbench uses `location.host` as the remote authority, so extension and test paths
 * are `vscode-remote://<host><absolute path>` on the server's file system.
 */
export function workbenchUrl(base, workspace, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const host = new URL(base).host;
  const remote = (p) => `vscode-remote://${host}${resolve(p)}`;
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${base}/?folder=${encodeURIComponent(resolve(workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** In verbose mode, the workbench's own console errors (in the browser) are shown too. */
export function forwardPageErrors(page, label) {
  if (!process.env.FLOWTIME_E2E_VERBOSE) return;
  page.on('console', (m) => {
    if (m.type() === 'error') console.error(`[${label} console] ${m.text()}`);
  });
  page.on('pageerror', (e) => console.error(`[${label} pageerror] ${e.message}`));
}
