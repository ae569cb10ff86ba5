// The JSON shape of a template in listings: id, title, version and typed parameters.
import type { TemplateInfo } from '../../core/src/sim/template-catalog';
import type { ParameterDef } from '../../core/src/template/types';

export function parameterJson(p: ParameterDef): Record<string, unknown> {
  const out: Record<string, unknown> = { name: p.name, type: p.type };
  if (p.title !== undefined) out.title = p.title;
  if (p.description !== undefined) out.description = p.description;
  if (p.default !== undefined) out.default = p.default;
  if (p.min !== undefined) out.min = p.min;
  if (p.max !== undefined) out.max = p.max;
  if (p.arrayOf !== undefined) out.arrayOf = p.arrayOf;
  return out;
}

export function templateSummary(t: TemplateInfo): Record<string, unknown> {
  return { id: t.id, title: t.title, version: t.version, description: t.description ?? null, tags: t.tags, builtin: t.builtin, parameters: t.parameters.map(parameterJson) };
}
