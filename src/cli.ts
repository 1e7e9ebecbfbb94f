import { Command, CommanderError, Option } from 'commander';
import type { IO } from './io.js';
import type { GlobalOptions } from './commands/context.js';
import { CacheDamagedError, DataFolderError, NotFoundError, RefusedError, UsageError } from './errors.js';
import { HELP } from './commands/help.js';
import { safeLine } from './render/sanitize.js';
import { EVENT_KINDS, INSTRUMENTS, MEMBER_ROLES, ORGANISATION_KINDS, STAGES } from './core/enums.js';

const ORGANISATION_KIND_LIST = ORGANISATION_KINDS.join(', ');

declare const __COOP_VERSION__: string;
const VERSION = typeof __COOP_VERSION__ === 'string' ? __COOP_VERSION__ : '0.0.0-dev';

export interface CliContext {
  /** The data/ folder shipped with coop: the default base. */
  bundledData: string;
}

const EXAMPLES = `
Examples:
  coop list --region grand-est            organisations of a region
  coop show alliance-ouest-parisien       everything on one record, with its sources
  coop funding --program PIA              money of a programme and those it carries, with totals
  coop search "cite des fleurs"           fuzzy, accents optional
  coop events --org hopital-foch          a timeline
  coop graph alliance-ouest-parisien | dot -Tsvg > alliance.svg    members and money as a picture
  coop validate                           check the base, every problem with its place

Output: tables on a terminal, tab-separated values in a pipe; --json for full records.

Data: --data DIR, else $COOP_DATA, else the data/ shipped with coop.
Exit codes: 0 success, 1 invalid data or record not found, 2 usage error or unreadable data folder.
`;

/**
 * Wires the commands and maps every outcome to an exit code, in one place. Commands return their
 * exit code; nothing here or below calls process.exit.
 */
export async function runCli(argv: readonly string[], io: IO, context: CliContext, retried = false): Promise<number> {
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
    .addOption(new Option('--format <format>', 'output format: table, tsv, json, csv (validate: text, json, tsv, csv; graph: dot, mermaid, json)'))
    .option('--json', 'print full records as JSON (same as --format json)')
    .option('--no-color', 'no colour, even on a terminal')
    .option('--no-cache', 'read every data file again, ignoring the cache of validated records')
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

  program
    .command('funding')
    .description('funding lines, then totals by instrument and stage, and the programme budget')
    .option('--program <id>', 'programme id or acronym; includes the programmes it carries')
    .option('--recipient <id>', 'recipient organisation')
    .option('--instrument <instrument>', 'grant, equity, loan, other')
    .option('--stage <stage>', 'announced, awarded, potential, disbursed')
    .option('--region <region>', "recipient's region: slug, name, INSEE code or short form")
    .addHelpText('after', HELP.funding)
    .action(async (_options, command: Command) => {
      const { fundingCommand } = await import('./commands/funding.js');
      exitCode = await fundingCommand({ ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  program
    .command('search')
    .description('fuzzy search over names, acronyms, aliases, cities, descriptions and articles')
    .argument('<text...>', 'what to look for (any case, accents optional)')
    .option('--type <type>', 'organisation, programme, event or article')
    .option('--limit <n>', 'at most this many results', '20')
    .addHelpText('after', HELP.search)
    .action(async (words: string[], _options, command: Command) => {
      const { searchCommand } = await import('./commands/search.js');
      exitCode = await searchCommand(words.join(' '), { ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  program
    .command('events')
    .description('a timeline of events, filtered by organisation, kind, dates or region')
    .option('--org <id>', 'events involving this organisation')
    .option('--kind <kind>', 'founding, joining, announcement, award, ...')
    .option('--from <date>', 'events that may happen on or after this date (EDTF)')
    .option('--to <date>', 'events that may happen on or before this date (EDTF)')
    .option('--region <region>', 'events involving an organisation of this region')
    .addHelpText('after', HELP.events)
    .action(async (_options, command: Command) => {
      const { eventsCommand } = await import('./commands/events.js');
      exitCode = await eventsCommand({ ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  program
    .command('sources')
    .description('the articles; or, for one record, which article backs each of its facts')
    .argument('[id]', 'a record id, name or alias')
    .addHelpText('after', HELP.sources)
    .action(async (query: string | undefined, _options, command: Command) => {
      const { sourcesCommand } = await import('./commands/sources.js');
      exitCode = await sourcesCommand(query, globals(command), io, context.bundledData);
    });

  program
    .command('graph')
    .description('a structure, its members and its money as a graph: Graphviz DOT or Mermaid')
    .argument('<id>', 'organisation or programme: id, name, acronym or alias')
    .option('--depth <n>', 'hops of membership and funding to follow from the record', '1')
    .addHelpText('after', HELP.graph)
    .action(async (query: string, _options, command: Command) => {
      const { graphCommand } = await import('./commands/graph.js');
      exitCode = await graphCommand(query, { ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  program
    .command('export')
    .description('the whole base, resolved: JSON, or one table as NDJSON or CSV')
    .option('--table <name>', 'organisations, memberships, programmes, funding, events or articles')
    .addHelpText('after', HELP.export)
    .action(async (_options, command: Command) => {
      const { exportCommand } = await import('./commands/export.js');
      exitCode = await exportCommand({ ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  program
    .command('stats')
    .description('counts by kind, sector and region; money by programme, instrument and stage')
    .addHelpText('after', HELP.stats)
    .action(async (_options, command: Command) => {
      const { statsCommand } = await import('./commands/stats.js');
      exitCode = await statsCommand(globals(command), io, context.bundledData);
    });

  program
    .command('schema')
    .description('JSON Schema for each kind of data file, for editors to complete and check them')
    .option('--out <dir>', 'write one <type>.schema.json file each in this folder')
    .addHelpText('after', HELP.schema)
    .action(async (_options, command: Command) => {
      const { schemaCommand } = await import('./commands/schema.js');
      exitCode = await schemaCommand({ ...globals(command), ...command.opts() }, io);
    });

  const add = program
    .command('add')
    .description('add a fact to a record: a member, a funding line, an event or a figure (edits the YAML in place)')
    .addHelpText('after', HELP.add);

  add
    .command('member')
    .description("add a member to a structure's members list")
    .argument('<structure>', 'the structure: id, name or alias')
    .argument('<member>', 'the member: id, name or alias')
    .requiredOption('--role <role>', MEMBER_ROLES.join(', '))
    .option('--since <date>', 'member since (EDTF: 2017-09-13, 2017-09, 2018, 2012-12~)')
    .option('--until <date>', 'member until (EDTF)')
    .option('--note <text>', 'a caveat, or how the articles disagree')
    .requiredOption('--source <article>', 'the id of the article that says so')
    .addHelpText('after', HELP.addMember)
    .action(async (structure: string, member: string, _options, command: Command) => {
      const { addMemberCommand } = await import('./commands/add.js');
      exitCode = await addMemberCommand(structure, member, { ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  add
    .command('funding')
    .description('add a funding line to funding/<programme>.yaml')
    .option('--programme <id>', 'the programme: id, name or acronym (required)')
    .addOption(new Option('--program <id>', 'same as --programme').hideHelp())
    .requiredOption('--recipient <org>', 'the organisation that receives the money')
    .requiredOption('--instrument <instrument>', INSTRUMENTS.join(', '))
    .requiredOption('--amount <amount>', 'whole currency units: 1500000, "1 500 000", 1.5M, "1,5 M€", 450k')
    .requiredOption('--stage <stage>', STAGES.join(', '))
    .option('--currency <code>', 'ISO 4217 code', 'EUR')
    .option('--upper-bound', 'the amount is a ceiling ("up to")')
    .option('--date <date>', 'when (EDTF)')
    .option('--funder <org>', 'the organisation that gives the money')
    .option('--note <text>', 'a caveat')
    .requiredOption('--source <article>', 'the id of the article that says so')
    .option('--id <id>', 'the line\'s id (default: <programme>-<recipient>-<instrument>, made unique)')
    .option('--file <name>', 'the file of funding/ (default: see below)')
    .addHelpText('after', HELP.addFunding)
    .action(async (_options, command: Command) => {
      const { addFundingCommand } = await import('./commands/add.js');
      exitCode = await addFundingCommand({ ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  add
    .command('event')
    .description('add an event to events/<organisation or programme>.yaml')
    .requiredOption('--date <date>', 'when (EDTF: 2017-09-13, 2017-09, 2014-12~, 2017-09/2019-03)')
    .requiredOption('--kind <kind>', EVENT_KINDS.join(', '))
    .requiredOption('--title <text>', 'a one-line title, in our own words')
    .option('--org <org>', 'an organisation concerned (repeat for several)', (value: string, previous: string[] = []) => [...previous, value])
    .option('--programme <id>', 'the programme concerned')
    .addOption(new Option('--program <id>', 'same as --programme').hideHelp())
    .option('--place <commune>', 'where (commune name)')
    .option('--description <text>', 'what happened, in our own words')
    .requiredOption('--source <article>', 'the id of the article that says so')
    .option('--id <id>', "the event's id (default: <first org or programme>-<kind>-<year>, made unique)")
    .option('--file <name>', 'the file of events/ (default: see below)')
    .addHelpText('after', HELP.addEvent)
    .action(async (_options, command: Command) => {
      const { addEventCommand } = await import('./commands/add.js');
      exitCode = await addEventCommand({ ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  add
    .command('figure')
    .description("add a figure (beds, staff, ...) to an organisation's or programme's figures list")
    .argument('<record>', 'organisation or programme: id, name or alias')
    .requiredOption('--metric <metric>', 'kebab-case: beds, staff, admissions, ...')
    .requiredOption('--value <number>', 'a number: 1200, "1 200", 4.5')
    .option('--unit <unit>', 'per-year, percent, ...')
    .option('--as-of <date>', 'the date the figure is for (EDTF)')
    .option('--note <text>', 'a caveat')
    .requiredOption('--source <article>', 'the id of the article that says so')
    .addHelpText('after', HELP.addFigure)
    .action(async (record: string, _options, command: Command) => {
      const { addFigureCommand } = await import('./commands/add.js');
      exitCode = await addFigureCommand(record, { ...globals(command), ...command.opts() }, io, context.bundledData);
    });

  program
    .command('completion')
    .description('a completion script for bash, zsh or fish: commands, options, values and ids')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', HELP.completion)
    .action(async (shell: string) => {
      if (!['bash', 'zsh', 'fish'].includes(shell)) throw new UsageError(`no completion for "${shell}"`, 'use bash, zsh or fish');
      const [{ completionScript }, enums] = await Promise.all([import('./render/completion.js'), import('./core/enums.js')]);
      const longOptions = (command: Command) => command.options.map((o) => o.long).filter((l): l is string => Boolean(l));
      const commands = program.commands.filter((c) => !c.name().startsWith('__') && c.name() !== 'help');
      io.out(
        completionScript(shell, {
          commands: commands.map((c) => ({ name: c.name(), options: longOptions(c), subcommands: c.commands.map((sub) => ({ name: sub.name(), options: longOptions(sub) })) })),
          globalOptions: [...longOptions(program), '--help'],
          values: {
            '--kind': [...enums.ORGANISATION_KINDS, ...enums.EVENT_KINDS.filter((k) => !(enums.ORGANISATION_KINDS as readonly string[]).includes(k))],
            '--sector': enums.SECTORS,
            '--instrument': enums.INSTRUMENTS,
            '--stage': enums.STAGES,
            '--type': ['organisation', 'programme', 'event', 'article'],
            '--table': ['organisations', 'memberships', 'programmes', 'funding', 'events', 'articles'],
            '--format': ['table', 'tsv', 'json', 'csv', 'ndjson', 'text', 'dot', 'mermaid'],
            '--role': enums.MEMBER_ROLES,
            '--language': ['fr', 'en'],
          },
          idOptions: {
            '--org': 'organisation',
            '--member-of': 'organisation',
            '--has-member': 'organisation',
            '--recipient': 'organisation',
            '--funder': 'organisation',
            '--parent': 'organisation,programme',
            '--program': 'programme',
            '--programme': 'programme',
            '--source': 'article',
          },
          idCommands: { show: 'all', sources: 'all', graph: 'organisation,programme', 'add member': 'organisation', 'add figure': 'organisation,programme' },
          folderOptions: ['--data', '--out'],
        }),
      );
    });

  // coop new <type> <id>: one subcommand per record type, one option per field of its data model.
  const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];
  const runNew = (type: 'organisation' | 'programme' | 'article') => async (id: string, _options: unknown, command: Command) => {
    const { newCommand } = await import('./commands/new.js');
    exitCode = await newCommand(type, id, { ...globals(command), ...command.opts() }, io, context.bundledData);
  };
  const sourceHelp = 'article id (or title) the facts come from; repeat for each (required)';
  const newRecord = program
    .command('new')
    .description('record a new organisation, programme or article: writes its file, checked with the whole base first')
    .addHelpText('after', HELP.new);
  newRecord
    .command('organisation')
    .description('write organisations/<id>.yaml from the options')
    .argument('<id>', 'the new id, a kebab-case slug of the name (clinique-x)')
    .requiredOption('--name <name>', 'official or usual full name, in French (required)')
    .option('--short-name <text>', 'the acronym or short form used most')
    .option('--alias <alias>', 'another acronym, spelling or former name; repeat for each', collect)
    .requiredOption('--kind <kind>', `(required) ${ORGANISATION_KIND_LIST}`)
    .option('--sector <sector>', 'public, private-nonprofit, private-for-profit, mixed')
    .option('--legal-form <text>', 'GCS, GIP, association loi 1901, fondation, SA, ...')
    .option('--parent <org>', "the group or owner: organisation id, name or acronym")
    .option('--region <region>', 'region: slug, name, INSEE code or short form (paca, idf); derived from --department when left out')
    .option('--department <code>', 'department code (92, 2A)')
    .option('--city <name>', 'official commune name')
    .option('--founded <date>', 'EDTF date (2017-09, 2012-12~)')
    .option('--dissolved <date>', 'EDTF date')
    .option('--website <url>', 'only when an article gives it')
    .option('--description <text>', 'in our own words')
    .option('--activity <text>', 'a specialty or area of cooperation; repeat for each', collect)
    .option('--shared-resource <text>', 'what members pool; repeat for each', collect)
    .option('--finess-ej <number>', 'FINESS of the legal entity')
    .option('--finess-et <number>', 'FINESS of an establishment; repeat for each', collect)
    .option('--siren <number>', 'SIREN')
    .option('--siret <number>', 'SIRET')
    .option('--rna <number>', 'RNA (associations)')
    .option('--wikidata <qid>', 'Wikidata id (Q...)')
    .option('--note <text>', 'disagreements between sources, caveats')
    .requiredOption('--source <article>', sourceHelp, collect)
    .option('--dry-run', 'check everything and print the file, without writing it')
    .addHelpText('after', HELP.newOrganisation)
    .action(runNew('organisation'));
  newRecord
    .command('programme')
    .description('write programmes/<id>.yaml from the options')
    .argument('<id>', 'the new id, a kebab-case slug of the name (territoires-d-innovation)')
    .requiredOption('--name <name>', 'full name (required)')
    .option('--short-name <text>', 'the acronym used most (PIA)')
    .option('--alias <alias>', 'another name or acronym; repeat for each', collect)
    .option('--parent <programme>', 'the programme that carries it: id, name or acronym')
    .option('--funder <org>', 'who pays: organisation id, name or acronym')
    .option('--launched <date>', 'EDTF date (2018-11)')
    .option('--description <text>', 'in our own words')
    .option('--note <text>', 'disagreements between sources, caveats')
    .requiredOption('--source <article>', sourceHelp, collect)
    .option('--dry-run', 'check everything and print the file, without writing it')
    .addHelpText('after', HELP.newProgramme)
    .action(runNew('programme'));
  newRecord
    .command('article')
    .description('write articles/<id>.md: the front matter from the options, then our own summary')
    .argument('<id>', 'the new id: <outlet>-<date>-<topic> (hospimedia-2017-09-13-alliance-ouest-parisien)')
    .requiredOption('--title <title>', 'the headline, as published (required)')
    .option('--outlet <name>', 'Hospimedia, TICsanté, ...')
    .requiredOption('--date <date>', 'publication date, EDTF (2017-09-13) (required)')
    .option('--author <name>', 'repeat for each author', collect)
    .option('--url <url>', 'where it was published')
    .option('--language <code>', 'fr or en (default: fr)')
    .option('--section <name>', "the outlet's section or rubric")
    .option('--person <name|role|org>', 'someone the article quotes or names, with their role then and organisation; repeat for each', collect)
    .option('--note <text>', 'about the article itself: dates, disagreements with other sources')
    .option('--summary <text>', 'our own summary, the body of the file; "-" reads it from standard input')
    .option('--dry-run', 'check everything and print the file, without writing it')
    .addHelpText('after', HELP.newArticle)
    .action(runNew('article'));

  program
    .command('__ids', { hidden: true })
    .argument('[type]')
    .action(async (type: string | undefined, _options, command: Command) => {
      const { idsCommand } = await import('./commands/ids.js');
      exitCode = await idsCommand(type, globals(command), io, context.bundledData);
    });

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
    // Messages echo what was typed and what the data holds: never raw to the terminal.
    if (error instanceof NotFoundError) {
      io.err(`coop: ${safeLine(error.message)}\n`);
      if (error.suggestions.length) io.err(`  hint: did you mean ${error.suggestions.map((s) => `"${safeLine(s)}"`).join(' or ')}?\n`);
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
}
