// Node shape geometry for the preview: size for a label, SVG outline and decoration paths, and edge clipping.
import type { ShapeName } from './visual';
import { num } from './text';

export interface Point {
  x: number;
  y: number;
}

export const NODE_HEIGHT = 36;
/** Diamonds are taller: text sits in their middle band, which narrows quickly. */
const DIAMOND_HEIGHT = 44;
const MIN_WIDTH = 64;
/** Half the height of the text band that must stay inside the outline. */
const TEXT_HALF_BAND = 7;
const PAD = 24;
const DICE_AREA = 18;
const CYLINDER_END = 7;

export interface ShapeSize {
  width: number;
  height: number;
}

/** The smallest box of this shape whose interior holds a label `labelWidth` wide. */
export function shapeSize(shape: ShapeName, labelWidth: number): ShapeSize {
  const h = shape === 'diamond' ? DIAMOND_HEIGHT : NODE_HEIGHT;
  let w: number;
  switch (shape) {
    case 'dice':
      w = labelWidth + PAD + DICE_AREA;
      break;
    case 'pill':
      w = labelWidth + PAD + 4;
      break;
    case 'cylinder':
      w = labelWidth + PAD + 2 * CYLINDER_END;
      break;
    case 'diamond':
      w = (labelWidth + 12) / (1 - (2 * TEXT_HALF_BAND) / h);
      break;
    case 'hexagon':
    case 'funnel':
    case 'parallelogram':
      w = labelWidth + PAD + 16;
      break;
    case 'rect':
      w = labelWidth + PAD;
      break;
  }
  return { width: Math.ceil(Math.max(MIN_WIDTH, w)), height: h };
}

/** Horizontal centre of the label inside a shape box of width `w`. */
export function labelCenterX(shape: ShapeName, w: number, h: number): number {
  return shape === 'dice' ? (w + diceArea(h)) / 2 : w / 2;
}

/** Outline path in local coordinates (box at 0,0). */
export function shapePath(shape: ShapeName, w: number, h: number): string {
  const m = h / 2;
  switch (shape) {
    case 'rect':
      return `M0,0H${num(w)}V${num(h)}H0Z`;
    case 'dice': {
      const r = Math.min(6, h / 4);
      return (
        `M${num(r)},0H${num(w - r)}A${num(r)},${num(r)} 0 0 1 ${num(w)},${num(r)}V${num(h - r)}` +
        `A${num(r)},${num(r)} 0 0 1 ${num(w - r)},${num(h)}H${num(r)}A${num(r)},${num(r)} 0 0 1 0,${num(h - r)}` +
        `V${num(r)}A${num(r)},${num(r)} 0 0 1 ${num(r)},0Z`
      );
    }
    case 'pill':
      return `M${num(m)},0H${num(w - m)}A${num(m)},${num(m)} 0 0 1 ${num(w - m)},${num(h)}H${num(m)}A${num(m)},${num(m)} 0 0 1 ${num(m)},0Z`;
    case 'cylinder': {
      const e = cylinderEnd(w);
      return `M${num(e)},0H${num(w - e)}A${num(e)},${num(m)} 0 0 1 ${num(w - e)},${num(h)}H${num(e)}A${num(e)},${num(m)} 0 0 1 ${num(e)},0Z`;
    }
    default:
      return polygonPath(polygonOutline(shape, w, h));
  }
}

/**
 * Extra strokes drawn over the outline: the visible rim of a cylinder's right end, the pips of the pmf "die".
 * `stroke` paths are stroked, `dots` paths are filled.
 */
export function shapeDecoration(shape: ShapeName, w: number, h: number): { stroke?: string; dots?: string } {
  if (shape === 'cylinder') {
    const e = cylinderEnd(w);
    return { stroke: `M${num(w - e)},0A${num(e)},${num(h / 2)} 0 0 0 ${num(w - e)},${num(h)}` };
  }
  if (shape === 'dice') {
    // Three pips on a diagonal, like the "3" face of a die.
    const s = h / NODE_HEIGHT;
    const cx = diceArea(h) / 2 + 3 * s;
    const r = 1.9 * s;
    const d = 5 * s;
    const dots = [-1, 0, 1]
      .map((k) => {
        const x = cx + k * d;
        const y = h / 2 + k * d;
        return `M${num(x - r)},${num(y)}a${num(r)},${num(r)} 0 1 0 ${num(2 * r)},0a${num(r)},${num(r)} 0 1 0 ${num(-2 * r)},0Z`;
      })
      .join('');
    return { dots };
  }
  return {};
}

/**
 * Where the segment from the shape's centre towards `toward` leaves the outline (box origin `origin`). Shapes are
 * convex, so the last crossing is the only one; if `toward` is inside the shape the point itself is returned.
 */
export function clipToShape(shape: ShapeName, origin: Point, w: number, h: number, toward: Point): Point {
  const outline = polygonOutline(shape, w, h).map((p) => ({ x: p.x + origin.x, y: p.y + origin.y }));
  const c = { x: origin.x + w / 2, y: origin.y + h / 2 };
  let best = -1;
  for (let i = 0; i < outline.length; i++) {
    const t = segmentIntersection(c, toward, outline[i], outline[(i + 1) % outline.length]);
    if (t !== undefined && t > best) best = t;
  }
  if (best < 0) return toward;
  return { x: c.x + (toward.x - c.x) * best, y: c.y + (toward.y - c.y) * best };
}

/** The outline as a convex polygon; curved shapes are sampled finely enough that clipped arrows touch the curve. */
export function polygonOutline(shape: ShapeName, w: number, h: number): Point[] {
  const m = h / 2;
  switch (shape) {
    case 'diamond':
      return [{ x: 0, y: m }, { x: w / 2, y: 0 }, { x: w, y: m }, { x: w / 2, y: h }];
    case 'hexagon': {
      const a = Math.min(h * 0.35, w / 4);
      return [{ x: 0, y: m }, { x: a, y: 0 }, { x: w - a, y: 0 }, { x: w, y: m }, { x: w - a, y: h }, { x: a, y: h }];
    }
    case 'funnel': {
      const b = h * 0.3;
      return [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w - b, y: h }, { x: b, y: h }];
    }
    case 'parallelogram': {
      const s = h * 0.3;
      return [{ x: s, y: 0 }, { x: w, y: 0 }, { x: w - s, y: h }, { x: 0, y: h }];
    }
    case 'pill':
      return [...arcPoints(w - m, m, m, m, -90, 90), ...arcPoints(m, m, m, m, 90, 270)];
    case 'cylinder': {
      const e = cylinderEnd(w);
      return [...arcPoints(w - e, m, e, m, -90, 90), ...arcPoints(e, m, e, m, 90, 270)];
    }
    case 'rect':
    case 'dice':
      return [{ x: 0, y: 0 }, { x: w, y: 0 }, { x: w, y: h }, { x: 0, y: h }];
  }
}

function polygonPath(points: Point[]): string {
  return `M${points.map((p) => `${num(p.x)},${num(p.y)}`).join('L')}Z`;
}

function arcPoints(cx: number, cy: number, rx: number, ry: number, fromDeg: number, toDeg: number): Point[] {
  const out: Point[] = [];
  const steps = 8;
  for (let i = 0; i <= steps; i++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180;
    out.push({ x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a) });
  }
  return out;
}

/** Parameter t along p→q where it crosses segment a→b, if it does. */
function segmentIntersection(p: Point, q: Point, a: Point, b: Point): number | undefined {
  const rx = q.x - p.x;
  const ry = q.y - p.y;
  const sx = b.x - a.x;
  const sy = b.y - a.y;
  const denom = rx * sy - ry * sx;
  if (Math.abs(denom) < 1e-9) return undefined;
  const t = ((a.x - p.x) * sy - (a.y - p.y) * sx) / denom;
  const u = ((a.x - p.x) * ry - (a.y - p.y) * rx) / denom;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? t : undefined;
}

function cylinderEnd(w: number): number {
  return Math.min(CYLINDER_END, w / 4);
}

function diceArea(h: number): number {
  return (DICE_AREA * h) / NODE_HEIGHT;
}
