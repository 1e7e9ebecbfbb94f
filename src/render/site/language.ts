/**
 * The site's own words in each language it speaks (`coop site --lang fr|en`): navigation, headings,
 * the labels of the closed lists, dates and amounts. The data's own words (descriptions, notes,
 * event titles) are shown in the page's language when the base has it; otherwise, and for what is
 * quoted as printed (roles, article titles), in the language they have, marked as such (`lang="fr"`
 * and a visible "(fr)" on an English page): the reader's language first, the other one marked.
 */
import type { GraphEdge } from '../../core/graph.js';
import { moneyOf, type Money } from '../../core/money.js';
import {
  dateFr,
  edgeLabelFr,
  EVENT_KIND_FR,
  FIELD_FR,
  INSTRUMENT_FR,
  KIND_FR,
  label,
  moneyFr,
  ROLE_FR,
  SECTOR_FR,
  STAGE_FR,
  termsFr,
  whenFr,
} from './labels.js';
import { frenchLabel, type ListName } from '../../core/labels.js';
import { escapeHtml as h } from './template.js';
import { DEFAULT_BASE_LANGUAGE, readText, type Language, type Text } from '../../core/language.js';

export type SiteLanguageCode = 'fr' | 'en';
export const SITE_LANGUAGES: readonly SiteLanguageCode[] = ['fr', 'en'];

type AmountOf = Pick<Money, 'qualifier' | 'amount' | 'amount_min' | 'amount_max' | 'approximate' | 'currency' | 'per'>;
type MoneyTerms = { recurrence?: string; purpose?: string; from?: string; until?: string };

/** Every word of the site that is not the data's, in one language. */
export interface SiteLanguage {
  code: SiteLanguageCode;
  siteName: string;
  kind(value: string | undefined): string;
  sector(value: string | undefined): string;
  /** A role as the heading of a group of members: "Membres fondateurs". */
  roleGroup(value: string): string;
  instrument(value: string | undefined): string;
  stage(value: string | undefined): string;
  eventKind(value: string | undefined): string;
  field(name: string): string;
  /** The label of a value of one of the closed lists (core/enums.ts). */
  label(list: ListName, value: string): string;
  /** A money line's terms after its amount: " (non reconductible, investissement, de 2024 à 2026)". */
  terms(terms: MoneyTerms): string;
  date(value: string | number | undefined): string;
  /** A moment, maybe known only within a range: "une date entre ... et ...". */
  when(value: string | number): string;
  money(money: AmountOf): string;
  edgeLabel(edge: GraphEdge): string;
  /**
   * Text from the data quoted as written (a role as printed, an article's title), escaped: in the
   * base's language, so marked as such on a page in another language.
   */
  data(text: string): string;
  /** The same as an attribute of the element holding it: ` lang="fr"` on an English page. */
  dataLang: string;
  /** After the data's text on a page in another language than the base's: a visible "(fr)". */
  frenchMark: string;
  /**
   * Our own words (a description, a note, an event's title), escaped, in the page's language when
   * written in it; else in the language they have, marked `lang="fr"` and a visible "(fr)".
   */
  text(value: Text): string;
  /**
   * The same, in parts, for an element that holds it whole (a paragraph): the escaped words, the
   * element's ` lang="fr"` when they are not in the page's language, and the visible mark after them.
   */
  version(value: Text): { html: string; lang: string; mark: string };
  w: Words;
}

/** The fixed words: headings, labels, sentences of the pages, the shell and the search box. */
interface Words {
  skip: string;
  sections: string;
  nav: { organisations: string; programmes: string; funding: string; events: string; articles: string; people: string };
  search: string;
  searchPlaceholder: string;
  searchHelp: string;
  noResult: string;
  footer: string;
  data: string;
  atom: string;
  types: { organisation: string; programme: string; article: string; person: string };
  /** Between a label and its value: " : " in French, ": " in English. */
  colon: string;
  sources: string;
  disputed: string;
  disputedTitle: string;
  disputedHint: string;
  retained: string;
  noValue: string;
  commonKnowledge: string;
  otherValue: string;
  since: string;
  until: string;
  region: string;
  department: string;
  city: string;
  founded: string;
  dissolved: string;
  otherNames: string;
  website: string;
  partOf: string;
  members: string;
  memberOf: string;
  subsidiaries: string;
  people: string;
  links: string;
  graphName(name: string): string;
  graphCaption(name: string): string;
  fundingReceived: string;
  fundingReceivedBy(name: string): string;
  timeline: string;
  orgDescription(name: string, kind: string, region: string | undefined): string;
  recipients(count: number): string;
  wholeProgramme: string;
  columns: {
    programme: string;
    recipient: string;
    instrument: string;
    stage: string;
    amount: string;
    date: string;
    total: string;
    lines: string;
    bar: string;
    name: string;
    kind: string;
    roles: string;
  };
  totalsHint: string;
  article: string;
  funder: string;
  parentProgramme: string;
  launched: string;
  childProgrammes: string;
  budget: string;
  totals: string;
  totalsCaption(name: string): string;
  fundingLines: string;
  fundingLinesCaption(name: string): string;
  programmeDescription(name: string): string;
  outlet: string;
  authors: string;
  address: string;
  summary: string;
  peopleNamed: string;
  whatTheBaseTakes: string;
  articleDescription(title: string, outlet: string | undefined, date: string): string;
  roles: string;
  namedIn: string;
  note: string;
  personDescription(name: string): string;
  peopleCount(n: number): string;
  peopleCaption: string;
  peopleDescription: string;
  filterOrganisations: string;
  all: string;
  sector: string;
  filter: string;
  organisationsCount: string;
  organisationsCaption: string;
  organisationsDescription(n: number): string;
  programmesDescription: string;
  fundingTitle: string;
  fundingTotalsCaption: string;
  fundingAllLines: string;
  fundingDescription: string;
  eventsTitle: string;
  noEvent: string;
  eventsDescription: string;
  articlesDescription: string;
  searchTitle: string;
  searchIntro: string;
  searchNoScript(link: string): string;
  searchListLink: string;
  searchDescription: string;
  home: string;
  lead: string;
  counts: {
    organisations: string;
    programmes: string;
    funding: string;
    events: string;
    articles: string;
    people: string;
  };
  byRegion: string;
  latestArticles: string;
  homeDescription(orgs: number, articles: number): string;
  regionTitle(name: string, n: number): string;
  organisationCount(n: number): string;
  mapName: string;
  mapCaption: string;
  /** The territory an organisation covers, its sites and its authorisations. */
  departmentsCovered(n: number): string;
  communesCovered(n: number): string;
  population: string;
  inhabitants(value: number, approximate: boolean): string;
  sites: string;
  sitesOf(name: string): string;
  site: string;
  commune: string;
  source: string;
  authorisations: string;
  authorisationsLabel(name: string): string;
  authorisationsOf(name: string): string;
  activity: string;
  decision: string;
  authority: string;
  /** The agreements (conventions, contracts) an organisation is a party to, and their pages. */
  agreements: string;
  /** Before the other parties of an agreement: " avec ", " with ". */
  with: string;
  period: string;
  parties: string;
  agreementDescription(name: string, kind: string, parties: readonly string[]): string;
}

const FR_WORDS: Words = {
  skip: 'Aller au contenu',
  sections: 'Sections',
  nav: {
    organisations: 'Organisations',
    programmes: 'Programmes',
    funding: 'Financements',
    events: 'Chronologie',
    articles: 'Articles',
    people: 'Personnes',
  },
  search: 'Rechercher',
  searchPlaceholder: 'nom, sigle, ville…',
  searchHelp: "Les résultats s'affichent pendant la saisie, sans tenir compte des accents.",
  noResult: 'Aucun résultat',
  footer: "Base de connaissances tirée d'articles de presse, chaque fait renvoyant à son article.",
  data: 'Données',
  atom: 'flux Atom',
  types: { organisation: 'organisation', programme: 'programme', article: 'article', person: 'personne' },
  colon: ' : ',
  sources: 'Sources',
  disputed: '(valeur contestée)',
  disputedTitle: 'Désaccords entre les sources',
  disputedHint:
    "Des articles donnent d'autres valeurs que celles retenues par la base ; chacune est citée avec sa source.",
  retained: 'retenu :',
  noValue: 'aucune valeur',
  commonKnowledge: ' (notoriété publique)',
  otherValue: 'autre valeur :',
  since: 'depuis',
  until: "jusqu'à",
  region: 'Région',
  department: 'Département',
  city: 'Commune',
  founded: 'Création',
  dissolved: 'Dissolution',
  otherNames: 'Autres noms',
  website: 'Site',
  partOf: 'Rattachement',
  members: 'Membres',
  memberOf: 'Membre de',
  subsidiaries: 'Entités rattachées',
  people: 'Personnes',
  links: 'Liens',
  graphName: (name) => `Graphe des liens de ${name}`,
  graphCaption: (name) => `Les liens de ${name} avec ses membres, ses structures et ses financeurs.`,
  fundingReceived: 'Financements reçus',
  fundingReceivedBy: (name) => `Financements reçus par ${name}`,
  timeline: 'Chronologie',
  orgDescription: (name, kind, region) =>
    `${name} : ${kind}${region ? ` en ${region}` : ''}, ses membres, ses financements et ses sources.`,
  recipients: (count) => `${count} bénéficiaires`,
  wholeProgramme: 'le programme dans son ensemble',
  columns: {
    programme: 'Programme',
    recipient: 'Bénéficiaire',
    instrument: 'Instrument',
    stage: 'Étape',
    amount: 'Montant',
    date: 'Date',
    total: 'Total',
    lines: 'Lignes',
    bar: 'Barre',
    name: 'Nom',
    kind: 'Nature',
    roles: 'Fonctions',
  },
  totalsHint:
    "Une somme par instrument et par étape : une subvention ne s'ajoute jamais à une prise de participation, ni un montant potentiel à un montant attribué.",
  article: 'article',
  funder: 'Financeur',
  parentProgramme: 'Programme parent',
  launched: 'Lancement',
  childProgrammes: 'Programmes et appels rattachés',
  budget: 'Budget annoncé',
  totals: 'Totaux, sous-programmes compris',
  totalsCaption: (name) => `Montants de ${name} par instrument et par étape`,
  fundingLines: 'Lignes de financement',
  fundingLinesCaption: (name) => `Lignes de financement de ${name} et de ses sous-programmes`,
  programmeDescription: (name) => `${name} : programme, sous-programmes, financements par instrument et par étape.`,
  outlet: 'Journal',
  authors: 'Auteurs',
  address: 'Lien',
  summary: 'Notre résumé',
  peopleNamed: 'Personnes citées',
  whatTheBaseTakes: 'Ce que la base en tire',
  articleDescription: (title, outlet, date) =>
    `${title}${outlet ? `, ${outlet}` : ''}, ${date} : ce que la base en retient.`,
  roles: 'Fonctions',
  namedIn: 'Cité dans',
  note: 'Note',
  personDescription: (name) =>
    `${name} : ses fonctions dans les organisations de la base et les articles où son nom paraît.`,
  peopleCount: (n) => `${n} personnes`,
  peopleCaption: 'Les personnes que les articles citent',
  peopleDescription: 'Les personnes citées par les articles de la base et leurs fonctions.',
  filterOrganisations: 'Filtrer les organisations',
  all: 'tous',
  sector: 'Secteur',
  filter: 'Filtrer',
  organisationsCount: 'organisations',
  organisationsCaption: 'Toutes les organisations de la base',
  organisationsDescription: (n) =>
    `Les ${n} organisations de la base, filtrables par région, département, nature et secteur.`,
  programmesDescription: 'Les programmes de financement et leurs appels, en arbre.',
  fundingTitle: 'Financements',
  fundingTotalsCaption: 'Montants de toute la base par instrument et par étape',
  fundingAllLines: 'Toutes les lignes de financement',
  fundingDescription: 'Les financements de la base, par instrument et par étape, ligne par ligne.',
  eventsTitle: 'Chronologie',
  noEvent: 'Aucun événement.',
  eventsDescription: 'Les événements de la base dans l’ordre du temps.',
  articlesDescription: 'Les articles de presse dont la base est tirée, du plus récent au plus ancien.',
  searchTitle: 'Recherche',
  searchIntro:
    "Tapez un nom, un sigle ou une ville dans le champ de recherche en haut de la page : les résultats s'affichent pendant la saisie, accents et petites fautes compris.",
  searchNoScript: (link) => `La recherche a besoin de JavaScript. Sans lui, parcourez la ${link}.`,
  searchListLink: 'liste des organisations',
  searchDescription: 'Rechercher une organisation, un programme, une personne ou un article.',
  home: 'Accueil',
  lead: 'Qui coopère avec qui dans la santé en France : alliances, groupements, projets et leurs financements, relevés dans la presse, chaque fait avec son article.',
  counts: {
    organisations: 'organisations',
    programmes: 'programmes',
    funding: 'lignes de financement',
    events: 'événements',
    articles: 'articles',
    people: 'personnes',
  },
  byRegion: 'Par région',
  latestArticles: 'Derniers articles',
  homeDescription: (orgs, articles) =>
    `Base de ${orgs} organisations de santé qui coopèrent, tirée de ${articles} articles de presse.`,
  regionTitle: (name, n) => `${name} : ${n} organisation${n > 1 ? 's' : ''}`,
  organisationCount: (n) => `${n} organisation${n > 1 ? 's' : ''}`,
  mapName: "Carte des régions, par nombre d'organisations",
  mapCaption: "Nombre d'organisations par région (carte en tuiles : une case par région).",
  departmentsCovered: (n) => (n > 1 ? 'Départements' : 'Département couvert'),
  communesCovered: (n) => (n > 1 ? `Communes (${n})` : 'Commune couverte'),
  population: 'Population',
  inhabitants: (value, approximate) =>
    `${approximate ? 'environ ' : ''}${new Intl.NumberFormat('fr-FR').format(value)} habitants`,
  sites: 'Sites',
  sitesOf: (name) => `Sites de ${name}`,
  site: 'Site',
  commune: 'Commune',
  source: 'Source',
  authorisations: "Autorisations d'activité",
  authorisationsLabel: (name) => `Autorisations de ${name}`,
  authorisationsOf: (name) => `Autorisations d'activité de ${name}`,
  activity: 'Activité',
  decision: 'Décision',
  authority: 'Autorité',
  agreements: 'Conventions et contrats',
  with: ' avec ',
  period: 'Période',
  parties: 'Parties',
  agreementDescription: (name, kind, parties) =>
    `${name} : ${kind} entre ${parties.join(', ')}, ses parties, sa période et ses sources.`,
};

const EN_WORDS: Words = {
  skip: 'Skip to the content',
  sections: 'Sections',
  nav: {
    organisations: 'Organisations',
    programmes: 'Programmes',
    funding: 'Funding',
    events: 'Timeline',
    articles: 'Articles',
    people: 'People',
  },
  search: 'Search',
  searchPlaceholder: 'name, acronym, town…',
  searchHelp: 'Results show as you type; accents do not matter.',
  noResult: 'No result',
  footer: 'A knowledge base drawn from press articles, each fact pointing to its article.',
  data: 'Data',
  atom: 'Atom feed',
  types: { organisation: 'organisation', programme: 'programme', article: 'article', person: 'person' },
  colon: ': ',
  sources: 'Sources',
  disputed: '(disputed)',
  disputedTitle: 'Where the sources disagree',
  disputedHint: 'Some articles give other values than the ones the base keeps; each is cited with its source.',
  retained: 'kept:',
  noValue: 'no value',
  commonKnowledge: ' (common knowledge)',
  otherValue: 'other value:',
  since: 'since',
  until: 'until',
  region: 'Region',
  department: 'Department',
  city: 'Town',
  founded: 'Founded',
  dissolved: 'Dissolved',
  otherNames: 'Other names',
  website: 'Website',
  partOf: 'Part of',
  members: 'Members',
  memberOf: 'Member of',
  subsidiaries: 'Attached bodies',
  people: 'People',
  links: 'Links',
  graphName: (name) => `Graph of the links of ${name}`,
  graphCaption: (name) => `The links of ${name} with its members, its structures and its funders.`,
  fundingReceived: 'Funding received',
  fundingReceivedBy: (name) => `Funding received by ${name}`,
  timeline: 'Timeline',
  orgDescription: (name, kind, region) =>
    `${name}: ${kind}${region ? ` in ${region}` : ''}, its members, its funding and its sources.`,
  recipients: (count) => `${count} recipients`,
  wholeProgramme: 'the programme as a whole',
  columns: {
    programme: 'Programme',
    recipient: 'Recipient',
    instrument: 'Instrument',
    stage: 'Stage',
    amount: 'Amount',
    date: 'Date',
    total: 'Total',
    lines: 'Lines',
    bar: 'Bar',
    name: 'Name',
    kind: 'Kind',
    roles: 'Roles',
  },
  totalsHint:
    'One sum per instrument and stage: a grant is never added to equity, nor a potential amount to an awarded one.',
  article: 'article',
  funder: 'Funder',
  parentProgramme: 'Parent programme',
  launched: 'Launched',
  childProgrammes: 'Programmes and calls under it',
  budget: 'Announced budget',
  totals: 'Totals, sub-programmes included',
  totalsCaption: (name) => `Amounts of ${name} by instrument and stage`,
  fundingLines: 'Funding lines',
  fundingLinesCaption: (name) => `Funding lines of ${name} and its sub-programmes`,
  programmeDescription: (name) => `${name}: programme, sub-programmes, funding by instrument and stage.`,
  outlet: 'Outlet',
  authors: 'Authors',
  address: 'Link',
  summary: 'Our summary',
  peopleNamed: 'People named',
  whatTheBaseTakes: 'What the base takes from it',
  articleDescription: (title, outlet, date) =>
    `${title}${outlet ? `, ${outlet}` : ''}, ${date}: what the base keeps of it.`,
  roles: 'Roles',
  namedIn: 'Named in',
  note: 'Note',
  personDescription: (name) => `${name}: roles in the organisations of the base, and the articles naming them.`,
  peopleCount: (n) => `${n} people`,
  peopleCaption: 'The people the articles name',
  peopleDescription: 'The people named by the articles of the base, and their roles.',
  filterOrganisations: 'Filter the organisations',
  all: 'all',
  sector: 'Sector',
  filter: 'Filter',
  organisationsCount: 'organisations',
  organisationsCaption: 'Every organisation of the base',
  organisationsDescription: (n) =>
    `The ${n} organisations of the base, filtered by region, department, kind and sector.`,
  programmesDescription: 'The funding programmes and their calls, as a tree.',
  fundingTitle: 'Funding',
  fundingTotalsCaption: 'Amounts of the whole base by instrument and stage',
  fundingAllLines: 'Every funding line',
  fundingDescription: 'The funding of the base, by instrument and stage, line by line.',
  eventsTitle: 'Timeline',
  noEvent: 'No event.',
  eventsDescription: 'The events of the base in the order of time.',
  articlesDescription: 'The press articles the base is drawn from, newest first.',
  searchTitle: 'Search',
  searchIntro:
    'Type a name, an acronym or a town in the search box at the top of the page: results show as you type, whatever the accents and small typos.',
  searchNoScript: (link) => `Search needs JavaScript. Without it, browse the ${link}.`,
  searchListLink: 'list of organisations',
  searchDescription: 'Search for an organisation, a programme, a person or an article.',
  home: 'Home',
  lead: 'Who cooperates with whom in French health care: alliances, groupings, projects and their funding, gathered from the press, each fact with its article.',
  counts: {
    organisations: 'organisations',
    programmes: 'programmes',
    funding: 'funding lines',
    events: 'events',
    articles: 'articles',
    people: 'people',
  },
  byRegion: 'By region',
  latestArticles: 'Latest articles',
  homeDescription: (orgs, articles) =>
    `A base of ${orgs} cooperating health organisations, drawn from ${articles} press articles.`,
  regionTitle: (name, n) => `${name}: ${n} organisation${n !== 1 ? 's' : ''}`,
  organisationCount: (n) => `${n} organisation${n !== 1 ? 's' : ''}`,
  mapName: 'Map of the regions, by number of organisations',
  mapCaption: 'Number of organisations per region (a tile map: one square per region).',
  departmentsCovered: (n) => (n > 1 ? 'Departments' : 'Department covered'),
  communesCovered: (n) => (n > 1 ? `Municipalities (${n})` : 'Municipality covered'),
  population: 'Population',
  inhabitants: (value, approximate) =>
    `${approximate ? 'about ' : ''}${new Intl.NumberFormat('en-GB').format(value)} inhabitants`,
  sites: 'Sites',
  sitesOf: (name) => `Sites of ${name}`,
  site: 'Site',
  commune: 'Municipality',
  source: 'Source',
  authorisations: 'Activity authorisations',
  authorisationsLabel: (name) => `Authorisations of ${name}`,
  authorisationsOf: (name) => `Activity authorisations of ${name}`,
  activity: 'Activity',
  decision: 'Decision',
  authority: 'Authority',
  agreements: 'Agreements and contracts',
  with: ' with ',
  period: 'Period',
  parties: 'Parties',
  agreementDescription: (name, kind, parties) =>
    `${name}: ${kind} between ${parties.join(', ')}, its parties, its period and its sources.`,
};

/**
 * English labels of the closed lists: the ids made readable (they are English words), with the
 * French acronyms the trade uses kept in capitals.
 */
const ACRONYMS = new Set([
  'gcs',
  'gcsms',
  'ght',
  'gie',
  'gip',
  'cpts',
  'msp',
  'dac',
  'clcc',
  'had',
  'ssiad',
  'saad',
  'ehpad',
  'cpom',
  'aci',
  'ars',
]);
/** The values whose id is a French word, not an English one: said in English here. */
const LABEL_EN: Partial<Record<ListName, Record<string, string>>> = {
  AGREEMENT_KINDS: { 'contrat-local-de-sante': 'local health contract', 'direction-commune': 'joint management' },
};

function englishLabel(list: ListName, value: string): string {
  const labels = LABEL_EN[list];
  return labels && Object.hasOwn(labels, value) ? labels[value]! : english(value);
}

function english(value: string | undefined): string {
  if (value === undefined) return '';
  if (ACRONYMS.has(value)) return value.toUpperCase();
  if (value === 'chu') return 'CHU/CHR';
  if (value === 'ch') return 'hospital centre';
  return value.replace(/-/g, ' ');
}

const ROLE_GROUP_EN: Record<string, string> = {
  founder: 'Founding members',
  member: 'Members',
  support: 'Support institution',
  party: 'Party institutions',
  associated: 'Associated institutions',
  coordinator: 'Coordinators',
  carrier: 'Project carriers',
  administrator: 'Administrators',
  associate: 'Associate members',
  lead: 'Leads',
  partner: 'Partners',
  investor: 'Investors',
  provider: 'Providers',
};

const FIELD_EN: Record<string, string> = {
  name: 'Name',
  short_name: 'Acronym',
  aliases: 'Other names',
  kind: 'Kind',
  sector: 'Sector',
  department: 'Department',
  city: 'Town',
  founded: 'Founded',
  dissolved: 'Dissolved',
  parent: 'Part of',
  website: 'Website',
  description: 'Description',
  funder: 'Funder',
  launched: 'Launched',
  identifiers: 'Identifiers',
  nature: 'Nature',
};

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** An EDTF date for an English reader, never more precise than the data: "2 May 2019", "c. 2019". */
function dateEn(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  if (text.includes('/')) {
    const [from, to] = text.split('/');
    if (!from || from === '..') return `until ${dateEn(to)}`;
    if (!to || to === '..') return `since ${dateEn(from)}`;
    return `from ${dateEn(from)} to ${dateEn(to)}`;
  }
  const approximate = /[~%]$/.test(text);
  const uncertain = /[?%]$/.test(text);
  const bare = text.replace(/[~?%]$/, '');
  const parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(bare);
  let shown = bare;
  if (parts) {
    const [, year, month, day] = parts;
    const monthName = month ? MONTHS_EN[Number(month) - 1] : undefined;
    if (day && monthName) shown = `${Number(day)} ${monthName} ${year}`;
    else if (monthName) shown = `${monthName} ${year}`;
    else shown = year!;
  }
  return `${approximate ? 'c. ' : ''}${shown}${uncertain ? ' (uncertain)' : ''}`;
}

function whenEn(value: string | number): string {
  const [from, to] = String(value).split('/');
  return to === undefined ? dateEn(value) : `a date between ${dateEn(from)} and ${dateEn(to)}`;
}

const WHOLE_EN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const TWO_DIGITS_EN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

function amountEn(amount: number, currency = 'EUR'): string {
  const unit = currency === 'EUR' ? '€' : ` ${currency}`;
  if (amount >= 1e9) return `${TWO_DIGITS_EN.format(amount / 1e9)}\u00a0bn${unit}`;
  if (amount >= 1e6) return `${TWO_DIGITS_EN.format(amount / 1e6)}\u00a0M${unit}`;
  return `${WHOLE_EN.format(amount)}\u00a0${unit.trim()}`;
}

function moneyEn(money: AmountOf): string {
  return amountTextEn(money) + (money.per === 'year' ? ' per year' : '');
}

function amountTextEn(money: AmountOf): string {
  const at = (value: number | undefined) => amountEn(value ?? 0, money.currency);
  switch (money.qualifier) {
    case 'range':
      return `${money.approximate ? 'about ' : ''}${at(money.amount_min)} to ${at(money.amount_max)}`;
    case 'at-least':
      return `at least ${at(money.amount ?? money.amount_min)}`;
    case 'up-to':
      return `up to ${at(money.amount ?? money.amount_max)}`;
    case 'approximate':
      return `about ${at(money.amount)}`;
    default:
      return at(money.amount);
  }
}

function termsEn(terms: MoneyTerms): string {
  const period =
    terms.from !== undefined && terms.until !== undefined
      ? `${dateEn(terms.from)} to ${dateEn(terms.until)}`
      : terms.from !== undefined
        ? `from ${dateEn(terms.from)}`
        : terms.until !== undefined
          ? `until ${dateEn(terms.until)}`
          : undefined;
  const parts = [terms.recurrence && english(terms.recurrence), terms.purpose && english(terms.purpose), period];
  const given = parts.filter(Boolean);
  return given.length > 0 ? ` (${given.join(', ')})` : '';
}

function edgeLabelEn(edge: GraphEdge): string {
  switch (edge.relation) {
    case 'member': {
      const parts = [english(edge.role)];
      if (edge.since.length > 0) parts.push(`since ${edge.since.map(whenEn).join(' or ')}`);
      if (edge.until.length > 0) parts.push(`until ${edge.until.map(whenEn).join(' or ')}`);
      return parts.join(', ');
    }
    case 'funding':
      return `${english(edge.instrument)}, ${moneyEn(moneyOf(edge))}, ${english(edge.stage)}`;
    case 'parent':
      return 'part of';
    case 'funder':
      return 'funds';
  }
}

/** The words of each language; how the data's own text is marked depends on the base (siteLanguage). */
type SiteWords = Omit<SiteLanguage, 'data' | 'dataLang' | 'frenchMark' | 'text' | 'version'>;

const FRENCH: SiteWords = {
  code: 'fr',
  siteName: 'Coopérations en santé',
  kind: (v) => label(KIND_FR, v),
  sector: (v) => label(SECTOR_FR, v),
  roleGroup: (v) => label(ROLE_FR, v),
  instrument: (v) => label(INSTRUMENT_FR, v),
  stage: (v) => label(STAGE_FR, v),
  eventKind: (v) => label(EVENT_KIND_FR, v),
  field: (name) => FIELD_FR[name] ?? name,
  label: frenchLabel,
  terms: termsFr,
  date: dateFr,
  when: whenFr,
  money: moneyFr,
  edgeLabel: edgeLabelFr,
  w: FR_WORDS,
};

const ENGLISH: SiteWords = {
  code: 'en',
  siteName: 'Cooperation in health',
  kind: english,
  sector: english,
  roleGroup: (v) => ROLE_GROUP_EN[v] ?? english(v),
  instrument: english,
  stage: english,
  eventKind: english,
  field: (name) => FIELD_EN[name] ?? name,
  label: englishLabel,
  terms: termsEn,
  date: dateEn,
  when: whenEn,
  money: moneyEn,
  edgeLabel: edgeLabelEn,
  w: EN_WORDS,
};

/** How a page in each language names the other language, in the title of the "(fr)" mark. */
const LANGUAGE_NAMES: Record<SiteLanguageCode, Record<Language, string>> = {
  fr: { fr: 'en français', en: 'en anglais' },
  en: { fr: 'in French', en: 'in English' },
};

/**
 * The site's words in `code`, for a base whose plain-string texts are in `base`: what the base says
 * in another language than the page's is marked with the language it is in.
 */
export function siteLanguage(code: SiteLanguageCode, base: Language = DEFAULT_BASE_LANGUAGE): SiteLanguage {
  const words = code === 'en' ? ENGLISH : FRENCH;
  const mark = (language: Language) =>
    ` <span class="lang" title="${LANGUAGE_NAMES[code][language]}">(${language})</span>`;
  const inLanguage = (language: Language, text: string) =>
    `<span lang="${language}">${h(text)}</span>${mark(language)}`;
  const foreign = base !== code;
  const version = (value: Text) => {
    const read = readText(value, code, base);
    return read.fallback
      ? { html: h(read.text), lang: ` lang="${read.language}"`, mark: mark(read.language) }
      : { html: h(read.text), lang: '', mark: '' };
  };
  return {
    ...words,
    data: foreign ? (text) => inLanguage(base, text) : h,
    dataLang: foreign ? ` lang="${base}"` : '',
    frenchMark: foreign ? mark(base) : '',
    text: (value) => {
      const read = version(value);
      return read.lang ? `<span${read.lang}>${read.html}</span>${read.mark}` : read.html;
    },
    version,
  };
}
