import { setFlagsFromString } from 'node:v8';
import { sortDiagnostics } from '../core/diagnostics.js';
import { buildBase } from '../core/validate.js';
import type { CachedBase } from '../load/cache.js';
import type { DataFile } from '../load/files.js';
import { parseDataFiles } from '../load/load-base.js';

/**
 * The cold path: read, parse and check every data file. Imported only when the cache cannot answer,
 * so that a warm run never loads the YAML parser, gray-matter or zod.
 */
// A very deep document can abort Node inside V8's regexp compiler; the interpreter tier is safe.
// Set here, before any data file is parsed: a warm run parses none and skips loading node:v8.
setFlagsFromString('--no-regexp-tier-up');

export async function buildFromFiles(files: readonly DataFile[]): Promise<CachedBase> {
  const loaded = await parseDataFiles(files);
  const built = buildBase(loaded.files);
  return { base: built.base, diagnostics: sortDiagnostics([...loaded.diagnostics, ...built.diagnostics]) };
}
