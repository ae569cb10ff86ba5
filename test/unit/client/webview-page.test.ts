// The preview webview's page and script in headless Chromium under its real CSP: drawing, theme, marks, clicks, state.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { analyze } from '../../../core/src/language/analysis';
import { DEFAULT_SETTINGS } from '../../../core/src/language/protocol';
import type { GraphResult } from '../../../core/src/language/protocol';
import { nodeMarks, summarizeGraph } from '../../../client/src/preview/graph-summary';
import type { FromWebview, ToWebview, WebviewState } from '../../../client/src/preview/messages';
import { previewHtml } from '../../../client/src/preview/webview-html';
import { documentGraph } from '../../../server/src/document-views';
import { renderPreviewSvg } from '../../../core/src/preview/render-svg';
import { dedent } from '../../helpers/markers';

const CHROMIUM = process.env.FLOWTIME_CHROMIUM || '/usr/bin/chromium';
const ORIGIN = 'https://webview.flowtime.test';
const DOC = 'file:///work/models/desk.model.yaml';
const NONCE = '0123456789abcdef0123456789abcdef';

/** A model with a dangling reference (an error in `served`) and a Rust-engine divergence (a warning in `smooth`). */
const MODEL = dedent(`
  schemaVersion: 1
  grid:
    bins: 3
    binSize: 1
    binUnit: hours
  nodes:
    - id: demand
      kind: const
      values: [10, 12, 14]
    - id: capacity
      kind: const
      values: [11, 11, 11]
    - id: served
      kind: expr
      expr: MIN(demand, capacty)
    - id: backlog
      kind: expr
      expr: SHIFT(backlog, 1) + demand - served
    - id: smooth
      kind: expr
      expr: CONV(demand, 0.5)
  topology:
    nodes:
      - id: Desk
        kind: service
        semantics:
          arrivals: demand
          served: served
      - id: Waiting
        kind: queue
        semantics:
          arrivals: served
          served: served
          queueDepth: backlog
    edges:
      - from: Desk:out
        to: Waiting:in
`);


/**
 * Evaluates a JavaScript expression in the page. Given as text: the tests are compiled without the DOM library (and
 * tsx would wrap functions in helpers the page does not have).
 */
function js<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

const TRANSFORM = "document.getElementById('ft-stage').style.transform";
const hasClass = (selector: string, cls: string): string => `document.querySelector(${JSON.stringify(selector)})?.classList.contains(${JSON.stringify(cls)}) === true`;
const computed = (selector: string, property: 'fill' | 'stroke'): string => `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`;

/** Records what the script posts and saves, and any CSP violation, in `window.__ft`. */
function fakeVsCodeApi(saved: WebviewState | undefined): string {
  return `
    const h = { posted: [], state: ${JSON.stringify(saved ?? null)} ?? undefined, violations: [] };
    window.__ft = h;
    document.addEventListener('securitypolicyviolation', (e) => h.violations.push(e.violatedDirective + ' ' + e.blockedURI));
    window.acquireVsCodeApi = () => ({
      postMessage: (m) => h.posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => h.state,
      setState: (s) => { h.state = JSON.parse(JSON.stringify(s)); },
    });
  `;
}

function graphFor(text: string): GraphResult {
  const view = documentGraph(analyze(text), 7, DEFAULT_SETTINGS);
  return { ...view.graph, svg: renderPreviewSvg(view.model) };
}

describe('preview webview page', { skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}` }, () => {
  let browser: Browser;
  let script: string;
  const css = readFileSync(join(process.cwd(), 'media', 'preview.css'), 'utf8');
  const html = previewHtml({
    cspSource: ORIGIN,
    nonce: NONCE,
    scriptUri: `${ORIGIN}/dist/webview/preview.js`,
    styleUri: `${ORIGIN}/media/preview.css`,
    documentUri: DOC,
    fileName: 'desk.model.yaml',
  });
  const graph = graphFor(MODEL);

  before(async () => {
    // The same bundle options as esbuild.mjs, built in memory so the test needs no prior build.
    const out = await build({
      entryPoints: ['client/webview/preview.ts'],
      bundle: true,
      platform: 'browser',
      target: 'es2022',
      format: 'iife',
      write: false,
      logLevel: 'silent',
    });
    script = out.outputFiles[0].text;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  });

  after(async () => {
    await browser?.close();
  });

  /** Opens the page with a fake `acquireVsCodeApi` that records what the script posts and saves. */
  async function open(initialState?: WebviewState, theme = 'vscode-light'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = route.request().url();
      if (url.endsWith('/index.html')) return route.fulfill({ contentType: 'text/html', body: html.replace('<body ', `<body class="${theme}" `) });
      if (url.endsWith('/preview.js')) return route.fulfill({ contentType: 'text/javascript', body: script });
      if (url.endsWith('/preview.css')) return route.fulfill({ contentType: 'text/css', body: css });
      return route.fulfill({ status: 404, body: '' });
    });
    // Init scripts run outside the page's CSP, like VS Code's own webview bootstrap. Given as text: tsx would wrap a
    // function in helpers the page does not have.
    await page.addInitScript({ content: fakeVsCodeApi(initialState) });
    await page.goto(`${ORIGIN}/index.html`);
    await waitForPosted(page, (m) => m.type === 'ready');
    return page;
  }

  async function send(page: Page, message: ToWebview): Promise<void> {
    await js(page, `window.postMessage(${JSON.stringify(message)}, '*')`);
  }

  async function posted(page: Page): Promise<FromWebview[]> {
    return js<FromWebview[]>(page, 'window.__ft.posted');
  }

  async function waitForPosted(page: Page, match: (m: FromWebview) => boolean, from = 0): Promise<FromWebview> {
    for (let i = 0; i < 100; i++) {
      const found = (await posted(page)).slice(from).find(match);
      if (found) return found;
      await page.waitForTimeout(20);
    }
    throw new Error(`no matching message; posted: ${JSON.stringify(await posted(page))}`);
  }

  async function draw(page: Page): Promise<FromWebview> {
    const from = (await posted(page)).length;
    await send(page, { type: 'graph', uri: DOC, version: graph.version, svg: graph.svg, marks: nodeMarks(graph.nodes) });
    return waitForPosted(page, (m) => m.type === 'rendered', from);
  }

  const fillOf = (page: Page, selector: string): Promise<string> => js(page, computed(selector, 'fill'));

  test('draws the SVG under the strict CSP and reports what it drew', async () => {
    const page = await open();
    const rendered = await draw(page);
    const errorNodes = graph.nodes.filter((n) => n.errors > 0).length;
    assert.ok(errorNodes > 0, 'the fixture has a node with errors');
    assert.deepEqual(rendered, {
      type: 'rendered',
      uri: DOC,
      version: 7,
      mode: 'svg',
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      errorNodes,
    });
    assert.equal(await page.locator('#ft-stage svg g[data-node-id]').count(), graph.nodes.length);
    // The SVG's <style> was moved into the nonce'd element: its rules apply, and nothing was blocked.
    assert.equal(await page.locator('#ft-stage svg style').count(), 0);
    assert.match(await js<string>(page, "document.getElementById('ft-svg-style').textContent"), /\.k-const \.s\{fill:#eef2f7/);
    assert.equal(await fillOf(page, 'g[data-node-id="demand"] .s'), 'rgb(238, 242, 247)');
    assert.deepEqual(await js<string[]>(page, 'window.__ft.violations'), []);
    assert.equal(await js<string>(page, 'window.__ft.state?.uri'), DOC, 'the document is in the state for a restore');
    await page.close();
  });

  test('marks nodes with errors and warnings and puts the counts in their tooltips', async () => {
    const page = await open();
    await draw(page);
    const served = graph.nodes.find((n) => n.key === 'node:served')!;
    const smooth = graph.nodes.find((n) => n.key === 'node:smooth')!;
    assert.ok(served.errors > 0 && smooth.errors === 0 && smooth.warnings > 0, 'the fixture has an error node and a warning node');
    const group = page.locator('g[data-node-id="served"]');
    assert.match((await group.getAttribute('class')) ?? '', /\bft-error\b/);
    assert.match((await group.locator('title').textContent()) ?? '', new RegExp(`\n${served.errors} errors?$`));
    const warned = page.locator('g[data-node-id="smooth"]');
    assert.match((await warned.getAttribute('class')) ?? '', /\bft-warning\b/);
    assert.doesNotMatch((await warned.getAttribute('class')) ?? '', /\bft-error\b/);
    assert.match((await warned.locator('title').textContent()) ?? '', new RegExp(`\n${smooth.warnings} warnings?$`));
    assert.doesNotMatch((await page.locator('g[data-node-id="demand"]').getAttribute('class')) ?? '', /ft-error|ft-warning/);
    const stroke = await js<string>(page, computed('g[data-node-id="served"] .s', 'stroke'));
    assert.notEqual(stroke, await js<string>(page, computed('g[data-node-id="demand"] .s', 'stroke')));
    await page.close();
  });

  test('follows a dark theme: page colours from VS Code, dark node fills, light edges', async () => {
    const page = await open(undefined, 'vscode-dark');
    await js(page, "document.documentElement.style.setProperty('--vscode-editor-background', 'rgb(30, 30, 30)')");
    await draw(page);
    assert.equal(await fillOf(page, '#ft-stage .bg'), 'rgb(30, 30, 30)');
    assert.equal(await fillOf(page, 'g[data-node-id="demand"] .s'), 'rgb(40, 49, 60)');
    assert.equal(await js<string>(page, computed('path.e-flow[data-from]', 'stroke')), 'rgb(141, 181, 242)');
    assert.deepEqual(await js<string[]>(page, 'window.__ft.violations'), []);
    await page.close();
  });

  test('a click on a node asks to reveal it; a drag pans instead', async () => {
    const page = await open();
    await draw(page);
    const box = (await page.locator('g[data-node-id="capacity"] .s').boundingBox())!;
    const from = (await posted(page)).length;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    assert.deepEqual(await waitForPosted(page, (m) => m.type === 'reveal', from), { type: 'reveal', key: 'node:capacity' });

    const before = await js<string>(page, TRANSFORM);
    const count = (await posted(page)).length;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 120, box.y + 60, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await js<string>(page, TRANSFORM), before);
    assert.equal((await posted(page)).slice(count).filter((m) => m.type === 'reveal').length, 0);
    await page.close();
  });

  test('highlight marks the node at the cursor and brings it into view', async () => {
    const page = await open();
    await draw(page);
    // Pan far away, then highlight: the node must come back on screen.
    await page.locator('#ft-canvas').focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('Shift+ArrowRight');
    await send(page, { type: 'highlight', key: 'topology:Waiting' });
    const group = page.locator('g[data-node-id="Waiting"]');
    await page.waitForFunction(hasClass('g[data-node-id="Waiting"]', 'ft-highlight'));
    const box = (await group.boundingBox())!;
    assert.ok(box.x >= 0 && box.x + box.width <= 900 && box.y >= 0 && box.y + box.height <= 700, JSON.stringify(box));
    await send(page, { type: 'highlight', key: null });
    await page.waitForFunction("document.querySelectorAll('.ft-highlight').length === 0");
    await page.close();
  });

  test('zoom keys and buttons, fit, and the view kept across a live update', async () => {
    const page = await open();
    await draw(page);
    const level = (): Promise<string> => page.locator('#ft-zoom-level').innerText();
    const fitted = await level();
    await page.locator('#ft-canvas').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const zoomed = await level();
    assert.notEqual(zoomed, fitted);
    await page.locator('#ft-zoom-out').click();
    assert.notEqual(await level(), zoomed);
    await page.keyboard.press('+');
    const transform = await js<string>(page, TRANSFORM);
    await draw(page);
    assert.equal(await js<string>(page, TRANSFORM), transform, 'a redraw keeps the view');
    await page.keyboard.press('0');
    assert.equal(await level(), fitted);
    await page.locator('#ft-fit').click();
    assert.equal(await level(), fitted);
    await page.close();
  });

  test('the view is saved in the state and restored by a new page (a reload)', async () => {
    const page = await open();
    await draw(page);
    await page.locator('#ft-canvas').focus();
    await page.keyboard.press('-');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    const state = await js<WebviewState | undefined>(page, 'window.__ft.state');
    assert.equal(state?.uri, DOC);
    assert.ok(state?.view, 'the view was saved');
    const transform = await js<string>(page, TRANSFORM);
    await page.close();

    const restored = await open(state);
    await draw(restored);
    assert.equal(await js<string>(restored, TRANSFORM), transform);
    await restored.close();
  });

  test('Export SVG asks the extension', async () => {
    const page = await open();
    await draw(page);
    const from = (await posted(page)).length;
    await page.locator('#ft-export').click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === 'exportSvg', from), { type: 'exportSvg' });
    await page.close();
  });

  test('a message over a drawn graph dims it; without one it stands alone', async () => {
    const page = await open();
    const from = (await posted(page)).length;
    await send(page, { type: 'message', uri: DOC, version: 1, text: 'This document is not a FlowTime model or template.', keepGraph: false });
    assert.deepEqual(await waitForPosted(page, (m) => m.type === 'rendered', from), {
      type: 'rendered', uri: DOC, version: 1, mode: 'message', nodes: 0, edges: 0, errorNodes: 0,
    });
    assert.equal(await page.locator('#ft-empty').innerText(), 'This document is not a FlowTime model or template.');

    await draw(page);
    assert.equal(await page.locator('#ft-empty').isVisible(), false);
    await send(page, { type: 'message', uri: DOC, version: 8, text: 'No readable model: fix the errors in the document to see the graph.', keepGraph: true });
    await page.waitForFunction(hasClass('#ft-canvas', 'ft-stale'));
    assert.equal(await page.locator('#ft-banner').innerText(), 'No readable model: fix the errors in the document to see the graph.');
    assert.equal(await page.locator('#ft-stage svg g[data-node-id]').count(), graph.nodes.length, 'the last graph stays');
    await draw(page);
    assert.equal(await page.locator('#ft-banner').isVisible(), false);
    assert.equal(await js<boolean>(page, hasClass('#ft-canvas', 'ft-stale')), false);
    await page.close();
  });

  test('a large model shows the summary, whose problem list reveals nodes', async () => {
    const page = await open();
    const summary = summarizeGraph(graph.nodes, graph.edges);
    const from = (await posted(page)).length;
    await send(page, { type: 'summary', uri: DOC, version: 9, summary, limit: 1000 });
    assert.deepEqual(await waitForPosted(page, (m) => m.type === 'rendered', from), {
      type: 'rendered', uri: DOC, version: 9, mode: 'summary', nodes: summary.nodes, edges: summary.edges, errorNodes: summary.errorNodes,
    });
    assert.equal(await page.locator('#ft-summary').isVisible(), true);
    assert.equal(await page.locator('#ft-canvas').isVisible(), false);
    assert.match(await page.locator('#ft-summary h2').innerText(), new RegExp(`${summary.nodes} nodes, ${summary.edges} edges`));
    assert.match(await page.locator('#ft-summary').innerText(), /over 1,000 nodes/);
    assert.equal(await page.locator('#ft-zoom-in').isDisabled(), true);
    const at = (await posted(page)).length;
    await page.locator('#ft-summary button.ft-link', { hasText: 'served' }).click();
    assert.deepEqual(await waitForPosted(page, (m) => m.type === 'reveal', at), { type: 'reveal', key: 'node:served' });
    await send(page, { type: 'highlight', key: 'node:served' });
    await page.waitForFunction("document.querySelector('#ft-summary li.ft-highlight') !== null");
    assert.match(await page.locator('#ft-summary .ft-cursor').innerText(), /node served/);
    await page.close();
  });
});
