// `flowtime sim validate`: validates model and template files and prints diagnostics (human or --json).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { validateText } from '../../../core/src/validate';
import type { ValidationResult } from '../../../core/src/validate';
import type { Diagnostic } from '../../../core/src/diagnostics';
import { join } from 'node:path';
import { collectYamlFiles } from '../files';
import { ArtifactStore, isArtifactError } from '../../../core/src/artifacts';
import { collect, parseVersionFlag } from './common-options';
import { EXIT_INVALID, EXIT_OK, UsageError } from '../usage-error';

export interface FileReport extends ValidationResult {
  path: string;
}

export interface ValidateFlags {
  json?: boolean;
  kind?: 'model' | 'template';
  /** Artifact ids to validate (their model.yaml), from the store under `out`. */
  model?: string[];
  out?: string;
  version?: string;
}

export function registerValidate(sim: Command, setExit: (code: number) => void): void {
  sim
    .command('validate')
    .description('Validate FlowTime model and Sim template files (directories are searched for *.yaml / *.yml).')
    .argument('[paths...]', 'files or directories to validate')
    .option('--json', 'print machine-readable JSON instead of one line per diagnostic')
    .addOption(new Option('--kind <kind>', 'treat every file as this kind instead of detecting it').choices(['model', 'template']))
    .option('--model <model_id>', 'validate a stored model artifact (its latest version, or --version); repeatable', collect, [])
    .option('--version <vN>', 'with --model: the version to validate')
    .option('--out <dir>', 'with --model: the artifacts root', 'artifacts')
    .action((paths: string[], flags: ValidateFlags) => {
      setExit(runValidate(paths, flags, (s) => process.stdout.write(s)));
    });
}

export function runValidate(paths: string[], flags: ValidateFlags, write: (s: string) => void): number {
  const models = flags.model ?? [];
  if (paths.length === 0 && models.length === 0) throw new UsageError('give at least one file or directory, or --model <model_id>');
  const files = collectYamlFiles(paths);
  const reports: FileReport[] = files.map((path) => ({ path, ...validateFile(path, flags.kind) }));
  reports.push(...models.map((id) => validateArtifact(id, flags)));
  write(flags.json ? renderJson(reports) : renderHuman(reports));
  return reports.some((r) => !r.valid) ? EXIT_INVALID : EXIT_OK;
}

function validateArtifact(id: string, flags: ValidateFlags): FileReport {
  const store = new ArtifactStore(flags.out ?? 'artifacts');
  try {
    const version = parseVersionFlag(flags.version) ?? store.latest(id);
    const text = store.read(id, version, 'model.yaml');
    return { path: join(store.root, 'models', id, `v${version}`, 'model.yaml'), ...validateText(text, { kind: 'model' }) };
  } catch (e) {
    if (isArtifactError(e)) throw new UsageError(e.code === 'not-found' ? `no model artifact '${id}' in ${store.root}` : e.message);
    throw e;
  }
}

function validateFile(path: string, kind: ValidateFlags['kind']): ValidationResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
  return validateText(text.replace(/^\uFEFF/, ''), kind ? { kind } : {});
}

function renderJson(reports: FileReport[]): string {
  const files = reports.map((r) => ({
    path: r.path,
    kind: r.kind,
    valid: r.valid,
    diagnostics: r.diagnostics.map(jsonDiagnostic),
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

function jsonDiagnostic(d: Diagnostic): Record<string, unknown> {
  const out: Record<string, unknown> = { severity: d.severity, code: d.code, message: d.message, range: d.range };
  if (d.related) out.related = d.related;
  if (d.fixes) out.fixes = d.fixes;
  return out;
}

function renderHuman(reports: FileReport[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      if (d.severity === 'warning') warnings++;
      // Human output is 1-based (editors and terminals link path:line:col); --json stays 0-based like LSP.
      lines.push(`${r.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
    }
  }
  const invalid = reports.filter((r) => !r.valid).length;
  lines.push(
    `${reports.length} file${reports.length === 1 ? '' : 's'} checked: ${invalid} invalid, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`,
  );
  return `${lines.join('\n')}\n`;
}
