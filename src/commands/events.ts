import { LANGUAGES, textFor } from '../core/language.js';
import { programmeWithDescendants, type BaseIndex } from '../core/base-index.js';
import { dateBounds, edtfProblem, type DateBounds } from '../core/dates.js';
import { EVENT_KINDS, EVENT_STATUSES } from '../core/enums.js';
import { eventOrgs, eventSources, eventStatus, type CoopEvent } from '../core/model.js';
import { eventDisagreements, listEvents, type EventFilters } from '../core/timeline.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { formatDate, terminalText } from '../render/format.js';
import { renderRows } from '../render/output.js';
import { renderTable } from '../render/table.js';
import { citations } from '../render/citations.js';
import { checkChoice, findRecord, openForQuery, readerLanguage, UsageError } from '../app/context.js';
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
  const reader = readerLanguage(options.lang, io);
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
  const title = (e: CoopEvent) => terminalText(e.title, reader, context.base.language);
  if (options.org !== undefined)
    filters.org = findRecord(context.index, options.org, ['organisation'], 'organisation').record.id;
  if (options.program !== undefined)
    filters.programmes = programmeWithDescendants(
      context.index,
      findRecord(context.index, options.program, ['programme'], 'programme').record.id,
    );

  const found = listEvents(context.index, filters);
  // Two events telling one fact with dates that disagree (two foundings of one organisation).
  const disputes = eventDisagreements(context.index, found);
  const sources = citations(
    [...found.flatMap(eventSources), ...[...disputes.values()].flat().flatMap((other) => other.sources)],
    context.index.articles,
  );
  // On a terminal, the events of one disputed fact are one row: the first shown, the others beneath.
  const told = new Set<string>();
  const oneRowEach = (list: CoopEvent[]) =>
    list.filter((e) => {
      if (told.has(e.id)) return false;
      for (const other of disputes.get(e.id) ?? []) told.add(other.id);
      return true;
    });
  const human = (list: CoopEvent[]) => {
    const beneath = new Map<number, string>();
    const cells = list.map((e, i) => {
      const others = disputes.get(e.id);
      if (others)
        beneath.set(
          i,
          others.map((o) => `≠ ${formatDate(o.date)} ${o.sources.map(sources.cite).join(' ')} (${o.id})`).join('; '),
        );
      return [
        others ? `${formatDate(e.date)} ≠` : formatDate(e.date),
        e.kind,
        eventStatus(e) === 'cancelled' ? `${title(e)} (cancelled)` : title(e),
        eventOrgs(e)
          .map((id) => shortName(context.index, id))
          .join('; '),
        e.place ?? '',
        eventSources(e).map(sources.cite).join(' '),
      ];
    });
    return { cells, beneath };
  };
  // In a pipe, every event keeps its row; `disputed` gives every date of the fact with its articles.
  const disputed = (e: CoopEvent) => {
    const others = disputes.get(e.id);
    if (!others) return '';
    const dates = [{ date: e.date, sources: eventSources(e) }, ...others].sort(
      (a, b) => (dateBounds(a.date)?.min ?? 0) - (dateBounds(b.date)?.min ?? 0),
    );
    return `date: ${dates.map((d) => `${d.date} ${d.sources.join(',')}`).join(' / ')}`;
  };
  // Planned events are not facts that occurred: on a terminal they come apart, after the timeline.
  const occurred = oneRowEach(found.filter((e) => eventStatus(e) !== 'planned'));
  const planned = found.filter((e) => eventStatus(e) === 'planned');
  const table = (list: CoopEvent[]) => {
    const { cells, beneath } = human(list);
    return renderTable(HUMAN_HEADER, cells, { width: context.width, paint: context.paint, beneath });
  };
  if (context.format !== 'table') {
    const rows = {
      humanHeader: HUMAN_HEADER,
      human: [],
      rawHeader: ['id', 'date', 'kind', 'title', 'orgs', 'programme', 'place', 'source', 'status', 'disputed'],
      raw: found.map((e) => [
        e.id,
        e.date,
        e.kind,
        textFor(e.title, reader, context.base.language),
        eventOrgs(e).join(','),
        e.programme ?? '',
        e.place ?? '',
        eventSources(e).join(','),
        eventStatus(e),
        disputed(e),
      ]),
    };
    // JSON: the records as they are; a disputed one gains `disputed`, the other events of its fact.
    const json = found.map((e) => (disputes.has(e.id) ? { ...e, disputed: disputes.get(e.id) } : e));
    io.out(renderRows(rows, json, context));
    return 0;
  }
  if (occurred.length > 0) io.out(table(occurred));
  if (planned.length > 0)
    io.out(`${occurred.length > 0 ? '\n' : ''}${context.paint.bold.underline('Planned')}\n${table(planned)}`);
  if (found.length > 0) io.out(`\n${sources.table(context.width, context.paint)}`);
  const count = `${occurred.length} event${occurred.length === 1 ? '' : 's'}`;
  const disputedCount = occurred.filter((e) => disputes.has(e.id)).length;
  io.err(
    found.length === 0
      ? 'No event matches.\n'
      : `${count}${disputedCount > 0 ? `, ${disputedCount} disputed` : ''}${planned.length > 0 ? `, ${planned.length} planned` : ''}\n`,
  );
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
  lang: {
    value: '<lang>',
    description: 'fr or en: the language of the titles (default: from LANG)',
    choices: LANGUAGES,
  },
} as const;

export const command = defineCommand({
  name: 'events',
  summary: 'a timeline of events, filtered by organisation, kind, dates or region',
  options: eventsOptions,
  details: `A timeline, earliest first. Uncertain (?) and approximate (c.) dates are shown as such; an event
whose date is a span is kept when the span meets the --from/--to range. Planned events (status: planned)
are listed apart, under "Planned", after the events that happened; in a pipe the status column says which.
--program takes an id, a name or an acronym and includes the programmes it carries.

Where articles disagree on a fact that happens once, the founding of an organisation (the first of
an event's orgs) dated so that no moment fits both, the events of that fact are one row on a
terminal, its date marked "≠", each other date beneath with its reference; the count says how many
are disputed. In a pipe every event keeps its row, and the disputed column gives every date with its
articles; with --json a disputed event gains "disputed": the other events, with their dates and
sources.

A title written in both languages is shown in the one of --lang, else of the locale (LANG); on a
terminal, a title the chosen language lacks is marked with the language it is in, "(fr)".`,
  examples: [
    { command: 'coop events --org alliance-ouest-parisien' },
    { command: 'coop events --kind award' },
    { command: 'coop events --from 2017 --to 2019-06' },
    { command: 'coop events --region grand-est --json' },
    { command: 'coop events --program PIA --status planned' },
  ],
  run: (options, { io, bundledData }) => eventsCommand(options, io, bundledData),
});
