import { eventStatus, type Base, type Funding } from './model.js';
import { moneyOf, sumMoney, type AmountQualifier, type Period } from './money.js';
import { regionOf } from './queries.js';
import { INSTRUMENTS, STAGES } from './enums.js';
import { membershipsOf } from './base-index.js';
import { groupClaims } from './memberships.js';
import type { Labeller, ListName } from './labels.js';

/**
 * `coop stats`: counts of records, of organisations by kind, sector and region, of memberships by
 * role, and money by programme. Money is never summed across instruments, stages or currencies:
 * a grant is not equity, and potential money is not awarded money, so each is its own row.
 */

const NONE = '(none)';

/** Value -> count, most frequent first, ties by value, "(none)" last. */
export type Counts = Record<string, number>;

export interface MoneyRow {
  /** The programme the lines are recorded under (its own lines, not its sub-programmes'). */
  programme: string;
  instrument: string;
  stage: string;
  currency: string;
  lines: number;
  /** The sum; for a range of them, the low bound (amount_min, amount_max say both). */
  amount: number;
  /** Only when some line is vague: approximate, at-least, up-to or range (core/money.ts). */
  qualifier?: Exclude<AmountQualifier, 'exact'>;
  amount_min?: number;
  amount_max?: number;
  /** The lines are amounts per year: their sum is per year, a row apart from one-off amounts. */
  per?: Period;
}

export interface Stats {
  /**
   * `events` counts the events that happened: planned and cancelled ones are not facts that
   * occurred, and are counted apart (events_planned, events_cancelled) when there are some.
   */
  records: {
    organisations: number;
    programmes: number;
    funding: number;
    events: number;
    events_planned?: number;
    events_cancelled?: number;
    articles: number;
    /** Person records (people/): the names articles give without a record are not counted. */
    people: number;
  };
  organisations: { by_kind: Counts; by_sector: Counts; by_region: Counts };
  /** One per structure and member however many articles claim it; `by_role` counts members today only. */
  memberships: { by_role: Counts; by_status: Counts };
  money: MoneyRow[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countBy<T>(items: readonly T[], key: (item: T) => string | undefined): Counts {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item) ?? NONE;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const entries = [...counts].sort(
    ([a, m], [b, n]) => Number(a === NONE) - Number(b === NONE) || n - m || compare(a, b),
  );
  return Object.fromEntries(entries);
}

function statusCount(key: string, base: Base, status: 'planned' | 'cancelled'): Record<string, number> {
  const count = base.events.filter((event) => eventStatus(event) === status).length;
  return count === 0 ? {} : { [key]: count };
}

export function computeStats(base: Base): Stats {
  // The claims about one member of one structure count once, under its first role (founder first).
  const memberships = base.organisations.flatMap((org) =>
    groupClaims(
      membershipsOf(org),
      (m) => m.org,
      (id) => id,
    ),
  );
  const groups = new Map<string, Funding[]>();
  for (const line of base.funding) {
    const key = JSON.stringify([line.programme, line.instrument, line.stage, line.currency, line.per ?? '']);
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const rows = [...groups.values()].map((group): MoneyRow => {
    const first = group[0]!;
    const sum = sumMoney(group.map(moneyOf), first.currency);
    return {
      programme: first.programme,
      instrument: first.instrument,
      stage: first.stage,
      currency: first.currency,
      lines: group.length,
      amount: sum.amount ?? sum.amount_min ?? 0,
      ...(sum.qualifier === 'exact'
        ? {}
        : {
            qualifier: sum.qualifier,
            ...(sum.amount_min !== undefined ? { amount_min: sum.amount_min } : {}),
            ...(sum.amount_max !== undefined ? { amount_max: sum.amount_max } : {}),
          }),
      ...(first.per !== undefined ? { per: first.per } : {}),
    };
  });
  const rank = (list: readonly string[], value: string) => (list.includes(value) ? list.indexOf(value) : list.length);
  const money = rows.sort(
    (a, b) =>
      compare(a.programme, b.programme) ||
      rank(INSTRUMENTS, a.instrument) - rank(INSTRUMENTS, b.instrument) ||
      rank(STAGES, a.stage) - rank(STAGES, b.stage) ||
      compare(a.currency, b.currency) ||
      (a.per === undefined ? 0 : 1) - (b.per === undefined ? 0 : 1),
  );
  return {
    records: {
      organisations: base.organisations.length,
      programmes: base.programmes.length,
      funding: base.funding.length,
      events: base.events.filter((event) => eventStatus(event) === 'happened').length,
      ...statusCount('events_planned', base, 'planned'),
      ...statusCount('events_cancelled', base, 'cancelled'),
      articles: base.articles.length,
      people: base.people.length,
    },
    organisations: {
      by_kind: countBy(base.organisations, (org) => org.kind),
      by_sector: countBy(base.organisations, (org) => org.sector),
      by_region: countBy(base.organisations, regionOf),
    },
    memberships: {
      by_role: countBy(
        memberships.filter((m) => m.status === 'member'),
        (m) => m.roles[0],
      ),
      by_status: countBy(memberships, (m) => m.status),
    },
    money,
  };
}

/** The long form for tsv and csv: section, key, subkey, count, amount (raw), currency, then the money's qualifier, bounds and period. */
export const STATS_COLUMNS = [
  'section',
  'key',
  'subkey',
  'count',
  'amount',
  'currency',
  // Money rows only: how precise the sum is, so that a script never takes a range for an exact sum.
  'qualifier',
  'amount_min',
  'amount_max',
  // Money rows only: "year" for a sum of amounts per year.
  'per',
] as const;

/**
 * `label`: --lang, the values of the closed lists (kinds, sectors, roles, statuses, instruments,
 * stages) as ids or as their French labels; "(none)" and the money's qualifier and period keep theirs.
 */
export function statsRows(stats: Stats, label: Labeller = (_list, value) => value): string[][] {
  const counts = (section: string, values: Counts, list?: ListName) =>
    Object.entries(values).map(([key, count]) => [
      section,
      list ? label(list, key) : key,
      '',
      String(count),
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  return [
    ...counts('records', stats.records),
    ...counts('organisations.by_kind', stats.organisations.by_kind, 'ORGANISATION_KINDS'),
    ...counts('organisations.by_sector', stats.organisations.by_sector, 'SECTORS'),
    ...counts('organisations.by_region', stats.organisations.by_region),
    ...counts('memberships.by_role', stats.memberships.by_role, 'MEMBER_ROLES'),
    ...counts('memberships.by_status', stats.memberships.by_status, 'MEMBER_STATUSES'),
    ...stats.money.map((row) => [
      'money',
      row.programme,
      `${label('INSTRUMENTS', row.instrument)}/${label('STAGES', row.stage)}`,
      String(row.lines),
      String(row.amount),
      row.currency,
      row.qualifier ?? 'exact',
      String(row.amount_min ?? (row.qualifier === undefined ? row.amount : '')),
      String(row.amount_max ?? (row.qualifier === undefined ? row.amount : '')),
      row.per ?? '',
    ]),
  ];
}
