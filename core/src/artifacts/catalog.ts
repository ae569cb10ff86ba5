// catalog.json: every model and version, built from the folders (the truth), written atomically, converging under races.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceFileAtomically } from './durable-fs';
import { asArtifactError } from './errors';
import { isModelId } from './ids';
import { ARTIFACT_FILES, TEMP_CATALOG_PREFIX, isRealDir, isRealFile, parseVersionDir } from './layout';
import type { StoreLayout } from './layout';
import { metadataFacts } from './metadata';
import { sha256Hex } from './model-summary';

export interface CatalogVersion {
  version: number;
  /** metadata.json `metadata.created` (null if unreadable). */
  created: string | null;
  /** `models/{id}/v{n}`, relative to the artifacts root, forward slashes. */
  path: string;
  files: string[];
  /** sha256 of the model.yaml bytes on disk. */
  modelSha256: string | null;
}

export interface CatalogModel {
  id: string;
  title: string | null;
  /** Template id, or null for models exported from a file. From the latest version's metadata. */
  template: string | null;
  templateVersion: string | null;
  /** The inputs digest the id was derived from. */
  parametersDigest: string | null;
  latestVersion: number;
  versions: CatalogVersion[];
}

export interface ModelCatalog {
  apiVersion: 'flowtime/v1';
  kind: 'ModelCatalog';
  models: CatalogModel[];
}

/** Version numbers present under models/{id}, ascending (only real `v{n}` directories count). */
export function listVersions(modelDir: string): number[] {
  let names: string[];
  try {
    names = readdirSync(modelDir);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const name of names) {
    const n = parseVersionDir(name);
    if (n !== undefined && isRealDir(join(modelDir, name))) out.push(n);
  }
  return out.sort((a, b) => a - b);
}

/** Model ids with at least one version, ascending. */
export function listModelIds(layout: StoreLayout): string[] {
  if (!layout.hasModelsDir()) return [];
  let names: string[];
  try {
    names = readdirSync(layout.modelsDir);
  } catch (e) {
    throw asArtifactError(e, `cannot list ${layout.modelsDir}`);
  }
  return names.filter((n) => isModelId(n) && isRealDir(join(layout.modelsDir, n)) && listVersions(join(layout.modelsDir, n)).length > 0).sort(compareOrdinal);
}

export function readJsonFile(path: string): unknown {
  if (!isRealFile(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function readVersion(layout: StoreLayout, id: string, version: number): CatalogVersion {
  const dir = layout.versionDir(id, version);
  const files = ARTIFACT_FILES.filter((f) => isRealFile(join(dir, f))).sort(compareOrdinal);
  const metadata = readJsonFile(join(dir, 'metadata.json'));
  let modelSha256: string | null = null;
  if (isRealFile(join(dir, 'model.yaml'))) {
    try {
      modelSha256 = sha256Hex(readFileSync(join(dir, 'model.yaml'), 'utf8'));
    } catch {
      modelSha256 = null;
    }
  }
  return { version, created: metadataFacts(metadata).created, path: layout.relativeVersionPath(id, version), files, modelSha256 };
}

/**
 * One model's catalog entry from its folders. Versions never change once renamed into place, so entries in `cached`
 * (the catalog on disk) are reused for versions that still exist; only new versions are read.
 */
export function scanModel(layout: StoreLayout, id: string, cached?: CatalogModel): CatalogModel | undefined {
  const versions = listVersions(layout.modelDir(id));
  if (versions.length === 0) return undefined;
  const latest = versions[versions.length - 1];
  const known = new Map((cached?.versions ?? []).map((v) => [v.version, v]));
  const entries = versions.map((n) => {
    const hit = known.get(n);
    return hit ? cleanVersion(layout, id, n, hit) : readVersion(layout, id, n);
  });
  const facts =
    cached && cached.latestVersion === latest
      ? { title: strOrNull(cached.title), template: strOrNull(cached.template), templateVersion: strOrNull(cached.templateVersion), inputsDigest: strOrNull(cached.parametersDigest) }
      : metadataFacts(readJsonFile(join(layout.versionDir(id, latest), 'metadata.json')));
  return {
    id,
    title: facts.title,
    template: facts.template,
    templateVersion: facts.templateVersion,
    parametersDigest: facts.inputsDigest,
    latestVersion: latest,
    versions: entries,
  };
}

/** A cached entry reduced to exactly the catalog's fields (a hand-edited catalog cannot smuggle others in). */
function cleanVersion(layout: StoreLayout, id: string, version: number, v: CatalogVersion): CatalogVersion {
  return {
    version,
    created: strOrNull(v.created),
    path: layout.relativeVersionPath(id, version),
    files: v.files.filter((f) => typeof f === 'string'),
    modelSha256: strOrNull(v.modelSha256),
  };
}

/** The whole catalog from the folders; `cached` (a previous catalog) only saves reading versions it already lists. */
export function scanCatalog(layout: StoreLayout, cached?: ModelCatalog): ModelCatalog {
  const byId = new Map((cached?.models ?? []).map((m) => [m.id, m]));
  const models: CatalogModel[] = [];
  for (const id of listModelIds(layout)) {
    const m = scanModel(layout, id, byId.get(id));
    if (m) models.push(m);
  }
  return { apiVersion: 'flowtime/v1', kind: 'ModelCatalog', models };
}

export function serializeCatalog(catalog: ModelCatalog): string {
  return `${JSON.stringify(catalog, null, 2)}\n`;
}

/** The catalog file's text, or undefined when absent or unreadable. */
export function readCatalogText(layout: StoreLayout): string | undefined {
  const p = layout.catalogPath();
  if (!isRealFile(p)) return undefined;
  try {
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** A parsed catalog when it has the expected shape; anything else is ignored (and will be rewritten). */
export function parseCatalog(text: string | undefined): ModelCatalog | undefined {
  if (text === undefined) return undefined;
  try {
    const c = JSON.parse(text) as ModelCatalog;
    const ok =
      c?.apiVersion === 'flowtime/v1' &&
      c.kind === 'ModelCatalog' &&
      Array.isArray(c.models) &&
      c.models.every((m) => typeof m?.id === 'string' && typeof m.latestVersion === 'number' && Array.isArray(m.versions) && m.versions.every((v) => typeof v?.version === 'number' && Array.isArray(v.files)));
    return ok ? c : undefined;
  } catch {
    return undefined;
  }
}

/** How many write-then-verify rounds a writer makes before leaving the rest to the other writers (each verifies too). */
const MAX_ROUNDS = 16;

/**
 * Writes catalog.json until what is on disk equals a fresh scan. Without locks, two writers can interleave so that a
 * stale catalog lands last; but every writer re-scans after its own write and rewrites if the disk differs, so the
 * last writer to finish always leaves a catalog that matches the folders. `full` ignores the cached entries.
 */
export function writeCatalogConverged(layout: StoreLayout, full = false): ModelCatalog {
  layout.ensureModelsDir();
  let scan: ModelCatalog = { apiVersion: 'flowtime/v1', kind: 'ModelCatalog', models: [] };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const disk = readCatalogText(layout);
    scan = scanCatalog(layout, full && round === 0 ? undefined : parseCatalog(disk));
    const text = serializeCatalog(scan);
    if (text === disk) return scan;
    try {
      replaceFileAtomically(layout.catalogPath(), layout.modelsDir, TEMP_CATALOG_PREFIX, text);
    } catch (e) {
      throw asArtifactError(e, `cannot write ${layout.catalogPath()}`);
    }
  }
  return scan;
}

function compareOrdinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function strOrNull(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}
