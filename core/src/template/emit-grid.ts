// Emits the model `grid` from the template grid, taking `start` from `window.start` when the grid has none.
import type { EmitContext } from './emit-context';
import { field, isRecord, nonBlank } from './template-values';
import type { Rec } from './template-values';

export function emitGrid(ctx: EmitContext): Rec | undefined {
  const grid = ctx.root.grid;
  if (!isRecord(grid)) {
    if (grid === undefined) return undefined;
    ctx.origins.mirror('/grid', '/grid');
    return grid as unknown as Rec;
  }
  const out: Rec = {};
  ctx.origins.derived('/grid', '/grid', 'key');
  ctx.copyValue(out, 'bins', '/grid/bins', grid, 'bins', '/grid/bins');
  ctx.copyValue(out, 'binSize', '/grid/binSize', grid, 'binSize', '/grid/binSize');
  ctx.copyString(out, 'binUnit', '/grid/binUnit', grid, 'binUnit', '/grid/binUnit');
  if (nonBlank(grid.start) !== undefined) ctx.copyString(out, 'start', '/grid/start', grid, 'start', '/grid/start');
  else {
    const window = ctx.root.window;
    if (nonBlank(field(window, 'start')) !== undefined && isRecord(window)) {
      ctx.copyString(out, 'start', '/grid/start', window, 'start', '/window/start');
    }
  }
  return out;
}

/** The grid's bin count when it is a positive integer (profiles and inline weights need it). */
export function gridBins(root: Rec): number | undefined {
  const bins = field(root.grid, 'bins');
  return typeof bins === 'number' && Number.isInteger(bins) && bins > 0 ? bins : undefined;
}
