import { sortEvents, type BaseIndex } from './base-index.js';
import { dateBounds, type DateBounds } from './dates.js';
import { compatible } from './memberships.js';
import { eventOrgs, eventSources, eventStatus, type CoopEvent } from './model.js';
import { regionOf } from './queries.js';

export interface EventFilters {
  /** Organisation id (already resolved from what the person typed). */
  org?: string;
  kind?: string;
  /** Earliest moment of the range: an event is kept when its span ends on or after it. */
  from?: number;
  /** Latest moment of the range: an event is kept when its span begins on or before it. */
  to?: number;
  /** Region slug (already resolved). */
  region?: string;
  /** Programme ids (the one asked for and those it carries). */
  programmes?: readonly string[];
  /** planned, happened or cancelled (an event without a status happened). */
  status?: string;
}

/**
 * True when the span a date may cover meets [from, to]. A date that cannot be read (the base
 * refuses those, so only a record that slipped through) meets no range.
 */
export function spanMeets(span: DateBounds | undefined, from = -Infinity, to = Infinity): boolean {
  if (!span) return from === -Infinity && to === Infinity;
  return span.max >= from && span.min <= to;
}

/** Events matching every filter given, earliest possible moment first (ties by id). */
export function listEvents(index: BaseIndex, filters: EventFilters): CoopEvent[] {
  const inRegion = (event: CoopEvent) =>
    eventOrgs(event).some((id) => {
      const org = index.organisations.get(id);
      return org !== undefined && regionOf(org) === filters.region;
    });
  const candidates = filters.org !== undefined ? (index.eventsByOrg.get(filters.org) ?? []) : index.base.events;
  return sortEvents(
    candidates.filter(
      (event) =>
        (!filters.kind || event.kind === filters.kind) &&
        (filters.from === undefined && filters.to === undefined
          ? true
          : spanMeets(dateBounds(event.date), filters.from, filters.to)) &&
        (!filters.region || inRegion(event)) &&
        (!filters.programmes || (event.programme !== undefined && filters.programmes.includes(event.programme))) &&
        (!filters.status || eventStatus(event) === filters.status),
    ),
  );
}

/**
 * Kinds of event that happen once to an organisation, the first of an event's `orgs` (the one
 * founded): two of them about one organisation are two articles telling one fact.
 */
const ONCE_PER_ORGANISATION: readonly string[] = ['founding'];

/** Another event that tells the same fact with a date no moment of this one fits. */
interface EventDisagreement {
  id: string;
  date: string;
  sources: string[];
}

/**
 * For each of `events` that the base tells otherwise, the other events of its fact, earliest
 * first: events that happened, of a kind that happens once to an organisation, about the same
 * organisation (their first org), when some two of them have dates no moment fits (2017 and 2018
 * disagree, 2017-09 and 2017-09-13 do not). The others are looked up in the whole base, so a
 * filter that leaves one of them out still shows the disagreement.
 */
export function eventDisagreements(index: BaseIndex, events: readonly CoopEvent[]): Map<string, EventDisagreement[]> {
  const found = new Map<string, EventDisagreement[]>();
  const sameFact = (event: CoopEvent) => {
    const subject = event.orgs?.[0];
    if (subject === undefined || !ONCE_PER_ORGANISATION.includes(event.kind) || eventStatus(event) !== 'happened')
      return [];
    return (index.eventsByOrg.get(subject) ?? []).filter(
      (other) => other.kind === event.kind && other.orgs?.[0] === subject && eventStatus(other) === 'happened',
    );
  };
  for (const event of events) {
    const fact = sameFact(event);
    const disagree = fact.some((a) => fact.some((b) => !compatible(a.date, b.date)));
    if (!disagree) continue;
    found.set(
      event.id,
      fact
        .filter((other) => other.id !== event.id)
        .map((other) => ({ id: other.id, date: other.date, sources: eventSources(other) })),
    );
  }
  return found;
}
