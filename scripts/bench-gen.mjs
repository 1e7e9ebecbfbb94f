#!/usr/bin/env node
// Writes a synthetic knowledge base in the real layout of data/, for the benchmark (docs/ARCHITECTURE.md, "Speed"):
//
//   node scripts/bench-gen.mjs --orgs N [--out DIR] [--seed S]
//
// N organisations (5 members each), N funding lines, 2N events, N/5 articles and a few programmes.
// Deterministic: the same arguments write byte-identical files (a seeded PRNG, no clock, no locale).
// Names carry accents, aliases and acronyms; cities and departments are real communes (INSEE COG),
// so that the base passes `coop validate --strict`. Every article is cited, so there is no warning.
// A `.bench-gen.json` beside the layout folders (ignored by coop: its name starts with a dot) records
// the arguments, the counts and a few ids the benchmark queries.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATOR_VERSION = 1;
const LAYOUT = ['organisations', 'programmes', 'funding', 'events', 'articles'];
/** Items of a list file: at most this many, and the file stays well under coop's 1 MiB cap. */
const MAX_ITEMS_PER_FILE = 2000;
const MAX_BYTES_PER_FILE = 900 * 1024;

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { orgs: undefined, out: undefined, seed: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) fail(`${name} needs a value`);
      return argv[++i];
    };
    if (name === '--orgs') args.orgs = Number(value());
    else if (name === '--out') args.out = value();
    else if (name === '--seed') args.seed = Number(value());
    else if (name === '--help' || name === '-h') {
      process.stdout.write('usage: node scripts/bench-gen.mjs --orgs N [--out DIR] [--seed S]\n');
      process.exit(0);
    } else fail(`unknown argument ${arg}`);
  }
  if (!Number.isSafeInteger(args.orgs) || args.orgs < 5) fail('--orgs N is required: a whole number, at least 5');
  if (!Number.isSafeInteger(args.seed)) fail('--seed must be a whole number');
  args.out = resolve(args.out ?? join(ROOT, 'bench', `data-${args.orgs}`));
  return args;
}

function fail(message) {
  process.stderr.write(`bench-gen: ${message}\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: mulberry32

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** [value, weight] pairs. */
    weighted: (pairs) => {
      let total = 0;
      for (const [, w] of pairs) total += w;
      let r = next() * total;
      for (const [value, w] of pairs) {
        r -= w;
        if (r < 0) return value;
      }
      return pairs[pairs.length - 1][0];
    },
  };
  return random;
}

// ---------------------------------------------------------------------------------------------
// Text helpers (the same folding as src/core/text.ts)

const fold = (text) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
const slugify = (text) =>
  fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
const pad = (n, width = 2) => String(n).padStart(width, '0');
const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** "de" + a place or thing with its article: de l'Étang, de la Source, des Tilleuls, du Parc. */
function ofThing(thing) {
  if (thing.startsWith('les ')) return `des ${thing.slice(4)}`;
  if (thing.startsWith('le ')) return `du ${thing.slice(3)}`;
  return `de ${thing}`;
}

/** "de" + a commune: d'Amboise, du Mans, de La Rochelle read as "de La Rochelle" (kept as named). */
function ofCity(city) {
  if (/^Le /.test(city)) return `du ${city.slice(3)}`;
  if (/^Les /.test(city)) return `des ${city.slice(4)}`;
  if (/^[AEIOUYÉÈÊÂÎÔÛaeiouyéèêâîôû]/.test(city)) return `d'${city}`;
  return `de ${city}`;
}

/** An acronym from the significant words: "Centre hospitalier universitaire" -> "CHU". */
function acronym(name) {
  const small = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'et', 'à', 'en', "l'", "d'", 'aux', 'au', 'sur']);
  const letters = name
    .replace(/[’']/g, "' ")
    .split(/[\s-]+/)
    .filter((w) => w.length > 0 && !small.has(w.toLowerCase()) && !/^[ld]'$/i.test(w))
    .map((w) => fold(w).charAt(0).toUpperCase())
    .filter((c) => /[A-Z]/.test(c));
  return letters.join('');
}

// ---------------------------------------------------------------------------------------------
// Geography: the real communes, as coop validates them

function loadGeography() {
  const generated = join(ROOT, 'src', 'core', 'generated', 'geography-data.ts');
  let regions;
  let departments;
  let communesPacked;
  if (existsSync(generated)) {
    const source = readFileSync(generated, 'utf8');
    const constant = (name) => {
      const match = new RegExp(`export const ${name}(?::[^=]*)? = (.*);$`, 'm').exec(source);
      if (!match) throw new Error(`cannot find ${name} in ${generated}`);
      return JSON.parse(match[1]);
    };
    regions = constant('REGIONS');
    departments = constant('DEPARTMENTS');
    communesPacked = constant('COMMUNES_PACKED');
  } else {
    // Not built yet: the same data straight from the package scripts/gen-geography.mjs packs.
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@etalab/decoupage-administratif/data/regions.json'));
    const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
    regions = read('regions.json').map((r) => [r.code, r.nom]);
    departments = read('departements.json').map((d) => [d.code, d.nom, d.region]);
    communesPacked = read('communes.json')
      .filter((c) => c.type === 'commune-actuelle' && c.departement)
      .map((c) => `${c.departement}\t${c.nom}`)
      .join('\n');
  }
  const regionByCode = new Map(regions.map(([code, name]) => [code, { code, name, slug: slugify(name) }]));
  const departmentByCode = new Map(
    departments.map(([code, name, region]) => [code, { code, name, region: regionByCode.get(region) }]),
  );
  // A commune whose name is shared by several departments still validates (coop checks that one of
  // them is the department given), so every commune is usable.
  const communes = [];
  for (const line of communesPacked.split('\n')) {
    const tab = line.indexOf('\t');
    const department = departmentByCode.get(line.slice(0, tab));
    if (department?.region) communes.push({ name: line.slice(tab + 1), department });
  }
  const usedRegions = [...new Set(departments.map(([, , region]) => region))]
    .map((code) => regionByCode.get(code))
    .filter(Boolean);
  return { communes, regions: usedRegions };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const SAINTS = [
  'Saint-Étienne',
  'Saint-Joseph',
  'Sainte-Anne',
  'Saint-Louis',
  'Sainte-Thérèse',
  'Saint-Jean',
  'Saint-Michel',
  'Sainte-Marie',
  'Saint-Luc',
  'Saint-Côme',
  'Sainte-Geneviève',
  'Saint-Benoît',
  'Saint-François-d’Assise',
  'Notre-Dame',
  'Saint-Grégoire',
  'Sainte-Hélène',
  'Saint-Éloi',
  'Saint-Honoré',
  'Saint-Vincent-de-Paul',
  'Sainte-Cécile',
  'Saint-Jérôme',
  'Sainte-Bernadette',
  'Saint-Françoise',
  'Saint-Rémi',
];
const THINGS = [
  "l'Étang",
  "l'Orée du bois",
  'la Verrière',
  'la Roseraie',
  'les Tilleuls',
  'les Peupliers',
  'la Source',
  'le Parc',
  'les Cèdres',
  "l'Abbaye",
  'la Forêt',
  'les Châtaigniers',
  'le Val fleuri',
  "les Jardins d'Éden",
  'la Colline',
  "l'Estran",
  'les Mûriers',
  'la Châtaigneraie',
  'le Château',
  'les Hêtres',
  'la Pinède',
  "l'Île verte",
  'les Glycines',
  'le Belvédère',
  'la Clairière',
  'les Érables',
  'le Prieuré',
  "l'Ermitage",
  'la Chênaie',
];
const FAMILIES = [
  'Santé Avenir',
  'Hôpitaux réunis',
  'Soins et Solidarité',
  'Médi-Partenaires',
  'Vitalia Santé',
  'Éméis Soins',
  'Harmonie Médicale',
  'Clinéa Horizon',
  'Bien-Être Séniors',
  'Domicile Plus',
];
const TOPICS = [
  'e-santé',
  'imagerie médicale',
  'laboratoires',
  'pharmacie à usage intérieur',
  'blanchisserie',
  'achats',
  'télémédecine',
  'stérilisation',
  'restauration',
  'systèmes d’information',
];
const COMPANY_WORDS = [
  'Médilog',
  'Santécom',
  'Hospitalis',
  'Télécare',
  'Biosphère',
  'Opérandi',
  'Carévia',
  'Numérisanté',
  'Prévéo',
  'Kinéxia',
];
const ACTIVITIES = [
  'médecine',
  'chirurgie',
  'obstétrique',
  'soins de suite et de réadaptation (SSR)',
  'hospitalisation à domicile',
  'gériatrie',
  'cardiologie',
  'oncologie et soins de support',
  'psychiatrie',
  'urgences',
  'imagerie',
  'biologie médicale',
  'télémédecine',
  'téléexpertise entre EHPAD et urgences',
  'soins palliatifs',
  'pédiatrie',
  'neurologie',
  'dialyse',
  'éducation thérapeutique',
  'coordination des parcours',
];
const SHARED = [
  'laboratoires (regroupés dans un GCS)',
  'PUI (pharmacie à usage intérieur) de territoire',
  "équipes d'hygiénistes",
  'un délégué à la protection des données (DPO)',
  'temps médical partagé',
  'plateaux techniques',
  'fonctions supports',
  'achats groupés',
  'système d’information commun',
  'blanchisserie',
];
const OUTLETS = [
  ['Hospimedia', 'hospimedia'],
  ['TICsanté', 'ticsante'],
  ['Le Quotidien du médecin', 'quotidien-du-medecin'],
  ['Nouvelles Publications', 'nouvelles-publications'],
  ['La Gazette des communes', 'gazette-des-communes'],
  ['Ouest-France', 'ouest-france'],
  ['Les Échos', 'les-echos'],
  ['DSIH', 'dsih'],
  ['Décision Santé', 'decision-sante'],
  ["L'Est Républicain", 'est-republicain'],
  ['La Provence', 'la-provence'],
  ['Le Parisien', 'le-parisien'],
];
const SECTIONS = ['Offre de soins', 'E-santé', 'Médico-social', 'Territoires', 'Financement', 'Coopérations'];
const FIRST_NAMES = [
  'Thomas',
  'Léa',
  'Jérôme',
  'Hélène',
  'François',
  'Chloé',
  'Benoît',
  'Zoé',
  'Anaïs',
  'Gaël',
  'Maëlle',
  'Noël',
  'Céline',
  'Loïc',
  'Agnès',
  'Stéphane',
];
const LAST_NAMES = [
  'Quéguiner',
  'Martin',
  'Lefèvre',
  'Durand',
  'Bérard',
  'Moreau',
  'Giraud',
  'Lemaître',
  'Dupré',
  'Faure',
  'Roché',
  'Peyré',
  'Mercier',
  'Benoît',
  'Clément',
  'Lévêque',
];
const ROLES_OF_PEOPLE = [
  'directeur général',
  'directrice',
  'président',
  'présidente',
  'médecin coordonnateur',
  'directeur des soins',
  'cheffe de projet',
];

const KIND_WEIGHTS = [
  ['hospital', 14],
  ['clinic', 14],
  ['ehpad', 14],
  ['ssiad', 6],
  ['health-centre', 10],
  ['gcs', 5],
  ['ght', 3],
  ['alliance', 3],
  ['association', 6],
  ['foundation', 3],
  ['group', 3],
  ['company', 4],
  ['federation', 2],
  ['local-authority', 3],
  ['platform', 2],
  ['project', 2],
  ['consortium', 1],
  ['interprofession', 1],
  ['professional-union', 1],
  ['trade-union', 1],
  ['think-tank', 1],
  ['competitiveness-cluster', 1],
  ['chamber-of-commerce', 1],
  ['university', 1],
  ['research-institute', 1],
];
const SECTOR_BY_KIND = {
  hospital: [
    ['public', 6],
    ['private-nonprofit', 3],
    ['private-for-profit', 1],
  ],
  clinic: [
    ['private-for-profit', 7],
    ['private-nonprofit', 3],
  ],
  ehpad: [
    ['public', 3],
    ['private-nonprofit', 4],
    ['private-for-profit', 3],
  ],
  ssiad: [
    ['private-nonprofit', 7],
    ['public', 3],
  ],
  'health-centre': [
    ['private-nonprofit', 5],
    ['private-for-profit', 3],
    ['public', 2],
  ],
  gcs: [
    ['mixed-membership', 6],
    ['public', 4],
  ],
  ght: [['public', 1]],
  alliance: [
    ['private-nonprofit', 5],
    ['mixed-membership', 5],
  ],
  association: [['private-nonprofit', 1]],
  foundation: [['private-nonprofit', 1]],
  group: [
    ['private-for-profit', 6],
    ['private-nonprofit', 4],
  ],
  company: [['private-for-profit', 1]],
  'local-authority': [['public', 1]],
  university: [['public', 1]],
  'research-institute': [['public', 1]],
};
const OWNER_KINDS = new Set(['group', 'foundation', 'association']);
const OWNED_KINDS = new Set(['clinic', 'ehpad', 'ssiad', 'health-centre']);
const LEGAL_FORMS = {
  gcs: 'gcs',
  association: 'association',
  foundation: 'foundation',
  company: 'sas',
  group: 'sa',
  'local-authority': 'epci',
  platform: 'gip',
};
const MEMBER_ROLES = [
  ['member', 10],
  ['founder', 4],
  ['associated', 2],
  ['partner', 3],
  ['coordinator', 1],
  ['investor', 1],
  ['provider', 1],
];
const INSTRUMENTS = [
  ['grant', 6],
  ['equity', 2],
  ['loan', 2],
  ['other', 1],
];
const STAGES = [
  ['awarded', 5],
  ['announced', 3],
  ['potential', 2],
  ['disbursed', 2],
];
const EVENT_KINDS = [
  ['founding', 2],
  ['joining', 4],
  ['announcement', 4],
  ['award', 2],
  ['call-for-projects', 1],
  ['visit', 2],
  ['trade-show', 1],
  ['meeting', 3],
  ['acquisition', 1],
  ['publication', 1],
  ['construction', 2],
  ['other', 1],
];
const PROGRAMME_FAMILIES = [
  ["Ségur de l'investissement en santé", 'Ségur investissement'],
  ["Fonds d'intervention régional", 'FIR'],
  ["Fonds pour la modernisation et l'investissement en santé", 'FMIS'],
  ["Territoires d'innovation en santé", 'TIS'],
  ['Programme hospitalier de recherche clinique', 'PHRC'],
  ['Appel à projets e-santé et télémédecine', 'AAP e-santé'],
];

// ---------------------------------------------------------------------------------------------
// Dates (EDTF, as the real data writes them; days up to 28, so every date exists)

function dayOf(random, year) {
  return `${year}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
}

/** A date in one of the shapes the real data uses, and the last year it may mean. */
function varyingDate(random, year) {
  const shape = random.weighted([
    ['day', 5],
    ['month', 4],
    ['year', 2],
    ['approx', 1],
    ['uncertain', 1],
    ['between', 1],
    ['after', 1],
  ]);
  const month = pad(random.int(1, 12));
  switch (shape) {
    case 'day':
      return { text: dayOf(random, year), lastYear: year };
    case 'month':
      return { text: `${year}-${month}`, lastYear: year };
    case 'year':
      return { text: `${year}`, lastYear: year };
    case 'approx':
      return { text: `${year}-${month}~`, lastYear: year + 1 };
    case 'uncertain':
      return { text: `${year}?`, lastYear: year + 1 };
    case 'between': {
      const end = year + random.int(1, 2);
      return { text: `${year}-${month}/${end}-${pad(random.int(1, 12))}`, lastYear: end };
    }
    default:
      // Open-ended: "on or after"; its end is unknown, so nothing may be certain to come before it.
      return { text: `${dayOf(random, year)}/..`, lastYear: year, open: true };
  }
}

// ---------------------------------------------------------------------------------------------
// YAML, written by hand in the style of data/: two-space indent, quoted dates, folded prose

const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;
const PLAIN = /^[\p{L}][\p{L}\p{N} ,.'’()«»/-]*$/u;

function scalar(value) {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (PLAIN.test(value) && !RESERVED.test(value) && !value.endsWith(' ') && !value.includes(' - ')) return value;
  return JSON.stringify(value);
}

/** A long text as a folded block (`>-`), wrapped near 100 columns. */
function folded(text, indent) {
  const width = 100 - indent.length;
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return `>-\n${lines.map((l) => indent + l).join('\n')}`;
}

/**
 * One map, key by key, in insertion order. Values: string, number, boolean, list of strings, list
 * of maps. Keys in `dates` are always quoted; strings over 90 characters are folded.
 */
function yamlMap(map, indent = '', dates = DATE_KEYS) {
  let out = '';
  for (const [key, value] of Object.entries(map)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        out += `${indent}${key}: []\n`;
        continue;
      }
      out += `${indent}${key}:\n`;
      for (const item of value) {
        if (item !== null && typeof item === 'object') out += yamlListItem(item, `${indent}  `, dates);
        else out += `${indent}  - ${scalar(item)}\n`;
      }
    } else if (value !== null && typeof value === 'object') {
      out += `${indent}${key}:\n${yamlMap(value, `${indent}  `, dates)}`;
    } else if (typeof value === 'string' && dates.has(key)) {
      out += `${indent}${key}: ${JSON.stringify(value)}\n`;
    } else if (typeof value === 'string' && value.length > 90) {
      out += `${indent}${key}: ${folded(value, `${indent}  `)}\n`;
    } else {
      out += `${indent}${key}: ${scalar(value)}\n`;
    }
  }
  return out;
}

/** A map as a list item: "- first: ..." then the other keys under it. */
function yamlListItem(map, indent, dates = DATE_KEYS) {
  const body = yamlMap(map, `${indent}  `, dates);
  return `${indent}- ${body.slice(indent.length + 2)}`;
}

const DATE_KEYS = new Set(['date', 'since', 'until', 'as_of', 'founded', 'dissolved', 'launched', 'department']);

// ---------------------------------------------------------------------------------------------
// The base

/** Generates the base, handing each file to `write(path, text)` as soon as it is complete. */
function generate({ orgs: n, seed }, write) {
  const random = makeRandom(seed * 2654435761 + n);
  const geo = loadGeography();
  const taken = new Set();
  /** A unique id: the slug, or the slug and the first free number after it. */
  const uniqueId = (base) => {
    let id = slugify(base).slice(0, 80).replace(/-+$/, '') || 'record';
    if (taken.has(id)) {
      let k = 2;
      while (taken.has(`${id}-${k}`)) k++;
      id = `${id}-${k}`;
    }
    taken.add(id);
    return id;
  };

  // Articles first: every record cites them. N/5 of them (at least one).
  const articleCount = Math.max(1, Math.floor(n / 5));
  const articles = [];
  for (let i = 0; i < articleCount; i++) {
    const [outlet, outletSlug] = random.pick(OUTLETS);
    const year = random.int(2008, 2024);
    const date = random.chance(0.8) ? dayOf(random, year) : `${year}-${pad(random.int(1, 12))}`;
    articles.push({ index: i, outlet, outletSlug, date, year, cites: [] });
  }

  // Organisations: a few funders first (the State, the national insurer, a bank, the ARS of each
  // region), then structures and establishments drawn from the weighted kinds.
  const organisations = [];
  const nameSlugs = new Set();
  const funderSpecs = [
    { name: 'État', kind: 'state', sector: 'public', aliases: ["l'État", 'Etat'], national: true },
    {
      name: "Caisse nationale de l'Assurance maladie",
      short_name: 'CNAM',
      aliases: ['Assurance maladie', 'CNAMTS'],
      kind: 'health-insurance',
      sector: 'public',
      legal_form: 'public-body',
      national: true,
    },
    {
      name: 'Banque publique d’investissement',
      short_name: 'Bpifrance',
      aliases: ['BPI France'],
      kind: 'company',
      sector: 'public',
      legal_form: 'sa',
      national: true,
    },
    ...geo.regions.map((region) => ({
      name: `Agence régionale de santé ${region.name}`,
      short_name: `ARS ${region.name}`,
      kind: 'public-agency',
      sector: 'public',
      region,
    })),
  ].slice(0, Math.max(3, Math.floor(n / 4)));

  for (let i = 0; i < n; i++) {
    const spec = funderSpecs[i];
    const kind = spec ? spec.kind : random.weighted(KIND_WEIGHTS);
    const commune = random.pick(geo.communes);
    const org = { index: i, kind, commune, region: spec?.region ?? commune.department.region, spec };
    org.name = spec ? spec.name : orgName(random, kind, commune, geo);
    // Names repeat in real life (many a "Clinique Saint-Joseph"): the first repeat takes its city.
    let slug = slugify(org.name);
    if (!spec && nameSlugs.has(slug) && !fold(org.name).includes(fold(commune.name))) {
      org.name = `${org.name} ${ofCity(commune.name)}`;
      slug = slugify(org.name);
    }
    nameSlugs.add(slug);
    org.id = uniqueId(org.name);
    organisations.push(org);
  }
  const funders = organisations.filter((o) => o.spec);
  const arsByRegion = new Map(funders.filter((o) => o.spec.region).map((o) => [o.spec.region.code, o]));

  // Sources: organisation i cites article i mod A first, so every article is cited.
  const articleOf = (i) => articles[i % articleCount];

  // Programmes: one root, up to six families under it, then regional declinations of the families.
  const programmeCount = 4 + Math.floor(Math.sqrt(n) / 5);
  const programmes = [];
  const root = {
    name: "Plan national d'investissement en santé",
    short_name: 'PNIS',
    id: uniqueId("Plan national d'investissement en santé"),
    level: 0,
    funder: organisations[0],
  };
  programmes.push(root);
  const families = PROGRAMME_FAMILIES.slice(0, Math.min(PROGRAMME_FAMILIES.length, programmeCount - 1));
  for (const [name, short] of families)
    programmes.push({
      name,
      short_name: short,
      id: uniqueId(name),
      level: 1,
      parent: root,
      funder: random.pick(funders.slice(0, 3)),
    });
  for (let k = 0; programmes.length < programmeCount; k++) {
    const family = programmes[1 + (k % families.length)];
    const region = geo.regions[Math.floor(k / families.length) % geo.regions.length];
    const name = `${family.name} – ${region.name}`;
    programmes.push({
      name,
      short_name: `${family.short_name} ${region.name}`,
      id: uniqueId(name),
      level: 2,
      parent: family,
      region,
      funder: arsByRegion.get(region.code) ?? family.funder,
    });
  }

  // --- organisations/<id>.yaml
  /** Groups and foundations seen so far: a parent is always an earlier one, so parents never loop. */
  const owners = [];
  for (const org of organisations) {
    const primary = articleOf(org.index);
    primary.cites.push(org);
    const sources = [primary];
    if (articleCount > 2 && random.chance(0.3)) {
      const second = articles[random.int(0, articleCount - 1)];
      if (second !== primary) sources.push(second);
    }
    const national = org.spec?.national;
    const regionOnly = !national && (org.spec?.region || org.kind === 'federation' || org.kind === 'trade-union');
    const record = { name: org.name };
    if (org.spec?.short_name) record.short_name = org.spec.short_name;
    else if (random.chance(0.3)) {
      const short = acronym(org.name);
      if (short.length >= 2 && short.length <= 8) record.short_name = short;
    }
    const aliases = [...(org.spec?.aliases ?? [])];
    if (!org.spec && random.chance(0.35)) {
      const bare = org.name.normalize('NFD').replace(/\p{Diacritic}/gu, '');
      aliases.push(bare !== org.name ? bare : org.name.replace(/-/g, ' '));
      if (random.chance(0.3)) aliases.push(`ancienne ${org.name.charAt(0).toLowerCase()}${org.name.slice(1)}`);
    }
    const uniqueAliases = [...new Set(aliases)].filter((a) => a !== org.name && a !== record.short_name);
    if (uniqueAliases.length) record.aliases = uniqueAliases;
    record.kind = org.kind;
    const sector =
      org.spec?.sector ??
      (SECTOR_BY_KIND[org.kind]
        ? random.weighted(SECTOR_BY_KIND[org.kind])
        : random.chance(0.6)
          ? random.pick(['public', 'private-nonprofit', 'private-for-profit', 'mixed-membership'])
          : undefined);
    if (sector) record.sector = sector;
    const legal = org.spec?.legal_form ?? LEGAL_FORMS[org.kind];
    if (legal && random.chance(0.7)) record.legal_form = legal;
    // An owner among the earlier organisations (groups own clinics): owners come first, so no loop.
    if (!org.spec && owners.length > 0 && OWNED_KINDS.has(org.kind) && random.chance(0.25)) {
      record.owners = [{ org: organisations[random.pick(owners)].id }];
    }
    if (!org.spec && OWNER_KINDS.has(org.kind)) owners.push(org.index);
    if (national) {
      // no geography: a national body
    } else if (regionOnly) {
      record.region = org.region.slug;
    } else {
      if (random.chance(0.2)) record.region = org.region.slug;
      record.department = org.commune.department.code;
      record.city = org.commune.name;
    }
    const foundedYear = random.int(1950, 2022);
    if (random.chance(0.6)) {
      record.founded = random.chance(0.5) ? dayOf(random, foundedYear) : String(foundedYear);
      if (foundedYear < 2020 && random.chance(0.03)) record.dissolved = String(random.int(foundedYear + 1, 2024));
    }
    if (random.chance(0.15)) {
      record.identifiers = { siren: luhnComplete(String(random.int(10000000, 99999999)).padStart(8, '0')) };
      if (record.department && /^\d{2}$/.test(record.department) && random.chance(0.5)) {
        record.identifiers.finess_et = [
          luhnComplete(`${record.department}${String(random.int(0, 999999)).padStart(6, '0')}`),
        ];
      }
    }
    if (random.chance(0.2)) record.website = `https://www.${org.id.slice(0, 40).replace(/-+$/, '')}.fr/`;
    record.description = describeOrg(random, org, record);
    if (random.chance(0.7)) record.activities = pickSome(random, ACTIVITIES, random.int(1, 4));
    if (random.chance(0.25)) record.shared_resources = pickSome(random, SHARED, random.int(1, 3));
    if (random.chance(0.4)) {
      record.figures = [];
      const metrics = pickSome(
        random,
        ['staff', 'beds', 'places', 'admissions', 'emergency-visits', 'operating-theatres'],
        random.int(1, 3),
      );
      for (const metric of metrics) {
        const figure = {
          metric,
          value:
            metric === 'operating-theatres'
              ? random.int(2, 40)
              : random.int(10, 5000) * (metric === 'admissions' || metric === 'emergency-visits' ? 10 : 1),
        };
        if (metric === 'admissions' || metric === 'emergency-visits') figure.unit = 'per-year';
        figure.as_of = primary.date;
        if (random.chance(0.2)) figure.note = 'chiffre donné par l’établissement, non vérifié';
        figure._article = primary; // its id once article ids exist

        record.figures.push(figure);
      }
    }
    // Five members, other organisations of the base, each claim citing an article.
    record.members = [];
    const chosen = new Set([org.index]);
    while (record.members.length < 5) {
      const other = random.int(0, n - 1);
      if (chosen.has(other)) continue;
      chosen.add(other);
      const member = { org: organisations[other].id, role: random.weighted(MEMBER_ROLES) };
      if (random.chance(0.8)) {
        const since = varyingDate(random, random.int(1995, 2023));
        member.since = since.text;
        if (!since.open && since.lastYear < 2023 && random.chance(0.1))
          member.until = String(random.int(since.lastYear + 1, 2024));
      }
      if (random.chance(0.15))
        member.note = random.pick([
          'Membre fondateur selon l’article ; la date exacte d’adhésion n’est pas donnée.',
          'Adhésion annoncée par communiqué, « dès le début de l’année ».',
          'Rejoint avec ses établissements du département.',
          'Les sources divergent sur le rôle exact : associé ou membre.',
        ]);
      member._article = random.pick(sources);
      record.members.push(member);
    }
    if (random.chance(0.1))
      record.note = 'Les sources divergent sur la date de création ; la plus ancienne est retenue.';
    record._sources = sources;
    org.record = record;
  }

  // Article ids: <outlet>-<date>-<topic>, the topic from the first organisation that cites it.
  for (const article of articles) {
    const subject = article.cites.find((o) => !o.spec) ?? article.cites[0];
    article.subject = subject;
    const topic = subject ? subject.id.split('-').slice(0, 6).join('-') : `article-${article.index}`;
    article.id = uniqueId(`${article.outletSlug}-${article.date}-${topic}`);
  }

  for (const org of organisations) {
    const { _sources, ...record } = org.record;
    for (const figure of record.figures ?? []) {
      figure.source = figure._article.id;
      delete figure._article;
    }
    for (const member of record.members) {
      member.source = member._article.id;
      delete member._article;
    }
    record.sources = _sources.map((a) => a.id);
    write(`organisations/${org.id}.yaml`, yamlMap(record));
  }

  // --- programmes/<id>.yaml
  for (const programme of programmes) {
    const article = articles[random.int(0, articleCount - 1)];
    const record = { name: programme.name, short_name: programme.short_name };
    if (programme.level === 1 && random.chance(0.5))
      record.aliases = [programme.name.normalize('NFD').replace(/\p{Diacritic}/gu, '')].filter(
        (a) => a !== programme.name,
      );
    if (record.aliases?.length === 0) delete record.aliases;
    if (programme.parent) record.parent = programme.parent.id;
    record.funder = programme.funder.id;
    record.launched = `${random.int(2010, 2021)}-${pad(random.int(1, 12))}`;
    record.budget = [
      { instrument: 'grant', amount: random.int(10, 900) * 1_000_000, currency: 'EUR', source: article.id },
    ];
    if (random.chance(0.5))
      record.budget.push({
        instrument: random.pick(['equity', 'loan']),
        amount: random.int(5, 300) * 1_000_000,
        currency: 'EUR',
        note: 'prises de participation et avances remboursables, selon l’article',
        source: article.id,
      });
    if (random.chance(0.4))
      record.figures = [{ metric: 'laureates', value: random.int(3, 120), as_of: article.date, source: article.id }];
    record.description = programme.region
      ? `Déclinaison régionale du programme « ${programme.parent.name} » en ${programme.region.name}, pilotée par l'agence régionale de santé. Appels à projets annuels, instruits par la délégation départementale.`
      : `Programme national finançant l'investissement et la transformation de l'offre de soins : modernisation des établissements, coopérations territoriales, numérique en santé et médico-social.`;
    record.sources = [article.id];
    write(`programmes/${programme.id}.yaml`, yamlMap(record));
  }

  // --- funding/*.yaml: N lines
  const fundable = programmes.filter((p) => p.level > 0);
  const fundingLines = [];
  for (let i = 0; i < n; i++) {
    const programme = fundable[random.int(0, fundable.length - 1)];
    let recipient = organisations[random.int(0, n - 1)];
    if (recipient.spec && n > funders.length) recipient = organisations[random.int(funders.length, n - 1)];
    const instrument = random.weighted(INSTRUMENTS);
    const line = {
      id: uniqueId(
        `${programme.id.split('-').slice(0, 4).join('-')}-${recipient.id.split('-').slice(0, 6).join('-')}-${instrument}`,
      ),
      programme: programme.id,
      recipient: recipient.id,
      funder: programme.funder.id,
      instrument,
    };
    line.amount = random.int(5, 5000) * (random.chance(0.5) ? 1000 : 10000);
    if (random.chance(0.8)) line.currency = 'EUR';
    line.stage = random.weighted(STAGES);
    if (random.chance(0.1)) line.upper_bound = true;
    if (random.chance(0.85))
      line.date = random.chance(0.7)
        ? dayOf(random, random.int(2012, 2024))
        : `${random.int(2012, 2024)}-${pad(random.int(1, 12))}`;
    if (random.chance(0.3))
      line.note = random.pick([
        'Subventions directes (« a décroché »), selon le communiqué de l’agence régionale de santé.',
        'Montant « jusqu’à » : plafond de l’aide, versée par tranches.',
        'Potentiel d’investissement de l’État dans les prises de participation, sous réserve du plan d’affaires.',
        'Prêt à taux zéro, remboursable sur sept ans.',
      ]);
    line.source = articleOf(recipient.index).id;
    fundingLines.push(line);
  }
  writeLists(write, 'funding', 'funding', fundingLines);

  // --- events/*.yaml: 2N events, each about one organisation (i mod N) and a few of its members
  const events = [];
  const orgById = new Map(organisations.map((o) => [o.id, o]));
  const eventTitles = {
    founding: (o) => `Création ${of(o.name)}`,
    joining: (o, other) => `${other ? capitalise(the(other.name)) : 'Un nouvel établissement'} rejoint ${the(o.name)}`,
    announcement: (o) => `${capitalise(the(o.name))} annonce un projet médical partagé`,
    award: (o, _other, p) => `${capitalise(the(o.name))}, lauréat de l'appel « ${p.name} »`,
    'call-for-projects': (_o, _other, p) => `Appel à projets « ${p.name} »`,
    visit: (o) => `Visite ministérielle ${at(o.name)}`,
    'trade-show': (o) => `${capitalise(the(o.name))} présent au salon Santexpo`,
    meeting: (o) => `Assemblée générale ${of(o.name)}`,
    acquisition: (o, other) =>
      `${capitalise(the(o.name))} reprend ${other ? the(other.name) : 'un établissement voisin'}`,
    publication: (o) => `Rapport d'activité ${of(o.name)}`,
    construction: (o) => `Pose de la première pierre : ${the(o.name)} s'agrandit`,
    other: (o) => `${capitalise(the(o.name))} : changement de direction`,
  };
  for (let i = 0; i < 2 * n; i++) {
    const org = organisations[i % n];
    const kind = random.weighted(EVENT_KINDS);
    const members = org.record.members;
    const others = pickSome(random, members, random.int(0, 3)).map((m) => m.org);
    const programme =
      kind === 'award' || kind === 'call-for-projects' || random.chance(0.1)
        ? fundable[random.int(0, fundable.length - 1)]
        : undefined;
    const otherOrg = others.length ? orgById.get(others[0]) : undefined;
    const event = { id: uniqueId(`${org.id.split('-').slice(0, 6).join('-')}-${kind}`) };
    const year = random.int(2000, 2024);
    event.date = random.chance(0.2) ? varyingDate(random, year).text : dayOf(random, year);
    event.kind = kind;
    event.title = eventTitles[kind](org.record, otherOrg?.record, programme ?? fundable[0]);
    if (kind !== 'call-for-projects') event.orgs = [org.id, ...others.filter((o) => o !== org.id)];
    if (programme) event.programme = programme.id;
    if (org.record.city && random.chance(0.6)) event.place = org.record.city;
    if (random.chance(0.4))
      event.description = `${capitalise(the(org.name))} et ses partenaires ${random.pick(['présentent', 'annoncent', 'lancent'])} ${random.pick(['un parcours de soins coordonné', 'une plateforme de télémédecine', 'la mutualisation de leurs laboratoires', 'un projet immobilier commun', 'une filière gériatrique'])} ; ${random.pick(['le projet doit aboutir d’ici deux ans', 'les modalités restent à préciser', 'l’agence régionale de santé soutient la démarche', 'le calendrier a été confirmé lors de la réunion'])}.`;
    event.source = articleOf(org.index).id;
    events.push(event);
  }
  writeLists(write, 'events', 'events', events);

  // --- articles/<id>.md
  for (const article of articles) {
    const subject = article.subject;
    const front = {
      title: subject
        ? `« ${subject.name} » : ${random.pick(['un an après', 'une coopération renforcée', 'l’heure du bilan', 'nouveaux membres', 'un projet médical partagé'])}`
        : `Coopérations en santé, article ${article.index + 1}`,
      outlet: article.outlet,
      date: article.date,
      authors: random.chance(0.8) ? [`${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`] : [],
    };
    if (random.chance(0.5))
      front.url = `https://www.${article.outletSlug}.fr/articles/${article.id.slice(article.outletSlug.length + 1)}`;
    front.language = 'fr';
    if (random.chance(0.7)) front.section = random.pick(SECTIONS);
    front.people = [];
    if (subject && random.chance(0.6))
      front.people.push({
        name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
        role: random.pick(ROLES_OF_PEOPLE),
        org: subject.id,
      });
    if (random.chance(0.1)) front.note = 'Date de publication déduite du contexte ; l’article ne la donne pas.';
    const names = [subject, ...article.cites.filter((o) => o !== subject)]
      .filter(Boolean)
      .slice(0, 4)
      .map((o) => o.name);
    const body = [
      `Summary of the article: ${names.length ? names.join(', ') : 'several health providers'} ${random.pick(['announce a closer cooperation', 'describe their shared projects', 'report on a first year together', 'detail their funding'])}.`,
      `The establishments keep their independence; they pool ${random.pick(SHARED)} and coordinate care pathways across the territory, with ${random.pick(ACTIVITIES)} as an early priority.`,
    ].join('\n\n');
    write(`articles/${article.id}.md`, `---\n${yamlMap(front)}---\n\n${wrap(body)}\n`);
  }

  const counts = {
    organisations: n,
    programmes: programmes.length,
    funding: fundingLines.length,
    events: events.length,
    articles: articleCount,
  };
  // Queries for the benchmark, all known to have answers.
  const regionCounts = new Map();
  for (const org of organisations)
    if (!org.spec?.national) regionCounts.set(org.region.slug, (regionCounts.get(org.region.slug) ?? 0) + 1);
  const busiestRegion = [...regionCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const showOrg =
    organisations.find((o, i) => i >= Math.floor(n / 2) && /[À-ÿ]/.test(o.name) && !o.spec) ??
    organisations[Math.floor(n / 2)];
  // The rarest word of its name (five letters or more): a search a person would make.
  const words = (name) => name.split(/[\s'’()-]+/).filter((w) => w.length >= 5);
  const frequency = new Map();
  for (const org of organisations)
    for (const w of new Set(words(org.name).map(fold))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const searchWord =
    words(showOrg.name).sort(
      (a, b) => frequency.get(fold(a)) - frequency.get(fold(b)) || b.length - a.length || (a < b ? -1 : 1),
    )[0] ?? showOrg.name.split(' ')[0];
  const probes = {
    region: busiestRegion,
    show: showOrg.id,
    search: searchWord,
    program: programmes[1]?.id ?? root.id,
    eventsOrg: showOrg.id,
  };
  return { counts, probes };
}

/** The definite article a name's first word takes in running text: "l'", "la ", "le " or none. */
const ARTICLES = {
  Hôpital: "l'",
  Clinique: 'la ',
  Polyclinique: 'la ',
  Centre: 'le ',
  Maison: 'la ',
  Résidence: 'la ',
  EHPAD: "l'",
  Association: "l'",
  Fondation: 'la ',
  Alliance: "l'",
  Groupe: 'le ',
  Service: 'le ',
  SSIAD: 'le ',
  HAD: "l'",
  Hospitalisation: "l'",
  GCS: 'le ',
  GHT: 'le ',
  Groupement: 'le ',
  Communauté: 'la ',
  Département: 'le ',
  Ville: 'la ',
  Plateforme: 'la ',
  Fédération: 'la ',
  Syndicat: 'le ',
  URPS: "l'",
  Institut: "l'",
  Université: "l'",
  Chambre: 'la ',
  Consortium: 'le ',
  Pôle: 'le ',
  Projet: 'le ',
  Réseau: 'le ',
  Observatoire: "l'",
  Interpro: "l'",
  Caisse: 'la ',
  Agence: "l'",
  Banque: 'la ',
  État: "l'",
};
const LOWERED = new Set([
  'Hôpital',
  'Clinique',
  'Polyclinique',
  'Centre',
  'Maison',
  'Résidence',
  'Association',
  'Fondation',
  'Alliance',
  'Groupe',
  'Service',
  'Hospitalisation',
  'Groupement',
  'Communauté',
  'Département',
  'Ville',
  'Plateforme',
  'Fédération',
  'Syndicat',
  'Institut',
  'Université',
  'Chambre',
  'Consortium',
  'Pôle',
  'Projet',
  'Réseau',
  'Observatoire',
  'Caisse',
  'Agence',
  'Banque',
]);
function withArticle(name) {
  const first = name.split(' ')[0];
  const article = ARTICLES[first];
  if (article === undefined) return { article: '', rest: name };
  return { article, rest: LOWERED.has(first) ? `${name.charAt(0).toLowerCase()}${name.slice(1)}` : name };
}
/** l'hôpital X, la clinique Y, Médilog SAS */
const the = (name) => {
  const { article, rest } = withArticle(name);
  return `${article}${rest}`;
};
/** de l'hôpital X, du centre hospitalier Y, de Médilog SAS */
const of = (name) => {
  const { article, rest } = withArticle(name);
  return article === 'le ' ? `du ${rest}` : `de ${article}${rest}`;
};
/** à l'hôpital X, au centre Y */
const at = (name) => {
  const { article, rest } = withArticle(name);
  return article === 'le ' ? `au ${rest}` : `à ${article}${rest}`;
};

function wrap(text, width = 100) {
  return text
    .split('\n\n')
    .map((paragraph) => {
      const lines = [];
      let line = '';
      for (const word of paragraph.split(' ')) {
        if (line && line.length + 1 + word.length > width) {
          lines.push(line);
          line = word;
        } else line = line ? `${line} ${word}` : word;
      }
      if (line) lines.push(line);
      return lines.join('\n');
    })
    .join('\n\n');
}

function pickSome(random, list, count) {
  const chosen = [];
  const used = new Set();
  while (chosen.length < Math.min(count, list.length)) {
    const i = random.int(0, list.length - 1);
    if (used.has(i)) continue;
    used.add(i);
    chosen.push(list[i]);
  }
  return chosen;
}

/** The digits followed by the Luhn key that makes them valid (SIREN, FINESS). */
function luhnComplete(digits) {
  for (let key = 0; key < 10; key++) {
    const candidate = digits + key;
    let sum = 0;
    for (let i = 0; i < candidate.length; i++) {
      let digit = candidate.charCodeAt(candidate.length - 1 - i) - 48;
      if (i % 2 === 1) {
        digit *= 2;
        if (digit > 9) digit -= 9;
      }
      sum += digit;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

function orgName(random, kind, commune, _geo) {
  const city = commune.name;
  const dept = commune.department;
  const saint = random.pick(SAINTS);
  const thing = random.pick(THINGS);
  const of = ofCity(city);
  switch (kind) {
    case 'hospital':
      return random.pick([
        `Hôpital ${saint}`,
        `Centre hospitalier ${of}`,
        `Hôpital privé ${of}`,
        `Centre hospitalier universitaire ${of}`,
        `Hôpital ${saint} ${of}`,
        `Hôpital local ${of}`,
      ]);
    case 'clinic':
      return random.pick([
        `Clinique ${ofThing(thing)}`,
        `Clinique ${saint}`,
        `Polyclinique ${of}`,
        `Clinique ${ofThing(thing)} ${of}`,
        `Clinique psychiatrique ${ofThing(thing)}`,
      ]);
    case 'ehpad':
      return random.pick([
        `EHPAD ${capitalise(thing)}`,
        `Résidence ${thing}`,
        `Maison de retraite ${saint}`,
        `EHPAD ${capitalise(thing)} ${of}`,
        `Résidence ${saint} ${of}`,
      ]);
    case 'ssiad':
      return random.pick([
        `SSIAD ${of}`,
        `Service de soins infirmiers à domicile ${of}`,
        `HAD ${dept.name}`,
        `Hospitalisation à domicile ${ofThing(thing)}`,
      ]);
    case 'health-centre':
      return random.pick([
        `Maison de santé pluriprofessionnelle ${of}`,
        `Centre de santé ${saint}`,
        `Maison médicale ${thing}`,
        `Centre de santé municipal ${of}`,
      ]);
    case 'gcs':
      return `GCS ${random.pick(TOPICS)} ${ofCity(dept.name)}`;
    case 'ght':
      return random.pick([
        `GHT ${dept.name}`,
        `Groupement hospitalier de territoire ${ofCity(dept.name)}`,
        `GHT ${dept.name} ${random.pick(['Nord', 'Sud', 'Est', 'Ouest', 'Centre'])}`,
      ]);
    case 'alliance':
      return random.pick([
        `Alliance hospitalière ${of}`,
        `Alliance santé ${commune.department.region.name}`,
        `Alliance ${saint}`,
      ]);
    case 'association':
      return random.pick([
        `Association d'aide à domicile ${of}`,
        `Association ${saint}`,
        `Association des usagers ${ofThing(thing)}`,
        `Réseau de santé ${of}`,
      ]);
    case 'foundation':
      return random.pick([`Fondation ${saint}`, `Fondation ${ofThing(thing)}`, `Fondation des Diaconesses ${of}`]);
    case 'group':
      return `Groupe ${random.pick(FAMILIES)}`;
    case 'company':
      return `${random.pick(COMPANY_WORDS)} ${random.pick(['SAS', 'Santé', 'Solutions', 'France', 'Services'])}`;
    case 'federation':
      return `Fédération ${random.pick(['hospitalière', 'des cliniques', 'des EHPAD', 'des centres de santé'])} ${commune.department.region.name}`;
    case 'local-authority':
      return random.pick([
        `Communauté de communes ${of}`,
        `Département ${ofCity(dept.name)}`,
        `Communauté d'agglomération ${of}`,
        `Ville ${of}`,
      ]);
    case 'platform':
      return `Plateforme territoriale d'appui ${ofCity(dept.name)}`;
    case 'project':
      return `Projet ${random.pick(['Territoire de santé', 'e-Parcours', 'Santé connectée', 'Cœur de territoire'])} ${of}`;
    case 'consortium':
      return `Consortium ${random.pick(TOPICS)} ${commune.department.region.name}`;
    case 'interprofession':
      return `Interpro santé ${commune.department.region.name}`;
    case 'professional-union':
      return `URPS ${random.pick(['médecins libéraux', 'infirmiers', 'pharmaciens', 'kinésithérapeutes'])} ${commune.department.region.name}`;
    case 'trade-union':
      return `Syndicat ${random.pick(['des médecins hospitaliers', 'des cliniques privées', 'des EHPAD privés'])} ${commune.department.region.name}`;
    case 'think-tank':
      return `Observatoire ${random.pick(['de la régionalisation', 'des coopérations', 'de l’innovation en santé'])} ${commune.department.region.name}`;
    case 'competitiveness-cluster':
      return `Pôle de compétitivité ${random.pick(['Biovalley', 'Eurobiomed', 'Médicen', 'Atlanpole Biothérapies'])} ${commune.department.region.name}`;
    case 'chamber-of-commerce':
      return `Chambre de commerce et d'industrie ${ofCity(dept.name)}`;
    case 'university':
      return `Université ${of}`;
    case 'research-institute':
      return `Institut de recherche ${random.pick(['en santé publique', 'hospitalo-universitaire', 'en gériatrie'])} ${of}`;
    default:
      return `${capitalise(kind)} ${of}`;
  }
}

function describeOrg(random, org, record) {
  const where = record.city ? ` à ${record.city}` : record.region ? ` en ${org.region.name}` : '';
  const what =
    {
      hospital: 'Établissement de santé',
      clinic: 'Clinique',
      ehpad: 'Établissement d’hébergement pour personnes âgées dépendantes',
      ssiad: 'Service de soins à domicile',
      'health-centre': 'Structure d’exercice coordonné',
    }[org.kind] ?? 'Structure';
  const more = random.pick([
    'Membre de plusieurs coopérations territoriales, elle partage des plateaux techniques et du temps médical avec ses voisins.',
    'Engagée dans un projet médical partagé, elle coordonne ses filières avec les établissements du territoire.',
    'Elle a rejoint une alliance de structures privées non lucratives pour mutualiser ses fonctions supports.',
    "Ses parcours de soins s'appuient sur la télémédecine et la téléexpertise avec les EHPAD voisins.",
  ]);
  return `${what}${where}. ${more}`;
}

/** Splits a list of records over numbered files of at most MAX_ITEMS_PER_FILE items and ~900 KB. */
function writeLists(write, folder, prefix, items) {
  let part = 1;
  let chunks = [];
  let bytes = 0;
  const flush = () => {
    if (chunks.length === 0) return;
    write(`${folder}/${prefix}-${pad(part, 3)}.yaml`, chunks.join(''));
    part++;
    chunks = [];
    bytes = 0;
  };
  for (const item of items) {
    const chunk = yamlListItem(item, '');
    const size = Buffer.byteLength(chunk);
    if (chunks.length >= MAX_ITEMS_PER_FILE || bytes + size > MAX_BYTES_PER_FILE) flush();
    chunks.push(chunk);
    bytes += size;
  }
  flush();
}

// ---------------------------------------------------------------------------------------------
// Writing

const MARKER = '.bench-gen.json';

function prepareOut(out) {
  if (existsSync(out)) {
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(MARKER))
      fail(`${out} is not empty and was not written by bench-gen: refusing to overwrite it`);
    for (const folder of LAYOUT) rmSync(join(out, folder), { recursive: true, force: true });
    rmSync(join(out, MARKER), { force: true });
  }
  for (const folder of LAYOUT) mkdirSync(join(out, folder), { recursive: true });
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = process.hrtime.bigint();
  prepareOut(args.out);
  let files = 0;
  let bytes = 0;
  const { counts, probes } = generate(args, (path, text) => {
    writeFileSync(join(args.out, path), text);
    files++;
    bytes += Buffer.byteLength(text);
  });
  // Written last: its presence says the base is complete.
  const marker = { generator: GENERATOR_VERSION, orgs: args.orgs, seed: args.seed, counts, files, bytes, probes };
  writeFileSync(join(args.out, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(
    `bench-gen: ${args.out}: ${counts.organisations} organisations, ${counts.programmes} programmes, ${counts.funding} funding lines, ${counts.events} events, ${counts.articles} articles (${files} files, ${(bytes / 1e6).toFixed(1)} MB) in ${(ms / 1000).toFixed(1)} s\n`,
  );
}

main();
