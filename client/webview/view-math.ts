// Zoom and pan arithmetic for the preview canvas; no DOM, so the unit tests can run it under Node.
import type { ViewTransform } from '../src/preview/messages';

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 8;
/** One + / − step: 5 steps double or halve the size. */
export const ZOOM_STEP = 1.15;
/** Space kept around a fitted graph. */
export const FIT_PADDING = 16;

export interface Size {
  width: number;
  height: number;
}

/** A rectangle in canvas pixels. */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function clampScale(scale: number): number {
  if (!Number.isFinite(scale)) return 1;
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
}

/** Zooms by `factor` keeping the content point under (px, py) where it is on screen. */
export function zoomAt(view: ViewTransform, factor: number, px: number, py: number): ViewTransform {
  const scale = clampScale(view.scale * factor);
  const k = scale / view.scale;
  return { scale, x: px - (px - view.x) * k, y: py - (py - view.y) * k };
}

export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { scale: view.scale, x: view.x + dx, y: view.y + dy };
}

/**
 * The whole content in the viewport, centred. Never above 1: a small graph is shown at its own size, not blown up
 * to fill a wide panel.
 */
export function fitView(content: Size, viewport: Size, padding = FIT_PADDING): ViewTransform {
  if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || viewport.height <= 0) {
    return { scale: 1, x: 0, y: 0 };
  }
  const room = { width: Math.max(1, viewport.width - 2 * padding), height: Math.max(1, viewport.height - 2 * padding) };
  const scale = clampScale(Math.min(1, room.width / content.width, room.height / content.height));
  return {
    scale,
    x: (viewport.width - content.width * scale) / 2,
    y: (viewport.height - content.height * scale) / 2,
  };
}

/**
 * Pans so that `target` (canvas pixels, as drawn now) is centred, but only when part of it is outside the viewport
 * (less `margin`); a node already on screen does not make the view jump. Returns the same view when nothing moves.
 */
export function revealBox(view: ViewTransform, target: Box, viewport: Size, margin = 24): ViewTransform {
  const inside =
    target.left >= margin &&
    target.top >= margin &&
    target.left + target.width <= viewport.width - margin &&
    target.top + target.height <= viewport.height - margin;
  if (inside) return view;
  const dx = viewport.width / 2 - (target.left + target.width / 2);
  const dy = viewport.height / 2 - (target.top + target.height / 2);
  return panBy(view, dx, dy);
}

/** The CSS transform of the stage element (origin at its top-left corner). */
export function cssTransform(view: ViewTransform): string {
  return `translate(${round(view.x)}px, ${round(view.y)}px) scale(${view.scale})`;
}

/** Wheel deltas come in pixels, lines or pages; the zoom speed should not depend on which. */
export function wheelPixels(delta: number, deltaMode: number, pageSize: number): number {
  if (deltaMode === 1) return delta * 16;
  if (deltaMode === 2) return delta * pageSize;
  return delta;
}

/** Zoom factor for a ctrl/cmd-wheel movement: smooth for trackpad pinches, one step per mouse notch. */
export function wheelZoomFactor(pixels: number): number {
  return Math.exp(-Math.max(-100, Math.min(100, pixels)) * 0.0025);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
