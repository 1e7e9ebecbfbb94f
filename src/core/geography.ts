import {
  ARRONDISSEMENTS,
  COMMUNE_CODES,
  COMMUNES_PACKED,
  DEPARTMENTS,
  EPCI,
  REGIONS,
} from './generated/geography-data.js';
import { fold, slugify } from './text.js';

/** The official geography (INSEE COG): regions by slug, departments by code, communes by name. */
export interface Region {
  code: string;
  name: string;
  slug: string;
}

interface Department {
  code: string;
  name: string;
  region: string;
}

// Built on first use: slugging the names costs a few milliseconds that most runs never need.
let tables:
  | {
      regions: Region[];
      regionBySlug: Map<string, Region>;
      regionByCode: Map<string, Region>;
      departments: Department[];
      departmentByCode: Map<string, Department>;
    }
  | undefined;

function geography() {
  if (tables) return tables;
  const regions = REGIONS.map(([code, name]) => ({ code, name, slug: slugify(name) }));
  const departments = DEPARTMENTS.map(([code, name, region]) => ({ code, name, region }));
  tables = {
    regions,
    regionBySlug: new Map(regions.map((r) => [r.slug, r])),
    regionByCode: new Map(regions.map((r) => [r.code, r])),
    departments,
    departmentByCode: new Map(departments.map((d) => [d.code, d])),
  };
  return tables;
}

export function allRegions(): readonly Region[] {
  return geography().regions;
}

/** The short forms people type for regions, beyond slug, name and code. */
const REGION_SHORT_FORMS: Record<string, string> = {
  paca: 'provence-alpes-cote-d-azur',
  sud: 'provence-alpes-cote-d-azur',
  idf: 'ile-de-france',
  aura: 'auvergne-rhone-alpes',
  bfc: 'bourgogne-franche-comte',
  hdf: 'hauts-de-france',
  cvl: 'centre-val-de-loire',
  pdl: 'pays-de-la-loire',
  naq: 'nouvelle-aquitaine',
  reunion: 'la-reunion',
};

export function regionBySlugOrNull(slug: string): Region | undefined {
  return geography().regionBySlug.get(slug);
}

/** A region from whatever a person types: slug, official name in any case or accents, code, short form. */
export function findRegion(query: string): Region | undefined {
  const slug = slugify(query);
  const { regionBySlug, regionByCode } = geography();
  return regionBySlug.get(slug) ?? regionByCode.get(query.trim()) ?? regionBySlug.get(REGION_SHORT_FORMS[slug] ?? '');
}

export function regionOfCode(code: string): Region | undefined {
  return geography().regionByCode.get(code);
}

export function findDepartment(code: string): Department | undefined {
  return geography().departmentByCode.get(code.trim().toUpperCase());
}

export function departmentCodes(): string[] {
  return geography().departments.map((d) => d.code);
}

export function regionSlugs(): string[] {
  return geography().regions.map((r) => r.slug);
}

interface Commune {
  name: string;
  department: string;
}

let communesByName: Map<string, Commune[]> | undefined;

/** Built on first use: only validation of a `city` needs the 35,000 communes. */
function communeIndex(): Map<string, Commune[]> {
  if (communesByName) return communesByName;
  communesByName = new Map();
  for (const line of COMMUNES_PACKED.split('\n')) {
    const tab = line.indexOf('\t');
    const commune = { department: line.slice(0, tab), name: line.slice(tab + 1) };
    const key = communeKey(commune.name);
    const list = communesByName.get(key);
    if (list) list.push(commune);
    else communesByName.set(key, [commune]);
  }
  return communesByName;
}

/** Hyphens, apostrophes, case and accents vary in articles; "Saint Cloud" is "Saint-Cloud". */
function communeKey(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The communes that answer to this name, in any department. */
export function findCommunes(name: string): Commune[] {
  return communeIndex().get(communeKey(name)) ?? [];
}

export function communeNamesIn(departmentCode: string): string[] {
  const names: string[] = [];
  for (const list of communeIndex().values())
    for (const c of list) if (c.department === departmentCode) names.push(c.name);
  return names;
}

interface CommuneByCode {
  code: string;
  name: string;
  department: string;
}

let communesByCode: Map<string, CommuneByCode> | undefined;

/** A commune (or a Paris, Lyon or Marseille arrondissement) by its INSEE code: built on first use. */
export function findCommuneByCode(code: string): CommuneByCode | undefined {
  if (!communesByCode) {
    communesByCode = new Map();
    let i = 0;
    for (const line of COMMUNES_PACKED.split('\n')) {
      const tab = line.indexOf('\t');
      const commune = {
        code: COMMUNE_CODES.slice(i * 5, i * 5 + 5),
        department: line.slice(0, tab),
        name: line.slice(tab + 1),
      };
      communesByCode.set(commune.code, commune);
      i++;
    }
    for (const [code, name, department] of ARRONDISSEMENTS) communesByCode.set(code, { code, name, department });
  }
  return communesByCode.get(code);
}

interface Epci {
  siren: string;
  name: string;
  departments: string[];
}

let epciBySiren: Map<string, Epci> | undefined;

/** An EPCI (intercommunality) by its SIREN, with the departments its communes are in. */
export function findEpci(siren: string): Epci | undefined {
  epciBySiren ??= new Map(
    EPCI.map(([code, name, departments]) => [code, { siren: code, name, departments: departments.split(' ') }]),
  );
  return epciBySiren.get(siren);
}

/** Where an organisation is: each place it names, down to its sites' communes. */
interface Territory {
  region?: string;
  department?: string;
  departments?: readonly string[];
  communes?: readonly string[];
  sites?: ReadonlyArray<{ commune?: string }>;
}

/**
 * The department of an INSEE commune code, read from the code itself: its first two characters (01,
 * 2A), three overseas (971). No table is needed, so that the warm path (list --department) never
 * loads the 35,000 communes; validation has checked that the code exists.
 */
export function departmentOfCommuneCode(code: string): string {
  return code.startsWith('97') || code.startsWith('98') ? code.slice(0, 3) : code.slice(0, 2);
}

/**
 * Every department an organisation covers: its own, its departments, those of its communes and of
 * its sites' communes. Unknown codes are left out (validation reports them).
 */
export function departmentsOf(org: Territory): string[] {
  const found = new Set<string>();
  const add = (code: string | undefined) => {
    const department = code === undefined ? undefined : findDepartment(code);
    if (department) found.add(department.code);
  };
  add(org.department);
  for (const code of org.departments ?? []) add(code);
  for (const code of org.communes ?? []) add(departmentOfCommuneCode(code));
  for (const site of org.sites ?? []) if (site.commune) add(departmentOfCommuneCode(site.commune));
  return [...found];
}

/** Every region an organisation covers: its own region, and the regions of departmentsOf. */
export function regionsOf(org: Territory): string[] {
  const found = new Set<string>();
  if (org.region) found.add(org.region);
  for (const code of departmentsOf(org)) {
    const region = regionOfCode(findDepartment(code)!.region);
    if (region) found.add(region.slug);
  }
  return [...found];
}

/** The region a place is in: its own region, or its department's. */
export function regionOf(place: { region?: string; department?: string }): string | undefined {
  if (place.region) return place.region;
  const department = place.department ? findDepartment(place.department) : undefined;
  return department ? regionOfCode(department.region)?.slug : undefined;
}
