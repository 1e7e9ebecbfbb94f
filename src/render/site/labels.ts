import { FRENCH_LABELS } from '../../core/labels.js';
import { moneyOf, type Money } from '../../core/money.js';
/**
 * The site's words for the closed lists of the data model, in French (the language of its readers),
 * and dates and amounts written the French way. Our own wording.
 */
import type { GraphEdge } from '../../core/graph.js';
import type { EVENT_KINDS, INSTRUMENTS, STAGES } from '../../core/enums.js';

export const KIND_FR: Record<string, string> = FRENCH_LABELS.ORGANISATION_KINDS;

export const SECTOR_FR: Record<string, string> = FRENCH_LABELS.SECTORS;

export const ROLE_FR: Record<string, string> = {
  founder: 'Membres fondateurs',
  member: 'Membres',
  support: 'Établissement support',
  party: 'Établissements parties',
  associated: 'Établissements associés',
  coordinator: 'Chefs de file',
  carrier: 'Porteurs',
  administrator: 'Administrateurs',
  associate: 'Membres associés',
  lead: 'Chefs de file',
  partner: 'Partenaires',
  investor: 'Investisseurs',
  provider: 'Prestataires',
};

/** One member's role, for a graph's edge: "fondateur", "membre"... */
const ROLE_ONE_FR: Record<string, string> = FRENCH_LABELS.MEMBER_ROLES;

/** The site's name of a record's field, where a page names one (the disagreements between sources). */
export const FIELD_FR: Record<string, string> = {
  name: 'Nom',
  short_name: 'Sigle',
  aliases: 'Autres noms',
  kind: 'Nature',
  sector: 'Secteur',
  department: 'Département',
  city: 'Commune',
  founded: 'Création',
  dissolved: 'Dissolution',
  parent: 'Rattachement',
  website: 'Site',
  description: 'Description',
  funder: 'Financeur',
  launched: 'Lancement',
  identifiers: 'Identifiants',
  nature: 'Nature',
};

export const INSTRUMENT_FR: Record<(typeof INSTRUMENTS)[number], string> = {
  grant: 'subvention',
  dotation: 'dotation',
  equity: 'fonds propres',
  loan: 'prêt',
  other: 'autre',
  unspecified: 'non précisé',
};

export const STAGE_FR: Record<(typeof STAGES)[number], string> = {
  announced: 'annoncé',
  awarded: 'attribué',
  potential: 'potentiel',
  disbursed: 'versé',
};

// The site says "travaux" where the command line keeps the English id's sense ("construction").
export const EVENT_KIND_FR: Record<(typeof EVENT_KINDS)[number], string> = {
  ...FRENCH_LABELS.EVENT_KINDS,
  construction: 'travaux',
};

/** A label from one of the tables above, or the raw value when a new one has no French yet. */
export function label(table: Record<string, string>, value: string | undefined): string {
  return value === undefined ? '' : (table[value] ?? value);
}

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/**
 * An EDTF date for a French reader: 2019-05-02 is "2 mai 2019", 2019-05 "mai 2019"; an interval
 * "de ... à ..."; "vers" for an approximate one. Never more precise than the data.
 */
export function dateFr(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  if (text.includes('/')) {
    const [from, to] = text.split('/');
    if (!from || from === '..') return `jusqu'à ${dateFr(to)}`;
    if (!to || to === '..') return `depuis ${dateFr(from)}`;
    return `de ${dateFr(from)} à ${dateFr(to)}`;
  }
  const approximate = /[~%]$/.test(text);
  const uncertain = /[?%]$/.test(text);
  const bare = text.replace(/[~?%]$/, '');
  const parts = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(bare);
  let shown = bare;
  if (parts) {
    const [, year, month, day] = parts;
    const monthName = month ? MONTHS[Number(month) - 1] : undefined;
    if (day && monthName) shown = `${Number(day) === 1 ? '1er' : Number(day)} ${monthName} ${year}`;
    else if (monthName) shown = `${monthName} ${year}`;
    else shown = year!;
  }
  return `${approximate ? 'vers ' : ''}${shown}${uncertain ? ' (incertain)' : ''}`;
}

// Made once: toLocaleString builds a formatter at every call, seconds on 10,000 funding lines.
const WHOLE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const TWO_DIGITS = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** 10600000 EUR -> "10,6 M€"; other currencies by their code. */
function amountFr(amount: number, currency = 'EUR'): string {
  const unit = currency === 'EUR' ? '€' : ` ${currency}`;
  const format = (n: number, digits: number) =>
    (digits === 0 ? WHOLE : TWO_DIGITS).format(n).replace(/\u202f|\u00a0/g, '\u00a0');
  if (amount >= 1e9) return `${format(amount / 1e9, 2)}\u00a0Md${unit}`;
  if (amount >= 1e6) return `${format(amount / 1e6, 2)}\u00a0M${unit}`;
  return `${format(amount, 0)}\u00a0${unit.trim()}`;
}

/** A moment known only within a range (since: 2019-05/2020) is "une date entre ... et ...". */
export function whenFr(value: string | number): string {
  const [from, to] = String(value).split('/');
  return to === undefined ? dateFr(value) : `une date entre ${dateFr(from)} et ${dateFr(to)}`;
}

/** What an edge of a page's graph says, in French: the site's counterpart of render/graph-labels.ts. */
export function edgeLabelFr(edge: GraphEdge): string {
  switch (edge.relation) {
    case 'member': {
      const parts = [label(ROLE_ONE_FR, edge.role)];
      if (edge.since.length > 0) parts.push(`depuis ${edge.since.map(whenFr).join(' ou ')}`);
      if (edge.until.length > 0) parts.push(`jusqu'à ${edge.until.map(whenFr).join(' ou ')}`);
      return parts.join(', ');
    }
    case 'funding':
      return `${label(INSTRUMENT_FR, edge.instrument)}, ${moneyFr(moneyOf(edge))}, ${label(STAGE_FR, edge.stage)}`;
    case 'parent':
      return 'rattaché à';
    case 'funder':
      return 'finance';
  }
}

/** An amount as vague as its article, in French: "environ 10 M€", "au moins 5 M€", "20 à 30 M€". */
export function moneyFr(
  money: Pick<Money, 'qualifier' | 'amount' | 'amount_min' | 'amount_max' | 'approximate' | 'currency' | 'per'>,
): string {
  return `${qualifiedMoneyFr(money)}${money.per === undefined ? '' : ' par an'}`;
}

function qualifiedMoneyFr(
  money: Pick<Money, 'qualifier' | 'amount' | 'amount_min' | 'amount_max' | 'approximate' | 'currency'>,
): string {
  const at = (value: number | undefined) => amountFr(value ?? 0, money.currency);
  switch (money.qualifier) {
    case 'range':
      return `${money.approximate ? 'environ ' : ''}${at(money.amount_min)} à ${at(money.amount_max)}`;
    case 'at-least':
      return `au moins ${at(money.amount ?? money.amount_min)}`;
    case 'up-to':
      return `jusqu'à ${at(money.amount ?? money.amount_max)}`;
    case 'approximate':
      return `environ ${at(money.amount)}`;
    default:
      return at(money.amount);
  }
}

/** " (non reconductible, fonctionnement, de 2026 à 2027)": the terms of a line, when it has any. */
export function termsFr(terms: { recurrence?: string; purpose?: string; from?: string; until?: string }): string {
  const labels = FRENCH_LABELS as Record<string, Record<string, string>>;
  const period =
    terms.from !== undefined && terms.until !== undefined
      ? `de ${dateFr(terms.from)} à ${dateFr(terms.until)}`
      : terms.from !== undefined
        ? `depuis ${dateFr(terms.from)}`
        : terms.until !== undefined
          ? `jusqu'à ${dateFr(terms.until)}`
          : undefined;
  const parts = [
    terms.recurrence && (labels.RECURRENCES![terms.recurrence] ?? terms.recurrence),
    terms.purpose && (labels.PURPOSES![terms.purpose] ?? terms.purpose),
    period,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}
