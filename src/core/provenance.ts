import { displayName, programmeWithDescendants, type AnyRecord, type BaseIndex } from './base-index.js';
import { dateSortKey } from './dates.js';
import { findDepartment, regionBySlugOrNull } from './geography.js';
import {
  eventSources,
  eventStatus,
  type Article,
  type CoopEvent,
  type Funding,
  type Organisation,
  type Programme,
  type RecordType,
} from './model.js';
import { moneyOf, type MoneyClaim } from './money.js';
import { regionOf } from './queries.js';
import type { Figure } from './schema.js';
import { citingRecords } from './views.js';

/**
 * Provenance: which article backs each fact of a record (`coop sources <id>`), and which records
 * cite each article (`coop sources`). Pure: the caller says how amounts and dates read.
 */

/** One claim of a record and the article that states it. */
interface Fact {
  /** What kind of claim: record, member, figure, member of, funding, event, budget, or a record type for an article. */
  fact: string;
  /** The claim in a few words. */
  detail: string;
  /** The article id. */
  source: string;
}

/** How values inside a detail read: raw for machines, formatted for people. */
export interface FactFormat {
  amount: (amount: number, currency: string) => string;
  date: (edtf: string) => string;
}

/** Machine form: amounts in currency units with their ISO code, dates as written (EDTF). */
export const RAW_FACT_FORMAT: FactFormat = {
  amount: (amount, currency) => `${amount} ${currency}`,
  date: (edtf) => edtf,
};

const join = (parts: ReadonlyArray<string | undefined>) =>
  parts.filter((p): p is string => p !== undefined && p !== '').join(', ');

/** A person's name for an organisation or a programme, without its acronym. */
function plainName(index: BaseIndex, id: string): string {
  const org = index.organisations.get(id);
  if (org) return org.name;
  const programme = index.programmes.get(id);
  if (programme) return programme.name;
  return id;
}

/** The short form of a programme: its acronym, else its name. */
function programmeLabel(index: BaseIndex, id: string): string {
  const programme = index.programmes.get(id);
  return programme ? (programme.short_name ?? programme.name) : id;
}

function location(org: Organisation): string | undefined {
  const department = org.department ? findDepartment(org.department) : undefined;
  const slug = regionOf(org);
  const region = slug ? (regionBySlugOrNull(slug)?.name ?? slug) : undefined;
  return join([org.city, department ? `${department.name} (${department.code})` : org.department, region]) || undefined;
}

function money(line: MoneyClaim, format: FactFormat): string {
  const m = moneyOf(line);
  const approx = m.approximate ? 'c. ' : '';
  switch (m.qualifier) {
    case 'exact':
      return format.amount(m.amount!, m.currency);
    case 'approximate':
      return `c. ${format.amount(m.amount!, m.currency)}`;
    case 'at-least':
      return `at least ${approx}${format.amount(m.amount!, m.currency)}`;
    case 'up-to':
      return `up to ${approx}${format.amount(m.amount!, m.currency)}`;
    case 'range':
      return `${approx}${format.amount(m.amount_min!, m.currency)} to ${format.amount(m.amount_max!, m.currency)}`;
  }
}

/** A planned or cancelled event says so: it is not a fact that occurred. */
function eventDetail(event: CoopEvent): string {
  const status = eventStatus(event);
  return status === 'happened' ? event.title : `${event.title} (${status})`;
}

function figureFacts(figures: readonly Figure[] | undefined): Fact[] {
  return (figures ?? []).map((f) => ({
    fact: 'figure',
    detail: `${f.metric} = ${f.value}${f.unit ? ` ${f.unit}` : ''}`,
    source: f.source,
  }));
}

function fundingDetail(index: BaseIndex, line: Funding, format: FactFormat, recipient: boolean): string {
  const base = `${line.instrument} ${money(line, format)} ${line.stage}`;
  const to =
    line.recipient !== undefined
      ? plainName(index, line.recipient)
      : line.recipients_count !== undefined
        ? `${line.recipients_count} recipients`
        : 'the programme as a whole';
  return `${base}${recipient ? ` to ${to}` : ''} (${programmeLabel(index, line.programme)})`;
}

function organisationFacts(index: BaseIndex, org: Organisation, format: FactFormat): Fact[] {
  const identity = join([
    displayName(index, org.id),
    org.kind,
    org.sector,
    location(org),
    org.founded && `founded ${format.date(org.founded)}`,
  ]);
  return [
    ...org.sources.map((source) => ({ fact: 'record', detail: identity, source })),
    ...(index.membersOf.get(org.id) ?? []).map((m) => ({
      fact: 'member',
      detail: `${plainName(index, m.org)} (${m.role})`,
      source: m.source,
    })),
    ...figureFacts(org.figures),
    ...(index.memberOf.get(org.id) ?? []).map((m) => ({
      fact: 'member of',
      detail: `${plainName(index, m.organisation)} (${m.role})`,
      source: m.source,
    })),
    ...(index.fundingByRecipient.get(org.id) ?? []).map((line) => ({
      fact: 'funding',
      detail: fundingDetail(index, line, format, false),
      source: line.source,
    })),
    ...(index.eventsByOrg.get(org.id) ?? []).flatMap((event) =>
      eventSources(event).map((source) => ({ fact: 'event', detail: eventDetail(event), source })),
    ),
  ];
}

function programmeFacts(index: BaseIndex, programme: Programme, format: FactFormat): Fact[] {
  const identity = join([
    displayName(index, programme.id),
    'programme',
    programme.launched && `launched ${format.date(programme.launched)}`,
  ]);
  // Like `show` and `funding --program`: the lines of the programmes it carries are its money too.
  const family = new Set(programmeWithDescendants(index, programme.id));
  return [
    ...programme.sources.map((source) => ({ fact: 'record', detail: identity, source })),
    ...(programme.budget ?? []).map((b) => ({
      fact: 'budget',
      detail: `${b.instrument} ${money(b, format)}`,
      source: b.source,
    })),
    ...figureFacts(programme.figures),
    ...[...family]
      .flatMap((id) => index.fundingByProgramme.get(id) ?? [])
      .map((line) => ({ fact: 'funding', detail: fundingDetail(index, line, format, true), source: line.source })),
  ];
}

/** Every fact of a record with the article behind it; for an article, the records citing it. */
export function gatherFacts(index: BaseIndex, found: AnyRecord, format: FactFormat = RAW_FACT_FORMAT): Fact[] {
  switch (found.type) {
    case 'organisation':
      return organisationFacts(index, found.record, format);
    case 'programme':
      return programmeFacts(index, found.record, format);
    case 'funding':
      return [
        { fact: 'record', detail: fundingDetail(index, found.record, format, true), source: found.record.source },
      ];
    case 'event':
      return eventSources(found.record).map((source) => ({
        fact: 'record',
        detail: eventDetail(found.record),
        source,
      }));
    case 'article':
      return citingRecords(index, found.record.id).map((c) => {
        const line = c.type === 'funding' ? index.byId.get(c.id) : undefined;
        const name = line?.type === 'funding' ? fundingDetail(index, line.record, format, true) : c.name;
        return { fact: c.type, detail: `${name} [${c.id}]`, source: found.record.id };
      });
  }
}

interface Citation {
  type: RecordType;
  id: string;
}

/**
 * Article id -> the records citing it, in one pass over the base. Same rules and order as
 * citingRecords (views.ts), which scans the whole base once per article: an organisation cites
 * through its sources, members and figures; a programme through its sources, budget and figures;
 * a funding line or an event through its source.
 */
export function citationIndex(index: BaseIndex): Map<string, Citation[]> {
  const result = new Map<string, Citation[]>();
  const add = (type: RecordType, id: string, sources: Iterable<string>) => {
    for (const source of new Set(sources)) {
      const list = result.get(source);
      if (list) list.push({ type, id });
      else result.set(source, [{ type, id }]);
    }
  };
  for (const org of index.base.organisations) {
    add('organisation', org.id, [
      ...org.sources,
      ...(org.members ?? []).map((m) => m.source),
      ...(org.figures ?? []).map((f) => f.source),
    ]);
  }
  for (const p of index.base.programmes) {
    add('programme', p.id, [
      ...p.sources,
      ...(p.budget ?? []).map((b) => b.source),
      ...(p.figures ?? []).map((f) => f.source),
    ]);
  }
  for (const line of index.base.funding) add('funding', line.id, [line.source]);
  for (const event of index.base.events) add('event', event.id, eventSources(event));
  return result;
}

/** The articles, earliest possible date first, ties by id. */
export function articlesByDate(index: BaseIndex): Article[] {
  return [...index.base.articles].sort(
    (a, b) => dateSortKey(a.date) - dateSortKey(b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
