// The preview page: a strict CSP with one nonce, only the extension's own files, and every inserted value escaped.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { contentSecurityPolicy, escapeHtml, makeNonce, previewHtml } from '../../../client/src/preview/webview-html';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';
const page = {
  cspSource: CSP_SOURCE,
  nonce: 'abc123',
  scriptUri: `${CSP_SOURCE}/ext/dist/webview/preview.js`,
  styleUri: `${CSP_SOURCE}/ext/media/preview.css`,
  documentUri: 'file:///work/a%20b/checkout.model.yaml',
  fileName: 'checkout.model.yaml',
};

/** The CSP as the page declares it (attribute-decoded). */
function declaredCsp(html: string): string {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  assert.ok(m, 'the page declares a CSP');
  return m[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('contentSecurityPolicy', () => {
  test('nothing by default; scripts only with the nonce; styles from the extension or with the nonce; images local or data:', () => {
    assert.equal(
      contentSecurityPolicy(CSP_SOURCE, 'n0nce'),
      `default-src 'none'; img-src ${CSP_SOURCE} data:; style-src ${CSP_SOURCE} 'nonce-n0nce'; script-src 'nonce-n0nce'`,
    );
  });

  test('never unsafe-inline or unsafe-eval', () => {
    assert.doesNotMatch(contentSecurityPolicy(CSP_SOURCE, 'x'), /unsafe/);
  });
});

describe('previewHtml', () => {
  const html = previewHtml(page);

  test('the page declares exactly the policy, first thing in <head>', () => {
    assert.equal(declaredCsp(html), contentSecurityPolicy(CSP_SOURCE, 'abc123'));
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<link'), 'before any resource');
  });

  test('every script and inline style carries the nonce; the one script is the bundled webview script', () => {
    const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    assert.deepEqual(scripts, [` nonce="abc123" src="${page.scriptUri}"`]);
    const styles = [...html.matchAll(/<style([^>]*)>/g)].map((m) => m[1]);
    assert.deepEqual(styles, [' id="ft-svg-style" nonce="abc123"'], 'the (empty) element the SVG style moves into');
    assert.doesNotMatch(html, /\sstyle="/, 'no inline style attributes (the CSP would block them)');
    assert.doesNotMatch(html, /\son[a-z]+="/, 'no inline event handlers');
  });

  test('loads only the two local resources', () => {
    const urls = [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(urls.sort(), [page.scriptUri, page.styleUri].sort());
    for (const u of urls) assert.ok(u.startsWith(CSP_SOURCE));
  });

  test('carries the document uri for the webview state and has the toolbar and canvas the script expects', () => {
    assert.match(html, /<body data-uri="file:\/\/\/work\/a%20b\/checkout.model.yaml">/);
    for (const id of ['ft-toolbar', 'ft-zoom-in', 'ft-zoom-out', 'ft-fit', 'ft-zoom-level', 'ft-export', 'ft-status', 'ft-banner', 'ft-canvas', 'ft-stage', 'ft-summary', 'ft-empty', 'ft-svg-style']) {
      assert.match(html, new RegExp(`id="${id}"`), id);
    }
  });

  test('escapes hostile file names and uris', () => {
    const evil = previewHtml({ ...page, fileName: '"><script>alert(1)</script>.model.yaml', documentUri: 'file:///x/"onload="y' });
    assert.equal([...evil.matchAll(/<script/g)].length, 1);
    assert.match(evil, /data-uri="file:\/\/\/x\/&quot;onload=&quot;y"/);
    assert.match(evil, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  });
});

describe('escapeHtml and makeNonce', () => {
  test('escapes the five characters that matter in text and attributes', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('nonces are 128-bit hex and differ every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const n = makeNonce();
      assert.match(n, /^[0-9a-f]{32}$/);
      seen.add(n);
    }
    assert.equal(seen.size, 50);
  });
});
