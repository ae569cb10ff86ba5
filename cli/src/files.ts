// Expands the CLI's file and directory arguments into a sorted list of YAML files.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from './usage-error';

const YAML_FILE = /\.ya?ml$/i;

export function collectYamlFiles(inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    let st;
    try {
      st = statSync(input);
    } catch {
      throw new UsageError(`no such file or directory: ${input}`);
    }
    if (st.isDirectory()) out.push(...walk(input));
    else out.push(input);
  }
  // A file named twice (directly and through its folder) is validated once.
  const seen = new Set<string>();
  return out.filter((f) => {
    const key = resolve(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile() && YAML_FILE.test(e.name)) out.push(p);
  }
  return out;
}
