// Resolves a pmf node's `profile` into per-bin weights with mean 1 (builtin curves resampled, or inline weights).
import { builtinCurve, BUILTIN_PROFILE_NAMES } from './builtin-profiles';
import { asArray, field, nonBlank } from './template-values';

export interface ProfileResolution {
  /** `builtin` or `inline` as Sim emits it in `profile.kind`. */
  kind?: 'builtin' | 'inline';
  /** The builtin name as written (trimmed). */
  name?: string;
  /** Mean-1 weights, one per bin, when the profile resolves. */
  weights?: number[];
  /** Why it does not resolve, and the key under `profile` the problem is about ('' for the profile itself). */
  error?: { message: string; key: '' | 'kind' | 'name' | 'weights'; index?: number };
}

/**
 * Linear resampling of a periodic 24-hour curve onto `bins` points: bin t samples the curve at position
 * t × points / bins (the whole day is stretched over the grid, whatever its duration), interpolating between the
 * neighbouring points and wrapping from the last point back to the first.
 */
export function resample(curve: readonly number[], bins: number): number[] {
  const n = curve.length;
  const out: number[] = [];
  for (let t = 0; t < bins; t++) {
    const pos = (t * n) / bins;
    const i = Math.floor(pos);
    const frac = pos - i;
    const a = curve[i % n];
    const b = curve[(i + 1) % n];
    out.push(a + (b - a) * frac);
  }
  return out;
}

/** Scales weights to mean 1; undefined when the mean is not positive. */
export function normalizeMean(weights: readonly number[]): number[] | undefined {
  if (weights.length === 0) return undefined;
  const mean = weights.reduce((s, w) => s + w, 0) / weights.length;
  if (!(mean > 0) || !Number.isFinite(mean)) return undefined;
  return weights.map((w) => w / mean);
}

export function resolveProfile(profile: unknown, bins: number | undefined): ProfileResolution {
  const kindText = nonBlank(field(profile, 'kind'));
  const kindLower = (kindText ?? 'builtin').toLowerCase();
  if (kindLower !== 'builtin' && kindLower !== 'inline') {
    return { error: { message: `profile kind \`${kindText}\` is not supported; use \`builtin\` or \`inline\``, key: 'kind' } };
  }
  const kind = kindLower as 'builtin' | 'inline';
  if (bins === undefined || !Number.isInteger(bins) || bins <= 0) {
    return { kind, error: { message: 'the profile cannot be resolved without a positive grid.bins', key: '' } };
  }
  if (kind === 'builtin') {
    const name = nonBlank(field(profile, 'name'));
    if (!name) {
      return { kind, error: { message: `a builtin profile needs a \`name\` (${BUILTIN_PROFILE_NAMES.join(', ')})`, key: 'name' } };
    }
    const curve = builtinCurve(name);
    if (!curve) {
      return {
        kind,
        name,
        error: { message: `unknown builtin profile \`${name}\`; known profiles are ${BUILTIN_PROFILE_NAMES.join(', ')}`, key: 'name' },
      };
    }
    return { kind, name, weights: normalizeMean(resample(curve, bins)) };
  }
  const raw = field(profile, 'weights');
  const list = asArray(raw);
  if (list.length === 0) return { kind, error: { message: 'an inline profile needs a non-empty `weights` list', key: 'weights' } };
  if (list.length !== bins) {
    return { kind, error: { message: `inline profile has ${list.length} weights but grid.bins is ${bins}`, key: 'weights' } };
  }
  for (let i = 0; i < list.length; i++) {
    const w = list[i];
    if (typeof w !== 'number' || !Number.isFinite(w)) {
      return { kind, error: { message: `inline profile weight at index ${i} is not a number`, key: 'weights', index: i } };
    }
    if (w < 0) return { kind, error: { message: `inline profile weight at index ${i} is negative (${w})`, key: 'weights', index: i } };
  }
  const weights = normalizeMean(list as number[]);
  if (!weights) return { kind, error: { message: 'inline profile weights must have a positive average', key: 'weights' } };
  return { kind, weights };
}
