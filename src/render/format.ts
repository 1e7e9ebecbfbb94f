import type { Labeller } from '../core/labels.js';
import { readText, type Language, type Text } from '../core/language.js';
import type { Money } from '../core/money.js';

/** Amounts and dates for people on a terminal; machine formats keep the raw values. */

export function formatAmount(amount: number, currency = 'EUR'): string {
  const symbol = currency === 'EUR' ? '€' : ` ${currency}`;
  const trim = (n: number) => String(Number(n.toFixed(n >= 100 ? 0 : n >= 10 ? 1 : 2)));
  if (amount >= 1e9) return `${trim(amount / 1e9)} Md${symbol}`;
  if (amount >= 1e6) return `${trim(amount / 1e6)} M${symbol}`;
  if (amount >= 1e4) return `${trim(amount / 1e3)} k${symbol}`;
  return `${amount} ${symbol.trim()}`;
}

/**
 * EDTF as a person reads it: "2012-12~" is "c. 2012-12", "2015?" is "2015?", an interval is
 * "between ... and ...", an open one "2019-11-15 or later".
 */
export function formatDate(edtf: string): string {
  // "~" approximate, "?" uncertain (kept as is: people read it), "%" both.
  const single = (part: string) => {
    if (part.endsWith('%')) return `c. ${part.slice(0, -1)}?`;
    if (part.endsWith('~')) return `c. ${part.slice(0, -1)}`;
    return part;
  };
  const slash = edtf.indexOf('/');
  if (slash === -1) return single(edtf);
  const from = edtf.slice(0, slash);
  const to = edtf.slice(slash + 1);
  if (to === '..' || to === '') return `${single(from)} or later`;
  if (from === '..' || from === '') return `by ${single(to)}`;
  return `between ${single(from)} and ${single(to)}`;
}

/**
 * An amount as vague as its article: "≈ 10 M€", "≥ 5 M€", "up to 2 M€", "20–30 M€" (one unit
 * when both bounds share it: "500 k€–2 M€" otherwise).
 */
export function formatMoney(money: Money, raw = false, language?: Language): string {
  return `${qualifiedAmount(money, raw)}${perSuffix(money, language)}`;
}

/** " per year" (" / an" in French) after an amount or a figure given per year. */
function perSuffix(value: Pick<Money, 'per'>, language?: Language): string {
  if (value.per === undefined) return '';
  return language === 'fr' ? ' / an' : ' per year';
}

function qualifiedAmount(money: Money, raw: boolean): string {
  const approx = money.approximate ? '≈ ' : '';
  const amount = (value: number | undefined) => (raw ? String(value ?? 0) : formatAmount(value ?? 0, money.currency));
  switch (money.qualifier) {
    case 'exact':
      return amount(money.amount);
    case 'approximate':
      return `≈ ${amount(money.amount)}`;
    case 'at-least':
      return `≥ ${approx}${amount(money.amount)}`;
    case 'up-to':
      return `up to ${approx}${amount(money.amount)}`;
    case 'range':
      return raw
        ? `${approx}${money.amount_min ?? 0}–${money.amount_max ?? 0}`
        : `${approx}${formatRange(money.amount_min ?? 0, money.amount_max ?? 0, money.currency)}`;
  }
}

/** "20–30 M€": the unit once when both bounds share it. */
function formatRange(min: number, max: number, currency = 'EUR'): string {
  const low = formatAmount(min, currency);
  const high = formatAmount(max, currency);
  const unit = (text: string) => text.slice(text.indexOf(' '));
  return unit(low) === unit(high) ? `${low.slice(0, low.indexOf(' '))}–${high}` : `${low}–${high}`;
}

/** What each of several unnamed recipients receives: "200 k€–2 M€", "≥ 200 k€", "up to 2 M€". */
export function formatPerRecipient(min: number | undefined, max: number | undefined, currency = 'EUR'): string {
  if (min !== undefined && max !== undefined) return formatRange(min, max, currency);
  return min !== undefined ? `≥ ${formatAmount(min, currency)}` : `up to ${formatAmount(max ?? 0, currency)}`;
}

/**
 * A figure as vague as its article: "≈ 68,000", "≥ 120", "up to 40", "20–30", with " per year"
 * when it is given per year ("≈ 68 000", "/ an" in French). In a pipe (raw) the digits are not
 * grouped.
 */
export function formatFigure(value: Money, raw = false, language?: Language): string {
  const grouped = (n: number) => {
    const english = n.toLocaleString('en-US');
    // "68 000", "4,5" for French readers.
    return language === 'fr' ? english.replace(/[,.]/g, (mark) => (mark === ',' ? ' ' : ',')) : english;
  };
  const number = (n: number | undefined) => (raw ? String(n ?? 0) : grouped(n ?? 0));
  const approx = value.approximate ? '≈ ' : '';
  const text = (() => {
    switch (value.qualifier) {
      case 'exact':
        return number(value.amount);
      case 'approximate':
        return `≈ ${number(value.amount)}`;
      case 'at-least':
        return `≥ ${approx}${number(value.amount)}`;
      case 'up-to':
        return `up to ${approx}${number(value.amount)}`;
      case 'range':
        return `${approx}${number(value.amount_min)}–${number(value.amount_max)}`;
    }
  })();
  return `${text}${perSuffix(value, language)}`;
}

/** What kind of public money a line is, besides its amount. */
export interface MoneyTerms {
  recurrence?: string;
  purpose?: string;
  from?: string;
  until?: string;
}

/**
 * "non-renewable, operating, 2024 to 2026": the terms of a line after its amount, in brackets
 * (empty when it has none). The labeller turns the values into French with --lang fr.
 */
export function formatTerms(terms: MoneyTerms, label: Labeller = (_list, value) => value): string {
  const period =
    terms.from !== undefined && terms.until !== undefined
      ? `${formatDate(terms.from)} to ${formatDate(terms.until)}`
      : terms.from !== undefined
        ? `from ${formatDate(terms.from)}`
        : terms.until !== undefined
          ? `until ${formatDate(terms.until)}`
          : undefined;
  const parts = [
    terms.recurrence && label('RECURRENCES', terms.recurrence),
    terms.purpose && label('PURPOSES', terms.purpose),
    period,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/**
 * Our own words for a terminal, in the reader's language; a text that language lacks is shown in
 * the one it has, marked "(fr) ..." so that nobody takes it for a translation.
 */
export function terminalText(value: Text, reader: Language | undefined, base: Language): string {
  const read = readText(value, reader, base);
  return read.fallback ? `(${read.language}) ${read.text}` : read.text;
}
