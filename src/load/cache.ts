// Synchronous fs and no crypto: loading node:fs/promises and node:crypto would cost a warm run more
// than all of its reading.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import type { Base } from '../core/model.js';
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
const VERSION = 1;

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

/** The cached result for this key, or undefined. Line 1 is a small header: a stale cache is refused without parsing the rest. */
export async function readCache(file: string, key: string): Promise<CachedBase | undefined> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline === -1) return undefined;
  try {
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; version?: unknown; key?: unknown };
    if (header.format !== FORMAT || header.version !== VERSION || header.key !== key) return undefined;
    const payload = JSON.parse(text.slice(newline + 1)) as Partial<CachedBase>;
    if (!isCachedBase(payload)) return undefined;
    return payload;
  } catch {
    return undefined;
  }
}

function isCachedBase(value: Partial<CachedBase>): value is CachedBase {
  const base = value.base as Partial<Base> | undefined;
  return (
    Array.isArray(value.diagnostics) &&
    base !== undefined &&
    ['organisations', 'programmes', 'funding', 'events', 'articles'].every((table) => Array.isArray((base as Record<string, unknown>)[table]))
  );
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
    const header = JSON.stringify({ format: FORMAT, version: VERSION, key });
    writeFileSync(temporary, `${header}\n${JSON.stringify(value)}`, { mode: 0o600, flag: 'wx' });
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the cache is only ever an optimisation.
    }
  }
}
