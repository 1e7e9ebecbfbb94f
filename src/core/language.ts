/**
 * The languages of the base's own text. A text field (a description, a note, an event's title) holds
 * either a plain string, written in the base's language (`language:` of coop.yaml, French when the
 * file is absent), or one version per language: `{fr: ..., en: ...}`. Readers ask for their
 * language and get the other one, marked, when it is missing: nothing is ever hidden because it has
 * not been translated.
 */

export type Language = 'en' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'fr'];

/** The language a base's plain strings are in when it does not say. */
export const DEFAULT_BASE_LANGUAGE: Language = 'fr';

export type Translations = { [L in Language]?: string };

/** A text field's value as written: a plain string, or its versions by language. */
export type Text = string | Translations;

/** A text as one reader sees it: the words, their language, and whether it is not the one asked for. */
interface ReadText {
  text: string;
  language: Language;
  /** The reader asked for another language, which this text lacks. */
  fallback: boolean;
}

/**
 * A text in the reader's language, else in the base's language, else in any it has. With no reader
 * language, the base's: nothing is then a fallback.
 */
export function readText(value: Text, reader: Language | undefined, base: Language): ReadText {
  if (typeof value === 'string')
    return { text: value, language: base, fallback: reader !== undefined && reader !== base };
  const wanted = reader ?? base;
  const own = value[wanted];
  if (own !== undefined) return { text: own, language: wanted, fallback: false };
  for (const language of languagesFrom(base)) {
    const other = value[language];
    if (other !== undefined) return { text: other, language, fallback: true };
  }
  // The schema refuses a text with no version; a record from elsewhere still reads as empty.
  return { text: '', language: wanted, fallback: false };
}

/** The words of a text for one reader, without saying which language they are in. */
export function textFor(value: Text, reader: Language | undefined, base: Language): string;
export function textFor(value: Text | undefined, reader: Language | undefined, base: Language): string | undefined;
export function textFor(value: Text | undefined, reader: Language | undefined, base: Language): string | undefined {
  return value === undefined ? undefined : readText(value, reader, base).text;
}

/** The languages, `first` first: the order a text's versions are written and searched in. */
export function languagesFrom(first: Language | undefined): readonly Language[] {
  return first === undefined ? LANGUAGES : [first, ...LANGUAGES.filter((language) => language !== first)];
}

/** Every version of a text, `first`'s first: what search looks through, whatever the reader's language. */
export function everyVersion(value: Text | undefined, first?: Language): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  return languagesFrom(first).flatMap((language) => (value[language] !== undefined ? [value[language]] : []));
}

/**
 * The reader's language from a locale variable's value ("fr_FR.UTF-8" -> fr), as POSIX orders them:
 * LC_ALL, then LC_MESSAGES, then LANG. Undefined for a language coop has no words for (C, de_DE).
 */
export function localeLanguage(env: Readonly<Record<string, string | undefined>>): Language | undefined {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const code = locale.slice(0, 2).toLowerCase();
  return LANGUAGES.find((language) => language === code && (locale.length === 2 || /[_.@-]/.test(locale[2]!)));
}

/** A text written as its versions by language, rather than as a plain string. */
export function isTranslations(value: unknown): value is Translations {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => (LANGUAGES as readonly string[]).includes(key));
}
