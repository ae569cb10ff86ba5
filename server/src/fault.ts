// Fault injection for the protocol tests: proves that one document's crash in analysis leaves the others working.
// Set FLOWTIME_LSP_FAULT=<marker> and any document containing <marker> throws during analysis; unset, it does nothing.
const marker = process.env.FLOWTIME_LSP_FAULT;

export function injectFault(text: string): void {
  if (marker && text.includes(marker)) throw new Error(`injected fault (FLOWTIME_LSP_FAULT=${marker})`);
}
