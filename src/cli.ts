import { Command, CommanderError, Option } from 'commander';
import {
  type AnyCommandDecl,
  type CommandCatalog,
  type CommandInfo,
  flagOf,
  type GlobalOptions,
  type GroupDecl,
  isGroup,
  type OptionDecl,
  rejectEmptyDataOption,
} from './command.js';
import { CacheDamagedError, DataFolderError, NotFoundError, RefusedError, UsageError } from './errors.js';
import type { IO } from './io.js';
import { renderHelpAfter } from './render/help.js';
import { safeLine, sanitizeCommanderOutput } from './render/sanitize.js';

declare const __COOP_VERSION__: string;
const VERSION = typeof __COOP_VERSION__ === 'string' ? __COOP_VERSION__ : '0.0.0-dev';

interface CliContext {
  /** The data/ folder shipped with coop: the default base. */
  bundledData: string;
  /** Every command, declared by its module in src/commands/. */
  catalog: CommandCatalog;
}

const PROGRAM_HELP = `
Examples:
  coop list --region grand-est            organisations of a region
  coop show alliance-ouest-parisien       everything on one record, with its sources
  coop funding --program PIA              money of a programme and those it carries, with totals
  coop search "cite des fleurs"           fuzzy, accents optional
  coop events --org hopital-foch          a timeline
  coop graph alliance-ouest-parisien --format svg > alliance.svg    members and money as a picture
  coop validate                           check the base, every problem with its place

Output: tables on a terminal, tab-separated values in a pipe; --json for full records.

Data: --data DIR, else $COOP_DATA, else the data/ shipped with coop.
Exit codes: 0 success, 1 invalid data or record not found, 2 usage error or unreadable data folder.
`;

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function optionOf(key: string, decl: OptionDecl, flag = flagOf(key)): Option {
  const description = decl.required ? `${decl.description} (required)` : decl.description;
  const option = new Option(decl.value ? `${flag} ${decl.value}` : flag, description);
  // An option with other spellings is checked after parsing, when any spelling may have given it.
  if (decl.required && !decl.aliases?.length) option.makeOptionMandatory();
  if (decl.repeat) option.argParser(collect);
  if (decl.default !== undefined) option.default(decl.default);
  if (decl.hidden) option.hideHelp();
  return option;
}

/** One commander command from a declaration: its arguments, its options, its help; the action loads the code. */
function addCommand(
  parent: Command,
  info: CommandInfo,
  run: (path: string[], values: Record<string, unknown>, command: Command) => Promise<void>,
  path: string[],
): void {
  const command = parent.command(info.name, info.hidden ? { hidden: true } : {}).description(info.summary);
  const after = renderHelpAfter(info);
  if (after) command.addHelpText('after', after);
  if (info.subcommands) {
    for (const sub of info.subcommands) addCommand(command, sub, run, [...path, sub.name]);
    return;
  }
  const argumentNames = Object.keys(info.arguments ?? {});
  for (const [name, decl] of Object.entries(info.arguments ?? {})) {
    const shown = decl.variadic ? `${name}...` : name;
    command.argument(decl.optional ? `[${shown}]` : `<${shown}>`, decl.description);
  }
  const aliasOf = new Map<string, string>();
  for (const [key, decl] of Object.entries(info.options ?? {})) {
    command.addOption(optionOf(key, decl));
    for (const alias of decl.aliases ?? []) {
      // Hidden, and not required: the declared spelling's check below covers both.
      command.addOption(optionOf(key, { ...decl, required: false, default: undefined, hidden: true }, alias));
      aliasOf.set(new Option(alias).attributeName(), key);
    }
  }
  command.action(async (...received: unknown[]) => {
    const self = received[received.length - 1] as Command;
    const values: Record<string, unknown> = {};
    argumentNames.forEach((name, i) => {
      if (received[i] !== undefined) values[name] = received[i];
    });
    const given = self.opts();
    for (const [attribute, value] of Object.entries(given)) {
      const key = aliasOf.get(attribute) ?? attribute;
      if (value === undefined) continue;
      values[key] =
        Array.isArray(value) && Array.isArray(values[key])
          ? [...(values[key] as unknown[]), ...value]
          : (values[key] ?? value);
    }
    for (const [key, decl] of Object.entries(info.options ?? {})) {
      if (decl.required && values[key] === undefined)
        throw new UsageError(`required option '${[flagOf(key), decl.value].filter(Boolean).join(' ')}' not specified`);
    }
    await run(path, { ...(self.optsWithGlobals() as GlobalOptions), ...values }, self);
  });
}

function findDecl(decl: AnyCommandDecl | GroupDecl, path: readonly string[]): AnyCommandDecl {
  if (path.length === 0) {
    if (isGroup(decl)) throw new Error(`"${decl.name}" is a group of commands, not a command`);
    return decl;
  }
  if (!isGroup(decl)) throw new Error(`"${decl.name}" has no subcommand "${path[0]}"`);
  const sub = decl.subcommands.find((s) => s.name === path[0]);
  if (!sub) throw new Error(`"${decl.name}" has no subcommand "${path[0]}"`);
  return findDecl(sub, path.slice(1));
}

/**
 * Builds the program from the commands' declarations and maps every outcome to an exit code, in
 * one place. Commands return their exit code; nothing here or below calls process.exit.
 */
export async function runCli(argv: readonly string[], io: IO, context: CliContext, retried = false): Promise<number> {
  const program = new Command();
  let exitCode = 0;
  // Both must come before any subcommand is defined: subcommands copy these settings when created.
  program.exitOverride();
  program.configureOutput({
    // commander echoes what was typed (an unknown option): never raw to the terminal.
    writeOut: (text) => io.out(sanitizeCommanderOutput(text)),
    writeErr: (text) => io.err(sanitizeCommanderOutput(text)),
    outputError: (text, write) => write(text),
  });
  program
    .name('coop')
    .description('A knowledge base of cooperation in the French health sector, built from press articles.')
    .version(VERSION, '-V, --version')
    .option('--data <dir>', 'data folder (default: $COOP_DATA, else the bundled data/)')
    .addOption(
      new Option(
        '--format <format>',
        'output format: table, tsv, json, csv (some commands have others: see their --help)',
      ),
    )
    .option('--json', 'print full records as JSON (same as --format json)')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--no-cache', 'read every data file again, ignoring the cache of validated records')
    .showSuggestionAfterError(true)
    .showHelpAfterError('(run "coop --help" for usage)')
    .addHelpText('after', PROGRAM_HELP)
    .enablePositionalOptions(false);

  const run = async (path: string[], values: Record<string, unknown>): Promise<void> => {
    const options = values as GlobalOptions;
    rejectEmptyDataOption(options);
    if (options.color === false) io.color = false;
    const [name, ...rest] = path;
    const decl = findDecl(await context.catalog.load(name!), rest);
    exitCode = await decl.run(values as never, {
      io,
      bundledData: context.bundledData,
      commands: context.catalog.commands,
    });
  };
  for (const info of context.catalog.commands) addCommand(program, info, run, [info.name]);

  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    // The cache was found damaged mid-command and removed: once more, from the data files.
    if (error instanceof CacheDamagedError && !retried) return runCli(argv, io, context, true);
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    return reportInputError(error, io);
  }
}

/** Messages echo what was typed and what the data holds: never raw to the terminal. */
function reportInputError(error: unknown, io: IO): number {
  if (error instanceof NotFoundError) {
    io.err(`coop: ${safeLine(error.message)}\n`);
    if (error.suggestions.length)
      io.err(`  hint: did you mean ${error.suggestions.map((s) => `"${safeLine(s)}"`).join(' or ')}?\n`);
    return 1;
  }
  if (error instanceof RefusedError) {
    io.err(`coop: ${safeLine(error.message)}\n`);
    if (error.hint) io.err(`  hint: ${safeLine(error.hint)}\n`);
    return 1;
  }
  if (error instanceof UsageError || error instanceof DataFolderError) {
    io.err(`coop: ${safeLine(error.message)}\n`);
    if (error instanceof UsageError && error.hint) io.err(`  hint: ${safeLine(error.hint)}\n`);
    return 2;
  }
  throw error;
}
