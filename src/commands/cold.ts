import { setFlagsFromString } from 'node:v8';
import type { Diagnostic } from '../core/diagnostics.js';
import { createBaseBuilder } from '../core/validate.js';
import type { CachedBase } from '../load/cache.js';
import type { DataFile } from '../load/files.js';
import { forEachParsedFile } from '../load/load-base.js';

/**
 * The cold path: read, parse and check every data file. Imported only when the cache cannot answer,
 * so that a warm run never loads the YAML parser, gray-matter or zod.
 */
// A very deep document can abort Node inside V8's regexp compiler; the interpreter tier is safe.
// Set here, before any data file is parsed: a warm run parses none and skips loading node:v8.
setFlagsFromString('--no-regexp-tier-up');

export async function buildFromFiles(files: readonly DataFile[]): Promise<CachedBase> {
  const builder = createBaseBuilder();
  const problems: Diagnostic[] = [];
  await forEachParsedFile(files, (file, fileProblems) => {
    problems.push(...fileProblems);
    builder.add(file);
  });
  const built = builder.finish();
  // Sorted once, with the discovery problems, where the command receives them (context.ts).
  return { base: built.base, diagnostics: [...problems, ...built.diagnostics] };
}
