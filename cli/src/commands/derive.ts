// `flowtime sim derive`: a variation of an existing artifact (its template and parameters, with --set changes).
import type { Command } from 'commander';
import { deriveModel } from '../../../core/src/sim/operations';
import { addArtifactOptions, parseVersionFlag } from './common-options';
import { collect } from './common-options';
import { printArtifact } from './artifact-output';
import { processIo, runSim } from './run-sim';

interface DeriveFlags {
  from: string;
  name: string;
  out: string;
  set: string[];
  template?: string;
  templates: string[];
  version?: string;
  title?: string;
  description?: string;
  author?: string;
  tag: string[];
  json?: boolean;
}

export function registerDerive(sim: Command, setExit: (code: number) => void): void {
  const cmd = sim
    .command('derive')
    .description("Create a variation of an existing model artifact: same template, its parameters with --set changes; records derived_from.")
    .requiredOption('--from <model_id>', 'the artifact to start from (its latest version)')
    .requiredOption('--name <name>', 'name of the new artifact')
    .option('--set <name=value>', 'change a parameter (repeatable; arrays as [1,2,3])', collect, [])
    .option('--out <dir>', 'artifacts root', 'artifacts')
    .option('--template <id|path>', 'use this template instead of the one recorded (e.g. when it came from a file elsewhere)')
    .option('--templates <dir>', 'extra folder of templates to look ids up in (repeatable)', collect, []);
  addArtifactOptions(cmd);
  cmd.action((flags: DeriveFlags) => {
    setExit(
      runSim(Boolean(flags.json), undefined, processIo, () => {
        const r = deriveModel({
          root: flags.out,
          from: flags.from,
          name: flags.name,
          sets: flags.set,
          template: flags.template,
          templateDirs: flags.templates,
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
