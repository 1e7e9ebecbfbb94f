import { RULE_CATALOGUE } from './rules.js';

/**
 * Format and check-digit rules of the French identifiers a record may carry. Each *Issue returns
 * what is wrong with the value, or undefined when it is right; each *Problem says it in the words
 * of the bad-identifier rule (rules.ts).
 */

export type IdentifierProblem =
  | { scheme: string; value: string; problem: 'format'; expected: string }
  | { scheme: string; value: string; problem: 'check-digit' };

const format = (scheme: string, value: string, expected: string): IdentifierProblem => ({
  scheme,
  value,
  problem: 'format',
  expected,
});
const checkDigit = (scheme: string, value: string): IdentifierProblem => ({ scheme, value, problem: 'check-digit' });

/** Luhn sum over decimal digits: SIREN, SIRET and FINESS all end with a Luhn key. */
function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

// La Poste's establishments share SIREN 356000000; their SIRETs use a digit sum divisible by 5.
const LA_POSTE_SIREN = '356000000';

export function sirenIssue(value: string): IdentifierProblem | undefined {
  if (!/^\d{9}$/.test(value)) return format('SIREN', value, '9 digits');
  if (!luhnValid(value)) return checkDigit('SIREN', value);
  return undefined;
}

export function siretIssue(value: string): IdentifierProblem | undefined {
  if (!/^\d{14}$/.test(value)) return format('SIRET', value, '14 digits');
  if (value.startsWith(LA_POSTE_SIREN) && value !== '35600000000048') {
    const sum = [...value].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0 ? undefined : checkDigit('SIRET', value);
  }
  if (!luhnValid(value)) return checkDigit('SIRET', value);
  return undefined;
}

/**
 * FINESS numbers are 9 characters: the department (2 digits, or 2A/2B in Corsica), 6 digits, and a
 * Luhn key over the first 8. Corsican numbers carry a letter, which the Luhn sum cannot weigh, so
 * only their format is checked.
 */
export function finessIssue(value: string): IdentifierProblem | undefined {
  if (!/^(\d{2}|2[AB])\d{7}$/.test(value))
    return format('FINESS', value, '9 characters: a department code then digits');
  if (/^\d{9}$/.test(value) && !luhnValid(value)) return checkDigit('FINESS', value);
  return undefined;
}

/** RNA (répertoire national des associations): W and 9 characters, digits after the department. */
export function rnaIssue(value: string): IdentifierProblem | undefined {
  if (!/^W[0-9][0-9AB]\d{7}$/.test(value)) return format('RNA', value, 'W followed by 9 characters (e.g. W751234567)');
  return undefined;
}

export function wikidataIssue(value: string): IdentifierProblem | undefined {
  if (!/^Q[1-9]\d*$/.test(value)) return format('Wikidata id', value, 'Q followed by digits (e.g. Q90)');
  return undefined;
}

const inWords =
  (issue: (value: string) => IdentifierProblem | undefined) =>
  (value: string): string | undefined => {
    const found = issue(value);
    return found && RULE_CATALOGUE['bad-identifier'].message(found);
  };

export const sirenProblem = inWords(sirenIssue);
export const siretProblem = inWords(siretIssue);
export const finessProblem = inWords(finessIssue);
export const rnaProblem = inWords(rnaIssue);
export const wikidataProblem = inWords(wikidataIssue);
