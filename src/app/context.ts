import { LANGUAGES, localeLanguage, type Language } from '../core/language.js';
import { isAbsolute, relative, resolve, join } from 'node:path';
import type { Base } from '../core/model.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { IO } from '../io.js';
import {
  cacheFileFor,
  cacheKey,
  mayChangeUnseen,
  readCache,
  writeCache,
  type CachedBase,
  type CachedBaseWithStore,
} from '../load/cache.js';
import { discoverFiles, type DataFile } from '../load/files.js';
import { countDiagnostics, sortDiagnostics } from '../core/diagnostics.js';
import { indexBase, resolveRecords, suggestRecordIds, type AnyRecord, type BaseIndex } from '../core/base-index.js';
import { storedIndex, type RecordStore, type TableName } from '../load/stored-index.js';
import type { RecordType } from '../core/model.js';
import { closest, plural } from '../core/text.js';
import { loadStyle, type Style } from '../render/style.js';

import { rejectEmptyDataOption, type GlobalOptions } from '../command.js';

export type { GlobalOptions };

declare const __COOP_BUILD__: string;
/** Identifies the code that checked the data: a cache written by another build is not trusted. */
const BUILD = typeof __COOP_BUILD__ === 'string' ? __COOP_BUILD__ : 'dev';

import { NotFoundError, UsageError } from '../errors.js';

export { NotFoundError, UsageError };

export interface OpenBase {
  base: Base;
  diagnostics: Diagnostic[];
  dataDir: string;
  /** How to show a data file's path to the person: relative to where they stand when it is below. */
  displayPath: (file: string) => string;
  /** The data files found, as the cache key saw them. */
  files: DataFile[];
  /** How many records each table holds: from the cache without parsing them. */
  counts: Record<TableName, number>;
  /** The index: from the cache's stored lookups when the base came from it. */
  index(): BaseIndex;
}

/** Which data folder: --data, then $COOP_DATA, then the data/ bundled with coop. */
export function resolveDataDir(options: GlobalOptions, io: IO, bundledData: string): string {
  rejectEmptyDataOption(options);
  const chosen = options.data ?? (io.env.COOP_DATA || undefined);
  return chosen === undefined ? bundledData : resolve(io.cwd, chosen);
}

export async function openBase(options: GlobalOptions, io: IO, bundledData: string): Promise<OpenBase> {
  const dataDir = resolveDataDir(options, io, bundledData);
  const listedAt = Date.now();
  const discovered = await discoverFiles(dataDir);
  const cacheFile = options.cache === false ? undefined : cacheFileFor(discovered.realRoot, io.env, io.cwd);
  // coop.yaml too: what it says is kept in the cache with the records.
  const keyed = discovered.settings ? [...discovered.files, discovered.settings] : discovered.files;
  const key = cacheKey(keyed, BUILD);
  let built: CachedBase | CachedBaseWithStore | undefined = cacheFile ? await readCache(cacheFile, key) : undefined;
  if (!built) {
    const { buildFromFiles } = await import('./cold-build.js');
    built = await buildFromFiles(discovered.files, discovered.settings);
    if (cacheFile && !mayChangeUnseen(keyed, listedAt)) await writeCache(cacheFile, key, built);
  }
  const diagnostics = [...discovered.diagnostics, ...built.diagnostics];
  const shown = relative(io.cwd, dataDir);
  const prefix = shown === '' ? '' : !shown.startsWith('..') && !isAbsolute(shown) ? shown : dataDir;
  return {
    base: built.base,
    diagnostics: sortDiagnostics(diagnostics),
    files: discovered.files,
    counts: 'counts' in built ? built.counts : countRecords(built.base),
    index: indexFor(built.base, 'store' in built ? built.store : undefined),
    dataDir,
    displayPath: (file) => (prefix === '' ? file : join(prefix, file).split('\\').join('/')),
  };
}

function countRecords(base: Base): Record<TableName, number> {
  return {
    organisations: base.organisations.length,
    programmes: base.programmes.length,
    funding: base.funding.length,
    events: base.events.length,
    articles: base.articles.length,
    people: base.people.length,
    agreements: base.agreements.length,
  };
}

/** The index, built once, on first use. */
function indexFor(base: Base, store: RecordStore | undefined): () => BaseIndex {
  let index: BaseIndex | undefined;
  return () => (index ??= store ? storedIndex(base, store) : indexBase(base));
}

/** --json wins; then --format; then a table on a terminal and TSV in a pipe. */
export function outputFormat(
  options: GlobalOptions,
  io: IO,
  allowed: readonly string[] = ['table', 'tsv', 'json', 'csv'],
): string {
  if (options.json) return 'json';
  if (options.format !== undefined) {
    if (!allowed.includes(options.format))
      throw new UsageError(`unknown format "${options.format}"`, `use one of: ${allowed.join(', ')}`);
    return options.format;
  }
  if (io.isTTY) return allowed[0]!;
  return allowed.includes('tsv') ? 'tsv' : allowed[0]!;
}

export interface QueryContext extends Omit<OpenBase, 'index'> {
  index: BaseIndex;
  format: string;
  paint: Style;
  width: number;
}

/**
 * What every query command starts with: the base loaded and indexed, the output format chosen, and
 * one line on stderr when the base has problems (the answer comes from the valid records).
 */
export async function openForQuery(
  options: GlobalOptions,
  io: IO,
  bundledData: string,
  formats?: readonly string[],
): Promise<QueryContext> {
  const format = outputFormat(options, io, formats);
  const opened = await openBase(options, io, bundledData);
  const counts = countDiagnostics(opened.diagnostics);
  if (counts.errors > 0) {
    io.err(
      `coop: the base has ${plural(counts.errors, 'error')} (see coop validate); answering from the valid records\n`,
    );
  }
  return { ...opened, index: opened.index(), format, paint: await loadStyle(io.color), width: io.columns };
}

/** One record by id, name or alias; NotFoundError with the closest ids and names otherwise. */
export function findRecord(
  index: BaseIndex,
  query: string,
  types: readonly RecordType[] | undefined,
  noun: string,
): AnyRecord {
  const found = resolveRecords(index, query, types);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) {
    throw new NotFoundError(
      `"${query}" names several records`,
      found.map((f) => f.record.id),
    );
  }
  throw new NotFoundError(`no ${noun} "${query}"`, suggestRecordIds(index, query, types));
}

/**
 * The reader's language: --lang, else the locale (LC_ALL, LC_MESSAGES, LANG), else none, and then
 * the base's texts are shown as written and closed lists by their ids.
 */
export function readerLanguage(option: string | undefined, io: IO): Language | undefined {
  checkChoice(option, LANGUAGES, '--lang');
  return (option as Language | undefined) ?? localeLanguage(io.env);
}

/** An option value outside its closed list: a usage error with the closest values. */
export function checkChoice(value: string | undefined, allowed: readonly string[], option: string): void {
  if (value === undefined || allowed.includes(value)) return;
  const near = closest(value, allowed);
  throw new UsageError(
    `${option} "${value}" is not one of: ${allowed.join(', ')}`,
    near.length ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : undefined,
  );
}
