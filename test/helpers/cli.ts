// Runs the bundled CLI (dist/cli.js through bin/flowtime.js) as a child process, as a user would.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const REPO = resolve(__dirname, '..', '..');
export const CORPUS = resolve(REPO, '..', 'shared', 'corpus');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string } = {}): CliResult {
  const bin = resolve(REPO, 'bin', 'flowtime.js');
  if (!existsSync(resolve(REPO, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: options.cwd ?? REPO, encoding: 'utf8', input: options.input });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
