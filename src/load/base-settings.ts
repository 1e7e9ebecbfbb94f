import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { BASE_SETTINGS_FILE, checkBaseSettings, DEFAULT_SETTINGS, type BaseSettings } from '../core/settings.js';
import { readText } from './files.js';
import { parseYaml } from './yaml.js';

/**
 * Reads coop.yaml at the root of the data folder. Read on every run rather than cached: it is a few
 * bytes, and a base without it is a base with the defaults.
 */
export async function readBaseSettings(root: string): Promise<{ settings: BaseSettings; diagnostics: Diagnostic[] }> {
  const absolutePath = join(root, BASE_SETTINGS_FILE);
  let size: number;
  try {
    const info = statSync(absolutePath);
    if (!info.isFile()) return { settings: DEFAULT_SETTINGS, diagnostics: [] };
    size = info.size;
  } catch {
    return { settings: DEFAULT_SETTINGS, diagnostics: [] };
  }
  const read = await readText({ path: BASE_SETTINGS_FILE, absolutePath, size });
  if ('problem' in read) return { settings: DEFAULT_SETTINGS, diagnostics: [read.problem] };
  const parsed = parseYaml(BASE_SETTINGS_FILE, read.text);
  const checked = checkBaseSettings({ path: BASE_SETTINGS_FILE, positions: parsed.positions }, parsed.data);
  return { settings: checked.settings, diagnostics: [...parsed.diagnostics, ...checked.diagnostics] };
}
