// The store's on-disk layout and its path guards: every path is built from validated segments and checked to stay in root.
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ArtifactError, asArtifactError } from './errors';
import { assertModelId } from './ids';

/** The only files a version folder ever holds, in the order they are written. */
export const ARTIFACT_FILES = ['model.yaml', 'metadata.json', 'preview.svg', 'validation.json'] as const;
export type ArtifactFileName = (typeof ARTIFACT_FILES)[number];

export const MODELS_DIR = 'models';
export const CATALOG_FILE = 'catalog.json';
/** Prefixes of transient entries inside `models/`; readers skip them and writers remove their own. */
export const TEMP_VERSION_PREFIX = '.tmp-';
export const TEMP_CATALOG_PREFIX = '.catalog-';

const VERSION_DIR = /^v([1-9][0-9]{0,8})$/;

export function isArtifactFileName(name: unknown): name is ArtifactFileName {
  return typeof name === 'string' && (ARTIFACT_FILES as readonly string[]).includes(name);
}

export function isVersionNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 999_999_999;
}

/** `v3` → 3; anything else (including `v03`, `v0`) → undefined. */
export function parseVersionDir(name: string): number | undefined {
  const m = VERSION_DIR.exec(name);
  return m ? Number(m[1]) : undefined;
}

export function versionDirName(n: number): string {
  return `v${n}`;
}

/** Paths of one store; resolves the root once and refuses anything that would leave it. */
export class StoreLayout {
  readonly root: string;
  readonly modelsDir: string;

  constructor(root: string) {
    if (typeof root !== 'string' || root.length === 0 || root.includes('\u0000')) {
      throw new ArtifactError('invalid-name', 'The artifacts root must be a non-empty path.', { root: String(root) });
    }
    this.root = resolve(root);
    this.modelsDir = join(this.root, MODELS_DIR);
  }

  /** models/{id}; the id is validated, so it is a single safe segment. */
  modelDir(id: string): string {
    assertModelId(id);
    return this.inside(join(this.modelsDir, id));
  }

  versionDir(id: string, version: number): string {
    if (!isVersionNumber(version)) throw new ArtifactError('invalid-name', `Version must be a positive integer, got ${String(version)}.`, { version: String(version) });
    return this.inside(join(this.modelDir(id), versionDirName(version)));
  }

  catalogPath(): string {
    return join(this.modelsDir, CATALOG_FILE);
  }

  /** `models/{id}/v{n}` with forward slashes, relative to the artifacts root (what the catalog records). */
  relativeVersionPath(id: string, version: number): string {
    return `${MODELS_DIR}/${id}/${versionDirName(version)}`;
  }

  /**
   * Makes sure root/models exists and really lies inside the root: a `models` symlink pointing elsewhere would let
   * every write escape, so it is refused (a symlink that stays inside the root is fine).
   */
  ensureModelsDir(): string {
    try {
      mkdirSync(this.modelsDir, { recursive: true });
    } catch (e) {
      throw asArtifactError(e, `cannot create ${this.modelsDir}`);
    }
    this.checkModelsDir();
    return this.modelsDir;
  }

  /** True when root/models exists (after the same symlink check); false when there is no store yet. */
  hasModelsDir(): boolean {
    try {
      lstatSync(this.modelsDir);
    } catch {
      return false;
    }
    this.checkModelsDir();
    return true;
  }

  private checkModelsDir(): void {
    let realRoot: string;
    let realModels: string;
    try {
      realRoot = realpathSync(this.root);
      realModels = realpathSync(this.modelsDir);
    } catch (e) {
      throw asArtifactError(e, `cannot resolve ${this.modelsDir}`);
    }
    if (!isWithin(realRoot, realModels) || realModels === realRoot) {
      throw new ArtifactError('io', `${this.modelsDir} resolves to ${realModels}, outside the artifacts root ${realRoot}; refusing to use it.`, {
        path: this.modelsDir,
      });
    }
    if (!lstatSafe(realModels)?.isDirectory()) {
      throw new ArtifactError('io', `${this.modelsDir} is not a directory.`, { path: this.modelsDir });
    }
  }

  private inside(p: string): string {
    if (!isWithin(this.modelsDir, p) || p === this.modelsDir) {
      throw new ArtifactError('invalid-name', `Refusing a path outside the artifacts store: ${p}`, { path: p });
    }
    return p;
  }
}

export function isWithin(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** lstat that answers undefined for a missing path instead of throwing. */
export function lstatSafe(p: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(p);
  } catch {
    return undefined;
  }
}

/** A real directory (not a symlink to one): id and version folders must be, or they are ignored/refused. */
export function isRealDir(p: string): boolean {
  const st = lstatSafe(p);
  return st !== undefined && st.isDirectory() && !st.isSymbolicLink();
}

export function isRealFile(p: string): boolean {
  const st = lstatSafe(p);
  return st !== undefined && st.isFile() && !st.isSymbolicLink();
}
