// Synchronous fs: a warm run reads a few records, and loading node:fs/promises would cost it more
// than all of its reading.
import { closeSync, constants, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { CacheDamagedError } from '../errors.js';
import type { RecordStore } from './stored-index.js';

const FORMAT = 'coop-cache';
const VERSION = 6;

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

type Table = { count: number; offsets: Uint32Array };

/**
 * A store file, read a part at a time. A file that cannot be opened, is stale, or whose header,
 * trailer, directory or diagnostics are wrong is no cache at all: open() answers undefined. A part
 * found damaged only when used removes the file and throws CacheDamagedError: the command runs again.
 */
export class StoreFileReader {
  /** Records and lookups read one by one: what storedIndex() answers from. */
  readonly store: RecordStore = {
    count: (name) => this.describe(name).count,
    record: (name, position) => this.record(name, position),
    lookup: (name) => this.lookup(name) as never,
  };
  private readonly tables = new Map<string, Table>();
  private readonly wholeTables = new Map<string, unknown[]>();
  private readonly records = new Map<string, unknown[]>();
  private readonly lookups = new Map<string, unknown>();
  // A table read record by record: past a threshold, its bytes are read at once, and the following
  // records come from memory (the funding of a programme reads thousands of them).
  private readonly reads = new Map<string, number>();
  private readonly tableBytes = new Map<string, { start: number; bytes: Buffer }>();

  private constructor(
    private readonly file: string,
    private readonly handle: number,
    private readonly size: number,
    private readonly directory: Directory,
    readonly diagnostics: unknown[],
  ) {}

  /** The store file at `file` if it holds this key; its handle then stays open (keepOpen). */
  static open(file: string, key: string): StoreFileReader | undefined {
    let handle: number;
    try {
      // Non-blocking: opening a FIFO put at the cache's name would otherwise wait for a writer for ever.
      handle = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch {
      return undefined;
    }
    let keep = false;
    try {
      const head = readHeadAndDirectory(handle, key);
      if (!head) return undefined;
      const reader = new StoreFileReader(file, handle, head.size, head.directory, head.diagnostics);
      keep = true;
      keepOpen(handle);
      return reader;
    } catch {
      return undefined;
    } finally {
      if (!keep) closeQuietly(handle);
    }
  }

  /** A whole table, parsed at once. */
  table(name: string): unknown[] {
    let value = this.wholeTables.get(name);
    if (!value) {
      const { count, offsets } = this.describe(name);
      const start = offsets[0]!;
      const end = offsets[count]! - 2;
      const parsed = count === 0 ? [] : this.parse(start - 2, end - start + 4);
      if (!Array.isArray(parsed) || parsed.length !== count) this.damaged();
      value = parsed as unknown[];
      this.wholeTables.set(name, value);
    }
    return value;
  }

  private record(name: string, position: number): unknown {
    const whole = this.wholeTables.get(name);
    if (whole) return whole[position];
    let memo = this.records.get(name);
    if (!memo) this.records.set(name, (memo = []));
    let value = memo[position];
    if (value === undefined) {
      const [start, length] = this.spanOf(name, position);
      value = this.readRecord(name, start, length);
      memo[position] = value;
    }
    return value;
  }

  private lookup(name: string): unknown {
    let value = this.lookups.get(name);
    if (value === undefined) {
      const span = Object.hasOwn(this.directory.lookups, name) ? this.directory.lookups[name] : undefined;
      value = span ? this.parse(span[0], span[1]) : this.damaged();
      // A part of the right syntax but the wrong shape (null, a string) would fail every later
      // run, or answer wrongly: damage, like any other.
      if (!lookupShapeOk(name, value)) this.damaged();
      this.lookups.set(name, value);
    }
    return value;
  }

  /** A table's count and record offsets, decoded and checked on first use. */
  private describe(name: string): Table {
    let table = this.tables.get(name);
    if (!table) this.tables.set(name, (table = this.decodeOffsets(name)));
    return table;
  }

  private decodeOffsets(name: string): Table {
    const tables = this.directory.tables;
    const entry = Object.hasOwn(tables, name) ? tables[name]! : this.damaged();
    if (!Number.isInteger(entry.count) || entry.count < 0 || typeof entry.offsets !== 'string') this.damaged();
    const bytes = Buffer.from(entry.offsets, 'base64');
    if (bytes.length !== (entry.count + 1) * 4) this.damaged();
    // Copied into an aligned buffer of its own: a view into Buffer's pool may be misaligned.
    const offsets = new Uint32Array(entry.count + 1);
    for (let i = 0; i <= entry.count; i++) {
      offsets[i] = bytes.readUInt32LE(i * 4);
      // Records follow one another, each at least "{}" and its ",\n": anything else is damage.
      if (i > 0 && offsets[i]! < offsets[i - 1]! + 4) this.damaged();
    }
    if (offsets[entry.count]! > this.size) this.damaged();
    return { count: entry.count, offsets };
  }

  /** Where record `position` is: its first byte and its length. */
  private spanOf(name: string, position: number): [number, number] {
    const { count, offsets } = this.describe(name);
    if (!(position >= 0 && position < count)) return this.damaged();
    return [offsets[position]!, offsets[position + 1]! - offsets[position]! - 2];
  }

  private readRecord(name: string, start: number, length: number): unknown {
    const held = this.heldBytes(name);
    // Read with the bytes around it: a record starts a line and ends before ",\n" (or "\n]" for the
    // last), so an offset into the middle of another record shows as damage, not as a record.
    let text: string;
    if (held) {
      const from = start - 1 - held.start;
      if (from < 0 || from + length + 3 > held.bytes.length) return this.damaged();
      text = held.bytes.toString('utf8', from, from + length + 3);
    } else {
      try {
        text = this.read(start - 1, length + 3);
      } catch {
        return this.damaged();
      }
    }
    const ending = text.slice(-2);
    if (text[0] !== '\n' || (ending !== ',\n' && ending !== '\n]')) return this.damaged();
    try {
      const value = JSON.parse(text.slice(1, -2)) as unknown;
      if (value === null || typeof value !== 'object') return this.damaged();
      return value;
    } catch {
      return this.damaged();
    }
  }

  /** A table's bytes, read at once when this read of one of its records passes the threshold. */
  private heldBytes(name: string): { start: number; bytes: Buffer } | undefined {
    let held = this.tableBytes.get(name);
    if (held) return held;
    const count = (this.reads.get(name) ?? 0) + 1;
    this.reads.set(name, count);
    // Worth it only once a good part of the table is wanted: a read of each record costs a few
    // microseconds, reading 16 MB of organisations at once some fifteen milliseconds.
    const { count: records, offsets } = this.describe(name);
    if (!(count > Math.max(256, records / 3))) return undefined;
    // From the newline before the first record to the "\n]" after the last.
    const first = offsets[0]! - 1;
    let bytes: Buffer;
    try {
      bytes = readAt(this.handle, this.size, first, offsets[records]! - first);
    } catch {
      return this.damaged();
    }
    held = { start: first, bytes };
    this.tableBytes.set(name, held);
    return held;
  }

  /** A part found damaged only when used: the file is removed, and the command runs again. */
  private parse(start: number, length: number): unknown {
    try {
      return JSON.parse(this.read(start, length));
    } catch {
      return this.damaged();
    }
  }

  private damaged(): never {
    try {
      rmSync(this.file, { force: true });
    } catch {
      // Removing it is a courtesy: the key will not match a rebuilt cache anyway.
    }
    throw new CacheDamagedError('the cache of validated records is damaged');
  }

  private read(start: number, length: number): string {
    return readAt(this.handle, this.size, start, length).toString('utf8');
  }
}

/**
 * The size, directory and diagnostics of an open store file; undefined when it is not a regular
 * file, is stale, or its trailer, directory or diagnostics have the wrong shape. Throws where it
 * is not JSON or shorter than it says: no cache either, for the caller.
 */
function readHeadAndDirectory(
  handle: number,
  key: string,
): { size: number; directory: Directory; diagnostics: unknown[] } | undefined {
  const info = fstatSync(handle);
  if (!info.isFile()) return undefined;
  const size = info.size;
  const read = (start: number, length: number): string => readAt(handle, size, start, length).toString('utf8');
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
  return { size, directory, diagnostics };
}

/** `length` bytes of the file from `start`, or a RangeError: outside the file, or the file shrank. */
function readAt(handle: number, size: number, start: number, length: number): Buffer {
  if (start < 0 || length < 0 || start + length > size) throw new RangeError('outside the cache');
  const buffer = Buffer.allocUnsafe(length);
  for (let done = 0; done < length; ) {
    const got = readSync(handle, buffer, done, length - done, start + done);
    if (got === 0) throw new RangeError('the cache is shorter than it says');
    done += got;
  }
  return buffer;
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

/**
 * Writes a store file atomically: a temporary file beside it, then a rename, so a reader (another
 * coop running at the same time) sees the old file or the new one, never half of one. Any failure
 * is ignored: the cache is only ever an optimisation.
 */
export function writeStoreFile(file: string, key: string, content: StoreContent): void {
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
  if (name === 'settings') return isPlainObject(value) && (value.language === 'fr' || value.language === 'en');
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
