import type { Labeller, ListName } from '../core/labels.js';
import type { Language } from '../core/language.js';
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
  /** --lang: the values of the closed lists as ids, or their French labels. */
  label: Labeller;
  language: Language | undefined;
}

/** `coop stats` on a terminal: one titled table a section, amounts formatted for people. */
export function renderStatsTables(
  stats: Stats,
  { width, paint, programmeName, label, language }: StatsTableOptions,
): string {
  const section = (title: string, header: string[], rows: string[][]) =>
    `${paint.bold(safeLine(title))}\n${rows.length === 0 ? '  none\n' : renderTable(header, rows, { width, paint })}`;
  const counts = (values: Counts, list?: ListName) =>
    Object.entries(values).map(([key, count]) => [list ? label(list, key) : key, String(count)]);
  return [
    section('Records', ['Type', 'Count'], counts(stats.records)),
    section('Organisations by kind', ['Kind', 'Count'], counts(stats.organisations.by_kind, 'ORGANISATION_KINDS')),
    section('Organisations by sector', ['Sector', 'Count'], counts(stats.organisations.by_sector, 'SECTORS')),
    section('Organisations by region', ['Region', 'Count'], counts(stats.organisations.by_region)),
    section('Memberships by role', ['Role', 'Count'], counts(stats.memberships.by_role, 'MEMBER_ROLES')),
    section('Memberships by status', ['Status', 'Count'], counts(stats.memberships.by_status, 'MEMBER_STATUSES')),
    section(
      'Money by programme, instrument and stage (never added across them)',
      ['Programme', 'Instrument', 'Stage', 'Lines', 'Amount'],
      stats.money.map((row) => [
        programmeName(row.programme),
        label('INSTRUMENTS', row.instrument),
        label('STAGES', row.stage),
        String(row.lines),
        formatMoney({ approximate: false, ...row, qualifier: row.qualifier ?? 'exact' }, false, language),
      ]),
    ),
  ].join('\n');
}
