import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// tests/fixtures/site-territory: the base of query-territory (a CPTS across the Ain and the Jura, a
// hospital with two sites, an authorisation and a CPOM with the ARS), plus a clinic covering one
// department and one commune, with a dated population and a dated authorisation, and a local health
// contract the CPTS coordinates since June 2024. The same base as a French and as an English site.
const work = mkdtempSync(join(tmpdir(), 'site-territory-lang-test-'));
const fr = join(work, 'fr');
const en = join(work, 'en');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

/** The <main> of a page, and its description: what the page says, without the shell. */
function page(site: string, path: string): string {
  const html = readFileSync(join(site, path), 'utf8');
  const description = /<meta name="description" content="[^"]*">/.exec(html)?.[0] ?? '';
  return `${html.slice(html.indexOf('<main id="contenu">'), html.indexOf('</main>') + '</main>'.length)}\n${description}`;
}

const ref = (n: number, article: string) =>
  `<a class="ref" href="../../articles/${article}/index.html" title="Article ${n}">[${n}]</a>`;
const CPOM = 'courrier-2024-01-15-cpom-valbrune';
const CPTS = 'courrier-2024-03-12-cpts-val-de-brune';
const CLS = 'courrier-2024-06-20-cls-haut-jura';
const ARS_LINK =
  '<a href="../../organisations/ars-bourgogne-franche-comte/index.html">Agence régionale de santé Bourgogne-Franche-Comté (ARS BFC)</a>';
const FR_MARK = '<span class="lang" title="in French">(fr)</span>';

/** The pages holding a territory, sites, authorisations or agreements. */
const PAGES = [
  'organisations/ch-de-valbrune/index.html',
  'organisations/cpts-val-de-brune/index.html',
  'organisations/clinique-des-monts/index.html',
  'accords/cpom-ch-de-valbrune-2024-2028/index.html',
  'accords/cls-haut-jura/index.html',
];

/** The French site's own words in those parts, exactly as the French pages write them. */
const FRENCH_WORDS = [
  '<dt>Départements</dt>',
  '<dt>Département couvert</dt>',
  '<dt>Communes (4)</dt>',
  '<dt>Commune couverte</dt>',
  'environ 68\u202f000 habitants',
  '3\u202f500 habitants (2021)',
  'aria-label="Sites de ',
  '<caption>Sites de ',
  '<th scope="col">Commune</th>',
  "<h2>Autorisations d'activité</h2>",
  'aria-label="Autorisations de ',
  "<caption>Autorisations d'activité de ",
  '<th scope="col">Activité</th>',
  '<th scope="col">Décision</th>',
  '<th scope="col">Autorité</th>',
  '<td>renouvelée</td>',
  '<td>accordée</td>',
  '<td>3 mai 2024</td>',
  '<h2>Conventions et contrats</h2>',
  '<span class="tag">contrat local de santé</span>',
  '(depuis juin 2024)',
  ', signataire avec <a',
  ', coordonnateur avec <a',
  '<dt>Nature</dt>',
  '<dt>Période</dt>',
  '<dd>depuis juin 2024</dd>',
  ', signataire</li>',
  ', coordonnateur</li>',
  ' : CPOM entre ',
  ' : contrat local de santé entre ',
  ', ses parties, sa période et ses sources.',
  '15 janvier 2024',
];

let made: { fr: { code: number; out: string; err: string }; en: { code: number; out: string; err: string } };
beforeAll(async () => {
  made = {
    fr: await runOnFixture('site-territory', ['site', '--out', fr]),
    en: await runOnFixture('site-territory', ['site', '--out', en, '--lang', 'en']),
  };
}, 60_000);

describe('coop site --lang en: territories, sites, authorisations and agreements', () => {
  it('writes both sites, an agreement page each', () => {
    expect(made.fr).toEqual({
      code: 0,
      out: `${fr}/index.html\n`,
      err: `coop: 17 pages and 9 other files written in ${fr}\n`,
    });
    expect(made.en).toEqual({
      code: 0,
      out: `${en}/index.html\n`,
      err: `coop: 17 pages and 9 other files written in ${en}\n`,
    });
    expect(filesUnder(en).filter((f) => f.startsWith('accords/'))).toEqual([
      'accords/cls-haut-jura/index.html',
      'accords/cpom-ch-de-valbrune-2024-2028/index.html',
    ]);
  });

  it("says a territory's departments, communes and population in English, numbers the English way", () => {
    expect(page(en, 'organisations/cpts-val-de-brune/index.html')).toContain(
      '<dt>Departments</dt><dd>Ain (01), Jura (39)</dd>\n' +
        '<dt>Municipalities (4)</dt><dd>Oyonnax (01283), Nantua (01269), Saint-Claude (39478), Hauts de Bienne (39368)</dd>\n' +
        '<dt>EPCI</dt><dd>CA Haut-Bugey Agglomération (200042935)</dd>\n' +
        `<dt>Population</dt><dd>about 68,000 inhabitants ${ref(1, CPTS)}</dd>\n`,
    );
    expect(page(en, 'organisations/clinique-des-monts/index.html')).toContain(
      '<dt>Department covered</dt><dd>Ain (01)</dd>\n' +
        '<dt>Municipality covered</dt><dd>Bellignat (01031)</dd>\n' +
        `<dt>Population</dt><dd>3,500 inhabitants (2021) ${ref(2, CLS)}</dd>\n`,
    );
  });

  it('heads the sites and the authorisations in English, the activity marked as French', () => {
    const hospital = page(en, 'organisations/ch-de-valbrune/index.html');
    expect(hospital).toContain(
      '<section><h2>Sites</h2><section class="scroll" tabindex="0" aria-label="Sites of Centre hospitalier de Valbrune"><table>\n' +
        '<caption>Sites of Centre hospitalier de Valbrune</caption>\n' +
        '<thead><tr><th scope="col">Site</th><th scope="col">Municipality</th><th scope="col">FINESS ET</th><th scope="col">Source</th></tr></thead>\n' +
        '<tbody>\n' +
        `<tr><td>Site de Lons-le-Saunier</td><td>Lons-le-Saunier (39300)</td><td>390780013</td><td>${ref(1, CPOM)}</td></tr>\n`,
    );
    expect(hospital).toContain(
      '<section><h2>Activity authorisations</h2><section class="scroll" tabindex="0" aria-label="Authorisations of Centre hospitalier de Valbrune"><table>\n' +
        '<caption>Activity authorisations of Centre hospitalier de Valbrune</caption>\n' +
        '<thead><tr><th scope="col">Activity</th><th scope="col">Decision</th><th scope="col">Date</th><th scope="col">Authority</th><th scope="col">Site</th><th scope="col">Source</th></tr></thead>\n' +
        '<tbody>\n' +
        `<tr><td lang="fr">médecine d&#39;urgence ${FR_MARK}</td><td>renewed</td><td></td><td>${ARS_LINK}</td><td>Site de Champagnole</td><td>${ref(1, CPOM)}</td></tr>\n`,
    );
    expect(page(en, 'organisations/clinique-des-monts/index.html')).toContain(
      `<tr><td lang="fr">chirurgie ambulatoire ${FR_MARK}</td><td>granted</td><td>3 May 2024</td><td>${ARS_LINK}</td><td></td><td>${ref(2, CLS)}</td></tr>\n`,
    );
  });

  it("lists an organisation's agreements in English: kind, period, its role, the other parties", () => {
    expect(page(en, 'organisations/ch-de-valbrune/index.html')).toContain(
      '<section><h2>Agreements and contracts</h2>\n<ul class="agreements">\n' +
        `<li><a href="../../accords/cpom-ch-de-valbrune-2024-2028/index.html">CPOM 2024-2028 du CH de Valbrune</a> <span class="tag">CPOM</span> <span class="when">(2024 – 2028)</span>, signatory with ${ARS_LINK} ${ref(1, CPOM)}</li>\n` +
        '</ul></section>',
    );
    expect(page(en, 'organisations/cpts-val-de-brune/index.html')).toContain(
      '<section><h2>Agreements and contracts</h2>\n<ul class="agreements">\n' +
        `<li><a href="../../accords/cls-haut-jura/index.html">Contrat local de santé du Haut-Jura</a> <span class="tag">local health contract</span> <span class="when">(since June 2024)</span>, coordinator with ${ARS_LINK} ${ref(2, CLS)}</li>\n` +
        '</ul></section>',
    );
  });

  it('gives an agreement its page in English, the description marked as French', () => {
    expect(page(en, 'accords/cpom-ch-de-valbrune-2024-2028/index.html')).toBe(
      '<main id="contenu">\n' +
        '<h1>CPOM 2024-2028 du CH de Valbrune</h1>\n' +
        `<p lang="fr">Contrat pluriannuel d&#39;objectifs et de moyens signé par le centre hospitalier de Valbrune avec l&#39;agence régionale de santé pour la période 2024-2028. ${FR_MARK}</p>\n` +
        '<dl class="facts">\n' +
        '<dt>Kind</dt><dd>CPOM</dd>\n' +
        '<dt>Period</dt><dd>2024 – 2028</dd>\n' +
        `<dt>Sources</dt><dd>${ref(1, CPOM)}</dd>\n` +
        '</dl>\n' +
        '<section><h2>Parties</h2>\n<ul class="members">\n' +
        '<li><a href="../../organisations/ch-de-valbrune/index.html">Centre hospitalier de Valbrune (CH de Valbrune)</a>, signatory</li>\n' +
        `<li>${ARS_LINK}, ARS</li>\n` +
        '</ul></section>\n' +
        '<section><h2>Sources</h2>\n<ol class="sources">\n' +
        `<li value="1"><a href="../../articles/${CPOM}/index.html" lang="fr">Le CH de Valbrune signe son CPOM</a>, Le Courrier de la Brune, 15 January 2024</li>\n` +
        '</ol></section>\n' +
        '</main>\n' +
        '<meta name="description" content="CPOM 2024-2028 du CH de Valbrune: CPOM between Centre hospitalier de Valbrune (CH de Valbrune), Agence régionale de santé Bourgogne-Franche-Comté (ARS BFC), its parties, its period and its sources.">',
    );
    expect(page(en, 'accords/cls-haut-jura/index.html')).toContain(
      '<dt>Kind</dt><dd>local health contract</dd>\n<dt>Period</dt><dd>since June 2024</dd>\n',
    );
    expect(page(en, 'accords/cls-haut-jura/index.html')).toContain(
      '<li><a href="../../organisations/cpts-val-de-brune/index.html">CPTS du Val de Brune</a>, coordinator</li>\n',
    );
  });

  it('says the same parts in French on the French site, word for word', () => {
    expect(page(fr, 'organisations/clinique-des-monts/index.html')).toContain(
      '<dt>Département couvert</dt><dd>Ain (01)</dd>\n' +
        '<dt>Commune couverte</dt><dd>Bellignat (01031)</dd>\n' +
        `<dt>Population</dt><dd>3\u202f500 habitants (2021) ${ref(2, CLS)}</dd>\n`,
    );
    expect(page(fr, 'organisations/clinique-des-monts/index.html')).toContain(
      `<tr><td>chirurgie ambulatoire</td><td>accordée</td><td>3 mai 2024</td><td>${ARS_LINK}</td><td></td><td>${ref(2, CLS)}</td></tr>\n`,
    );
    expect(page(fr, 'organisations/cpts-val-de-brune/index.html')).toContain(
      `<li><a href="../../accords/cls-haut-jura/index.html">Contrat local de santé du Haut-Jura</a> <span class="tag">contrat local de santé</span> <span class="when">(depuis juin 2024)</span>, coordonnateur avec ${ARS_LINK} ${ref(2, CLS)}</li>\n`,
    );
    expect(page(fr, 'accords/cls-haut-jura/index.html')).toContain(
      '<dt>Nature</dt><dd>contrat local de santé</dd>\n<dt>Période</dt><dd>depuis juin 2024</dd>\n',
    );
    expect(page(fr, 'accords/cls-haut-jura/index.html')).toContain(
      '<meta name="description" content="Contrat local de santé du Haut-Jura : contrat local de santé entre CPTS du Val de Brune, Agence régionale de santé Bourgogne-Franche-Comté (ARS BFC), ses parties, sa période et ses sources.">',
    );
  });

  it('lets no French word of its own into those parts of an English page', () => {
    const frenchPages = PAGES.map((path) => page(fr, path)).join('\n');
    const englishPages = PAGES.map((path) => page(en, path)).join('\n');
    // Each word is on the French pages: its absence from the English ones means something.
    expect(FRENCH_WORDS.filter((word) => !frenchPages.includes(word))).toEqual([]);
    expect(FRENCH_WORDS.filter((word) => englishPages.includes(word))).toEqual([]);
  });

  it('every English page passes html-validate', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of filesUnder(en).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(readFileSync(join(en, file), 'utf8'), file);
      for (const r of report.results)
        for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
    }
    expect(problems).toEqual([]);
  });
});
