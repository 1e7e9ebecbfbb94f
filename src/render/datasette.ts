import { EXPORT_TABLES, type ExportTable } from '../core/export.js';
import type { Base } from '../core/model.js';
import { type CITATION_COLUMNS, type SEARCH_COLUMNS, sqlColumns } from './sql.js';

/**
 * The Datasette metadata (https://docs.datasette.io/en/stable/metadata.html) of the database
 * `coop export --format sqlite` writes: titles, licence and source, what each table and column
 * holds. Every row's provenance is a column (`sources`, `source`, `article`) naming a row of
 * `articles`: the descriptions say so, so that a reader of any table finds the article behind it.
 */

interface DatasetteMetadata {
  title: string;
  description: string;
  license: string;
  source: string;
  databases: Record<string, { description: string; tables: Record<string, DatasetteTable> }>;
}

interface DatasetteTable {
  description: string;
  columns: Record<string, string>;
  label_column?: string;
  sort?: string;
}

const SOURCES = 'the articles (ids in the articles table) that state the record: its provenance';
const SOURCE = 'the article (an id in the articles table) that states this fact: its provenance';

const COLUMN_DESCRIPTIONS: Record<string, string> = {
  id: 'kebab-case id, unique across the whole base',
  name: 'name',
  short_name: 'acronym or short name',
  aliases: 'other names (JSON list)',
  kind: 'kind of organisation (alliance, hospital, clinic...) or of event',
  sector: 'public, private-nonprofit, private-for-profit or mixed',
  legal_form: 'legal form',
  parent: 'id of the parent programme',
  owners: 'owners, each with its share (percent), dates and source article (JSON list)',
  former_names: 'names it had before, each with its dates and source article (JSON list)',
  successor: 'id of the organisation that took over when it was dissolved',
  milestones:
    'legal steps (convention signed, approved, published...), each with its date, authority, act and source (JSON list)',
  founded_derived_from: 'the milestone founded is read from when the articles give no founding date',
  participants: 'organisations of an event with their role: acquirer, target, absorbed... (JSON list)',
  region: 'region slug: its own, else its department’s',
  department: 'department code (92, 2A)',
  city: 'commune',
  founded: 'founding date (EDTF), given or derived from the convention (founded_derived_from)',
  dissolved: 'dissolution date (EDTF)',
  identifiers: 'SIREN, SIRET, FINESS, RNA, Wikidata (JSON object)',
  website: 'web site',
  description: 'what it is, in a sentence or two',
  activities: 'activities (JSON list)',
  shared_resources: 'what the members pool (JSON list)',
  figures: 'figures, each with its metric, value, date and source article (JSON list)',
  members: 'members as written in the data file (JSON list); one row each in memberships',
  note: 'note',
  sources: `${SOURCES} (JSON list)`,
  file: 'the data file, relative to the data folder',
  organisation: 'id of the structure (organisations)',
  member: 'id of the member (organisations)',
  role: 'founder, member, lead, partner...',
  since: 'since (EDTF)',
  until: 'until (EDTF)',
  source: SOURCE,
  funder: 'id of the funding organisation',
  launched: 'launch date (EDTF)',
  budget: 'announced budget lines, each with its source article (JSON list)',
  programme: 'id of the programme (programmes)',
  recipient: 'id of the recipient organisation',
  instrument: 'grant, dotation, equity, loan, other or unspecified',
  nature: 'what a programme is: programme, fund (FIR), dotation (MIG), plan (Ségur) or call for projects',
  recurrence: 'one-off, recurring (pérenne) or non-renewable (non reconductible)',
  purpose: 'investment or operating (fonctionnement)',
  per: 'year when the amount is given per year: never added to one-off amounts',
  from: 'first date the amount covers (EDTF)',
  amount: 'amount in whole currency units',
  currency: 'ISO 4217 currency code',
  stage: 'announced, awarded, potential or disbursed',
  upper_bound: '1 when the amount is an "up to" amount',
  date: 'date (EDTF)',
  title: 'title',
  orgs: 'ids of the organisations involved (JSON list)',
  place: 'place',
  outlet: 'newspaper or site',
  authors: 'authors (JSON list)',
  url: 'address of the article',
  language: 'fr or en',
  section: 'section of the outlet',
  people: 'people quoted, with their role and organisation (JSON list)',
  body: 'our own summary of the article (Markdown)',
  roles:
    'roles as the articles say them, each with its organisation, dates and source article (JSON list); one row each in person_roles',
  person: 'id of the person (persons)',
  org: 'id of the organisation (organisations)',
  article: 'id of the article (articles)',
};

const TABLE_DESCRIPTIONS: Record<ExportTable, string> = {
  organisations: 'Organisations: structures and their members alike.',
  memberships:
    'Who is a member of which structure, with role and dates: one row per claim, each with its source article.',
  programmes: 'Funding programmes; parent is the programme that carries this one.',
  funding: 'Funding lines: money of a programme to a recipient, by instrument and stage.',
  events: 'Dated events: foundings, joinings, announcements, awards...',
  articles: 'The press articles every fact cites, with our own summary.',
  persons: 'People the articles name: ministers, presidents, directors, spokespeople.',
  person_roles: 'The roles of each person, as the articles say them: one row per role, each with its source article.',
  article_people: 'The people each article names, with the role and organisation it gives them: one row each.',
  agreements: 'Agreements between parties: CPOM, contrats locaux de santé, directions communes...',
};

function columnDescription(table: string, column: string): string {
  const derived = /^(.+)_(start|end)$/.exec(column);
  if (derived && COLUMN_DESCRIPTIONS[derived[1]!] !== undefined && !(column in COLUMN_DESCRIPTIONS)) {
    return `${derived[2] === 'start' ? 'first' : 'last'} day ${derived[1]} can mean (ISO date, for sorting)`;
  }
  if (table === 'articles' && column === 'id') return 'article id: what every source, sources and article column names';
  return COLUMN_DESCRIPTIONS[column] ?? column;
}

/** The metadata object for a database named `database` (Datasette names it after the file: coop.db is "coop"). */
export function renderDatasetteMetadata(base: Base, database = 'coop'): DatasetteMetadata {
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const tables: Record<string, DatasetteTable> = {};
  for (const table of EXPORT_TABLES) {
    tables[table] = {
      description: TABLE_DESCRIPTIONS[table],
      columns: Object.fromEntries(sqlColumns(table).map((c) => [c.name, columnDescription(table, c.name)])),
      ...(table === 'memberships' || table === 'person_roles' || table === 'article_people'
        ? {}
        : { label_column: table === 'events' || table === 'articles' ? 'title' : table === 'funding' ? 'id' : 'name' }),
    };
  }
  tables.citations = {
    description: 'Which article backs each fact: every sources and source of every record, one row each.',
    columns: {
      record_type: 'organisation, programme, funding, event or person',
      record_id: 'id of the record',
      field: 'sources, members, figures, budget, roles or source',
      claim: 'the item of that field: member id, figure metric, budget instrument or role',
      article: SOURCE,
    } satisfies Record<(typeof CITATION_COLUMNS)[number], string>,
  };
  tables.search = {
    description: "Full-text search (FTS4, accents ignored): SELECT * FROM search WHERE search MATCH 'cite des fleurs'.",
    columns: {
      record_type: 'organisation, programme, event, person or article',
      record_id: 'id of the record',
      name: 'name and acronym, or title',
      aliases: 'other names, one a line',
      description: 'description',
      summary: 'our summary of the article',
    } satisfies Record<(typeof SEARCH_COLUMNS)[number], string>,
  };
  return {
    title: 'coop: cooperation in the French health sector',
    description: `A knowledge base built from press articles: ${count(base.organisations.length, 'organisation')}, ${count(base.programmes.length, 'programme')}, ${count(base.funding.length, 'funding line')}, ${count(base.events.length, 'event')}, ${count(base.articles.length, 'article')}, ${base.people.length} ${base.people.length === 1 ? 'person' : 'people'}. Every fact cites its article.`,
    // coop's licence (package.json), under which its data folder ships.
    license: 'MIT',
    source:
      'Press articles: one row each in the articles table, cited by every row through its source, sources or article column',
    databases: { [database]: { description: 'Exported by coop export --format sqlite.', tables } },
  };
}
