import { everyVersion, isTranslations, textFor, type Language, type Text } from '../core/language.js';
import { dateBounds } from '../core/dates.js';
import { EXPORT_COLUMNS, EXPORT_TABLES, exportTable, type ExportTable } from '../core/export.js';
import { eventSources, type Base } from '../core/model.js';

/**
 * `coop export --format sql`: the base as SQL text that `sqlite3` and `psql -f` load, produced as a
 * stream of complete statements so that a base of any size is never held as one string.
 *
 * Representation choices, the same in both dialects where the engines allow:
 * - tables and columns are those of `coop export`; every EDTF date column keeps its text and gains
 *   `<column>_start` / `<column>_end`, the first and last day it can mean (ISO, sortable; NULL for
 *   an open end or a date coop cannot read);
 * - lists and nested structures (aliases, sources, members, figures...) are JSON: TEXT in SQLite,
 *   jsonb in PostgreSQL. jsonb rather than text[] because the nested ones (figures, budget, people)
 *   need JSON anyway, and one representation keeps lists and objects queried the same way;
 * - control, bidi and line-separator characters are written as char(n) / chr(n) joined to the
 *   quoted text, never raw: the value is exact and printing the SQL on a terminal stays safe.
 */

/** A row of `coop export`'s tables. */
type ExportRecord = Record<string, unknown>;

export const SQL_DIALECTS = ['sqlite', 'postgres'] as const;
export type SqlDialect = (typeof SQL_DIALECTS)[number];

type ColumnKind = 'text' | 'date' | 'day' | 'integer' | 'boolean' | 'json';

/**
 * The kind of every exported column. A column missing here makes renderSql throw (a test covers
 * every column of EXPORT_COLUMNS): a field added to the model must be given a type deliberately.
 */
const COLUMN_KINDS: Record<string, ColumnKind> = {
  id: 'text',
  name: 'text',
  short_name: 'text',
  aliases: 'json',
  kind: 'text',
  sector: 'text',
  legal_form: 'text',
  parent: 'text',
  owners: 'json',
  former_names: 'json',
  successor: 'text',
  milestones: 'json',
  founded_derived_from: 'text',
  participants: 'json',
  region: 'text',
  department: 'text',
  city: 'text',
  founded: 'date',
  dissolved: 'date',
  identifiers: 'json',
  website: 'text',
  description: 'text',
  activities: 'json',
  shared_resources: 'json',
  figures: 'json',
  members: 'json',
  note: 'text',
  sources: 'json',
  file: 'text',
  organisation: 'text',
  member: 'text',
  role: 'text',
  since: 'date',
  until: 'date',
  source: 'text',
  funder: 'text',
  launched: 'date',
  budget: 'json',
  programme: 'text',
  recipient: 'text',
  instrument: 'text',
  amount: 'integer',
  currency: 'text',
  stage: 'text',
  upper_bound: 'boolean',
  date: 'date',
  title: 'text',
  orgs: 'json',
  place: 'text',
  outlet: 'text',
  authors: 'json',
  url: 'text',
  language: 'text',
  section: 'text',
  people: 'json',
  body: 'text',
  field_sources: 'json',
  disputed: 'json',
  members_complete: 'boolean',
  labels: 'json',
  qualifications: 'json',
  law: 'text',
  gcs_type: 'text',
  field: 'text',
  at_least: 'boolean',
  approximate: 'boolean',
  amount_max: 'integer',
  amount_min: 'integer',
  per_recipient_max: 'integer',
  per_recipient_min: 'integer',
  recipients_count: 'integer',
  closes: 'date',
  opens: 'date',
  also_published: 'json',
  status: 'text',
  departments: 'json',
  communes: 'json',
  epci: 'json',
  population: 'json',
  sites: 'json',
  authorisations: 'json',
  parties: 'json',
  period: 'json',
  roles: 'json',
  person: 'text',
  org: 'text',
  article: 'text',
  nature: 'text',
  recurrence: 'text',
  purpose: 'text',
  per: 'text',
  from: 'date',
};

interface SqlColumn {
  name: string;
  kind: ColumnKind;
  /** The EDTF column a day column is derived from, and which end of it. */
  derived?: { from: string; end: 'start' | 'end' };
}

/** A table's columns: the export's, then a start and end day for each EDTF date. */
export function sqlColumns(table: ExportTable): SqlColumn[] {
  const columns: SqlColumn[] = EXPORT_COLUMNS[table].map((name) => {
    const kind = COLUMN_KINDS[name];
    if (kind === undefined) throw new Error(`coop export --format sql: no SQL type for column ${table}.${name}`);
    return { name, kind };
  });
  const days = columns
    .filter((c) => c.kind === 'date')
    .flatMap((c): SqlColumn[] => [
      { name: `${c.name}_start`, kind: 'day', derived: { from: c.name, end: 'start' } },
      { name: `${c.name}_end`, kind: 'day', derived: { from: c.name, end: 'end' } },
    ]);
  return [...columns, ...days];
}

const SQL_TYPES: Record<SqlDialect, Record<ColumnKind, string>> = {
  sqlite: { text: 'TEXT', date: 'TEXT', day: 'TEXT', integer: 'INTEGER', boolean: 'INTEGER', json: 'TEXT' },
  // Amounts are whole currency units up to 2^53: bigint.
  postgres: { text: 'text', date: 'text', day: 'date', integer: 'bigint', boolean: 'boolean', json: 'jsonb' },
};

/** References between tables: declared for readers and tools (Datasette links them). */
interface ForeignKey {
  table: string;
  column: string;
  target: 'organisations' | 'programmes' | 'articles' | 'persons';
}

const FOREIGN_KEYS: readonly ForeignKey[] = [
  { table: 'organisations', column: 'successor', target: 'organisations' },
  { table: 'memberships', column: 'organisation', target: 'organisations' },
  { table: 'memberships', column: 'member', target: 'organisations' },
  { table: 'memberships', column: 'source', target: 'articles' },
  { table: 'programmes', column: 'parent', target: 'programmes' },
  { table: 'programmes', column: 'funder', target: 'organisations' },
  { table: 'funding', column: 'programme', target: 'programmes' },
  { table: 'funding', column: 'recipient', target: 'organisations' },
  { table: 'funding', column: 'funder', target: 'organisations' },
  { table: 'funding', column: 'source', target: 'articles' },
  { table: 'events', column: 'programme', target: 'programmes' },
  { table: 'events', column: 'source', target: 'articles' },
  { table: 'person_roles', column: 'person', target: 'persons' },
  { table: 'person_roles', column: 'org', target: 'organisations' },
  { table: 'person_roles', column: 'source', target: 'articles' },
  { table: 'article_people', column: 'article', target: 'articles' },
  { table: 'article_people', column: 'person', target: 'persons' },
  { table: 'article_people', column: 'org', target: 'organisations' },
  { table: 'citations', column: 'article', target: 'articles' },
];

const INDEXES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['organisations', ['region']],
  ['organisations', ['kind']],
  ['organisations', ['successor']],
  ['memberships', ['organisation']],
  ['memberships', ['member']],
  ['programmes', ['parent']],
  ['funding', ['programme']],
  ['funding', ['recipient']],
  ['events', ['programme']],
  ['events', ['date_start']],
  ['articles', ['date_start']],
  ['person_roles', ['person']],
  ['person_roles', ['org']],
  ['article_people', ['article']],
  ['article_people', ['person']],
  ['citations', ['record_type', 'record_id']],
  ['citations', ['article']],
];

/** The citations table: one row per fact and the article it cites. */
export const CITATION_COLUMNS = ['record_type', 'record_id', 'field', 'claim', 'article'] as const;
/** The full-text table: one row per record, the text people search for. */
export const SEARCH_COLUMNS = ['record_type', 'record_id', 'name', 'aliases', 'description', 'summary'] as const;

/** Characters never written raw: C0 controls but tab and line feed, DEL, C1, bidi controls, line separators. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/;
const UNSAFE_GLOBAL = new RegExp(UNSAFE.source, 'g');

/**
 * A string as an SQL expression of exactly that value: quoted, quotes doubled. Backslashes need
 * nothing (standard strings: SQLite always, PostgreSQL with standard_conforming_strings, set at
 * the top of the script); unsafe characters are concatenated as char(n) (SQLite) or chr(n).
 */
export function sqlString(value: string, dialect: SqlDialect): string {
  if (!UNSAFE.test(value)) return `'${value.replaceAll("'", "''")}'`;
  const charFunction = dialect === 'sqlite' ? 'char' : 'chr';
  const parts: string[] = [];
  let last = 0;
  for (const match of value.matchAll(UNSAFE_GLOBAL)) {
    if (match.index > last) parts.push(`'${value.slice(last, match.index).replaceAll("'", "''")}'`);
    parts.push(`${charFunction}(${match[0].codePointAt(0)})`);
    last = match.index + match[0].length;
  }
  if (last < value.length) parts.push(`'${value.slice(last).replaceAll("'", "''")}'`);
  return `(${parts.join(' || ')})`;
}

/** JSON text with the unsafe characters as \u escapes: the same JSON value, nothing raw. */
function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    UNSAFE_GLOBAL,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A double-quoted identifier: column names come from the data model, and `date` or a future field may be a keyword. */
function sqlName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The first or last day an EDTF date can mean, as YYYY-MM-DD; undefined for an open or unreadable end. */
function dateDay(edtf: string, end: 'start' | 'end'): string | undefined {
  let days = DAYS.get(edtf);
  if (days === undefined) {
    // A base repeats its dates (years, months): each read once. Bounded, for a very long run.
    if (DAYS.size >= 100_000) DAYS.clear();
    const bounds = dateBounds(edtf);
    days = bounds ? [isoDay(bounds.min), isoDay(bounds.max)] : [undefined, undefined];
    DAYS.set(edtf, days);
  }
  return end === 'start' ? days[0] : days[1];
}

const DAYS = new Map<string, readonly [string | undefined, string | undefined]>();

function isoDay(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined;
  const day = new Date(ms);
  const year = day.getUTCFullYear();
  // Years outside 0001-9999 have no plain ISO form that both engines read as a date.
  if (year < 1 || year > 9999) return undefined;
  return day.toISOString().slice(0, 10);
}

function sqlValue(
  value: unknown,
  column: SqlColumn,
  dialect: SqlDialect,
  record: ExportRecord,
  language: Language,
): string {
  if (column.derived) {
    const from = record[column.derived.from];
    const day = typeof from === 'string' ? dateDay(from, column.derived.end) : undefined;
    return day === undefined ? 'NULL' : `'${day}'`;
  }
  if (value === undefined || value === null) return 'NULL';
  switch (column.kind) {
    case 'json':
      return sqlString(safeJson(value), dialect);
    case 'boolean':
      return dialect === 'sqlite' ? (value ? '1' : '0') : value ? 'TRUE' : 'FALSE';
    case 'integer':
      if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
      return sqlString(String(value), dialect);
    default:
      // A text written in several languages ({fr, en}) is one column of text: the base's language.
      if (isTranslations(value)) return sqlString(textFor(value, undefined, language), dialect);
      return sqlString(typeof value === 'string' ? value : String(value), dialect);
  }
}

/** Rows per INSERT: few enough statements to load fast, each small enough for any client. */
const BATCH = 200;

function* inserts(table: string, columns: readonly string[], rows: Iterable<string[]>): Generator<string> {
  const head = `INSERT INTO ${table} (${columns.map(sqlName).join(', ')}) VALUES\n`;
  let batch: string[] = [];
  for (const row of rows) {
    batch.push(`(${row.join(', ')})`);
    if (batch.length === BATCH) {
      yield `${head}${batch.join(',\n')};\n`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${head}${batch.join(',\n')};\n`;
}

interface Citation {
  record_type: string;
  record_id: string;
  /** The field holding the citation: sources, members, figures, budget, roles or source. */
  field: string;
  /** Which item of that field: the member's id, the figure's metric, the budget's instrument, the role. */
  claim: string | null;
  article: string;
}

/** Every citation of the base, from the records' `sources` and `source` fields, in id order. */
function citations(base: Base): Citation[] {
  const rows: Citation[] = [];
  const byId = <T extends { id: string }>(records: readonly T[]) =>
    [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const org of byId(base.organisations)) {
    for (const article of org.sources)
      rows.push({ record_type: 'organisation', record_id: org.id, field: 'sources', claim: null, article });
    for (const m of org.members ?? [])
      rows.push({ record_type: 'organisation', record_id: org.id, field: 'members', claim: m.org, article: m.source });
    for (const f of org.figures ?? [])
      rows.push({
        record_type: 'organisation',
        record_id: org.id,
        field: 'figures',
        claim: f.metric,
        article: f.source,
      });
  }
  for (const programme of byId(base.programmes)) {
    for (const article of programme.sources)
      rows.push({ record_type: 'programme', record_id: programme.id, field: 'sources', claim: null, article });
    for (const b of programme.budget ?? [])
      rows.push({
        record_type: 'programme',
        record_id: programme.id,
        field: 'budget',
        claim: b.instrument,
        article: b.source,
      });
    for (const f of programme.figures ?? [])
      rows.push({
        record_type: 'programme',
        record_id: programme.id,
        field: 'figures',
        claim: f.metric,
        article: f.source,
      });
  }
  for (const line of byId(base.funding))
    rows.push({ record_type: 'funding', record_id: line.id, field: 'source', claim: null, article: line.source });
  for (const event of byId(base.events))
    for (const article of eventSources(event))
      rows.push({ record_type: 'event', record_id: event.id, field: 'source', claim: null, article });
  for (const person of byId(base.people)) {
    for (const article of person.sources)
      rows.push({ record_type: 'person', record_id: person.id, field: 'sources', claim: null, article });
    for (const r of person.roles ?? [])
      rows.push({ record_type: 'person', record_id: person.id, field: 'roles', claim: r.role, article: r.source });
  }
  return rows;
}

interface SearchRow {
  record_type: string;
  record_id: string;
  name: string;
  aliases: string | null;
  description: string | null;
  summary: string | null;
}

/** What full-text search reads of each record: names (with acronym), aliases, descriptions, article summaries; people by name. */
function searchRows(base: Base): SearchRow[] {
  const names = (name: string, short?: string) => (short ? `${name} ${short}` : name);
  const lines = (list?: readonly string[]) => (list && list.length > 0 ? list.join('\n') : null);
  // Full-text search finds a text in whichever language it is written.
  const allVersions = (text: Text | undefined) => (text === undefined ? null : everyVersion(text).join('\n'));
  return [
    ...base.organisations.map((o) => ({
      record_type: 'organisation',
      record_id: o.id,
      name: names(o.name, o.short_name),
      aliases: lines(o.aliases),
      description: allVersions(o.description),
      summary: null,
    })),
    ...base.programmes.map((p) => ({
      record_type: 'programme',
      record_id: p.id,
      name: names(p.name, p.short_name),
      aliases: lines(p.aliases),
      description: allVersions(p.description),
      summary: null,
    })),
    ...base.events.map((e) => ({
      record_type: 'event',
      record_id: e.id,
      name: allVersions(e.title)!,
      aliases: null,
      description: allVersions(e.description),
      summary: null,
    })),
    ...base.people.map((p) => ({
      record_type: 'person',
      record_id: p.id,
      name: p.name,
      aliases: lines(p.aliases),
      description: allVersions(p.note),
      summary: null,
    })),
    ...base.articles.map((a) => ({
      record_type: 'article',
      record_id: a.id,
      name: a.title,
      aliases: null,
      description: null,
      summary: a.body.trim() === '' ? null : a.body,
    })),
  ].sort((a, b) => (a.record_id < b.record_id ? -1 : a.record_id > b.record_id ? 1 : 0));
}

/**
 * PostgreSQL has no accent-blind text search without the unaccent extension, which needs CREATE
 * EXTENSION rights on a server and a separate bundle in PGlite. normalize() (PostgreSQL 13+) and a
 * regular expression over the combining marks do the same for French, with nothing to install.
 */
const POSTGRES_FOLD = `CREATE FUNCTION coop_fold(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT regexp_replace(normalize(lower($1), NFD), '[\\u0300-\\u036f]', '', 'g') $$;
`;

function searchTable(dialect: SqlDialect): string {
  if (dialect === 'sqlite') {
    // FTS4, not FTS5: a script cannot test which modules the engine has, and sql.js (the engine of
    // --format sqlite) has FTS4 only; unicode61 with remove_diacritics=2 matches "cite" to "Cité".
    return `CREATE VIRTUAL TABLE search USING fts4(${SEARCH_COLUMNS.join(', ')}, notindexed=record_type, notindexed=record_id, tokenize=unicode61 "remove_diacritics=2");\n`;
  }
  const text = SEARCH_COLUMNS.slice(2)
    .map((c) => `coalesce(${c}, '')`)
    .join(" || ' ' || ");
  return (
    `CREATE TABLE search (record_type text NOT NULL, record_id text NOT NULL, name text, aliases text, description text, summary text,\n` +
    `  document tsvector GENERATED ALWAYS AS (to_tsvector('simple', coop_fold(${text}))) STORED);\n` +
    `CREATE INDEX search_document ON search USING gin (document);\n`
  );
}

const VIEW_NAMES = ['members_of', 'organisations_by_region', 'programme_descendants', 'money_by_programme'] as const;

function views(dialect: SqlDialect): string {
  // A line without upper_bound is an exact amount: the total is "up to" only if some line is.
  const upperBound =
    dialect === 'sqlite' ? 'COALESCE(MAX(f.upper_bound), 0)' : 'COALESCE(bool_or(f.upper_bound), FALSE)';
  // PostgreSQL sums bigint as numeric: back to bigint, the amounts' own type.
  const sum = dialect === 'sqlite' ? 'SUM(f.amount)' : 'SUM(f.amount)::bigint';
  return `-- The members of each structure: SELECT * FROM members_of WHERE structure = 'alliance-id'.
CREATE VIEW members_of AS
SELECT m.organisation AS structure, s.name AS structure_name, m.member, o.name AS member_name,
       m.role, m.since, m.until, m.note, m.source
FROM memberships m
LEFT JOIN organisations s ON s.id = m.organisation
LEFT JOIN organisations o ON o.id = m.member;

-- Organisations with the region coop answers for them (their own, else their department's).
CREATE VIEW organisations_by_region AS
SELECT region, id, name, short_name, kind, sector, department, city
FROM organisations
WHERE region IS NOT NULL;

-- Each programme with itself and every programme it carries, at any depth (UNION stops a cycle).
CREATE VIEW programme_descendants AS
WITH RECURSIVE family(programme, descendant) AS (
  SELECT id, id FROM programmes
  UNION
  SELECT family.programme, p.id FROM family JOIN programmes p ON p.parent = family.descendant
)
SELECT programme, descendant FROM family;

-- The money of a programme and of those it carries, one total per instrument, stage, currency and
-- period (grants never added to equity, nor potential money to awarded money, nor amounts per year
-- to one-off ones: per is 'year' for those), as coop funding --program.
CREATE VIEW money_by_programme AS
SELECT d.programme, f.instrument, f.stage, f.currency, ${sum} AS amount, COUNT(*) AS lines, ${upperBound} AS upper_bound, f.per
FROM programme_descendants d
JOIN funding f ON f.programme = d.descendant
GROUP BY d.programme, f.instrument, f.stage, f.currency, f.per;
`;
}

function createTable(
  name: string,
  columns: ReadonlyArray<{ name: string; type: string; key?: boolean }>,
  foreignKeys: readonly ForeignKey[],
): string {
  const lines = columns.map((c) => `  ${sqlName(c.name)} ${c.type}${c.key ? ' PRIMARY KEY' : ''}`);
  lines.push(...foreignKeys.map((fk) => `  FOREIGN KEY (${sqlName(fk.column)}) REFERENCES ${fk.target} (id)`));
  return `CREATE TABLE ${name} (\n${lines.join(',\n')}\n);\n`;
}

/** Tables whose rows have an id of their own. */
const KEYED: ReadonlySet<string> = new Set(['organisations', 'programmes', 'funding', 'events', 'articles', 'persons']);

/**
 * The whole base as SQL statements, yielded a few at a time: drop and create, rows, indexes,
 * references (PostgreSQL), views; in one transaction.
 */
export function* renderSql(base: Base, dialect: SqlDialect): Generator<string> {
  const types = SQL_TYPES[dialect];
  const targets = {
    organisations: new Set(base.organisations.map((o) => o.id)),
    programmes: new Set(base.programmes.map((p) => p.id)),
    articles: new Set(base.articles.map((a) => a.id)),
    persons: new Set(base.people.map((p) => p.id)),
  };
  /** References some row breaks (a base with errors): PostgreSQL declares them NOT VALID. */
  const broken = new Set<ForeignKey>();

  yield `-- coop export --format sql --dialect ${dialect}: the knowledge base as SQL.
-- Load with: ${dialect === 'sqlite' ? 'sqlite3 coop.db < coop.sql' : 'psql -v ON_ERROR_STOP=1 -f coop.sql'}
-- Replaces the tables and views of an earlier load. Lists and nested values are JSON${dialect === 'postgres' ? ' (jsonb)' : ''};
-- dates are EDTF text, with <date>_start and <date>_end the first and last day they can mean.
`;
  if (dialect === 'sqlite') {
    // References are declared for readers and tools and checked by coop validate; a base with
    // errors still loads (the pragma cannot change inside a transaction, hence before BEGIN).
    yield 'PRAGMA foreign_keys = OFF;\nBEGIN;\n';
  } else {
    // Warnings only: the drops of a first load would print a notice per table.
    yield "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nSET client_min_messages = warning;\nBEGIN;\n";
  }
  yield [...VIEW_NAMES]
    .reverse()
    .map((v) => `DROP VIEW IF EXISTS ${v};\n`)
    .join('');
  const tables = [...EXPORT_TABLES, 'citations', 'search'];
  yield tables.map((t) => `DROP TABLE IF EXISTS ${t}${dialect === 'postgres' ? ' CASCADE' : ''};\n`).join('');
  if (dialect === 'postgres') yield `DROP FUNCTION IF EXISTS coop_fold(text);\n${POSTGRES_FOLD}`;

  for (const table of EXPORT_TABLES) {
    const columns = sqlColumns(table);
    const inline = dialect === 'sqlite' ? FOREIGN_KEYS.filter((fk) => fk.table === table) : [];
    yield createTable(
      table,
      columns.map((c) => ({ name: c.name, type: types[c.kind], key: c.name === 'id' && KEYED.has(table) })),
      inline,
    );
  }
  yield createTable(
    'citations',
    CITATION_COLUMNS.map((name) => ({ name, type: types.text })),
    dialect === 'sqlite' ? FOREIGN_KEYS.filter((fk) => fk.table === 'citations') : [],
  );
  yield searchTable(dialect);

  // Only PostgreSQL's script needs to know (NOT VALID below).
  const check = (table: string, record: Record<string, unknown>) => {
    if (dialect !== 'postgres') return;
    for (const fk of FOREIGN_KEYS) {
      if (fk.table !== table) continue;
      const value = record[fk.column];
      if (typeof value === 'string' && !targets[fk.target].has(value)) broken.add(fk);
    }
  };

  for (const table of EXPORT_TABLES) {
    const columns = sqlColumns(table);
    const records = exportTable(base, table);
    yield* inserts(
      table,
      columns.map((c) => c.name),
      (function* () {
        for (const record of records) {
          check(table, record);
          yield columns.map((c) => sqlValue(record[c.name], c, dialect, record, base.language));
        }
      })(),
    );
  }
  const text = (value: string | null) => (value === null ? 'NULL' : sqlString(value, dialect));
  yield* inserts(
    'citations',
    CITATION_COLUMNS,
    citations(base).map((row) => {
      check('citations', row as unknown as Record<string, unknown>);
      return CITATION_COLUMNS.map((c) => text(row[c]));
    }),
  );
  yield* inserts(
    'search',
    SEARCH_COLUMNS,
    searchRows(base).map((row) => SEARCH_COLUMNS.map((c) => text(row[c]))),
  );

  // Indexes after the rows: built once rather than kept up to date row by row.
  yield INDEXES.map(
    ([table, columns]) =>
      `CREATE INDEX ${table}_${columns.join('_')} ON ${table} (${columns.map(sqlName).join(', ')});\n`,
  ).join('');
  if (dialect === 'postgres') {
    // After the rows, so that their order does not matter; a reference some row breaks (a base
    // with errors, see coop validate) is declared NOT VALID: kept for new rows, not checked on these.
    yield FOREIGN_KEYS.map(
      (fk) =>
        `ALTER TABLE ${fk.table} ADD FOREIGN KEY (${sqlName(fk.column)}) REFERENCES ${fk.target} (id)${broken.has(fk) ? ' NOT VALID' : ''};\n`,
    ).join('');
  }
  yield views(dialect);
  yield 'COMMIT;\n';
}
