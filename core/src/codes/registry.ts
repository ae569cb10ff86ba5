// The registry of diagnostic codes: every code has one severity and an explanation (docs/diagnostics.md is generated from it).
import type { Severity } from '../diagnostics';

export interface CodeInfo {
  code: string;
  severity: Severity;
  /** One line: what the diagnostic means. */
  title: string;
  /** Why it matters and how to fix it; may cite the engine rule (reference §4 ids such as S20, T32, R11). */
  explanation: string;
}

export type CodeTable<K extends string> = Record<K, CodeInfo>;

/** Declares a group of codes; keys are the code strings themselves so lookups stay typed. */
export function defineCodes<K extends string>(entries: Record<K, Omit<CodeInfo, 'code'>>): CodeTable<K> {
  const out = {} as CodeTable<K>;
  for (const key of Object.keys(entries) as K[]) out[key] = { code: key, ...entries[key] };
  return out;
}
