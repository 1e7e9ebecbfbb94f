import { sortEvents, type BaseIndex } from './base-index.js';
import { dateBounds, type DateBounds } from './dates.js';
import { eventOrgs, eventStatus, type CoopEvent } from './model.js';
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
