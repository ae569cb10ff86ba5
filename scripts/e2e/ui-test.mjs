// UI smoke test through the real workbench: Quick Open, error squiggle, server hover, DAG preview webview; screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { forwardPageErrors, launchBrowser, workbenchUrl } from './browser.mjs';

const BROKEN = 'broken.model.yaml';
/** The reference the test hovers (in `expr: "MIN(arrivals, capacity)"`) and what the server's hover says about it. */
const HOVER_LINE_TEXT = 'MIN(arrivals';
const HOVER_WORD = 'arrivals';
const HOVER_EXPECT = 'const node';

/** Node ids declared in the fixture's `nodes:` list (`- id: x` lines), which the preview must draw. */
function fixtureNodeIds(workspace) {
  const text = readFileSync(join(workspace, 'models', BROKEN), 'utf8');
  return [...text.matchAll(/^\s*- id:\s*(\S+)\s*$/gm)].map((m) => m[1]);
}

/** Polls `probe` until it returns a truthy value; fails with `what` and the last value on the deadline. */
async function poll(probe, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (e) {
      last = `error: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The hover fades in: wait until the widget and its ancestors are fully opaque, so a screenshot shows it clearly. */
async function hoverOpaque(page) {
  return page.evaluate(() => {
    const hover = document.querySelector('.monaco-hover:not(.hidden)');
    if (!hover) return false;
    for (let el = hover; el; el = el.parentElement) if (Number(getComputedStyle(el).opacity) < 1) return false;
    return true;
  });
}

/** Moves the mouse onto the hovered word and waits for the server's hover, fully shown; returns its text. */
async function showHover(page) {
  const box = await poll(() => wordBox(page, HOVER_LINE_TEXT, HOVER_WORD), `"${HOVER_WORD}" rendered in the editor`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content', { hasText: HOVER_EXPECT }).first();
  await hover.waitFor({ timeout: 20000 });
  await poll(() => hoverOpaque(page), 'the hover to finish fading in', 5000);
  return (await hover.innerText()).replace(/\s+/g, ' ').trim();
}

/** Runs a palette command by its title (F1, type, Enter on the matching row). */
async function runPaletteCommand(page, title) {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget .quick-input-box input').waitFor({ timeout: 10000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^FlowTime: /, '') }).first().waitFor({ timeout: 20000 });
  await page.keyboard.press('Enter');
}

/** The quick input's text box and its validation message, once `hasText` shows in the widget. */
async function quickInputShows(page, hasText) {
  const widget = page.locator('.quick-input-widget', { hasText }).first();
  await widget.waitFor({ timeout: 20000 });
  return widget;
}

/** The preview's SVG lives two iframes deep (webview host → active-frame); returns the node ids drawn in any frame. */
async function drawnNodeIds(page) {
  for (const frame of page.frames()) {
    const ids = await frame.$$eval('[data-node-id]', (els) => els.map((e) => e.getAttribute('data-node-id'))).catch(() => []);
    if (ids.length > 0) return ids;
  }
  return [];
}

/** Screen box of `word` inside the first editor line containing `lineText` (measured on the rendered text). */
async function wordBox(page, lineText, word) {
  return page.evaluate(
    ({ lineText, word }) => {
      const line = [...document.querySelectorAll('.monaco-editor .view-lines .view-line')].find((l) => l.textContent?.includes(lineText));
      if (!line) return null;
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent?.indexOf(word) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + word.length);
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return null;
    },
    { lineText, word },
  );
}

export async function runUiTest({ base, workspace, extensionDevelopmentPath, resultsDir, onBrowser }) {
  mkdirSync(resultsDir, { recursive: true });
  const started = Date.now();
  const step = (msg) => console.log(`  [${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
  const browser = await launchBrowser();
  onBrowser?.(browser);
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  forwardPageErrors(page, 'ui');
  try {
    await page.goto(workbenchUrl(base, workspace, { extensionDevelopmentPath }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 30000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30000 });
    step('workbench and explorer shown');

    // Quick Open (Ctrl+P) → the broken model.
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => undefined);
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ timeout: 10000 });
    await page.keyboard.type(BROKEN);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: BROKEN }).first();
    await row.waitFor({ timeout: 20000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab[aria-label*="${BROKEN}"]`).waitFor({ timeout: 20000 });
    await page.locator('.monaco-editor .view-line', { hasText: HOVER_LINE_TEXT }).first().waitFor({ timeout: 20000 });
    step(`${BROKEN} open in an editor`);

    await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: 30000 });
    const squiggles = await page.locator('.monaco-editor .squiggly-error').count();
    step(`error squiggles rendered (${squiggles})`);
    await page.screenshot({ path: join(resultsDir, 'squiggle.png') });

    // Hover the reference with the mouse, as a user would; the text comes from the language server.
    const hoverText = await showHover(page);
    if (!hoverText.includes(HOVER_WORD)) throw new Error(`the hover does not name ${HOVER_WORD}: "${hoverText}"`);
    step(`hover shown: "${hoverText.slice(0, 80)}…"`);
    await page.screenshot({ path: join(resultsDir, 'hover.png') });
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    // Command palette → FlowTime: Show DAG Preview.
    await runPaletteCommand(page, 'FlowTime: Show DAG Preview');
    const expected = fixtureNodeIds(workspace);
    const ids = await poll(
      async () => {
        const drawn = await drawnNodeIds(page);
        return expected.every((id) => drawn.includes(id)) ? drawn : null;
      },
      `the preview webview to draw nodes ${expected.join(', ')}`,
      30000,
    );
    step(`preview shows ${ids.length} node(s): ${ids.join(', ')}`);
    await page.screenshot({ path: join(resultsDir, 'preview.png') });

    // All three at once, for the user guide: squiggles, the hover, the live preview beside the editor.
    await showHover(page);
    await page.screenshot({ path: join(resultsDir, 'walkthrough.png') });
    step('walkthrough screenshot: squiggles, hover and preview together');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');

    // Reload the window: the preview panel is restored (serializer + saved state) and draws the graph again.
    await runPaletteCommand(page, 'Developer: Reload Window');
    await page.waitForLoadState('domcontentloaded');
    await page.locator('.monaco-workbench').waitFor({ timeout: 30000 });
    const restored = await poll(
      async () => {
        const drawn = await drawnNodeIds(page);
        return expected.every((id) => drawn.includes(id)) ? drawn : null;
      },
      'the preview to be restored after a window reload and draw its nodes again',
      45000,
    );
    step(`preview restored after reload with ${restored.length} node(s)`);
    await page.locator(`.tabs-container .tab[aria-label*="${BROKEN}"]`).first().click();

    // New Model from Template: a parameter value is checked by the server as it is typed.
    await runPaletteCommand(page, 'FlowTime: New Model from Template');
    await quickInputShows(page, 'E-commerce Checkout');
    await page.keyboard.type('E-commerce Checkout');
    await page.keyboard.press('Enter');
    await quickInputShows(page, 'Enter parameters step by step');
    await page.keyboard.press('Enter');
    const input = await quickInputShows(page, 'bins');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('abc');
    const refusal = await poll(async () => {
      const text = await input.locator('.quick-input-message').innerText().catch(() => '');
      // The server's refusal replaces the prompt (which describes the parameter) under the input box.
      return /got 'abc'/.test(text) ? text : null;
    }, 'the parameter input to refuse "abc"');
    step(`parameter input refuses "abc": ${refusal.replace(/\s+/g, ' ').slice(0, 80)}`);
    await page.screenshot({ path: join(resultsDir, 'new-model.png') });
    await page.keyboard.press('Escape');
    console.log(`UI test: 1 passed, 0 failed (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    return 0;
  } catch (e) {
    const shot = join(resultsDir, 'ui-failure.png');
    await page.screenshot({ path: shot }).catch(() => undefined);
    console.error(`  ✗ UI test: ${e instanceof Error ? e.message : String(e)}`);
    console.error(`    screenshot: ${shot}`);
    console.log('UI test: 0 passed, 1 failed');
    return 1;
  } finally {
    await browser.close().catch(() => undefined);
  }
}
