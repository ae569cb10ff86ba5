// Our own 24-hour builtin profile curves (288 points of 5 minutes), from documented closed forms.
//
// FlowTime's own curve data is not part of the reference, so these shapes are this project's definitions: they
// follow the names (office day, three shifts, two rush hours) and are deterministic. Each is sampled at the start of
// every 5-minute slot, h = i / 12 hours, i = 0..287. Values are relative; resolution normalizes them to mean 1.

export const PROFILE_POINTS = 288;

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));
const bump = (h: number, centre: number, width: number): number => Math.exp(-(((h - centre) / width) ** 2));
/** Distance between two hours on the 24-hour circle, so dips at midnight wrap around. */
const circular = (a: number, b: number): number => {
  const d = Math.abs(a - b) % 24;
  return Math.min(d, 24 - d);
};

/**
 * weekday-office: a low night (0.15), a logistic morning ramp centred at 08:00, a 25% lunch dip at 12:30, an extra
 * afternoon peak at 15:00 and a logistic evening decline centred at 18:00.
 *   w(h) = 0.15 + 0.85·[σ((h−8)/0.6) − σ((h−18)/1.0)]·(1 − 0.25·bump(h, 12.5, 0.6)) + 0.15·bump(h, 15, 1.5)
 */
function weekdayOffice(h: number): number {
  const day = logistic((h - 8) / 0.6) - logistic((h - 18) / 1.0);
  return 0.15 + 0.85 * day * (1 - 0.25 * bump(h, 12.5, 0.6)) + 0.15 * bump(h, 15, 1.5);
}

/**
 * three-shift: three plateaus — day 06:00–14:00 at 1.0, swing 14:00–22:00 at 0.85, night 22:00–06:00 at 0.55 —
 * each shift change (06:00, 14:00, 22:00) dipping to half the incoming shift's level (below both neighbouring
 * plateaus) over roughly ±20 minutes.
 *   w(h) = level(h)·(1 − 0.5·Σ_c bump(circular(h, c), 0, 0.35))
 */
function threeShift(h: number): number {
  const level = h >= 6 && h < 14 ? 1.0 : h >= 14 && h < 22 ? 0.85 : 0.55;
  const dips = [6, 14, 22].reduce((s, c) => s + bump(circular(h, c), 0, 0.35), 0);
  return level * (1 - 0.5 * dips);
}

/**
 * hub-rush-hour: a base of 0.3, a morning rush peaking at 08:00, a slightly larger evening rush at 17:30 and a
 * midday shoulder at 12:30.
 *   w(h) = 0.3 + 1.0·bump(h, 8, 1.2) + 1.1·bump(h, 17.5, 1.4) + 0.25·bump(h, 12.5, 2.5)
 */
function hubRushHour(h: number): number {
  return 0.3 + 1.0 * bump(h, 8, 1.2) + 1.1 * bump(h, 17.5, 1.4) + 0.25 * bump(h, 12.5, 2.5);
}

const SHAPES: Record<string, (h: number) => number> = {
  'weekday-office': weekdayOffice,
  'three-shift': threeShift,
  'hub-rush-hour': hubRushHour,
};

export const BUILTIN_PROFILE_NAMES: readonly string[] = Object.keys(SHAPES);

const cache = new Map<string, number[]>();

/** The 288-point curve of a builtin profile (name case-insensitive), or undefined for an unknown name. */
export function builtinCurve(name: string): number[] | undefined {
  const key = name.trim().toLowerCase();
  const shape = SHAPES[key];
  if (!shape) return undefined;
  let curve = cache.get(key);
  if (!curve) {
    curve = Array.from({ length: PROFILE_POINTS }, (_, i) => shape(i / 12));
    cache.set(key, curve);
  }
  return curve.slice();
}
