/**
 * What must stay true of the shipped base however it grows: it validates without error, its files
 * follow the JSON Schemas and carry their editor line, and the facts of the five seed articles are
 * still there. Presence only: no totals, no counts, no whole outputs, no rankings, so that recording a
 * new article (tests/data/growth.test.ts) never breaks these checks, while losing or changing a seed
 * fact does. Exact outputs are checked on the frozen copy, tests/fixtures/seed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import matter from 'gray-matter';
import { expect } from 'vitest';
import { parse } from 'yaml';
import { runCoop, type RunResult } from '../helpers.js';

const HOSPIMEDIA = 'hospimedia-2017-09-13-alliance-ouest-parisien';
const REVIEW = 'alliance-hospitaliere-2019-03-11-un-an-apres';
const TICSANTE = 'ticsante-2019-11-territoire-de-sante-de-demain';
const INTERPRO = 'nouvelles-publications-2015-interpro-sante-provence';
const THINK_TANK = 'quotidien-du-medecin-2013-10-09-think-tank-cooperations';
const SEED_ARTICLES = [REVIEW, HOSPIMEDIA, INTERPRO, THINK_TANK, TICSANTE];

interface Membership {
  organisation: string;
  member: string;
  role: string;
  source: string;
  status?: string;
}
interface FundingLine {
  id: string;
  programme: string;
  recipient: string;
  instrument: string;
  amount: number;
  currency: string;
  stage: string;
  source: string;
}
interface Organisation {
  id: string;
  name: string;
  aliases?: string[];
  short_name?: string;
  kind: string;
  sector?: string;
  parent?: string;
  description?: string;
  activities?: string[];
  shared_resources?: string[];
  figures?: Array<{ metric: string; as_of?: string; source: string }>;
  note?: string;
  field_sources?: Record<string, string[] | 'common-knowledge'>;
}
interface Exported {
  organisations: Organisation[];
  memberships: Membership[];
  programmes: Array<{
    id: string;
    parent?: string;
    budget?: Array<{ instrument: string; amount: number; currency: string; source: string }>;
  }>;
  funding: FundingLine[];
  events: Array<{ id: string; date: string; kind: string; orgs: string[]; description?: string; source: string }>;
  articles: Array<{ id: string; date: string; outlet?: string; note?: string; body?: string }>;
}

/** coop, in-process, on `dataDir`, through a pipe; fails the test on a non-zero exit or stderr. */
async function coopOk(dataDir: string, args: string[]): Promise<string> {
  const result: RunResult = await runCoop([...args, '--data', dataDir, '--no-cache']);
  expect(result.err, `coop ${args.join(' ')}`).toBe('');
  expect(result.code, `coop ${args.join(' ')}`).toBe(0);
  return result.out;
}

/** `coop validate` finds no error (warnings are a contributor's business, not a broken base). */
export async function expectValidates(dataDir: string): Promise<void> {
  const result = await runCoop(['validate', '--data', dataDir, '--no-cache', '--format', 'json']);
  const report = JSON.parse(result.out) as {
    diagnostics: Array<{ severity: string; rule: string; file: string; message: string }>;
  };
  expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.code).toBe(0);
  expect(result.err).toBe('');
}

/** Every YAML file and every article's front matter follows the JSON Schema `coop schema` prints, and every YAML file starts with its editor line. */
export async function expectFilesFollowTheSchemas(dataDir: string): Promise<void> {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const schemas = JSON.parse((await runCoop(['schema'])).out) as Record<string, object>;
  const check = Object.fromEntries(Object.entries(schemas).map(([type, schema]) => [type, ajv.compile(schema)]));
  let files = 0;
  for (const [folder, type] of [
    ['organisations', 'organisation'],
    ['programmes', 'programme'],
    ['funding', 'funding'],
    ['events', 'events'],
  ] as const) {
    for (const name of readdirSync(join(dataDir, folder)).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(join(dataDir, folder, name), 'utf8');
      expect(text.split('\n')[0], `${folder}/${name}`).toBe(
        `# yaml-language-server: $schema=../../schema/${type}.schema.json`,
      );
      expect(check[type]!(parse(text)), `${folder}/${name}: ${JSON.stringify(check[type]!.errors)}`).toBe(true);
      files++;
    }
  }
  for (const name of readdirSync(join(dataDir, 'articles')).filter((n) => n.endsWith('.md'))) {
    const front = matter(readFileSync(join(dataDir, 'articles', name), 'utf8'), {
      engines: { yaml: (text: string) => parse(text) as object },
    }).data;
    expect(
      check['article-front-matter']!(front),
      `articles/${name}: ${JSON.stringify(check['article-front-matter']!.errors)}`,
    ).toBe(true);
    files++;
  }
  expect(files).toBeGreaterThan(0);
}

/** The facts the five seed articles gave, each still in the base (beside whatever else it holds now). */
export async function expectSeedFacts(dataDir: string): Promise<void> {
  const base = JSON.parse(await coopOk(dataDir, ['export'])) as Exported;
  const articleIds = base.articles.map((a) => a.id);
  for (const id of SEED_ARTICLES) expect(articleIds, `article ${id}`).toContain(id);

  // The Alliance hospitalière de l'Ouest parisien, and the two articles' disagreement on its founders.
  const claim = (organisation: string, member: string, role: string, source: string) =>
    expect(base.memberships, `${member} ${role} of ${organisation} per ${source}`).toContainEqual(
      expect.objectContaining({ organisation, member, role, source }),
    );
  for (const founder of [
    'cite-des-fleurs',
    'fondation-diaconesses-de-reuilly',
    'fondation-sante-service',
    'hopital-foch',
    'hopital-gouin',
    'institut-hospitalier-franco-britannique',
  ]) {
    claim('alliance-ouest-parisien', founder, 'founder', HOSPIMEDIA);
  }
  claim('alliance-ouest-parisien', 'residence-solemnes', 'member', HOSPIMEDIA);
  for (const founder of ['residence-solemnes', 'hopital-foch', 'hopital-gouin'])
    claim('alliance-ouest-parisien', founder, 'founder', REVIEW);
  for (const member of [
    'ansiad',
    'clinique-de-la-verriere',
    'clinique-de-rueil-malmaison',
    'groupe-mgen',
    'hopital-nord',
    'maison-medicale-claire-demeure',
    'sapa',
    'sesid-92',
    'ssiad-de-saint-cloud',
  ]) {
    claim('alliance-ouest-parisien', member, 'member', REVIEW);
  }
  claim('gcs-laboratoires-alliance-ouest-parisien', 'hopital-foch', 'founder', REVIEW);
  // Territoire de santé de demain, e-Meuse santé, Handicap innovation territoire (TICsanté).
  claim('territoire-de-sante-de-demain', 'eurometropole-de-strasbourg', 'coordinator', TICSANTE);
  claim('territoire-de-sante-de-demain', 'hopitaux-universitaires-de-strasbourg', 'member', TICSANTE);
  claim('territoire-de-sante-de-demain', 'docaposte', 'investor', TICSANTE);
  claim('e-meuse-sante', 'departement-de-la-meuse', 'carrier', TICSANTE);
  claim('handicap-innovation-territoire', 'lorient-agglomeration', 'carrier', TICSANTE);
  claim('priesm', 'gip-pulsy', 'carrier', TICSANTE);
  // The Interpro santé Provence (Nouvelles publications, 2015).
  claim('interpro-sante-provence', 'upe-13', 'founder', INTERPRO);
  for (const member of ['ap-hm', 'ccimp', 'eurobiomed', 'fhp-sud-est', 'fnts', 'synerpa'])
    claim('interpro-sante-provence', member, 'member', INTERPRO);

  // The money of Territoires d'innovation, each line as the article gives it.
  const line = (recipient: string, instrument: string, stage: string, amount: number) =>
    expect(base.funding, `${instrument} ${stage} ${amount} to ${recipient}`).toContainEqual(
      expect.objectContaining({
        programme: 'territoires-d-innovation',
        recipient,
        instrument,
        stage,
        amount,
        currency: 'EUR',
        source: TICSANTE,
      }),
    );
  line('territoire-de-sante-de-demain', 'grant', 'awarded', 10_600_000);
  line('territoire-de-sante-de-demain', 'equity', 'potential', 25_000_000);
  line('e-meuse-sante', 'grant', 'awarded', 8_400_000);
  line('e-meuse-sante', 'equity', 'potential', 18_600_000);
  line('handicap-innovation-territoire', 'grant', 'awarded', 6_900_000);
  line('handicap-innovation-territoire', 'equity', 'potential', 22_400_000);

  // The PIA tree: the Grand plan d'investissement finances the PIA, which carries Territoires d'innovation.
  const programme = (id: string) => base.programmes.find((p) => p.id === id);
  expect(programme('pia'), 'programme pia').toMatchObject({ parent: 'grand-plan-d-investissement' });
  expect(programme('territoires-d-innovation'), 'programme territoires-d-innovation').toMatchObject({ parent: 'pia' });
  expect(programme('territoires-d-innovation')!.budget).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ instrument: 'grant', amount: 150_000_000, currency: 'EUR', source: TICSANTE }),
      expect.objectContaining({ instrument: 'equity', amount: 300_000_000, currency: 'EUR', source: TICSANTE }),
    ]),
  );
  const pia = JSON.parse(await coopOk(dataDir, ['funding', '--program', 'PIA', '--json'])) as {
    programme: { includes: string[] };
    lines: Array<{ id: string }>;
  };
  expect(pia.programme.includes).toContain('territoires-d-innovation');
  expect(pia.lines.map((l) => l.id)).toContain('territoires-d-innovation-tsd-grant');

  // The events the articles date.
  const event = (id: string, date: string, kind: string, source: string) =>
    expect(base.events, `event ${id}`).toContainEqual(expect.objectContaining({ id, date, kind, source }));
  event('alliance-ouest-parisien-annonce', '2017-09-13', 'announcement', HOSPIMEDIA);
  event('alliance-ouest-parisien-bilan-un-an', '2019-03-11', 'publication', REVIEW);
  expect(base.events.map((e) => e.source)).toEqual(expect.arrayContaining([INTERPRO, THINK_TANK, TICSANTE]));

  // The alliance's 2019 figures.
  const page = await coopOk(dataDir, ['show', 'alliance-ouest-parisien']);
  expect(page).toContain(`staff\t5601\t\t2019-03-11\t${REVIEW}`);
  expect(page).toContain(`beds\t2047\t\t2019-03-11\t${REVIEW}`);
  expect(page).toContain(`births\t5700\tper-year\t2019-03-11\t${REVIEW}`);

  // Geography: the Grand Est records in Grand Est, the others not.
  const grandEst = (await coopOk(dataDir, ['list', '--region', 'grand-est']))
    .trim()
    .split('\n')
    .slice(1)
    .map((row) => row.split('\t')[0]);
  for (const id of [
    'territoire-de-sante-de-demain',
    'eurometropole-de-strasbourg',
    'hopitaux-universitaires-de-strasbourg',
    'ars-grand-est',
    'e-meuse-sante',
    'chu-de-nancy',
  ]) {
    expect(grandEst, `${id} in Grand Est`).toContain(id);
  }
  for (const id of [
    'handicap-innovation-territoire',
    'lorient-agglomeration',
    'alliance-ouest-parisien',
    'interpro-sante-provence',
  ])
    expect(grandEst, `${id} not in Grand Est`).not.toContain(id);

  // Names people type: an alias without its accent, an acronym (found, wherever they rank).
  const found = await coopOk(dataDir, ['search', 'cite des fleurs', '--json']);
  expect((JSON.parse(found) as Array<{ id: string }>).map((hit) => hit.id)).toContain('cite-des-fleurs');
  expect(JSON.parse(await coopOk(dataDir, ['show', 'TSD', '--json']))).toMatchObject({
    type: 'organisation',
    record: { id: 'territoire-de-sante-de-demain' },
  });
  expect(
    base.organisations.find((o) => o.id === 'observatoire-de-la-regionalisation'),
    'the think tank of 2013',
  ).toBeDefined();
}

/** The shipped base, resolved, as `coop export` prints it. */
export async function exportBase(dataDir: string): Promise<Exported> {
  return JSON.parse(await coopOk(dataDir, ['export'])) as Exported;
}

/** Lower case, no accents, words separated by single spaces: phrases compared whatever their typography. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function organisation(base: Exported, id: string): Organisation {
  const found = base.organisations.find((o) => o.id === id);
  expect(found, `organisation ${id}`).toBeDefined();
  return found!;
}

function article(base: Exported, id: string): Exported['articles'][number] {
  const found = base.articles.find((a) => a.id === id);
  expect(found, `article ${id}`).toBeDefined();
  return found!;
}

function event(base: Exported, id: string): Exported['events'][number] {
  const found = base.events.find((e) => e.id === id);
  expect(found, `event ${id}`).toBeDefined();
  return found!;
}

/**
 * The fact-check of the shipped base against the five seeds (issue 13, part 9): each value exactly
 * as certain as its article says, and our own words. Presence and absence of facts in named records,
 * so that recording new articles never breaks them.
 */
export const FACT_CHECK: Array<[string, (base: Exported) => void]> = [
  [
    "the laboratories' GCS: the résidence Solemnes and the clinique de Rueil-Malmaison are joining ('en cours'), not members",
    (base) => {
      for (const member of ['residence-solemnes', 'clinique-de-rueil-malmaison']) {
        const claims = base.memberships.filter(
          (m) => m.organisation === 'gcs-laboratoires-alliance-ouest-parisien' && m.member === member,
        );
        expect(claims.length, member).toBeGreaterThan(0);
        for (const claim of claims) expect(claim.status, member).toBe('pending');
      }
    },
  ],
  [
    'the Interpro Santé Provence article: its year is inferred, so its date is uncertain, and so are the dates that rest on it',
    (base) => {
      // The page prints no date: April to June is read from the article, the year 2015 inferred.
      expect(article(base, INTERPRO).date).toBe('2015-04-17?/2015-06-12?');
      for (const id of ['clinique-monticelli-velodrome', 'generale-de-sante']) {
        for (const figure of organisation(base, id).figures ?? []) {
          if (figure.source === INTERPRO && figure.as_of?.startsWith('2015-04-17'))
            expect(figure.as_of, `${id} ${figure.metric}`).toBe('2015-04-17?/2015-06-12?');
        }
      }
      for (const id of ['polyclinique-du-parc-rambot', 'clinique-monticelli-velodrome', 'generale-de-sante']) {
        const description = organisation(base, id).description ?? '';
        expect(description, id).toMatch(/2015/);
        expect(description, `${id} says how the year is known`).toMatch(/année[^.]*déduite/);
      }
    },
  ],
  [
    'the Docaposte–Icanopée acquisition: the day is printed, the year inferred, so the date is uncertain',
    (base) => {
      expect(event(base, 'docaposte-acquisition-icanopee-2019').date).toBe('2019-10-09?');
      for (const id of ['docaposte', 'icanopee']) {
        const description = organisation(base, id).description ?? '';
        expect(description, id).toMatch(/9 octobre/);
        expect(description, `${id} says how the year is known`).toMatch(/année[^.]*déduite/);
      }
      expect(organisation(base, 'icanopee').note, 'icanopee note').not.toMatch(/2019-10-09(?!\?)/);
    },
  ],
  [
    "the alliance's « un an après »: September 2017 to March 2019 is some 18 months, and the base says both",
    (base) => {
      const oneYear = /first year|one year on|a year on|after one year|première année|au bout d'un an|après un an\b/i;
      const texts: Array<[string, string | undefined]> = [
        ...[
          'alliance-ouest-parisien',
          'ansiad',
          'sapa',
          'sesid-92',
          'groupe-mgen',
          'gcs-laboratoires-alliance-ouest-parisien',
        ].map((id): [string, string | undefined] => [id, organisation(base, id).description]),
        ...['alliance-ouest-parisien-nouveaux-membres', 'alliance-ouest-parisien-bilan-un-an'].map(
          (id): [string, string | undefined] => [id, event(base, id).description],
        ),
      ];
      for (const [id, text] of texts) {
        expect(text, id).not.toMatch(oneYear);
        expect(text, `${id} gives the actual span`).toMatch(/18 mois/);
      }
      expect(article(base, REVIEW).body).not.toMatch(oneYear);
      expect(article(base, REVIEW).body).toMatch(/18 mois/);
    },
  ],
  [
    'the Interpro Santé Provence article: its outlet is inferred, and its note says so',
    (base) => {
      const interpro = article(base, INTERPRO);
      expect(interpro.outlet).toBe('Nouvelles Publications');
      expect(interpro.note).toMatch(/titre de presse est déduit/i);
    },
  ],
  [
    'Territoire de santé de demain counts on the industrial strength of the partner companies, asked to build on PRIeSM',
    (base) => {
      expect(organisation(base, 'territoire-de-sante-de-demain').description).toMatch(/industriel[^.]*PRIeSM/);
    },
  ],
  [
    "the alliance's activities say the articles' facts in our own words, not in their phrases",
    (base) => {
      // Phrases of the two alliance articles that the base had copied, accents and case folded.
      const copied = [
        'teleconsultation entre les ehpad et le service des urgences',
        'le service des urgences de l hopital foch',
        'organisation des filieres digestives et neurologiques',
        'fluides et non imposees',
        'acces 24h 24 aux services de recours',
        'prises en charge innovantes en',
        'plateformes de suivi des patients a domicile',
        'politique qualite partagee et homogeneisation des pratiques',
        'prise en charge renforcees du tabagisme',
      ];
      const texts = base.organisations.flatMap((o) => [
        o.description ?? '',
        ...(o.activities ?? []),
        ...(o.shared_resources ?? []),
      ]);
      for (const text of [...texts, ...base.events.map((e) => e.description ?? '')]) {
        for (const phrase of copied) expect(fold(text), text).not.toContain(phrase);
      }
      // The facts stay: Foch's emergency department linked to the nursing homes by teleconsultation.
      expect(
        organisation(base, 'alliance-ouest-parisien').activities!.map(fold),
        'the teleconsultation between the nursing homes and Foch',
      ).toContainEqual(
        expect.stringMatching(/teleconsultation.*ehpad.*urgences.*foch|ehpad.*urgences.*foch.*teleconsultation/),
      );
    },
  ],
  [
    'kinds no article gives say they are assumed, with the right reason; no qualifier the articles do not give',
    (base) => {
      const sesid = organisation(base, 'sesid-92').note ?? '';
      expect(sesid, 'sesid-92: no reasoning from the letters of its acronym').not.toMatch(
        /ends like|finit comme|rappelle les sigles/,
      );
      expect(sesid, 'sesid-92: kind an unverified hypothesis').toMatch(/hypothèse/);
      // Kinds (and sectors) no article gives are marked, field by field, as common knowledge.
      for (const id of ['sesid-92', 'ansiad', 'sapa', 'grand-e-nov', 'synerpa', 'dgos', 'ville-de-saverne']) {
        expect(organisation(base, id).field_sources?.kind, `${id}: kind from common knowledge`).toBe(
          'common-knowledge',
        );
      }
      for (const id of ['clinique-monticelli-velodrome', 'generale-de-sante']) {
        expect(organisation(base, id).field_sources?.sector, `${id}: sector`).toBe('common-knowledge');
      }
      expect(organisation(base, 'grand-e-nov').note, 'grand-e-nov: kind assumed').toMatch(/public-agency[^.]*supposé/);
      for (const id of [
        'communaute-de-communes-de-hanau-la-petite-pierre',
        'communaute-de-communes-de-l-alsace-bossue',
        'communaute-de-communes-de-la-mossig-et-du-vignoble',
        'communaute-de-communes-de-saverne-marmoutier-sommerau',
        'communaute-de-communes-du-pays-de-bitche',
      ]) {
        expect(organisation(base, id).description, `${id}: no article calls it rural`).not.toMatch(/rural/i);
      }
    },
  ],
  [
    "the three health laureates of Territoires d'innovation modelled alike: a project, its partnership as members",
    (base) => {
      const laureates = ['territoire-de-sante-de-demain', 'e-meuse-sante', 'handicap-innovation-territoire'];
      for (const id of laureates) {
        const project = organisation(base, id);
        expect(project.kind, `${id} kind`).toBe('project');
        // No article gives a project's sector; TSD's partnership mixes public bodies and companies.
        expect(project.sector, `${id} sector`).toBeUndefined();
      }
      expect(organisation(base, 'territoire-de-sante-de-demain').description).toMatch(/consortium/);
    },
  ],
  [
    'the clinique Monticelli-Vélodrome: the article only implies it belongs to Générale de santé, so no parent, and the note says what it implies',
    (base) => {
      const clinic = organisation(base, 'clinique-monticelli-velodrome');
      expect(clinic.parent, 'parent').toBeUndefined();
      expect(clinic.note).toMatch(/laisse entendre[^.]*Générale de santé/);
    },
  ],
];

/** Every fact-check correction holds in the base in `dataDir`. */
async function expectFactCheck(dataDir: string): Promise<void> {
  const base = await exportBase(dataDir);
  for (const [, check] of FACT_CHECK) check(base);
}

/** Everything above: what any state of data/ must pass. */
export async function expectShippedData(dataDir: string): Promise<void> {
  await expectValidates(dataDir);
  await expectFilesFollowTheSchemas(dataDir);
  await expectSeedFacts(dataDir);
  await expectFactCheck(dataDir);
}
