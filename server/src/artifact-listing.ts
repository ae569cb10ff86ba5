// `flowtime/artifacts`: the store's catalog with each version's parameters, quality and lineage, cached per version.
import { join } from 'node:path';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { ArtifactStore } from '../../core/src/artifacts';
import type { CatalogVersion, ModelCatalog } from '../../core/src/artifacts';
import { readJsonFile } from '../../core/src/artifacts/catalog';
import type { ArtifactModelInfo, ArtifactsResult, ArtifactVersionInfo } from '../../core/src/language/protocol';
import { SimError } from '../../core/src/sim/errors';
import { guard } from '../../core/src/sim/operations';
import { qualityPercent } from './operation-result';

type VersionFacts = Pick<ArtifactVersionInfo, 'parameters' | 'quality' | 'derivedFrom'>;

/**
 * The client asks on every file-change event under the artifacts root. The catalog scan reuses catalog.json for the
 * versions it lists; versions are immutable once in place, so what this adds (metadata.json and validation.json of each
 * version) is read once per version and kept, keyed by the version's path and model hash so a recreated folder is
 * read again. Only the versions of the latest listing of each root are kept.
 */
export class ArtifactListing {
  private readonly facts = new Map<string, Map<string, VersionFacts>>();

  /** A store that cannot be read (permissions, a file where a folder should be) is a RequestFailed error. */
  list(artifactsRoot: string): ArtifactsResult {
    let store: ArtifactStore;
    let catalog: ModelCatalog;
    try {
      store = guard(() => new ArtifactStore(artifactsRoot));
      catalog = guard(() => store.catalog());
    } catch (e) {
      if (e instanceof SimError) throw new ResponseError(LSPErrorCodes.RequestFailed, e.message);
      throw e;
    }
    const previous = this.facts.get(store.root) ?? new Map<string, VersionFacts>();
    const kept = new Map<string, VersionFacts>();
    const models = catalog.models.map((m): ArtifactModelInfo => ({
      id: m.id,
      title: m.title,
      template: m.template,
      templateVersion: m.templateVersion,
      latestVersion: m.latestVersion,
      versions: [...m.versions]
        .sort((a, b) => a.version - b.version)
        .map((v) => {
          const path = join(store.root, v.path);
          const key = `${path}\u0000${v.modelSha256 ?? ''}\u0000${v.created ?? ''}`;
          const facts = previous.get(key) ?? readFacts(path);
          kept.set(key, facts);
          return versionInfo(v, path, facts);
        }),
    }));
    this.facts.set(store.root, kept);
    models.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { models };
  }
}

function versionInfo(v: CatalogVersion, path: string, facts: VersionFacts): ArtifactVersionInfo {
  return { version: v.version, path, files: [...v.files], created: v.created, parameters: facts.parameters, quality: facts.quality, derivedFrom: facts.derivedFrom };
}

function readFacts(versionPath: string): VersionFacts {
  const meta = rec(readJsonFile(join(versionPath, 'metadata.json')));
  const params = rec(rec(rec(meta.spec).sim_config).parameters);
  const score = rec(rec(readJsonFile(join(versionPath, 'validation.json'))).quality).score;
  return {
    parameters: params,
    quality: typeof score === 'number' && Number.isFinite(score) ? qualityPercent(score) : null,
    derivedFrom: parseDerivedFrom(rec(meta.lineage).derived_from),
  };
}

/** metadata.json records lineage as `lineage.derived_from: "{id}@v{n}"`. */
export function parseDerivedFrom(v: unknown): { id: string; version: number } | null {
  if (typeof v !== 'string') return null;
  const m = /^(.+)@v([1-9][0-9]*)$/.exec(v);
  return m ? { id: m[1], version: Number(m[2]) } : null;
}

function rec(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
