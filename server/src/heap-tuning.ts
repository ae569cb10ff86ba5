// Sizes V8's old generation for an editing session: a 1.5 growing factor instead of up to 4 (the server's own setting).
import { setFlagsFromString } from 'node:v8';

/**
 * After each full collection V8 lets the old generation grow to about four times what survived before collecting
 * again. An editing session replaces a large document's parse, validation and analysis on every keystroke, so that
 * headroom fills with garbage: on a 5,000-node model the server peaked near 250 MB, with 20–40 MB live. A 1.5 factor
 * keeps the peak near 160 MB for a few more full collections, which run mostly concurrently and are cheap on such a
 * small live heap. The server sets it itself, so every way of starting it (`node dist/server.js`, `flowtime lsp`, the
 * VS Code client) behaves the same without extra node options; V8 reads the flag whenever it sizes the heap, and
 * `--heap-growing-percent` on the command line does the same.
 */
export const HEAP_GROWING_PERCENT = 50;

let tuned = false;

export function tuneHeapForEditing(): void {
  if (tuned) return;
  tuned = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
