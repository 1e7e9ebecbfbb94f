import type { Diagnostic } from './diagnostics.js';
import { DEFAULT_BASE_LANGUAGE, LANGUAGES, type Language } from './language.js';
import { positionOf, type ParsedFile } from './parsed-file.js';
import { diagnostic, type RuleId, type RuleParams } from './rules.js';
import { describe } from './schema-issues.js';
import { didYouMean } from './text.js';

/** The file, at the root of the data folder, that says what holds for the whole base. */
export const BASE_SETTINGS_FILE = 'coop.yaml';

export interface BaseSettings {
  /** The language of the base's plain-string texts (core/language.ts). */
  language: Language;
}

export const DEFAULT_SETTINGS: BaseSettings = { language: DEFAULT_BASE_LANGUAGE };

const KNOWN_KEYS = ['language'];

/**
 * The settings a parsed coop.yaml gives, and its problems. A mistake leaves the default in place and
 * is reported; it never stops the base from being read.
 */
export function checkBaseSettings(
  file: Pick<ParsedFile, 'path' | 'positions'>,
  data: unknown,
): { settings: BaseSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const report = <R extends RuleId>(rule: R, params: RuleParams<R>, path: string[], preferKey = false) => {
    const [line, column] = positionOf(file.positions, path, preferKey);
    diagnostics.push(diagnostic(rule, params, { file: file.path, line, column }));
  };
  if (data === undefined || data === null) return { settings: DEFAULT_SETTINGS, diagnostics };
  if (typeof data !== 'object' || Array.isArray(data)) {
    report('wrong-type', { problem: 'field', field: BASE_SETTINGS_FILE, expected: 'a map', found: describe(data) }, []);
    return { settings: DEFAULT_SETTINGS, diagnostics };
  }
  const fields = data as Record<string, unknown>;
  for (const key of Object.keys(fields))
    if (!KNOWN_KEYS.includes(key))
      report('unknown-field', { key, suggestion: didYouMean(key, KNOWN_KEYS), known: KNOWN_KEYS }, [key], true);
  const language = fields.language;
  if (language === undefined) return { settings: DEFAULT_SETTINGS, diagnostics };
  if (!LANGUAGES.includes(language as Language)) {
    report(
      'bad-enum',
      { value: language, field: 'language', suggestion: didYouMean(String(language), LANGUAGES), allowed: LANGUAGES },
      ['language'],
    );
    return { settings: DEFAULT_SETTINGS, diagnostics };
  }
  return { settings: { language: language as Language }, diagnostics };
}
