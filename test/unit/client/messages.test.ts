// Messages from the webview and its saved state are checked before the controller uses them.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { isViewTransform, parseFromWebview, parseWebviewState } from '../../../client/src/preview/messages';

describe('parseFromWebview', () => {
  test('accepts every message the webview sends', () => {
    assert.deepEqual(parseFromWebview({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseFromWebview({ type: 'exportSvg' }), { type: 'exportSvg' });
    assert.deepEqual(parseFromWebview({ type: 'reveal', key: 'node:a' }), { type: 'reveal', key: 'node:a' });
    assert.deepEqual(parseFromWebview({ type: 'log', message: 'x' }), { type: 'log', message: 'x' });
    const rendered = { type: 'rendered', uri: 'file:///m.model.yaml', version: 4, mode: 'svg', nodes: 12, edges: 20, errorNodes: 1 };
    assert.deepEqual(parseFromWebview(rendered), rendered);
  });

  test('keeps only the known fields', () => {
    assert.deepEqual(parseFromWebview({ type: 'reveal', key: 'node:a', extra: 1 }), { type: 'reveal', key: 'node:a' });
  });

  test('drops anything malformed', () => {
    for (const bad of [
      null,
      'ready',
      42,
      {},
      { type: 'unknown' },
      { type: 'reveal' },
      { type: 'reveal', key: '' },
      { type: 'reveal', key: 7 },
      { type: 'log' },
      { type: 'rendered', uri: 'u', version: 1, mode: 'svg', nodes: -1, edges: 0, errorNodes: 0 },
      { type: 'rendered', uri: 'u', version: 1, mode: 'png', nodes: 1, edges: 0, errorNodes: 0 },
      { type: 'rendered', uri: 'u', version: 1.5, mode: 'svg', nodes: 1, edges: 0, errorNodes: 0 },
      { type: 'rendered', version: 1, mode: 'svg', nodes: 1, edges: 0, errorNodes: 0 },
      { type: 'rendered', uri: 'u', version: 1, mode: 'svg', nodes: '1', edges: 0, errorNodes: 0 },
    ]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });

  test('long log lines are cut', () => {
    const parsed = parseFromWebview({ type: 'log', message: 'x'.repeat(10000) });
    assert.equal(parsed?.type === 'log' ? parsed.message.length : -1, 2000);
  });
});

describe('parseWebviewState', () => {
  test('the document uri with a usable view, or the uri alone', () => {
    assert.deepEqual(parseWebviewState({ uri: 'file:///a', view: { scale: 0.5, x: 10, y: -4 } }), {
      uri: 'file:///a',
      view: { scale: 0.5, x: 10, y: -4 },
    });
    assert.deepEqual(parseWebviewState({ uri: 'file:///a', view: { scale: 0, x: 1, y: 1 } }), { uri: 'file:///a' });
    assert.deepEqual(parseWebviewState({ uri: 'file:///a', view: 'big' }), { uri: 'file:///a' });
  });

  test('nothing usable without a uri', () => {
    assert.equal(parseWebviewState(undefined), undefined);
    assert.equal(parseWebviewState({ view: { scale: 1, x: 0, y: 0 } }), undefined);
    assert.equal(parseWebviewState({ uri: '' }), undefined);
  });

  test('isViewTransform wants finite numbers and a positive scale', () => {
    assert.equal(isViewTransform({ scale: 1, x: 0, y: 0 }), true);
    assert.equal(isViewTransform({ scale: Infinity, x: 0, y: 0 }), false);
    assert.equal(isViewTransform({ scale: 1, x: Number.NaN, y: 0 }), false);
    assert.equal(isViewTransform({ scale: -1, x: 0, y: 0 }), false);
    assert.equal(isViewTransform({ scale: 1, x: 0 }), false);
  });
});
