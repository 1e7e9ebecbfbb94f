import type { Language } from '../core/language.js';
import {
  forEachName,
  membershipsOf,
  namedPeople,
  partiesOf,
  personOrgs,
  namedAs,
  sortEvents,
  type AnyRecord,
  type BaseIndex,
  type Lookup,
  type Membership,
} from '../core/base-index.js';
import { departmentsOf, regionsOf } from '../core/geography.js';
import { ownerLinks } from '../core/memberships.js';
import {
  eventOrgs,
  type Agreement,
  type Article,
  type Base,
  type CoopEvent,
  type Funding,
  type Organisation,
  type Person,
  type Programme,
} from '../core/model.js';
import {
  buildSearchCorpus,
  searchDocument,
  SEARCHED_TABLES,
  searchDocuments,
  type SearchCorpus,
  type SearchDocument,
  type SearchField,
  type SearchType,
  type Vocabulary,
} from '../core/search-corpus.js';

/**
 * An index stored beside the records (in the cache), so that a command reads the handful of
 * records it needs instead of the whole base: `show` of one organisation among 10,000 parses a few
 * dozen records. Each lookup maps a key to positions of records in their table.
 */
export const TABLES = ['organisations', 'programmes', 'funding', 'events', 'articles', 'people', 'agreements'] as const;
export type TableName = (typeof TABLES)[number];
/** Tables of the search corpus, stored like the records: sorted names, and each word's documents. */
export const SEARCH_TABLES = ['searchNames', 'searchPostings'] as const;
export type StoredTable = TableName | (typeof SEARCH_TABLES)[number];

/** key -> positions in a table. Read with Object.hasOwn: keys are data ("constructor" is an id). */
type Positions = Record<string, number[]>;

export interface StoredLookups {
  /** The ids of each table, in table order: one lookup a table, so that finding an organisation does not read the ids of 20,000 events. */
  'ids.organisations': string[];
  'ids.programmes': string[];
  'ids.funding': string[];
  'ids.events': string[];
  'ids.articles': string[];
  'ids.people': string[];
  'ids.agreements': string[];
  /** Display names of organisations and programmes, in table order. */
  'names.organisations': string[];
  'names.programmes': string[];
  /** Folded name, short name, alias or title -> ids, as BaseIndex.byName. */
  byName: Record<string, string[]>;
  /** What coop.yaml says: the base's language. */
  settings: { language: Language };
  /** Member id -> positions of the structures listing it. */
  memberOf: Positions;
  subsidiariesOf: Positions;
  organisationsByRegion: Positions;
  organisationsByDepartment: Positions;
  fundingByRecipient: Positions;
  fundingByProgramme: Positions;
  /** Positions in chronological order. */
  eventsByOrg: Positions;
  eventsByProgramme: Positions;
  /** Organisation id -> positions of the people with a role in it. */
  peopleByOrg: Positions;
  /** Person id -> positions of the articles naming them; organisation id -> of the articles naming someone of it. */
  articlesByPerson: Positions;
  articlesByPeopleOrg: Positions;
  agreementsByOrg: Positions;
  searchVocabulary: Vocabulary;
}

export type LookupName = keyof StoredLookups;

/** The search corpus as the cache stores it: sorted names and postings as tables, the vocabulary as a lookup. */
export function computeSearchStore(base: Base): {
  tables: Record<(typeof SEARCH_TABLES)[number], unknown[]>;
  lookups: Pick<StoredLookups, 'searchVocabulary'>;
} {
  const corpus = buildSearchCorpus(searchDocuments(base));
  return {
    tables: {
      searchNames: corpus.names.map((name) => [name.key, name.doc, name.field, name.value]),
      searchPostings: corpus.postings,
    },
    lookups: { searchVocabulary: corpus.vocabulary },
  };
}

/** What the cache stores beside the records, computed once from the validated base. */
export function computeLookups(base: Base): Omit<StoredLookups, 'searchVocabulary'> {
  const ids = (table: TableName) => (base[table] as Array<{ id: string }>).map((record) => record.id);
  // No prototype: a name such as "__proto__" must be a key like any other.
  const byName: Record<string, string[]> = Object.create(null);
  forEachName(base, (name, id) => add(byName, name, id));

  const group = <T>(
    records: readonly T[],
    keys: (record: T) => Iterable<string>,
    order?: readonly number[],
  ): Positions => {
    const positions: Positions = Object.create(null);
    for (const i of order ?? records.map((_, i) => i))
      for (const key of new Set(keys(records[i]!))) add(positions, key, i);
    return positions;
  };
  const chronological = sortEvents(base.events.map((event, position) => ({ ...event, position }))).map(
    (e) => e.position,
  );
  return {
    settings: { language: base.language },
    'ids.organisations': ids('organisations'),
    'ids.programmes': ids('programmes'),
    'ids.funding': ids('funding'),
    'ids.events': ids('events'),
    'ids.articles': ids('articles'),
    'ids.people': ids('people'),
    'ids.agreements': ids('agreements'),
    'names.organisations': base.organisations.map(namedAs),
    'names.programmes': base.programmes.map(namedAs),
    byName,
    memberOf: group(base.organisations, (org) => (org.members ?? []).map((m) => m.org)),
    subsidiariesOf: group(base.organisations, (org) => ownerLinks(org).map((link) => link.org)),
    organisationsByRegion: group(base.organisations, regionsOf),
    organisationsByDepartment: group(base.organisations, departmentsOf),
    fundingByRecipient: group(base.funding, (line) => (line.recipient === undefined ? [] : [line.recipient])),
    fundingByProgramme: group(base.funding, (line) => [line.programme]),
    eventsByOrg: group(base.events, eventOrgs, chronological),
    eventsByProgramme: group(base.events, (event) => (event.programme ? [event.programme] : []), chronological),
    peopleByOrg: group(base.people, personOrgs),
    articlesByPerson: group(base.articles, (article) => namedPeople(article, 'person')),
    articlesByPeopleOrg: group(base.articles, (article) => namedPeople(article, 'org')),
    agreementsByOrg: group(base.agreements, partiesOf),
  };
}

function add<V>(map: Record<string, V[]>, key: string, value: V): void {
  if (Object.hasOwn(map, key)) map[key]!.push(value);
  else map[key] = [value];
}

/** Where a stored index finds its records and lookups, each read and parsed on first use. */
export interface RecordStore {
  record(table: StoredTable, position: number): unknown;
  count(table: StoredTable): number;
  /** The store of the search corpus, read or built on first use (the cache's second file). */
  searchStore?: () => RecordStore;
  lookup<N extends LookupName>(name: N): StoredLookups[N];
}

/** The BaseIndex of a base read from the cache: every lookup answered from the stored lookups. */
export function storedIndex(base: Base, store: RecordStore): BaseIndex {
  const memo = new Map<string, unknown>();
  const once = <T>(key: string, build: () => T): T => {
    if (!memo.has(key)) memo.set(key, build());
    return memo.get(key) as T;
  };
  const positionsById = (table: TableName) =>
    once(`ids.${table}`, () => new Map(store.lookup(`ids.${table}`).map((id, i) => [id, i])));
  const tableLookup = <T>(table: TableName): Lookup<string, T> => ({
    get: (id) => {
      const position = positionsById(table).get(id);
      return position === undefined ? undefined : (store.record(table, position) as T);
    },
    has: (id) => positionsById(table).has(id),
    [Symbol.iterator]: () =>
      (base[table] as unknown as Array<T & { id: string }>).map((record): [string, T] => [record.id, record]).values(),
  });
  const positionLookup = <R, T = R>(
    name: Exclude<
      LookupName,
      `ids.${TableName}` | 'names.organisations' | 'names.programmes' | 'byName' | 'searchVocabulary' | 'settings'
    >,
    table: TableName,
    select: (records: R[], key: string) => T[] = (records) => records as unknown as T[],
  ): Lookup<string, T[]> => {
    const get = (key: string): T[] | undefined => {
      const positions = store.lookup(name);
      if (!Object.hasOwn(positions, key)) return undefined;
      return once(`${name}\u0000${key}`, () =>
        select(
          positions[key]!.map((position) => store.record(table, position) as R),
          key,
        ),
      );
    };
    return {
      get,
      has: (key) => Object.hasOwn(store.lookup(name), key),
      [Symbol.iterator]: () =>
        Object.keys(store.lookup(name))
          .map((key): [string, T[]] => [key, get(key)!])
          .values(),
    };
  };

  const organisations = tableLookup<Organisation>('organisations');
  const programmes = tableLookup<Programme>('programmes');
  const articles = tableLookup<Article>('articles');
  const people = tableLookup<Person>('people');
  const tables: Array<[TableName, AnyRecord['type'], Lookup<string, unknown>]> = [
    ['organisations', 'organisation', organisations],
    ['programmes', 'programme', programmes],
    ['funding', 'funding', tableLookup<Funding>('funding')],
    ['events', 'event', tableLookup<CoopEvent>('events')],
    ['articles', 'article', articles],
    ['people', 'person', people],
    ['agreements', 'agreement', tableLookup<Agreement>('agreements')],
  ];
  const byId: Lookup<string, AnyRecord> = {
    get: (id) => {
      for (const [, type, lookup] of tables) {
        const record = lookup.get(id);
        if (record !== undefined) return { type, record } as AnyRecord;
      }
      return undefined;
    },
    has: (id) => tables.some(([, , lookup]) => lookup.has(id)),
    [Symbol.iterator]: () =>
      tables
        .flatMap(([, type, lookup]) =>
          [...lookup].map(([id, record]): [string, AnyRecord] => [id, { type, record } as AnyRecord]),
        )
        .values(),
  };
  const byName: Lookup<string, string[]> = {
    get: (key) => {
      const names = store.lookup('byName');
      return Object.hasOwn(names, key) ? names[key] : undefined;
    },
    has: (key) => Object.hasOwn(store.lookup('byName'), key),
    [Symbol.iterator]: () => Object.entries(store.lookup('byName')).values(),
  };
  const membersOf: Lookup<string, Membership[]> = {
    get: (id) => {
      const org = organisations.get(id);
      return org?.members?.length ? membershipsOf(org) : undefined;
    },
    has: (id) => Boolean(organisations.get(id)?.members?.length),
    [Symbol.iterator]: () =>
      base.organisations
        .filter((org) => org.members?.length)
        .map((org): [string, Membership[]] => [org.id, membershipsOf(org)])
        .values(),
  };

  const searchCorpus = (): SearchCorpus => {
    const ranges: Array<{ table: TableName; type: SearchType; first: number }> = [];
    let size = 0;
    for (const [table, type] of SEARCHED_TABLES) {
      ranges.push({ table, type, first: size });
      size += store.count(table);
    }
    const documents = new Map<number, SearchDocument>();
    const search = store.searchStore ? store.searchStore() : store;
    return {
      size,
      document: (position) => {
        let doc = documents.get(position);
        if (!doc) {
          let range = ranges[0]!;
          for (const r of ranges) if (r.first <= position) range = r;
          doc = searchDocument(
            range.type,
            store.record(range.table, position - range.first) as Organisation,
            base.language,
          );
          documents.set(position, doc);
        }
        return doc;
      },
      nameCount: search.count('searchNames'),
      name: (position) => {
        const [key, doc, field, value] = search.record('searchNames', position) as [
          string,
          number,
          SearchField,
          string,
        ];
        return { key, doc, field, value };
      },
      vocabulary: () => search.lookup('searchVocabulary'),
      postings: (word) => search.record('searchPostings', word) as number[],
    };
  };

  const displayNames: Lookup<string, string> = {
    get: (id) => {
      for (const table of ['organisations', 'programmes'] as const) {
        const position = positionsById(table).get(id);
        if (position !== undefined) return store.lookup(`names.${table}`)[position];
      }
      return undefined;
    },
    has: (id) => positionsById('organisations').has(id) || positionsById('programmes').has(id),
    [Symbol.iterator]: () =>
      (['organisations', 'programmes'] as const)
        .flatMap((table) =>
          store.lookup(`ids.${table}`).map((id, i): [string, string] => [id, store.lookup(`names.${table}`)[i]!]),
        )
        .values(),
  };

  const tableOf = {
    organisation: 'organisations',
    programme: 'programmes',
    funding: 'funding',
    event: 'events',
    article: 'articles',
    person: 'people',
    agreement: 'agreements',
  } as const;
  return {
    base,
    searchCorpus,
    displayNames,
    idsOf: (type) => store.lookup(`ids.${tableOf[type]}`),
    byId,
    organisations,
    programmes,
    articles,
    people,
    peopleByOrg: positionLookup<Person>('peopleByOrg', 'people'),
    articlesByPerson: positionLookup<Article>('articlesByPerson', 'articles'),
    articlesByPeopleOrg: positionLookup<Article>('articlesByPeopleOrg', 'articles'),
    byName,
    membersOf,
    memberOf: positionLookup<Organisation, Membership>('memberOf', 'organisations', (structures, member) =>
      structures.flatMap((org) => membershipsOf(org).filter((m) => m.org === member)),
    ),
    subsidiariesOf: positionLookup<Organisation>('subsidiariesOf', 'organisations'),
    organisationsByRegion: positionLookup<Organisation>('organisationsByRegion', 'organisations'),
    organisationsByDepartment: positionLookup<Organisation>('organisationsByDepartment', 'organisations'),
    fundingByRecipient: positionLookup<Funding>('fundingByRecipient', 'funding'),
    fundingByProgramme: positionLookup<Funding>('fundingByProgramme', 'funding'),
    eventsByOrg: positionLookup<CoopEvent>('eventsByOrg', 'events'),
    eventsByProgramme: positionLookup<CoopEvent>('eventsByProgramme', 'events'),
    agreementsByOrg: positionLookup<Agreement>('agreementsByOrg', 'agreements'),
  };
}
