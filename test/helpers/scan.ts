// Scans an artifacts root and lists anything that is not models/catalog.json or one of the four files of a version.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const VERSION_FILES = new Set(['model.yaml', 'metadata.json', 'preview.svg', 'validation.json']);

export interface RootScan {
  unexpected: string[];
  versions: number;
  metadataFiles: string[];
}

export function scanArtifactsRoot(root: string): RootScan {
  const out: RootScan = { unexpected: [], versions: 0, metadataFiles: [] };
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      const rel = relative(root, p).split('\\').join('/');
      const parts = rel.split('/');
      const isDir = statSync(p).isDirectory();
      if (isDir) {
        const okDir = (parts.length === 1 && name === 'models') || (parts.length === 2 && parts[0] === 'models') || (parts.length === 3 && /^v[1-9]\d*$/.test(name));
        if (!okDir) out.unexpected.push(`${rel}/`);
        else {
          if (parts.length === 3) out.versions += 1;
          walk(p);
        }
      } else {
        const ok = (rel === 'models/catalog.json') || (parts.length === 4 && VERSION_FILES.has(name));
        if (!ok) out.unexpected.push(rel);
        if (ok && name === 'metadata.json') out.metadataFiles.push(p);
      }
    }
  };
  walk(root);
  return out;
}
