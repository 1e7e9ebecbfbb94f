/**
 * Format and check-digit rules of the French identifiers a record may carry. Each returns why the
 * value is wrong, or undefined when it is right.
 */

/** Luhn sum over decimal digits: SIREN, SIRET and FINESS all end with a Luhn key. */
export function luhnValid(digits: string): boolean {
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

export function sirenProblem(value: string): string | undefined {
  if (!/^\d{9}$/.test(value)) return `SIREN "${value}" must be 9 digits`;
  if (!luhnValid(value)) return `SIREN "${value}" has a wrong check digit`;
  return undefined;
}

export function siretProblem(value: string): string | undefined {
  if (!/^\d{14}$/.test(value)) return `SIRET "${value}" must be 14 digits`;
  if (value.startsWith(LA_POSTE_SIREN) && value !== '35600000000048') {
    const sum = [...value].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0 ? undefined : `SIRET "${value}" has a wrong check digit`;
  }
  if (!luhnValid(value)) return `SIRET "${value}" has a wrong check digit`;
  return undefined;
}

/**
 * FINESS numbers are 9 characters: the department (2 digits, or 2A/2B in Corsica), 6 digits, and a
 * Luhn key over the first 8. Corsican numbers carry a letter, which the Luhn sum cannot weigh, so
 * only their format is checked.
 */
export function finessProblem(value: string): string | undefined {
  if (!/^(\d{2}|2[AB])\d{7}$/.test(value)) return `FINESS "${value}" must be 9 characters: a department code then digits`;
  if (/^\d{9}$/.test(value) && !luhnValid(value)) return `FINESS "${value}" has a wrong check digit`;
  return undefined;
}

/** RNA (répertoire national des associations): W and 9 characters, digits after the department. */
export function rnaProblem(value: string): string | undefined {
  if (!/^W[0-9][0-9AB]\d{7}$/.test(value)) return `RNA "${value}" must be W followed by 9 characters (e.g. W751234567)`;
  return undefined;
}

export function wikidataProblem(value: string): string | undefined {
  if (!/^Q[1-9]\d*$/.test(value)) return `Wikidata id "${value}" must be Q followed by digits (e.g. Q90)`;
  return undefined;
}
