// Zoom and pan arithmetic of the preview canvas.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_SCALE,
  MIN_SCALE,
  clampScale,
  cssTransform,
  fitView,
  panBy,
  revealBox,
  wheelPixels,
  wheelZoomFactor,
  zoomAt,
} from '../../../client/webview/view-math';

const close = (a: number, b: number, msg?: string): void => assert.ok(Math.abs(a - b) < 1e-9, msg ?? `${a} ≈ ${b}`);

describe('zoomAt', () => {
  test('the content point under the pointer stays under it', () => {
    const view = { scale: 0.8, x: 30, y: -12 };
    const px = 200;
    const py = 150;
    const contentX = (px - view.x) / view.scale;
    const contentY = (py - view.y) / view.scale;
    const next = zoomAt(view, 1.5, px, py);
    close(next.scale, 1.2);
    close(contentX * next.scale + next.x, px);
    close(contentY * next.scale + next.y, py);
  });

  test('clamped at the limits, still around the point', () => {
    const next = zoomAt({ scale: 6, x: 0, y: 0 }, 10, 100, 100);
    assert.equal(next.scale, MAX_SCALE);
    close((100 - next.x) / next.scale, 100 / 6);
    assert.equal(zoomAt({ scale: MIN_SCALE, x: 0, y: 0 }, 0.1, 0, 0).scale, MIN_SCALE);
  });
});

describe('fitView', () => {
  test('a large graph shrinks to fit inside the padding and is centred', () => {
    const v = fitView({ width: 2000, height: 500 }, { width: 832, height: 600 }, 16);
    close(v.scale, 0.4);
    close(v.x, (832 - 800) / 2);
    close(v.y, (600 - 200) / 2);
  });

  test('a small graph keeps its size (never above 100%) and is centred', () => {
    const v = fitView({ width: 300, height: 100 }, { width: 1000, height: 800 });
    assert.deepEqual(v, { scale: 1, x: 350, y: 350 });
  });

  test('no size yet: the identity view', () => {
    assert.deepEqual(fitView({ width: 0, height: 0 }, { width: 100, height: 100 }), { scale: 1, x: 0, y: 0 });
    assert.deepEqual(fitView({ width: 100, height: 100 }, { width: 0, height: 0 }), { scale: 1, x: 0, y: 0 });
  });
});

describe('revealBox', () => {
  const view = { scale: 1, x: -50, y: 20 };
  const viewport = { width: 800, height: 600 };

  test('a box on screen does not move the view', () => {
    assert.equal(revealBox(view, { left: 100, top: 100, width: 80, height: 30 }, viewport), view);
  });

  test('a box off screen (even partly) is centred', () => {
    const next = revealBox(view, { left: 1200, top: -300, width: 80, height: 30 }, viewport);
    assert.deepEqual(next, { scale: 1, x: -50 + (400 - 1240), y: 20 + (300 - -285) });
    const edge = revealBox(view, { left: 790, top: 100, width: 80, height: 30 }, viewport);
    assert.notEqual(edge, view);
  });
});

describe('small helpers', () => {
  test('clampScale', () => {
    assert.equal(clampScale(100), MAX_SCALE);
    assert.equal(clampScale(0), MIN_SCALE);
    assert.equal(clampScale(Number.NaN), 1);
    assert.equal(clampScale(0.7), 0.7);
  });

  test('panBy', () => {
    assert.deepEqual(panBy({ scale: 2, x: 1, y: 2 }, 10, -5), { scale: 2, x: 11, y: -3 });
  });

  test('cssTransform rounds the offsets', () => {
    assert.equal(cssTransform({ scale: 0.5, x: 10.123456, y: -3 }), 'translate(10.12px, -3px) scale(0.5)');
  });

  test('wheel deltas in lines and pages become pixels; zoom factors are symmetric and bounded', () => {
    assert.equal(wheelPixels(3, 0, 500), 3);
    assert.equal(wheelPixels(3, 1, 500), 48);
    assert.equal(wheelPixels(1, 2, 500), 500);
    close(wheelZoomFactor(100) * wheelZoomFactor(-100), 1);
    assert.ok(wheelZoomFactor(100) < 1 && wheelZoomFactor(-100) > 1, 'scrolling down zooms out');
    assert.equal(wheelZoomFactor(100000), wheelZoomFactor(100), 'one huge delta is one step');
  });
});
