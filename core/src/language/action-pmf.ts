// Normalizes PMF probabilities that do not sum to 1: divide by the sum, round, and let one element absorb the rounding.
import type { TextEdit } from '../diagnostics';
import type { ScalarNode } from '../yaml/document';
import type { ActionProvider } from './action-context';
import { quickFix } from './action-context';
import { decimalText, nodeAtRange, replaceSpan } from './action-yaml';

/** Sim's template tolerance, the strictest of all: a normalized PMF must pass it. */
const SUM_TOLERANCE = 1e-10;
const MAX_DIGITS = 10;
const DEFAULT_DIGITS = 6;

export const normalizePmf: ActionProvider = (ctx, d) => {
  const seq = nodeAtRange(ctx.doc, d.range);
  if (seq?.type !== 'seq' || seq.items.length === 0) return [];
  const items: ScalarNode[] = [];
  for (const item of seq.items) {
    if (item.type !== 'scalar' || typeof item.value !== 'number' || !Number.isFinite(item.value) || item.value < 0) return [];
    items.push(item);
  }
  const probs = items.map((i) => i.value as number);
  const sum = probs.reduce((s, p) => s + p, 0);
  if (!(sum > 0)) return [];
  const texts = normalizedTexts(probs, sum);
  if (!texts) return [];
  // Only the elements whose value changes are rewritten; `0.50` that stays 0.5 keeps its spelling.
  const edits: TextEdit[] = [];
  items.forEach((item, i) => {
    if (Number(texts[i]) !== item.value) edits.push(replaceSpan(ctx.doc, item.start, item.end, texts[i]));
  });
  if (edits.length === 0) return [];
  return [quickFix(`Normalize the probabilities (divide each by their sum, ${decimalText(sum, 12)})`, d, edits, true)];
};

/**
 * p / sum rounded to the fewest decimals that write every share exactly (at most 10), else to 6 decimals, or more
 * when 6 would round a non-zero share to 0. The last non-zero element takes 1 minus the others, so the written
 * numbers sum to 1 within 1e-10 and a zero probability stays zero; when that would make it negative (many
 * elements all rounded up), the largest element absorbs the rounding instead.
 */
export function normalizedTexts(probs: readonly number[], sum: number): string[] | undefined {
  const shares = probs.map((p) => p / sum);
  let digits = exactDigits(shares) ?? DEFAULT_DIGITS;
  while (digits < MAX_DIGITS && shares.some((s) => s > 0 && Number(decimalText(s, digits)) === 0)) digits++;
  const texts = shares.map((s) => decimalText(s, digits));
  let last = -1;
  let largest = -1;
  texts.forEach((t, i) => {
    if (Number(t) > 0) last = i;
    if (largest < 0 || shares[i] > shares[largest]) largest = i;
  });
  if (last < 0) return undefined;
  for (const k of last === largest ? [last] : [last, largest]) {
    const rest = 1 - texts.reduce((acc, t, i) => (i === k ? acc : acc + Number(t)), 0);
    if (rest <= 0) continue;
    const out = [...texts];
    out[k] = decimalText(rest, digits);
    const total = out.reduce((acc, t) => acc + Number(t), 0);
    if (Math.abs(total - 1) <= SUM_TOLERANCE) return out;
  }
  return undefined;
}

function exactDigits(shares: readonly number[]): number | undefined {
  for (let digits = 1; digits <= MAX_DIGITS; digits++) {
    if (shares.every((s) => Math.abs(Number(decimalText(s, digits)) - s) < 1e-12)) return digits;
  }
  return undefined;
}
