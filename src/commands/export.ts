import { EXPORT_COLUMNS, EXPORT_TABLES, exportBase, exportTable, tableRows, type ExportTable } from '../core/export.js';
import type { IO } from '../io.js';
import { renderCsv } from '../render/delimited.js';
import { renderJson, renderNdjson } from '../render/json.js';
import { checkChoice, openForQuery, outputFormat, UsageError, type GlobalOptions } from './context.js';
import { checkNoSqlOptions, exportSql, type SqlExportOptions } from './export-sql.js';

/** --dialect, --out and --force: read by --format sql and sqlite only (commands/export-sql.ts). */
export interface ExportOptions extends GlobalOptions, SqlExportOptions {
  table?: string;
}

const FORMATS = ['json', 'ndjson', 'csv', 'sql', 'sqlite'] as const;

/**
 * The whole base, resolved: JSON by default, whatever the terminal (an export is for machines);
 * one table with --table, as JSON, NDJSON or CSV; the whole base as SQL or as a SQLite file.
 */
export async function exportCommand(options: ExportOptions, io: IO, bundledData: string): Promise<number> {
  checkChoice(options.table, EXPORT_TABLES, '--table');
  // No table/tsv default here: without --format or --json, JSON on a terminal and in a pipe alike.
  const format = options.json || options.format !== undefined ? outputFormat(options, io, FORMATS) : 'json';
  if (format === 'sql' || format === 'sqlite') return exportSql(format, options, io, bundledData, FORMATS);
  checkNoSqlOptions(options);
  const table = options.table as ExportTable | undefined;
  if (format !== 'json' && table === undefined) {
    throw new UsageError(`--format ${format} exports one table: it needs --table`, `add --table with one of: ${EXPORT_TABLES.join(', ')} (or use --format json for the whole base)`);
  }

  const context = await openForQuery({ ...options, format }, io, bundledData, FORMATS);
  if (table === undefined) {
    io.out(renderJson(exportBase(context.base)));
    return 0;
  }
  const records = exportTable(context.base, table);
  if (format === 'ndjson') io.out(renderNdjson(records));
  else if (format === 'csv') io.out(renderCsv(EXPORT_COLUMNS[table], tableRows(table, records)));
  else io.out(renderJson(records));
  return 0;
}
