import { safeLine } from './sanitize.js';

/** Tab-separated values: one header line, one record a line, no quoting; tabs and newlines in values escaped. */
export function renderTsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(safeLine).join('\t')).join('\n') + '\n';
}

/** RFC 4180 CSV. Control characters are escaped like everywhere else; quoting handles the rest. */
export function renderCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (value: string) => {
    const safe = safeLine(value);
    return /[",\n\r]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
