import { textFor, type Language } from './language.js';
import { displayName, programmeWithDescendants, type AnyRecord, type BaseIndex } from './base-index.js';
import { dateSortKey } from './dates.js';
import {
  disputedValues,
  fieldSourceArticles,
  fieldText,
  hasFieldProvenance,
  sourceableFields,
  sourcesOfField,
} from './field-sources.js';
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
import { ownerLinks } from './memberships.js';
import { figureValue, moneyOf, type Money, type MoneyClaim } from './money.js';
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
  /** The article id; none for a field from common knowledge or backed by the record's sources. */
  source?: string;
  /** For a fact about one field of the record (fact "field" or "disputed"): the field's name. */
  field?: string;
  /** For a field without an article of its own: where its value comes from instead. */
  basis?: 'common-knowledge' | 'record-sources';
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
  return `${hedged(m, (value) => format.amount(value, m.currency))}${perYear(m)}`;
}

const perYear = (m: Money) => (m.per === undefined ? '' : ' per year');

/** "c. 68000", "at least 120", "20 to 30". */
function hedged(m: Money, number: (value: number) => string): string {
  const approx = m.approximate ? 'c. ' : '';
  switch (m.qualifier) {
    case 'exact':
      return `${number(m.amount!)}`;
    case 'approximate':
      return `c. ${number(m.amount!)}`;
    case 'at-least':
      return `at least ${approx}${number(m.amount!)}`;
    case 'up-to':
      return `up to ${approx}${number(m.amount!)}`;
    case 'range':
      return `${approx}${number(m.amount_min!)} to ${number(m.amount_max!)}`;
  }
}

/** A planned or cancelled event says so: it is not a fact that occurred. */
function eventDetail(event: CoopEvent, language: Language): string {
  const status = eventStatus(event);
  const title = textFor(event.title, undefined, language);
  return status === 'happened' ? title : `${title} (${status})`;
}

function figureFacts(figures: readonly Figure[] | undefined): Fact[] {
  return (figures ?? []).map((f) => ({
    fact: 'figure',
    detail: `${f.metric} = ${hedged(figureValue(f), String)}${f.unit ? ` ${f.unit}` : ''}${perYear(figureValue(f))}`,
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

/**
 * The record field by field, once it says where its fields come from (field_sources, disputed):
 * its sources first, then each field with the articles that state it, or common knowledge, or the
 * record's sources as the fallback, and beneath it the other values other articles give.
 */
function fieldFacts(index: BaseIndex, record: Organisation | Programme, format: FactFormat): Fact[] {
  const text = (field: string, value: unknown) => fieldText(field, value, format.date);
  const facts: Fact[] = record.sources.map((source) => ({
    fact: 'record',
    detail: displayName(index, record.id),
    source,
  }));
  for (const field of sourceableFields(record)) {
    const detail = `${field}: ${text(field, (record as unknown as Record<string, unknown>)[field])}`;
    const from = departmentRegion(record, field)
      ? { basis: 'common-knowledge' as const }
      : sourcesOfField(record, field);
    if (from.basis === 'articles')
      facts.push(...from.articles.map((source) => ({ fact: 'field', field, detail, source })));
    else facts.push({ fact: 'field', field, detail, basis: from.basis });
    for (const other of disputedValues(record, field)) {
      const claim = `${field}: ${text(field, other.value)}${other.note ? ` (${other.note})` : ''}`;
      facts.push(...other.sources.map((source) => ({ fact: 'disputed', field, detail: claim, source })));
    }
  }
  return facts;
}

/**
 * A region that is its department's, and that field_sources does not source, is common knowledge:
 * validate fills it in from the department when the file leaves it out, so no article backs it.
 */
function departmentRegion(record: Organisation | Programme, field: string): boolean {
  if (field !== 'region' || !('department' in record) || record.field_sources?.region !== undefined) return false;
  return record.department !== undefined && regionOf({ department: record.department }) === record.region;
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
    ...(hasFieldProvenance(org)
      ? fieldFacts(index, org, format)
      : org.sources.map((source) => ({ fact: 'record', detail: identity, source }))),
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
      eventSources(event).map((source) => ({ fact: 'event', detail: eventDetail(event, index.base.language), source })),
    ),
    ...territoryFacts(org),
    ...historyFacts(index, org, format),
    ...(index.agreementsByOrg.get(org.id) ?? []).flatMap((agreement) =>
      agreement.sources.map((source) => ({ fact: 'agreement', detail: agreement.name, source })),
    ),
  ];
}

/** Owners, former names and legal milestones: each with its own source (the record's when none). */
function historyFacts(index: BaseIndex, org: Organisation, format: FactFormat): Fact[] {
  const cited = (source: string | undefined) => (source === undefined ? org.sources : [source]);
  return [
    ...ownerLinks(org).flatMap((link) =>
      cited(link.source).map((source) => ({
        fact: 'owner',
        detail: join([
          plainName(index, link.org),
          'share' in link && link.share !== undefined ? `${link.share} %` : undefined,
          link.since && `since ${format.date(link.since)}`,
          link.until && `until ${format.date(link.until)}`,
        ]),
        source,
      })),
    ),
    ...(org.former_names ?? []).flatMap((former) =>
      cited(former.source).map((source) => ({
        fact: 'former name',
        detail: join([former.name, former.until && `until ${format.date(former.until)}`]),
        source,
      })),
    ),
    ...(org.milestones ?? []).map((milestone) => ({
      fact: 'milestone',
      detail: join([
        milestone.kind,
        format.date(milestone.date),
        milestone.by && `by ${plainName(index, milestone.by)}`,
        milestone.act,
      ]),
      source: milestone.source,
    })),
  ];
}

/** Population, sites and authorisations: each with its own source. */
function territoryFacts(org: Organisation): Fact[] {
  return [
    ...(org.population
      ? [
          {
            fact: 'population',
            detail: `${org.population.approximate ? 'about ' : ''}${org.population.value}`,
            source: org.population.source,
          },
        ]
      : []),
    ...(org.sites ?? []).map((site) => ({ fact: 'site', detail: site.name, source: site.source })),
    ...(org.authorisations ?? []).map((a) => ({
      fact: 'authorisation',
      detail: `${a.activity} (${a.status})`,
      source: a.source,
    })),
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
    ...(hasFieldProvenance(programme)
      ? fieldFacts(index, programme, format)
      : programme.sources.map((source) => ({ fact: 'record', detail: identity, source }))),
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
        detail: eventDetail(found.record, index.base.language),
        source,
      }));
    case 'agreement':
      return found.record.sources.map((source) => ({ fact: 'record', detail: found.record.name, source }));
    case 'article':
      return citingRecords(index, found.record.id).map((c) => {
        const line = c.type === 'funding' ? index.byId.get(c.id) : undefined;
        const name = line?.type === 'funding' ? fundingDetail(index, line.record, format, true) : c.name;
        return { fact: c.type, detail: `${name} [${c.id}]`, source: found.record.id };
      });
    case 'person':
      return [
        ...found.record.sources.map((source) => ({ fact: 'record', detail: found.record.name, source })),
        ...(found.record.roles ?? []).map((role) => ({
          fact: 'role',
          detail: role.org ? `${role.role}, ${displayName(index, role.org)} [${role.org}]` : role.role,
          source: role.source,
        })),
      ];
  }
}

interface Citation {
  type: RecordType;
  id: string;
}

/**
 * Article id -> the records citing it, in one pass over the base. Same rules and order as
 * citingRecords (views.ts), which scans the whole base once per article: an organisation cites
 * through its sources, field sources, members and figures; a programme through its sources, field
 * sources, budget and figures (field sources: field_sources and disputed);
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
      ...fieldSourceArticles(org),
      ...(org.members ?? []).map((m) => m.source),
      ...(org.figures ?? []).map((f) => f.source),
      ...(org.population ? [org.population.source] : []),
      ...(org.sites ?? []).map((site) => site.source),
      ...(org.authorisations ?? []).map((a) => a.source),
      ...ownerLinks(org).flatMap((link) => (link.source ? [link.source] : [])),
      ...(org.former_names ?? []).flatMap((former) => (former.source ? [former.source] : [])),
      ...(org.milestones ?? []).map((milestone) => milestone.source),
    ]);
  }
  for (const p of index.base.programmes) {
    add('programme', p.id, [
      ...p.sources,
      ...fieldSourceArticles(p),
      ...(p.budget ?? []).map((b) => b.source),
      ...(p.figures ?? []).map((f) => f.source),
    ]);
  }
  for (const line of index.base.funding) add('funding', line.id, [line.source]);
  for (const event of index.base.events) add('event', event.id, eventSources(event));
  for (const agreement of index.base.agreements) add('agreement', agreement.id, agreement.sources);
  return result;
}

/** The articles, earliest possible date first, ties by id. */
export function articlesByDate(index: BaseIndex): Article[] {
  return [...index.base.articles].sort(
    (a, b) => dateSortKey(a.date) - dateSortKey(b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
