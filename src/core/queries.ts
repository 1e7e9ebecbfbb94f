import { sortByName, type BaseIndex } from './base-index.js';
import { regionOf } from './geography.js';
import type { Organisation } from './model.js';

export interface ListFilters {
  /** Region slug (already resolved from what the person typed). */
  region?: string;
  department?: string;
  kind?: string;
  sector?: string;
  memberOf?: string;
  hasMember?: string;
}

import { currentMembers } from './memberships.js';

export { regionOf };

/** Organisations matching every filter given, by name in French order. */
export function listOrganisations(index: BaseIndex, filters: ListFilters): Organisation[] {
  // Members today: not a pending application, not a member that has left.
  const membersOf = filters.memberOf
    ? currentMembers(index.membersOf.get(filters.memberOf) ?? [], (m) => m.org)
    : undefined;
  const structuresOf = filters.hasMember
    ? currentMembers(index.memberOf.get(filters.hasMember) ?? [], (m) => m.organisation)
    : undefined;
  // The narrowest lookup first: a region, a membership, else every organisation.
  const candidates = filters.region
    ? (index.organisationsByRegion.get(filters.region) ?? [])
    : filters.memberOf
      ? [...(membersOf ?? [])].flatMap((id) => index.organisations.get(id) ?? [])
      : filters.hasMember
        ? [...(structuresOf ?? [])].flatMap((id) => index.organisations.get(id) ?? [])
        : index.base.organisations;
  return sortByName(
    candidates.filter(
      (org) =>
        (!filters.region || regionOf(org) === filters.region) &&
        (!filters.department || org.department === filters.department) &&
        (!filters.kind || org.kind === filters.kind) &&
        (!filters.sector || org.sector === filters.sector) &&
        (!membersOf || membersOf.has(org.id)) &&
        (!structuresOf || structuresOf.has(org.id)),
    ),
  );
}
