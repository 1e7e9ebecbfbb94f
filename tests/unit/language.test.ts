import { describe, expect, it } from 'vitest';
import { everyVersion, isTranslations, localeLanguage, readText } from '../../src/core/language.js';

describe('texts by language', () => {
  it('gives the reader their language when the text has it', () => {
    expect(readText({ fr: 'Bonjour', en: 'Hello' }, 'en', 'fr')).toEqual({
      text: 'Hello',
      language: 'en',
      fallback: false,
    });
    expect(readText({ fr: 'Bonjour', en: 'Hello' }, 'fr', 'fr')).toEqual({
      text: 'Bonjour',
      language: 'fr',
      fallback: false,
    });
  });
  it('falls back to the base language, then to any, and says so', () => {
    expect(readText({ fr: 'Bonjour' }, 'en', 'fr')).toEqual({ text: 'Bonjour', language: 'fr', fallback: true });
    expect(readText({ en: 'Hello' }, 'fr', 'fr')).toEqual({ text: 'Hello', language: 'en', fallback: true });
    expect(readText('Bonjour', 'en', 'fr')).toEqual({ text: 'Bonjour', language: 'fr', fallback: true });
  });
  it('with no reader language, shows the base language and nothing is a fallback', () => {
    expect(readText('Bonjour', undefined, 'fr')).toEqual({ text: 'Bonjour', language: 'fr', fallback: false });
    expect(readText({ fr: 'Bonjour', en: 'Hello' }, undefined, 'en')).toEqual({
      text: 'Hello',
      language: 'en',
      fallback: false,
    });
  });
  it('lists every version, the language asked first, and tells a text by language from others', () => {
    expect(everyVersion({ fr: 'Bonjour', en: 'Hello' })).toEqual(['Hello', 'Bonjour']);
    expect(everyVersion({ fr: 'Bonjour', en: 'Hello' }, 'fr')).toEqual(['Bonjour', 'Hello']);
    expect(everyVersion('Bonjour', 'en')).toEqual(['Bonjour']);
    expect(isTranslations({ fr: 'x' })).toBe(true);
    expect(isTranslations({ fr: 'x', de: 'y' })).toBe(false);
    expect(isTranslations('x')).toBe(false);
  });
  it('reads the locale as POSIX orders it, and only the languages coop speaks', () => {
    expect(localeLanguage({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(localeLanguage({ LANG: 'en_US.UTF-8', LC_ALL: 'fr_CA.UTF-8' })).toBe('fr');
    expect(localeLanguage({ LANG: 'fr_FR.UTF-8', LC_MESSAGES: 'en_GB' })).toBe('en');
    expect(localeLanguage({ LANG: 'en' })).toBe('en');
    expect(localeLanguage({ LANG: 'C.UTF-8' })).toBeUndefined();
    expect(localeLanguage({ LANG: 'de_DE.UTF-8' })).toBeUndefined();
    expect(localeLanguage({ LANG: 'french' })).toBeUndefined();
    expect(localeLanguage({})).toBeUndefined();
  });
});
