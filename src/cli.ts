import { Command, CommanderError, Option } from 'commander';
import type { IO } from './io.js';
import { NotFoundError, UsageError, type GlobalOptions } from './commands/context.js';
import { DataFolderError } from './load/files.js';
import { HELP } from './commands/help.js';

declare const __COOP_VERSION__: string;
const VERSION = typeof __COOP_VERSION__ === 'string' ? __COOP_VERSION__ : '0.0.0-dev';

export interface CliContext {
  /** The data/ folder shipped with coop: the default base. */
  bundledData: string;
}

const EXAMPLES = `
Examples:
  coop validate                           check the base, every problem with its place
  coop validate --data path/to/data       check another base (or set COOP_DATA)

Data: --data DIR, else $COOP_DATA, else the data/ shipped with coop.
Exit codes: 0 success, 1 invalid data or record not found, 2 usage error or unreadable data folder.
`;

/**
 * Wires the commands and maps every outcome to an exit code, in one place. Commands return their
 * exit code; nothing here or below calls process.exit.
 */
export async function runCli(argv: readonly string[], io: IO, context: CliContext): Promise<number> {
  const program = new Command();
  let exitCode = 0;
  // Both must come before any subcommand is defined: subcommands copy these settings when created.
  program.exitOverride();
  program.configureOutput({
    writeOut: (text) => io.out(text),
    writeErr: (text) => io.err(text),
    outputError: (text, write) => write(text),
  });
  program
    .name('coop')
    .description('A knowledge base of cooperation in the French health sector, built from press articles.')
    .version(VERSION, '-V, --version')
    .option('--data <dir>', 'data folder (default: $COOP_DATA, else the bundled data/)')
    .addOption(new Option('--format <format>', 'output format: table, tsv, json, csv (validate: text, json, tsv, csv)'))
    .option('--json', 'print full records as JSON (same as --format json)')
    .option('--no-color', 'no colour, even on a terminal')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run "coop --help" for usage)')
    .addHelpText('after', EXAMPLES)
    .enablePositionalOptions(false);

  const globals = (command: Command): GlobalOptions => {
    const options = command.optsWithGlobals() as GlobalOptions;
    if (options.color === false) io.color = false;
    return options;
  };

  program
    .command('validate')
    .description('check the whole base: every problem at its file, line and column')
    .option('--strict', 'treat warnings as errors')
    .addHelpText('after', HELP.validate)
    .action(async (_options, command: Command) => {
      const { validateCommand } = await import('./commands/validate.js');
      exitCode = await validateCommand({ ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  program
    .command('list')
    .description('list organisations, filtered by place, kind, sector or membership')
    .option('--region <region>', 'region: slug, name, INSEE code or short form (paca, idf)')
    .option('--department <code>', 'department code (92, 2A)')
    .option('--kind <kind>', 'kind of organisation (alliance, hospital, ...)')
    .option('--sector <sector>', 'public, private-nonprofit, private-for-profit, mixed')
    .option('--member-of <id>', 'members of this structure')
    .option('--has-member <id>', 'structures this organisation is a member of')
    .addHelpText('after', HELP.list)
    .action(async (_options, command: Command) => {
      const { listCommand } = await import('./commands/list.js');
      exitCode = await listCommand({ ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  program
    .command('show')
    .description('everything the base holds on one record: organisation, programme, funding line, event or article')
    .argument('<id>', 'id, name, acronym or alias')
    .addHelpText('after', HELP.show)
    .action(async (query: string, _options, command: Command) => {
      const { showCommand } = await import('./commands/show.js');
      exitCode = await showCommand(query, globals(command), io, context.bundledData);
    });

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof NotFoundError) {
      io.err(`coop: ${error.message}\n`);
      if (error.suggestions.length) io.err(`  hint: did you mean ${error.suggestions.map((s) => `"${s}"`).join(' or ')}?\n`);
      return 1;
    }
    if (error instanceof UsageError || error instanceof DataFolderError) {
      io.err(`coop: ${error.message}\n`);
      if (error instanceof UsageError && error.hint) io.err(`  hint: ${error.hint}\n`);
      return 2;
    }
    throw error;
  }
}
