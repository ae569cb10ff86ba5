// Output of the extension tests: marked so scripts/e2e can tell it from the workbench's own log lines.
// The extension host inherits the environment of the process that started VS Code; scripts/e2e sets the marker.
const marker = process.env.FLOWTIME_E2E_LOG_MARKER ?? '';

export function log(text: string): void {
  for (const line of text.split('\n')) console.log(marker + line);
}

/** A note under the current test (measured values and the like). */
export function note(text: string): void {
  log(`      ${text}`);
}
