import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { BaseIndex } from './base-index.js';
import { nameKey } from './text.js';
import {
  fieldWords,
  memoryCorpus,
  occursWithin,
  SEARCHED_KEYS,
  VERSION_SEPARATOR,
  words,
  type NameKey,
  type SearchCorpus,
  type SearchDocument,
  type SearchField,
  type SearchType,
} from './search-corpus.js';

/**
 * `coop search`: exact ids first, then exact names, acronyms and aliases (index.byName), then ids and
 * names that begin with the text (a sorted list, binary-searched), then fuse.js fuzzy matches over
 * every searchable field. Fuse's index is only built when the first stages leave room under the limit
 * (docs/ARCHITECTURE.md, "Speed": exact and prefix matches come from a map before fuzzy search).
 */

export { SEARCH_TYPES, type SearchType, type SearchField } from './search-corpus.js';

export interface SearchHit {
  type: SearchType;
  id: string;
  /** The record's name, or its title for events and articles. */
  name: string;
  /**
   * 0 is a perfect match, 1 none. Exact id and name matches score 0, prefix matches less than 0.1
   * (the more of the name left untyped, the higher), fuzzy matches 0.1 and above: the stages never
   * interleave, so the results are in score order.
   */
  score: number;
  /** The field that matched best, and its text (an excerpt around the match for long text). */
  matched: { field: SearchField; text: string };
}

export interface SearchOptions {
  type?: SearchType;
  limit: number;
}

/** Longest matched text shown; longer values (descriptions, bodies) are cut around the match. */
export const EXCERPT_LENGTH = 80;

/** Above this fuse score (0 perfect, 1 anything) a word does not match: one wrong letter in four. */
const FUZZY_THRESHOLD = 0.3;
/** Prefix scores stay below this; fuzzy scores are mapped above it. */
const PREFIX_BAND = 0.1;

/**
 * Names weigh most, then ids, places and bylines, then prose: tiers far enough apart that a word in a
 * long name still outranks the same word in a one-word city, and that one a mention in a description.
 * (A field that is exactly the text, as a city "Strasbourg" for strasbourg, scores best whatever its
 * weight: fuse gives such a field a perfect score.)
 */
const FIELD_WEIGHTS: Record<SearchField, number> = {
  name: 10,
  short_name: 10,
  aliases: 10,
  former_names: 10,
  title: 10,
  id: 3,
  city: 3,
  place: 3,
  outlet: 3,
  authors: 3,
  description: 1,
  body: 1,
};

/**
 * On a tie between two fields of one record, the one shown: names, places, prose; the id last, as the
 * results show it anyway.
 */
const FIELD_ORDER: readonly SearchField[] = [
  'short_name',
  'name',
  'aliases',
  'former_names',
  'title',
  'city',
  'place',
  'outlet',
  'authors',
  'description',
  'body',
  'id',
];

function fieldValue(doc: SearchDocument, field: SearchField): string | string[] | undefined {
  return field === 'name' ? doc.name_field : field === 'id' ? doc.id : doc[field];
}

/** The corpus of an index: stored in the cache, or built from the base on first search. */
const corpora = new WeakMap<BaseIndex, SearchCorpus>();

function corpusOf(index: BaseIndex): SearchCorpus {
  let corpus = corpora.get(index);
  if (!corpus) {
    corpus = index.searchCorpus ? index.searchCorpus() : memoryCorpus(index.base);
    corpora.set(index, corpus);
  }
  return corpus;
}

/** The records answering to `text`, best first, at most `limit`, each once. */
export function searchBase(index: BaseIndex, text: string, options: SearchOptions): SearchHit[] {
  // Folded, runs of white space made one: the form names are compared in.
  const query = nameKey(text);
  if (query === '' || options.limit <= 0) return [];
  const corpus = corpusOf(index);
  const accept = (doc: SearchDocument | undefined): doc is SearchDocument =>
    doc !== undefined && (!options.type || doc.type === options.type);
  const hits: SearchHit[] = [];
  const seen = new Set<string>();
  const add = (
    doc: SearchDocument,
    score: number,
    field: SearchField,
    value: string,
    at?: readonly [number, number],
  ) => {
    if (seen.has(doc.id) || hits.length >= options.limit) return;
    seen.add(doc.id);
    hits.push({ type: doc.type, id: doc.id, name: doc.name, score, matched: { field, text: excerpt(value, at) } });
  };
  // 1 and 2 read the sorted names, as 3 does: the exact matches are the run of names equal to the text.
  const exactIds: SearchDocument[] = [];
  const exactNames = new Map<number, SearchDocument>();
  for (let i = lowerBound(corpus, query); i < corpus.nameCount && corpus.name(i).key === query; i++) {
    const name = corpus.name(i);
    if (name.field === 'id') exactIds.push(corpus.document(name.doc));
    else if (!exactNames.has(name.doc)) {
      const doc = corpus.document(name.doc);
      // The names a record answers to (index.byName): an event's title is not one of them.
      if (name.field !== 'title' || doc.type === 'article') exactNames.set(name.doc, doc);
    }
  }

  // 1. The id itself (ids are lower-case ASCII: the folded text is compared).
  for (const doc of exactIds) if (accept(doc)) add(doc, 0, 'id', doc.id);

  // 2. A name, acronym, alias or article title, in any case and accents.
  const named = [...exactNames.values()].filter(accept);
  const exactField = (doc: SearchDocument): [SearchField, string] => {
    for (const field of FIELD_ORDER) {
      const value = fieldValue(doc, field);
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value])
        if (nameKey(v) === query) return [field, v];
    }
    return ['name', doc.name];
  };
  const exact = named.map((doc) => ({ doc, match: exactField(doc) }));
  exact.sort(
    (a, b) => FIELD_ORDER.indexOf(a.match[0]) - FIELD_ORDER.indexOf(b.match[0]) || compareIds(a.doc.id, b.doc.id),
  );
  for (const { doc, match } of exact) add(doc, 0, match[0], match[1]);

  // 3. Ids and names that begin with the text: the less of the name left untyped, the closer. A record
  // ranks by its shortest such name and shows its most telling one (a name rather than its id).
  if (hits.length < options.limit) {
    const prefixed = new Map<string, { doc: SearchDocument; length: number; shown: NameKey }>();
    for (let i = lowerBound(corpus, query); i < corpus.nameCount && corpus.name(i).key.startsWith(query); i++) {
      const name = corpus.name(i);
      const doc = corpus.document(name.doc);
      if (!accept(doc) || seen.has(doc.id)) continue;
      const found = prefixed.get(doc.id);
      if (!found) prefixed.set(doc.id, { doc, length: name.key.length, shown: name });
      else {
        found.length = Math.min(found.length, name.key.length);
        if (FIELD_ORDER.indexOf(name.field) < FIELD_ORDER.indexOf(found.shown.field)) found.shown = name;
      }
    }
    const ranked = [...prefixed.values()].sort((a, b) => a.length - b.length || compareIds(a.doc.id, b.doc.id));
    for (const { doc, length, shown } of ranked)
      add(doc, round(PREFIX_BAND * (1 - query.length / length)), shown.field, shown.value);
  }

  // 4. Fuzzy, over every field, only when the exact and prefix stages left room: fuse.js over the
  // documents that hold, for each word of the text, a word close enough to match it. Each word
  // weighs by its rarity in the whole base, as if fuse had indexed every document, so that a record
  // scores the same whatever else the text narrowed the search to, and with --type or without.
  if (hits.length < options.limit && fuzzyAllowed(query)) {
    const results = fuzzySearch(corpus, query, options.type ? undefined : options.limit + seen.size);
    for (const result of results) {
      if (hits.length >= options.limit) break;
      if (seen.has(result.item.id) || !accept(result.item)) continue;
      const best = bestMatch(result, query);
      if (best)
        add(result.item, round(PREFIX_BAND + (1 - PREFIX_BAND) * (result.score ?? 1)), best.field, best.value, best.at);
    }
  }
  return hits;
}

/**
 * The fuzzy stage's bounds. fuse.js compares a word of more than 32 letters in pieces, over every
 * document (no word index narrows it: the bit-parallel test takes 31 letters at most), which took
 * seconds on 10,000 organisations; no name has such a word, so it is matched exactly or as a
 * prefix only. Past a dozen words, a text is prose pasted in, not a name: the same.
 */
const MAX_FUZZY_WORD = 31;
const MAX_FUZZY_WORDS = 12;

function fuzzyAllowed(query: string): boolean {
  const terms = new Set(fieldWords(query));
  return terms.size <= MAX_FUZZY_WORDS && [...terms].every((term) => term.length <= MAX_FUZZY_WORD);
}

/** The work of the fuzzy stage, summed over the process: tests bound it by counting, not timing. */
export const searchWork = { fuzzyDocuments: 0, wordComparisons: 0 };

/**
 * fuse.js over the documents that can match, ranked as fuse over every document would rank them.
 * fuse is built without its own word statistics (they would count only these candidates), then
 * given those of the whole base: fuse.js 7 keeps them in _invertedIndex and reads useTokenSearch at
 * each search. The lock file pins the version; a test compares the results with fuse over every
 * document, and every search with and without the cache.
 */
export function fuzzySearch(corpus: SearchCorpus, query: string, limit?: number): FuseResult<SearchDocument>[] {
  const candidates = fuzzyCandidates(corpus, query);
  searchWork.fuzzyDocuments += candidates.length;
  const fuse = new Fuse(
    candidates.map((position) => corpus.document(position)),
    { ...FUSE_OPTIONS, useTokenSearch: false },
  );
  const vocabulary = corpus.vocabulary();
  const df = new Map<string, number>();
  for (const term of fieldWords(query)) {
    const at = vocabulary.words.indexOf(term);
    if (at !== -1) df.set(term, vocabulary.df[at]!);
  }
  const internals = fuse as unknown as {
    options: { useTokenSearch: boolean };
    _invertedIndex: { df: Map<string, number>; fieldCount: number };
  };
  internals.options.useTokenSearch = true;
  internals._invertedIndex = { df, fieldCount: vocabulary.fieldCount };
  return fuse.search(query, limit === undefined ? undefined : { limit });
}

/**
 * The documents that can match every word of the text: for each word, those holding a word of the
 * vocabulary within fuse's reach of it (one wrong letter in about four), intersected.
 */
function fuzzyCandidates(corpus: SearchCorpus, query: string): number[] {
  const { words: vocabulary } = corpus.vocabulary();
  let candidates: Set<number> | undefined;
  for (const term of new Set(fieldWords(query))) {
    // A word too long for the bit-parallel test narrows nothing: every document stays.
    if (term.length > MAX_FUZZY_WORD) continue;
    searchWork.wordComparisons += vocabulary.length;
    const errors = Math.floor(FUZZY_THRESHOLD * term.length + 1e-9);
    const holding = new Set<number>();
    vocabulary.forEach((word, index) => {
      if (word.length + errors >= term.length && occursWithin(term, word, errors))
        for (const position of corpus.postings(index)) holding.add(position);
    });
    candidates = candidates ? new Set([...candidates].filter((position) => holding.has(position))) : holding;
  }
  const all = candidates ?? new Set(Array.from({ length: corpus.size }, (_, i) => i));
  return [...all].sort((a, b) => a - b);
}

export const FUSE_OPTIONS: IFuseOptions<SearchDocument> = {
  keys: SEARCHED_KEYS.map((key) => ({ name: key, weight: FIELD_WEIGHTS[key === 'name_field' ? 'name' : key] })),
  ignoreDiacritics: true,
  // A name can match anywhere in a long description or body, not only near its start.
  ignoreLocation: true,
  threshold: FUZZY_THRESHOLD,
  includeScore: true,
  includeMatches: true,
  minMatchCharLength: 2,
  // Each word of the text is looked for on its own, anywhere in the record, and every word must be
  // found: "hopital strasbourg" finds the Hôpitaux universitaires de Strasbourg.
  useTokenSearch: true,
  tokenMatch: 'all',
  tokenize: words,
};

/**
 * The field that matched best. Fuse does not hand back each field's score, so each matched value is
 * scored again: the mean, over the words of the text, of each word's fuzzy score in it (1 for a word
 * not found). On a tie, the heavier field wins (a name before a description).
 */
function bestMatch(
  result: FuseResult<SearchDocument>,
  query: string,
): { field: SearchField; value: string; at?: [number, number] } | undefined {
  const terms = words(query);
  let best: { field: SearchField; value: string; at?: [number, number]; score: number; rank: number } | undefined;
  for (const match of result.matches ?? []) {
    if (match.value === undefined || match.key === undefined) continue;
    const field = (match.key === 'name_field' ? 'name' : match.key) as SearchField;
    let total = 0;
    for (const term of terms) {
      const found = Fuse.match(term, match.value, WORD_OPTIONS);
      total += found.isMatch ? found.score : 1;
    }
    const score = total / Math.max(1, terms.length);
    const rank = FIELD_ORDER.indexOf(field);
    if (!best || score < best.score || (score === best.score && rank < best.rank)) {
      best = { field, value: match.value, at: longest(match.indices), score, rank };
    }
  }
  return best && { field: best.field, value: best.value, at: best.at };
}

/** How fuse's token search matches each word of the text. */
const WORD_OPTIONS: IFuseOptions<string> = {
  ignoreDiacritics: true,
  ignoreLocation: true,
  threshold: FUZZY_THRESHOLD,
  minMatchCharLength: 2,
};

function longest(indices: ReadonlyArray<readonly [number, number]>): [number, number] | undefined {
  let best: [number, number] | undefined;
  for (const [start, end] of indices) if (!best || end - start > best[1] - best[0]) best = [start, end];
  return best;
}

/**
 * A value on one line, cut to about EXCERPT_LENGTH characters around the match `at` (inclusive
 * indices into `value`), at word boundaries, with "…" where text was left out.
 */
export function excerpt(whole: string, matchedAt?: readonly [number, number]): string {
  const { value, at } = matchedVersion(whole, matchedAt);
  const flat = value.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_LENGTH) return flat;
  // Positions in `value` and in `flat` differ by the white space removed before them.
  const toFlat = (position: number) => value.slice(0, Math.max(0, position)).replace(/\s+/g, ' ').trimStart().length;
  const start = at ? Math.min(toFlat(at[0]), flat.length) : 0;
  const end = at ? Math.min(toFlat(at[1] + 1), flat.length) : 0;
  let from = Math.max(0, Math.floor((start + end - EXCERPT_LENGTH) / 2));
  let to = Math.min(flat.length, from + EXCERPT_LENGTH);
  from = Math.max(0, to - EXCERPT_LENGTH);
  // Whole words: move each cut to the nearest space inside the window, keeping the match in it.
  if (from > 0) {
    const space = flat.indexOf(' ', from);
    if (space !== -1 && space < start) from = space + 1;
  }
  if (to < flat.length) {
    const space = flat.lastIndexOf(' ', to);
    if (space > end && space > from) to = space;
  }
  return `${from > 0 ? '…' : ''}${flat.slice(from, to).trim()}${to < flat.length ? '…' : ''}`;
}

function lowerBound(corpus: SearchCorpus, key: string): number {
  let low = 0;
  let high = corpus.nameCount;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (corpus.name(middle).key < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/** Of a text searched in several languages, the version the match is in (the first without one). */
function matchedVersion(
  value: string,
  at: readonly [number, number] | undefined,
): { value: string; at: readonly [number, number] | undefined } {
  if (!value.includes(VERSION_SEPARATOR)) return { value, at };
  let start = 0;
  for (const version of value.split(VERSION_SEPARATOR)) {
    const end = start + version.length;
    if (at === undefined) return { value: version, at };
    if (at[0] < end) return { value: version, at: [Math.max(0, at[0] - start), Math.min(at[1], end - 1) - start] };
    start = end + 1;
  }
  return { value, at };
}
