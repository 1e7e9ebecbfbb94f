import type { Text } from './language.js';
import { dateSortKey } from './dates.js';
import type { MILESTONE_KINDS, PARTICIPANT_ROLES } from './enums.js';
import { eventSources, eventStatus, type CoopEvent, type Organisation } from './model.js';
import { ownerLinks } from './memberships.js';
import type { Milestone } from './schema.js';

/**
 * A structure's story: its founding, legal milestones, former names, owners, the events it took
 * part in, its dissolution and successor, in date order. Pure: the index's names come in as a
 * function, the renderer words each entry.
 */

type MilestoneKind = (typeof MILESTONE_KINDS)[number];
type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** The milestones `founded` is derived from when not given, the most telling first. */
const FOUNDING_MILESTONES: readonly MilestoneKind[] = [
  'convention-published',
  'convention-approved',
  'convention-signed',
];

interface Founded {
  date: string;
  /** Set when `founded` is not given: the milestone it is read from. */
  derivedFrom?: MilestoneKind;
}

/**
 * `founded` as given, else derived from the convention: published, else approved, else signed
 * (the earliest of that kind). Never more precise than the milestone's own date.
 */
export function foundedOf(org: Pick<Organisation, 'founded' | 'milestones'>): Founded | undefined {
  if (org.founded !== undefined) return { date: org.founded };
  for (const kind of FOUNDING_MILESTONES) {
    const found = earliest((org.milestones ?? []).filter((m) => m.kind === kind));
    if (found) return { date: found.date, derivedFrom: kind };
  }
  return undefined;
}

function earliest(milestones: readonly Milestone[]): Milestone | undefined {
  return [...milestones].sort((a, b) => dateSortKey(a.date) - dateSortKey(b.date))[0];
}

interface Named {
  id: string;
  name: string;
}

export type HistoryEntry = { date?: string; sources: string[] } & (
  | { what: 'founded' }
  | { what: 'milestone'; kind: MilestoneKind; by?: Named; act?: string; note?: Text }
  | { what: 'former-name'; name: string; since?: string }
  | { what: 'owner'; owner: Named; share?: number; note?: Text }
  | { what: 'owner-ended'; owner: Named }
  | { what: 'event'; event: string; kind: string; title: Text; cancelled: boolean; roles: ParticipantRole[] }
  | { what: 'dissolved'; successor?: Named }
  | { what: 'successor'; successor: Named }
);

/**
 * Every entry of the story, earliest first; entries without a date come last, in the order above.
 * `events` are those where the organisation is an org or a participant.
 */
export function organisationHistory(
  org: Organisation,
  events: readonly CoopEvent[],
  nameOf: (id: string) => string,
): HistoryEntry[] {
  const named = (id: string): Named => ({ id, name: nameOf(id) });
  const entries: HistoryEntry[] = [];
  if (org.founded !== undefined) entries.push({ what: 'founded', date: org.founded, sources: [] });
  for (const m of org.milestones ?? [])
    entries.push({
      what: 'milestone',
      date: m.date,
      kind: m.kind,
      ...(m.by !== undefined ? { by: named(m.by) } : {}),
      ...(m.act !== undefined ? { act: m.act } : {}),
      ...(m.note !== undefined ? { note: m.note } : {}),
      sources: [m.source],
    });
  // A former name is told when it stopped: the change of name.
  for (const former of org.former_names ?? [])
    entries.push({
      what: 'former-name',
      ...(former.until !== undefined ? { date: former.until } : {}),
      name: former.name,
      ...(former.since !== undefined ? { since: former.since } : {}),
      sources: former.source ? [former.source] : [],
    });
  for (const link of ownerLinks(org)) {
    const sources = link.source ? [link.source] : [];
    entries.push({
      what: 'owner',
      ...(link.since !== undefined ? { date: link.since } : {}),
      owner: named(link.org),
      ...(link.share !== undefined ? { share: link.share } : {}),
      ...(link.note !== undefined ? { note: link.note } : {}),
      sources,
    });
    if (link.until !== undefined)
      entries.push({ what: 'owner-ended', date: link.until, owner: named(link.org), sources });
  }
  // Planned events did not happen: they are no part of the story.
  for (const event of events.filter((e) => eventStatus(e) !== 'planned'))
    entries.push({
      what: 'event',
      date: event.date,
      event: event.id,
      kind: event.kind,
      title: event.title,
      cancelled: eventStatus(event) === 'cancelled',
      roles: (event.participants ?? []).filter((p) => p.org === org.id).map((p) => p.role),
      sources: eventSources(event),
    });
  const successor = org.successor === undefined ? undefined : named(org.successor);
  if (org.dissolved !== undefined)
    entries.push({ what: 'dissolved', date: org.dissolved, ...(successor ? { successor } : {}), sources: [] });
  else if (successor) entries.push({ what: 'successor', successor, sources: [] });

  // Stable: entries of one date keep the order above (founded, milestones, names, owners, events).
  const key = (entry: HistoryEntry) => (entry.date === undefined ? Number.POSITIVE_INFINITY : dateSortKey(entry.date));
  return entries
    .map((entry, i) => ({ entry, i, key: key(entry) }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ entry }) => entry);
}
