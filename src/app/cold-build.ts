import type { Diagnostic } from '../core/diagnostics.js';
import { createBaseBuilder } from '../core/validate.js';
import type { CachedBase } from '../load/cache.js';
import type { DataFile, SettingsFile } from '../load/files.js';
import { readBaseSettings } from '../load/base-settings.js';
import { forEachParsedFile, parseFile } from '../load/read-data-folder.js';

/**
 * The cold path: read, parse and check every data file. Imported only when the cache cannot answer,
 * so that a warm run never loads the YAML parser, gray-matter or zod.
 */
export async function buildFromFiles(files: readonly DataFile[], settingsFile?: SettingsFile): Promise<CachedBase> {
  const built = await buildWithChanges(files, new Map());
  const settings = await readBaseSettings(settingsFile);
  built.base.language = settings.settings.language;
  return { base: built.base, diagnostics: [...settings.diagnostics, ...built.diagnostics] };
}

/**
 * The base as it would be with some files' text replaced or added: what `coop new` and `coop add`
 * check before writing anything. `changed` maps paths relative to the data folder to their text, or to null for a file removed.
 */
export async function buildWithChanges(
  files: readonly DataFile[],
  changed: ReadonlyMap<string, { kind: DataFile['kind']; text: string } | null>,
): Promise<CachedBase> {
  const builder = createBaseBuilder();
  const problems: Diagnostic[] = [];
  const unchanged = files.filter((file) => !changed.has(file.path));
  await forEachParsedFile(unchanged, (file, fileProblems) => {
    problems.push(...fileProblems);
    builder.add(file);
  });
  for (const [path, change] of changed) {
    // null: the file is removed.
    if (change === null) continue;
    const parsed = parseFile({ path, kind: change.kind }, change.text);
    problems.push(...parsed.diagnostics);
    builder.add(parsed.file);
  }
  const built = builder.finish();
  // Sorted once, with the discovery problems, where the command receives them (context.ts).
  return { base: built.base, diagnostics: [...problems, ...built.diagnostics] };
}
