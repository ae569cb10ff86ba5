// Emits a `dispatchSchedule` block with only the four keys the model allows.
import type { EmitContext } from './emit-context';
import { isRecord } from './template-values';
import type { Rec } from './template-values';

export function emitDispatch(ctx: EmitContext, target: Rec, modelPointer: string, source: Rec, templatePointer: string): void {
  if (!Object.prototype.hasOwnProperty.call(source, 'dispatchSchedule')) return;
  const ds = source.dispatchSchedule;
  if (!isRecord(ds)) {
    ctx.copyValue(target, 'dispatchSchedule', modelPointer, source, 'dispatchSchedule', templatePointer);
    return;
  }
  const out: Rec = {};
  ctx.origins.mirror(modelPointer, templatePointer);
  ctx.copyString(out, 'kind', `${modelPointer}/kind`, ds, 'kind', `${templatePointer}/kind`);
  ctx.copyValue(out, 'periodBins', `${modelPointer}/periodBins`, ds, 'periodBins', `${templatePointer}/periodBins`);
  ctx.copyValue(out, 'phaseOffset', `${modelPointer}/phaseOffset`, ds, 'phaseOffset', `${templatePointer}/phaseOffset`);
  ctx.copyString(out, 'capacitySeries', `${modelPointer}/capacitySeries`, ds, 'capacitySeries', `${templatePointer}/capacitySeries`);
  target.dispatchSchedule = out;
}
