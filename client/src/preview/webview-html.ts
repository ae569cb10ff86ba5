// Builds the preview webview's page: a strict content security policy, one nonce, only the extension's own files.
import { randomBytes } from 'node:crypto';

export interface PreviewPage {
  /** `webview.cspSource`: the origin the webview serves local resources from. */
  cspSource: string;
  nonce: string;
  /** `webview.asWebviewUri(...)` of dist/webview/preview.js and media/preview.css, as strings. */
  scriptUri: string;
  styleUri: string;
  /** The previewed document, written into the page so the script can save it in its state before any message. */
  documentUri: string;
  /** The document's file name, for the accessible name of the canvas. */
  fileName: string;
}

/** 128 random bits, hex: unguessable by any markup that might end up in the page. */
export function makeNonce(): string {
  return randomBytes(16).toString('hex');
}

/**
 * No inline script or style runs without the nonce; images only from the extension or `data:`; nothing else loads.
 * The preview SVG's own `<style>` is moved into the nonce'd `#ft-svg-style` element by the script, so the SVG needs
 * no `'unsafe-inline'`.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export function previewHtml(page: PreviewPage): string {
  const nonce = escapeHtml(page.nonce);
  const csp = escapeHtml(contentSecurityPolicy(page.cspSource, page.nonce));
  const file = escapeHtml(page.fileName);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">
<style id="ft-svg-style" nonce="${nonce}"></style>
<title>Preview: ${file}</title>
</head>
<body data-uri="${escapeHtml(page.documentUri)}">
<div id="ft-toolbar" role="toolbar" aria-label="Preview tools">
<button type="button" id="ft-zoom-out" title="Zoom out (−)" aria-label="Zoom out">−</button>
<span id="ft-zoom-level" aria-live="polite">100%</span>
<button type="button" id="ft-zoom-in" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button type="button" id="ft-fit" title="Fit to window (0)">Fit</button>
<span class="ft-spacer"></span>
<span id="ft-status" role="status"></span>
<button type="button" id="ft-export" title="Save the preview as an SVG file">Export SVG…</button>
</div>
<div id="ft-banner" role="alert" hidden></div>
<div id="ft-canvas" tabindex="0" aria-label="Dependency graph of ${file}"><div id="ft-stage"></div></div>
<div id="ft-summary" hidden></div>
<div id="ft-empty">Loading the graph…</div>
<script nonce="${nonce}" src="${escapeHtml(page.scriptUri)}"></script>
</body>
</html>
`;
}
