import type { Counts, Stats } from '../core/stats.js';
import { formatMoney } from './format.js';
import { safeLine } from './sanitize.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';

interface StatsTableOptions {
  width: number;
  paint: Style;
  /** How a programme is named to a person (its name and acronym), by id. */
  programmeName: (id: string) => string;
}

/** `coop stats` on a terminal: one titled table a section, amounts formatted for people. */
export function renderStatsTables(stats: Stats, { width, paint, programmeName }: StatsTableOptions): string {
  const section = (title: string, header: string[], rows: string[][]) =>
    `${paint.bold(safeLine(title))}\n${rows.length === 0 ? '  none\n' : renderTable(header, rows, { width, paint })}`;
  const counts = (values: Counts) => Object.entries(values).map(([key, count]) => [key, String(count)]);
  return [
    section('Records', ['Type', 'Count'], counts(stats.records)),
    section('Organisations by kind', ['Kind', 'Count'], counts(stats.organisations.by_kind)),
    section('Organisations by sector', ['Sector', 'Count'], counts(stats.organisations.by_sector)),
    section('Organisations by region', ['Region', 'Count'], counts(stats.organisations.by_region)),
    section('Memberships by role', ['Role', 'Count'], counts(stats.memberships.by_role)),
    section('Memberships by status', ['Status', 'Count'], counts(stats.memberships.by_status)),
    section(
      'Money by programme, instrument and stage (never added across them)',
      ['Programme', 'Instrument', 'Stage', 'Lines', 'Amount'],
      stats.money.map((row) => [
        programmeName(row.programme),
        row.instrument,
        row.stage,
        String(row.lines),
        formatMoney({ approximate: false, ...row, qualifier: row.qualifier ?? 'exact' }),
      ]),
    ),
  ].join('\n');
}
