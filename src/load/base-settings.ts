import type { Diagnostic } from '../core/diagnostics.js';
import { checkBaseSettings, DEFAULT_SETTINGS, type BaseSettings } from '../core/settings.js';
import { readText, type SettingsFile } from './files.js';
import { parseYaml } from './yaml.js';

/**
 * Reads coop.yaml, found at the root of the data folder by discoverFiles. Part of the cold path
 * (app/cold-build.ts): the cache key covers the file, and the cache keeps what it says, so that a
 * warm run never loads the YAML parser for it. A base without it is a base with the defaults.
 */
export async function readBaseSettings(
  file: SettingsFile | undefined,
): Promise<{ settings: BaseSettings; diagnostics: Diagnostic[] }> {
  if (file === undefined) return { settings: DEFAULT_SETTINGS, diagnostics: [] };
  const read = await readText(file);
  if ('problem' in read) return { settings: DEFAULT_SETTINGS, diagnostics: [read.problem] };
  const parsed = parseYaml(file.path, read.text);
  const checked = checkBaseSettings({ path: file.path, positions: parsed.positions }, parsed.data);
  return { settings: checked.settings, diagnostics: [...parsed.diagnostics, ...checked.diagnostics] };
}
