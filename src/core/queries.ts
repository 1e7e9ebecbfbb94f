import { sortByName, type BaseIndex } from './base-index.js';
import { findDepartment, regionOfCode } from './geography.js';
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

/** The region an organisation is in: its own, or its department's. */
export function regionOf(org: Organisation): string | undefined {
  if (org.region) return org.region;
  const department = org.department ? findDepartment(org.department) : undefined;
  return department ? regionOfCode(department.region)?.slug : undefined;
}

/** Organisations matching every filter given, by name in French order. */
export function listOrganisations(index: BaseIndex, filters: ListFilters): Organisation[] {
  const membersOf = filters.memberOf ? new Set((index.membersOf.get(filters.memberOf) ?? []).map((m) => m.org)) : undefined;
  const structuresOf = filters.hasMember ? new Set((index.memberOf.get(filters.hasMember) ?? []).map((m) => m.organisation)) : undefined;
  return sortByName(
    index.base.organisations.filter(
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

