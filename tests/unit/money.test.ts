import { describe, expect, it } from 'vitest';
import { figureProblem, figureValue, moneyOf, moneyProblem, sumMoney } from '../../src/core/money.js';
import { formatFigure, formatMoney, formatPerRecipient, formatTerms } from '../../src/render/format.js';
import { frenchLabel } from '../../src/core/labels.js';

const EUR = 'EUR';
const sum = (...claims: Array<Parameters<typeof moneyOf>[0]>) => sumMoney(claims.map(moneyOf), EUR);

describe('money as vague as its article', () => {
  it('reads each claim with its qualifier and bounds', () => {
    expect(moneyOf({ amount: 3, currency: EUR })).toEqual({
      qualifier: 'exact',
      amount: 3,
      amount_min: 3,
      amount_max: 3,
      approximate: false,
      currency: EUR,
    });
    expect(moneyOf({ amount: 5, at_least: true, currency: EUR })).toEqual({
      qualifier: 'at-least',
      amount: 5,
      amount_min: 5,
      approximate: false,
      currency: EUR,
    });
    expect(moneyOf({ amount_min: 2, amount_max: 4, approximate: true, currency: EUR })).toEqual({
      qualifier: 'range',
      amount_min: 2,
      amount_max: 4,
      approximate: true,
      currency: EUR,
    });
  });

  it('never sums a vague amount into an exact one', () => {
    expect(sum({ amount: 3_000_000, currency: EUR }, { amount: 2_000_000, currency: EUR })).toMatchObject({
      qualifier: 'exact',
      amount: 5_000_000,
    });
    expect(sum({ amount: 3, currency: EUR }, { amount: 10, approximate: true, currency: EUR })).toMatchObject({
      qualifier: 'approximate',
      amount: 13,
    });
    expect(sum({ amount: 3, currency: EUR }, { amount_min: 20, amount_max: 30, currency: EUR })).toEqual({
      qualifier: 'range',
      amount_min: 23,
      amount_max: 33,
      approximate: false,
      currency: EUR,
    });
    // "More than 5" leaves no top: the whole total is "at least".
    expect(
      sum({ amount_min: 20, amount_max: 30, currency: EUR }, { amount: 5, at_least: true, currency: EUR }),
    ).toEqual({ qualifier: 'at-least', amount: 25, amount_min: 25, approximate: false, currency: EUR });
    // "Up to 7" adds nothing certain: the total is "up to" the sum of the tops.
    expect(sum({ amount: 3, currency: EUR }, { amount: 7, upper_bound: true, currency: EUR })).toEqual({
      qualifier: 'up-to',
      amount: 10,
      amount_max: 10,
      approximate: false,
      currency: EUR,
    });
  });

  it('formats each for people', () => {
    expect(formatMoney(moneyOf({ amount: 10_000_000, approximate: true, currency: EUR }))).toBe('≈ 10 M€');
    expect(formatMoney(moneyOf({ amount: 5_000_000, at_least: true, currency: EUR }))).toBe('≥ 5 M€');
    expect(formatMoney(moneyOf({ amount: 7_000_000, upper_bound: true, currency: EUR }))).toBe('up to 7 M€');
    expect(formatMoney(moneyOf({ amount_min: 20_000_000, amount_max: 30_000_000, currency: EUR }))).toBe('20–30 M€');
    expect(formatMoney(moneyOf({ amount_min: 500_000, amount_max: 2_000_000, currency: EUR }))).toBe('500 k€–2 M€');
    expect(formatMoney(moneyOf({ amount_min: 20_000_000, amount_max: 30_000_000, currency: EUR }), true)).toBe(
      '20000000–30000000',
    );
    expect(formatPerRecipient(200_000, undefined)).toBe('≥ 200 k€');
  });

  it('says what is wrong with the fields, and where', () => {
    expect(moneyProblem({ amount: 1 })).toBeUndefined();
    expect(moneyProblem({ amount_min: 1, amount_max: 2, approximate: true })).toBeUndefined();
    expect(moneyProblem({})).toEqual({ field: '', params: { problem: 'no-amount' } });
    expect(moneyProblem({ amount: 1, amount_max: 2 })).toEqual({
      field: 'amount_max',
      params: { problem: 'amount-and-range' },
    });
    expect(moneyProblem({ amount_min: 2, amount_max: 2 })).toEqual({
      field: 'amount_max',
      params: { problem: 'range-order', min: 2, max: 2, field: 'amount' },
    });
    expect(moneyProblem({ amount_min: 1, amount_max: 2, upper_bound: true })).toEqual({
      field: 'upper_bound',
      params: { problem: 'qualified-range', field: 'upper_bound' },
    });
  });
});

describe('money per year, and figures as vague as their article', () => {
  it('says "per year" after an amount given per year, "/ an" in French', () => {
    const dotation = moneyOf({ amount: 450000, per: 'year', currency: EUR });
    expect(formatMoney(dotation)).toBe('450 k€ per year');
    expect(formatMoney(dotation, false, 'fr')).toBe('450 k€ / an');
    expect(formatMoney(dotation, true)).toBe('450000 per year');
    expect(formatMoney(moneyOf({ amount: 450000, currency: EUR }))).toBe('450 k€');
  });

  it('puts the terms of a line in brackets, in French with its labeller', () => {
    const terms = { recurrence: 'non-renewable', purpose: 'operating', from: '2026', until: '2027' };
    expect(formatTerms(terms)).toBe(' (non-renewable, operating, 2026 to 2027)');
    expect(formatTerms({ ...terms, from: undefined }, frenchLabel)).toBe(
      ' (non reconductible, fonctionnement, until 2027)',
    );
    expect(formatTerms({})).toBe('');
  });

  it('formats a figure with its hedge: ≈, ≥, up to, a range, per year', () => {
    const shown = (figure: Parameters<typeof figureValue>[0], language?: 'fr') =>
      formatFigure(figureValue(figure), false, language);
    expect(shown({ value: 68000, approximate: true })).toBe('≈ 68,000');
    expect(shown({ value: 68000, approximate: true }, 'fr')).toBe('≈ 68 000');
    expect(shown({ value: 4.5 }, 'fr')).toBe('4,5');
    expect(shown({ value: 120, at_least: true })).toBe('≥ 120');
    expect(shown({ value: 40, upper_bound: true })).toBe('up to 40');
    expect(shown({ value_min: 20, value_max: 30 })).toBe('20–30');
    expect(shown({ value: 1200, per: 'year' })).toBe('1,200 per year');
    expect(shown({ value: 1200, per: 'year' }, 'fr')).toBe('1 200 / an');
    expect(formatFigure(figureValue({ value: 68000, approximate: true }), true)).toBe('≈ 68000');
  });

  it("names a figure's wrong mix with the figure's own fields", () => {
    expect(figureProblem({ value: 120, at_least: true })).toBeUndefined();
    expect(figureProblem({ value: 1, value_max: 3 })).toEqual({
      field: 'value_max',
      params: { problem: 'amount-and-range' },
    });
    expect(figureProblem({ value_max: 3 })).toEqual({
      field: 'value_max',
      params: { problem: 'half-range', missing: 'value_min' },
    });
    expect(figureProblem({ value_min: 3, value_max: 2 })).toEqual({
      field: 'value_max',
      params: { problem: 'range-order', min: 3, max: 2, field: 'value' },
    });
    expect(moneyProblem({ amount: 1, per: 'year', recurrence: 'one-off' })).toEqual({
      field: 'recurrence',
      params: { problem: 'one-off-per-year' },
    });
    expect(moneyProblem({ amount: 1, per: 'year', recurrence: 'recurring' })).toBeUndefined();
  });
});
