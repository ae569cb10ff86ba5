// The core's front door: validates model or template text (kind detected or forced) into sorted diagnostics.
import { compareDiagnostics, hasErrors } from './diagnostics';
import type { Diagnostic } from './diagnostics';
import { diag } from './codes/make';
import { yamlCodes } from './codes/yaml';
import { detectKind } from './detect-kind';
import type { DocumentKind } from './detect-kind';
import { parseYaml } from './yaml/parse';
import type { ParseResult } from './yaml/parse';
import { validateModelDocument } from './validate-model';
import { validateTemplate } from './template/validate-template';
import { keepPublishable, ProblemBudget } from './validate-budget';

export type { DocumentKind } from './detect-kind';

export interface ValidateOptions {
  /** Forces the kind instead of detecting it from the content. */
  kind?: 'model' | 'template';
  /** `parseYaml(text)` when the caller already parsed this exact text (the language server shares one parse). */
  parsed?: ParseResult;
  /**
   * Bounded validation, for a consumer that shows at most `limit` diagnostics, errors first (the language server's
   * `maxProblems`). When the document has at least `limit` distinct errors, the result may leave findings out: it then
   * holds the first `limit` errors of the complete result (sorted, ties at the last one included), possibly more
   * errors, no warnings or notes, and `complete` is false. Otherwise the result is the complete one. Either way its
   * first `limit` errors, and so what such a consumer shows, are those of the complete result.
   */
  limit?: number;
}

export interface ValidationResult {
  kind: DocumentKind;
  valid: boolean;
  diagnostics: Diagnostic[];
  /** False when `limit` left findings out (`diagnostics` is then not every finding; see ValidateOptions.limit). */
  complete: boolean;
  /** The parsed (FlowTime-typed) value of the first document; for templates, the raw template. */
  value: unknown;
}

export function validateText(text: string, options: ValidateOptions = {}): ValidationResult {
  const parsed = options.parsed ?? parseYaml(text);
  // detectKind scans the text line by line for `${…}` placeholders; a text without `${` has none, so it need not.
  const kind = options.kind ?? detectKind(parsed.doc.value, text.includes('${') ? text : '');
  const limit = options.limit !== undefined && Number.isInteger(options.limit) && options.limit >= 0 ? options.limit : undefined;
  // Templates are small and locate through the generated model's source map, so they are always validated in full.
  const budget = limit !== undefined && limit > 0 && kind !== 'template' ? new ProblemBudget(limit) : undefined;
  const found = kind === 'template' ? validateTemplate(text, { parsed }).diagnostics : validateModelText(parsed, kind, budget);
  let complete = true;
  let diagnostics = found;
  if (limit !== undefined) {
    const publishable = keepPublishable(found, limit);
    diagnostics = publishable.kept;
    complete = !publishable.dropped && !(budget?.truncated ?? false);
  }
  const sorted = dedupe(diagnostics).sort(compareDiagnostics);
  // A budget skips findings only once `limit` errors are known; otherwise `found` is every finding.
  const valid = budget?.truncated ? false : !hasErrors(found);
  return { kind, valid, diagnostics: sorted, complete, value: parsed.doc.value };
}

function validateModelText(parsed: ReturnType<typeof parseYaml>, kind: DocumentKind, budget?: ProblemBudget): Diagnostic[] {
  const { doc } = parsed;
  const out = [...parsed.diagnostics];
  if (hasErrors(out)) return out;
  if (doc.value === undefined || (typeof doc.value === 'string' && doc.value.trim() === '')) {
    out.push(diag(yamlCodes['yaml.empty'], 'The document is empty: a model needs `schemaVersion: 1`, `grid` and `nodes`.', doc.rangeOf(0, 0)));
    return out;
  }
  if (typeof doc.value !== 'object' || doc.value === null || Array.isArray(doc.value)) {
    out.push(diag(yamlCodes['yaml.not-a-mapping'], 'A FlowTime model is a mapping of keys at the top level.', doc.locate('')));
    return out;
  }
  if (kind === 'unknown') {
    out.push(
      diag(
        yamlCodes['yaml.not-flowtime'],
        'Not a FlowTime model or template (no schemaVersion/grid/nodes, no window/generator/parameters); not validated.',
        doc.rangeOf(0, 0),
      ),
    );
    return out;
  }
  out.push(...validateModelDocument(doc, { budget }));
  return out;
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
