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

export { regionOf };

/** Organisations matching every filter given, by name in French order. */
export function listOrganisations(index: BaseIndex, filters: ListFilters): Organisation[] {
  const membersOf = filters.memberOf
    ? new Set((index.membersOf.get(filters.memberOf) ?? []).map((m) => m.org))
    : undefined;
  const structuresOf = filters.hasMember
    ? new Set((index.memberOf.get(filters.hasMember) ?? []).map((m) => m.organisation))
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
