// PMF node data: matching lengths (S21), unique values (S22), probabilities in range and summing to 1 (S23, C15).
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { ModelContext, NodeEntry } from './context';
import { arr, prop, q } from './read';

export function checkPmfs(ctx: ModelContext): void {
  for (const n of ctx.nodes) {
    if (n.kind === 'pmf') checkPmf(ctx, n);
  }
}

function checkPmf(ctx: ModelContext, n: NodeEntry): void {
  const pmf = prop(n.value, 'pmf');
  const valuesPointer = `${n.pointer}/pmf/values`;
  const probsPointer = `${n.pointer}/pmf/probabilities`;
  const values = arr(prop(pmf, 'values'));
  const probs = arr(prop(pmf, 'probabilities'));

  if (values && probs && values.length > 0 && probs.length > 0 && values.length !== probs.length) {
    ctx.report(
      diag(
        modelCodes['model.pmf-length-mismatch'],
        `pmf node ${q(n.id)} has ${values.length} values but ${probs.length} probabilities; each value needs exactly one probability.`,
        ctx.range(probsPointer),
      ),
    );
  }

  if (values) {
    const seen = new Map<number, number>();
    values.forEach((v, i) => {
      const p = `${valuesPointer}/${i}`;
      if (typeof v !== 'number' || ctx.broken(p)) return;
      if (!Number.isFinite(v)) {
        ctx.report(diag(modelCodes['model.pmf-invalid'], `pmf node ${q(n.id)} has a non-finite value (${v}); the C# engine rejects it.`, ctx.range(p)));
        return;
      }
      const first = seen.get(v);
      if (first === undefined) {
        seen.set(v, i);
        return;
      }
      ctx.report(
        diag(modelCodes['model.pmf-duplicate-value'], `pmf node ${q(n.id)} contains the value ${v} twice; merge the two entries by adding their probabilities.`, ctx.range(p), {
          related: [{ message: `First occurrence of ${v}`, range: ctx.range(`${valuesPointer}/${first}`) }],
        }),
      );
    });
  }

  if (!probs || probs.length === 0) return;
  let sum = 0;
  let summable = true;
  probs.forEach((p, i) => {
    const pointer = `${probsPointer}/${i}`;
    if (typeof p !== 'number') {
      summable = false;
      return;
    }
    if (Number.isFinite(p) && p >= 0 && p <= 1) {
      sum += p;
      return;
    }
    summable = false;
    if (ctx.broken(pointer)) return;
    if (!Number.isFinite(p)) {
      ctx.report(diag(modelCodes['model.pmf-invalid'], `pmf node ${q(n.id)} has a non-finite probability (${p}); the C# engine rejects it.`, ctx.range(pointer)));
    } else if (p < 0) {
      ctx.report(diag(modelCodes['model.pmf-invalid'], `pmf node ${q(n.id)} has a negative probability (${p}); probabilities must be non-negative.`, ctx.range(pointer)));
    } else {
      ctx.report(diag(modelCodes['model.pmf-probability-range'], `pmf node ${q(n.id)} has probability ${p}, above 1; probabilities are fractions (0..1).`, ctx.range(pointer)));
    }
  });
  if (!summable) return;
  if (sum <= 0) {
    ctx.report(
      diag(modelCodes['model.pmf-invalid'], `pmf node ${q(n.id)} has probabilities that sum to 0; both engines reject a PMF without any probability mass.`, ctx.range(probsPointer)),
    );
    return;
  }
  const tol = ctx.pmfTolerance;
  if (Math.abs(sum - 1) > tol) {
    ctx.report(
      diag(
        modelCodes['model.pmf-sum'],
        `pmf node ${q(n.id)} probabilities sum to ${formatNumber(sum)}, not 1.0 (tolerance ${formatTolerance(tol)}): the C# engine rejects it, while the Rust engine would silently normalize the probabilities.`,
        ctx.range(probsPointer),
      ),
    );
  }
}

function formatNumber(x: number): string {
  return String(Number(x.toPrecision(12)));
}

export function formatTolerance(tol: number): string {
  return tol !== 0 && tol < 1e-3 ? tol.toExponential() : String(tol);
}
