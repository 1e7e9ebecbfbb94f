import { textFor } from './language.js';
import { dateSortKey } from './dates.js';
import { departmentsOf, regionsOf } from './geography.js';
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
  type RecordType,
} from './model.js';
import type { Member } from './schema.js';
import { closest, nameKey } from './text.js';
import { ownerLinks } from './memberships.js';
import type { SearchCorpus } from './search-corpus.js';

/** A membership seen from either side: the structure, the member and the claim. */
export interface Membership extends Member {
  organisation: string;
}

export type AnyRecord =
  | { type: 'organisation'; record: Organisation }
  | { type: 'programme'; record: Programme }
  | { type: 'funding'; record: Funding }
  | { type: 'event'; record: CoopEvent }
  | { type: 'article'; record: Article }
  | { type: 'person'; record: Person }
  | { type: 'agreement'; record: Agreement };

/**
 * What the index's lookups promise: `get` and `has` by key, and iteration over every entry. A Map is
 * one; an index read from the cache (load/cache.ts) answers `get` without reading the whole base.
 */
export interface Lookup<K, V> {
  get(key: K): V | undefined;
  has(key: K): boolean;
  [Symbol.iterator](): Iterator<[K, V]>;
}

/**
 * Lookups built once over the base: by id, by name or alias, memberships both ways, money by
 * recipient and programme, events by organisation. Exact and alias lookups come from here, before
 * any fuzzy search; queries go through them rather than scanning the base, so that a base read
 * from the cache answers from the few records a command needs.
 */
export interface BaseIndex {
  base: Base;
  byId: Lookup<string, AnyRecord>;
  organisations: Lookup<string, Organisation>;
  programmes: Lookup<string, Programme>;
  articles: Lookup<string, Article>;
  people: Lookup<string, Person>;
  /** Organisation id -> the people with a role in it. */
  peopleByOrg: Lookup<string, Person[]>;
  /** Person id -> the articles that name them (an item of `people` with `person:`). */
  articlesByPerson: Lookup<string, Article[]>;
  /** Organisation id -> the articles naming someone of it (an item of `people` with `org:`). */
  articlesByPeopleOrg: Lookup<string, Article[]>;
  /** Folded name, short name or alias -> ids that answer to it. */
  byName: Lookup<string, string[]>;
  membersOf: Lookup<string, Membership[]>;
  memberOf: Lookup<string, Membership[]>;
  /** Organisations whose `parent` is the key. */
  subsidiariesOf: Lookup<string, Organisation[]>;
  /** Region slug -> the organisations in it (their own region, or those of any department they cover). */
  organisationsByRegion: Lookup<string, Organisation[]>;
  /** Department code -> the organisations covering it (geography.ts departmentsOf). */
  organisationsByDepartment: Lookup<string, Organisation[]>;
  fundingByRecipient: Lookup<string, Funding[]>;
  fundingByProgramme: Lookup<string, Funding[]>;
  /** Each organisation's events in chronological order. */
  eventsByOrg: Lookup<string, CoopEvent[]>;
  /** Each programme's events in chronological order. */
  eventsByProgramme: Lookup<string, CoopEvent[]>;
  /** The agreements each organisation is a party to, in file order. */
  agreementsByOrg: Lookup<string, Agreement[]>;
  /** What `coop search` reads, when stored with the index (in the cache); else built from the base. */
  searchCorpus?: () => SearchCorpus;
  /** Organisations' and programmes' display names, when stored with the index: naming a record then reads no record. */
  displayNames?: Lookup<string, string>;
  /** The ids of one type of record, when known without reading the records (stored in the cache). */
  idsOf?: (type: RecordType) => readonly string[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Each lookup is built the first time it is used: `coop list` never indexes events, and a base
 * read lazily from the cache (load/cache.ts) never even parses the tables a command does not touch.
 */
export function indexBase(base: Base): BaseIndex {
  return new LazyIndex(base);
}

class LazyIndex implements BaseIndex {
  private cache = new Map<string, unknown>();
  constructor(readonly base: Base) {}

  private memo<T>(key: string, build: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, build());
    return this.cache.get(key) as T;
  }

  get byId(): Map<string, AnyRecord> {
    return this.memo('byId', () => {
      const byId = new Map<string, AnyRecord>();
      for (const record of this.base.organisations) byId.set(record.id, { type: 'organisation', record });
      for (const record of this.base.programmes) byId.set(record.id, { type: 'programme', record });
      for (const record of this.base.funding) byId.set(record.id, { type: 'funding', record });
      for (const record of this.base.events) byId.set(record.id, { type: 'event', record });
      for (const record of this.base.articles) byId.set(record.id, { type: 'article', record });
      for (const record of this.base.people) byId.set(record.id, { type: 'person', record });
      for (const record of this.base.agreements) byId.set(record.id, { type: 'agreement', record });
      return byId;
    });
  }

  get organisations(): Map<string, Organisation> {
    return this.memo('organisations', () => new Map(this.base.organisations.map((o) => [o.id, o])));
  }

  get programmes(): Map<string, Programme> {
    return this.memo('programmes', () => new Map(this.base.programmes.map((p) => [p.id, p])));
  }

  get articles(): Map<string, Article> {
    return this.memo('articles', () => new Map(this.base.articles.map((a) => [a.id, a])));
  }

  get people(): Map<string, Person> {
    return this.memo('people', () => new Map(this.base.people.map((p) => [p.id, p])));
  }

  get peopleByOrg(): Map<string, Person[]> {
    return this.memo('peopleByOrg', () => groupBy(this.base.people, personOrgs));
  }

  get articlesByPerson(): Map<string, Article[]> {
    return this.memo('articlesByPerson', () => groupBy(this.base.articles, (a) => namedPeople(a, 'person')));
  }

  get articlesByPeopleOrg(): Map<string, Article[]> {
    return this.memo('articlesByPeopleOrg', () => groupBy(this.base.articles, (a) => namedPeople(a, 'org')));
  }

  get byName(): Map<string, string[]> {
    return this.memo('byName', () => {
      const byName = new Map<string, string[]>();
      forEachName(this.base, (name, id) => push(byName, name, id));
      return byName;
    });
  }

  private get memberships(): Membership[] {
    return this.memo('memberships', () => this.base.organisations.flatMap((org) => membershipsOf(org)));
  }

  get membersOf(): Map<string, Membership[]> {
    return this.memo('membersOf', () => groupBy(this.memberships, (m) => [m.organisation]));
  }

  get memberOf(): Map<string, Membership[]> {
    return this.memo('memberOf', () => groupBy(this.memberships, (m) => [m.org]));
  }

  get subsidiariesOf(): Map<string, Organisation[]> {
    return this.memo('subsidiariesOf', () =>
      groupBy(this.base.organisations, (o) => ownerLinks(o).map((link) => link.org)),
    );
  }

  get organisationsByRegion(): Map<string, Organisation[]> {
    return this.memo('organisationsByRegion', () => groupBy(this.base.organisations, regionsOf));
  }

  get organisationsByDepartment(): Map<string, Organisation[]> {
    return this.memo('organisationsByDepartment', () => groupBy(this.base.organisations, departmentsOf));
  }

  get fundingByRecipient(): Map<string, Funding[]> {
    return this.memo('fundingByRecipient', () =>
      groupBy(this.base.funding, (line) => (line.recipient === undefined ? [] : [line.recipient])),
    );
  }

  get fundingByProgramme(): Map<string, Funding[]> {
    return this.memo('fundingByProgramme', () => groupBy(this.base.funding, (line) => [line.programme]));
  }

  get eventsByOrg(): Map<string, CoopEvent[]> {
    return this.memo('eventsByOrg', () => groupBy(sortEvents(this.base.events), eventOrgs));
  }

  get eventsByProgramme(): Map<string, CoopEvent[]> {
    return this.memo('eventsByProgramme', () =>
      groupBy(sortEvents(this.base.events), (event) => (event.programme ? [event.programme] : [])),
    );
  }

  get agreementsByOrg(): Map<string, Agreement[]> {
    return this.memo('agreementsByOrg', () => groupBy(this.base.agreements, partiesOf));
  }
}

/** The organisations party to an agreement, each once. */
export function partiesOf(agreement: Agreement): string[] {
  return [...new Set(agreement.parties.map((party) => party.org))];
}

/**
 * Every name a record answers to, folded (nameKey), once per record: organisations' and
 * programmes' names, short names and aliases, articles' titles. What byName is built from, in
 * memory and in the cache.
 */
export function forEachName(base: Base, use: (name: string, id: string) => void): void {
  const names = (id: string, values: ReadonlyArray<string | undefined>) => {
    for (const name of new Set(values.filter((v): v is string => Boolean(v)).map(nameKey))) use(name, id);
  };
  for (const record of base.organisations)
    names(record.id, [
      record.name,
      record.short_name,
      ...(record.aliases ?? []),
      // A structure is still found by the name it had before a change of name.
      ...(record.former_names ?? []).map((former) => former.name),
    ]);
  for (const record of base.programmes) names(record.id, [record.name, record.short_name, ...(record.aliases ?? [])]);
  for (const record of base.articles) names(record.id, [record.title]);
  for (const record of base.people) names(record.id, [record.name, ...(record.aliases ?? [])]);
  for (const record of base.agreements) names(record.id, [record.name, record.short_name]);
}

/** The organisations a person has a role in, each once. */
export function personOrgs(person: Person): string[] {
  return [...new Set((person.roles ?? []).flatMap((role) => (role.org ? [role.org] : [])))];
}

/** The persons (or organisations) an article's `people` items name, each once. */
export function namedPeople(article: Article, field: 'person' | 'org'): string[] {
  return [...new Set((article.people ?? []).flatMap((item) => (item[field] ? [item[field]] : [])))];
}

/** An organisation's members, each as a membership naming the structure. */
export function membershipsOf(org: Organisation): Membership[] {
  return (org.members ?? []).map((member) => ({ ...member, organisation: org.id }));
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) for (const key of keys(item)) push(map, key, item);
  return map;
}

/** Chronological, earliest possible moment first; ties by id so that the order is stable. */
export function sortEvents<T extends { date: string; id: string }>(events: readonly T[]): T[] {
  // Keys computed once each, not at every comparison: 20,000 events make 300,000 comparisons.
  const keyed = events.map((event) => ({ event, key: dateSortKey(event.date) }));
  keyed.sort((a, b) => a.key - b.key || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0));
  return keyed.map((k) => k.event);
}

/** Made on first use: creating a collator loads locale data, some milliseconds at every start. */
let collator: Intl.Collator | undefined;
function frenchCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator('fr', { sensitivity: 'base', numeric: true }));
}

export function byName<T extends { name: string; id: string }>(a: T, b: T): number {
  return frenchCollator().compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
}

/**
 * Sorts by name in French order. The collator is slow for thousands of names: names are compared
 * on their folded form first, and the collator only settles what that leaves equal.
 */
export function sortByName<T extends { name: string; id: string }>(records: readonly T[]): T[] {
  // Digits padded, so that "Hôpital 9" comes before "Hôpital 10" as the collator has it.
  const keyed = records.map((record) => ({
    record,
    key: nameKey(record.name).replace(/\d+/g, (digits) => digits.padStart(12, '0')),
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : byName(a.record, b.record)));
  return keyed.map((k) => k.record);
}

/**
 * The rank of each name in French order, computed once: sorting thousands of records by name then
 * compares two numbers, not two strings through the collator.
 */
export function frenchRanks(names: Iterable<string>): Map<string, number> {
  // Each name is its own id: names the collator finds equal still get one order, every time.
  const unique = [...new Set(names)].map((name) => ({ name, id: name }));
  return new Map(sortByName(unique).map((entry, rank) => [entry.name, rank]));
}

/** Ids answering to `query`: the id itself, else a name, short name or alias in any case and accents. */
export function resolveRecords(index: BaseIndex, query: string, types?: readonly RecordType[]): AnyRecord[] {
  const accept = (found: AnyRecord | undefined) => found !== undefined && (!types || types.includes(found.type));
  const id = query.trim();
  // An organisation or a programme asked by id is found without indexing the other tables.
  const organisation = index.organisations.get(id);
  if (organisation && accept({ type: 'organisation', record: organisation }))
    return [{ type: 'organisation', record: organisation }];
  const programme = index.programmes.get(id);
  if (programme && accept({ type: 'programme', record: programme })) return [{ type: 'programme', record: programme }];
  const exact = index.byId.get(id);
  if (accept(exact)) return [exact!];
  const ids = index.byName.get(nameKey(query)) ?? [];
  return ids.map((id) => index.byId.get(id)!).filter(accept);
}

/** The programme and every programme below it. */
export function programmeWithDescendants(index: BaseIndex, id: string): string[] {
  const result = [id];
  for (let i = 0; i < result.length; i++) {
    for (const programme of index.base.programmes)
      if (programme.parent === result[i] && !result.includes(programme.id)) result.push(programme.id);
  }
  return result;
}

/** How a record is named to a person: its name (and acronym), or its title. */
export function displayName(index: BaseIndex, id: string): string {
  const stored = index.displayNames?.get(id);
  if (stored !== undefined) return stored;
  // Organisations and programmes first: naming them must not parse the events and articles.
  const organisation = index.organisations.get(id);
  if (organisation) return namedAs(organisation);
  const programme = index.programmes.get(id);
  if (programme) return namedAs(programme);
  const found = index.byId.get(id);
  if (!found) return id;
  switch (found.type) {
    case 'organisation':
    case 'programme':
      return namedAs(found.record);
    case 'article':
      return found.record.title;
    case 'event':
      return textFor(found.record.title, undefined, index.base.language);
    case 'person':
      return found.record.name;
    case 'funding':
      return found.record.id;
    case 'agreement':
      return namedAs(found.record);
  }
}

/** An organisation's or a programme's name as people read it: with its acronym, when it has one. */
export function namedAs(record: { name: string; short_name?: string }): string {
  return record.short_name ? `${record.name} (${record.short_name})` : record.name;
}

const TABLE_OF: Record<RecordType, keyof Base> = {
  organisation: 'organisations',
  programme: 'programmes',
  funding: 'funding',
  event: 'events',
  article: 'articles',
  person: 'people',
  agreement: 'agreements',
};
const ALL_TYPES: readonly RecordType[] = [
  'organisation',
  'programme',
  'funding',
  'event',
  'article',
  'person',
  'agreement',
];

/** The ids of records of `type`: from the stored ids when there are, without reading a record. */
function idsOfType(index: BaseIndex, type: RecordType): readonly string[] {
  return index.idsOf
    ? index.idsOf(type)
    : (index.base[TABLE_OF[type]] as ReadonlyArray<{ id: string }>).map((record) => record.id);
}

/**
 * The type of a record named in byName (an organisation, a programme or an article), found by the
 * lookups' `has`: reading the record itself could parse it from the cache.
 */
function namedType(index: BaseIndex, id: string): RecordType | undefined {
  if (index.organisations.has(id)) return 'organisation';
  if (index.programmes.has(id)) return 'programme';
  if (index.articles.has(id)) return 'article';
  if (index.people.has(id)) return 'person';
  return index.byId.get(id)?.type;
}

/**
 * The ids to suggest for a query that names no record: the closest ids and names, else the ids
 * holding the word closest to it ("fosh" for hopital-foch). Reads ids and names only, never the
 * records, so a typo on a base of 10,000 organisations costs about what a correct id does.
 */
export function suggestRecordIds(index: BaseIndex, query: string, types: readonly RecordType[] | undefined): string[] {
  const ids: string[] = [];
  for (const type of types ?? ALL_TYPES) for (const id of idsOfType(index, type)) ids.push(id);
  const known = new Set(ids);
  const candidates = [...ids];
  const namesById = new Map<string, string[]>();
  for (const [name, named] of index.byName) {
    if (
      named.some((id) => {
        const type = namedType(index, id);
        return type !== undefined && (!types || types.includes(type));
      })
    ) {
      candidates.push(name);
      namesById.set(name, named);
    }
  }
  let suggestions = closest(query, candidates, 5).flatMap((match) =>
    known.has(match) ? [match] : (namesById.get(match) ?? []),
  );
  if (suggestions.length === 0) {
    // A word typed for a record ("fosh" for hopital-foch): the closest word of an id.
    const byWord = new Map<string, string[]>();
    for (const id of ids) {
      for (const word of id.split('-')) {
        if (word.length < 3) continue;
        const holding = byWord.get(word);
        if (holding) holding.push(id);
        else byWord.set(word, [id]);
      }
    }
    suggestions = closest(query, byWord.keys(), 2).flatMap((word) => byWord.get(word) ?? []);
  }
  return suggestions.filter((id, i, all) => all.indexOf(id) === i).slice(0, 3);
}
