import { safeLine, safeText } from './sanitize.js';

/** Tab-separated values: one header line, one record a line, no quoting; tabs and newlines in values escaped. */
export function renderTsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [header, ...rows].map((row) => row.map(safeLine).join('\t')).join('\n') + '\n';
}

/**
 * RFC 4180 CSV. Newlines and tabs stay (quoted), so multi-line text reads back whole; other control
 * characters are escaped like everywhere else.
 */
export function renderCsv(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const cell = (value: string) => {
    const safe = safeText(value);
    return /[",\n\r]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
