import type { Base, Organisation } from './model.js';
import { foundedOf } from './history.js';
import { ownerLinks } from './memberships.js';
import { regionOf } from './queries.js';
import {
  agreementSchema,
  articleFrontMatterSchema,
  eventSchema,
  fundingLineSchema,
  organisationSchema,
  personSchema,
  programmeSchema,
} from './schema.js';

/**
 * `coop export`: the whole base as plain records, one table per record type plus the lists held
 * inside records flattened out, one row an item: memberships (of organisations), person_roles (of
 * people) and article_people (the people each article names). Pure: the command picks the format.
 */

export const EXPORT_TABLES = [
  'organisations',
  'memberships',
  'programmes',
  'funding',
  'events',
  'articles',
  'persons',
  'person_roles',
  'article_people',
  'agreements',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** A record as exported: field name -> value, keys in the table's column order. */
type ExportRecord = Record<string, unknown>;
type Export = Record<ExportTable, ExportRecord[]>;

/** Schema fields, id first; `file` (the path relative to the data folder) last. */
const columnsOf = (shape: object, extra: readonly string[] = []): string[] => [
  'id',
  ...Object.keys(shape).filter((key) => key !== 'id'),
  ...extra,
  'file',
];

/**
 * The columns of each table, in a fixed order. They follow the schemas, so a field added to the
 * model is exported without anyone remembering to. Internal flags (regionDerived) are not columns.
 */
export const EXPORT_COLUMNS: Record<ExportTable, readonly string[]> = {
  organisations: organisationColumns(),
  memberships: ['organisation', 'member', 'role', 'status', 'since', 'until', 'note', 'source'],
  programmes: columnsOf(programmeSchema.shape),
  funding: columnsOf(fundingLineSchema.shape),
  events: columnsOf(eventSchema.shape),
  articles: columnsOf(articleFrontMatterSchema.shape, ['body']),
  persons: columnsOf(personSchema.shape),
  person_roles: ['person', 'role', 'org', 'since', 'until', 'note', 'source'],
  article_people: ['article', 'name', 'person', 'role', 'org'],
  agreements: columnsOf(agreementSchema.shape),
};

/**
 * The organisation's columns: `parent` is read into `owners` (its new name), and `founded`, derived
 * from the convention's milestones when not given, says so in `founded_derived_from`.
 */
function organisationColumns(): string[] {
  return columnsOf(organisationSchema.shape)
    .filter((column) => column !== 'parent')
    .flatMap((column) => (column === 'founded' ? ['founded', 'founded_derived_from'] : [column]));
}

function exportedOrganisation(org: Organisation): ExportRecord {
  const owners = ownerLinks(org);
  const founded = foundedOf(org);
  return pick(
    {
      ...org,
      region: regionOf(org),
      owners: owners.length > 0 ? owners : undefined,
      founded: founded?.date,
      founded_derived_from: founded?.derivedFrom,
    },
    EXPORT_COLUMNS.organisations,
  );
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The record's fields in column order; absent fields are left out (null with `nulls`). */
function pick(record: object, columns: readonly string[], nulls = false): ExportRecord {
  const values = record as Record<string, unknown>;
  const result: ExportRecord = {};
  for (const column of columns) {
    const value = values[column];
    if (value !== undefined) result[column] = value;
    else if (nulls) result[column] = null;
  }
  return result;
}

function byId<T extends { id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => compareIds(a.id, b.id));
}

/** Every membership claim, one row each, every row with the same keys (null when absent). */
function memberships(base: Base): ExportRecord[] {
  const rows = base.organisations.flatMap((org) =>
    (org.members ?? []).map((member) => ({
      organisation: org.id,
      member: member.org,
      role: member.role,
      status: member.status ?? 'member',
      since: member.since,
      until: member.until,
      note: member.note,
      source: member.source,
    })),
  );
  const key = (row: (typeof rows)[number]) => [
    row.organisation,
    row.member,
    row.role,
    row.status,
    row.since ?? '',
    row.until ?? '',
    row.source,
    cellText(row.note),
  ];
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const order = compareIds(ka[i]!, kb[i]!);
      if (order !== 0) return order;
    }
    return 0;
  });
  return rows.map((row) => pick(row, EXPORT_COLUMNS.memberships, true));
}

/** Each person's roles, in the order of their file, people by id. */
function personRoles(base: Base): ExportRecord[] {
  return byId(base.people).flatMap((person) =>
    (person.roles ?? []).map((role) => pick({ person: person.id, ...role }, EXPORT_COLUMNS.person_roles, true)),
  );
}

/** The people each article names, in the order of its front matter, articles by id. */
function articlePeople(base: Base): ExportRecord[] {
  return byId(base.articles).flatMap((article) =>
    (article.people ?? []).map((named) => pick({ article: article.id, ...named }, EXPORT_COLUMNS.article_people, true)),
  );
}

/**
 * One table, records sorted by id (memberships by structure, then member, role and dates; the
 * rows of a list held in a record in the order of its file).
 */
export function exportTable(base: Base, table: ExportTable): ExportRecord[] {
  switch (table) {
    case 'organisations':
      return byId(base.organisations).map(exportedOrganisation);
    case 'memberships':
      return memberships(base);
    case 'programmes':
      // A programme that does not say what it is is a plain programme: the column is never empty.
      return byId(base.programmes).map((programme) =>
        pick({ ...programme, nature: programme.nature ?? 'programme' }, EXPORT_COLUMNS.programmes),
      );
    case 'funding':
      return byId(base.funding).map((line) => pick(line, EXPORT_COLUMNS.funding));
    case 'events':
      return byId(base.events).map((event) => pick(event, EXPORT_COLUMNS.events));
    case 'articles':
      return byId(base.articles).map((article) => pick(article, EXPORT_COLUMNS.articles));
    case 'persons':
      return byId(base.people).map((person) => pick(person, EXPORT_COLUMNS.persons));
    case 'person_roles':
      return personRoles(base);
    case 'article_people':
      return articlePeople(base);
    case 'agreements':
      return byId(base.agreements).map((agreement) => pick(agreement, EXPORT_COLUMNS.agreements));
  }
}

/** The whole base: one array a table, {organisations, memberships, ..., article_people, agreements}. */
export function exportBase(base: Base): Export {
  return Object.fromEntries(EXPORT_TABLES.map((table) => [table, exportTable(base, table)])) as Export;
}

/**
 * One value as a single CSV cell: lists of text joined with "; ", nested structures (members,
 * figures, budget, identifiers, people) as JSON text, absent as empty.
 */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join('; ');
  return JSON.stringify(value);
}

/** A table as rows of cells, in the table's column order. */
export function tableRows(table: ExportTable, records: readonly ExportRecord[]): string[][] {
  return records.map((record) => EXPORT_COLUMNS[table].map((column) => cellText(record[column])));
}
