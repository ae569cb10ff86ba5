// The artifact store: root/models/{id}/v{n}/ with exactly four files, atomic versions, and a converging catalog.json.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { listVersions, parseCatalog, readCatalogText, readJsonFile, scanCatalog, scanModel, writeCatalogConverged } from './catalog';
import type { CatalogModel, CatalogVersion, ModelCatalog } from './catalog';
import { fsyncDir, removeIfEmpty, removeQuietly, writeFileDurable } from './durable-fs';
import { ArtifactError, asArtifactError } from './errors';
import { MAX_HEX_LENGTH, MIN_HEX_LENGTH, assertModelId, modelIdFor } from './ids';
import { ARTIFACT_FILES, StoreLayout, TEMP_VERSION_PREFIX, isArtifactFileName, isRealDir, isRealFile, isVersionNumber, lstatSafe } from './layout';
import type { ArtifactFileName } from './layout';
import { metadataFacts } from './metadata';

export type ArtifactFiles = Record<ArtifactFileName, string>;

/**
 * The four files, or a function building them for the version number they will be stored under (metadata.json
 * records `v{n}`, and under concurrency the number is only final at the moment of the rename). model.yaml must not
 * depend on the version: it is what identity is decided on.
 */
export type ArtifactFilesSource = ArtifactFiles | ((version: number) => ArtifactFiles);

export interface SaveOptions {
  /** Store exactly this version: written if absent, a no-op if present with the same model.yaml, else `version-conflict`. */
  version?: number;
}

export interface SaveResult {
  version: number;
  /** False when an identical model.yaml was already stored (nothing was written). */
  created: boolean;
  /** Absolute path of the version folder. */
  path: string;
}

export interface ArtifactDetails extends CatalogModel {
  /** The latest version's metadata.json, parsed (undefined if unreadable). */
  metadata: unknown;
}

/** Attempts before a save gives up racing other writers for a version number. */
const MAX_SAVE_ATTEMPTS = 1000;

export class ArtifactStore {
  private readonly layout: StoreLayout;
  /**
   * Versions are immutable once renamed into place, so a model's details stay valid while its latest version number
   * is unchanged; one readdir decides. This keeps `GET /sim/models/{id}` from re-reading every version's files.
   */
  private readonly details = new Map<string, ArtifactDetails>();

  constructor(root: string) {
    this.layout = new StoreLayout(root);
  }

  /** The absolute artifacts root. */
  get root(): string {
    return this.layout.root;
  }

  /**
   * The id for `name` and an inputs digest: `{slug}_{4 hex}`, lengthened one hex at a time while that id already holds
   * a model made from different inputs (per its latest metadata.json). The same digest always resolves to the same
   * id in the same store.
   */
  resolveId(name: string, digest: string): string {
    const present = this.layout.hasModelsDir();
    for (let len = MIN_HEX_LENGTH; len <= MAX_HEX_LENGTH; len++) {
      const id = modelIdFor(name, digest, len);
      if (!present) return id;
      const dir = this.layout.modelDir(id);
      if (lstatSafe(dir) === undefined) return id;
      // Something that is not a plain folder (a file, a symlink) occupies the name: never write there.
      if (!isRealDir(dir)) continue;
      const versions = listVersions(dir);
      if (versions.length === 0) return id;
      const latest = versions[versions.length - 1];
      const facts = metadataFacts(readJsonFile(join(this.layout.versionDir(id, latest), 'metadata.json')));
      if (facts.inputsDigest === digest) return id;
    }
    throw new ArtifactError('io', `Every id for "${name}" up to ${MAX_HEX_LENGTH} hex characters is taken by other inputs.`, { name });
  }

  /**
   * Stores a version of `id`. Without `options.version`: byte-identical model.yaml to the latest version → nothing is
   * written (`created: false`); otherwise the next `v{n+1}`. The four files go to a fresh temporary folder, are fsync'd,
   * and the folder is renamed to `v{n}` in one step, so a version is either complete or absent; if another process
   * took `v{n}` meanwhile, identity is re-checked and the next number tried.
   */
  save(id: string, files: ArtifactFilesSource, options: SaveOptions = {}): SaveResult {
    assertModelId(id);
    if (options.version !== undefined && !isVersionNumber(options.version)) {
      throw new ArtifactError('invalid-name', `Version must be a positive integer, got ${String(options.version)}.`, { version: String(options.version) });
    }
    const modelsDir = this.layout.ensureModelsDir();
    const modelDir = this.layout.modelDir(id);
    try {
      for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
        this.ensureModelDir(modelDir);
        const versions = listVersions(modelDir);
        const latest = versions.length > 0 ? versions[versions.length - 1] : undefined;
        const target = options.version ?? (latest ?? 0) + 1;
        const content = typeof files === 'function' ? files(target) : files;
        const model = content['model.yaml'];
        if (typeof model !== 'string') throw new TypeError('model.yaml content must be a string');
        if (options.version !== undefined && versions.includes(target)) return this.existing(id, target, model);
        if (options.version === undefined && latest !== undefined && this.sameModel(id, latest, model)) return this.unchanged(id, latest);

        const outcome = this.writeVersion(modelsDir, join(modelDir, `v${target}`), content, model);
        if (outcome === 'created') {
          fsyncDir(modelDir);
          writeCatalogConverged(this.layout);
          return { version: target, created: true, path: this.layout.versionDir(id, target) };
        }
      }
      throw new ArtifactError('io', `Gave up saving ${id} after ${MAX_SAVE_ATTEMPTS} attempts: too many concurrent writers.`, { id });
    } catch (e) {
      // A failed first save must not leave an empty models/{id} behind (a concurrent writer's versions keep it alive).
      removeIfEmpty(modelDir);
      throw asArtifactError(e, `cannot save ${id}`);
    }
  }

  /** Rebuilds catalog.json from the folders alone (ignoring the current catalog) and returns it. */
  rebuildCatalog(): ModelCatalog {
    return writeCatalogConverged(this.layout, true);
  }

  /** The catalog as the folders say it is now (reads only; catalog.json is used as a cache of immutable versions). */
  catalog(): ModelCatalog {
    return scanCatalog(this.layout, parseCatalog(readCatalogText(this.layout)));
  }

  list(filter: { template?: string } = {}): CatalogModel[] {
    const models = this.catalog().models;
    return filter.template === undefined ? models : models.filter((m) => m.template === filter.template);
  }

  /** The model's catalog entry (all versions with their files) plus the latest version's metadata.json. */
  get(id: string): ArtifactDetails {
    assertModelId(id);
    const dir = this.layout.hasModelsDir() ? this.layout.modelDir(id) : undefined;
    const versions = dir !== undefined && isRealDir(dir) ? listVersions(dir) : [];
    if (versions.length === 0) {
      this.details.delete(id);
      throw notFound(`No model artifact ${id}.`, { id });
    }
    const cached = this.details.get(id);
    if (cached && cached.latestVersion === versions[versions.length - 1] && cached.versions.length === versions.length) return cached;
    const model = scanModel(this.layout, id, cached);
    if (!model) throw notFound(`No model artifact ${id}.`, { id });
    const fresh: ArtifactDetails = { ...model, metadata: readJsonFile(join(this.layout.versionDir(id, model.latestVersion), 'metadata.json')) };
    this.details.set(id, fresh);
    return fresh;
  }

  /** One version's entry (files, created, model hash). */
  version(id: string, version: number): CatalogVersion {
    const v = this.get(id).versions.find((x) => x.version === version);
    if (!v) throw notFound(`Model ${id} has no version v${String(version)}.`, { id, version });
    return v;
  }

  /** The latest version number of `id`. */
  latest(id: string): number {
    assertModelId(id);
    const dir = this.layout.hasModelsDir() ? this.layout.modelDir(id) : undefined;
    const versions = dir && isRealDir(dir) ? listVersions(dir) : [];
    if (versions.length === 0) throw notFound(`No model artifact ${id}.`, { id });
    return versions[versions.length - 1];
  }

  /** The text of one of the four artifact files; any other name, or a missing model/version/file, is `not-found`. */
  read(id: string, version: number, file: string): string {
    if (!isArtifactFileName(file)) throw notFound(`"${String(file).slice(0, 80)}" is not an artifact file (${ARTIFACT_FILES.join(', ')}).`, { file: String(file).slice(0, 200) });
    assertModelId(id);
    if (!isVersionNumber(version)) throw notFound(`Model ${id} has no version ${String(version)}.`, { id, version: String(version) });
    if (!this.layout.hasModelsDir()) throw notFound(`No model artifact ${id}.`, { id });
    const modelDir = this.layout.modelDir(id);
    const dir = this.layout.versionDir(id, version);
    const path = join(dir, file);
    if (!isRealDir(modelDir) || !isRealDir(dir) || !isRealFile(path)) throw notFound(`Model ${id} v${version} has no ${file}.`, { id, version, file });
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      throw asArtifactError(e, `cannot read ${path}`);
    }
  }

  private ensureModelDir(dir: string): void {
    mkdirSync(dir, { recursive: true });
    if (!isRealDir(dir)) throw new ArtifactError('io', `${dir} is not a plain directory (a symlink or a file); refusing to write there.`, { path: dir });
  }

  private sameModel(id: string, version: number, model: string): boolean {
    const p = join(this.layout.versionDir(id, version), 'model.yaml');
    if (!isRealFile(p)) return false;
    return readFileSync(p).equals(Buffer.from(model, 'utf8'));
  }

  private existing(id: string, version: number, model: string): SaveResult {
    if (this.sameModel(id, version, model)) return this.unchanged(id, version);
    throw new ArtifactError('version-conflict', `Model ${id} v${version} already exists with a different model.yaml; choose another version or omit it to get the next one.`, {
      id,
      version,
    });
  }

  private unchanged(id: string, version: number): SaveResult {
    return { version, created: false, path: this.layout.versionDir(id, version) };
  }

  /**
   * Writes the files into a fresh temporary folder and renames it to `target`. Returns 'taken' when another writer
   * got there first (or removed the empty parent meanwhile) so the caller re-checks; the temp folder never survives.
   */
  private writeVersion(modelsDir: string, target: string, content: ArtifactFiles, model: string): 'created' | 'taken' {
    const temp = mkdtempSync(join(modelsDir, TEMP_VERSION_PREFIX));
    try {
      for (const name of ARTIFACT_FILES) {
        const text = name === 'model.yaml' ? model : content[name];
        if (typeof text !== 'string') throw new TypeError(`${name} content must be a string`);
        writeFileDurable(join(temp, name), text);
      }
      // mkdtemp makes the folder private (0700); versions are meant to be read by the Engine and other users.
      chmodSync(temp, 0o755);
      fsyncDir(temp);
      try {
        renameSync(temp, target);
        return 'created';
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST' || code === 'ENOTEMPTY' || code === 'ENOENT' || lstatSafe(target) !== undefined) {
          removeQuietly(temp);
          return 'taken';
        }
        throw e;
      }
    } catch (e) {
      removeQuietly(temp);
      throw e;
    }
  }
}

function notFound(message: string, details: Record<string, unknown>): ArtifactError {
  return new ArtifactError('not-found', message, details);
}
