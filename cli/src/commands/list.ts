// `flowtime sim list`: model artifacts in a store (optionally by template), or the available templates with parameters.
import type { Command } from 'commander';
import { Option } from 'commander';
import { ArtifactStore } from '../../../core/src/artifacts';
import { loadTemplateCatalog, templateJson } from '../../../core/src/sim/template-catalog';
import { guard } from '../../../core/src/sim/operations';
import { collect } from './common-options';
import { processIo, runSim } from './run-sim';

interface ListFlags {
  kind: 'model' | 'template';
  template?: string;
  out: string;
  templates: string[];
  json?: boolean;
}

export function registerList(sim: Command, setExit: (code: number) => void): void {
  sim
    .command('list')
    .description('List model artifacts (--kind model) or templates with their parameters (--kind template).')
    .addOption(new Option('--kind <kind>', 'what to list').choices(['model', 'template']).default('model'))
    .option('--template <id>', 'only models made from this template')
    .option('--out <dir>', 'artifacts root', 'artifacts')
    .option('--templates <dir>', 'extra folder of templates to list (repeatable)', collect, [])
    .option('--json', 'print JSON')
    .action((flags: ListFlags) => {
      setExit(runSim(Boolean(flags.json), undefined, processIo, () => (flags.kind === 'template' ? listTemplates(flags) : listModels(flags))));
    });
}

function listTemplates(flags: ListFlags): number {
  const catalog = loadTemplateCatalog(flags.templates);
  if (flags.json) {
    processIo.out(`${JSON.stringify(catalog.map((t) => templateJson(t, { includePath: true })), null, 2)}\n`);
    return 0;
  }
  const rows = catalog.map((t) => [t.id, t.version, t.title, t.parameters.map((p) => `${p.name}=${JSON.stringify(p.default ?? null)}`).join(' ')]);
  processIo.out(table(['TEMPLATE', 'VERSION', 'TITLE', 'PARAMETERS (defaults)'], rows));
  return 0;
}

function listModels(flags: ListFlags): number {
  const store = new ArtifactStore(flags.out);
  const models = guard(() => store.list(flags.template === undefined ? {} : { template: flags.template }));
  if (flags.json) {
    processIo.out(`${JSON.stringify(models, null, 2)}\n`);
    return 0;
  }
  if (models.length === 0) {
    processIo.out(`no model artifacts in ${store.root}${flags.template ? ` made from template '${flags.template}'` : ''}\n`);
    return 0;
  }
  const rows = models.map((m) => [m.id, `v${m.latestVersion}`, String(m.versions.length), m.template ?? '(model file)', m.title ?? '']);
  processIo.out(table(['MODEL', 'LATEST', 'VERSIONS', 'TEMPLATE', 'TITLE'], rows));
  return 0;
}

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return `${[line(head), ...rows.map(line)].join('\n')}\n`;
}
