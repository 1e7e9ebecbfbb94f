import type { BaseIndex } from '../core/base-index.js';
import { dateBounds, edtfProblem, type DateBounds } from '../core/dates.js';
import { EVENT_KINDS } from '../core/enums.js';
import { listEvents, type EventFilters } from '../core/timeline.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { formatDate } from '../render/format.js';
import { renderRows } from '../render/output.js';
import { citations } from '../render/citations.js';
import { checkChoice, findRecord, openForQuery, UsageError } from '../app/context.js';
import { resolveRegionOption } from '../app/region-option.js';

type EventsOptions = CommandInput<typeof eventsOptions>;

/** An EDTF date given on the command line, as the span it may cover; a usage error with the reason otherwise. */
function dateOption(value: string | undefined, option: string): DateBounds | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const problem = edtfProblem(text);
  const bounds = problem === undefined ? dateBounds(text) : undefined;
  // edtfProblem's reason quotes what was typed: escaped, like anything shown that came from outside.
  if (!bounds) throw new UsageError(`${option}: ${problem ?? `"${text}" is not a valid EDTF date`}`);
  return bounds;
}

/** How an organisation is named in a crowded cell: its acronym, else its name. */
function shortName(index: BaseIndex, id: string): string {
  const org = index.organisations.get(id);
  return org ? (org.short_name ?? org.name) : id;
}

async function eventsCommand(options: EventsOptions, io: IO, bundledData: string): Promise<number> {
  checkChoice(options.kind, EVENT_KINDS, '--kind');
  const from = dateOption(options.from, '--from');
  const to = dateOption(options.to, '--to');
  if (from && to && from.min > to.max) {
    // cli.ts escapes every message it prints: what was typed reaches the terminal safely.
    throw new UsageError(
      `--from ${options.from!.trim()} is after --to ${options.to!.trim()}`,
      'the range holds no date: swap them?',
    );
  }
  const filters: EventFilters = { kind: options.kind, from: from?.min, to: to?.max };
  if (options.region !== undefined) filters.region = resolveRegionOption(options.region).slug;

  const context = await openForQuery(options, io, bundledData);
  if (options.org !== undefined)
    filters.org = findRecord(context.index, options.org, ['organisation'], 'organisation').record.id;

  const found = listEvents(context.index, filters);
  const sources = citations(
    found.map((e) => e.source),
    context.index.articles,
  );
  const rows = {
    humanHeader: ['Date', 'Kind', 'Event', 'Organisations', 'Place', 'Source'],
    human: found.map((e) => [
      formatDate(e.date),
      e.kind,
      e.title,
      (e.orgs ?? []).map((id) => shortName(context.index, id)).join('; '),
      e.place ?? '',
      sources.cite(e.source),
    ]),
    rawHeader: ['id', 'date', 'kind', 'title', 'orgs', 'programme', 'place', 'source'],
    raw: found.map((e) => [
      e.id,
      e.date,
      e.kind,
      e.title,
      (e.orgs ?? []).join(','),
      e.programme ?? '',
      e.place ?? '',
      e.source,
    ]),
  };
  io.out(renderRows(rows, found, context));
  if (context.format === 'table') {
    if (found.length > 0) io.out(`\n${sources.table(context.width, context.paint)}`);
    io.err(found.length === 0 ? 'No event matches.\n' : `${found.length} event${found.length === 1 ? '' : 's'}\n`);
  }
  return 0;
}

const eventsOptions = {
  org: { value: '<id>', description: 'events involving this organisation', completes: 'organisation' },
  kind: { value: '<kind>', description: 'founding, joining, announcement, award, ...', choices: EVENT_KINDS },
  from: { value: '<date>', description: 'events that may happen on or after this date (EDTF)' },
  to: { value: '<date>', description: 'events that may happen on or before this date (EDTF)' },
  region: { value: '<region>', description: 'events involving an organisation of this region' },
} as const;

export const command = defineCommand({
  name: 'events',
  summary: 'a timeline of events, filtered by organisation, kind, dates or region',
  options: eventsOptions,
  details: `A timeline, earliest first. Uncertain (?) and approximate (c.) dates are shown as such; an event
whose date is a span is kept when the span meets the --from/--to range.`,
  examples: [
    { command: 'coop events --org alliance-ouest-parisien' },
    { command: 'coop events --kind award' },
    { command: 'coop events --from 2017 --to 2019-06' },
    { command: 'coop events --region grand-est --json' },
  ],
  run: (options, { io, bundledData }) => eventsCommand(options, io, bundledData),
});
