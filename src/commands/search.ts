import { searchBase, SEARCH_TYPES, type SearchType } from '../core/search.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { renderRows } from '../render/output.js';
import { safeLine } from '../render/sanitize.js';
import { checkChoice, openForQuery, readerLanguage, UsageError } from '../app/context.js';
import { LANGUAGES, textFor } from '../core/language.js';
import { terminalText } from '../render/format.js';

type SearchOptions = CommandInput<typeof searchOptions>;

async function searchCommand(text: string, options: SearchOptions, io: IO, bundledData: string): Promise<number> {
  if (text.trim() === '')
    throw new UsageError(
      'nothing to search for',
      'give a word, a name, an acronym or an id: coop search "cite des fleurs"',
    );
  checkChoice(options.type, SEARCH_TYPES, '--type');
  const limit = parseLimit(options.limit ?? '20');
  const reader = readerLanguage(options.lang, io);

  const context = await openForQuery(options, io, bundledData);
  const hits = searchBase(context.index, text, { type: options.type as SearchType | undefined, limit });
  // Both languages are searched; an event is named in the reader's, marked on a terminal when it lacks it.
  const nameOf = (hit: (typeof hits)[number]) => {
    const found = hit.type === 'event' ? context.index.byId.get(hit.id) : undefined;
    if (found?.type !== 'event') return hit.name;
    const read = context.format === 'table' ? terminalText : textFor;
    return read(found.record.title, reader, context.base.language);
  };

  const rows = {
    humanHeader: ['Type', 'Name', 'Matched', 'Id'],
    human: hits.map((hit) => [hit.type, nameOf(hit), `${hit.matched.field}: ${hit.matched.text}`, hit.id]),
    rawHeader: ['type', 'id', 'name', 'score', 'field', 'matched'],
    raw: hits.map((hit) => [hit.type, hit.id, nameOf(hit), hit.score.toFixed(3), hit.matched.field, hit.matched.text]),
  };
  io.out(renderRows(rows, hits, context));
  if (context.format === 'table') {
    if (hits.length === 0) io.err(`No match for "${safeLine(text.trim())}".\n`);
    else
      io.err(
        `${hits.length} result${hits.length === 1 ? '' : 's'}${hits.length === limit ? ` (--limit ${limit}: there may be more)` : ''}\n`,
      );
  }
  return 0;
}

function parseLimit(value: string): number {
  const limit = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new UsageError(`--limit "${value}" is not a positive integer`, 'e.g. --limit 5');
  return limit;
}

const searchOptions = {
  type: {
    value: '<type>',
    description: 'organisation, programme, event, article, person or agreement',
    choices: SEARCH_TYPES,
  },
  limit: { value: '<n>', description: 'at most this many results', default: '20' },
  lang: {
    value: '<lang>',
    description: 'fr or en: the language of event titles (default: from LANG)',
    choices: LANGUAGES,
  },
} as const;

export const command = defineCommand({
  name: 'search',
  summary: 'fuzzy search over names, acronyms, aliases, cities, descriptions and articles',
  arguments: { text: { description: 'what to look for (any case, accents optional)', variadic: true } },
  options: searchOptions,
  details: `Fuzzy, case- and accent-insensitive search over names, acronyms, aliases, cities, descriptions,
article titles and bodies. Exact ids and acronyms come first. Each result says what matched.
A text written in French and in English is found by the words of either; an event is named in
the language of --lang, else of the locale (LANG).`,
  examples: [
    { command: 'coop search "cite des fleurs"' },
    { command: 'coop search TSD' },
    { command: 'coop search e-sante --type article' },
    { command: 'coop search hopital --limit 5 --json' },
  ],
  run: (options, { io, bundledData }) => searchCommand(options.text.join(' '), options, io, bundledData),
});
