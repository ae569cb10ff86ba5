// Quick fixes for the diagnostics a client sends for a range: the core's attached fixes plus fixes computed here.
import type { Diagnostic, Range, TextEdit } from '../diagnostics';
import { findPlaceholders } from '../template/params-index';
import type { Analysis } from './analysis';
import type { ActionContext, ActionProvider } from './action-context';
import { fitConstValues } from './action-const-length';
import { attachedFixes } from './action-fixes';
import { normalizePmf } from './action-pmf';
import { addSchemaVersion } from './action-schema-version';
import { seedSelfShift } from './action-self-shift';
import type { CodeActionEntry } from './types';

/** Fixes computed from the document for codes whose diagnostics carry none (the core lacks the layout facts). */
const PROVIDERS: Record<string, ActionProvider[]> = {
  'model.pmf-sum': [normalizePmf],
  'template.pmf-sum': [normalizePmf],
  'model.const-length': [fitConstValues],
  'model.self-shift-initial-condition': [seedSelfShift],
  'template.self-shift': [seedSelfShift],
  'schema.missing-key': [addSchemaVersion],
  'schema.template-without-version': [addSchemaVersion],
};

/**
 * `diagnostics` are the ones the client chose for the range (VS Code sends those overlapping it, Neovim those on the
 * cursor line), so the range itself is not used to filter them again. A diagnostic that lost its `fixes` on the way
 * through the client is matched back to the analysis's own by code and range.
 */
export function codeActions(a: Analysis, _range: Range, diagnostics: Diagnostic[]): CodeActionEntry[] {
  const ctx: ActionContext = { text: a.text, kind: a.kind, doc: a.parsed.doc, params: a.params };
  const out: CodeActionEntry[] = [];
  const seen = new Set<string>();
  let placeholders: { start: number; end: number }[] | undefined;
  for (const sent of diagnostics) {
    const d = withFixes(a, sent);
    for (const provide of [attachedFixes, ...(PROVIDERS[d.code] ?? [])]) {
      let actions: CodeActionEntry[];
      try {
        actions = provide(ctx, d);
      } catch {
        // One broken provider must not take the other fixes down with it.
        continue;
      }
      for (const action of actions) {
        if (!applicable(a, action.edits)) continue;
        if (a.kind === 'template' && !d.code.startsWith('placeholder.')) {
          placeholders ??= findPlaceholders(a.text).filter((p) => !p.inComment);
          if (touchesPlaceholder(a, action.edits, placeholders)) continue;
        }
        const key = `${action.title}|${JSON.stringify(action.edits)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ ...action, diagnostic: sent });
      }
    }
  }
  return out;
}

function withFixes(a: Analysis, d: Diagnostic): Diagnostic {
  if (d.fixes !== undefined) return d;
  const same = a.diagnostics().filter((o) => o.code === d.code && sameRange(o.range, d.range));
  const match = same.find((o) => o.message === d.message) ?? same[0];
  return match?.fixes ? { ...d, fixes: match.fixes } : d;
}

/** Every edit lies inside the document and no two overlap (two insertions at one point count as overlapping). */
function applicable(a: Analysis, edits: readonly TextEdit[]): boolean {
  if (edits.length === 0) return false;
  const spans: [number, number][] = [];
  for (const e of edits) {
    const s = exactOffset(a, e.range.start);
    const t = exactOffset(a, e.range.end);
    if (s === undefined || t === undefined || t < s) return false;
    spans.push([s, t]);
  }
  spans.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let reach = -1;
  let lastInsertion = -1;
  for (const [s, t] of spans) {
    if (s < reach) return false;
    if (s === t) {
      if (s === lastInsertion) return false;
      lastInsertion = s;
    }
    reach = Math.max(reach, t);
  }
  return true;
}

/** The offset of a position that really exists in the text (not clamped from past a line's end). */
function exactOffset(a: Analysis, p: { line: number; character: number }): number | undefined {
  if (p.line < 0 || p.character < 0 || p.line >= a.lines.lineCount) return undefined;
  const o = a.lines.offset(p);
  const back = a.lines.position(o);
  return back.line === p.line && back.character === p.character ? o : undefined;
}

/**
 * In a template, a value that came from `${param}` maps back onto the placeholder; a fix written for the generated
 * model would replace the parameterisation with a constant, so such fixes are not offered.
 */
function touchesPlaceholder(a: Analysis, edits: readonly TextEdit[], placeholders: readonly { start: number; end: number }[]): boolean {
  return edits.some((e) => {
    const s = a.lines.offset(e.range.start);
    const t = a.lines.offset(e.range.end);
    return placeholders.some((p) => (s === t ? p.start < s && s < p.end : s < p.end && p.start < t));
  });
}

function sameRange(x: Range, y: Range): boolean {
  return (
    x.start.line === y.start.line && x.start.character === y.start.character && x.end.line === y.end.line && x.end.character === y.end.character
  );
}
