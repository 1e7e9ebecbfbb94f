import { programmeWithDescendants, type BaseIndex } from '../core/base-index.js';
import { dateBounds, edtfProblem, type DateBounds } from '../core/dates.js';
import { EVENT_KINDS, EVENT_STATUSES } from '../core/enums.js';
import { eventOrgs, eventSources, eventStatus, type CoopEvent } from '../core/model.js';
import { listEvents, type EventFilters } from '../core/timeline.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { formatDate } from '../render/format.js';
import { renderRows } from '../render/output.js';
import { renderTable } from '../render/table.js';
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
  checkChoice(options.status, EVENT_STATUSES, '--status');
  const from = dateOption(options.from, '--from');
  const to = dateOption(options.to, '--to');
  if (from && to && from.min > to.max) {
    // cli.ts escapes every message it prints: what was typed reaches the terminal safely.
    throw new UsageError(
      `--from ${options.from!.trim()} is after --to ${options.to!.trim()}`,
      'the range holds no date: swap them?',
    );
  }
  const filters: EventFilters = { kind: options.kind, status: options.status, from: from?.min, to: to?.max };
  if (options.region !== undefined) filters.region = resolveRegionOption(options.region).slug;

  const context = await openForQuery(options, io, bundledData);
  if (options.org !== undefined)
    filters.org = findRecord(context.index, options.org, ['organisation'], 'organisation').record.id;
  if (options.program !== undefined)
    filters.programmes = programmeWithDescendants(
      context.index,
      findRecord(context.index, options.program, ['programme'], 'programme').record.id,
    );

  const found = listEvents(context.index, filters);
  const sources = citations(found.flatMap(eventSources), context.index.articles);
  const human = (list: CoopEvent[]) =>
    list.map((e) => [
      formatDate(e.date),
      e.kind,
      eventStatus(e) === 'cancelled' ? `${e.title} (cancelled)` : e.title,
      eventOrgs(e)
        .map((id) => shortName(context.index, id))
        .join('; '),
      e.place ?? '',
      eventSources(e).map(sources.cite).join(' '),
    ]);
  // Planned events are not facts that occurred: on a terminal they come apart, after the timeline.
  const occurred = found.filter((e) => eventStatus(e) !== 'planned');
  const planned = found.filter((e) => eventStatus(e) === 'planned');
  const rows = {
    humanHeader: HUMAN_HEADER,
    human: human(occurred),
    rawHeader: ['id', 'date', 'kind', 'title', 'orgs', 'programme', 'place', 'source', 'status'],
    raw: found.map((e) => [
      e.id,
      e.date,
      e.kind,
      e.title,
      eventOrgs(e).join(','),
      e.programme ?? '',
      e.place ?? '',
      eventSources(e).join(','),
      eventStatus(e),
    ]),
  };
  io.out(renderRows(rows, found, context));
  if (context.format === 'table') {
    if (planned.length > 0)
      io.out(
        `${occurred.length > 0 ? '\n' : ''}${context.paint.bold.underline('Planned')}\n` +
          renderTable(HUMAN_HEADER, human(planned), { width: context.width, paint: context.paint }),
      );
    if (found.length > 0) io.out(`\n${sources.table(context.width, context.paint)}`);
    const count = `${occurred.length} event${occurred.length === 1 ? '' : 's'}`;
    io.err(
      found.length === 0
        ? 'No event matches.\n'
        : `${count}${planned.length > 0 ? `, ${planned.length} planned` : ''}\n`,
    );
  }
  return 0;
}

const HUMAN_HEADER = ['Date', 'Kind', 'Event', 'Organisations', 'Place', 'Source'];

const eventsOptions = {
  org: { value: '<id>', description: 'events involving this organisation', completes: 'organisation' },
  kind: { value: '<kind>', description: 'founding, joining, announcement, award, ...', choices: EVENT_KINDS },
  from: { value: '<date>', description: 'events that may happen on or after this date (EDTF)' },
  to: { value: '<date>', description: 'events that may happen on or before this date (EDTF)' },
  region: { value: '<region>', description: 'events involving an organisation of this region' },
  program: {
    value: '<id>',
    description: 'events of this programme or of the programmes it carries',
    completes: 'programme',
    aliases: ['--programme'],
  },
  status: { value: '<status>', description: EVENT_STATUSES.join(', '), choices: EVENT_STATUSES },
} as const;

export const command = defineCommand({
  name: 'events',
  summary: 'a timeline of events, filtered by organisation, kind, dates or region',
  options: eventsOptions,
  details: `A timeline, earliest first. Uncertain (?) and approximate (c.) dates are shown as such; an event
whose date is a span is kept when the span meets the --from/--to range. Planned events (status: planned)
are listed apart, under "Planned", after the events that happened; in a pipe the status column says which.
--program takes an id, a name or an acronym and includes the programmes it carries.`,
  examples: [
    { command: 'coop events --org alliance-ouest-parisien' },
    { command: 'coop events --kind award' },
    { command: 'coop events --from 2017 --to 2019-06' },
    { command: 'coop events --region grand-est --json' },
    { command: 'coop events --program PIA --status planned' },
  ],
  run: (options, { io, bundledData }) => eventsCommand(options, io, bundledData),
});
