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
  // Places come from the lookups only: an organisation covers a region or a department through its
  // departments, communes, EPCI and sites, which only the index has worked out.
  const inRegion = filters.region ? ids(index.organisationsByRegion.get(filters.region)) : undefined;
  const inDepartment = filters.department
    ? ids(index.organisationsByDepartment.get(filters.department.trim().toUpperCase()))
    : undefined;
  // The narrowest lookup first: a place, a membership, else every organisation.
  const candidates = filters.department
    ? (index.organisationsByDepartment.get(filters.department.trim().toUpperCase()) ?? [])
    : filters.region
      ? (index.organisationsByRegion.get(filters.region) ?? [])
      : filters.memberOf
        ? [...(membersOf ?? [])].flatMap((id) => index.organisations.get(id) ?? [])
        : filters.hasMember
          ? [...(structuresOf ?? [])].flatMap((id) => index.organisations.get(id) ?? [])
          : index.base.organisations;
  return sortByName(
    candidates.filter(
      (org) =>
        (!inRegion || inRegion.has(org.id)) &&
        (!inDepartment || inDepartment.has(org.id)) &&
        (!filters.kind || org.kind === filters.kind) &&
        (!filters.sector || org.sector === filters.sector) &&
        (!membersOf || membersOf.has(org.id)) &&
        (!structuresOf || structuresOf.has(org.id)),
    ),
  );
}

function ids(organisations: readonly Organisation[] | undefined): Set<string> {
  return new Set((organisations ?? []).map((org) => org.id));
}
