// Validates a Sim template end to end: YAML, parameters, substitution, template schema and rules, instantiation, model.
import { compareDiagnostics, hasErrors } from '../diagnostics';
import type { Diagnostic, Range } from '../diagnostics';
import { diag } from '../codes/make';
import { allCodes } from '../codes/index';
import { yamlCodes } from '../codes/yaml';
import { validateTemplateSchema } from '../schema';
import { validateModelDocument } from '../validate-model';
import { parseYaml } from '../yaml/parse';
import type { PositionedDocument, SourceDocument } from '../yaml/document';
import { instantiate } from './instantiate';
import { checkPlaceholders, MappedDocument, readParameters, resolveParameterValues, substitute } from './params-index';
import type { ParameterDef, ParameterError } from './params-index';
import { checkTemplateRules } from './rules/index';
import { TEMPLATE_PMF_TOLERANCE } from './pmf-check';
import { isRecord } from './template-values';

export interface TemplateValidateOptions {
  /** Parameter values that override the template's defaults (JSON-like). */
  values?: Record<string, unknown>;
  /** `parseYaml(text)` when the caller already has it (the front door parses once to detect the kind). */
  parsed?: ReturnType<typeof parseYaml>;
}

export interface TemplateValidation {
  /** Sorted, deduplicated; ranges point into the raw template text. */
  diagnostics: Diagnostic[];
  params: ParameterDef[];
  /** The instantiated Engine model, when the template could be read far enough to build one. */
  model?: Record<string, unknown>;
  /** The model as a SourceDocument that locates back into the raw template. */
  modelDoc?: SourceDocument;
}

export function validateTemplate(text: string, options: TemplateValidateOptions = {}): TemplateValidation {
  const raw = options.parsed ?? parseYaml(text);
  const out: Diagnostic[] = [...raw.diagnostics];
  const done = (params: ParameterDef[] = [], extra: Partial<TemplateValidation> = {}): TemplateValidation => ({
    diagnostics: finish(out),
    params,
    ...extra,
  });
  if (hasErrors(raw.diagnostics)) return done();
  const rawDoc = raw.doc;
  if (rawDoc.value === undefined || (typeof rawDoc.value === 'string' && rawDoc.value.trim() === '')) {
    out.push(diag(yamlCodes['yaml.empty'], 'The template is empty: it needs schemaVersion, metadata, window, grid, nodes and outputs.', rawDoc.rangeOf(0, 0)));
    return done();
  }
  if (!isRecord(rawDoc.value)) {
    out.push(diag(yamlCodes['yaml.not-a-mapping'], 'A FlowTime template is a mapping of keys at the top level.', rawDoc.locate('')));
    return done();
  }

  const { params, diagnostics: paramDiagnostics } = readParameters(rawDoc);
  out.push(...paramDiagnostics);
  const resolved = resolveParameterValues(params, options.values ?? {});
  out.push(...checkPlaceholders(text, rawDoc, rawDoc.lines, params, { values: resolved.values }));
  out.push(...parameterErrors(resolved.errors, params, options.values ?? {}, rawDoc));

  const substituted = substitute(text, resolved.values);
  const parsed = parseYaml(substituted.text);
  const mapped = new MappedDocument(parsed.doc, substituted.map, rawDoc.lines);
  const syntax = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (syntax.length > 0) {
    // Only substitution can make the substituted text invalid (the raw text parsed): say so, on the raw text.
    // A placeholder diagnostic usually explains the breakage already (e.g. a quoted string placeholder); keep only
    // the syntax errors it does not cover.
    const explained = out.filter((d) => d.severity === 'error');
    for (const d of syntax) {
      const range = toRaw(d.range, parsed.doc, mapped);
      if (explained.some((e) => overlaps(e.range, range))) continue;
      out.push({ ...d, range, message: `${d.message} (after substituting parameter values)` });
    }
    return done(params);
  }

  const schema = validateTemplateSchema(mapped);
  out.push(...schema.diagnostics);
  out.push(...checkTemplateRules(mapped, { broken: schema.broken }));
  const templateStage = [...out];

  const inst = instantiate(mapped);
  out.push(...inst.diagnostics);
  const modelStage = validateModelDocument(inst.modelDoc, { pmfTolerance: TEMPLATE_PMF_TOLERANCE });
  out.push(...modelStage.filter((d) => !repeats(d, templateStage, inst.diagnostics)));
  return done(params, { model: inst.model, modelDoc: inst.modelDoc });
}

export interface TemplateInstantiation {
  /** True when nothing at all (template or model stage) is an error. */
  ok: boolean;
  model?: Record<string, unknown>;
  modelDoc?: SourceDocument;
  diagnostics: Diagnostic[];
  params: ParameterDef[];
}

/** The CLI's entry point: a model object (no YAML) plus everything validation found. */
export function instantiateTemplate(text: string, values?: Record<string, unknown>): TemplateInstantiation {
  const r = validateTemplate(text, values ? { values } : {});
  const result: TemplateInstantiation = { ok: r.model !== undefined && !hasErrors(r.diagnostics), diagnostics: r.diagnostics, params: r.params };
  if (r.model) result.model = r.model;
  if (r.modelDoc) result.modelDoc = r.modelDoc;
  return result;
}

/**
 * A model-stage finding repeats the template stage when the same code sits on the same range, when it overlaps a
 * template-stage error (the same problem seen twice, or a consequence of it: after instantiation every model piece
 * maps back onto the template text it came from), or when it is the generic serviceWithBuffer-in-nodes warning on a queue the
 * instantiation already explained.
 */
function repeats(d: Diagnostic, templateStage: Diagnostic[], instantiation: Diagnostic[]): boolean {
  for (const t of templateStage) {
    if (t.code === d.code && sameRange(t.range, d.range)) return true;
    if (t.severity === 'error' && overlaps(t.range, d.range)) return true;
  }
  if (d.code === 'rust.service-with-buffer-node') {
    return instantiation.some((i) => i.code === 'rust.synthesized-queue-node' && sameRange(i.range, d.range));
  }
  return false;
}

/** Parameter value problems: given values (and unknown names), and array parameters that end up without a value. */
function parameterErrors(errors: ParameterError[], params: ParameterDef[], given: Record<string, unknown>, doc: PositionedDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byName = new Map(params.map((p) => [p.name, p] as const));
  for (const e of errors) {
    const info = allCodes.get(e.code);
    if (!info) continue;
    const def = byName.get(e.parameter);
    const overridden = Object.prototype.hasOwnProperty.call(given, e.parameter);
    // Problems of a declared default are reported on the default by readParameters; only new facts here.
    if (def && !overridden && e.code !== 'param.array-expected') continue;
    const range = def ? doc.locate(`${def.pointer}/name`) : doc.locate('/parameters', 'key');
    out.push(diag(info, e.message, range));
  }
  return out;
}

function toRaw(range: Range, substituted: PositionedDocument, mapped: MappedDocument): Range {
  const lines = substituted.lines;
  return mapped.rangeFromSubstitutedOffsets(lines.offset(range.start), lines.offset(range.end));
}

function finish(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list
    .filter((d) => {
      const key = `${d.code}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(compareDiagnostics);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  if (sameRange(a, b)) return true;
  return before(a.start, b.end) && before(b.start, a.end);
}
