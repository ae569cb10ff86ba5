// Checks a template pmf the way Sim does before a profile uses it (T18–T20) and computes its expected value.
import { asArray, field, isRecord } from './template-values';

export const TEMPLATE_PMF_TOLERANCE = 1e-10;

export interface PmfProblem {
  code: 'template.pmf' | 'template.pmf-sum' | 'template.pmf-negative';
  message: string;
  /** Key under the node the problem is about: `pmf` itself, or `pmf/values` / `pmf/probabilities`. */
  at: 'pmf' | 'pmf/values' | 'pmf/probabilities';
  index?: number;
}

export interface PmfCheck {
  /** Σ value × probability, when the pmf is complete and numeric. */
  expected?: number;
  /** Sim stops at the first problem, so there is at most one. */
  problem?: PmfProblem;
}

/** Non-numeric elements are the schema's to report; they only make the expected value unavailable. */
export function checkPmf(pmf: unknown, tolerance = TEMPLATE_PMF_TOLERANCE): PmfCheck {
  if (!isRecord(pmf)) return { problem: { code: 'template.pmf', message: 'a pmf node needs a `pmf` block with `values` and `probabilities`', at: 'pmf' } };
  const values = asArray(field(pmf, 'values'));
  const probs = asArray(field(pmf, 'probabilities'));
  if (values.length === 0) return { problem: { code: 'template.pmf', message: 'pmf `values` must not be empty', at: 'pmf/values' } };
  if (probs.length === 0) return { problem: { code: 'template.pmf', message: 'pmf `probabilities` must not be empty', at: 'pmf/probabilities' } };
  if (values.length !== probs.length) {
    return {
      problem: {
        code: 'template.pmf',
        message: `pmf has ${values.length} values but ${probs.length} probabilities; the lengths must match`,
        at: 'pmf/probabilities',
      },
    };
  }
  if (!values.every(isNum) || !probs.every(isNum)) return {};
  const p = probs as number[];
  const v = values as number[];
  const sum = p.reduce((s, x) => s + x, 0);
  if (Math.abs(sum - 1) > tolerance) {
    return {
      problem: {
        code: 'template.pmf-sum',
        message: `pmf probabilities must sum to 1.0 within ${tolerance} (received ${sum})`,
        at: 'pmf/probabilities',
      },
    };
  }
  const neg = p.findIndex((x) => x < 0);
  if (neg >= 0) {
    return { problem: { code: 'template.pmf-negative', message: `pmf probability at index ${neg} is negative (${p[neg]})`, at: 'pmf/probabilities', index: neg } };
  }
  return { expected: v.reduce((s, x, i) => s + x * p[i], 0) };
}

function isNum(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}
