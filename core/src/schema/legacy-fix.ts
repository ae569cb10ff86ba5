// Builds a quick fix only when every edit it needs could be computed (a partial fix would corrupt the file).
import type { FixData, TextEdit } from '../diagnostics';

export function fixOf(title: string, edits: readonly (TextEdit | undefined)[], data: Record<string, unknown>): FixData[] {
  if (edits.length === 0 || edits.some((e) => e === undefined)) return [];
  return [{ title, edits: edits as TextEdit[], data }];
}
