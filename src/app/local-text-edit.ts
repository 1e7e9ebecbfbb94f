import { isTranslations, languagesFrom, type Language } from '../core/language.js';
import { removeField, setField, setFieldOfNewMapping, type Path } from '../edit/yaml-fields.js';
import { UsageError } from '../errors.js';

/**
 * How `coop set <record> <field> <text> [--lang fr|en]` writes one of our own texts (a
 * description, a note, an event's title), which is a plain string in the base's language or one
 * version per language. Returns the edit of the record's YAML and what to tell the person.
 *
 * - Without --lang, the text replaces a plain string; a text written in several languages is not
 *   replaced wholesale, which would lose the other language: --lang is asked for.
 * - With the base's language, a plain string stays a plain string.
 * - With another language, a plain string becomes { <base>: old, <lang>: new }, and a text already
 *   written by language gains or replaces that one version, the others kept.
 */
export function localTextEdit(options: {
  current: unknown;
  value: string;
  language: Language | undefined;
  base: Language;
  path: Path;
  key: string;
  order: readonly string[];
  label: string;
}): { edit: (yaml: string) => string; said: string } {
  const { current, value, language, base, path, key, order, label } = options;
  const versions = isTranslations(current) ? current : undefined;
  if (language === undefined && versions !== undefined)
    throw new UsageError(
      `${label} is written in ${Object.keys(versions).join(' and ')}: say which version to set`,
      `add ${languagesFrom(base)
        .map((l) => `--lang ${l}`)
        .join(' or ')}`,
    );
  const plain = versions === undefined && (language === undefined || language === base);
  if (plain) return { edit: (yaml) => setField(yaml, path, key, value, order), said: '' };
  const lang = language!;
  const said = ` (${lang})`;
  const versionOrder = languagesFrom(base);
  if (versions !== undefined)
    return { edit: (yaml) => setField(yaml, [...path, key], lang, value, versionOrder), said };
  // A plain string, or nothing yet, becomes one version per language; the old text is the base's.
  return {
    edit: (yaml) => {
      let text = yaml;
      if (typeof current === 'string') {
        text = removeField(text, path, key);
        text = setFieldOfNewMapping(text, path, key, base, current, order);
        return setField(text, [...path, key], lang, value, versionOrder);
      }
      return setFieldOfNewMapping(text, path, key, lang, value, order);
    },
    said,
  };
}
