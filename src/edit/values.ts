import { UsageError } from '../errors.js';
import { ID_PATTERN, slugify } from '../core/text.js';
import type { ItemValue } from './yaml-edit.js';

/**
 * What `coop add` makes of the values typed on the command line: amounts as people write them,
 * numbers, ids, and the order the data model gives to fields. Pure.
 */

/** Kebab-case ASCII, as in core/schema.ts (not imported from there: that would load zod). */

// The fields of each record in the data model's order (core/schema.ts; a test keeps them equal):
// a missing list is created at its place, a new item's fields come in this order.
export const ORGANISATION_FIELDS = [
  'id',
  'name',
  'short_name',
  'aliases',
  'kind',
  'sector',
  'field',
  'legal_form',
  'gcs_type',
  'law',
  'qualifications',
  'labels',
  'parent',
  'owners',
  'former_names',
  'successor',
  'milestones',
  'region',
  'department',
  'city',
  'departments',
  'communes',
  'epci',
  'population',
  'sites',
  'founded',
  'dissolved',
  'identifiers',
  'website',
  'description',
  'activities',
  'shared_resources',
  'figures',
  'members',
  'members_complete',
  'authorisations',
  'note',
  'sources',
  'field_sources',
  'disputed',
] as const;
export const PROGRAMME_FIELDS = [
  'id',
  'name',
  'short_name',
  'aliases',
  'nature',
  'parent',
  'funder',
  'launched',
  'opens',
  'closes',
  'budget',
  'figures',
  'description',
  'note',
  'sources',
  'field_sources',
  'disputed',
] as const;
export const MEMBER_FIELDS = ['org', 'role', 'status', 'since', 'until', 'end_reason', 'note', 'source'] as const;
export const PERSON_FIELDS = ['id', 'name', 'aliases', 'roles', 'note', 'sources'] as const;
export const ROLE_FIELDS = ['role', 'org', 'since', 'until', 'note', 'source'] as const;
export const OWNER_FIELDS = ['org', 'share', 'since', 'until', 'note', 'source'] as const;
export const FORMER_NAME_FIELDS = ['name', 'since', 'until', 'source'] as const;
export const MILESTONE_FIELDS = ['kind', 'date', 'by', 'act', 'note', 'source'] as const;
export const FIGURE_FIELDS = [
  'metric',
  'value',
  'value_min',
  'value_max',
  'upper_bound',
  'approximate',
  'at_least',
  'per',
  'unit',
  'as_of',
  'note',
  'source',
] as const;
export const FUNDING_FIELDS = [
  'id',
  'programme',
  'recipient',
  'recipients_count',
  'per_recipient_min',
  'per_recipient_max',
  'funder',
  'instrument',
  'amount',
  'amount_min',
  'amount_max',
  'currency',
  'stage',
  'upper_bound',
  'approximate',
  'at_least',
  'recurrence',
  'purpose',
  'per',
  'from',
  'until',
  'date',
  'note',
  'source',
] as const;
export const EVENT_FIELDS = [
  'id',
  'date',
  'kind',
  'status',
  'title',
  'orgs',
  'participants',
  'programme',
  'place',
  'description',
  'source',
  'sources',
] as const;

/** Dates are written in double quotes (YAML would read `2019` as a number), as in the bundled data. */
export const DATE_FIELDS = ['since', 'until', 'from', 'as_of', 'date'] as const;

/** The fields given, in `order`, without the undefined ones. */
export function orderedItem<T extends Record<string, unknown>>(
  fields: T,
  order: readonly string[],
): Record<string, ItemValue> {
  const item: Record<string, ItemValue> = {};
  for (const field of order) {
    const value = fields[field];
    if (value !== undefined) item[field] = value as ItemValue;
  }
  return item;
}

// Multipliers people write after an amount: 450 k€, 1,5 M€, 2 Md€ (milliards), 1.2bn.
const MULTIPLIERS: Array<[RegExp, number]> = [
  [/^(k|K)$/, 3],
  [/^(m|M|millions?)$/, 6],
  [/^(Md|Mds|Mrd|Mrds|G|bn|B|milliards?)$/, 9],
];
const GROUPING = /[\s_\u00a0\u202f']/g;

/**
 * An amount as people write it, to a whole number of currency units:
 * `1500000`, `1 500 000`, `1_500_000`, `1,500,000`, `1.500.000`, `1.5M`, `1,5 M€`, `450k`, `2 Md€`.
 * Without a multiplier, `,` and `.` can only group thousands (an amount is whole); with one, either
 * is the decimal mark. A trailing `€` or `EUR` is allowed.
 */
export function parseAmount(input: string, option = '--amount'): number {
  const problem = (why: string, hint?: string) =>
    new UsageError(`${option} "${input}" ${why}`, hint ?? 'write it as 1500000, 1 500 000, 1.5M or 1,5 M€');
  let text = input.trim().replace(/\s*(€|EUR|euros?)$/i, '');
  let exponent = 0;
  const suffix = /^(.*?\d)\s*([A-Za-z]+)$/.exec(text);
  if (suffix) {
    const found = MULTIPLIERS.find(([pattern]) => pattern.test(suffix[2]!));
    if (!found)
      throw problem(`has an unknown multiplier "${suffix[2]}"`, 'use k (thousand), M (million) or Md (milliard)');
    exponent = found[1];
    text = suffix[1]!;
  }
  text = text.replace(GROUPING, '');
  let digits: string;
  let decimals = '';
  if (/^\d+$/.test(text)) {
    digits = text;
  } else if (/^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(text) && (exponent === 0 || /^\d{1,3}([.,])\d{3}\1/.test(text))) {
    // 1,500,000 or 1.500.000: thousands (with a multiplier, only when there are several groups).
    digits = text.replace(/[.,]/g, '');
  } else if (exponent > 0 && /^\d+[.,]\d+$/.test(text)) {
    [digits, decimals] = text.split(/[.,]/) as [string, string];
  } else if (/^-/.test(input.trim())) {
    throw problem('is negative', 'amounts are what was given: a whole, non-negative number');
  } else {
    throw problem(
      /^\d+[.,]\d+$/.test(text) ? 'is not a whole number of currency units' : 'is not an amount',
      /^\d+[.,]\d+$/.test(text) ? `did you mean ${text}M?` : undefined,
    );
  }
  if (decimals.length > exponent) {
    if (/[1-9]/.test(decimals.slice(exponent))) throw problem('is not a whole number of currency units');
    decimals = decimals.slice(0, exponent);
  }
  const whole = BigInt(digits + decimals.padEnd(exponent, '0'));
  if (whole > BigInt(Number.MAX_SAFE_INTEGER)) throw problem('is too large');
  return Number(whole);
}

/**
 * A figure's value: `1200`, `1 200`, `4.5`, `4,5`, `-3`, or an amount as --amount takes it (`1.7M`,
 * `"1,7 M€"`). A comma before exactly three digits is refused as ambiguous (`2,047`: two thousand
 * and forty-seven, or two point zero four seven?).
 */
export function parseFigureValue(input: string, option = '--value'): number {
  // With a multiplier or a currency, it is money: read as an amount.
  if (/\d\s*([A-Za-z]+|€)$/.test(input.trim())) return parseAmount(input, option);
  const text = input.trim().replace(GROUPING, '');
  const problem = (why: string, hint: string) => new UsageError(`${option} "${input}" ${why}`, hint);
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^-?\d+,\d+$/.test(text)) {
    if (/,\d{3}$/.test(text))
      throw problem(
        'is ambiguous',
        `write ${text.replace(',', '')} for thousands, or ${text.replace(',', '.')} with a decimal point`,
      );
    return Number(text.replace(',', '.'));
  }
  throw problem('is not a number', 'write it as 1200, 1 200 or 4.5');
}

/** Free text given on the command line: trimmed, never empty. */
export function nonEmpty(value: string, what: string, hint = 'give it as the article says it'): string {
  const text = value.trim();
  if (text === '') throw new UsageError(`${what} is empty`, hint);
  return text;
}

/** An id typed with --id, or a metric: kebab-case, else a usage error suggesting the slug. */
export function checkId(value: string, option: string): string {
  if (ID_PATTERN.test(value)) return value;
  const slug = slugify(value);
  throw new UsageError(
    `${option} "${value}" is not a valid id: lower-case ASCII letters, digits and single hyphens`,
    slug ? `did you mean "${slug}"?` : undefined,
  );
}

/** `base`, or `base-2`, `base-3`... : the first that `taken` does not hold. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

/** A name for an id from free text: the first words of a title, slugged. */
export function slugOfWords(text: string, words = 6): string {
  return slugify(text).split('-').filter(Boolean).slice(0, words).join('-');
}

/** A file name in a data folder: `name` (.yaml is added), `name.yaml` or `name.yml`, nothing with a slash. */
export function checkFileName(value: string): string {
  const extension = /\.ya?ml$/i.exec(value)?.[0].toLowerCase() ?? '.yaml';
  const name = value.replace(/\.ya?ml$/i, '');
  if (!ID_PATTERN.test(name))
    throw new UsageError(
      `--file "${value}" is not a file name of the data folder`,
      'give a kebab-case name, such as "alliance-ouest-parisien" (.yaml is added)',
    );
  return `${name}${extension}`;
}
