import { EXPORT_COLUMNS, EXPORT_TABLES, exportBase, exportTable, tableRows, type ExportTable } from '../core/export.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { renderCsv } from '../render/delimited.js';
import { renderJson, renderNdjson } from '../render/json.js';
import { SQL_DIALECTS } from '../render/sql.js';
import { checkChoice, openForQuery, outputFormat, UsageError } from '../app/context.js';
import { checkNoSqlOptions, exportSql } from '../app/export-sql.js';

type ExportOptions = CommandInput<typeof exportOptions>;

const FORMATS = ['json', 'ndjson', 'csv', 'sql', 'sqlite'] as const;

/**
 * The whole base, resolved: JSON by default, whatever the terminal (an export is for machines);
 * one table with --table, as JSON, NDJSON or CSV; the whole base as SQL or as a SQLite file.
 */
async function exportCommand(options: ExportOptions, io: IO, bundledData: string): Promise<number> {
  checkChoice(options.table, EXPORT_TABLES, '--table');
  // No table/tsv default here: without --format or --json, JSON on a terminal and in a pipe alike.
  const format = options.json || options.format !== undefined ? outputFormat(options, io, FORMATS) : 'json';
  if (format === 'sql' || format === 'sqlite') return exportSql(format, options, io, bundledData, FORMATS);
  checkNoSqlOptions(options);
  const table = options.table as ExportTable | undefined;
  if (format !== 'json' && table === undefined) {
    throw new UsageError(
      `--format ${format} exports one table: it needs --table`,
      `add --table with one of: ${EXPORT_TABLES.join(', ')} (or use --format json for the whole base)`,
    );
  }

  const context = await openForQuery({ ...options, format }, io, bundledData, FORMATS);
  if (table === undefined) {
    io.out(renderJson(exportBase(context.base)));
    return 0;
  }
  const records = exportTable(context.base, table);
  if (format === 'ndjson') io.out(renderNdjson(records));
  else if (format === 'csv')
    io.out(renderCsv(EXPORT_COLUMNS[table], tableRows(table, records), { raw: options.csvRaw === true }));
  else io.out(renderJson(records));
  return 0;
}

const exportOptions = {
  table: {
    value: '<name>',
    description: 'organisations, memberships, programmes, funding, events, articles or agreements',
    choices: EXPORT_TABLES,
  },
  csvRaw: { description: 'CSV cells exactly as in the data, formulas included (for programs, not spreadsheets)' },
  dialect: {
    value: '<dialect>',
    description: '--format sql: sqlite (the default) or postgres',
    choices: SQL_DIALECTS,
  },
  out: { value: '<file>', description: '--format sqlite: the database file to write' },
  force: { description: '--format sqlite: replace the file and its .metadata.json if they exist' },
} as const;

export const command = defineCommand({
  name: 'export',
  summary: 'the whole base, resolved: JSON, SQL or a SQLite file; one table as NDJSON or CSV',
  options: exportOptions,
  details: `The whole base, resolved. JSON (the default) is one object {organisations, memberships, programmes,
funding, events, articles, agreements}, each an array of records with their id and every field; memberships are
flattened as {organisation, member, role, since, until, note, source}. With --table, one table as
--format ndjson (one JSON record a line) or csv.

In CSV, a cell that begins with =, +, -, @ or a tab is written with a leading ' so that a
spreadsheet shows it as text instead of running it as a formula (OWASP); plain numbers such as -12
are left as they are. --csv-raw keeps every cell exactly as in the data.

--format sql prints the whole base as SQL (tables named as above, foreign keys, indexes, views for
the common questions, a full-text table), for sqlite3 (--dialect sqlite, the default) or psql -f
(--dialect postgres). --format sqlite --out FILE writes a SQLite database (built by sql.js, SQLite
in WebAssembly: nothing to compile) and FILE.metadata.json beside it for Datasette; an existing
file is kept unless --force.`,
  examples: [
    { command: 'coop export > base.json' },
    { command: 'coop export --table memberships --format csv > memberships.csv' },
    { command: 'coop export --table funding --format ndjson | jq .amount' },
    { command: 'coop export --format sqlite --out coop.db && sqlite3 coop.db' },
    { command: 'coop export --format sql --dialect postgres | psql -f - coop' },
  ],
  run: (options, { io, bundledData }) => exportCommand(options, io, bundledData),
});
