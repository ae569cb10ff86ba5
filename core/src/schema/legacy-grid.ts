// Legacy grid keys: `binMinutes` (→ `binSize` + `binUnit`) and `startTimeUtc` (→ `start`).
import { diag } from '../codes/make';
import { legacyCodes } from '../codes/legacy';
import type { FixData } from '../diagnostics';
import type { SourceDocument } from '../yaml/document';
import { deleteEntry, renameKey, replaceEntry } from './edits';
import { fixOf } from './legacy-fix';
import { has, type LegacyDetector, type LegacyResult } from './legacy-types';
import { isRecord } from './pointer';

const MINUTES_PER_UNIT: [string, number][] = [
  ['weeks', 10080],
  ['days', 1440],
  ['hours', 60],
  ['minutes', 1],
];

export interface BinSize {
  binSize: number;
  binUnit: string;
}

/** The largest whole unit (among `units`) that expresses `minutes` exactly; undefined unless a positive integer. */
export function convertBinMinutes(minutes: unknown, units: readonly string[]): BinSize | undefined {
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes <= 0) return undefined;
  for (const [unit, size] of MINUTES_PER_UNIT) {
    if (units.includes(unit) && minutes % size === 0) return { binSize: minutes / size, binUnit: unit };
  }
  return undefined;
}

/** `units` differ: the model accepts weeks, the template grid does not. */
export function gridLegacy(units: readonly string[]): LegacyDetector {
  return (doc: SourceDocument, root: Record<string, unknown>, out: LegacyResult) => {
    const grid = root.grid;
    if (!isRecord(grid)) return;
    if (has(grid, 'binMinutes')) binMinutes(doc, grid, units, out);
    if (has(grid, 'startTimeUtc')) startTimeUtc(doc, grid, out);
  };
}

function binMinutes(doc: SourceDocument, grid: Record<string, unknown>, units: readonly string[], out: LegacyResult): void {
  const pointer = '/grid/binMinutes';
  const hasSize = has(grid, 'binSize');
  const hasUnit = has(grid, 'binUnit');
  out.suppressions.push({ pointer: '/grid', keyword: 'additionalProperties', property: 'binMinutes' });
  if (!hasSize) out.suppressions.push({ pointer: '/grid', keyword: 'required', property: 'binSize' });
  if (!hasUnit) out.suppressions.push({ pointer: '/grid', keyword: 'required', property: 'binUnit' });
  const minutes = grid.binMinutes;
  const conv = convertBinMinutes(minutes, units);
  const data: Record<string, unknown> = { binMinutes: minutes, ...(conv ?? {}) };
  const head = '`grid.binMinutes` is the legacy grid form';
  const mapping = conv ? ` (binMinutes: ${minutes as number} → binSize: ${conv.binSize}, binUnit: ${conv.binUnit})` : '';
  let message: string;
  let fixes: FixData[] = [];
  if (hasSize && hasUnit) {
    message = `${head} and is not allowed next to \`binSize\` and \`binUnit\`; delete it`;
    fixes = fixOf('Delete `binMinutes`', [deleteEntry(doc, pointer)], data);
  } else if (!hasSize && !hasUnit) {
    message = conv
      ? `${head}: the grid needs \`binSize\` + \`binUnit\`${mapping}`
      : `${head}: the grid needs \`binSize\` + \`binUnit\` (binMinutes must be a positive whole number of minutes to convert)`;
    if (conv) {
      fixes = fixOf(
        `Convert to binSize: ${conv.binSize}, binUnit: ${conv.binUnit}`,
        [replaceEntry(doc, pointer, [['binSize', String(conv.binSize)], ['binUnit', conv.binUnit]])],
        data,
      );
    }
  } else {
    message = `${head}: the grid needs both \`binSize\` and \`binUnit\` instead${mapping}`;
  }
  out.diagnostics.push(diag(legacyCodes['legacy.bin-minutes'], message, doc.locate(pointer, 'key'), { fixes }));
}

function startTimeUtc(doc: SourceDocument, grid: Record<string, unknown>, out: LegacyResult): void {
  const pointer = '/grid/startTimeUtc';
  out.suppressions.push({ pointer: '/grid', keyword: 'additionalProperties', property: 'startTimeUtc' });
  const data = { from: 'startTimeUtc', to: 'start', value: grid.startTimeUtc };
  const already = has(grid, 'start');
  const message = already
    ? '`grid.startTimeUtc` was renamed to `start`, and this grid already has `start`; delete it'
    : '`grid.startTimeUtc` was renamed to `grid.start`; rename the key';
  const fixes = already
    ? fixOf('Delete `startTimeUtc`', [deleteEntry(doc, pointer)], data)
    : fixOf('Rename `startTimeUtc` to `start`', [renameKey(doc, pointer, 'start')], data);
  out.diagnostics.push(diag(legacyCodes['legacy.start-time-utc'], message, doc.locate(pointer, 'key'), { fixes }));
}
