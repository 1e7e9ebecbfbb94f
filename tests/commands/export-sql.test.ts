import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as exportCommand } from '../../src/commands/export.js';
import { EXPORT_COLUMNS, EXPORT_TABLES, type ExportTable } from '../../src/core/export.js';
import { INSTRUMENTS, STAGES } from '../../src/core/enums.js';
import { RefusedError, UsageError } from '../../src/errors.js';
import { decideColor, type IO } from '../../src/io.js';
import { sqlColumns, sqlString } from '../../src/render/sql.js';
import { FIXTURES, runOnFixture } from '../helpers.js';

// The base: tests/fixtures/sql/data. An alliance of three members; a programme tree plan-national >
// fonds-regional > fonds-regional-amorcage with lines of four instruments and stages; organisations
// of Grand Est (own region and by department), Île-de-France and PACA; an organisation of hostile
// strings. Every answer in SQL is compared with coop's own answer on the same base.
const SCENARIO = 'sql';
const DATA = join(FIXTURES, SCENARIO, 'data');
const SLOW = 60_000;

type ExportOptions = Omit<Parameters<typeof exportCommand.run>[0], 'data'>;

/** The export command called directly with an options object, as cli.ts would call it. */
async function exportRun(
  options: ExportOptions,
  cwd = join(FIXTURES, SCENARIO),
): Promise<{ code: number; chunks: string[]; err: string }> {
  const chunks: string[] = [];
  let err = '';
  const io: IO = {
    out: (text) => void chunks.push(text),
    outBytes: () => {
      throw new Error('export writes text');
    },
    err: (text) => void (err += text),
    isTTY: false,
    color: decideColor(false, {}),
    columns: 100,
    env: {},
    cwd,
  };
  const code = await exportCommand.run(
    { data: DATA, cache: false, ...options },
    { io, bundledData: DATA, commands: [] },
  );
  return { code, chunks, err };
}

async function coopJson(args: string[]): Promise<unknown> {
  const result = await runOnFixture(SCENARIO, [...args, '--json']);
  expect(result.code).toBe(0);
  return JSON.parse(result.out);
}

// What the hostile organisation's file says, decoded by hand from its YAML escapes.
const HOSTILE_NAME = 'L\'Hôpital "Saint-Jean"; DROP TABLE organisations; -- \\ C:\\dir\\ 😀';
const HOSTILE_ALIASES = ["a'b", 'back\\slash\\', 'tab\there', 'ctl\u0001\u001f\u0085\u202e\u2028end', '🏥 émoji ü'];
const HOSTILE_NOTE = 'cr\r\nlf\nend\\';

/** A query's rows as objects, whatever the engine. */
interface Engine {
  name: string;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  /** A list or nested column as it reads back: JSON text in SQLite, jsonb (parsed) in PostgreSQL. */
  json(value: unknown): unknown;
  bool(value: unknown): boolean | null;
  /** The full-text query for "records matching these words, accents ignored". */
  search(words: string): string;
}

function sqliteEngine(name: string, db: Database): Engine {
  return {
    name,
    async rows(sql) {
      const [result] = db.exec(sql);
      if (!result) return [];
      return result.values.map((row: SqlValue[]) => Object.fromEntries(result.columns.map((c, i) => [c, row[i]])));
    },
    json: (value) => (typeof value === 'string' ? JSON.parse(value) : value),
    bool: (value) => (value === null || value === undefined ? null : value === 1),
    search: (words) =>
      `SELECT record_type, record_id FROM search WHERE search MATCH ${sqlString(words, 'sqlite')} ORDER BY record_id`,
  };
}

function postgresEngine(db: PGlite): Engine {
  return {
    name: 'postgres (PGlite)',
    async rows(sql) {
      return (await db.query<Record<string, unknown>>(sql)).rows;
    },
    json: (value) => value,
    bool: (value) => (value === null || value === undefined ? null : value === true),
    search: (words) =>
      `SELECT record_type, record_id FROM search WHERE document @@ plainto_tsquery('simple', coop_fold(${sqlString(words, 'postgres')})) ORDER BY record_id`,
  };
}

const BOOLEAN_COLUMNS = new Set(['upper_bound']);
const JSON_COLUMNS = new Set(
  EXPORT_TABLES.flatMap((t) =>
    sqlColumns(t)
      .filter((c) => c.kind === 'json')
      .map((c) => c.name),
  ),
);

/** Rows as coop export gives them: every column, absent as null. */
function expectedRows(table: ExportTable, records: Record<string, unknown>[]): Record<string, unknown>[] {
  return records.map((record) => Object.fromEntries(EXPORT_COLUMNS[table].map((c) => [c, record[c] ?? null])));
}

function sortRows(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

let sql: { sqlite: string; postgres: string };
let sqliteChunks: string[];
let engines: Engine[];
let pg: PGlite;
let folder: string;
let exported: Record<ExportTable, Record<string, unknown>[]>;

beforeAll(async () => {
  const sqlite = await exportRun({ format: 'sql', dialect: 'sqlite' });
  const postgres = await exportRun({ format: 'sql', dialect: 'postgres' });
  expect([sqlite.code, sqlite.err, postgres.code, postgres.err]).toEqual([0, '', 0, '']);
  sqliteChunks = sqlite.chunks;
  sql = { sqlite: sqlite.chunks.join(''), postgres: postgres.chunks.join('') };
  exported = (await coopJson(['export'])) as typeof exported;

  const SQL = await initSqlJs();
  const fromText = new SQL.Database();
  fromText.exec(sql.sqlite);

  folder = mkdtempSync(join(tmpdir(), 'coop-sql-'));
  const written = await exportRun({ format: 'sqlite', out: 'coop.db' }, folder);
  expect(written).toEqual({
    code: 0,
    chunks: [`${join(folder, 'coop.db')}\n${join(folder, 'coop.db.metadata.json')}\n`],
    err: '',
  });
  const fromFile = new SQL.Database(readFileSync(join(folder, 'coop.db')));

  pg = new PGlite();
  await pg.exec(sql.postgres);
  engines = [
    sqliteEngine('sqlite (SQL text in sql.js)', fromText),
    sqliteEngine('sqlite (--format sqlite file)', fromFile),
    postgresEngine(pg),
  ];
}, SLOW);

afterAll(async () => {
  await pg?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('coop export --format sql', () => {
  it('is streamed: many pieces, each ending a statement', () => {
    expect(sqliteChunks.length).toBeGreaterThan(10);
    for (const chunk of sqliteChunks) expect(chunk.endsWith(';\n') || chunk.startsWith('--')).toBe(true);
  });

  it('writes no control, bidi or line-separator character raw: the SQL is safe to print on a terminal', () => {
    for (const text of [sql.sqlite, sql.postgres]) {
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    }
    expect(sql.sqlite).toContain('char(1)');
    expect(sql.postgres).toContain('chr(1)');
  });

  it('gives every exported column an SQL type', () => {
    for (const table of EXPORT_TABLES)
      expect(sqlColumns(table).map((c) => c.name)).toEqual(expect.arrayContaining([...EXPORT_COLUMNS[table]]));
  });

  it('every table holds exactly what coop export --json gives, in all three engines', async () => {
    for (const engine of engines) {
      for (const table of EXPORT_TABLES) {
        const rows = await engine.rows(`SELECT ${EXPORT_COLUMNS[table].map((c) => `"${c}"`).join(', ')} FROM ${table}`);
        const read = rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([c, v]) => [
              c,
              v === null ? null : JSON_COLUMNS.has(c) ? engine.json(v) : BOOLEAN_COLUMNS.has(c) ? engine.bool(v) : v,
            ]),
          ),
        );
        expect({ engine: engine.name, table, rows: sortRows(read) }).toEqual({
          engine: engine.name,
          table,
          rows: sortRows(expectedRows(table, exported[table])),
        });
      }
    }
  });

  it('hostile strings (quotes, --, ;, backslashes, control characters, emoji) round-trip exactly', async () => {
    for (const engine of engines) {
      const [row] = await engine.rows(`SELECT name, short_name, aliases, note FROM organisations WHERE id = 'hostile'`);
      expect({
        engine: engine.name,
        name: row!.name,
        short: row!.short_name,
        aliases: engine.json(row!.aliases),
        note: row!.note,
      }).toEqual({
        engine: engine.name,
        name: HOSTILE_NAME,
        short: "O'Neil; --",
        aliases: HOSTILE_ALIASES,
        note: HOSTILE_NOTE,
      });
      const [description] = await engine.rows(`SELECT description FROM organisations WHERE id = 'hostile'`);
      expect(description!.description).toBe(
        'Line one with \'quotes\' and "double" quotes;\nline two -- not a comment; /* nor this */\n\ta tab, a carriage\\r? no: backslash-r \\r and \\n kept as text, and $$ dollars $$ and :var',
      );
    }
  });

  it('adds the first and last day of each EDTF date, the EDTF text kept', async () => {
    for (const engine of engines) {
      const rows = await engine.rows(
        `SELECT id, founded, CAST(founded_start AS TEXT) AS s, CAST(founded_end AS TEXT) AS e FROM organisations WHERE founded IS NOT NULL ORDER BY id`,
      );
      expect({ engine: engine.name, rows }).toEqual({
        engine: engine.name,
        rows: [
          { id: 'alliance-test', founded: '2019-05', s: '2019-05-01', e: '2019-05-31' },
          { id: 'chu-nancy', founded: '1970?', s: '1970-01-01', e: '1970-12-31' },
          { id: 'clinique-marseille', founded: '2001-03/2001-06', s: '2001-03-01', e: '2001-06-30' },
        ],
      });
    }
  });

  it('mission 1: the organisations of Grand Est, as coop list --region grand-est', async () => {
    const listed = (await coopJson(['list', '--region', 'grand-est'])) as Array<Record<string, unknown>>;
    const expected = listed.map((o) => ({
      id: o.id,
      name: o.name,
      short_name: o.short_name ?? null,
      kind: o.kind,
      sector: o.sector ?? null,
      department: o.department ?? null,
      city: o.city ?? null,
    }));
    expect(expected.map((o) => o.id)).toEqual(['chu-nancy', 'hostile', 'projet-strasbourg', 'ville-de-strasbourg']);
    for (const engine of engines) {
      const rows = await engine.rows(
        `SELECT id, name, short_name, kind, sector, department, city FROM organisations_by_region WHERE region = 'grand-est' ORDER BY id`,
      );
      expect({ engine: engine.name, rows }).toEqual({ engine: engine.name, rows: expected });
    }
  });

  it('mission 2: the members of the alliance with role, dates and source, as coop show', async () => {
    const shown = (await coopJson(['show', 'alliance-test'])) as {
      members: Array<{ role: string; members: Array<Record<string, unknown>> }>;
    };
    const expected = shown.members
      .flatMap((group) => group.members)
      .map((m) => ({
        member: m.org,
        member_name: m.name,
        role: m.role,
        since: m.since ?? null,
        until: m.until ?? null,
        note: m.note ?? null,
        source: m.source,
      }))
      .sort((a, b) => String(a.member).localeCompare(String(b.member)));
    expect(expected).toHaveLength(3);
    for (const engine of engines) {
      const rows = await engine.rows(
        `SELECT member, member_name, role, since, until, note, source FROM members_of WHERE structure = 'alliance-test' ORDER BY member`,
      );
      expect({ engine: engine.name, rows }).toEqual({ engine: engine.name, rows: expected });
    }
  });

  it('mission 3: the money of a programme and its descendants by instrument and stage, as coop funding --program', async () => {
    for (const programme of ['plan-national', 'fonds-regional', 'fonds-regional-amorcage']) {
      const report = (await coopJson(['funding', '--program', programme])) as {
        totals: Array<Record<string, unknown>>;
      };
      expect(report.totals.length).toBeGreaterThan(0);
      for (const engine of engines) {
        const rows = await engine.rows(
          `SELECT instrument, stage, currency, amount, lines, upper_bound FROM money_by_programme WHERE programme = '${programme}'`,
        );
        const read = rows
          .map((r) => ({
            instrument: r.instrument,
            stage: r.stage,
            currency: r.currency,
            amount: Number(r.amount),
            lines: Number(r.lines),
            upper_bound: engine.bool(r.upper_bound),
          }))
          .sort(
            (a, b) =>
              INSTRUMENTS.indexOf(a.instrument as never) - INSTRUMENTS.indexOf(b.instrument as never) ||
              STAGES.indexOf(a.stage as never) - STAGES.indexOf(b.stage as never) ||
              String(a.currency).localeCompare(String(b.currency)),
          );
        // The SQL view sums exact and "up to" amounts; the fixture's money is of those kinds only.
        expect(report.totals.every((t) => t.qualifier === 'exact' || t.qualifier === 'up-to')).toBe(true);
        expect({ engine: engine.name, programme, totals: read }).toEqual({
          engine: engine.name,
          programme,
          totals: report.totals.map(({ instrument, stage, currency, amount, lines, upper_bound }) => ({
            instrument,
            stage,
            currency,
            amount,
            lines,
            upper_bound,
          })),
        });
      }
    }
  });

  it('full-text search finds an accented name from an unaccented query', async () => {
    for (const engine of engines) {
      expect({ engine: engine.name, rows: await engine.rows(engine.search('cite des fleurs')) }).toEqual({
        engine: engine.name,
        rows: [{ record_type: 'organisation', record_id: 'clinique-des-fleurs' }],
      });
      expect({ engine: engine.name, rows: await engine.rows(engine.search('amorcage')) }).toEqual({
        engine: engine.name,
        rows: [{ record_type: 'programme', record_id: 'fonds-regional-amorcage' }],
      });
    }
  });

  it('a citation row for every sources and source of every record', async () => {
    for (const engine of engines) {
      const rows = await engine.rows(
        `SELECT field, claim, article FROM citations WHERE record_type = 'organisation' AND record_id = 'alliance-test' ORDER BY field, claim`,
      );
      const gazette = 'gazette-2019-05-02-alliance';
      expect({ engine: engine.name, rows }).toEqual({
        engine: engine.name,
        rows: [
          { field: 'figures', claim: 'beds', article: gazette },
          { field: 'members', claim: 'clinique-des-fleurs', article: gazette },
          { field: 'members', claim: 'ehpad-les-tilleuls', article: gazette },
          { field: 'members', claim: 'hopital-a', article: gazette },
          { field: 'sources', claim: null, article: gazette },
        ],
      });
      const [count] = await engine.rows(`SELECT COUNT(*) AS n FROM citations WHERE record_type = 'funding'`);
      expect(Number(count!.n)).toBe(exported.funding.length);
    }
  });

  it('PostgreSQL: the references are checked (this base is valid)', async () => {
    const rows = await pg.query<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND convalidated`,
    );
    expect(rows.rows[0]!.n).toBe(19);
  });
});

describe('coop export --format sqlite --out FILE', () => {
  it('writes the Datasette metadata beside the file', () => {
    const metadata = JSON.parse(readFileSync(join(folder, 'coop.db.metadata.json'), 'utf8'));
    expect(metadata.title).toBe('coop: cooperation in the French health sector');
    expect(Object.keys(metadata.databases.coop.tables)).toEqual([...EXPORT_TABLES, 'citations', 'search']);
    expect(metadata.databases.coop.tables.funding.columns.source).toMatch(/article/);
    expect(metadata.databases.coop.tables.events.columns.date_start).toMatch(/first day/);
  });

  it(
    'refuses to replace an existing file without --force, replaces it with --force',
    async () => {
      const before = readFileSync(join(folder, 'coop.db'));
      await expect(exportRun({ format: 'sqlite', out: 'coop.db' }, folder)).rejects.toThrow(RefusedError);
      writeFileSync(join(folder, 'other.db.metadata.json'), '{}');
      await expect(exportRun({ format: 'sqlite', out: 'other.db' }, folder)).rejects.toThrow(
        /other\.db\.metadata\.json exists/,
      );
      expect(readFileSync(join(folder, 'coop.db'))).toEqual(before);
      const forced = await exportRun({ format: 'sqlite', out: 'coop.db', force: true }, folder);
      expect(forced.code).toBe(0);
      const SQL = await initSqlJs();
      const db = new SQL.Database(readFileSync(join(folder, 'coop.db')));
      expect(db.exec('SELECT COUNT(*) FROM organisations')[0]!.values).toEqual([[exported.organisations.length]]);
    },
    SLOW,
  );

  it('refuses options that do not fit the format', async () => {
    await expect(exportRun({ format: 'sqlite' })).rejects.toThrow(UsageError);
    await expect(exportRun({ format: 'sql', dialect: 'mysql' })).rejects.toThrow(/--dialect "mysql"/);
    await expect(exportRun({ format: 'sql', out: 'x.db' })).rejects.toThrow(/--out is for --format sqlite/);
    await expect(exportRun({ format: 'sql', table: 'funding' })).rejects.toThrow(/--table does not apply/);
    await expect(exportRun({ format: 'json', dialect: 'postgres' })).rejects.toThrow(/--dialect is for --format sql/);
  });
});
