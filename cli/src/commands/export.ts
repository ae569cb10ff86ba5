// `flowtime sim export`: a hand-written model file becomes a versioned artifact (refused, with diagnostics, if invalid).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exportModel } from '../../../core/src/sim/operations';
import { UsageError } from '../usage-error';
import { addArtifactOptions, parseVersionFlag } from './common-options';
import { printArtifact } from './artifact-output';
import { processIo, runSim } from './run-sim';

interface ExportFlags {
  model: string;
  name: string;
  out: string;
  version?: string;
  title?: string;
  description?: string;
  author?: string;
  tag: string[];
  json?: boolean;
}

export function registerExport(sim: Command, setExit: (code: number) => void): void {
  const cmd = sim
    .command('export')
    .description('Turn a model YAML file into a model artifact (validated first; refused when it has errors).')
    .requiredOption('--model <model.yaml>', 'the model file')
    .requiredOption('--name <name>', 'artifact name; the id is {slug(name)}_{hash of the model text}')
    .option('--out <dir>', 'artifacts root', 'artifacts');
  addArtifactOptions(cmd);
  cmd.action((flags: ExportFlags) => {
    let text: string;
    try {
      text = readFileSync(flags.model, 'utf8');
    } catch {
      throw new UsageError(`no such model file: ${flags.model}`);
    }
    setExit(
      runSim(Boolean(flags.json), flags.model, processIo, () => {
        const r = exportModel({
          root: flags.out,
          name: flags.name,
          text,
          fileName: flags.model,
          version: parseVersionFlag(flags.version),
          title: flags.title,
          description: flags.description,
          author: flags.author,
          tags: flags.tag,
        });
        printArtifact(r, Boolean(flags.json), processIo.out);
        return 0;
      }),
    );
  });
}
