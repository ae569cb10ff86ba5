// Step-by-step parameter entry: one input box per parameter, defaults shown, each value checked by the server as typed.
import * as vscode from 'vscode';
import { CHECK_PARAMETER_REQUEST } from '../protocol';
import type { CheckParameterResult, TemplateParameterInfo } from '../protocol';
import type { ServerConnection } from '../server-client';

/** A value as the user would type it (`--set` syntax): arrays as `[1, 2]`, everything else as written. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return `[${value.map((v) => String(v)).join(', ')}]`;
  return String(value);
}

function describeParameter(p: TemplateParameterInfo): string {
  const range = p.min !== undefined && p.max !== undefined ? `${p.min} … ${p.max}` : p.min !== undefined ? `≥ ${p.min}` : p.max !== undefined ? `≤ ${p.max}` : '';
  const type = p.type === 'array' ? `array of ${p.arrayOf === 'int' ? 'integers' : 'numbers'}` : p.type;
  const parts = [p.description ?? p.title ?? '', `(${type}${range ? `, ${range}` : ''})`].filter((s) => s !== '');
  return parts.join(' ');
}

export interface ParameterTarget {
  /** Template id or absolute path, as the server's requests take it. */
  template: string;
  folders: string[];
}

/**
 * Asks for each parameter in turn, starting from `current` (defaults or the values of the model derived from).
 * Returns only the values the user changed, as typed texts; undefined when cancelled.
 */
export async function askParameters(
  server: ServerConnection,
  target: ParameterTarget,
  params: readonly TemplateParameterInfo[],
  current: Record<string, unknown>,
  title: string,
): Promise<Record<string, string> | undefined> {
  const changed: Record<string, string> = {};
  for (let i = 0; i < params.length; i++) {
    const p = params[i];
    const initial = formatValue(p.name in current ? current[p.name] : p.default);
    const text = await vscode.window.showInputBox({
      title: `${title} (${i + 1}/${params.length}): ${p.title ?? p.name}`,
      prompt: `${p.name} — ${describeParameter(p)}`,
      value: initial,
      ignoreFocusOut: true,
      validateInput: async (typed) => {
        if (typed.trim() === '' && initial === '') return undefined;
        const check = await server.request<CheckParameterResult>(CHECK_PARAMETER_REQUEST, { ...target, name: p.name, text: typed.trim() });
        return check.ok ? undefined : check.message ?? 'not a valid value';
      },
    });
    if (text === undefined) return undefined;
    if (text.trim() !== initial && text.trim() !== '') changed[p.name] = text.trim();
  }
  return changed;
}

/** The model name: becomes the id's slug, so it is asked last with a sensible default. */
export async function askName(defaultName: string, title: string): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({
    title: `${title}: model name`,
    prompt: 'The artifact id is built from this name (letters and digits; other characters become "-").',
    value: defaultName,
    ignoreFocusOut: true,
    validateInput: (typed) => (/[\p{L}\p{N}]/u.test(typed) ? undefined : 'a name needs at least one letter or digit'),
  });
  return name?.trim();
}
