// Finds templates (built-in folder, extra folders, or a file path) and reads their header: id, title, version, parameters.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseYaml } from '../yaml/parse';
import { readParameters } from '../template/parameters';
import type { ParameterDef } from '../template/types';
import { suggestName } from '../template/param-suggest';
import { SimError } from './errors';

export interface TemplateInfo {
  id: string;
  title: string;
  version: string;
  description?: string;
  tags: string[];
  /** Absolute path of the template file. */
  path: string;
  builtin: boolean;
  /** The template's `mode` (Sim's default is simulation); recorded in provenance. */
  mode: 'simulation' | 'telemetry';
  parameters: ParameterDef[];
}

export interface ResolvedTemplate {
  info: TemplateInfo;
  text: string;
}

/**
 * The built-in templates folder: FLOWTIME_TEMPLATES_DIR, else `templates/` at the package root, found from the
 * bundle (dist/) or from the sources (core/src/sim/) so the CLI, the service and the tests agree.
 */
export function builtinTemplatesDir(): string {
  const fromEnv = process.env.FLOWTIME_TEMPLATES_DIR;
  if (fromEnv) return resolve(fromEnv);
  const candidates = [join(__dirname, '..', 'templates'), join(__dirname, '..', '..', '..', 'templates')];
  return candidates.find((c) => existsSync(join(c, 'checkout.yaml'))) ?? candidates[0];
}

export function readTemplateInfo(path: string, text: string, builtin: boolean): TemplateInfo {
  const { doc } = parseYaml(text);
  const root = isRecord(doc.value) ? doc.value : {};
  const meta = isRecord(root.metadata) ? root.metadata : {};
  const id = typeof meta.id === 'string' && meta.id !== '' ? meta.id : basename(path).replace(/\.ya?ml$/i, '');
  const info: TemplateInfo = {
    id,
    title: typeof meta.title === 'string' ? meta.title : id,
    version: typeof meta.version === 'string' || typeof meta.version === 'number' ? String(meta.version) : '0.0.0',
    tags: Array.isArray(meta.tags) ? meta.tags.filter((t): t is string => typeof t === 'string') : [],
    path,
    builtin,
    mode: root.mode === 'telemetry' ? 'telemetry' : 'simulation',
    parameters: readParameters(doc).params,
  };
  if (typeof meta.description === 'string') info.description = meta.description;
  return info;
}

/** All templates in the given folders (built-ins first); an id seen twice keeps its first folder's file. */
export function loadTemplateCatalog(extraDirs: readonly string[] = []): TemplateInfo[] {
  const out: TemplateInfo[] = [];
  const seen = new Set<string>();
  const dirs = [{ dir: builtinTemplatesDir(), builtin: true }, ...extraDirs.map((d) => ({ dir: resolve(d), builtin: false }))];
  for (const { dir, builtin } of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!/\.ya?ml$/i.test(name)) continue;
      const path = join(dir, name);
      const info = readTemplateInfo(path, readFileSync(path, 'utf8'), builtin);
      if (seen.has(info.id)) continue;
      seen.add(info.id);
      out.push(info);
    }
  }
  return out;
}

function looksLikePath(ref: string): boolean {
  return /\.ya?ml$/i.test(ref) || ref.includes('/') || ref.includes('\\');
}

/** `ref` is a built-in (or extra-folder) template id, or a path to any template file. */
export function resolveTemplate(ref: string, extraDirs: readonly string[] = []): ResolvedTemplate {
  if (looksLikePath(ref)) {
    const path = resolve(ref);
    if (!existsSync(path) || !statSync(path).isFile()) throw new SimError('template-not-found', `template file not found: ${ref}`);
    const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    return { info: readTemplateInfo(path, text, false), text };
  }
  const catalog = loadTemplateCatalog(extraDirs);
  const info = catalog.find((t) => t.id === ref);
  if (!info) {
    const hint = suggestName(ref, catalog.map((t) => t.id));
    const list = catalog.map((t) => t.id).join(', ');
    throw new SimError('template-not-found', `unknown template '${ref}'${hint ? `; did you mean '${hint}'?` : ''} (available: ${list})`);
  }
  return { info, text: readFileSync(info.path, 'utf8').replace(/^\uFEFF/, '') };
}

/**
 * A template given as text (an editor's unsaved buffer) instead of read from disk; `path` stands for its file (the id
 * falls back to its base name) and nothing is read.
 */
export function templateFromText(path: string, text: string): ResolvedTemplate {
  const clean = text.replace(/^\uFEFF/, '');
  return { info: readTemplateInfo(resolve(path), clean, false), text: clean };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The JSON shape of a parameter in listings (CLI `list --kind template --json`, `GET /sim/templates`). */
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

/** The JSON shape of a template in listings; the file path only where the reader is local (the CLI, not HTTP). */
export function templateJson(t: TemplateInfo, options: { includePath?: boolean } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { id: t.id, title: t.title, version: t.version, description: t.description ?? null, tags: t.tags, builtin: t.builtin };
  if (options.includePath) out.path = t.path;
  out.parameters = t.parameters.map(parameterJson);
  return out;
}
