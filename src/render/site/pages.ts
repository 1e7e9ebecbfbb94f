/**
 * The pages of the site, from the base and nothing else: pure functions returning each page's path
 * and HTML. The app layer (app/site.ts) gathers them with the files that need I/O or WebAssembly
 * (the SQLite file) and writes them.
 */
import type { Text } from '../../core/language.js';
import { byName, displayName, sortByName, type BaseIndex, type Membership } from '../../core/base-index.js';
import { dateSortKey } from '../../core/dates.js';
import { organisationStar } from '../../core/graph.js';
import { fieldSourceArticles, sourcesOfField, type Sourced } from '../../core/field-sources.js';
import { fundingReport, type FundingTotal } from '../../core/funding.js';
import { allRegions, departmentsOf, findDepartment, regionOf, regionsOf } from '../../core/geography.js';
import { moneyOf } from '../../core/money.js';
import {
  eventOrgs,
  eventSources,
  type Agreement,
  type Article,
  type CoopEvent,
  type Funding,
  type Organisation,
} from '../../core/model.js';
import { articlesByDate } from '../../core/provenance.js';
import {
  recordView,
  type AgreementView,
  type OrganisationPerson,
  type OrganisationView,
  type PersonView,
  type ProgrammeView,
} from '../../core/views.js';
import type { SiteLanguage } from './language.js';
import { regionMap } from './map.js';
import { starGraphSvg } from './star-graph.js';
import { escapeHtml as h, renderPage } from './template.js';

interface SitePage {
  path: string;
  title: string;
  html: string;
}

interface SiteOptions {
  /** --lang: the site's own words; the data's text stays French, marked as such. */
  language: SiteLanguage;
  /** --base-url: canonical addresses, the sitemap and the feed's links. */
  baseUrl?: string;
  /** Told after each page of a record is made (the progress bar of a large site). */
  onPage?: () => void;
  /** The names of an organisation's communes and EPCI by code (app/place-names.ts, in the app layer). */
  placeNames?: (org: Organisation) => Record<string, string>;
}

/** A prose field of the data in the page's language, else in the one it has, marked as such. */
function prose(L: SiteLanguage, value: Text | undefined): string {
  if (!value) return '';
  const read = L.version(value);
  return `<p${read.lang}>${read.html}${read.mark}</p>`;
}

const depthOf = (path: string) => path.split('/').length - 1;
const rootOf = (path: string) => '../'.repeat(depthOf(path));

const orgPath = (id: string) => `organisations/${id}/index.html`;
const programmePath = (id: string) => `programmes/${id}/index.html`;
const articlePath = (id: string) => `articles/${id}/index.html`;
const agreementPath = (id: string) => `accords/${id}/index.html`;
const personPath = (id: string) => `personnes/${id}/index.html`;

/** The address a page answers at on a server: the folder, for a stable URL (/organisations/x/). */
function urlPath(path: string): string {
  return path.replace(/(^|\/)index\.html$/, '$1');
}

function canonical(options: SiteOptions, path: string): string | undefined {
  return options.baseUrl === undefined ? undefined : `${options.baseUrl.replace(/\/+$/, '')}/${urlPath(path)}`;
}

/** `lang`: ` lang="fr"` when the text is the data's French on a page in English (an article's title). */
function link(root: string, path: string, text: string, lang = ''): string {
  return `<a href="${h(root + path)}"${lang}>${h(text)}</a>`;
}

function recordLink(index: BaseIndex, root: string, id: string): string {
  const found = index.byId.get(id);
  const name = displayName(index, id);
  if (found?.type === 'organisation') return link(root, orgPath(id), name);
  if (found?.type === 'programme') return link(root, programmePath(id), name);
  if (found?.type === 'agreement') return link(root, agreementPath(id), name);
  if (found?.type === 'person') return link(root, personPath(id), name);
  return h(name);
}

/** The references of a page: each article numbered once, [n] linking to its page. */
class References {
  private readonly numbers = new Map<string, number>();
  constructor(
    private readonly L: SiteLanguage,
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
          `<li value="${this.numbers.get(a.id)}">${link(this.root, articlePath(a.id), a.title, this.L.dataLang)}${a.outlet ? `, ${h(a.outlet)}` : ''}, ${h(this.L.date(a.date))}</li>`,
      )
      .join('\n');
    return `<section><h2>${h(this.L.w.sources)}</h2>\n<ol class="sources">\n${items}\n</ol></section>`;
  }
}

/** A field's value as the site writes it: dates and closed lists in French, records as links. */
function fieldValue(L: SiteLanguage, index: BaseIndex, root: string, field: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => fieldValue(L, index, root, field, v)).join(' ; ');
  const text = String(value);
  switch (field) {
    case 'founded':
    case 'dissolved':
    case 'launched':
      return h(L.date(text));
    case 'kind':
      return h(L.kind(text));
    case 'sector':
      return h(L.sector(text));
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
function disputedMark(L: SiteLanguage, record: Sourced, field: string): string {
  return record.disputed?.[field]?.length ? ` <a class="disputed-mark" href="#desaccords">${h(L.w.disputed)}</a>` : '';
}

/**
 * The fields articles disagree on, as `coop show` lists them: the value the base retains with the
 * articles behind it, then each other value with its own articles and note.
 */
function disagreements(
  L: SiteLanguage,
  index: BaseIndex,
  root: string,
  record: Sourced & object,
  refs: References,
): string {
  const disputed = Object.entries(record.disputed ?? {}).filter(([, values]) => values.length > 0);
  if (disputed.length === 0) return '';
  const fields = record as unknown as Record<string, unknown>;
  const cite = (sources: readonly string[]) => sources.map((s) => refs.cite(s)).join('');
  const items = disputed.map(([field, values]) => {
    const basis = sourcesOfField(record, field);
    const retainedSources = basis.basis === 'common-knowledge' ? h(L.w.commonKnowledge) : cite(basis.articles);
    const retained = fields[field] === undefined ? h(L.w.noValue) : fieldValue(L, index, root, field, fields[field]);
    const others = values
      .map(
        (v) =>
          `<li><span class="other">${h(L.w.otherValue)}</span> ${fieldValue(L, index, root, field, v.value)}${cite(v.sources)}${v.note ? ` <span class="note">(${L.text(v.note)})</span>` : ''}</li>`,
      )
      .join('');
    return `<dt>${h(L.field(field))}</dt><dd>${h(L.w.retained)} ${retained}${retainedSources}<ul>${others}</ul></dd>`;
  });
  return `<section id="desaccords" class="disputed"><h2>${h(L.w.disputedTitle)}</h2>
<p class="hint">${h(L.w.disputedHint)}</p>
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
 * Six more kept free: the room is 40 characters beside the French name.
 */
function shortTitle(title: string, siteName: string): string {
  const room = 64 - ` · ${siteName}`.length;
  if (h(title).length <= room) return title;
  let cut = [...title];
  while (cut.length > 0 && h(`${cut.join('').trimEnd()}…`).length > room) cut = cut.slice(0, -1);
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
    language: options.language,
    path,
    title: shortTitle(title, options.language.siteName),
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
  L: SiteLanguage,
  index: BaseIndex,
  root: string,
  lines: readonly Funding[],
  refs: References,
  caption: string,
): string {
  if (lines.length === 0) return '';
  const c = L.w.columns;
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${recordLink(index, root, l.programme)}</td><td>${l.recipient !== undefined ? recordLink(index, root, l.recipient) : h(l.recipients_count !== undefined ? L.w.recipients(l.recipients_count) : L.w.wholeProgramme)}</td><td>${h(L.instrument(l.instrument))}</td><td>${h(L.stage(l.stage))}</td><td class="num">${h(L.money(moneyOf({ ...l, currency: l.currency ?? 'EUR' })) + L.terms(l))}</td><td>${h(L.date(l.date))}${refs.cite(l.source)}</td></tr>`,
    )
    .join('\n');
  return `<section class="scroll" tabindex="0" aria-label="${h(caption)}"><table>\n<caption>${h(caption)}</caption>\n<thead><tr>${[c.programme, c.recipient, c.instrument, c.stage, c.amount, c.date].map((t) => `<th scope="col">${h(t)}</th>`).join('')}</tr></thead>\n<tbody>\n${rows}\n</tbody></table></section>`;
}

function eventList(
  L: SiteLanguage,
  index: BaseIndex,
  root: string,
  events: readonly CoopEvent[],
  refs?: References,
): string {
  if (events.length === 0) return '';
  const items = events
    .map((e) => {
      const who = [...eventOrgs(e), ...(e.programme ? [e.programme] : [])].map((id) => recordLink(index, root, id));
      return `<li><time>${h(L.date(e.date))}</time> · <span class="tag">${h(L.eventKind(e.kind))}</span> ${L.text(e.title)}${who.length ? ` (${who.join(', ')})` : ''}${
        refs
          ? eventSources(e)
              .map((source) => refs.cite(source))
              .join('')
          : ` ${link(root, articlePath(eventSources(e)[0]!), L.w.article)}`
      }</li>`;
    })
    .join('\n');
  return `<ol class="timeline">\n${items}\n</ol>`;
}

function memberItem(
  L: SiteLanguage,
  index: BaseIndex,
  root: string,
  m: Membership & { name: string },
  other: string,
  refs: References,
): string {
  const note = m.note ? ` <span class="note">${L.text(m.note)}</span>` : '';
  return `<li>${recordLink(index, root, other)}${span(L, m.since, m.until)}${note}${refs.cite(m.source)}</li>`;
}

/** Since and until of a role or a membership, "(depuis mai 2019, jusqu'à 2021)", or nothing. */
function span(L: SiteLanguage, since: string | undefined, until: string | undefined): string {
  const parts = [since ? `${L.w.since} ${L.when(since)}` : '', until ? `${L.w.until} ${L.when(until)}` : ''].filter(
    Boolean,
  );
  return parts.length > 0 ? ` <span class="when">(${h(parts.join(', '))})</span>` : '';
}

/** Someone of an organisation: their page when the base has a record of them, the role as printed. */
function personItem(L: SiteLanguage, root: string, p: OrganisationPerson, refs: References): string {
  const who = p.person ? link(root, personPath(p.person), p.name) : h(p.name);
  return `<li>${who}${p.role ? `, ${L.data(p.role)}` : ''}${span(L, p.since, p.until)}${refs.cite(p.source)}</li>`;
}

function organisationPage(index: BaseIndex, options: SiteOptions, view: OrganisationView): SitePage {
  const L = options.language;
  const w = L.w;
  const org = view.record;
  const path = orgPath(org.id);
  const root = rootOf(path);
  const refs = new References(L, view.articles, root);
  const region = regionOf(org);
  const regionName = allRegions().find((r) => r.slug === region)?.name;
  const department = org.department ? findDepartment(org.department) : undefined;
  const ids = org.identifiers ?? {};
  const places = options.placeNames?.(org) ?? {};
  const body: string[] = [];
  body.push(`<h1>${h(org.name)}${org.short_name ? ` <span class="short">(${h(org.short_name)})</span>` : ''}</h1>`);
  body.push(prose(L, org.description));
  const mark = (field: string) => disputedMark(L, org, field);
  body.push(
    facts([
      [L.field('kind'), h(L.kind(org.kind)) + mark('kind')],
      [L.field('sector'), org.sector ? h(L.sector(org.sector)) + mark('sector') : ''],
      [w.region, regionName ? link(root, `organisations/index.html?region=${region}`, regionName) : ''],
      [w.department, department ? h(`${department.name} (${department.code})`) + mark('department') : ''],
      [w.city, org.city ? h(org.city) + mark('city') : ''],
      ...territoryFacts(L, org, places, refs),
      [w.founded, org.founded ? h(L.date(org.founded)) + mark('founded') : ''],
      [w.dissolved, org.dissolved ? h(L.date(org.dissolved)) + mark('dissolved') : ''],
      [w.otherNames, h((org.aliases ?? []).join(' ; '))],
      [w.website, org.website ? `<a href="${h(org.website)}" rel="nofollow">${h(org.website)}</a>` : ''],
      ['SIREN', h(ids.siren ?? '')],
      ['FINESS', h(ids.finess_ej ?? '')],
      [w.partOf, view.parent ? recordLink(index, root, view.parent.id) + mark('parent') : ''],
      [w.sources, org.sources.map((s) => refs.cite(s).trim()).join(' ')],
    ]),
  );
  body.push(disagreements(L, index, root, org, refs));
  if (view.members.length > 0) {
    body.push(`<section><h2>${h(w.members)}</h2>`);
    for (const group of view.members) {
      body.push(`<h3>${h(L.roleGroup(group.role))}</h3>\n<ul class="members">`);
      body.push(group.members.map((m) => memberItem(L, index, root, m, m.org, refs)).join('\n'));
      body.push('</ul>');
    }
    body.push('</section>');
  }
  if (view.memberOf.length > 0) {
    body.push(`<section><h2>${h(w.memberOf)}</h2>\n<ul class="members">`);
    body.push(view.memberOf.map((m) => memberItem(L, index, root, m, m.organisation, refs)).join('\n'));
    body.push('</ul></section>');
  }
  if (view.subsidiaries.length > 0) {
    body.push(
      `<section><h2>${h(w.subsidiaries)}</h2>\n<ul>${view.subsidiaries.map((s) => `<li>${recordLink(index, root, s.id)}</li>`).join('')}</ul></section>`,
    );
  }
  if (view.people.length > 0) {
    body.push(`<section><h2>${h(w.people)}</h2>\n<ul class="people">`);
    body.push(view.people.map((p) => personItem(L, root, p, refs)).join('\n'));
    body.push('</ul></section>');
  }
  const linked = (index.membersOf.get(org.id)?.length ?? 0) + (index.memberOf.get(org.id)?.length ?? 0);
  const graph = linked > 0 ? starGraphSvg(organisationStar(index, org.id), L.edgeLabel, w.graphName(org.name)) : '';
  if (graph) {
    body.push(
      `<section><h2>${h(w.links)}</h2>\n<figure class="graph" tabindex="0">${graph}<figcaption>${h(w.graphCaption(org.name))}</figcaption></figure></section>`,
    );
  }
  body.push(sitesSection(L, org, places, refs));
  body.push(authorisationsSection(L, index, root, org, refs));
  body.push(agreementsSection(L, index, root, org, view.agreements, refs));
  if (view.funding.length > 0)
    body.push(
      `<section><h2>${h(w.fundingReceived)}</h2>${fundingTable(L, index, root, view.funding, refs, w.fundingReceivedBy(org.name))}</section>`,
    );
  if (view.events.length > 0)
    body.push(`<section><h2>${h(w.timeline)}</h2>${eventList(L, index, root, view.events, refs)}</section>`);
  if (org.note) body.push(`<section><h2>${h(w.note)}</h2>${prose(L, org.note)}</section>`);
  body.push(refs.list());
  const description = w.orgDescription(org.name, L.kind(org.kind), regionName);
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

function totalsTable(L: SiteLanguage, totals: readonly FundingTotal[], caption: string): string {
  if (totals.length === 0) return '';
  const sizeOf = (t: FundingTotal) => t.amount ?? t.amount_max ?? t.amount_min ?? 0;
  const max = Math.max(...totals.map(sizeOf), 1);
  const c = L.w.columns;
  const rows = totals
    .map((t) => {
      const width = Math.max(1, Math.round((sizeOf(t) / max) * 100));
      return `<tr><td>${h(L.instrument(t.instrument))}</td><td>${h(L.stage(t.stage))}</td><td class="num">${h(L.money(t))}</td><td class="num">${t.lines}</td><td class="bar-cell"><svg class="bar" viewBox="0 0 100 10" width="60" height="10" preserveAspectRatio="none" aria-hidden="true"><rect width="${width}" height="10" fill="#3f7fc9"/></svg></td></tr>`;
    })
    .join('\n');
  return `<section class="scroll" tabindex="0" aria-label="${h(caption)}"><table class="totals">\n<caption>${h(caption)}</caption>\n<thead><tr><th scope="col">${h(c.instrument)}</th><th scope="col">${h(c.stage)}</th><th scope="col">${h(c.total)}</th><th scope="col">${h(c.lines)}</th><th scope="col"><span class="visually-hidden">${h(c.bar)}</span></th></tr></thead>\n<tbody>\n${rows}\n</tbody></table></section>
<p class="hint">${h(L.w.totalsHint)}</p>`;
}

function programmeTree(index: BaseIndex, L: SiteLanguage, root: string, id: string, seen = new Set<string>()): string {
  if (seen.has(id)) return '';
  seen.add(id);
  const children = index.base.programmes.filter((p) => p.parent === id).sort(byName);
  if (children.length === 0) return '';
  return `<ul class="tree">${children.map((c) => `<li>${recordLink(index, root, c.id)}${natureMark(L, c)}${programmeTree(index, L, root, c.id, seen)}</li>`).join('')}</ul>`;
}

/** " (fonds)", " (appel à projets)": what a programme of the tree is, when its file says. */
const natureMark = (L: SiteLanguage, programme: { nature?: string }) =>
  programme.nature ? ` <span class="when">(${h(L.label('PROGRAMME_NATURES', programme.nature))})</span>` : '';

function programmePage(index: BaseIndex, options: SiteOptions, view: ProgrammeView): SitePage {
  const L = options.language;
  const w = L.w;
  const programme = view.record;
  const path = programmePath(programme.id);
  const root = rootOf(path);
  const refs = new References(L, view.articles, root);
  const report = fundingReport(index, { programme: programme.id });
  const body: string[] = [];
  body.push(
    `<h1>${h(programme.name)}${programme.short_name ? ` <span class="short">(${h(programme.short_name)})</span>` : ''}</h1>`,
  );
  body.push(prose(L, programme.description));
  const mark = (field: string) => disputedMark(L, programme, field);
  body.push(
    facts([
      [L.field('nature'), programme.nature ? h(L.label('PROGRAMME_NATURES', programme.nature)) : ''],
      [w.funder, view.funder ? recordLink(index, root, view.funder.id) + mark('funder') : ''],
      [w.parentProgramme, view.parent ? recordLink(index, root, view.parent.id) + mark('parent') : ''],
      [w.launched, programme.launched ? h(L.date(programme.launched)) + mark('launched') : ''],
      [w.sources, programme.sources.map((s) => refs.cite(s).trim()).join(' ')],
    ]),
  );
  body.push(disagreements(L, index, root, programme, refs));
  const tree = programmeTree(index, L, root, programme.id);
  if (tree) body.push(`<section><h2>${h(w.childProgrammes)}</h2>${tree}</section>`);
  if (programme.budget?.length) {
    body.push(
      `<section><h2>${h(w.budget)}</h2><ul>${programme.budget.map((b) => `<li>${h(L.instrument(b.instrument))}${w.colon}${h(L.money(moneyOf({ ...b, currency: b.currency ?? 'EUR' })) + L.terms(b))}${refs.cite(b.source)}</li>`).join('')}</ul></section>`,
    );
  }
  if (report.totals.length > 0) {
    body.push(
      `<section><h2>${h(w.totals)}</h2>${totalsTable(L, report.totals, w.totalsCaption(programme.name))}</section>`,
    );
    body.push(
      `<section><h2>${h(w.fundingLines)}</h2>${fundingTable(L, index, root, view.funding, refs, w.fundingLinesCaption(programme.name))}</section>`,
    );
  }
  if (view.events.length > 0)
    body.push(`<section><h2>${h(w.timeline)}</h2>${eventList(L, index, root, view.events, refs)}</section>`);
  if (programme.note) body.push(`<section><h2>${h(w.note)}</h2>${prose(L, programme.note)}</section>`);
  body.push(refs.list());
  return page(options, path, programme.name, w.programmeDescription(programme.name), body.filter(Boolean).join('\n'));
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
      ...territorySources(org),
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
  for (const agreement of base.agreements) add('agreement', agreement.id, agreement.sources);
  for (const person of base.people)
    add('person', person.id, [...person.sources, ...(person.roles ?? []).map((r) => r.source)]);
  return citing;
}

function articlePage(index: BaseIndex, options: SiteOptions, article: Article, citing: Citing): SitePage {
  const L = options.language;
  const w = L.w;
  const path = articlePath(article.id);
  const root = rootOf(path);
  const cited = citing.get(article.id) ?? [];
  const body: string[] = [];
  body.push(`<h1>${L.data(article.title)}</h1>`);
  body.push(
    facts([
      [w.outlet, h(article.outlet ?? '')],
      [w.columns.date, h(L.date(article.date))],
      [w.authors, h(article.authors.join(', '))],
      [w.address, article.url ? `<a href="${h(article.url)}" rel="nofollow">${h(article.url)}</a>` : ''],
    ]),
  );
  if (article.body.trim()) {
    body.push(
      `<section><h2>${h(w.summary)}</h2>${article.body
        .trim()
        .split(/\n\s*\n/)
        .map((p) => prose(L, p.trim()))
        .join('\n')}</section>`,
    );
  }
  if (article.people?.length) {
    body.push(
      `<section><h2>${h(w.peopleNamed)}</h2><ul>${article.people.map((p) => `<li>${p.person ? link(root, personPath(p.person), p.name) : h(p.name)}${p.role ? `, ${L.data(p.role)}` : ''}${p.org ? ` (${recordLink(index, root, p.org)})` : ''}</li>`).join('')}</ul></section>`,
    );
  }
  if (cited.length > 0) {
    body.push(
      `<section><h2>${h(w.whatTheBaseTakes)}</h2><ul>${cited.map((c) => `<li>${recordLink(index, root, c.id)}</li>`).join('')}</ul></section>`,
    );
  }
  return page(
    options,
    path,
    article.title,
    w.articleDescription(article.title, article.outlet, L.date(article.date)),
    body.join('\n'),
  );
}

function personPage(index: BaseIndex, options: SiteOptions, view: PersonView): SitePage {
  const L = options.language;
  const w = L.w;
  const person = view.record;
  const path = personPath(person.id);
  const root = rootOf(path);
  const refs = new References(L, view.articles, root);
  const body: string[] = [];
  body.push(`<h1>${h(person.name)}</h1>`);
  body.push(
    facts([
      [w.otherNames, h((person.aliases ?? []).join(' ; '))],
      [w.sources, person.sources.map((s) => refs.cite(s).trim()).join(' ')],
    ]),
  );
  const roles = person.roles ?? [];
  if (roles.length > 0) {
    const items = roles.map(
      (r) =>
        `<li>${L.data(r.role)}${r.org ? `, ${recordLink(index, root, r.org)}` : ''}${span(L, r.since, r.until)}${r.note ? ` <span class="note">${L.text(r.note)}</span>` : ''}${refs.cite(r.source)}</li>`,
    );
    body.push(`<section><h2>${h(w.roles)}</h2>\n<ul class="roles">\n${items.join('\n')}\n</ul></section>`);
  }
  if (view.quotedIn.length > 0) {
    const items = view.quotedIn.map((q) => {
      const as = [q.role ? L.data(q.role) : '', q.org ? recordLink(index, root, q.org) : ''].filter(Boolean).join(', ');
      return `<li><time>${h(L.date(q.date))}</time> ${link(root, articlePath(q.article), q.title, L.dataLang)}${as ? ` (${as})` : ''}</li>`;
    });
    body.push(`<section><h2>${h(w.namedIn)}</h2>\n<ul class="articles">\n${items.join('\n')}\n</ul></section>`);
  }
  if (person.note) body.push(`<section><h2>${h(w.note)}</h2>${prose(L, person.note)}</section>`);
  body.push(refs.list());
  const orgs = [...new Set(roles.flatMap((r) => (r.org ? [r.org] : [])))];
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Person',
    name: person.name,
    ...(person.aliases?.length ? { alternateName: person.aliases } : {}),
    ...(orgs.length > 0
      ? { affiliation: orgs.map((id) => ({ '@type': 'Organization', name: index.organisations.get(id)?.name ?? id })) }
      : {}),
  };
  return page(options, path, person.name, w.personDescription(person.name), body.filter(Boolean).join('\n'), jsonLd);
}

function peoplePage(index: BaseIndex, options: SiteOptions): SitePage {
  const L = options.language;
  const w = L.w;
  const path = 'personnes/index.html';
  const root = rootOf(path);
  const people = sortByName(index.base.people);
  const rows = people.map((p) => {
    const roles = (p.roles ?? []).map((r) => `${L.data(r.role)}${r.org ? `, ${recordLink(index, root, r.org)}` : ''}`);
    return `<tr><td>${link(root, personPath(p.id), p.name)}</td><td>${roles.join(' ; ')}</td></tr>`;
  });
  const body = `<h1>${h(w.nav.people)}</h1>
<p class="count">${h(w.peopleCount(people.length))}</p>
<section class="scroll" tabindex="0" aria-label="${h(w.nav.people)}"><table>
<caption>${h(w.peopleCaption)}</caption>
<thead><tr><th scope="col">${h(w.columns.name)}</th><th scope="col">${h(w.columns.roles)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></section>`;
  return page(options, path, w.nav.people, w.peopleDescription, body);
}

function organisationsPage(index: BaseIndex, options: SiteOptions): SitePage {
  const L = options.language;
  const w = L.w;
  const path = 'organisations/index.html';
  const root = rootOf(path);
  const orgs = sortByName(index.base.organisations);
  const regions = new Map(allRegions().map((r) => [r.slug, r.name]));
  const select = (name: string, text: string, values: Array<[string, string]>) =>
    `<label>${h(text)} <select name="${name}" data-filter="${name}"><option value="">${h(w.all)}</option>${values.map(([v, t]) => `<option value="${h(v)}">${h(t)}</option>`).join('')}</select></label>`;
  const present = <T>(pick: (o: Organisation) => T | undefined) => [
    ...new Set(orgs.map(pick).filter((v): v is T => v !== undefined)),
  ];
  const rows = orgs
    .map((o) => {
      // Every region and department it covers: the filters find a CPTS across a border in both.
      const covered = coveredRegions(o);
      const departments = departmentsOf(o);
      return `<tr data-region="${h(covered.join(' '))}" data-department="${h(departments.join(' '))}" data-kind="${h(o.kind)}" data-sector="${h(o.sector ?? '')}"><td>${link(root, orgPath(o.id), o.name)}</td><td>${h(L.kind(o.kind))}</td><td>${h(covered.map((r) => regions.get(r) ?? r).join(', '))}</td><td>${h(departments.join(', '))}</td><td>${h(o.city ?? '')}</td></tr>`;
    })
    .join('\n');
  const body = `<h1>${h(w.nav.organisations)}</h1>
<form class="filters" aria-label="${h(w.filterOrganisations)}">
${select(
  'region',
  w.region,
  [...new Set(orgs.flatMap(coveredRegions))].sort().map((s) => [s, regions.get(s) ?? s]),
)}
${select(
  'department',
  w.department,
  [...new Set(orgs.flatMap((o) => departmentsOf(o)))].sort().map((d) => [d, `${findDepartment(d)?.name ?? d} (${d})`]),
)}
${select(
  'kind',
  L.field('kind'),
  present((o) => o.kind)
    .sort()
    .map((k) => [k, L.kind(k)]),
)}
${select(
  'sector',
  w.sector,
  present((o) => o.sector)
    .sort()
    .map((s) => [s, L.sector(s)]),
)}
<button type="submit">${h(w.filter)}</button>
</form>
<p class="count" aria-live="polite"><span data-count>${orgs.length}</span> ${h(w.organisationsCount)}</p>
<section class="scroll" tabindex="0" aria-label="${h(w.nav.organisations)}"><table class="filterable">
<caption>${h(w.organisationsCaption)}</caption>
<thead><tr>${[w.columns.name, L.field('kind'), w.region, w.department, w.city].map((t) => `<th scope="col">${h(t)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
  return page(options, path, w.nav.organisations, w.organisationsDescription(orgs.length), body);
}

function programmesPage(index: BaseIndex, options: SiteOptions): SitePage {
  const L = options.language;
  const w = L.w;
  const path = 'programmes/index.html';
  const root = rootOf(path);
  const tops = index.base.programmes.filter((p) => !p.parent || !index.programmes.get(p.parent)).sort(byName);
  const body = `<h1>${h(w.nav.programmes)}</h1>
<ul class="tree">${tops.map((p) => `<li>${recordLink(index, root, p.id)}${natureMark(L, p)}${programmeTree(index, L, root, p.id)}</li>`).join('')}</ul>`;
  return page(options, path, w.nav.programmes, w.programmesDescription, body);
}

/** Records by date, then id; each date read once (parsing one per comparison took seconds at 10,000). */
function byDate<T extends { id: string }>(records: readonly T[], date: (record: T) => string): T[] {
  return records
    .map((record) => ({ record, key: dateSortKey(date(record)) }))
    .sort((a, b) => a.key - b.key || (a.record.id < b.record.id ? -1 : 1))
    .map((entry) => entry.record);
}

function fundingPage(index: BaseIndex, options: SiteOptions): SitePage {
  const L = options.language;
  const w = L.w;
  const path = 'financements/index.html';
  const root = rootOf(path);
  const report = fundingReport(index, {});
  const lines = byDate(index.base.funding, (l) => l.date ?? '');
  const sources = new Set(lines.map((l) => l.source));
  const refs = new References(
    L,
    articlesByDate(index).filter((a) => sources.has(a.id)),
    root,
  );
  const body = `<h1>${h(w.fundingTitle)}</h1>
${totalsTable(L, report.totals, w.fundingTotalsCaption)}
${fundingTable(L, index, root, lines, refs, w.fundingAllLines)}
${refs.list()}`;
  return page(options, path, w.fundingTitle, w.fundingDescription, body);
}

function eventsPage(index: BaseIndex, options: SiteOptions): SitePage {
  const L = options.language;
  const path = 'evenements/index.html';
  const events = byDate(index.base.events, (e) => e.date);
  const body = `<h1>${h(L.w.eventsTitle)}</h1>\n${eventList(L, index, rootOf(path), events) || `<p>${h(L.w.noEvent)}</p>`}`;
  return page(options, path, L.w.eventsTitle, L.w.eventsDescription, body);
}

function articlesPage(index: BaseIndex, options: SiteOptions): SitePage {
  const L = options.language;
  const path = 'articles/index.html';
  const root = rootOf(path);
  const articles = articlesByDate(index).reverse();
  const body = `<h1>${h(L.w.nav.articles)}</h1>\n<ul class="articles">${articles.map((a) => `<li><time>${h(L.date(a.date))}</time> ${link(root, articlePath(a.id), a.title, L.dataLang)}${a.outlet ? `, ${h(a.outlet)}` : ''}</li>`).join('\n')}</ul>`;
  return page(options, path, L.w.nav.articles, L.w.articlesDescription, body);
}

function searchPage(options: SiteOptions): SitePage {
  const w = options.language.w;
  const body = `<h1>${h(w.searchTitle)}</h1>
<p>${h(w.searchIntro)}</p>
<noscript><p>${w.searchNoScript(link('../', 'organisations/index.html', w.searchListLink))}</p></noscript>`;
  return page(options, 'recherche/index.html', w.searchTitle, w.searchDescription, body);
}

function homePage(index: BaseIndex, options: SiteOptions): SitePage {
  const L = options.language;
  const w = L.w;
  const path = 'index.html';
  const base = index.base;
  const counts = new Map<string, number>();
  for (const org of base.organisations) {
    const region = regionOf(org);
    if (region) counts.set(region, (counts.get(region) ?? 0) + 1);
  }
  const latest = articlesByDate(index).reverse().slice(0, 5);
  const count = (path: string, n: number, text: string) =>
    `<li><a href="${path}"><strong>${n}</strong> ${h(text)}</a></li>`;
  const body = `<h1>${h(L.siteName)}</h1>
<p class="lead">${h(w.lead)}</p>
<ul class="counts">
${count('organisations/index.html', base.organisations.length, w.counts.organisations)}
${count('programmes/index.html', base.programmes.length, w.counts.programmes)}
${count('financements/index.html', base.funding.length, w.counts.funding)}
${count('evenements/index.html', base.events.length, w.counts.events)}
${count('articles/index.html', base.articles.length, w.counts.articles)}
${count('personnes/index.html', base.people.length, w.counts.people)}
</ul>
<section><h2>${h(w.byRegion)}</h2>
${regionMap(counts, (slug) => `organisations/index.html?region=${slug}`, w)}
</section>
<section><h2>${h(w.latestArticles)}</h2>
<ul class="articles">${latest.map((a) => `<li><time>${h(L.date(a.date))}</time> ${link('', articlePath(a.id), a.title, L.dataLang)}</li>`).join('\n')}</ul>
</section>`;
  return page(options, path, w.home, w.homeDescription(base.organisations.length, base.articles.length), body);
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
    peoplePage(index, options),
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
  for (const agreement of sortByName(index.base.agreements)) {
    const view = recordView(index, agreement.id);
    if (view?.type === 'agreement') pages.push(agreementPage(index, options, view));
    options.onPage?.();
  }
  for (const person of sortByName(index.base.people)) {
    const view = recordView(index, person.id);
    if (view?.type === 'person') pages.push(personPage(index, options, view));
    options.onPage?.();
  }
  const citing = citingByArticle(index);
  for (const article of articlesByDate(index)) {
    pages.push(articlePage(index, options, article, citing));
    options.onPage?.();
  }
  return pages;
}

// --- Territories, sites, authorisations and agreements -----------------------------------------

/** Its own region first (as regionOf says it), then every other region its places are in. */
function coveredRegions(org: Organisation): string[] {
  const own = regionOf(org);
  return [...new Set([...(own ? [own] : []), ...regionsOf(org)])];
}

/** The articles behind its territory, sites and authorisations (what an article page lists). */
function territorySources(org: Organisation): string[] {
  return [
    ...(org.population ? [org.population.source] : []),
    ...(org.sites ?? []).map((site) => site.source),
    ...(org.authorisations ?? []).map((a) => a.source),
  ];
}

/** "Oyonnax (01283)": a commune or an EPCI by its name when known, always with its code. */
function placeName(places: Record<string, string>, code: string): string {
  return places[code] ? `${places[code]} (${code})` : code;
}

/** The facts of the territory it covers: departments, communes, EPCI, population. */
function territoryFacts(
  L: SiteLanguage,
  org: Organisation,
  places: Record<string, string>,
  refs: References,
): Array<[string, string]> {
  const w = L.w;
  const departments = (org.departments ?? []).map((code) => {
    const department = findDepartment(code);
    return department ? `${department.name} (${department.code})` : code;
  });
  const communes = org.communes ?? [];
  const population = org.population;
  return [
    [w.departmentsCovered(departments.length), h(departments.join(', '))],
    [w.communesCovered(communes.length), h(communes.map((code) => placeName(places, code)).join(', '))],
    ['EPCI', h((org.epci ?? []).map((siren) => placeName(places, siren)).join(', '))],
    [
      w.population,
      population
        ? h(
            `${w.inhabitants(population.value, population.approximate === true)}${population.as_of ? ` (${L.date(population.as_of)})` : ''}`,
          ) + refs.cite(population.source)
        : '',
    ],
  ];
}

/** A table's last cell: the note, if any, then the reference. */
function sourceCell(L: SiteLanguage, note: Text | undefined, source: string, refs: References): string {
  return [note ? `<span class="note">${L.text(note)}</span>` : '', refs.cite(source).trim()].filter(Boolean).join(' ');
}

function sitesSection(L: SiteLanguage, org: Organisation, places: Record<string, string>, refs: References): string {
  const w = L.w;
  const sites = org.sites ?? [];
  if (sites.length === 0) return '';
  const rows = sites
    .map(
      (site) =>
        `<tr><td>${h(site.name)}</td><td>${h(site.commune ? placeName(places, site.commune) : '')}</td><td>${h(site.finess_et ?? '')}</td><td>${sourceCell(L, site.note, site.source, refs)}</td></tr>`,
    )
    .join('\n');
  return `<section><h2>${h(w.sites)}</h2><section class="scroll" tabindex="0" aria-label="${h(w.sitesOf(org.name))}"><table>
<caption>${h(w.sitesOf(org.name))}</caption>
<thead><tr>${[w.site, w.commune, 'FINESS ET', w.source].map((t) => `<th scope="col">${h(t)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></section></section>`;
}

function authorisationsSection(
  L: SiteLanguage,
  index: BaseIndex,
  root: string,
  org: Organisation,
  refs: References,
): string {
  const w = L.w;
  const authorisations = org.authorisations ?? [];
  if (authorisations.length === 0) return '';
  const rows = authorisations
    .map(
      (a) =>
        `<tr><td${L.dataLang}>${h(a.activity)}${L.frenchMark}</td><td>${h(L.label('AUTHORISATION_STATUSES', a.status))}</td><td>${h(L.date(a.date))}</td><td>${a.authority ? recordLink(index, root, a.authority) : ''}</td><td>${h(a.site ?? '')}</td><td>${sourceCell(L, a.note, a.source, refs)}</td></tr>`,
    )
    .join('\n');
  // The heading and caption as the site has always written them: its own words unescaped (no markup
  // in them, and the French apostrophe kept as it is), only the name escaped.
  return `<section><h2>${w.authorisations}</h2><section class="scroll" tabindex="0" aria-label="${h(w.authorisationsLabel(org.name))}"><table>
<caption>${w.authorisationsOf(h(org.name))}</caption>
<thead><tr>${[w.activity, w.decision, w.columns.date, w.authority, w.site, w.source].map((t) => `<th scope="col">${h(t)}</th>`).join('')}</tr></thead>
<tbody>
${rows}
</tbody></table></section></section>`;
}

/** "2024 – 2028", "depuis 2024", "jusqu'à 2028" ("since 2024"...): as precise as the data. */
function periodText(L: SiteLanguage, period: Agreement['period']): string {
  if (period?.since && period.until) return `${L.date(period.since)} – ${L.date(period.until)}`;
  if (period?.since) return `${L.w.since} ${L.when(period.since)}`;
  if (period?.until) return `${L.w.until} ${L.when(period.until)}`;
  return '';
}

/** The agreements it is a party to: each a link to its page, its role and the other parties. */
function agreementsSection(
  L: SiteLanguage,
  index: BaseIndex,
  root: string,
  org: Organisation,
  agreements: readonly Agreement[],
  refs: References,
): string {
  if (agreements.length === 0) return '';
  const items = agreements.map((agreement) => {
    const roles = agreement.parties.filter((p) => p.org === org.id).map((p) => L.label('PARTY_ROLES', p.role));
    const others = [...new Set(agreement.parties.filter((p) => p.org !== org.id).map((p) => p.org))];
    const period = periodText(L, agreement.period);
    return `<li>${link(root, agreementPath(agreement.id), agreement.name)} <span class="tag">${h(L.label('AGREEMENT_KINDS', agreement.kind))}</span>${period ? ` <span class="when">(${h(period)})</span>` : ''}${roles.length ? `, ${h(roles.join(', '))}` : ''}${others.length ? `${h(L.w.with)}${others.map((id) => recordLink(index, root, id)).join(', ')}` : ''}${agreement.sources.map((s) => refs.cite(s)).join('')}</li>`;
  });
  return `<section><h2>${h(L.w.agreements)}</h2>\n<ul class="agreements">\n${items.join('\n')}\n</ul></section>`;
}

function agreementPage(index: BaseIndex, options: SiteOptions, view: AgreementView): SitePage {
  const L = options.language;
  const w = L.w;
  const agreement = view.record;
  const path = agreementPath(agreement.id);
  const root = rootOf(path);
  const refs = new References(L, view.articles, root);
  const kind = L.label('AGREEMENT_KINDS', agreement.kind);
  const body: string[] = [];
  body.push(
    `<h1>${h(agreement.name)}${agreement.short_name ? ` <span class="short">(${h(agreement.short_name)})</span>` : ''}</h1>`,
  );
  body.push(prose(L, agreement.description));
  body.push(
    facts([
      [L.field('kind'), h(kind)],
      [w.period, h(periodText(L, agreement.period))],
      [w.note, agreement.note === undefined ? '' : L.text(agreement.note)],
      [w.sources, agreement.sources.map((s) => refs.cite(s).trim()).join(' ')],
    ]),
  );
  body.push(
    `<section><h2>${h(w.parties)}</h2>\n<ul class="members">\n${agreement.parties
      .map(
        (party) =>
          `<li>${recordLink(index, root, party.org)}, ${h(L.label('PARTY_ROLES', party.role))}${party.note ? ` <span class="note">${L.text(party.note)}</span>` : ''}</li>`,
      )
      .join('\n')}\n</ul></section>`,
  );
  body.push(refs.list());
  const parties = agreement.parties.map((party) => displayName(index, party.org));
  return page(
    options,
    path,
    agreement.name,
    w.agreementDescription(agreement.name, kind, parties),
    body.filter(Boolean).join('\n'),
  );
}
