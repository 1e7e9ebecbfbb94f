import type { Base } from '../core/model.js';
import { renderSql } from './sql.js';

/**
 * `coop export --format sqlite` and the site's data/coop.db: the sqlite-dialect SQL of renderSql
 * executed in sql.js (SQLite compiled to WebAssembly), the database returned as bytes; the caller
 * writes them. sql.js rather than better-sqlite3: it needs no compiler and no prebuilt binary
 * fetched at install time, so it installs on any machine. Loaded only here: no other command pays
 * for the WebAssembly.
 *
 * The same text `--format sql` prints, so the file and the script cannot drift apart. Binding the
 * values to prepared statements instead was measured slower: sql.js converts every bound string
 * in JavaScript, character by character, and allocates it apart, which costs more than SQLite's
 * parsing of the literals. What costs is getting the text into WebAssembly memory, so the text is
 * encoded to UTF-8 natively and handed to sqlite3_exec as bytes (SqliteBuild.run).
 */
export async function sqliteDatabase(base: Base): Promise<Uint8Array> {
  const script = [...sqliteScript(base)];
  const build = await openSqliteBuild(SQL_TO_FILE * script.reduce((sum, chunk) => sum + chunk.length, 0));
  try {
    for (const chunk of script) build.run(chunk);
    return build.finish();
  } finally {
    build.close();
  }
}

/** About how many bytes of database file a byte of SQL text makes, a little more (1.4 measured). */
const SQL_TO_FILE = 1.5;

/** The SQL of renderSql(base, 'sqlite') as UTF-8, whole statements, in pieces of about `size` bytes. */
export function* sqliteScript(base: Base, size = 1 << 20): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: string[] = [];
  let length = 0;
  for (const chunk of renderSql(base, 'sqlite')) {
    pending.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield encoder.encode(pending.join(''));
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield encoder.encode(pending.join(''));
}

/** A database being built: statements run in order, then the file. */
export interface SqliteBuild {
  /** Runs SQL statements given as UTF-8 text (whole statements; no NUL byte, as renderSql writes none). */
  run(sql: Uint8Array): void;
  /** The planner's statistics, then the database file. */
  finish(): Uint8Array;
  close(): void;
}

/**
 * The parts of sql.js's module that run a script from bytes: sqlite3_exec and the heap functions
 * it exports beside its documented API, and the connection of a Database. Checked at run time:
 * without them (another version of sql.js), the text goes through Database.exec, slower but the same.
 */
interface SqlJsInternals {
  _malloc(size: number): number;
  _free(pointer: number): void;
  writeArrayToMemory(array: Uint8Array, pointer: number): void;
  _sqlite3_exec(db: number, sql: number, callback: number, argument: number, error: number): number;
  _sqlite3_errmsg(db: number): number;
  UTF8ToString(pointer: number): string;
}

const NUL = new Uint8Array(1);

/** Loads sql.js and compiles its WebAssembly (once a thread): what the first build would wait for. */
export async function prepareSqlite(): Promise<void> {
  const { default: initSqlJs } = await import('sql.js');
  await initSqlJs();
}

/** sql.js's module functions that SqliteBuild.run uses; undefined when this version of sql.js has not got them. */
function rawInternals(module: unknown): SqlJsInternals | undefined {
  const internals = module as Partial<SqlJsInternals>;
  return typeof internals._malloc === 'function' &&
    typeof internals._free === 'function' &&
    typeof internals.writeArrayToMemory === 'function' &&
    typeof internals._sqlite3_exec === 'function' &&
    typeof internals._sqlite3_errmsg === 'function' &&
    typeof internals.UTF8ToString === 'function'
    ? (internals as SqlJsInternals)
    : undefined;
}

/** From this size (the caller's guess of the file's), openSqliteBuild makes room for the database first. */
const ROOM_FROM = 16 * 1024 * 1024;

/**
 * A new database. `size`: about how large its file will be, when the caller can guess; too much or
 * too little changes only the time. sql.js keeps the file in an array that grows by an eighth each
 * time a page goes past its end, copied whole each time, and SQLite takes its memory from the
 * WebAssembly heap page by page: for 10,000 organisations (a 97 MB file), a third of the building.
 * With a guess, both are made that large at once: the file by opening, as the database, a copy of
 * an empty database's first page followed by zeros (SQLite reads the pages it has from its header;
 * those after are space it writes into; sql.js's export copies the pages SQLite has, nothing
 * else: the file is the same, byte for byte), the heap by taking as much and giving it back.
 */
export async function openSqliteBuild(size = 0): Promise<SqliteBuild> {
  const { default: initSqlJs } = await import('sql.js');
  // The module is made once and kept by sql.js: after prepareSqlite, this waits for nothing.
  const SQL = await initSqlJs();
  const internals = rawInternals(SQL);
  let db: InstanceType<typeof SQL.Database>;
  if (size >= ROOM_FROM && internals !== undefined) {
    const empty = new SQL.Database();
    let first: Uint8Array;
    try {
      // A first write, so that the database has its first page.
      empty.exec('PRAGMA user_version = 0;');
      first = empty.export();
    } finally {
      empty.close();
    }
    const room = Math.ceil(size);
    const image = new Uint8Array(room);
    image.set(first);
    db = new SQL.Database(image);
    const block = internals._malloc(room);
    if (block !== 0) {
      internals.writeArrayToMemory(image.subarray(first.length), block);
      internals._free(block);
    }
  } else {
    db = new SQL.Database();
  }
  // Every page stays in memory until the commit, written once: with SQLite's default 2 MB cache,
  // pages went out to the file and back many times over. The file's content does not depend on it.
  db.exec('PRAGMA cache_size = -1048576;');
  const handle = (db as unknown as { db?: unknown }).db;
  const raw = typeof handle === 'number' ? internals : undefined;
  const decoder = new TextDecoder();
  return {
    run(sql) {
      if (raw === undefined) {
        db.exec(decoder.decode(sql));
        return;
      }
      const text = raw._malloc(sql.length + 1);
      if (text === 0) throw new Error('SQLite: out of memory');
      try {
        raw.writeArrayToMemory(sql, text);
        raw.writeArrayToMemory(NUL, text + sql.length);
        if (raw._sqlite3_exec(handle as number, text, 0, 0, 0) !== 0)
          throw new Error(`SQLite: ${raw.UTF8ToString(raw._sqlite3_errmsg(handle as number))}`);
      } finally {
        raw._free(text);
      }
    },
    finish() {
      // The planner's statistics stored for whoever queries the file. No VACUUM: a database built in
      // one transaction has nothing to reclaim (0.3% on 10,000 organisations) and it doubled the time.
      db.exec('ANALYZE;');
      return db.export();
    },
    close() {
      db.close();
    },
  };
}
