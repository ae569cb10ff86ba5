// Zoom and pan of the preview canvas: ctrl/cmd-wheel, drag, buttons, keys and fit; reports taps that were not drags.
import type { ViewTransform } from '../src/preview/messages';
import { cssTransform, fitView, panBy, revealBox, wheelPixels, wheelZoomFactor, zoomAt } from './view-math';
import type { Size } from './view-math';

/** A press that moves less than this is a click on what is under it, not the start of a pan. */
const DRAG_THRESHOLD_PX = 4;

export interface ViewportEvents {
  /** The view changed; `byUser` is false for fits and restores. */
  changed(view: ViewTransform, byUser: boolean): void;
  /** A click (press and release without dragging) on `target`. */
  tapped(target: EventTarget | null): void;
}

export class Viewport {
  private view: ViewTransform = { scale: 1, x: 0, y: 0 };
  private content: Size = { width: 0, height: 0 };
  /** Fitted and not moved since: a resized panel fits again instead of cropping the graph. */
  private autoFit = true;
  private press: { id: number; x: number; y: number; view: ViewTransform; target: EventTarget | null; dragging: boolean } | undefined;

  constructor(
    private readonly canvas: HTMLElement,
    private readonly stage: HTMLElement,
    private readonly events: ViewportEvents,
  ) {
    canvas.addEventListener('wheel', (e) => this.wheel(e), { passive: false });
    canvas.addEventListener('pointerdown', (e) => this.pointerDown(e));
    canvas.addEventListener('pointermove', (e) => this.pointerMove(e));
    canvas.addEventListener('pointerup', (e) => this.pointerUp(e));
    canvas.addEventListener('pointercancel', () => this.endPress());
    new ResizeObserver(() => {
      if (this.autoFit) this.fit();
    }).observe(canvas);
  }

  get current(): ViewTransform {
    return { ...this.view };
  }

  setContent(size: Size): void {
    this.content = { ...size };
  }

  /** Shows `view` (a restored one, or the one kept across a redraw). */
  set(view: ViewTransform): void {
    this.autoFit = false;
    this.apply(view, false);
  }

  fit(): void {
    const size = this.size();
    // A panel not laid out yet has no size; the resize observer fits once it has one.
    if (size.width === 0 || size.height === 0) {
      this.autoFit = true;
      return;
    }
    this.autoFit = true;
    this.apply(fitView(this.content, size), false);
  }

  zoomBy(factor: number, at?: { x: number; y: number }): void {
    const size = this.size();
    const p = at ?? { x: size.width / 2, y: size.height / 2 };
    this.moved(zoomAt(this.view, factor, p.x, p.y));
  }

  panBy(dx: number, dy: number): void {
    this.moved(panBy(this.view, dx, dy));
  }

  /** Brings an element of the drawing into view if it is (partly) off screen. */
  reveal(el: Element): void {
    const r = el.getBoundingClientRect();
    const c = this.canvas.getBoundingClientRect();
    const next = revealBox(this.view, { left: r.left - c.left, top: r.top - c.top, width: r.width, height: r.height }, this.size());
    if (next !== this.view) this.moved(next);
  }

  private size(): Size {
    return { width: this.canvas.clientWidth, height: this.canvas.clientHeight };
  }

  private moved(view: ViewTransform): void {
    this.autoFit = false;
    this.apply(view, true);
  }

  private apply(view: ViewTransform, byUser: boolean): void {
    this.view = { ...view };
    this.stage.style.transform = cssTransform(this.view);
    this.events.changed(this.current, byUser);
  }

  private point(e: MouseEvent): { x: number; y: number } {
    const c = this.canvas.getBoundingClientRect();
    return { x: e.clientX - c.left, y: e.clientY - c.top };
  }

  private wheel(e: WheelEvent): void {
    e.preventDefault();
    if (e.ctrlKey || e.metaKey) {
      // Trackpad pinches arrive as ctrl+wheel too.
      this.zoomBy(wheelZoomFactor(wheelPixels(e.deltaY, e.deltaMode, this.size().height)), this.point(e));
    } else {
      const page = this.size();
      const dx = wheelPixels(e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX, e.deltaMode, page.width);
      const dy = e.shiftKey && e.deltaX === 0 ? 0 : wheelPixels(e.deltaY, e.deltaMode, page.height);
      this.panBy(-dx, -dy);
    }
  }

  private pointerDown(e: PointerEvent): void {
    if (e.button !== 0 || this.press) return;
    this.press = { id: e.pointerId, x: e.clientX, y: e.clientY, view: this.current, target: e.target, dragging: false };
  }

  private pointerMove(e: PointerEvent): void {
    const press = this.press;
    if (!press || e.pointerId !== press.id) return;
    const dx = e.clientX - press.x;
    const dy = e.clientY - press.y;
    if (!press.dragging) {
      if (Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      press.dragging = true;
      // Captured only once it is a drag, so a plain click still lands on the node it was aimed at.
      this.canvas.setPointerCapture(e.pointerId);
      this.canvas.classList.add('ft-dragging');
    }
    this.moved(panBy(press.view, dx, dy));
  }

  private pointerUp(e: PointerEvent): void {
    const press = this.press;
    if (!press || e.pointerId !== press.id) return;
    this.endPress();
    if (!press.dragging) this.events.tapped(press.target);
  }

  private endPress(): void {
    if (this.press?.dragging && this.canvas.hasPointerCapture(this.press.id)) this.canvas.releasePointerCapture(this.press.id);
    this.press = undefined;
    this.canvas.classList.remove('ft-dragging');
  }
}
