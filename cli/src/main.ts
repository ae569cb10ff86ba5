// The `flowtime` command line: parses arguments with commander and maps outcomes to exit codes 0/1/2.
import { Command, CommanderError } from 'commander';
import { registerValidate } from './commands/validate';
import { registerNew } from './commands/new';
import { registerExport } from './commands/export';
import { registerDerive } from './commands/derive';
import { registerList } from './commands/list';
import { registerServe } from './commands/serve';
import { registerLsp } from './commands/lsp';
import { EXIT_USAGE, UsageError } from './usage-error';
import { VERSION } from '../../core/src/version';

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('flowtime')
    .description('FlowTime-Sim: author and validate FlowTime models and templates.')
    .version(VERSION)
    // Subcommands own their options: `sim new --version v2` is the artifact version, not the program's --version.
    .enablePositionalOptions()
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  const sim = program
    .command('sim')
    .description('Model authoring commands (templates, validation, artifacts).')
    .enablePositionalOptions()
    .exitOverride()
    .showHelpAfterError('(add --help for usage)');
  registerNew(sim, setExit);
  registerDerive(sim, setExit);
  registerExport(sim, setExit);
  registerList(sim, setExit);
  registerValidate(sim, setExit);
  registerServe(sim, setExit);
  registerLsp(program, setExit);
  for (const cmd of sim.commands) cmd.exitOverride().showHelpAfterError('(add --help for usage)');
  return program;
}

export function main(argv: string[]): number {
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    program.parse(argv, { from: 'user' });
    if (argv.length === 0) {
      program.outputHelp();
      return EXIT_USAGE;
    }
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version are not errors; everything else commander rejects is a usage error.
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`flowtime: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
