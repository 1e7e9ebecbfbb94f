import {
  byName,
  displayName,
  programmeWithDescendants,
  sortEvents,
  type BaseIndex,
  type Membership,
} from './base-index.js';
import type { Article, CoopEvent, Funding, Organisation, Programme } from './model.js';
import { dateSortKey } from './dates.js';
import { ACCEPTED_ROLES } from './renames.js';

/** Everything `coop show` says of an organisation, gathered from the whole base. */
export interface OrganisationView {
  type: 'organisation';
  record: Organisation;
  parent?: { id: string; name: string };
  subsidiaries: Array<{ id: string; name: string }>;
  members: Array<{ role: string; members: Array<Membership & { name: string }> }>;
  memberOf: Array<Membership & { name: string }>;
  funding: Funding[];
  events: CoopEvent[];
  articles: Article[];
  /** Display names of the programmes and recipients its funding lines name. */
  names: Record<string, string>;
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

export type RecordView = OrganisationView | ProgrammeView | FundingView | EventView | ArticleView;

const named = (index: BaseIndex, id: string) => ({ id, name: displayName(index, id) });

function fundingNames(index: BaseIndex, lines: readonly Funding[]): Record<string, string> {
  return Object.fromEntries(lines.flatMap((l) => [l.programme, l.recipient]).map((id) => [id, displayName(index, id)]));
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
  const funding = index.fundingByRecipient.get(org.id) ?? [];
  const events = index.eventsByOrg.get(org.id) ?? [];
  const cited = [
    ...org.sources,
    ...(org.figures ?? []).map((f) => f.source),
    ...members.map((m) => m.source),
    ...memberOf.map((m) => m.source),
    ...funding.map((f) => f.source),
    ...events.map((e) => e.source),
  ];
  return {
    type: 'organisation',
    record: org,
    ...(org.parent ? { parent: named(index, org.parent) } : {}),
    subsidiaries: [...(index.subsidiariesOf.get(org.id) ?? [])].sort(byName).map((o) => named(index, o.id)),
    members: byRole,
    memberOf,
    funding,
    events,
    articles: articlesOf(index, cited),
    names: fundingNames(index, funding),
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
      ...(programme.budget ?? []).map((b) => b.source),
      ...(programme.figures ?? []).map((f) => f.source),
      ...funding.map((f) => f.source),
      ...events.map((e) => e.source),
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
      const ids = [line.programme, line.recipient, ...(line.funder ? [line.funder] : [])];
      return {
        type: 'funding',
        record: line,
        names: Object.fromEntries(ids.map((i) => [i, displayName(index, i)])),
        articles: articlesOf(index, [line.source]),
      };
    }
    case 'event': {
      const event = found.record;
      const ids = [...(event.orgs ?? []), ...(event.programme ? [event.programme] : [])];
      return {
        type: 'event',
        record: event,
        names: Object.fromEntries(ids.map((i) => [i, displayName(index, i)])),
        articles: articlesOf(index, [event.source]),
      };
    }
    case 'article':
      return { type: 'article', record: found.record, citedBy: citingRecords(index, found.record.id) };
  }
}

/** Every record that cites the article anywhere: in sources, a member, a figure, a budget line. */
export function citingRecords(index: BaseIndex, articleId: string): Array<{ type: string; id: string; name: string }> {
  const result: Array<{ type: string; id: string; name: string }> = [];
  const add = (type: string, id: string) => result.push({ type, id, name: displayName(index, id) });
  for (const org of index.base.organisations) {
    const cites =
      org.sources.includes(articleId) ||
      (org.members ?? []).some((m) => m.source === articleId) ||
      (org.figures ?? []).some((f) => f.source === articleId);
    if (cites) add('organisation', org.id);
  }
  for (const programme of index.base.programmes) {
    const cites =
      programme.sources.includes(articleId) ||
      (programme.budget ?? []).some((b) => b.source === articleId) ||
      (programme.figures ?? []).some((f) => f.source === articleId);
    if (cites) add('programme', programme.id);
  }
  for (const line of index.base.funding) if (line.source === articleId) add('funding', line.id);
  for (const event of index.base.events) if (event.source === articleId) add('event', event.id);
  return result;
}
