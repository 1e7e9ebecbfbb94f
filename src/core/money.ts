import type { AMOUNT_QUALIFIERS, PERIODS } from './enums.js';

/**
 * Amounts as vague as the article: "environ 10 M€", "plus de 5 M€", "jusqu'à 2 M€", "entre 20 et
 * 30 M€". A sum never turns a vague amount into an exact one: the qualifier of a total says what
 * its lines allow (an "at least" line makes the whole total "at least", a range makes it a range).
 * Pure and without zod: queries and renderers use it on the warm path.
 */

export type AmountQualifier = (typeof AMOUNT_QUALIFIERS)[number];
export type Period = (typeof PERIODS)[number];

/** The money fields of a funding line or a budget line, as written in the data. */
export interface MoneyClaim {
  amount?: number;
  amount_min?: number;
  amount_max?: number;
  approximate?: boolean;
  at_least?: boolean;
  upper_bound?: boolean;
  currency: string;
  /** "par an": an amount for each year, never added into one-off amounts. */
  per?: Period;
  recurrence?: string;
}

/**
 * An amount with what is known of it. `amount` is the figure the qualifier applies to (absent for
 * a range); `amount_min`/`amount_max` the bounds, where known (none above an "at least").
 */
export interface Money {
  qualifier: AmountQualifier;
  amount?: number;
  amount_min?: number;
  amount_max?: number;
  /** Some part of it is approximate ("environ"): a range or a total of them reads "≈". */
  approximate: boolean;
  currency: string;
  /** An amount each year: shown "per year", totalled apart from one-off amounts. */
  per?: Period;
}

export function moneyOf(claim: MoneyClaim): Money {
  const money = qualifiedMoney(claim);
  return claim.per === undefined ? money : { ...money, per: claim.per };
}

function qualifiedMoney(claim: MoneyClaim): Money {
  const approximate = claim.approximate === true;
  const currency = claim.currency;
  if (claim.amount === undefined) {
    const min = claim.amount_min ?? 0;
    const max = claim.amount_max ?? min;
    return { qualifier: 'range', amount_min: min, amount_max: max, approximate, currency };
  }
  const amount = claim.amount;
  if (claim.at_least) return { qualifier: 'at-least', amount, amount_min: amount, approximate, currency };
  if (claim.upper_bound) return { qualifier: 'up-to', amount, amount_max: amount, approximate, currency };
  return {
    qualifier: approximate ? 'approximate' : 'exact',
    amount,
    amount_min: amount,
    amount_max: amount,
    approximate,
    currency,
  };
}

/**
 * The sum of amounts of one currency. Low and high bounds add up separately (an "up to" amount
 * adds nothing to the low bound, an "at least" one removes the high bound); the qualifier then
 * says the least precise thing any line says.
 */
export function sumMoney(parts: readonly Money[], currency: string): Money {
  let low = 0;
  let high: number | undefined = 0;
  let approximate = false;
  let upTo = false;
  for (const part of parts) {
    approximate ||= part.approximate;
    if (part.qualifier === 'up-to') upTo = true;
    low += part.qualifier === 'up-to' ? 0 : (part.amount_min ?? 0);
    high = high === undefined || part.amount_max === undefined ? undefined : high + part.amount_max;
  }
  if (high === undefined) return { qualifier: 'at-least', amount: low, amount_min: low, approximate, currency };
  if (upTo) return { qualifier: 'up-to', amount: high, amount_max: high, approximate, currency };
  if (low !== high) return { qualifier: 'range', amount_min: low, amount_max: high, approximate, currency };
  return {
    qualifier: approximate ? 'approximate' : 'exact',
    amount: low,
    amount_min: low,
    amount_max: low,
    approximate,
    currency,
  };
}

/**
 * What is wrong with the money fields of a line, if anything: exactly one of an amount or a
 * range, a range in order, one qualifier at most, and none on a range (it already bounds).
 */
export type MoneyProblem =
  | { problem: 'amount-and-range' }
  | { problem: 'no-amount' }
  | { problem: 'half-range'; missing: string }
  | { problem: 'range-order'; min: number; max: number; field: string }
  | { problem: 'qualifiers'; fields: string[] }
  | { problem: 'qualified-range'; field: string }
  | { problem: 'one-off-per-year' };

export interface MoneyProblemAt {
  /** The field the diagnostic points at. */
  field: string;
  params: MoneyProblem;
}

export function moneyProblem(claim: Omit<MoneyClaim, 'currency'>): MoneyProblemAt | undefined {
  const hasRange = claim.amount_min !== undefined || claim.amount_max !== undefined;
  if (claim.amount !== undefined && hasRange)
    return {
      field: claim.amount_min !== undefined ? 'amount_min' : 'amount_max',
      params: { problem: 'amount-and-range' },
    };
  if (claim.amount === undefined && !hasRange) return { field: '', params: { problem: 'no-amount' } };
  if (hasRange && claim.amount_min === undefined)
    return { field: 'amount_max', params: { problem: 'half-range', missing: 'amount_min' } };
  if (hasRange && claim.amount_max === undefined)
    return { field: 'amount_min', params: { problem: 'half-range', missing: 'amount_max' } };
  if (hasRange && claim.amount_min! >= claim.amount_max!)
    return {
      field: 'amount_max',
      params: { problem: 'range-order', min: claim.amount_min!, max: claim.amount_max!, field: 'amount' },
    };
  const qualifiers = (['at_least', 'upper_bound'] as const).filter((key) => claim[key] === true);
  if (hasRange && qualifiers.length > 0)
    return { field: qualifiers[0]!, params: { problem: 'qualified-range', field: qualifiers[0]! } };
  if (qualifiers.length > 1) return { field: qualifiers[1]!, params: { problem: 'qualifiers', fields: qualifiers } };
  if (claim.per !== undefined && claim.recurrence === 'one-off')
    return { field: 'recurrence', params: { problem: 'one-off-per-year' } };
  return undefined;
}

/** A figure's value, as vague as its article: the fields of an amount under the names of a figure. */
interface FigureClaim {
  value?: number;
  value_min?: number;
  value_max?: number;
  approximate?: boolean;
  at_least?: boolean;
  upper_bound?: boolean;
  per?: Period;
}

const asAmount = (figure: FigureClaim): MoneyClaim => ({
  ...(figure.value !== undefined ? { amount: figure.value } : {}),
  ...(figure.value_min !== undefined ? { amount_min: figure.value_min } : {}),
  ...(figure.value_max !== undefined ? { amount_max: figure.value_max } : {}),
  ...(figure.approximate !== undefined ? { approximate: figure.approximate } : {}),
  ...(figure.at_least !== undefined ? { at_least: figure.at_least } : {}),
  ...(figure.upper_bound !== undefined ? { upper_bound: figure.upper_bound } : {}),
  ...(figure.per !== undefined ? { per: figure.per } : {}),
  currency: '',
});

/** A figure as a Money without a currency: the same qualifiers, bounds and period. */
export function figureValue(figure: FigureClaim): Money {
  return moneyOf(asAmount(figure));
}

/** The figure's wrong mix of value, range and qualifiers, named with the figure's fields. */
export function figureProblem(figure: FigureClaim): MoneyProblemAt | undefined {
  const found = moneyProblem(asAmount(figure));
  if (found === undefined) return undefined;
  const rename = (field: string) => field.replace(/^amount/, 'value');
  const params = found.params;
  return {
    field: rename(found.field),
    params:
      params.problem === 'half-range'
        ? { ...params, missing: rename(params.missing) }
        : params.problem === 'range-order'
          ? { ...params, field: 'value' }
          : params,
  };
}
