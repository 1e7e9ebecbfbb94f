// Synchronous fs and no crypto: loading node:fs/promises and node:crypto would cost a warm run more
// than all of its reading.
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Base } from '../core/model.js';
import { computeLookups, computeSearchStore, TABLES, type RecordStore, type TableName } from './stored-index.js';
import type { SettingsFile } from './files.js';
import { StoreFileReader, writeStoreFile } from './store-file.js';

/**
 * The cache of validated records: a warm run reads one JSON file instead of parsing YAML
 * (docs/ARCHITECTURE.md, "Speed"). It is only ever an optimisation: whatever goes wrong with it (missing,
 * stale, truncated, corrupt, foreign, unwritable), coop rebuilds from the data files.
 */
export interface CachedBase {
  base: Base;
  /** The reading, parsing and checking problems (discovery problems are found afresh each run). */
  diagnostics: Diagnostic[];
}

/**
 * What the cached result depends on: every data file's path, size, times and inode, and the build
 * of coop that checked them. An edit, an addition, a removal or a rename changes it.
 */
export function cacheKey(files: readonly SettingsFile[], build: string): string {
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
export function mayChangeUnseen(files: readonly SettingsFile[], listedAt: number): boolean {
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

export interface CachedBaseWithStore extends CachedBase {
  /** Records and lookups read one by one: what storedIndex() answers from. */
  store: RecordStore;
  /** How many records each table holds, known without parsing them. */
  counts: Record<TableName, number>;
}

/** The cached result for this key, or undefined when there is none or it cannot be trusted. */
export async function readCache(file: string, key: string): Promise<CachedBaseWithStore | undefined> {
  const reader = StoreFileReader.open(file, key);
  if (!reader) return undefined;
  const { store } = reader;
  const base = {} as Base;
  Object.defineProperty(base, 'language', { enumerable: true, get: () => store.lookup('settings').language });
  for (const name of TABLES) Object.defineProperty(base, name, { enumerable: true, get: () => reader.table(name) });
  let search: RecordStore | undefined;
  store.searchStore = () => (search ??= searchStoreFor(`${file.replace(/\.json$/, '')}.search.json`, key, base));
  return {
    base,
    diagnostics: reader.diagnostics as Diagnostic[],
    store,
    counts: Object.fromEntries(TABLES.map((name) => [name, store.count(name)])) as Record<TableName, number>,
  };
}

/** The search corpus: from its file when it matches, else built from the base and written for next time. */
function searchStoreFor(file: string, key: string, base: Base): RecordStore {
  const reader = StoreFileReader.open(file, key);
  if (reader) return reader.store;
  const content = computeSearchStore(base);
  writeStoreFile(file, key, { diagnostics: [], ...content });
  return {
    record: (table, position) => content.tables[table as keyof typeof content.tables]?.[position],
    count: (table) => content.tables[table as keyof typeof content.tables]?.length ?? 0,
    lookup: (name) => (content.lookups as Record<string, unknown>)[name] as never,
  };
}

/** Writes the cache of validated records: the records, their diagnostics and their lookups. */
export async function writeCache(file: string, key: string, value: CachedBase): Promise<void> {
  writeStoreFile(file, key, {
    diagnostics: value.diagnostics,
    // The record tables only: the base's language is a lookup (settings).
    tables: Object.fromEntries(TABLES.map((name) => [name, value.base[name]])),
    lookups: computeLookups(value.base) as unknown as Record<string, unknown>,
  });
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
