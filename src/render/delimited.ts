import { safeLine, safeText } from './sanitize.js';

/** Tab-separated values: one header line, one record a line, no quoting; tabs and newlines in values escaped. */
export function renderTsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(safeLine).join('\t')).join('\n') + '\n';
}

/**
 * What a spreadsheet would run as a formula: a cell starting with =, +, -, @, a tab or a carriage
 * return (OWASP, "CSV Injection"). A plain number (-12, +3.5) is no formula and stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

interface CsvOptions {
  /** Cells exactly as in the data, formulas included (--csv-raw): for programs, not spreadsheets. */
  raw?: boolean;
}

/**
 * RFC 4180 CSV. Newlines and tabs stay (quoted), so multi-line text reads back whole; other control
 * characters are escaped like everywhere else. A cell a spreadsheet would take for a formula gets a
 * leading ' (OWASP's advice), unless `raw`.
 */
export function renderCsv(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  options: CsvOptions = {},
): string {
  const cell = (value: string) => {
    let safe = safeText(value);
    if (!options.raw && FORMULA_START.test(safe) && !PLAIN_NUMBER.test(safe)) safe = `'${safe}`;
    return /[",\n\r]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
