import { basename, resolve } from 'node:path';
import type { IO } from '../io.js';
import { pathTaken, writeOutputFile } from '../load/write.js';
import { renderDatasetteMetadata } from '../render/datasette.js';
import { renderJson } from '../render/json.js';
import { renderSql, SQL_DIALECTS, type SqlDialect } from '../render/sql.js';
import { RefusedError } from '../errors.js';
import { checkChoice, openForQuery, UsageError, type GlobalOptions } from './context.js';

/** The options of `coop export` that only --format sql and --format sqlite read. */
interface SqlExportOptions {
  table?: string;
  /** --format sql: sqlite (the default) or postgres. */
  dialect?: string;
  /** --format sqlite: the database file to write (required). */
  out?: string;
  /** --format sqlite: replace the file (and its .metadata.json) when they exist. */
  force?: boolean;
}

/** --format json, ndjson or csv: the SQL options would be silently ignored; refused instead. */
export function checkNoSqlOptions(options: SqlExportOptions): void {
  const given = (['dialect', 'out', 'force'] as const).filter(
    (name) => options[name] !== undefined && options[name] !== false,
  );
  if (given.length > 0) throw new UsageError(`--${given[0]} is for --format sql or --format sqlite`);
}

/** Every option that does not fit the format is refused before the base is read. */
function checkSqlOptions(format: 'sql' | 'sqlite', options: SqlExportOptions): void {
  if (options.table !== undefined)
    throw new UsageError(`--format ${format} exports the whole base: --table does not apply`, 'leave out --table');
  if (format === 'sql') {
    checkChoice(options.dialect, SQL_DIALECTS, '--dialect');
    if (options.out !== undefined)
      throw new UsageError(
        '--out is for --format sqlite',
        'redirect the SQL instead: coop export --format sql > coop.sql',
      );
    if (options.force) throw new UsageError('--force is for --format sqlite --out FILE');
    return;
  }
  if (options.dialect !== undefined)
    throw new UsageError('--dialect is for --format sql', '--format sqlite writes a SQLite file');
  if (options.out === undefined)
    throw new UsageError(
      '--format sqlite writes a file: it needs --out FILE',
      'e.g. coop export --format sqlite --out coop.db',
    );
}

/**
 * --format sql: the SQL printed piece by piece. --format sqlite: the database built in memory,
 * then written with its Datasette metadata as <out>.metadata.json beside it, each whole or not at
 * all, never over an existing file without --force.
 */
export async function exportSql(
  format: 'sql' | 'sqlite',
  options: SqlExportOptions & GlobalOptions,
  io: IO,
  bundledData: string,
  formats: readonly string[],
): Promise<number> {
  checkSqlOptions(format, options);
  const target = format === 'sqlite' ? resolve(io.cwd, options.out!) : undefined;
  const metadataTarget = target === undefined ? undefined : `${target}.metadata.json`;
  // Refused before the work of building the database; the exclusive writes below close the race.
  if (target !== undefined && !options.force) {
    for (const path of [target, metadataTarget!]) {
      if (pathTaken(path))
        throw new RefusedError(`${path} exists: nothing written`, 'add --force to replace it, or choose another --out');
    }
  }
  if (target === undefined) {
    const context = await openForQuery({ ...options, format }, io, bundledData, formats);
    for (const chunk of renderSql(context.base, (options.dialect ?? 'sqlite') as SqlDialect)) io.out(chunk);
    return 0;
  }
  // Two threads (publish-thread.ts): the worker gets sql.js ready while the base is read, then runs
  // the SQL while this thread writes it.
  const { startPublishThread } = await import('./publish-thread.js');
  const { sqliteScript } = await import('../render/sqlite-db.js');
  const thread = startPublishThread();
  let bytes: Uint8Array;
  let metadata: string;
  try {
    const context = await openForQuery({ ...options, format }, io, bundledData, formats);
    // The file is about four times the size of the data files (3.3 for the benchmark's bases).
    thread.beginDatabase(4 * context.files.reduce((sum, file) => sum + file.size, 0));
    for (const chunk of sqliteScript(context.base)) thread.runSql(chunk);
    const database = basename(target).replace(/\.[^.]*$/, '') || basename(target);
    metadata = renderJson(renderDatasetteMetadata(context.base, database));
    bytes = await thread.database();
  } finally {
    await thread.close();
  }
  try {
    for (const [path, content] of [
      [target, bytes],
      [metadataTarget!, metadata],
    ] as const) {
      if (!writeOutputFile(path, content, options.force === true))
        throw new RefusedError(`${path} exists: nothing written`, 'add --force to replace it, or choose another --out');
    }
  } catch (error) {
    if (error instanceof RefusedError) throw error;
    throw new UsageError(`cannot write ${target} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  io.out(`${target}\n${metadataTarget}\n`);
  return 0;
}
