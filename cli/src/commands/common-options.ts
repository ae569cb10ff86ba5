// Options shared by the artifact commands: --set (repeatable), --params, --version, --json, metadata fields.
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../usage-error';

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function addArtifactOptions(cmd: Command): Command {
  return cmd
    .option('--version <vN>', 'store exactly this version (e.g. v2); an error if it exists with a different model')
    .option('--title <title>', 'title recorded in metadata.json')
    .option('--description <text>', 'description recorded in metadata.json')
    .option('--author <author>', 'author recorded in metadata.json')
    .option('--tag <tag>', 'tag recorded in metadata.json (repeatable)', collect, [])
    .option('--json', 'print {"model_id","version","path","created","validation"} as JSON');
}

export function addParameterOptions(cmd: Command): Command {
  return cmd
    .option('--set <name=value>', 'set a template parameter (repeatable; arrays as [1,2,3])', collect, [])
    .option('--params <file.json>', 'JSON file with an object of parameter values (--set wins)');
}

/** `v2` or `2` → 2; anything else is a usage error. */
export function parseVersionFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const m = /^v?(\d+)$/i.exec(raw.trim());
  if (!m || Number(m[1]) < 1) throw new UsageError(`--version expects vN with N >= 1 (e.g. v2), got '${raw}'`);
  return Number(m[1]);
}

export function readParamsFile(path: string | undefined): unknown {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`cannot read --params file ${path}`);
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value;
  } catch (e) {
    throw new UsageError(`--params file ${path} must hold a JSON object of parameter values (${(e as Error).message})`);
  }
}
