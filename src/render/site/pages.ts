/**
 * The pages of the site, from the base and nothing else: pure functions returning each page's path
 * and HTML. The app layer (app/site.ts) gathers them with the files that need I/O or WebAssembly
 * (the graphs, the SQLite file) and writes them.
 */
import { byName, displayName, sortByName, type BaseIndex, type Membership } from '../../core/base-index.js';
import { dateSortKey } from '../../core/dates.js';
import { fieldSourceArticles, sourcesOfField, type Sourced } from '../../core/field-sources.js';
import { fundingReport, type FundingTotal } from '../../core/funding.js';
import { allRegions, findDepartment, regionOf } from '../../core/geography.js';
import { moneyOf } from '../../core/money.js';
import {
  eventOrgs,
  eventSources,
  type Article,
  type CoopEvent,
  type Funding,
  type Organisation,
} from '../../core/model.js';
import { articlesByDate } from '../../core/provenance.js';
import { recordView, type OrganisationView, type ProgrammeView } from '../../core/views.js';
import {
  dateFr,
  EVENT_KIND_FR,
  FIELD_FR,
  INSTRUMENT_FR,
  KIND_FR,
  label,
  moneyFr,
  ROLE_FR,
  SECTOR_FR,
  STAGE_FR,
  whenFr,
} from './labels.js';
import { regionMap } from './map.js';
import { escapeHtml as h, renderPage } from './template.js';

interface SitePage {
  path: string;
  title: string;
  html: string;
}

interface SiteOptions {
  /** --base-url: canonical addresses, the sitemap and the feed's links. */
  baseUrl?: string;
  /** Organisation id -> its graph as SVG markup (made by Graphviz in the app layer). */
  graphs: ReadonlyMap<string, string>;
  /** Told after each page of a record is made (the progress bar of a large site). */
  onPage?: () => void;
}

/** A prose field of the data: French, as the base is written (`coop site` refuses another language). */
function prose(value: string | undefined): string {
  return value ? `<p>${h(value)}</p>` : '';
}

const depthOf = (path: string) => path.split('/').length - 1;
const rootOf = (path: string) => '../'.repeat(depthOf(path));

const orgPath = (id: string) => `organisations/${id}/index.html`;
const programmePath = (id: string) => `programmes/${id}/index.html`;
const articlePath = (id: string) => `articles/${id}/index.html`;

/** The address a page answers at on a server: the folder, for a stable URL (/organisations/x/). */
function urlPath(path: string): string {
  return path.replace(/(^|\/)index\.html$/, '$1');
}

function canonical(options: SiteOptions, path: string): string | undefined {
  return options.baseUrl === undefined ? undefined : `${options.baseUrl.replace(/\/+$/, '')}/${urlPath(path)}`;
}

function link(root: string, path: string, text: string): string {
  return `<a href="${h(root + path)}">${h(text)}</a>`;
}

function recordLink(index: BaseIndex, root: string, id: string): string {
  const found = index.byId.get(id);
  const name = displayName(index, id);
  if (found?.type === 'organisation') return link(root, orgPath(id), name);
  if (found?.type === 'programme') return link(root, programmePath(id), name);
  return h(name);
}

/** The references of a page: each article numbered once, [n] linking to its page. */
class References {
  private readonly numbers = new Map<string, number>();
  constructor(
    private readonly articles: readonly Article[],
    private readonly root: string,
  ) {
    articles.forEach((a, i) => this.numbers.set(a.id, i + 1));
  }
  cite(source: string): string {
    const n = this.numbers.get(source);
    if (n === undefined) return '';
    return ` <a class="ref" href="${h(this.root + articlePath(source))}" title="Article ${n}">[${n}]</a>`;
  }
  list(): string {
    if (this.articles.length === 0) return '';
    const items = this.articles
      .map(
        (a) =>
          `<li value="${this.numbers.get(a.id)}">${link(this.root, articlePath(a.id), a.title)}${a.outlet ? `, ${h(a.outlet)}` : ''}, ${h(dateFr(a.date))}</li>`,
      )
      .join('\n');
    return `<section><h2>Sources</h2>\n<ol class="sources">\n${items}\n</ol></section>`;
  }
}

/** A field's value as the site writes it: dates and closed lists in French, records as links. */
function fieldValue(index: BaseIndex, root: string, field: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => fieldValue(index, root, field, v)).join(' ; ');
  const text = String(value);
  switch (field) {
    case 'founded':
    case 'dissolved':
    case 'launched':
      return h(dateFr(text));
    case 'kind':
      return h(label(KIND_FR, text));
    case 'sector':
      return h(label(SECTOR_FR, text));
    case 'parent':
    case 'funder':
      return recordLink(index, root, text);
    case 'department': {
      const department = findDepartment(text);
      return h(department ? `${department.name} (${department.code})` : text);
    }
    default:
      return typeof value === 'object' && value !== null ? h(JSON.stringify(value)) : h(text);
  }
}

/** After a fact that other articles contradict: a mark leading to the list of disagreements. */
function disputedMark(record: Sourced, field: string): string {
  return record.disputed?.[field]?.length ? ' <a class="disputed-mark" href="#desaccords">(valeur contestée)</a>' : '';
}

/**
 * The fields articles disagree on, as `coop show` lists them: the value the base retains with the
 * articles behind it, then each other value with its own articles and note.
 */
function disagreements(index: BaseIndex, root: string, record: Sourced & object, refs: References): string {
  const disputed = Object.entries(record.disputed ?? {}).filter(([, values]) => values.length > 0);
  if (disputed.length === 0) return '';
  const fields = record as unknown as Record<string, unknown>;
  const cite = (sources: readonly string[]) => sources.map((s) => refs.cite(s)).join('');
  const items = disputed.map(([field, values]) => {
    const basis = sourcesOfField(record, field);
    const retainedSources = basis.basis === 'common-knowledge' ? ' (notoriété publique)' : cite(basis.articles);
    const retained = fields[field] === undefined ? 'aucune valeur' : fieldValue(index, root, field, fields[field]);
    const others = values
      .map(
        (v) =>
          `<li><span class="other">autre valeur :</span> ${fieldValue(index, root, field, v.value)}${cite(v.sources)}${v.note ? ` <span class="note">(${h(v.note)})</span>` : ''}</li>`,
      )
      .join('');
    return `<dt>${h(FIELD_FR[field] ?? field)}</dt><dd>retenu : ${retained}${retainedSources}<ul>${others}</ul></dd>`;
  });
  return `<section id="desaccords" class="disputed"><h2>Désaccords entre les sources</h2>
<p class="hint">Des articles donnent d'autres valeurs que celles retenues par la base ; chacune est citée avec sa source.</p>
<dl class="facts">
${items.join('\n')}
</dl></section>`;
}

function facts(rows: Array<[string, string]>): string {
  const shown = rows.filter(([, value]) => value !== '');
  if (shown.length === 0) return '';
  return `<dl class="facts">\n${shown.map(([k, v]) => `<dt>${h(k)}</dt><dd>${v}</dd>`).join('\n')}\n</dl>`;
}

/**
 * html-validate asks for titles of 70 characters at most as written (entities included), the
 * site's name (" · Coopérations en santé") taking 24 of them; eta writes &quot; where we count 5.
 */
function shortTitle(title: string): string {
  if (h(title).length <= 40) return title;
  let cut = [...title];
  while (cut.length > 0 && h(`${cut.join('').trimEnd()}…`).length > 40) cut = cut.slice(0, -1);
  return `${cut.join('').trimEnd()}…`;
}

function page(
  options: SiteOptions,
  path: string,
  title: string,
  description: string,
  body: string,
  jsonLd?: object,
): SitePage {
  const html = renderPage({
    path,
    title: shortTitle(title),
    description,
    body,
    root: rootOf(path),
    canonical: canonical(options, path),
    // "<" escaped: a name holding "</script>" must not end the block.
    jsonLd: jsonLd === undefined ? undefined : JSON.stringify(jsonLd).replace(/</g, '\\u003c'),
  });
  return { path, title, html };
}

function fundingTable(
  index: BaseIndex,
  root: string,
  lines: readonly Funding[],
  refs: References,
  caption: string,
): string {
  if (lines.length === 0) return '';
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${recordLink(index, root, l.programme)}</td><td>${l.recipient !== undefined ? recordLink(index, root, l.recipient) : h(l.recipients_count !== undefined ? `${l.recipients_count} bénéficiaires` : 'le programme dans son ensemble')}</td><td>${h(label(INSTRUMENT_FR, l.instrument))}</td><td>${h(label(STAGE_FR, l.stage))}</td><td class="num">${h(moneyFr(moneyOf({ ...l, currency: l.currency ?? 'EUR' })))}</td><td>${h(dateFr(l.date))}${refs.cite(l.source)}</td></tr>`,
    )
    .join('\n');
  return `<section class="scroll" tabindex="0" aria-label="${h(caption)}"><table>\n<caption>${h(caption)}</caption>\n<thead><tr><th scope="col">Programme</th><th scope="col">Bénéficiaire</th><th scope="col">Instrument</th><th scope="col">Étape</th><th scope="col">Montant</th><th scope="col">Date</th></tr></thead>\n<tbody>\n${rows}\n</tbody></table></section>`;
}

function eventList(index: BaseIndex, root: string, events: readonly CoopEvent[], refs?: References): string {
  if (events.length === 0) return '';
  const items = events
    .map((e) => {
      const who = [...eventOrgs(e), ...(e.programme ? [e.programme] : [])].map((id) => recordLink(index, root, id));
      return `<li><time>${h(dateFr(e.date))}</time> · <span class="tag">${h(label(EVENT_KIND_FR, e.kind))}</span> ${h(e.title)}${who.length ? ` (${who.join(', ')})` : ''}${
        refs
          ? eventSources(e)
              .map((source) => refs.cite(source))
              .join('')
          : ` ${link(root, articlePath(eventSources(e)[0]!), 'article')}`
      }</li>`;
    })
    .join('\n');
  return `<ol class="timeline">\n${items}\n</ol>`;
}

function memberItem(
  index: BaseIndex,
  root: string,
  m: Membership & { name: string },
  other: string,
  refs: References,
): string {
  const parts = [m.since ? `depuis ${whenFr(m.since)}` : '', m.until ? `jusqu'à ${whenFr(m.until)}` : ''];
  const span = m.since || m.until ? ` <span class="when">(${h(parts.filter(Boolean).join(', '))})</span>` : '';
  const note = m.note ? ` <span class="note">${h(m.note)}</span>` : '';
  return `<li>${recordLink(index, root, other)}${span}${note}${refs.cite(m.source)}</li>`;
}

function organisationPage(index: BaseIndex, options: SiteOptions, view: OrganisationView): SitePage {
  const org = view.record;
  const path = orgPath(org.id);
  const root = rootOf(path);
  const refs = new References(view.articles, root);
  const region = regionOf(org);
  const regionName = allRegions().find((r) => r.slug === region)?.name;
  const department = org.department ? findDepartment(org.department) : undefined;
  const ids = org.identifiers ?? {};
  const body: string[] = [];
  body.push(`<h1>${h(org.name)}${org.short_name ? ` <span class="short">(${h(org.short_name)})</span>` : ''}</h1>`);
  body.push(prose(org.description));
  body.push(
    facts([
      ['Nature', h(label(KIND_FR, org.kind)) + disputedMark(org, 'kind')],
      ['Secteur', org.sector ? h(label(SECTOR_FR, org.sector)) + disputedMark(org, 'sector') : ''],
      ['Région', regionName ? link(root, `organisations/index.html?region=${region}`, regionName) : ''],
      ['Département', department ? h(`${department.name} (${department.code})`) + disputedMark(org, 'department') : ''],
      ['Commune', org.city ? h(org.city) + disputedMark(org, 'city') : ''],
      ['Création', org.founded ? h(dateFr(org.founded)) + disputedMark(org, 'founded') : ''],
      ['Dissolution', org.dissolved ? h(dateFr(org.dissolved)) + disputedMark(org, 'dissolved') : ''],
      ['Autres noms', h((org.aliases ?? []).join(' ; '))],
      ['Site', org.website ? `<a href="${h(org.website)}" rel="nofollow">${h(org.website)}</a>` : ''],
      ['SIREN', h(ids.siren ?? '')],
      ['FINESS', h(ids.finess_ej ?? '')],
      ['Rattachement', view.parent ? recordLink(index, root, view.parent.id) + disputedMark(org, 'parent') : ''],
      ['Sources', org.sources.map((s) => refs.cite(s).trim()).join(' ')],
    ]),
  );
  body.push(disagreements(index, root, org, refs));
  if (view.members.length > 0) {
    body.push('<section><h2>Membres</h2>');
    for (const group of view.members) {
      body.push(`<h3>${h(label(ROLE_FR, group.role))}</h3>\n<ul class="members">`);
      body.push(group.members.map((m) => memberItem(index, root, m, m.org, refs)).join('\n'));
      body.push('</ul>');
    }
    body.push('</section>');
  }
  if (view.memberOf.length > 0) {
    body.push('<section><h2>Membre de</h2>\n<ul class="members">');
    body.push(view.memberOf.map((m) => memberItem(index, root, m, m.organisation, refs)).join('\n'));
    body.push('</ul></section>');
  }
  if (view.subsidiaries.length > 0) {
    body.push(
      `<section><h2>Entités rattachées</h2>\n<ul>${view.subsidiaries.map((s) => `<li>${recordLink(index, root, s.id)}</li>`).join('')}</ul></section>`,
    );
  }
  const graph = options.graphs.get(org.id);
  if (graph) {
    body.push(
      `<section><h2>Liens</h2>\n<figure class="graph" tabindex="0">${graph}<figcaption>Les liens de ${h(org.name)} avec ses membres, ses structures et ses financeurs.</figcaption></figure></section>`,
    );
  }
  if (view.funding.length > 0)
    body.push(
      `<section><h2>Financements reçus</h2>${fundingTable(index, root, view.funding, refs, `Financements reçus par ${org.name}`)}</section>`,
    );
  if (view.events.length > 0)
    body.push(`<section><h2>Chronologie</h2>${eventList(index, root, view.events, refs)}</section>`);
  body.push(refs.list());
  const description = `${org.name} : ${label(KIND_FR, org.kind)}${regionName ? ` en ${regionName}` : ''}, ses membres, ses financements et ses sources.`;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: org.name,
    ...(org.short_name
      ? { alternateName: [org.short_name, ...(org.aliases ?? [])] }
      : org.aliases
        ? { alternateName: org.aliases }
        : {}),
    ...(org.website ? { url: org.website } : {}),
    ...(org.founded ? { foundingDate: String(org.founded) } : {}),
    ...(org.city ? { address: { '@type': 'PostalAddress', addressLocality: org.city, addressCountry: 'FR' } } : {}),
    ...(view.members.length
      ? { member: view.members.flatMap((g) => g.members.map((m) => ({ '@type': 'Organization', name: m.name }))) }
      : {}),
  };
  return page(options, path, org.name, description, body.filter(Boolean).join('\n'), jsonLd);
}

function totalsTable(totals: readonly FundingTotal[], caption: string): string {
  if (totals.length === 0) return '';
  const sizeOf = (t: FundingTotal) => t.amount ?? t.amount_max ?? t.amount_min ?? 0;
  const max = Math.max(...totals.map(sizeOf), 1);
  const rows = totals
    .map((t) => {
      const width = Math.max(1, Math.round((sizeOf(t) / max) * 100));
      return `<tr><td>${h(label(INSTRUMENT_FR, t.instrument))}</td><td>${h(label(STAGE_FR, t.stage))}</td><td class="num">${h(moneyFr(t))}</td><td class="num">${t.lines}</td><td class="bar-cell"><svg class="bar" viewBox="0 0 100 10" width="60" height="10" preserveAspectRatio="none" aria-hidden="true"><rect width="${width}" height="10" fill="#3f7fc9"/></svg></td></tr>`;
    })
    .join('\n');
  return `<section class="scroll" tabindex="0" aria-label="${h(caption)}"><table class="totals">\n<caption>${h(caption)}</caption>\n<thead><tr><th scope="col">Instrument</th><th scope="col">Étape</th><th scope="col">Total</th><th scope="col">Lignes</th><th scope="col"><span class="visually-hidden">Barre</span></th></tr></thead>\n<tbody>\n${rows}\n</tbody></table></section>
<p class="hint">Une somme par instrument et par étape : une subvention ne s'ajoute jamais à une prise de participation, ni un montant potentiel à un montant attribué.</p>`;
}

function programmeTree(index: BaseIndex, root: string, id: string, seen = new Set<string>()): string {
  if (seen.has(id)) return '';
  seen.add(id);
  const children = index.base.programmes.filter((p) => p.parent === id).sort(byName);
  if (children.length === 0) return '';
  return `<ul class="tree">${children.map((c) => `<li>${recordLink(index, root, c.id)}${programmeTree(index, root, c.id, seen)}</li>`).join('')}</ul>`;
}

function programmePage(index: BaseIndex, options: SiteOptions, view: ProgrammeView): SitePage {
  const programme = view.record;
  const path = programmePath(programme.id);
  const root = rootOf(path);
  const refs = new References(view.articles, root);
  const report = fundingReport(index, { programme: programme.id });
  const body: string[] = [];
  body.push(
    `<h1>${h(programme.name)}${programme.short_name ? ` <span class="short">(${h(programme.short_name)})</span>` : ''}</h1>`,
  );
  body.push(prose(programme.description));
  body.push(
    facts([
      ['Financeur', view.funder ? recordLink(index, root, view.funder.id) + disputedMark(programme, 'funder') : ''],
      [
        'Programme parent',
        view.parent ? recordLink(index, root, view.parent.id) + disputedMark(programme, 'parent') : '',
      ],
      ['Lancement', programme.launched ? h(dateFr(programme.launched)) + disputedMark(programme, 'launched') : ''],
      ['Sources', programme.sources.map((s) => refs.cite(s).trim()).join(' ')],
    ]),
  );
  body.push(disagreements(index, root, programme, refs));
  const tree = programmeTree(index, root, programme.id);
  if (tree) body.push(`<section><h2>Programmes et appels rattachés</h2>${tree}</section>`);
  if (programme.budget?.length) {
    body.push(
      `<section><h2>Budget annoncé</h2><ul>${programme.budget.map((b) => `<li>${h(label(INSTRUMENT_FR, b.instrument))} : ${h(moneyFr(moneyOf({ ...b, currency: b.currency ?? 'EUR' })))}${refs.cite(b.source)}</li>`).join('')}</ul></section>`,
    );
  }
  if (report.totals.length > 0) {
    body.push(
      `<section><h2>Totaux, sous-programmes compris</h2>${totalsTable(report.totals, `Montants de ${programme.name} par instrument et par étape`)}</section>`,
    );
    body.push(
      `<section><h2>Lignes de financement</h2>${fundingTable(index, root, view.funding, refs, `Lignes de financement de ${programme.name} et de ses sous-programmes`)}</section>`,
    );
  }
  if (view.events.length > 0)
    body.push(`<section><h2>Chronologie</h2>${eventList(index, root, view.events, refs)}</section>`);
  body.push(refs.list());
  return page(
    options,
    path,
    programme.name,
    `${programme.name} : programme, sous-programmes, financements par instrument et par étape.`,
    body.filter(Boolean).join('\n'),
  );
}

type Citing = ReadonlyMap<string, ReadonlyArray<{ type: string; id: string }>>;

/**
 * For every article, the records that cite it, as core/views.ts citingRecords finds them for one
 * (the same fields, the same order), in one pass over the base: asking it per article page would
 * walk the whole base once per article.
 */
function citingByArticle(index: BaseIndex): Citing {
  const citing = new Map<string, Array<{ type: string; id: string }>>();
  const add = (type: string, id: string, articles: Iterable<string>) => {
    for (const article of new Set(articles)) {
      let list = citing.get(article);
      if (!list) citing.set(article, (list = []));
      list.push({ type, id });
    }
  };
  const base = index.base;
  for (const org of base.organisations)
    add('organisation', org.id, [
      ...org.sources,
      ...fieldSourceArticles(org),
      ...(org.members ?? []).map((m) => m.source),
      ...(org.figures ?? []).map((f) => f.source),
    ]);
  for (const programme of base.programmes)
    add('programme', programme.id, [
      ...programme.sources,
      ...fieldSourceArticles(programme),
      ...(programme.budget ?? []).map((b) => b.source),
      ...(programme.figures ?? []).map((f) => f.source),
    ]);
  for (const line of base.funding) add('funding', line.id, [line.source]);
  for (const event of base.events) add('event', event.id, eventSources(event));
  return citing;
}

function articlePage(index: BaseIndex, options: SiteOptions, article: Article, citing: Citing): SitePage {
  const path = articlePath(article.id);
  const root = rootOf(path);
  const cited = citing.get(article.id) ?? [];
  const body: string[] = [];
  body.push(`<h1>${h(article.title)}</h1>`);
  body.push(
    facts([
      ['Journal', h(article.outlet ?? '')],
      ['Date', h(dateFr(article.date))],
      ['Auteurs', h(article.authors.join(', '))],
      ['Lien', article.url ? `<a href="${h(article.url)}" rel="nofollow">${h(article.url)}</a>` : ''],
    ]),
  );
  if (article.body.trim()) {
    body.push(
      `<section><h2>Notre résumé</h2>${article.body
        .trim()
        .split(/\n\s*\n/)
        .map((p) => `<p>${h(p.trim())}</p>`)
        .join('\n')}</section>`,
    );
  }
  if (article.people?.length) {
    body.push(
      `<section><h2>Personnes citées</h2><ul>${article.people.map((p) => `<li>${h(p.name)}${p.role ? `, ${h(p.role)}` : ''}${p.org ? ` (${recordLink(index, root, p.org)})` : ''}</li>`).join('')}</ul></section>`,
    );
  }
  if (cited.length > 0) {
    body.push(
      `<section><h2>Ce que la base en tire</h2><ul>${cited.map((c) => `<li>${recordLink(index, root, c.id)}</li>`).join('')}</ul></section>`,
    );
  }
  return page(
    options,
    path,
    article.title,
    `${article.title}${article.outlet ? `, ${article.outlet}` : ''}, ${dateFr(article.date)} : ce que la base en retient.`,
    body.join('\n'),
  );
}

function organisationsPage(index: BaseIndex, options: SiteOptions): SitePage {
  const path = 'organisations/index.html';
  const root = rootOf(path);
  const orgs = sortByName(index.base.organisations);
  const regions = new Map(allRegions().map((r) => [r.slug, r.name]));
  const select = (name: string, text: string, values: Array<[string, string]>) =>
    `<label>${h(text)} <select name="${name}" data-filter="${name}"><option value="">tous</option>${values.map(([v, t]) => `<option value="${h(v)}">${h(t)}</option>`).join('')}</select></label>`;
  const present = <T>(pick: (o: Organisation) => T | undefined) => [
    ...new Set(orgs.map(pick).filter((v): v is T => v !== undefined)),
  ];
  const rows = orgs
    .map((o) => {
      const region = regionOf(o);
      return `<tr data-region="${h(region ?? '')}" data-department="${h(o.department ?? '')}" data-kind="${h(o.kind)}" data-sector="${h(o.sector ?? '')}"><td>${link(root, orgPath(o.id), o.name)}</td><td>${h(label(KIND_FR, o.kind))}</td><td>${h(region ? (regions.get(region) ?? region) : '')}</td><td>${h(o.department ?? '')}</td><td>${h(o.city ?? '')}</td></tr>`;
    })
    .join('\n');
  const body = `<h1>Organisations</h1>
<form class="filters" aria-label="Filtrer les organisations">
${select(
  'region',
  'Région',
  present(regionOf)
    .sort()
    .map((s) => [s, regions.get(s) ?? s]),
)}
${select(
  'department',
  'Département',
  present((o) => o.department)
    .sort()
    .map((d) => [d, d]),
)}
${select(
  'kind',
  'Nature',
  present((o) => o.kind)
    .sort()
    .map((k) => [k, label(KIND_FR, k)]),
)}
${select(
  'sector',
  'Secteur',
  present((o) => o.sector)
    .sort()
    .map((s) => [s, label(SECTOR_FR, s)]),
)}
<button type="submit">Filtrer</button>
</form>
<p class="count" aria-live="polite"><span data-count>${orgs.length}</span> organisations</p>
<section class="scroll" tabindex="0" aria-label="Organisations"><table class="filterable">
<caption>Toutes les organisations de la base</caption>
<thead><tr><th scope="col">Nom</th><th scope="col">Nature</th><th scope="col">Région</th><th scope="col">Département</th><th scope="col">Commune</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
  return page(
    options,
    path,
    'Organisations',
    `Les ${orgs.length} organisations de la base, filtrables par région, département, nature et secteur.`,
    body,
  );
}

function programmesPage(index: BaseIndex, options: SiteOptions): SitePage {
  const path = 'programmes/index.html';
  const root = rootOf(path);
  const tops = index.base.programmes.filter((p) => !p.parent || !index.programmes.get(p.parent)).sort(byName);
  const body = `<h1>Programmes</h1>
<ul class="tree">${tops.map((p) => `<li>${recordLink(index, root, p.id)}${programmeTree(index, root, p.id)}</li>`).join('')}</ul>`;
  return page(options, path, 'Programmes', 'Les programmes de financement et leurs appels, en arbre.', body);
}

function fundingPage(index: BaseIndex, options: SiteOptions): SitePage {
  const path = 'financements/index.html';
  const root = rootOf(path);
  const report = fundingReport(index, {});
  const lines = [...index.base.funding].sort(
    (a, b) => dateSortKey(a.date ?? '') - dateSortKey(b.date ?? '') || (a.id < b.id ? -1 : 1),
  );
  const sources = new Set(lines.map((l) => l.source));
  const refs = new References(
    articlesByDate(index).filter((a) => sources.has(a.id)),
    root,
  );
  const body = `<h1>Financements</h1>
${totalsTable(report.totals, 'Montants de toute la base par instrument et par étape')}
${fundingTable(index, root, lines, refs, 'Toutes les lignes de financement')}
${refs.list()}`;
  return page(
    options,
    path,
    'Financements',
    'Les financements de la base, par instrument et par étape, ligne par ligne.',
    body,
  );
}

function eventsPage(index: BaseIndex, options: SiteOptions): SitePage {
  const path = 'evenements/index.html';
  const events = [...index.base.events].sort(
    (a, b) => dateSortKey(a.date) - dateSortKey(b.date) || (a.id < b.id ? -1 : 1),
  );
  const body = `<h1>Chronologie</h1>\n${eventList(index, rootOf(path), events) || '<p>Aucun événement.</p>'}`;
  return page(options, path, 'Chronologie', 'Les événements de la base dans l’ordre du temps.', body);
}

function articlesPage(index: BaseIndex, options: SiteOptions): SitePage {
  const path = 'articles/index.html';
  const root = rootOf(path);
  const articles = articlesByDate(index).reverse();
  const body = `<h1>Articles</h1>\n<ul class="articles">${articles.map((a) => `<li><time>${h(dateFr(a.date))}</time> ${link(root, articlePath(a.id), a.title)}${a.outlet ? `, ${h(a.outlet)}` : ''}</li>`).join('\n')}</ul>`;
  return page(
    options,
    path,
    'Articles',
    'Les articles de presse dont la base est tirée, du plus récent au plus ancien.',
    body,
  );
}

function searchPage(options: SiteOptions): SitePage {
  const body = `<h1>Recherche</h1>
<p>Tapez un nom, un sigle ou une ville dans le champ de recherche en haut de la page : les résultats s'affichent pendant la saisie, accents et petites fautes compris.</p>
<noscript><p>La recherche a besoin de JavaScript. Sans lui, parcourez la <a href="../organisations/index.html">liste des organisations</a>.</p></noscript>`;
  return page(
    options,
    'recherche/index.html',
    'Recherche',
    'Rechercher une organisation, un programme ou un article.',
    body,
  );
}

function homePage(index: BaseIndex, options: SiteOptions): SitePage {
  const path = 'index.html';
  const base = index.base;
  const counts = new Map<string, number>();
  for (const org of base.organisations) {
    const region = regionOf(org);
    if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  const latest = articlesByDate(index).reverse().slice(0, 5);
  const body = `<h1>Coopérations en santé</h1>
<p class="lead">Qui coopère avec qui dans la santé en France : alliances, groupements, projets et leurs financements, relevés dans la presse, chaque fait avec son article.</p>
<ul class="counts">
<li><a href="organisations/index.html"><strong>${base.organisations.length}</strong> organisations</a></li>
<li><a href="programmes/index.html"><strong>${base.programmes.length}</strong> programmes</a></li>
<li><a href="financements/index.html"><strong>${base.funding.length}</strong> lignes de financement</a></li>
<li><a href="evenements/index.html"><strong>${base.events.length}</strong> événements</a></li>
<li><a href="articles/index.html"><strong>${base.articles.length}</strong> articles</a></li>
</ul>
<section><h2>Par région</h2>
${regionMap(counts, (slug) => `organisations/index.html?region=${slug}`)}
</section>
<section><h2>Derniers articles</h2>
<ul class="articles">${latest.map((a) => `<li><time>${h(dateFr(a.date))}</time> ${link('', articlePath(a.id), a.title)}</li>`).join('\n')}</ul>
</section>`;
  return page(
    options,
    path,
    'Accueil',
    `Base de ${base.organisations.length} organisations de santé qui coopèrent, tirée de ${base.articles.length} articles de presse.`,
    body,
  );
}

/** Every HTML page of the site. */
export function sitePages(index: BaseIndex, options: SiteOptions): SitePage[] {
  const pages = [
    homePage(index, options),
    organisationsPage(index, options),
    programmesPage(index, options),
    fundingPage(index, options),
    eventsPage(index, options),
    articlesPage(index, options),
    searchPage(options),
  ];
  for (const org of sortByName(index.base.organisations)) {
    const view = recordView(index, org.id);
    if (view?.type === 'organisation') pages.push(organisationPage(index, options, view));
    options.onPage?.();
  }
  for (const programme of sortByName(index.base.programmes)) {
    const view = recordView(index, programme.id);
    if (view?.type === 'programme') pages.push(programmePage(index, options, view));
    options.onPage?.();
  }
  const citing = citingByArticle(index);
  for (const article of articlesByDate(index)) {
    pages.push(articlePage(index, options, article, citing));
    options.onPage?.();
  }
  return pages;
}
