import type { Text } from './language.js';
import { dateBounds } from './dates.js';
import type { MEMBER_STATUSES } from './enums.js';
import { ACCEPTED_ROLES } from './renames.js';
import type { Member, Owner, ParentLink } from './schema.js';

/**
 * Claims read as one: several articles may say who belongs to a structure, each in its own
 * membership claim. Here the claims about one member become one entry, with what the articles
 * agree on and a line for each point where they do not. Also the two forms of `parent`.
 */

type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** A membership claim and the structure it is about (base-index's Membership). */
interface Claim extends Member {
  organisation: string;
}

/** Where an article disagrees with another on a member: the field, and each value with its articles. */
export interface Disagreement {
  field: 'role' | 'since' | 'until' | 'status';
  values: Array<{ value: string; sources: string[] }>;
}

/** Every claim about one member of one structure, read as one. */
export interface GroupedMember {
  /** The member (or, seen from the member, the structure). */
  org: string;
  name: string;
  /** Every role the articles give, in the order of the closed list (founder first). */
  roles: string[];
  /** Where the membership stands: the furthest any article reports (pending, then member, then left). */
  status: MemberStatus;
  /** The most precise date the articles agree on; every value is in `claims`. */
  since?: string;
  until?: string;
  /** The articles behind it, each once, in the order of the claims. */
  references: string[];
  notes: Array<{ note: Text; source: string }>;
  disagreements: Disagreement[];
  claims: Claim[];
}

function statusOf(member: { status?: MemberStatus }): MemberStatus {
  return member.status ?? 'member';
}

/** `parent` in either form (an id, one dated link, a list of them), as links. */
export function parentLinks(parent: string | ParentLink | readonly ParentLink[] | undefined): ParentLink[] {
  if (parent === undefined) return [];
  if (typeof parent === 'string') return [{ org: parent }];
  return Array.isArray(parent) ? [...parent] : [parent as ParentLink];
}

/** The fields that name an organisation's owners: `owners`, and `parent`, its old name. */
export interface Owned {
  owners?: readonly Owner[] | undefined;
  parent?: string | ParentLink | readonly ParentLink[] | undefined;
}

/** Every owner link of an organisation: `owners`, then what a base not yet migrated says in `parent`. */
export function ownerLinks(org: Owned): Owner[] {
  return [...(org.owners ?? []), ...parentLinks(org.parent)];
}

/** The owners today: the links that have not ended, each organisation once. */
export function currentOwners(org: Owned): string[] {
  return [
    ...new Set(
      ownerLinks(org)
        .filter((link) => link.until === undefined)
        .map((link) => link.org),
    ),
  ];
}

/** Two dates disagree when no moment fits both: "2017-09-13" and "2017-09" agree. */
export function compatible(a: string, b: string): boolean {
  const x = dateBounds(a);
  const y = dateBounds(b);
  if (!x || !y) return a === b;
  return x.min <= y.max && y.min <= x.max;
}

/** The narrowest of dates that agree: what the most precise article says. */
function narrowest(values: readonly string[]): string | undefined {
  let best: string | undefined;
  let width = Infinity;
  for (const value of values) {
    const bounds = dateBounds(value);
    const span = bounds ? bounds.max - bounds.min : Infinity;
    if (best === undefined || span < width) {
      best = value;
      width = span;
    }
  }
  return best;
}

function valuesWithSources(claims: readonly Claim[], pick: (claim: Claim) => string | undefined) {
  const values = new Map<string, string[]>();
  for (const claim of claims) {
    const value = pick(claim);
    if (value === undefined) continue;
    const sources = values.get(value) ?? [];
    if (!sources.includes(claim.source)) sources.push(claim.source);
    values.set(value, sources);
  }
  return [...values].map(([value, sources]) => ({ value, sources }));
}

/**
 * The organisations the claims make members today, on the side `key` picks: a pending application
 * is not a membership, and a member that left is no longer one.
 */
export function currentMembers(claims: readonly Claim[], key: (claim: Claim) => string): Set<string> {
  const furthest = new Map<string, MemberStatus>();
  for (const claim of claims) {
    const before = furthest.get(key(claim));
    const status = statusOf(claim);
    if (before === undefined || STATUS_ORDER[status] > STATUS_ORDER[before]) furthest.set(key(claim), status);
  }
  return new Set([...furthest].filter(([, status]) => status === 'member').map(([id]) => id));
}

const STATUS_ORDER: Record<MemberStatus, number> = { pending: 0, member: 1, left: 2 };
// The old names too (lead, associate): a base not yet migrated still ranks founders first.
const roleRank = (role: string) => ACCEPTED_ROLES.indexOf(role as (typeof ACCEPTED_ROLES)[number]);

/**
 * The claims about each member, as one entry each, in the order the members first appear.
 * `key` picks the other side of the claim (the member, or the structure seen from the member).
 */
export function groupClaims(
  claims: readonly Claim[],
  key: (claim: Claim) => string,
  nameOf: (id: string) => string,
): GroupedMember[] {
  const byOrg = new Map<string, Claim[]>();
  for (const claim of claims) {
    const list = byOrg.get(key(claim));
    if (list) list.push(claim);
    else byOrg.set(key(claim), [claim]);
  }
  return [...byOrg].map(([org, list]) => {
    const disagreements: Disagreement[] = [];
    const roles = valuesWithSources(list, (c) => c.role).sort((a, b) => roleRank(a.value) - roleRank(b.value));
    if (roles.length > 1) disagreements.push({ field: 'role', values: roles });
    const dates = (field: 'since' | 'until') => {
      const values = valuesWithSources(list, (c) => c[field]);
      const agree = values.every((a) => values.every((b) => compatible(a.value, b.value)));
      if (!agree) disagreements.push({ field, values });
      return agree ? narrowest(values.map((v) => v.value)) : undefined;
    };
    const since = dates('since');
    const until = dates('until');
    const statuses = valuesWithSources(list, statusOf);
    const status = statuses
      .map((s) => s.value as MemberStatus)
      .reduce((a, b) => (STATUS_ORDER[b] > STATUS_ORDER[a] ? b : a));
    // Pending then member is the same story told later, not a dispute; member and left too.
    return {
      org,
      name: nameOf(org),
      roles: roles.map((r) => r.value),
      status,
      ...(since !== undefined ? { since } : {}),
      ...(until !== undefined ? { until } : {}),
      references: [...new Set(list.map((c) => c.source))],
      notes: list.flatMap((c) => (c.note ? [{ note: c.note, source: c.source }] : [])),
      disagreements,
      claims: list,
    };
  });
}
