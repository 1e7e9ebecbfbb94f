import { PGlite } from '@electric-sql/pglite';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// tests/fixtures/people-export: two person records. Hélène Lefèvre (alias H. Lefèvre) was présidente
// of Clinique B (2020-01 to 2021-04, gazette) then directrice of Hôpital C (journal); Jean Dupré has
// no role. The gazette names Hélène (linked) and Marc Petit (no record); the journal names Hélène
// and Jean (both linked). The gazette's story also ran in Le Journal.
const SCENARIO = 'people-export';
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };
const GAZETTE = 'gazette-2020-02-01-clinique';
const JOURNAL = 'journal-2021-05-03-hopital';

const PERSONS = [
  {
    id: 'helene-lefevre',
    name: 'Hélène Lefèvre',
    aliases: ['H. Lefèvre'],
    roles: [
      { role: 'présidente', org: 'clinique-b', since: '2020-01', until: '2021-04', source: GAZETTE },
      { role: 'directrice', org: 'hopital-c', since: '2021-05', source: JOURNAL },
    ],
    sources: [GAZETTE, JOURNAL],
    file: 'people/helene-lefevre.yaml',
  },
  {
    id: 'jean-dupre',
    name: 'Jean Dupré',
    note: 'Named without a role.',
    sources: [JOURNAL],
    file: 'people/jean-dupre.yaml',
  },
];

const PERSON_ROLES = [
  {
    person: 'helene-lefevre',
    role: 'présidente',
    org: 'clinique-b',
    since: '2020-01',
    until: '2021-04',
    note: null,
    source: GAZETTE,
  },
  {
    person: 'helene-lefevre',
    role: 'directrice',
    org: 'hopital-c',
    since: '2021-05',
    until: null,
    note: null,
    source: JOURNAL,
  },
];

const ARTICLE_PEOPLE = [
  { article: GAZETTE, name: 'Hélène Lefèvre', person: 'helene-lefevre', role: 'présidente', org: 'clinique-b' },
  { article: GAZETTE, name: 'Marc Petit', person: null, role: 'porte-parole', org: null },
  { article: JOURNAL, name: 'Hélène Lefèvre', person: 'helene-lefevre', role: 'directrice', org: 'hopital-c' },
  { article: JOURNAL, name: 'Jean Dupré', person: 'jean-dupre', role: null, org: null },
];

describe('coop export: people', () => {
  it('the JSON export holds persons, person_roles and article_people, the same on a terminal', async () => {
    const pipe = await runOnFixture(SCENARIO, ['export']);
    expect(pipe.code).toBe(0);
    expect(pipe.err).toBe('');
    const base = JSON.parse(pipe.out);
    expect({ persons: base.persons, person_roles: base.person_roles, article_people: base.article_people }).toEqual({
      persons: PERSONS,
      person_roles: PERSON_ROLES,
      article_people: ARTICLE_PEOPLE,
    });
    expect(await runOnFixture(SCENARIO, ['export'], TERMINAL)).toEqual(pipe);
  });

  it('--table persons --format csv: roles as JSON text, lists joined', async () => {
    expect(await runOnFixture(SCENARIO, ['export', '--table', 'persons', '--format', 'csv'])).toEqual({
      code: 0,
      err: '',
      out:
        'id,name,aliases,roles,note,sources,file\r\n' +
        'helene-lefevre,Hélène Lefèvre,H. Lefèvre,"[{""role"":""présidente"",""org"":""clinique-b"",""since"":""2020-01"",""until"":""2021-04"",""source"":""gazette-2020-02-01-clinique""},{""role"":""directrice"",""org"":""hopital-c"",""since"":""2021-05"",""source"":""journal-2021-05-03-hopital""}]",,gazette-2020-02-01-clinique; journal-2021-05-03-hopital,people/helene-lefevre.yaml\r\n' +
        'jean-dupre,Jean Dupré,,,Named without a role.,journal-2021-05-03-hopital,people/jean-dupre.yaml\r\n',
    });
  });

  it('--table person_roles --format csv: one row a role', async () => {
    expect(await runOnFixture(SCENARIO, ['export', '--table', 'person_roles', '--format', 'csv'])).toEqual({
      code: 0,
      err: '',
      out:
        'person,role,org,since,until,note,source\r\n' +
        'helene-lefevre,présidente,clinique-b,2020-01,2021-04,,gazette-2020-02-01-clinique\r\n' +
        'helene-lefevre,directrice,hopital-c,2021-05,,,journal-2021-05-03-hopital\r\n',
    });
  });

  it('--table article_people --format ndjson: every key on every line, null when absent', async () => {
    expect(await runOnFixture(SCENARIO, ['export', '--table', 'article_people', '--format', 'ndjson'])).toEqual({
      code: 0,
      err: '',
      out: ARTICLE_PEOPLE.map((row) => `${JSON.stringify(row)}\n`).join(''),
    });
  });
});

describe('coop export --format sql: people', () => {
  it('SQLite: the three tables, references that hold, citations, and a name found without accents', async () => {
    const result = await runOnFixture(SCENARIO, ['export', '--format', 'sql']);
    expect(result.code).toBe(0);
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    try {
      db.exec(result.out);
      const rows = (sql: string) => {
        const [found] = db.exec(sql);
        return found ? found.values.map((row) => Object.fromEntries(found.columns.map((c, i) => [c, row[i]]))) : [];
      };
      expect(rows('SELECT id, name, aliases, note FROM persons ORDER BY id')).toEqual([
        { id: 'helene-lefevre', name: 'Hélène Lefèvre', aliases: '["H. Lefèvre"]', note: null },
        { id: 'jean-dupre', name: 'Jean Dupré', aliases: null, note: 'Named without a role.' },
      ]);
      expect(rows('SELECT person, role, org, since_start, until_end, source FROM person_roles')).toEqual([
        {
          person: 'helene-lefevre',
          role: 'présidente',
          org: 'clinique-b',
          since_start: '2020-01-01',
          until_end: '2021-04-30',
          source: GAZETTE,
        },
        {
          person: 'helene-lefevre',
          role: 'directrice',
          org: 'hopital-c',
          since_start: '2021-05-01',
          until_end: null,
          source: JOURNAL,
        },
      ]);
      expect(rows('SELECT * FROM article_people')).toEqual(ARTICLE_PEOPLE);
      // Every reference of the new tables is declared, and every one holds in this valid base.
      expect(rows('SELECT "table", "from" FROM pragma_foreign_key_list(\'person_roles\') ORDER BY 2')).toEqual([
        { table: 'organisations', from: 'org' },
        { table: 'persons', from: 'person' },
        { table: 'articles', from: 'source' },
      ]);
      expect(rows('SELECT "table", "from" FROM pragma_foreign_key_list(\'article_people\') ORDER BY 2')).toEqual([
        { table: 'articles', from: 'article' },
        { table: 'organisations', from: 'org' },
        { table: 'persons', from: 'person' },
      ]);
      expect(rows('PRAGMA foreign_key_check')).toEqual([]);
      expect(
        rows(
          "SELECT field, claim, article FROM citations WHERE record_type = 'person' ORDER BY record_id, field, claim",
        ),
      ).toEqual([
        { field: 'roles', claim: 'directrice', article: JOURNAL },
        { field: 'roles', claim: 'présidente', article: GAZETTE },
        { field: 'sources', claim: null, article: GAZETTE },
        { field: 'sources', claim: null, article: JOURNAL },
        { field: 'sources', claim: null, article: JOURNAL },
      ]);
      expect(rows("SELECT record_type, record_id FROM search WHERE search MATCH 'helene lefevre'")).toEqual([
        { record_type: 'person', record_id: 'helene-lefevre' },
      ]);
    } finally {
      db.close();
    }
  });

  it('PostgreSQL: the references of the three tables are checked (none NOT VALID)', async () => {
    const result = await runOnFixture(SCENARIO, ['export', '--format', 'sql', '--dialect', 'postgres']);
    expect(result.code).toBe(0);
    const pg = new PGlite();
    try {
      await pg.exec(result.out);
      const found = await pg.query<{ name: string; valid: boolean }>(
        `SELECT conrelid::regclass::text || '.' || (SELECT attname FROM pg_attribute WHERE attrelid = conrelid AND attnum = conkey[1]) AS name,
                convalidated AS valid
         FROM pg_constraint WHERE contype = 'f' AND conrelid::regclass::text IN ('person_roles', 'article_people') ORDER BY 1`,
      );
      expect(found.rows).toEqual([
        { name: 'article_people.article', valid: true },
        { name: 'article_people.org', valid: true },
        { name: 'article_people.person', valid: true },
        { name: 'person_roles.org', valid: true },
        { name: 'person_roles.person', valid: true },
        { name: 'person_roles.source', valid: true },
      ]);
      const search = await pg.query(
        "SELECT record_id FROM search WHERE document @@ plainto_tsquery('simple', coop_fold('Helene'))",
      );
      expect(search.rows).toEqual([{ record_id: 'helene-lefevre' }]);
    } finally {
      await pg.close();
    }
  }, 60_000);
});

describe('coop stats: people', () => {
  it('counts the person records, as a terminal', async () => {
    const result = await runOnFixture(SCENARIO, ['stats'], TERMINAL);
    expect(result.code).toBe(0);
    expect(result.out.split('\n').slice(0, 11).join('\n')).toBe(
      [
        'Records',
        '┌───────────────┬───────┐',
        '│ Type          │ Count │',
        '├───────────────┼───────┤',
        '│ organisations │ 2     │',
        '│ programmes    │ 0     │',
        '│ funding       │ 0     │',
        '│ events        │ 0     │',
        '│ articles      │ 2     │',
        '│ people        │ 2     │',
        '└───────────────┴───────┘',
      ].join('\n'),
    );
  });

  it('counts them in a pipe and as JSON; the story printed twice is one article', async () => {
    const pipe = await runOnFixture(SCENARIO, ['stats']);
    expect(pipe.out.split('\n').slice(0, 7)).toEqual([
      'section\tkey\tsubkey\tcount\tamount\tcurrency\tqualifier\tamount_min\tamount_max\tper',
      'records\torganisations\t\t2\t\t\t\t\t\t',
      'records\tprogrammes\t\t0\t\t\t\t\t\t',
      'records\tfunding\t\t0\t\t\t\t\t\t',
      'records\tevents\t\t0\t\t\t\t\t\t',
      'records\tarticles\t\t2\t\t\t\t\t\t',
      'records\tpeople\t\t2\t\t\t\t\t\t',
    ]);
    expect(JSON.parse((await runOnFixture(SCENARIO, ['stats', '--json'])).out).records).toEqual({
      organisations: 2,
      programmes: 0,
      funding: 0,
      events: 0,
      articles: 2,
      people: 2,
    });
  });
});
