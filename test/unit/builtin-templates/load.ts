// Loads the built-in templates (templates/*.yaml): raw text, raw parsed value and the default instantiation.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../../core/src/diagnostics';
import { parseYaml } from '../../../core/src/yaml/parse';
import { validateTemplate } from '../../../core/src/template/validate-template';
import type { TemplateValidation } from '../../../core/src/template/validate-template';

export const templatesDir = path.resolve(process.cwd(), 'templates');

export type Json = Record<string, unknown>;

export interface BuiltInTemplate {
  file: string;
  text: string;
  /** The template as written (placeholders still in place), typed the FlowTime way. */
  raw: Json;
  /** validateTemplate with the parameter defaults. */
  defaults: TemplateValidation;
}

export const QUEUE_KINDS = new Set(['serviceWithBuffer', 'queue', 'dlq']);

export function templateFiles(): string[] {
  return readdirSync(templatesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
}

export function loadBuiltIns(): BuiltInTemplate[] {
  return templateFiles().map((file) => {
    const text = readFileSync(path.join(templatesDir, file), 'utf8');
    const value = parseYaml(text).doc.value;
    return { file, text, raw: isJson(value) ? value : {}, defaults: validateTemplate(text) };
  });
}

export function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function list(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isJson) : [];
}

export function field(v: unknown, key: string): Json {
  return isJson(v) && isJson(v[key]) ? v[key] : {};
}

/** One line per diagnostic, so a failing deepEqual against [] prints every finding with its place. */
export function describeDiagnostics(file: string, diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
}

/** Parameter values with every parameter at its lower (`min`) or upper (`max`) bound; arrays get it in every element. */
export function valuesAtBound(params: TemplateValidation['params'], bound: 'min' | 'max'): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const p of params) {
    const b = p[bound];
    if (b === undefined) continue;
    values[p.name] = p.type === 'array' && Array.isArray(p.default) ? p.default.map(() => b) : b;
  }
  return values;
}

/** `{snake(id)}_queue`: the name both engines give a queue they synthesize (C# rule; ids here have no acronyms). */
export function synthesizedQueueName(topologyId: string): string {
  return `${topologyId.replace(/[A-Z]/g, (c, offset: number) => (offset > 0 ? '_' : '') + c.toLowerCase())}_queue`;
}
