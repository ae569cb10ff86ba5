// "Did you mean" for a dangling name in a string field: the suggestion plus a quick fix that writes the suggested id.
import type { FixData } from '../diagnostics';
import { isAmbiguousString } from '../yaml/scalar-typing';
import type { SourceDocument } from '../yaml/document';
import { closestId, suggestionText } from './suggest';
import type { IdSuggestion } from './suggest';

export interface NameSuggestion {
  suggestion?: IdSuggestion;
  /** Appended to a model message: " (did you mean 'x'?)" or "". */
  hint: string;
  fixes: FixData[];
}

export interface DanglingName {
  /** The string field that holds the name. */
  pointer: string;
  /** Its whole value as written. */
  value: string;
  /** The unknown name: all of `value` or a part of it (trimmed, or the node part of `node@class`). */
  name: string;
  /** Where `name` sits in `value`; defaults to its first occurrence. */
  start?: number;
}

export function suggestRename(doc: SourceDocument, at: DanglingName, candidates: Iterable<string>): NameSuggestion {
  const s = closestId(at.name, candidates);
  if (!s) return { hint: '', fixes: [] };
  const start = at.start ?? at.value.indexOf(at.name);
  const none = { suggestion: s, hint: suggestionText(s), fixes: [] };
  if (start < 0) return none;
  const end = start + at.name.length;
  // Ids with quote characters would need escaping, and a plain scalar that would then read as a number or boolean
  // (`classId: 1`) or as YAML syntax needs quoting: no fix rather than a wrong one.
  const node = doc.node(at.pointer);
  const plain = node?.type === 'scalar' && node.style === 'plain';
  const written = at.value.slice(0, start) + s.id + at.value.slice(end);
  if (/["'\\\n]/.test(s.id) || (plain && (isAmbiguousString(written) || /: | #/.test(written)))) return none;
  const fix: FixData = {
    title: `Change to '${s.id}'`,
    edits: [{ range: doc.locateInString(at.pointer, start, end), newText: s.id }],
    data: { from: at.name, to: s.id },
  };
  return { ...none, fixes: [fix] };
}
