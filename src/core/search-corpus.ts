import { everyVersion, textFor, type Language, type Text } from './language.js';
import type { Agreement, Article, Base, CoopEvent, Organisation, Person, Programme } from './model.js';
import { nameKey } from './text.js';

/**
 * What `coop search` reads, without fuse.js: the documents, their names sorted for the prefix stage,
 * and a word index that narrows the fuzzy stage to the documents holding a word close to each word
 * of the text. Built in memory from a base, or stored in the cache and read a piece at a time.
 */

export const SEARCH_TYPES = ['organisation', 'programme', 'event', 'article', 'person', 'agreement'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** Every field a record is searched on; `matched.field` is one of these. */
export type SearchField =
  | 'id'
  | 'name'
  | 'short_name'
  | 'aliases'
  | 'former_names'
  | 'title'
  | 'city'
  | 'place'
  | 'outlet'
  | 'authors'
  | 'description'
  | 'body';

export interface SearchDocument {
  type: SearchType;
  id: string;
  name: string;
  name_field?: string;
  short_name?: string;
  aliases?: string[];
  /** The names an organisation had before a change of name. */
  former_names?: string[];
  title?: string;
  city?: string;
  place?: string;
  outlet?: string;
  authors?: string[];
  description?: string;
  body?: string;
}

/** The document fields fuse.js searches, in the order of its keys (name is `name_field`). */
export const SEARCHED_KEYS = [
  'name_field',
  'short_name',
  'aliases',
  'former_names',
  'title',
  'id',
  'city',
  'place',
  'outlet',
  'authors',
  'description',
  'body',
] as const;

/** One name a record answers to, folded, for the prefix stage; `doc` is the document's position. */
export interface NameKey {
  key: string;
  doc: number;
  field: SearchField;
  value: string;
}

export interface Vocabulary {
  /** Every word of every searched field, folded. */
  words: string[];
  /** For each word, how many field values hold it, as fuse.js counts for its word weights. */
  df: number[];
  /** How many field values hold a word at all. */
  fieldCount: number;
}

export interface SearchCorpus {
  size: number;
  document(position: number): SearchDocument;
  nameCount: number;
  /** Names sorted by key: every key starting with a text is one contiguous run. */
  name(position: number): NameKey;
  vocabulary(): Vocabulary;
  /** The positions of the documents holding the word, ascending. */
  postings(word: number): number[];
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Between the versions of a text in a search document: every version is searched, and a match is
 * shown from its own version only (search.ts excerpt). A control character: no text holds one.
 */
export const VERSION_SEPARATOR = '\u001f';

/** A text in every language it has, the base's first: searched whatever the reader's language. */
function allVersions(value: Text | undefined, language: Language): string | undefined {
  return value === undefined ? undefined : everyVersion(value, language).join(VERSION_SEPARATOR);
}

/** The tables whose records are searched, in document order. */
export const SEARCHED_TABLES = [
  ['organisations', 'organisation'],
  ['programmes', 'programme'],
  ['events', 'event'],
  ['articles', 'article'],
  ['people', 'person'],
  ['agreements', 'agreement'],
] as const;

function organisationNames(org: Organisation): Pick<SearchDocument, 'former_names' | 'city'> {
  const former = (org.former_names ?? []).map((f) => f.name).filter((name) => present(name));
  return { ...(former.length > 0 ? { former_names: former } : {}), city: present(org.city) };
}

export function searchDocument(
  type: SearchType,
  record: Organisation | Programme | CoopEvent | Article | Person | Agreement,
  language: Language,
): SearchDocument {
  switch (type) {
    case 'organisation':
    case 'programme':
    case 'agreement': {
      const named = record as Organisation | Programme;
      return {
        type,
        id: named.id,
        name: named.name,
        name_field: named.name,
        short_name: present(named.short_name),
        aliases: named.aliases?.filter((alias) => present(alias)),
        ...(type === 'organisation' ? organisationNames(named as Organisation) : {}),
        description: present(allVersions(named.description, language)),
      };
    }
    case 'event': {
      const event = record as CoopEvent;
      return {
        type,
        id: event.id,
        name: textFor(event.title, undefined, language),
        title: allVersions(event.title, language),
        place: present(event.place),
        description: present(allVersions(event.description, language)),
      };
    }
    case 'article': {
      const article = record as Article;
      return {
        type,
        id: article.id,
        name: article.title,
        title: article.title,
        outlet: present(article.outlet),
        authors: article.authors.filter((author) => present(author)),
        body: present(article.body),
      };
    }
    case 'person': {
      const person = record as Person;
      // Roles are searched as words ("présidente"): who held which office.
      const roles = [...new Set((person.roles ?? []).map((r) => r.role))].join(', ');
      return {
        type,
        id: person.id,
        name: person.name,
        name_field: person.name,
        aliases: person.aliases?.filter((alias) => present(alias)),
        description: present(roles),
      };
    }
  }
}

/** The search documents of a base: one per organisation, programme, event and article. */
export function searchDocuments(base: Base): SearchDocument[] {
  return SEARCHED_TABLES.flatMap(([table, type]) =>
    (base[table] as Array<Organisation | Programme | CoopEvent | Article | Person | Agreement>).map((record) =>
      searchDocument(type, record, base.language),
    ),
  );
}

/** Runs of letters, marks, digits and underscores: fuse.js's own default words. */
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Letters that do not decompose, written as fuse.js writes them (its NON_DECOMPOSABLE_MAP, lower
 * case): "Weiß" is searched as "weiss".
 */
const NOT_DECOMPOSABLE: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ħ: 'h', ŧ: 't', ı: 'i', ß: 'ss' };
const NOT_DECOMPOSABLE_CHARS = /[łđøħŧıß]/g;

/**
 * The words of a text as fuse.js's analyser makes them: lower case, every combining mark removed
 * (fuse removes most of them; removing them all keeps the word index a superset of what fuse
 * matches), the letters above spelt out.
 */
export function fieldWords(text: string): string[] {
  const folded = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(NOT_DECOMPOSABLE_CHARS, (char) => NOT_DECOMPOSABLE[char]!);
  return words(folded);
}

/** The sorted names, the vocabulary and the postings of a list of documents. */
export function buildSearchCorpus(documents: readonly SearchDocument[]): {
  names: NameKey[];
  vocabulary: Vocabulary;
  postings: number[][];
} {
  const names: NameKey[] = [];
  const wordIndex = new Map<string, number>();
  const vocabulary: Vocabulary = { words: [], df: [], fieldCount: 0 };
  const postings: number[][] = [];
  documents.forEach((doc, position) => {
    const add = (field: SearchField, value: string | undefined) => {
      if (value !== undefined) names.push({ key: nameKey(value), doc: position, field, value });
    };
    add('id', doc.id);
    add('name', doc.name_field);
    add('short_name', doc.short_name);
    for (const alias of doc.aliases ?? []) add('aliases', alias);
    for (const former of doc.former_names ?? []) add('former_names', former);
    add('title', doc.title);

    for (const key of SEARCHED_KEYS) {
      const value = doc[key];
      for (const text of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
        const distinct = new Set(fieldWords(text));
        if (distinct.size === 0) continue;
        vocabulary.fieldCount++;
        for (const word of distinct) {
          let index = wordIndex.get(word);
          if (index === undefined) {
            index = vocabulary.words.length;
            wordIndex.set(word, index);
            vocabulary.words.push(word);
            vocabulary.df.push(0);
            postings.push([]);
          }
          vocabulary.df[index]!++;
          const list = postings[index]!;
          if (list[list.length - 1] !== position) list.push(position);
        }
      }
    }
  });
  names.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { names, vocabulary, postings };
}

/** A corpus held in memory, for a base read from the data files. */
export function memoryCorpus(base: Base): SearchCorpus {
  const documents = searchDocuments(base);
  const { names, vocabulary, postings } = buildSearchCorpus(documents);
  return {
    size: documents.length,
    document: (position) => documents[position]!,
    nameCount: names.length,
    name: (position) => names[position]!,
    vocabulary: () => vocabulary,
    postings: (word) => postings[word]!,
  };
}

/**
 * Whether `pattern` occurs in `text` with at most `errors` insertions, deletions or substitutions
 * (Myers' bit-parallel algorithm, for patterns of at most 31 characters). fuse.js scores a word by
 * errors over length and keeps those at or under its threshold: a word of the vocabulary that
 * passes this test may hold a match, one that fails cannot.
 */
export function occursWithin(pattern: string, text: string, errors: number): boolean {
  const m = pattern.length;
  if (m === 0) return true;
  if (m > 31) throw new RangeError('pattern too long');
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  let pv = -1 >>> (32 - m);
  let mv = 0;
  let score = m;
  const last = 1 << (m - 1);
  for (let j = 0; j < text.length; j++) {
    const eq = peq.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // Searching, not comparing: a match may start anywhere in the text (no carry into the first row).
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score <= errors) return true;
  }
  return score <= errors;
}
