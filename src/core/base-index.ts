import { dateSortKey } from './dates.js';
import type { Article, Base, CoopEvent, Funding, Organisation, Programme, RecordType } from './model.js';
import type { Member } from './schema.js';
import { nameKey } from './text.js';

/** A membership seen from either side: the structure, the member and the claim. */
export interface Membership extends Member {
  organisation: string;
}

export type AnyRecord =
  | { type: 'organisation'; record: Organisation }
  | { type: 'programme'; record: Programme }
  | { type: 'funding'; record: Funding }
  | { type: 'event'; record: CoopEvent }
  | { type: 'article'; record: Article };

/**
 * Lookups built once over the base: by id, by name or alias, memberships both ways, money by
 * recipient and programme, events by organisation. Exact and alias lookups come from here, before
 * any fuzzy search.
 */
export interface BaseIndex {
  base: Base;
  byId: Map<string, AnyRecord>;
  organisations: Map<string, Organisation>;
  programmes: Map<string, Programme>;
  articles: Map<string, Article>;
  /** Folded name, short name or alias -> ids that answer to it. */
  byName: Map<string, string[]>;
  memberships: Membership[];
  membersOf: Map<string, Membership[]>;
  memberOf: Map<string, Membership[]>;
  fundingByRecipient: Map<string, Funding[]>;
  eventsByOrg: Map<string, CoopEvent[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexBase(base: Base): BaseIndex {
  const byId = new Map<string, AnyRecord>();
  const byName = new Map<string, string[]>();
  const addNames = (id: string, names: ReadonlyArray<string | undefined>) => {
    for (const name of new Set(names.filter((n): n is string => Boolean(n)).map(nameKey))) push(byName, name, id);
  };
  for (const record of base.organisations) {
    byId.set(record.id, { type: 'organisation', record });
    addNames(record.id, [record.name, record.short_name, ...(record.aliases ?? [])]);
  }
  for (const record of base.programmes) {
    byId.set(record.id, { type: 'programme', record });
    addNames(record.id, [record.name, record.short_name, ...(record.aliases ?? [])]);
  }
  for (const record of base.funding) byId.set(record.id, { type: 'funding', record });
  for (const record of base.events) byId.set(record.id, { type: 'event', record });
  for (const record of base.articles) {
    byId.set(record.id, { type: 'article', record });
    addNames(record.id, [record.title]);
  }

  const memberships: Membership[] = [];
  const membersOf = new Map<string, Membership[]>();
  const memberOf = new Map<string, Membership[]>();
  for (const org of base.organisations) {
    for (const member of org.members ?? []) {
      const membership = { ...member, organisation: org.id };
      memberships.push(membership);
      push(membersOf, org.id, membership);
      push(memberOf, member.org, membership);
    }
  }
  const fundingByRecipient = new Map<string, Funding[]>();
  for (const line of base.funding) push(fundingByRecipient, line.recipient, line);
  const eventsByOrg = new Map<string, CoopEvent[]>();
  for (const event of sortEvents(base.events)) for (const org of new Set(event.orgs ?? [])) push(eventsByOrg, org, event);

  return {
    base,
    byId,
    organisations: new Map(base.organisations.map((o) => [o.id, o])),
    programmes: new Map(base.programmes.map((p) => [p.id, p])),
    articles: new Map(base.articles.map((a) => [a.id, a])),
    byName,
    memberships,
    membersOf,
    memberOf,
    fundingByRecipient,
    eventsByOrg,
  };
}

/** Chronological, earliest possible moment first; ties by id so that the order is stable. */
export function sortEvents<T extends { date: string; id: string }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => dateSortKey(a.date) - dateSortKey(b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const frenchCollator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

export function byName<T extends { name: string; id: string }>(a: T, b: T): number {
  return frenchCollator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);
}

/** Ids answering to `query`: the id itself, else a name, short name or alias in any case and accents. */
export function resolveRecords(index: BaseIndex, query: string, types?: readonly RecordType[]): AnyRecord[] {
  const accept = (found: AnyRecord | undefined) => found !== undefined && (!types || types.includes(found.type));
  const exact = index.byId.get(query.trim());
  if (accept(exact)) return [exact!];
  const ids = index.byName.get(nameKey(query)) ?? [];
  return ids.map((id) => index.byId.get(id)!).filter(accept);
}

/** The programme and every programme below it. */
export function programmeWithDescendants(index: BaseIndex, id: string): string[] {
  const result = [id];
  for (let i = 0; i < result.length; i++) {
    for (const programme of index.base.programmes) if (programme.parent === result[i] && !result.includes(programme.id)) result.push(programme.id);
  }
  return result;
}

/** How a record is named to a person: its name (and acronym), or its title. */
export function displayName(index: BaseIndex, id: string): string {
  const found = index.byId.get(id);
  if (!found) return id;
  switch (found.type) {
    case 'organisation':
    case 'programme':
      return found.record.short_name ? `${found.record.name} (${found.record.short_name})` : found.record.name;
    case 'article':
    case 'event':
      return found.record.title;
    case 'funding':
      return found.record.id;
  }
}
