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

export type { DocumentKind } from './detect-kind';

export interface ValidateOptions {
  /** Forces the kind instead of detecting it from the content. */
  kind?: 'model' | 'template';
  /** `parseYaml(text)` when the caller already parsed this exact text (the language server shares one parse). */
  parsed?: ParseResult;
}

export interface ValidationResult {
  kind: DocumentKind;
  valid: boolean;
  diagnostics: Diagnostic[];
  /** The parsed (FlowTime-typed) value of the first document; for templates, the raw template. */
  value: unknown;
}

export function validateText(text: string, options: ValidateOptions = {}): ValidationResult {
  const parsed = options.parsed ?? parseYaml(text);
  const kind = options.kind ?? detectKind(parsed.doc.value, text);
  const diagnostics = kind === 'template' ? validateTemplate(text, { parsed }).diagnostics : validateModelText(parsed, kind);
  const sorted = dedupe(diagnostics).sort(compareDiagnostics);
  return { kind, valid: !hasErrors(sorted), diagnostics: sorted, value: parsed.doc.value };
}

function validateModelText(parsed: ReturnType<typeof parseYaml>, kind: DocumentKind): Diagnostic[] {
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
  out.push(...validateModelDocument(doc));
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
