// Synchronous fs and no crypto: loading node:fs/promises and node:crypto would cost a warm run more
// than all of its reading.
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Base } from '../core/model.js';
import { CacheDamagedError } from '../errors.js';
import { computeLookups, computeSearchStore, TABLES, type RecordStore, type TableName } from '../core/stored-index.js';
import type { DataFile } from './files.js';

/**
 * The cache of validated records: a warm run reads one JSON file instead of parsing YAML
 * (DESIGN section 4). It is only ever an optimisation: whatever goes wrong with it (missing,
 * stale, truncated, corrupt, foreign, unwritable), coop rebuilds from the data files.
 */
export interface CachedBase {
  base: Base;
  /** The reading, parsing and checking problems (discovery problems are found afresh each run). */
  diagnostics: Diagnostic[];
}

const FORMAT = 'coop-cache';
const VERSION = 6;

/**
 * What the cached result depends on: every data file's path, size, times and inode, and the build
 * of coop that checked them. An edit, an addition, a removal or a rename changes it.
 */
export function cacheKey(files: readonly DataFile[], build: string): string {
  const hash = new Hash64().update(build);
  // Numbers go in as their bits: formatting 50,000 of them as text would cost more than hashing.
  for (const f of files) hash.update(f.path).number(f.size).number(f.mtimeMs).number(f.ctimeMs).number(f.ino);
  return `${files.length}-${hash.digest()}`;
}

/**
 * FNV-1a, twice with different offsets: 64 bits, enough that two states of one data folder do not
 * collide. Not a defence against an attacker, who could edit the data files themselves anyway.
 */
function hash64(text: string): string {
  return new Hash64().update(text).digest();
}

/**
 * Whether a file could still change without changing its key: on a file system that keeps times
 * to the second (FAT, some network mounts), a file written within the second before it was listed
 * can be edited again, at the same size, within that same second. Such a base is not cached until
 * the second has passed (git does the same for its index). Times with a fraction of a second come
 * from a file system precise enough.
 */
export function mayChangeUnseen(files: readonly DataFile[], listedAt: number): boolean {
  // Only near the listing: a time in the future (a file from a machine with a fast clock) says nothing.
  const recent = (time: number) => time % 1000 === 0 && Math.abs(listedAt - time) < 2000;
  return files.some((f) => recent(f.mtimeMs) || recent(f.ctimeMs));
}

const NUMBER = new Float64Array(1);
const WORDS = new Uint32Array(NUMBER.buffer);

/** hash64 fed piece by piece: the key of 12,000 files is hashed without joining one long string. */
class Hash64 {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  update(text: string): this {
    let { a, b } = this;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    this.a = a;
    this.b = b;
    return this;
  }
  /** Mixes in a number's 64 bits, and a separator so that "ab" then 1 differs from "a" then "b1". */
  number(value: number): this {
    NUMBER[0] = value;
    this.mix(WORDS[0]!).mix(WORDS[1]!).mix(0);
    return this;
  }
  private mix(word: number): this {
    this.a = Math.imul(this.a ^ word, 0x01000193);
    this.b = Math.imul(this.b ^ word, 0x01000193) ^ (this.b >>> 15);
    return this;
  }
  digest(): string {
    return (this.a >>> 0).toString(16).padStart(8, '0') + (this.b >>> 0).toString(16).padStart(8, '0');
  }
}

/**
 * Where the cache of this data folder lives: $COOP_CACHE_DIR, else $XDG_CACHE_HOME/coop, else
 * ~/.cache/coop; undefined (no cache) when none is known or it would fall inside the data folder.
 */
export function cacheFileFor(
  realDataDir: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): string | undefined {
  const dir = env.COOP_CACHE_DIR
    ? resolve(cwd, env.COOP_CACHE_DIR)
    : env.XDG_CACHE_HOME
      ? join(resolve(cwd, env.XDG_CACHE_HOME), 'coop')
      : env.HOME
        ? join(env.HOME, '.cache', 'coop')
        : undefined;
  if (!dir) return undefined;
  // Compared as the folder really is: a cache folder that is a link into the data folder is inside it.
  const inside = relative(realDataDir, realExisting(dir));
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return undefined;
  return join(dir, `${hash64(realDataDir)}.json`);
}

/**
 * A store file, UTF-8: a header line (format, version, key), a line of diagnostics, then each
 * table's records one a line (",\n" between them, so that a whole table parses as one JSON array),
 * then each lookup on a line, then a directory of where everything is, and last the directory's
 * offset in 16 digits. A stale file is refused after reading its first line; a command then reads
 * the directory and only the records and lookups it uses.
 *
 * The cache is two such files: the validated records with their lookups, and beside it the search
 * corpus, built by the first `coop search` (building it costs a cold `validate` a sixth of its time).
 */
interface Directory {
  diagnostics: Span;
  /**
   * Each table's records: `offsets` is n + 1 unsigned 32-bit little-endian numbers, base64: where
   * each record starts, and where one more would (records are followed by ",\n"). Decoded without
   * parsing, so a table of 100,000 names costs nothing until its records are read.
   */
  tables: Record<string, { count: number; offsets: string }>;
  lookups: Record<string, Span>;
}
type Span = [start: number, length: number];
const TRAILER = 16;

interface StoreContent {
  diagnostics: unknown[];
  tables: Record<string, readonly unknown[]>;
  lookups: Record<string, unknown>;
}

export interface CachedBaseWithStore extends CachedBase {
  /** Records and lookups read one by one: what storedIndex() answers from. */
  store: RecordStore;
  /** How many records each table holds, known without parsing them. */
  counts: Record<TableName, number>;
}

/** The cached result for this key, or undefined when there is none or it cannot be trusted. */
export async function readCache(file: string, key: string): Promise<CachedBaseWithStore | undefined> {
  const opened = openStoreFile(file, key);
  if (!opened) return undefined;
  const { store, diagnostics, table } = opened;
  const base = {} as Base;
  for (const name of TABLES) Object.defineProperty(base, name, { enumerable: true, get: () => table(name) });
  let search: RecordStore | undefined;
  store.searchStore = () => (search ??= searchStoreFor(`${file.replace(/\.json$/, '')}.search.json`, key, base));
  return {
    base,
    diagnostics: diagnostics as Diagnostic[],
    store,
    counts: Object.fromEntries(TABLES.map((name) => [name, store.count(name)])) as Record<TableName, number>,
  };
}

/** The search corpus: from its file when it matches, else built from the base and written for next time. */
function searchStoreFor(file: string, key: string, base: Base): RecordStore {
  const opened = openStoreFile(file, key);
  if (opened) return opened.store;
  const content = computeSearchStore(base);
  writeStoreFile(file, key, { diagnostics: [], ...content });
  return {
    record: (table, position) => content.tables[table as keyof typeof content.tables]?.[position],
    count: (table) => content.tables[table as keyof typeof content.tables]?.length ?? 0,
    lookup: (name) => (content.lookups as Record<string, unknown>)[name] as never,
  };
}

function openStoreFile(
  file: string,
  key: string,
): { store: RecordStore; diagnostics: unknown[]; table: (name: string) => unknown[] } | undefined {
  let handle: number;
  try {
    // Non-blocking: opening a FIFO put at the cache's name would otherwise wait for a writer for ever.
    handle = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  let keep = false;
  try {
    const info = fstatSync(handle);
    if (!info.isFile()) return undefined;
    const size = info.size;
    const readBytes = (start: number, length: number): Buffer => {
      if (start < 0 || length < 0 || start + length > size) throw new RangeError('outside the cache');
      const buffer = Buffer.allocUnsafe(length);
      for (let done = 0; done < length; ) {
        const got = readSync(handle, buffer, done, length - done, start + done);
        if (got === 0) throw new RangeError('the cache is shorter than it says');
        done += got;
      }
      return buffer;
    };
    const read = (start: number, length: number): string => readBytes(start, length).toString('utf8');
    const head = read(0, Math.min(size, 512));
    const newline = head.indexOf('\n');
    if (newline === -1) return undefined;
    const header = JSON.parse(head.slice(0, newline)) as { format?: unknown; version?: unknown; key?: unknown };
    if (header.format !== FORMAT || header.version !== VERSION || header.key !== key) return undefined;
    const trailer = read(size - TRAILER, TRAILER);
    if (!/^\d{16}$/.test(trailer)) return undefined;
    const directoryStart = Number(trailer);
    const directory = JSON.parse(read(directoryStart, size - TRAILER - directoryStart)) as Directory;
    if (!isDirectory(directory)) return undefined;
    const diagnostics = JSON.parse(read(...directory.diagnostics)) as unknown;
    if (!Array.isArray(diagnostics)) return undefined;

    const damaged = (): never => {
      try {
        rmSync(file, { force: true });
      } catch {
        // Removing it is a courtesy: the key will not match a rebuilt cache anyway.
      }
      throw new CacheDamagedError('the cache of validated records is damaged');
    };
    /** A part found damaged only when used: the file is removed, and the command runs again. */
    const parse = (start: number, length: number): unknown => {
      try {
        return JSON.parse(read(start, length));
      } catch {
        return damaged();
      }
    };
    const decoded = new Map<string, { count: number; offsets: Uint32Array }>();
    const describe = (name: string): { count: number; offsets: Uint32Array } => {
      let table = decoded.get(name);
      if (!table) {
        const entry = Object.hasOwn(directory.tables, name) ? directory.tables[name]! : damaged();
        if (!Number.isInteger(entry.count) || entry.count < 0 || typeof entry.offsets !== 'string') damaged();
        const bytes = Buffer.from(entry.offsets, 'base64');
        if (bytes.length !== (entry.count + 1) * 4) damaged();
        // Copied into an aligned buffer of its own: a view into Buffer's pool may be misaligned.
        const offsets = new Uint32Array(entry.count + 1);
        for (let i = 0; i <= entry.count; i++) {
          offsets[i] = bytes.readUInt32LE(i * 4);
          // Records follow one another, each at least "{}" and its ",\n": anything else is damage.
          if (i > 0 && offsets[i]! < offsets[i - 1]! + 4) damaged();
        }
        if (offsets[entry.count]! > size) damaged();
        table = { count: entry.count, offsets };
        decoded.set(name, table);
      }
      return table;
    };
    /** Where record `position` is: its first byte and its length. */
    const spanOf = (name: string, position: number): [number, number] => {
      const { count, offsets } = describe(name);
      if (!(position >= 0 && position < count)) return damaged();
      return [offsets[position]!, offsets[position + 1]! - offsets[position]! - 2];
    };
    const wholeTables = new Map<string, unknown[]>();
    const records = new Map<string, unknown[]>();
    const lookups = new Map<string, unknown>();
    // A table read record by record: past a threshold, its bytes are read at once, and the following
    // records come from memory (the funding of a programme reads thousands of them).
    const reads = new Map<string, number>();
    const tableBytes = new Map<string, { start: number; bytes: Buffer }>();
    const readRecord = (name: string, start: number, length: number): unknown => {
      let held = tableBytes.get(name);
      if (!held) {
        const count = (reads.get(name) ?? 0) + 1;
        reads.set(name, count);
        // Worth it only once a good part of the table is wanted: a read of each record costs a few
        // microseconds, reading 16 MB of organisations at once some fifteen milliseconds.
        const { count: records, offsets } = describe(name);
        if (count > Math.max(256, records / 3)) {
          // From the newline before the first record to the "\n]" after the last.
          const first = offsets[0]! - 1;
          let bytes: Buffer;
          try {
            bytes = readBytes(first, offsets[records]! - first);
          } catch {
            return damaged();
          }
          held = { start: first, bytes };
          tableBytes.set(name, held);
        }
      }
      // Read with the bytes around it: a record starts a line and ends before ",\n" (or "\n]" for the
      // last), so an offset into the middle of another record shows as damage, not as a record.
      let text: string;
      if (held) {
        const from = start - 1 - held.start;
        if (from < 0 || from + length + 3 > held.bytes.length) return damaged();
        text = held.bytes.toString('utf8', from, from + length + 3);
      } else {
        try {
          text = read(start - 1, length + 3);
        } catch {
          return damaged();
        }
      }
      const ending = text.slice(-2);
      if (text[0] !== '\n' || (ending !== ',\n' && ending !== '\n]')) return damaged();
      try {
        const value = JSON.parse(text.slice(1, -2)) as unknown;
        if (value === null || typeof value !== 'object') return damaged();
        return value;
      } catch {
        return damaged();
      }
    };
    const table = (name: string): unknown[] => {
      let value = wholeTables.get(name);
      if (!value) {
        const { count, offsets } = describe(name);
        const start = offsets[0]!;
        const end = offsets[count]! - 2;
        const parsed = count === 0 ? [] : parse(start - 2, end - start + 4);
        if (!Array.isArray(parsed) || parsed.length !== count) damaged();
        value = parsed as unknown[];
        wholeTables.set(name, value);
      }
      return value;
    };
    const store: RecordStore = {
      count: (name) => describe(name).count,
      record: (name, position) => {
        const whole = wholeTables.get(name);
        if (whole) return whole[position];
        let memo = records.get(name);
        if (!memo) records.set(name, (memo = []));
        let value = memo[position];
        if (value === undefined) {
          const [start, length] = spanOf(name, position);
          value = readRecord(name, start, length);
          memo[position] = value;
        }
        return value;
      },
      lookup: (name) => {
        let value = lookups.get(name);
        if (value === undefined) {
          const span = Object.hasOwn(directory.lookups, name) ? directory.lookups[name] : undefined;
          value = span ? parse(span[0], span[1]) : damaged();
          // A part of the right syntax but the wrong shape (null, a string) would fail every later
          // run, or answer wrongly: damage, like any other.
          if (!lookupShapeOk(name, value)) damaged();
          lookups.set(name, value);
        }
        return value as never;
      },
    };
    keep = true;
    keepOpen(handle);
    return { store, diagnostics, table };
  } catch (error) {
    if (error instanceof CacheDamagedError) throw error;
    return undefined;
  } finally {
    if (!keep) closeQuietly(handle);
  }
}

/**
 * Store files stay open while the command runs (records are read from them as needed) and are
 * closed when the process ends, by one listener for them all.
 */
const openHandles = new Set<number>();
function keepOpen(handle: number): void {
  if (openHandles.size === 0) process.once('exit', () => openHandles.forEach(closeQuietly));
  openHandles.add(handle);
}

function closeQuietly(handle: number): void {
  try {
    closeSync(handle);
  } catch {
    // Already closed.
  }
}

/** Writes the cache of validated records: the records, their diagnostics and their lookups. */
export async function writeCache(file: string, key: string, value: CachedBase): Promise<void> {
  writeStoreFile(file, key, {
    diagnostics: value.diagnostics,
    tables: value.base as unknown as Record<string, unknown[]>,
    lookups: computeLookups(value.base) as unknown as Record<string, unknown>,
  });
}

/**
 * Writes a store file atomically: a temporary file beside it, then a rename, so a reader (another
 * coop running at the same time) sees the old file or the new one, never half of one. Any failure
 * is ignored: the cache is only ever an optimisation.
 */
function writeStoreFile(file: string, key: string, content: StoreContent): void {
  // Unique to this process and moment: two runs at once never write the same temporary file.
  const temporary = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    makeFolder(dirname(file), 0);
    const handle = openSync(temporary, 'wx', 0o600);
    try {
      let offset = 0;
      // Offsets and lengths in bytes: records are read back by their place in the file.
      const write = (text: string) => {
        const bytes = Buffer.from(text, 'utf8');
        for (let done = 0; done < bytes.length; ) done += writeSync(handle, bytes, done, bytes.length - done);
        offset += bytes.length;
      };
      const writePart = (text: string): Span => {
        const start = offset;
        write(`${text}\n`);
        return [start, Buffer.byteLength(text)];
      };
      write(`${JSON.stringify({ format: FORMAT, version: VERSION, key })}\n`);
      const diagnostics = writePart(JSON.stringify(content.diagnostics));
      const tables: Directory['tables'] = {};
      for (const [name, records] of Object.entries(content.tables)) {
        const lengths: number[] = [];
        // A table opens with "[" on a line of its own and its records follow, so that the whole
        // table reads as one JSON array; a few hundred records per write keep memory flat.
        write('[\n');
        const start = offset;
        for (let first = 0; first < records.length; first += 500) {
          const chunk = records.slice(first, first + 500).map((record) => JSON.stringify(record));
          for (const text of chunk) lengths.push(Buffer.byteLength(text));
          write(chunk.join(',\n') + (first + 500 < records.length ? ',\n' : ''));
        }
        write('\n]\n');
        const offsets = Buffer.alloc((lengths.length + 1) * 4);
        let at = start;
        lengths.forEach((length, i) => {
          offsets.writeUInt32LE(at, i * 4);
          at += length + 2;
        });
        offsets.writeUInt32LE(at, lengths.length * 4);
        tables[name] = { count: lengths.length, offsets: offsets.toString('base64') };
      }
      const lookups: Directory['lookups'] = {};
      for (const [name, value] of Object.entries(content.lookups)) lookups[name] = writePart(JSON.stringify(value));
      const directoryStart = offset;
      write(`${JSON.stringify({ diagnostics, tables, lookups } satisfies Directory)}\n`);
      write(String(directoryStart).padStart(TRAILER, '0'));
    } finally {
      closeSync(handle);
    }
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the cache is only ever an optimisation.
    }
  }
}

/**
 * The folder made with its missing parents, a level at a time and at most 32 deep: Node's recursive
 * mkdir loops for ever where mkdir keeps failing with ENOENT under an existing folder (/proc).
 */
function makeFolder(folder: string, depth: number): void {
  try {
    mkdirSync(folder, { mode: 0o700 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    if (code !== 'ENOENT' || depth >= 32 || dirname(folder) === folder) throw error;
    makeFolder(dirname(folder), depth + 1);
    mkdirSync(folder, { mode: 0o700 });
  }
}

/** A path with its longest existing part resolved (links followed), the rest kept as written. */
function realExisting(path: string): string {
  const rest: string[] = [];
  for (let at = path, i = 0; i < 64; i++) {
    try {
      return join(realpathSync(at), ...rest.reverse());
    } catch {
      if (dirname(at) === at) break;
      rest.push(basename(at));
      at = dirname(at);
    }
  }
  return path;
}

const isSpan = (value: unknown): value is Span =>
  Array.isArray(value) && value.length === 2 && Number.isSafeInteger(value[0]) && Number.isSafeInteger(value[1]);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function isDirectory(value: unknown): value is Directory {
  if (
    !isPlainObject(value) ||
    !isSpan(value.diagnostics) ||
    !isPlainObject(value.tables) ||
    !isPlainObject(value.lookups)
  )
    return false;
  return Object.values(value.lookups).every(isSpan) && Object.values(value.tables).every(isPlainObject);
}

const isStringArray = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isIndexArray = (value: unknown): boolean =>
  Array.isArray(value) && value.every((item) => Number.isSafeInteger(item) && (item as number) >= 0);

/** Whether a stored lookup has the shape core/stored-index.ts reads (StoredLookups). */
function lookupShapeOk(name: string, value: unknown): boolean {
  if (name.startsWith('ids.') || name.startsWith('names.')) return isStringArray(value);
  if (name === 'searchVocabulary') {
    if (!isPlainObject(value)) return false;
    const { words, df, fieldCount } = value;
    return (
      isStringArray(words) &&
      isIndexArray(df) &&
      (df as unknown[]).length === (words as unknown[]).length &&
      Number.isSafeInteger(fieldCount)
    );
  }
  if (!isPlainObject(value)) return false;
  const each = name === 'byName' ? isStringArray : isIndexArray;
  for (const key in value) if (!each(value[key])) return false;
  return true;
}
