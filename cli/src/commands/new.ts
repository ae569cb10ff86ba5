// `flowtime sim new`: a template plus parameters becomes a versioned model artifact (or, with --out x.yaml, a model file).
import type { Command } from 'commander';
import { newFromTemplate, writeModelFile } from '../../../core/src/sim/operations';
import { addArtifactOptions, addParameterOptions, parseVersionFlag, readParamsFile } from './common-options';
import { printArtifact } from './artifact-output';
import { processIo, runSim } from './run-sim';

interface NewFlags {
  template: string;
  out: string;
  name: string;
  set: string[];
  params?: string;
  version?: string;
  title?: string;
  description?: string;
  author?: string;
  tag: string[];
  templates: string[];
  json?: boolean;
}

export function registerNew(sim: Command, setExit: (code: number) => void): void {
  const cmd = sim
    .command('new')
    .description('Create a model artifact from a template: artifacts/models/{id}/v{n}/{model.yaml,metadata.json,preview.svg,validation.json}.')
    .requiredOption('--template <id|path>', 'built-in template id (see `flowtime sim list --kind template`) or a template file')
    .requiredOption('--name <name>', 'artifact name; the id is {slug(name)}_{hash of template and parameters}')
    .option('--out <dir|file.yaml>', 'artifacts root, or a .yaml/.yml file to write only the model YAML', 'artifacts')
    .option('--templates <dir>', 'extra folder of templates to look ids up in (repeatable)', (v: string, p: string[]) => [...p, v], []);
  addParameterOptions(cmd);
  addArtifactOptions(cmd);
  cmd.action((flags: NewFlags) => {
    setExit(
      runSim(Boolean(flags.json), flags.template, processIo, () => {
        const common = {
          template: flags.template,
          templateDirs: flags.templates,
          name: flags.name,
          parameters: readParamsFile(flags.params),
          sets: flags.set,
          title: flags.title,
          description: flags.description,
          author: flags.author,
          tags: flags.tag,
        };
        if (/\.ya?ml$/i.test(flags.out)) {
          const r = writeModelFile(common, flags.out);
          processIo.out(flags.json ? `${JSON.stringify(r, null, 2)}\n` : `${r.path} written (model ${r.model_id})\n`);
          return 0;
        }
        printArtifact(newFromTemplate({ ...common, root: flags.out, version: parseVersionFlag(flags.version) }), Boolean(flags.json), processIo.out);
        return 0;
      }),
    );
  });
}
