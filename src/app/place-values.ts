import { findCommuneCodes, findDepartment } from '../core/geography.js';
import { UsageError } from '../errors.js';

/**
 * Places typed on the command line, as the data files hold them: a department code with its
 * leading zero ("1" is "01", "2a" is "2A"), a commune by its INSEE code or by its name when the
 * name is one commune's, an EPCI's SIREN without its spaces. What still does not exist is left
 * for the base check, which reports it at its line with the closest codes.
 */

export function departmentValue(input: string): string {
  const text = input.trim().toUpperCase();
  return /^\d$/.test(text) ? `0${text}` : text;
}

/** An INSEE code as typed; else the code of the one commune of that name (in `department` if given). */
export function communeValue(input: string, label: string, department?: string): string {
  const text = input.trim();
  if (/^[\dAB]+$/i.test(text)) return text.toUpperCase();
  const everywhere = findCommuneCodes(text);
  const inDepartment = department === undefined ? [] : everywhere.filter((c) => c.department === department);
  const found = inDepartment.length > 0 ? inDepartment : everywhere;
  if (found.length === 1) return found[0]!.code;
  if (found.length === 0)
    throw new UsageError(
      `${label} "${text}" is no French commune`,
      'give its INSEE code (code officiel géographique, not the postal code), or its official name',
    );
  throw new UsageError(
    `${label} "${text}" is the name of ${found.length} communes: ${found
      .map((c) => `${c.code} (${findDepartment(c.department)?.name ?? c.department})`)
      .join(', ')}`,
    'give the INSEE code of the one you mean',
  );
}

export function epciValue(input: string): string {
  return input.replace(/\s/g, '');
}
