import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressLine } from '../../src/render/site/progress.js';
import { runOnFixture } from '../helpers.js';

// The base: tests/fixtures/site/data (an alliance of three members, a programme tree with funding
// lines, organisations in three regions, an organisation whose strings are hostile, two person
// records that the first article names, and a person the second article names without a record).
const SCENARIO = 'site';
const work = mkdtempSync(join(tmpdir(), 'sqlsite-site-test-'));
const out = join(work, 'site');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

const read = (path: string) => readFileSync(join(out, path), 'utf8');

let result: { code: number; out: string; err: string };
beforeAll(async () => {
  result = await runOnFixture(SCENARIO, ['site', '--out', out, '--base-url', 'https://example.org/coop/']);
}, 60_000);

describe('coop site', () => {
  it('writes the whole site and says where', () => {
    expect(result).toEqual({
      code: 0,
      out: `${out}/index.html\n`,
      err: `coop: 26 pages and 9 other files written in ${out}\n`,
    });
    expect(filesUnder(out)).toEqual([
      '.coop-site',
      'articles/gazette-2019-05-02-alliance/index.html',
      'articles/index.html',
      'articles/journal-2020-03-10-fonds/index.html',
      'assets/minisearch.js',
      'assets/search-index.js',
      'assets/site.css',
      'assets/site.js',
      'atom.xml',
      'data/coop.db',
      'data/coop.db.metadata.json',
      'data/coop.json',
      'evenements/index.html',
      'financements/index.html',
      'index.html',
      'organisations/alliance-test/index.html',
      'organisations/chu-nancy/index.html',
      'organisations/clinique-des-fleurs/index.html',
      'organisations/clinique-marseille/index.html',
      'organisations/ehpad-les-tilleuls/index.html',
      'organisations/etat/index.html',
      'organisations/groupe-sante-plus/index.html',
      'organisations/hopital-a/index.html',
      'organisations/hostile/index.html',
      'organisations/index.html',
      'organisations/projet-strasbourg/index.html',
      'organisations/ville-de-strasbourg/index.html',
      'personnes/index.html',
      'personnes/jerome-muller/index.html',
      'personnes/paul-durand/index.html',
      'programmes/fonds-regional-amorcage/index.html',
      'programmes/fonds-regional/index.html',
      'programmes/index.html',
      'programmes/plan-national/index.html',
      'recherche/index.html',
      'sitemap.xml',
    ]);
  });

  it("lists the alliance's members by role, each with its numbered reference to the article page", () => {
    const page = read('organisations/alliance-test/index.html');
    expect(page).toContain('<title>Alliance de test · Coopérations en santé</title>');
    expect(page).toContain('<link rel="canonical" href="https://example.org/coop/organisations/alliance-test/">');
    const ref = '<a class="ref" href="../../articles/gazette-2019-05-02-alliance/index.html" title="Article 1">[1]</a>';
    expect(page).toContain(
      `<h3>Membres fondateurs</h3>\n<ul class="members">\n<li><a href="../../organisations/hopital-a/index.html">Hôpital A</a> <span class="when">(depuis mai 2019)</span> ${ref}</li>\n<li><a href="../../organisations/clinique-des-fleurs/index.html">Clinique de la Cité des Fleurs</a> <span class="when">(depuis mai 2019)</span> ${ref}</li>\n</ul>`,
    );
    expect(page).toContain(
      `<h3>Membres</h3>\n<ul class="members">\n<li><a href="../../organisations/ehpad-les-tilleuls/index.html">EHPAD Les Tilleuls</a> <span class="when">(depuis une date entre mai 2019 et 2020)</span> <span class="note">Entré après la création.</span> ${ref}</li>`,
    );
    expect(page).toMatch(
      /<figure class="graph" tabindex="0"><svg role="img" aria-label="Graphe des liens de Alliance de test"/,
    );
    expect(page).toContain('"@type":"Organization","name":"Alliance de test"');
  });

  it("draws the organisation's own links, labelled in French, without Graphviz", () => {
    const page = read('organisations/alliance-test/index.html');
    const labels = [...page.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
      .map((m) => m[1] ?? '')
      .filter((t) => t.includes(','));
    expect(labels.sort()).toEqual([
      'fondateur, depuis mai 2019',
      'fondateur, depuis mai 2019',
      'membre, depuis une date entre mai 2019 et 2020',
      'subvention, 300\u00a0000\u00a0€, annoncé',
    ]);
    // The page draws the organisation's own links: the programme's funder is on the programme's page.
    expect(page).not.toContain('>finance</text>');
  });

  it('gives a person a page: roles dated with their organisations and references, the articles naming them', () => {
    const page = read('personnes/jerome-muller/index.html');
    const ref = (n: number, article: string) =>
      `<a class="ref" href="../../articles/${article}/index.html" title="Article ${n}">[${n}]</a>`;
    expect(page).toContain('<title>Jérôme Müller · Coopérations en santé</title>');
    expect(page).toContain('<link rel="canonical" href="https://example.org/coop/personnes/jerome-muller/">');
    expect(page).toContain(
      `<section><h2>Fonctions</h2>\n<ul class="roles">\n<li>président, <a href="../../organisations/alliance-test/index.html">Alliance de test (ADT)</a> <span class="when">(depuis mai 2019)</span> ${ref(1, 'gazette-2019-05-02-alliance')}</li>\n<li>chef de projet, <a href="../../organisations/projet-strasbourg/index.html">Projet Santé Strasbourg (PSS)</a> ${ref(2, 'journal-2020-03-10-fonds')}</li>\n</ul></section>`,
    );
    expect(page).toContain(
      `<section><h2>Cité dans</h2>\n<ul class="articles">\n<li><time>2 mai 2019</time> <a href="../../articles/gazette-2019-05-02-alliance/index.html">Deux hôpitaux de Suresnes s&#39;allient</a> (président, <a href="../../organisations/alliance-test/index.html">Alliance de test (ADT)</a>)</li>\n</ul></section>`,
    );
    expect(page).toContain(
      '{"@context":"https://schema.org","@type":"Person","name":"Jérôme Müller","alternateName":["J. Müller"],"affiliation":[{"@type":"Organization","name":"Alliance de test"},{"@type":"Organization","name":"Projet Santé Strasbourg"}]}',
    );
    expect(read('personnes/index.html')).toContain(
      '<tr><td><a href="../personnes/paul-durand/index.html">Paul Durand</a></td><td>directeur, <a href="../organisations/hopital-a/index.html">Hôpital A</a></td></tr>',
    );
  });

  it('lists the people of an organisation, and links the people an article names to their pages', () => {
    const ref = (article: string) =>
      `<a class="ref" href="../../articles/${article}/index.html" title="Article 1">[1]</a>`;
    expect(read('organisations/alliance-test/index.html')).toContain(
      `<section><h2>Personnes</h2>\n<ul class="people">\n<li><a href="../../personnes/jerome-muller/index.html">Jérôme Müller</a>, président <span class="when">(depuis mai 2019)</span> ${ref('gazette-2019-05-02-alliance')}</li>\n</ul></section>`,
    );
    // Named by an article, with no record: a name without a page.
    expect(read('organisations/ville-de-strasbourg/index.html')).toContain(
      `<li>Claire Petit, adjointe au maire ${ref('journal-2020-03-10-fonds')}</li>`,
    );
    const article = read('articles/gazette-2019-05-02-alliance/index.html');
    expect(article).toContain(
      '<li><a href="../../personnes/paul-durand/index.html">Paul Durand</a>, directeur (<a href="../../organisations/hopital-a/index.html">Hôpital A</a>)</li>',
    );
    expect(article).toContain('<li><a href="../../personnes/jerome-muller/index.html">Jérôme Müller</a></li>');
  });

  it('finds a person in the search index without the accents', async () => {
    const script = read('assets/search-index.js');
    const { default: MiniSearch } = await import('minisearch');
    const { fold } = await import('../../src/core/text.js');
    const json = script.replace(/^window\.COOP_SEARCH = /, '').replace(/;\n$/, '');
    const search = MiniSearch.loadJSON(json, {
      fields: ['name', 'other'],
      storeFields: ['name', 'type', 'path'],
      processTerm: fold,
    });
    expect(search.search('jerome muller', { prefix: true, combineWith: 'AND' }).map((hit) => hit.path)).toEqual([
      'personnes/jerome-muller/index.html',
    ]);
    expect(read('sitemap.xml')).toContain('<url><loc>https://example.org/coop/personnes/jerome-muller/</loc></url>');
  });

  it('marks the facts articles disagree on, and lists the other values with their references', () => {
    const page = read('organisations/chu-nancy/index.html');
    const ref = (n: number, article: string) =>
      `<a class="ref" href="../../articles/${article}/index.html" title="Article ${n}">[${n}]</a>`;
    const gazette = ref(1, 'gazette-2019-05-02-alliance');
    const journal = ref(2, 'journal-2020-03-10-fonds');
    expect(page).toContain(
      '<dt>Commune</dt><dd>Nancy <a class="disputed-mark" href="#desaccords">(valeur contestée)</a></dd>',
    );
    expect(page).toContain(
      `<dt>Commune</dt><dd>retenu : Nancy ${journal}<ul><li><span class="other">autre valeur :</span> Vandœuvre-lès-Nancy ${gazette}</li></ul></dd>`,
    );
    expect(page).toContain(
      `<dt>Création</dt><dd>retenu : 1970 (incertain) ${journal}<ul><li><span class="other">autre valeur :</span> 1973 ${gazette} <span class="note">(date de la convention hospitalo-universitaire)</span></li></ul></dd>`,
    );
    const programme = read('programmes/fonds-regional/index.html');
    expect(programme).toContain(
      '<dt>Financeur</dt><dd>retenu : <a href="../../organisations/etat/index.html">État</a> <a class="ref" href="../../articles/journal-2020-03-10-fonds/index.html" title="Article 2">[2]</a><ul><li><span class="other">autre valeur :</span> <a href="../../organisations/ville-de-strasbourg/index.html">Ville de Strasbourg</a> <a class="ref" href="../../articles/gazette-2019-05-02-alliance/index.html" title="Article 1">[1]</a></li></ul></dd>',
    );
    expect(read('organisations/hopital-a/index.html')).not.toContain('desaccords');
  });

  it('gives programmes their tree and totals per instrument and stage, never one sum of both', () => {
    const page = read('programmes/plan-national/index.html');
    expect(page).toContain('<h2>Programmes et appels rattachés</h2>');
    expect(page).toContain('<a href="../../programmes/fonds-regional/index.html">');
    expect(page).toMatch(/<tr><td>subvention<\/td><td>attribué<\/td><td class="num">[^<]+<\/td>/);
    expect(page).toMatch(/<tr><td>fonds propres<\/td>/);
  });

  it('escapes every string of the data: a hostile name stays text', () => {
    const page = read('organisations/hostile/index.html');
    expect(page).toContain('<h1>L&#39;Hôpital &#34;Saint-Jean&#34;; DROP TABLE organisations; -- \\ C:\\dir\\ 😀');
    expect(page).not.toContain('"Saint-Jean"');
  });

  it('colours the map by region, each region a link to the filtered list', () => {
    const home = read('index.html');
    expect(home).toContain(
      '<a href="organisations/index.html?region=grand-est"><title>Grand Est : 4 organisations</title>',
    );
    expect(home).toContain('<input type="search" id="q" name="q"');
  });

  it('writes a sitemap, an Atom feed and the search index', () => {
    expect(read('sitemap.xml')).toContain(
      '<url><loc>https://example.org/coop/organisations/alliance-test/</loc></url>',
    );
    expect(read('atom.xml')).toContain('<link href="https://example.org/coop/articles/gazette-2019-05-02-alliance/"/>');
    expect(read('assets/search-index.js')).toMatch(/^window\.COOP_SEARCH = \{/);
    expect(statSync(join(out, 'data', 'coop.db')).size).toBeGreaterThan(0);
  });

  it('every page passes html-validate', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of filesUnder(out).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(read(file), file);
      for (const r of report.results)
        for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
    }
    expect(problems).toEqual([]);
  });

  it('replaces a site it made, and refuses a folder it did not make', async () => {
    const other = join(work, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine\n');
    const refused = await runOnFixture(SCENARIO, ['site', '--out', other]);
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: `coop: ${other} holds files that coop did not write: nothing written\n  hint: choose a new or empty folder for --out (coop replaces only a site it made)\n`,
    });
    expect(readdirSync(other)).toEqual(['notes.txt']);
    writeFileSync(join(out, 'stale.html'), 'old\n');
    // As on a terminal: a base this small gets no progress bar.
    expect(await runOnFixture(SCENARIO, ['site', '--out', out], { tty: true })).toEqual({
      code: 0,
      out: `${out}/index.html\n`,
      err: `coop: 26 pages and 9 other files written in ${out}\n`,
    });
    expect(readdirSync(out)).not.toContain('stale.html');
    expect(readdirSync(work).sort()).toEqual(['other', 'site']);
  }, 60_000);

  it('draws its progress bar in place, within the width of the terminal', () => {
    expect(progressLine('pages', 2500, 10000, 100)).toBe(
      `\rcoop site: pages [##########------------------------------] 2500/10000\x1b[K`,
    );
    expect(progressLine('graphs', 7, 7, 30)).toBe('\rcoop site: graphs [##########] 7/7\x1b[K');
  });

  it('refuses a language it does not speak, exit 2', async () => {
    expect(await runOnFixture(SCENARIO, ['site', '--out', join(work, 'x'), '--lang', 'de'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --lang "de" is not one of: fr, en\n',
    });
  });

  it('refuses a --base-url that is not an address, exit 2', async () => {
    expect(await runOnFixture(SCENARIO, ['site', '--out', join(work, 'x'), '--base-url', 'example'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --base-url must be an http(s) address, not "example"\n  hint: e.g. --base-url https://example.org/coop\n',
    });
  });
});

describe('coop site --lang en', () => {
  const en = join(work, 'site-en');
  const readEn = (path: string) => readFileSync(join(en, path), 'utf8');
  let made: { code: number; out: string; err: string };
  beforeAll(async () => {
    made = await runOnFixture(SCENARIO, ['site', '--out', en, '--lang', 'en']);
  }, 60_000);

  it("writes the site's own words in English, the data's French marked as such", () => {
    expect(made).toEqual({
      code: 0,
      out: `${en}/index.html\n`,
      err: `coop: 26 pages and 9 other files written in ${en}\n`,
    });
    const page = readEn('personnes/paul-durand/index.html');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<title>Paul Durand · Cooperation in health</title>');
    expect(page).toContain('<li><a href="../../personnes/index.html">People</a></li>');
    const ref = '<a class="ref" href="../../articles/gazette-2019-05-02-alliance/index.html" title="Article 1">[1]</a>';
    expect(page).toContain(
      `<section><h2>Roles</h2>\n<ul class="roles">\n<li><span lang="fr">directeur</span> <span class="lang" title="in French">(fr)</span>, <a href="../../organisations/hopital-a/index.html">Hôpital A</a> ${ref}</li>\n</ul></section>`,
    );
    expect(page).toContain(
      `<section><h2>Note</h2><p lang="fr">Cité comme directeur de l&#39;Hôpital A au moment de l&#39;alliance. <span class="lang" title="in French">(fr)</span></p></section>`,
    );
    expect(page).toContain(
      '<li value="1"><a href="../../articles/gazette-2019-05-02-alliance/index.html" lang="fr">Deux hôpitaux de Suresnes s&#39;allient</a>, La Gazette, 2 May 2019</li>',
    );
  });

  it('gives the same page in French with no marks', () => {
    const page = read('personnes/paul-durand/index.html');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<title>Paul Durand · Coopérations en santé</title>');
    expect(page).toContain('<li><a href="../../personnes/index.html">Personnes</a></li>');
    expect(page).toContain(
      '<section><h2>Fonctions</h2>\n<ul class="roles">\n<li>directeur, <a href="../../organisations/hopital-a/index.html">Hôpital A</a> <a class="ref" href="../../articles/gazette-2019-05-02-alliance/index.html" title="Article 1">[1]</a></li>\n</ul></section>',
    );
    expect(page).toContain(
      `<section><h2>Note</h2><p>Cité comme directeur de l&#39;Hôpital A au moment de l&#39;alliance.</p></section>`,
    );
  });

  it('says roles, dates, amounts, the disputed facts and the graph in English', () => {
    const alliance = readEn('organisations/alliance-test/index.html');
    expect(alliance).toContain(
      '<h3>Founding members</h3>\n<ul class="members">\n<li><a href="../../organisations/hopital-a/index.html">Hôpital A</a> <span class="when">(since May 2019)</span>',
    );
    expect(alliance).toContain('<dt>Kind</dt><dd>alliance</dd>\n<dt>Sector</dt><dd>private nonprofit</dd>');
    expect(alliance).toContain(
      '<p lang="fr">Une alliance de deux établissements des Hauts-de-Seine. <span class="lang" title="in French">(fr)</span></p>',
    );
    expect(alliance).toContain('>grant, 300,000\u00a0€, announced</text>');
    expect(alliance).toContain('>member, since a date between May 2019 and 2020</text>');
    const nancy = readEn('organisations/chu-nancy/index.html');
    expect(nancy).toContain(
      '<dt>Founded</dt><dd>1970 (uncertain) <a class="disputed-mark" href="#desaccords">(disputed)</a></dd>',
    );
    expect(readEn('assets/search-index.js')).toContain('"type":"person"');
    expect(readEn('atom.xml')).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
  });

  it('every page passes html-validate', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of filesUnder(en).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(readEn(file), file);
      for (const r of report.results)
        for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
    }
    expect(problems).toEqual([]);
  });
});

// tests/fixtures/query-territory: a CPTS across the Ain and the Jura (communes, EPCI, population), a
// hospital with two sites and an authorisation, a CPOM between the hospital and the ARS.
describe('coop site: territories, sites, authorisations and agreements', () => {
  // A folder of its own: the first block asserts what its work folder holds.
  const territoryWork = mkdtempSync(join(tmpdir(), 'territory-site-test-'));
  const territory = join(territoryWork, 'site');
  afterAll(() => rmSync(territoryWork, { recursive: true, force: true }));
  const page = (path: string) => {
    const html = readFileSync(join(territory, path), 'utf8');
    return html.slice(html.indexOf('<main id="contenu">'), html.indexOf('</main>') + '</main>'.length);
  };
  const ref = (article: string) =>
    `<a class="ref" href="../../articles/${article}/index.html" title="Article 1">[1]</a>`;
  const CPOM_REF = ref('courrier-2024-01-15-cpom-valbrune');
  const ARS_LINK =
    '<a href="../../organisations/ars-bourgogne-franche-comte/index.html">Agence régionale de santé Bourgogne-Franche-Comté (ARS BFC)</a>';
  let made: { code: number; out: string; err: string };
  beforeAll(async () => {
    made = await runOnFixture('query-territory', ['site', '--out', territory]);
  }, 60_000);

  it('writes a page for each agreement, under accords/', () => {
    expect(made).toEqual({
      code: 0,
      out: `${territory}/index.html\n`,
      err: `coop: 15 pages and 9 other files written in ${territory}\n`,
    });
    expect(filesUnder(territory).filter((f) => f.endsWith('.html'))).toEqual([
      'accords/cpom-ch-de-valbrune-2024-2028/index.html',
      'articles/courrier-2024-01-15-cpom-valbrune/index.html',
      'articles/courrier-2024-03-12-cpts-val-de-brune/index.html',
      'articles/index.html',
      'evenements/index.html',
      'financements/index.html',
      'index.html',
      'organisations/ars-bourgogne-franche-comte/index.html',
      'organisations/ch-de-valbrune/index.html',
      'organisations/clinique-des-monts/index.html',
      'organisations/cpts-val-de-brune/index.html',
      'organisations/index.html',
      'personnes/index.html',
      'programmes/index.html',
      'recherche/index.html',
    ]);
  });

  it("names a CPTS's departments, communes and EPCI, with its population and its reference", () => {
    expect(page('organisations/cpts-val-de-brune/index.html')).toContain(
      '<dt>Départements</dt><dd>Ain (01), Jura (39)</dd>\n' +
        '<dt>Communes (4)</dt><dd>Oyonnax (01283), Nantua (01269), Saint-Claude (39478), Hauts de Bienne (39368)</dd>\n' +
        '<dt>EPCI</dt><dd>CA Haut-Bugey Agglomération (200042935)</dd>\n' +
        `<dt>Population</dt><dd>environ 68\u202f000 habitants ${ref('courrier-2024-03-12-cpts-val-de-brune')}</dd>\n`,
    );
  });

  it("lists a hospital's sites, authorisations and agreements, each agreement a link to its page", () => {
    expect(page('organisations/ch-de-valbrune/index.html')).toContain(
      '<tbody>\n' +
        `<tr><td>Site de Lons-le-Saunier</td><td>Lons-le-Saunier (39300)</td><td>390780013</td><td>${CPOM_REF}</td></tr>\n` +
        `<tr><td>Site de Champagnole</td><td>Champagnole (39097)</td><td>390780021</td><td>${CPOM_REF}</td></tr>\n` +
        '</tbody></table></section></section>\n' +
        `<section><h2>Autorisations d'activité</h2>`,
    );
    expect(page('organisations/ch-de-valbrune/index.html')).toContain(
      `<tr><td>médecine d&#39;urgence</td><td>renouvelée</td><td></td><td>${ARS_LINK}</td><td>Site de Champagnole</td><td>${CPOM_REF}</td></tr>\n` +
        '</tbody></table></section></section>\n' +
        '<section><h2>Conventions et contrats</h2>\n<ul class="agreements">\n' +
        `<li><a href="../../accords/cpom-ch-de-valbrune-2024-2028/index.html">CPOM 2024-2028 du CH de Valbrune</a> <span class="tag">CPOM</span> <span class="when">(2024 – 2028)</span>, signataire avec ${ARS_LINK} ${CPOM_REF}</li>\n` +
        '</ul></section>',
    );
  });

  it('gives an agreement its page: nature, period, parties with their roles, references', () => {
    expect(page('accords/cpom-ch-de-valbrune-2024-2028/index.html')).toBe(
      '<main id="contenu">\n' +
        '<h1>CPOM 2024-2028 du CH de Valbrune</h1>\n' +
        '<p>Contrat pluriannuel d&#39;objectifs et de moyens signé par le centre hospitalier de Valbrune avec l&#39;agence régionale de santé pour la période 2024-2028.</p>\n' +
        '<dl class="facts">\n' +
        '<dt>Nature</dt><dd>CPOM</dd>\n' +
        '<dt>Période</dt><dd>2024 – 2028</dd>\n' +
        `<dt>Sources</dt><dd>${CPOM_REF}</dd>\n` +
        '</dl>\n' +
        '<section><h2>Parties</h2>\n<ul class="members">\n' +
        '<li><a href="../../organisations/ch-de-valbrune/index.html">Centre hospitalier de Valbrune (CH de Valbrune)</a>, signataire</li>\n' +
        `<li>${ARS_LINK}, ARS</li>\n` +
        '</ul></section>\n' +
        '<section><h2>Sources</h2>\n<ol class="sources">\n' +
        '<li value="1"><a href="../../articles/courrier-2024-01-15-cpom-valbrune/index.html">Le CH de Valbrune signe son CPOM</a>, Le Courrier de la Brune, 15 janvier 2024</li>\n' +
        '</ol></section>\n' +
        '</main>',
    );
    expect(page('articles/courrier-2024-01-15-cpom-valbrune/index.html')).toContain(
      '<li><a href="../../accords/cpom-ch-de-valbrune-2024-2028/index.html">CPOM 2024-2028 du CH de Valbrune</a></li>',
    );
  });

  it("lets the list's filters find a structure by any of its departments and regions", () => {
    const list = readFileSync(join(territory, 'organisations/index.html'), 'utf8');
    expect(list).toContain(
      '<tr data-region="auvergne-rhone-alpes bourgogne-franche-comte" data-department="01 39" data-kind="association" data-sector="">',
    );
    // The hospital names no department: its sites are in the Jura.
    expect(list).toContain('<tr data-region="bourgogne-franche-comte" data-department="39" data-kind="hospital"');
    expect(list).toContain(
      '<select name="department" data-filter="department"><option value="">tous</option><option value="01">Ain (01)</option><option value="39">Jura (39)</option></select>',
    );
  });

  it('every page passes html-validate', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const problems: string[] = [];
    for (const file of filesUnder(territory).filter((f) => f.endsWith('.html'))) {
      const report = await validator.validateString(readFileSync(join(territory, file), 'utf8'), file);
      for (const r of report.results)
        for (const m of r.messages) problems.push(`${file}:${m.line}:${m.column}: ${m.message} [${m.ruleId}]`);
    }
    expect(problems).toEqual([]);
  });
});
