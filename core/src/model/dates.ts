// grid.start and provenance.generatedAt must be parseable ISO-8601 date-times (rules S28, C19).
import { diag } from '../codes/make';
import { modelCodes } from '../codes/model';
import type { ModelContext } from './context';
import { isBlank, prop, q, str } from './read';
import { isIsoDateTime } from './iso-date';

export function checkDates(ctx: ModelContext): void {
  check(ctx, '/grid/start', 'grid.start', prop(prop(ctx.root, 'grid'), 'start'));
  check(ctx, '/provenance/generatedAt', 'provenance.generatedAt', prop(prop(ctx.root, 'provenance'), 'generatedAt'));
}

function check(ctx: ModelContext, pointer: string, what: string, value: unknown): void {
  const text = str(value);
  if (text === undefined || isBlank(text) || isIsoDateTime(text) || ctx.broken(pointer)) return;
  ctx.report(
    diag(
      modelCodes['model.invalid-date-time'],
      `${what} ${q(text)} is not a parseable ISO-8601 date-time; write it like 2025-01-01T00:00:00Z.`,
      ctx.range(pointer),
    ),
  );
}
