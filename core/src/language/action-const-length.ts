// Fits a const node's `values` to `grid.bins`: pad by repeating the last value, or drop the values past the grid.
import type { ActionContext, ActionProvider } from './action-context';
import { quickFix } from './action-context';
import { blockItemDash, eol, insertAt, lineEnd, nodeAtRange, replaceSpan } from './action-yaml';

export const fitConstValues: ActionProvider = (ctx, d) => {
  const seq = nodeAtRange(ctx.doc, d.range);
  const bins = gridBins(ctx);
  if (seq?.type !== 'seq' || seq.items.length === 0 || bins === undefined || seq.items.length === bins) return [];
  const items = seq.items;
  const last = items[items.length - 1];
  if (items.length < bins) {
    const text = ctx.text.slice(last.start, last.end);
    const missing = bins - items.length;
    let edit;
    if (seq.flow) {
      edit = insertAt(ctx.doc, last.end, `, ${text}`.repeat(missing));
    } else {
      const dash = blockItemDash(ctx.doc, last);
      if (!dash) return [];
      const line = `${eol(ctx.text)}${' '.repeat(dash.column)}${dash.marker}${text}`;
      edit = insertAt(ctx.doc, lineEnd(ctx.text, last.end), line.repeat(missing));
    }
    const title = `Pad values to grid.bins (${bins}) by repeating the last value (${text}) ${missing} time${missing === 1 ? '' : 's'}`;
    return [quickFix(title, d, [edit], false)];
  }
  const keep = items[bins - 1];
  const dropped = items.length - bins;
  // In a block list the dropped lines go with their comments; in a flow list everything after the kept value.
  const edit = seq.flow
    ? replaceSpan(ctx.doc, keep.end, last.end, '')
    : replaceSpan(ctx.doc, lineEnd(ctx.text, keep.end), lineEnd(ctx.text, last.end), '');
  const title = `Truncate values to grid.bins (${bins}): drop the last ${dropped} value${dropped === 1 ? '' : 's'}`;
  return [quickFix(title, d, [edit], false)];
};

/** `grid.bins` as written, or the default of the parameter a template grid uses (`bins: ${bins}`). */
function gridBins(ctx: ActionContext): number | undefined {
  const root = ctx.doc.value;
  const grid = root && typeof root === 'object' ? (root as Record<string, unknown>).grid : undefined;
  let bins = grid && typeof grid === 'object' ? (grid as Record<string, unknown>).bins : undefined;
  if (typeof bins === 'string') {
    const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(bins.trim());
    bins = m ? ctx.params.find((p) => p.name === m[1])?.default : undefined;
  }
  return typeof bins === 'number' && Number.isInteger(bins) && bins >= 1 && bins <= 10000 ? bins : undefined;
}
