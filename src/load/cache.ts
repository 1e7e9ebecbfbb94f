// Synchronous fs and no crypto: loading node:fs/promises and node:crypto would cost a warm run more
// than all of its reading.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Base } from '../core/model.js';
import { CacheDamagedError } from '../errors.js';
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
const VERSION = 3;

/**
 * What the cached result depends on: every data file's path, size, times and inode, and the build
 * of coop that checked them. An edit, an addition, a removal or a rename changes it.
 */
export function cacheKey(files: readonly DataFile[], build: string): string {
  const parts = [build];
  for (const f of files) parts.push(`${f.path}\u0000${f.size}\u0000${f.mtimeMs}\u0000${f.ctimeMs}\u0000${f.ino}`);
  return `${files.length}-${hash64(parts.join('\n'))}`;
}

/**
 * FNV-1a, twice with different offsets: 64 bits, enough that two states of one data folder do not
 * collide. Not a defence against an attacker, who could edit the data files themselves anyway.
 */
export function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * Where the cache of this data folder lives: $COOP_CACHE_DIR, else $XDG_CACHE_HOME/coop, else
 * ~/.cache/coop; undefined (no cache) when none is known or it would fall inside the data folder.
 */
export function cacheFileFor(realDataDir: string, env: Readonly<Record<string, string | undefined>>, cwd: string): string | undefined {
  const dir = env.COOP_CACHE_DIR
    ? resolve(cwd, env.COOP_CACHE_DIR)
    : env.XDG_CACHE_HOME
      ? join(resolve(cwd, env.XDG_CACHE_HOME), 'coop')
      : env.HOME
        ? join(env.HOME, '.cache', 'coop')
        : undefined;
  if (!dir) return undefined;
  const inside = relative(realDataDir, dir);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return undefined;
  return join(dir, `${hash64(realDataDir)}.json`);
}

const TABLES = ['organisations', 'programmes', 'funding', 'events', 'articles'] as const;

/**
 * The cached result for this key, or undefined. The file is a header line, a line of diagnostics,
 * then one line per table: a stale cache is refused after reading one short line, and each table is
 * parsed only when a command first touches it (`coop list` never parses the events).
 */
export async function readCache(file: string, key: string): Promise<CachedBase | undefined> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  // Line boundaries only: each line is decoded when (and if) it is used.
  const lines: Array<[start: number, end: number]> = [];
  for (let start = 0; lines.length < 2 + TABLES.length; ) {
    const end = bytes.indexOf(NEWLINE, start);
    lines.push([start, end === -1 ? bytes.length : end]);
    if (end === -1) break;
    start = end + 1;
  }
  if (lines.length !== 2 + TABLES.length) return undefined;
  // The file is pure ASCII (see writeCache): latin1 is the fastest exact decoding.
  const line = (i: number) => bytes.toString('latin1', lines[i]![0], lines[i]![1]);
  try {
    const header = JSON.parse(line(0)) as { format?: unknown; version?: unknown; key?: unknown };
    if (header.format !== FORMAT || header.version !== VERSION || header.key !== key) return undefined;
    const diagnostics = JSON.parse(line(1)) as unknown;
    if (!Array.isArray(diagnostics)) return undefined;
    // Each table must at least look like an array: a truncated or corrupt file is refused here.
    const looksLikeArray = ([start, end]: [number, number]) => end > start && bytes[start] === OPEN_BRACKET && bytes[end - 1] === CLOSE_BRACKET;
    if (!lines.slice(2).every(looksLikeArray)) return undefined;
    return { base: lazyBase((i) => line(2 + i), file), diagnostics: diagnostics as Diagnostic[] };
  } catch {
    return undefined;
  }
}

const NEWLINE = 0x0a;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** A Base whose tables are decoded and parsed on first access. */
function lazyBase(tableLine: (i: number) => string, file: string): Base {
  const base = {} as Base;
  TABLES.forEach((table, i) => {
    let value: unknown[] | undefined;
    Object.defineProperty(base, table, {
      enumerable: true,
      get: () => (value ??= parseTable(tableLine(i), file)),
    });
  });
  return base;
}

/**
 * JSON with every non-ASCII character escaped: the cache then decodes as latin1, several times
 * faster than UTF-8, and parses into one-byte strings wherever the text allows.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A table that does not parse means the file was damaged: it is removed, and the command runs again. */
function parseTable(line: string, file: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    value = undefined;
  }
  if (Array.isArray(value)) return value;
  try {
    rmSync(file, { force: true });
  } catch {
    // Removing it is a courtesy: the key will not match a rebuilt cache anyway.
  }
  throw new CacheDamagedError('the cache of validated records is damaged');
}

/**
 * Writes the cache atomically: a temporary file beside it, then a rename, so a reader (another coop
 * running at the same time) sees the old cache or the new one, never half of one.
 */
export async function writeCache(file: string, key: string, value: CachedBase): Promise<void> {
  // Unique to this process and moment: two runs at once never write the same temporary file.
  const temporary = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    const handle = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(handle, `${JSON.stringify({ format: FORMAT, version: VERSION, key })}\n${asciiJson(value.diagnostics)}`);
      // A table at a time, a thousand records at a time: one string of a whole large base would
      // double the memory of the run that writes it.
      for (const table of TABLES) {
        const records = value.base[table] as unknown[];
        writeSync(handle, '\n[');
        for (let start = 0; start < records.length; start += 1000) {
          const chunk = records.slice(start, start + 1000).map(asciiJson).join(',');
          writeSync(handle, start === 0 ? chunk : `,${chunk}`);
        }
        writeSync(handle, ']');
      }
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
