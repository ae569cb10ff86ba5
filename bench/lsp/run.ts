// `npm run bench:lsp`: our language server vs yaml-language-server 1.25 through ../shared/tools/lspbench, with ratios.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LSPBENCH, REPO, writeFixtures } from './fixtures';
import { report } from './ratios';
import type { BenchResult } from './ratios';
import { buildSpec } from './spec';

const YLS_VERSION = '1.25.0';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isInteger(v) || v < 1) throw new Error(`${name} expects a positive whole number`);
  return v;
}

/** yaml-language-server lives in bench/lsp/node_modules (git-ignored), never in the project's dependencies. */
function ensureYamlLanguageServer(): string {
  const prefix = join(REPO, 'bench', 'lsp');
  const pkg = join(prefix, 'node_modules', 'yaml-language-server', 'package.json');
  if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version === YLS_VERSION) return prefix;
  process.stderr.write(`installing yaml-language-server@${YLS_VERSION} into bench/lsp/node_modules …\n`);
  const r = spawnSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `yaml-language-server@${YLS_VERSION}`], {
    stdio: 'inherit',
  });
  if (r.status !== 0 || !existsSync(pkg)) throw new Error('npm install yaml-language-server failed');
  return prefix;
}

async function main(): Promise<void> {
  if (!existsSync(join(REPO, 'dist', 'server.js'))) throw new Error('dist/server.js is missing: run `npm run build` (bench:lsp does)');
  const repeats = option('--repeats', 3);
  const nodes = option('--nodes', 5000);
  const work = mkdtempSync(join(tmpdir(), 'flowtime-bench-lsp-'));
  const ylsDir = ensureYamlLanguageServer();
  const fixtures = writeFixtures(join(work, 'fixtures'), nodes);
  const specPath = join(work, 'spec.json');
  writeFileSync(specPath, `${JSON.stringify(buildSpec(fixtures, ylsDir, repeats), null, 2)}\n`);
  const resultPath = join(work, 'result.json');
  mkdirSync(work, { recursive: true });
  process.stderr.write(`work folder: ${work}\nrunning lspbench (${repeats} repeats per document; yaml-language-server takes minutes on 5,000 nodes) …\n`);
  // lspbench runs from its own folder, as its README says; its stdout (the JSON) also goes to --out.
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [join(LSPBENCH, 'lspbench.mjs'), '--spec', specPath, '--out', resultPath, '--table'], {
      cwd: LSPBENCH,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('exit', resolve);
  });
  if (code !== 0 || !existsSync(resultPath)) throw new Error(`lspbench exited with ${code}`);
  const { text, missed } = report(JSON.parse(readFileSync(resultPath, 'utf8')) as BenchResult);
  process.stdout.write(`\nflowtime vs yaml-language-server ${YLS_VERSION} (same run, same documents)\n\n${text}\n\nraw result: ${resultPath}\n`);
  process.stdout.write(missed.length === 0 ? 'all targets met\n' : `targets missed: ${missed.join('; ')}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:lsp: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
