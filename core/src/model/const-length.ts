// Const node values must have one value per bin (rules S20, V1); skipped when grid.bins itself is invalid.
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { ModelContext } from './context';
import { arr, prop, q } from './read';

export function checkConstLengths(ctx: ModelContext): void {
  const bins = ctx.bins;
  if (bins === undefined) return;
  for (const n of ctx.nodes) {
    if (n.kind !== 'const') continue;
    const pointer = `${n.pointer}/values`;
    const values = arr(prop(n.value, 'values'));
    if (!values || values.length === 0 || values.length === bins || ctx.broken(pointer)) continue;
    ctx.report(
      diag(
        modelCodes['model.const-length'],
        `const node ${q(n.id)} has ${values.length} value${values.length === 1 ? '' : 's'} but grid.bins is ${bins}`,
        ctx.range(pointer),
      ),
    );
  }
}
