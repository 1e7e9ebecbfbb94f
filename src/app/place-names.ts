import { findCommuneByCode, findEpci } from '../core/geography.js';
import type { Organisation } from '../core/model.js';

/**
 * The names of the communes (INSEE code) and EPCI (SIREN) an organisation names, for `show`. Its
 * own bundle (dist/place-names.cjs, scripts/build.mjs), required only when an organisation has
 * any: the tables of 35,000 communes and 1,250 EPCI would otherwise cost every `show` some
 * milliseconds to compile.
 */
export function placeNames(org: Organisation): Record<string, string> {
  const names: Record<string, string> = {};
  const commune = (code: string) => {
    const found = findCommuneByCode(code);
    if (found) names[code] = found.name;
  };
  for (const code of org.communes ?? []) commune(code);
  for (const site of org.sites ?? []) if (site.commune) commune(site.commune);
  for (const siren of org.epci ?? []) {
    const found = findEpci(siren);
    if (found) names[siren] = found.name;
  }
  return names;
}
