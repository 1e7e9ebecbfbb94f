import type { Text } from './language.js';
import {
  byName,
  displayName,
  programmeWithDescendants,
  sortEvents,
  type BaseIndex,
  type Membership,
} from './base-index.js';
import {
  eventOrgs,
  eventSources,
  type Agreement,
  type Article,
  type CoopEvent,
  type Funding,
  type Organisation,
  type Person,
  type Programme,
} from './model.js';
import { dateSortKey } from './dates.js';
import { fieldSourceArticles } from './field-sources.js';
import { groupClaims, ownerLinks, type GroupedMember } from './memberships.js';
import { foundedOf, organisationHistory, type HistoryEntry } from './history.js';
import { ACCEPTED_ROLES } from './renames.js';

/** Everything `coop show` says of an organisation, gathered from the whole base. */
export interface OrganisationView {
  type: 'organisation';
  record: Organisation;
  /** Every owner link (`owners`, or `parent` not yet migrated), dated when the data dates it; `parent` is the first one. */
  parent?: { id: string; name: string };
  owners: Array<{
    id: string;
    name: string;
    share?: number;
    since?: string;
    until?: string;
    source?: string;
    note?: Text;
  }>;
  /** `founded`, or the date derived from the convention's milestones (founded_derived_from says which). */
  founded?: string;
  founded_derived_from?: string;
  /** The structure's story in date order (history.ts). */
  history: HistoryEntry[];
  subsidiaries: Array<{ id: string; name: string }>;
  /** The raw claims, one per article, by role. */
  members: Array<{ role: string; members: Array<Membership & { name: string }> }>;
  /** The claims about each member read as one (memberships.ts: GroupedMember), founders first. */
  membersGrouped: GroupedMember[];
  memberOf: Array<Membership & { name: string }>;
  /** The structures it belongs to, the claims about each read as one. */
  memberOfGrouped: GroupedMember[];
  funding: Funding[];
  events: CoopEvent[];
  /** The agreements it is a party to, earliest first. */
  agreements: Agreement[];
  articles: Article[];
  /** Display names of the programmes and recipients its funding lines name, its agreements' parties, its authorities. */
  names: Record<string, string>;
  /** Its people: roles from people/ records, and people the articles name with it (no record yet). */
  people: OrganisationPerson[];
  /** Names of its communes and EPCI by code, when the command has looked them up (app/place-names.ts). */
  places?: Record<string, string>;
}

/** Someone in an organisation: a person record's role there, or a name an article gives with it. */
export interface OrganisationPerson {
  name: string;
  /** The person record, when there is one. */
  person?: string;
  role?: string;
  since?: string;
  until?: string;
  source: string;
}

export interface PersonView {
  type: 'person';
  record: Person;
  /** Organisation names of the roles. */
  names: Record<string, string>;
  /** The articles that name the person (an item of their `people` with `person:`), with what each says. */
  quotedIn: Array<{ article: string; title: string; date: string; role?: string; org?: string }>;
  articles: Article[];
}

export interface ProgrammeView {
  type: 'programme';
  record: Programme;
  parent?: { id: string; name: string };
  children: Array<{ id: string; name: string }>;
  funder?: { id: string; name: string };
  funding: Funding[];
  events: CoopEvent[];
  articles: Article[];
  names: Record<string, string>;
}

export interface FundingView {
  type: 'funding';
  record: Funding;
  names: Record<string, string>;
  articles: Article[];
}

export interface EventView {
  type: 'event';
  record: CoopEvent;
  names: Record<string, string>;
  articles: Article[];
}

export interface ArticleView {
  type: 'article';
  record: Article;
  /** The records that cite it, by type. */
  citedBy: Array<{ type: string; id: string; name: string }>;
}

export interface AgreementView {
  type: 'agreement';
  record: Agreement;
  names: Record<string, string>;
  articles: Article[];
}

export type RecordView =
  | OrganisationView
  | ProgrammeView
  | FundingView
  | EventView
  | ArticleView
  | PersonView
  | AgreementView;

const named = (index: BaseIndex, id: string) => ({ id, name: displayName(index, id) });

function fundingNames(index: BaseIndex, lines: readonly Funding[]): Record<string, string> {
  return Object.fromEntries(
    lines
      .flatMap((l) => [l.programme, ...(l.recipient ? [l.recipient] : [])])
      .map((id) => [id, displayName(index, id)]),
  );
}

function namesOf(index: BaseIndex, ids: readonly string[]): Record<string, string> {
  return Object.fromEntries(ids.map((id) => [id, displayName(index, id)]));
}

function articlesOf(index: BaseIndex, ids: Iterable<string>): Article[] {
  const found = [...new Set(ids)].map((id) => index.articles.get(id)).filter((a): a is Article => a !== undefined);
  return found.sort((a, b) => dateSortKey(a.date) - dateSortKey(b.date) || (a.id < b.id ? -1 : 1));
}

function organisationView(index: BaseIndex, org: Organisation): OrganisationView {
  const withName = (m: Membership, id: string) => ({ ...m, name: displayName(index, id) });
  const members = index.membersOf.get(org.id) ?? [];
  const memberOf = (index.memberOf.get(org.id) ?? [])
    .map((m) => withName(m, m.organisation))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr') || a.source.localeCompare(b.source));
  const byRole = ACCEPTED_ROLES.map((role) => ({
    role,
    members: members.filter((m) => m.role === role).map((m) => withName(m, m.org)),
  })).filter((group) => group.members.length > 0);
  const nameOf = (id: string) => displayName(index, id);
  const rank = (m: GroupedMember) => ACCEPTED_ROLES.indexOf(m.roles[0] as (typeof ACCEPTED_ROLES)[number]);
  const grouped = groupClaims(members, (m) => m.org, nameOf);
  // Stable: within a role, members keep the order the data gives them.
  const membersGrouped = grouped.map((m, i) => ({ m, i })).sort((a, b) => rank(a.m) - rank(b.m) || a.i - b.i);
  const owners = ownerLinks(org).map(({ org: id, ...link }) => ({ id, name: nameOf(id), ...link }));
  const founded = foundedOf(org);
  const history = organisationHistory(org, index.eventsByOrg.get(org.id) ?? [], nameOf);
  const funding = index.fundingByRecipient.get(org.id) ?? [];
  const events = index.eventsByOrg.get(org.id) ?? [];
  const people = organisationPeople(index, org.id);
  const agreements = [...(index.agreementsByOrg.get(org.id) ?? [])].sort(
    (a, b) =>
      dateSortKey(a.period?.since ?? '') - dateSortKey(b.period?.since ?? '') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const cited = [
    ...people.map((p) => p.source),
    ...org.sources,
    ...fieldSourceArticles(org),
    ...(org.figures ?? []).map((f) => f.source),
    ...(org.population ? [org.population.source] : []),
    ...(org.sites ?? []).map((site) => site.source),
    ...(org.authorisations ?? []).map((a) => a.source),
    ...agreements.flatMap((agreement) => agreement.sources),
    ...members.map((m) => m.source),
    ...memberOf.map((m) => m.source),
    ...history.flatMap((entry) => entry.sources),
    ...funding.map((f) => f.source),
    ...events.flatMap(eventSources),
  ];
  return {
    type: 'organisation',
    record: org,
    ...(owners[0] ? { parent: { id: owners[0].id, name: owners[0].name } } : {}),
    owners,
    ...(founded ? { founded: founded.date } : {}),
    ...(founded?.derivedFrom ? { founded_derived_from: founded.derivedFrom } : {}),
    history,
    subsidiaries: [...(index.subsidiariesOf.get(org.id) ?? [])].sort(byName).map((o) => named(index, o.id)),
    members: byRole,
    membersGrouped: membersGrouped.map(({ m }) => m),
    memberOf,
    memberOfGrouped: groupClaims(memberOf, (m) => m.organisation, nameOf),
    funding,
    events,
    agreements,
    articles: articlesOf(index, cited),
    names: {
      ...fundingNames(index, funding),
      ...(org.successor !== undefined ? { [org.successor]: nameOf(org.successor) } : {}),
      ...namesOf(index, [
        ...agreements.flatMap((agreement) => agreement.parties.map((party) => party.org)),
        ...(org.authorisations ?? []).flatMap((a) => (a.authority ? [a.authority] : [])),
      ]),
    },
    people,
  };
}

/**
 * The people of an organisation: each role a person record gives there, then each person an
 * article names with it that no person record stands for (a named item linked by `person:` is the
 * record's). In that order, each list as the data gives it.
 */
function organisationPeople(index: BaseIndex, orgId: string): OrganisationPerson[] {
  const fromRecords = (index.peopleByOrg.get(orgId) ?? []).flatMap((person) =>
    (person.roles ?? [])
      .filter((role) => role.org === orgId)
      .map((role) => ({
        name: person.name,
        person: person.id,
        role: role.role,
        ...(role.since !== undefined ? { since: role.since } : {}),
        ...(role.until !== undefined ? { until: role.until } : {}),
        source: role.source,
      })),
  );
  const fromArticles = (index.articlesByPeopleOrg.get(orgId) ?? []).flatMap((article) =>
    (article.people ?? [])
      .filter((item) => item.org === orgId && item.person === undefined)
      .map((item) => ({ name: item.name, ...(item.role ? { role: item.role } : {}), source: article.id })),
  );
  return [...fromRecords, ...fromArticles];
}

function personView(index: BaseIndex, person: Person): PersonView {
  const quoting = index.articlesByPerson.get(person.id) ?? [];
  const quotedIn = articlesOf(
    index,
    quoting.map((a) => a.id),
  ).flatMap((article) =>
    (article.people ?? [])
      .filter((item) => item.person === person.id)
      .map((item) => ({
        article: article.id,
        title: article.title,
        date: article.date,
        ...(item.role ? { role: item.role } : {}),
        ...(item.org ? { org: item.org } : {}),
      })),
  );
  const orgs = [
    ...(person.roles ?? []).flatMap((r) => (r.org ? [r.org] : [])),
    ...quotedIn.flatMap((q) => (q.org ? [q.org] : [])),
  ];
  return {
    type: 'person',
    record: person,
    names: Object.fromEntries(orgs.map((id) => [id, displayName(index, id)])),
    quotedIn,
    articles: articlesOf(index, [
      ...person.sources,
      ...(person.roles ?? []).map((r) => r.source),
      ...quotedIn.map((q) => q.article),
    ]),
  };
}

function programmeView(index: BaseIndex, programme: Programme): ProgrammeView {
  const family = new Set(programmeWithDescendants(index, programme.id));
  const funding = [...family].flatMap((id) => index.fundingByProgramme.get(id) ?? []);
  const events = sortEvents([...family].flatMap((id) => index.eventsByProgramme.get(id) ?? []));
  return {
    type: 'programme',
    record: programme,
    ...(programme.parent ? { parent: named(index, programme.parent) } : {}),
    children: index.base.programmes
      .filter((p) => p.parent === programme.id)
      .sort(byName)
      .map((p) => named(index, p.id)),
    ...(programme.funder ? { funder: named(index, programme.funder) } : {}),
    funding,
    events,
    articles: articlesOf(index, [
      ...programme.sources,
      ...fieldSourceArticles(programme),
      ...(programme.budget ?? []).map((b) => b.source),
      ...(programme.figures ?? []).map((f) => f.source),
      ...funding.map((f) => f.source),
      ...events.flatMap(eventSources),
    ]),
    names: fundingNames(index, funding),
  };
}

export function recordView(index: BaseIndex, id: string): RecordView | undefined {
  const found = index.byId.get(id);
  if (!found) return undefined;
  switch (found.type) {
    case 'organisation':
      return organisationView(index, found.record);
    case 'programme':
      return programmeView(index, found.record);
    case 'funding': {
      const line = found.record;
      const ids = [line.programme, ...(line.recipient ? [line.recipient] : []), ...(line.funder ? [line.funder] : [])];
      return {
        type: 'funding',
        record: line,
        names: Object.fromEntries(ids.map((i) => [i, displayName(index, i)])),
        articles: articlesOf(index, [line.source]),
      };
    }
    case 'event': {
      const event = found.record;
      const ids = [...eventOrgs(event), ...(event.programme ? [event.programme] : [])];
      return {
        type: 'event',
        record: event,
        names: Object.fromEntries(ids.map((i) => [i, displayName(index, i)])),
        articles: articlesOf(index, eventSources(event)),
      };
    }
    case 'article':
      return { type: 'article', record: found.record, citedBy: citingRecords(index, found.record.id) };
    case 'person':
      return personView(index, found.record);
    case 'agreement': {
      const agreement = found.record;
      return {
        type: 'agreement',
        record: agreement,
        names: namesOf(
          index,
          agreement.parties.map((party) => party.org),
        ),
        articles: articlesOf(index, agreement.sources),
      };
    }
  }
}

/** Every record that cites the article anywhere: in sources, field sources, a member, a figure, a budget line. */
export function citingRecords(index: BaseIndex, articleId: string): Array<{ type: string; id: string; name: string }> {
  const result: Array<{ type: string; id: string; name: string }> = [];
  const add = (type: string, id: string) => result.push({ type, id, name: displayName(index, id) });
  for (const org of index.base.organisations) {
    const cites =
      org.sources.includes(articleId) ||
      fieldSourceArticles(org).includes(articleId) ||
      (org.members ?? []).some((m) => m.source === articleId) ||
      ownerLinks(org).some((link) => link.source === articleId) ||
      (org.former_names ?? []).some((f) => f.source === articleId) ||
      (org.milestones ?? []).some((m) => m.source === articleId) ||
      (org.figures ?? []).some((f) => f.source === articleId) ||
      org.population?.source === articleId ||
      (org.sites ?? []).some((site) => site.source === articleId) ||
      (org.authorisations ?? []).some((a) => a.source === articleId);
    if (cites) add('organisation', org.id);
  }
  for (const programme of index.base.programmes) {
    const cites =
      programme.sources.includes(articleId) ||
      fieldSourceArticles(programme).includes(articleId) ||
      (programme.budget ?? []).some((b) => b.source === articleId) ||
      (programme.figures ?? []).some((f) => f.source === articleId);
    if (cites) add('programme', programme.id);
  }
  for (const line of index.base.funding) if (line.source === articleId) add('funding', line.id);
  for (const event of index.base.events) if (eventSources(event).includes(articleId)) add('event', event.id);
  for (const person of index.base.people) {
    const cites = person.sources.includes(articleId) || (person.roles ?? []).some((r) => r.source === articleId);
    if (cites) add('person', person.id);
  }
  for (const agreement of index.base.agreements)
    if (agreement.sources.includes(articleId)) add('agreement', agreement.id);
  return result;
}
