import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// Expected values counted by hand from tests/fixtures/query-stats/data: 8 organisations (ile-de-france by
// department 92 for alliance-test, clinique-des-fleurs and hopital-a; grand-est for projet-strasbourg
// (written) and ville-de-strasbourg (department 67); no region for ehpad-les-tilleuls, which has a
// city but no department, etat and groupe-sante-plus), 4 membership claims, 3 funding lines each in
// its own (programme, instrument, stage) group.

const TERMINAL = [
  'Records',
  '┌───────────────┬───────┐',
  '│ Type          │ Count │',
  '├───────────────┼───────┤',
  '│ organisations │ 8     │',
  '│ programmes    │ 2     │',
  '│ funding       │ 3     │',
  '│ events        │ 4     │',
  '│ articles      │ 2     │',
  '│ people        │ 0     │',
  '└───────────────┴───────┘',
  '',
  'Organisations by kind',
  '┌─────────────────┬───────┐',
  '│ Kind            │ Count │',
  '├─────────────────┼───────┤',
  '│ alliance        │ 1     │',
  '│ clinic          │ 1     │',
  '│ ehpad           │ 1     │',
  '│ group           │ 1     │',
  '│ hospital        │ 1     │',
  '│ local-authority │ 1     │',
  '│ project         │ 1     │',
  '│ state           │ 1     │',
  '└─────────────────┴───────┘',
  '',
  'Organisations by sector',
  '┌────────────────────┬───────┐',
  '│ Sector             │ Count │',
  '├────────────────────┼───────┤',
  '│ private-for-profit │ 2     │',
  '│ private-nonprofit  │ 2     │',
  '│ public             │ 2     │',
  '│ (none)             │ 2     │',
  '└────────────────────┴───────┘',
  '',
  'Organisations by region',
  '┌───────────────┬───────┐',
  '│ Region        │ Count │',
  '├───────────────┼───────┤',
  '│ ile-de-france │ 3     │',
  '│ grand-est     │ 2     │',
  '│ (none)        │ 3     │',
  '└───────────────┴───────┘',
  '',
  'Memberships by role',
  '┌─────────┬───────┐',
  '│ Role    │ Count │',
  '├─────────┼───────┤',
  '│ founder │ 2     │',
  '│ carrier │ 1     │',
  '│ member  │ 1     │',
  '└─────────┴───────┘',
  '',
  'Memberships by status',
  '┌────────┬───────┐',
  '│ Status │ Count │',
  '├────────┼───────┤',
  '│ member │ 4     │',
  '└────────┴───────┘',
  '',
  'Money by programme, instrument and stage (never added across them)',
  '┌────────────────────────────────────────┬────────────┬───────────┬───────┬────────────┐',
  '│ Programme                              │ Instrument │ Stage     │ Lines │ Amount     │',
  '├────────────────────────────────────────┼────────────┼───────────┼───────┼────────────┤',
  '│ Fonds régional innovation santé (FRIS) │ grant      │ awarded   │ 1     │ 2.5 M€     │',
  '│ Fonds régional innovation santé (FRIS) │ equity     │ potential │ 1     │ up to 7 M€ │',
  "│ Plan national d'investissement (PNI)   │ grant      │ announced │ 1     │ 300 k€     │",
  '└────────────────────────────────────────┴────────────┴───────────┴───────┴────────────┘',
  '',
].join('\n');

const LONG_ROWS = [
  ['section', 'key', 'subkey', 'count', 'amount', 'currency', 'qualifier', 'amount_min', 'amount_max', 'per'],
  ['records', 'organisations', '', '8', '', '', '', '', '', ''],
  ['records', 'programmes', '', '2', '', '', '', '', '', ''],
  ['records', 'funding', '', '3', '', '', '', '', '', ''],
  ['records', 'events', '', '4', '', '', '', '', '', ''],
  ['records', 'articles', '', '2', '', '', '', '', '', ''],
  ['records', 'people', '', '0', '', '', '', '', '', ''],
  ['organisations.by_kind', 'alliance', '', '1', '', '', '', '', '', ''],
  ['organisations.by_kind', 'clinic', '', '1', '', '', '', '', '', ''],
  ['organisations.by_kind', 'ehpad', '', '1', '', '', '', '', '', ''],
  ['organisations.by_kind', 'group', '', '1', '', '', '', '', '', ''],
  ['organisations.by_kind', 'hospital', '', '1', '', '', '', '', '', ''],
  ['organisations.by_kind', 'local-authority', '', '1', '', '', '', '', '', ''],
  ['organisations.by_kind', 'project', '', '1', '', '', '', '', '', ''],
  ['organisations.by_kind', 'state', '', '1', '', '', '', '', '', ''],
  ['organisations.by_sector', 'private-for-profit', '', '2', '', '', '', '', '', ''],
  ['organisations.by_sector', 'private-nonprofit', '', '2', '', '', '', '', '', ''],
  ['organisations.by_sector', 'public', '', '2', '', '', '', '', '', ''],
  ['organisations.by_sector', '(none)', '', '2', '', '', '', '', '', ''],
  ['organisations.by_region', 'ile-de-france', '', '3', '', '', '', '', '', ''],
  ['organisations.by_region', 'grand-est', '', '2', '', '', '', '', '', ''],
  ['organisations.by_region', '(none)', '', '3', '', '', '', '', '', ''],
  ['memberships.by_role', 'founder', '', '2', '', '', '', '', '', ''],
  ['memberships.by_role', 'carrier', '', '1', '', '', '', '', '', ''],
  ['memberships.by_role', 'member', '', '1', '', '', '', '', '', ''],
  ['memberships.by_status', 'member', '', '4', '', '', '', '', '', ''],
  ['money', 'fonds-regional', 'grant/awarded', '1', '2500000', 'EUR', 'exact', '2500000', '2500000', ''],
  ['money', 'fonds-regional', 'equity/potential', '1', '7000000', 'EUR', 'up-to', '', '7000000', ''],
  ['money', 'plan-national', 'grant/announced', '1', '300000', 'EUR', 'exact', '300000', '300000', ''],
];

const JSON_STATS = {
  records: { organisations: 8, programmes: 2, funding: 3, events: 4, articles: 2, people: 0 },
  organisations: {
    by_kind: {
      alliance: 1,
      clinic: 1,
      ehpad: 1,
      group: 1,
      hospital: 1,
      'local-authority': 1,
      project: 1,
      state: 1,
    },
    by_sector: { 'private-for-profit': 2, 'private-nonprofit': 2, public: 2, '(none)': 2 },
    by_region: { 'ile-de-france': 3, 'grand-est': 2, '(none)': 3 },
  },
  memberships: { by_role: { founder: 2, carrier: 1, member: 1 }, by_status: { member: 4 } },
  money: [
    { programme: 'fonds-regional', instrument: 'grant', stage: 'awarded', currency: 'EUR', lines: 1, amount: 2500000 },
    {
      programme: 'fonds-regional',
      instrument: 'equity',
      stage: 'potential',
      currency: 'EUR',
      lines: 1,
      amount: 7000000,
      // An "up to" line: the row says so, and gives its bound.
      qualifier: 'up-to',
      amount_max: 7000000,
    },
    { programme: 'plan-national', instrument: 'grant', stage: 'announced', currency: 'EUR', lines: 1, amount: 300000 },
  ],
};

describe('coop stats', () => {
  it('prints titled tables on a terminal, amounts formatted', async () => {
    const result = await runOnFixture('query-stats', ['stats'], { tty: true, env: { NO_COLOR: '1' }, columns: 100 });
    expect(result).toEqual({ code: 0, out: TERMINAL, err: '' });
  });

  it('makes the titles bold when colour is on, and only then', async () => {
    const result = await runOnFixture('query-stats', ['stats'], { tty: true, columns: 100 });
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('\u001b[1mRecords\u001b[22m');
    // Without the escapes, the same text as with NO_COLOR.
    expect(result.out.replace(/\u001b\[\d+m/g, '')).toBe(TERMINAL);
  });

  it('prints one long table in a pipe, raw amounts', async () => {
    const result = await runOnFixture('query-stats', ['stats']);
    expect(result).toEqual({ code: 0, out: LONG_ROWS.map((row) => row.join('\t')).join('\n') + '\n', err: '' });
  });

  it('prints the same long table as CSV', async () => {
    const result = await runOnFixture('query-stats', ['stats', '--format', 'csv'], { tty: true });
    expect(result).toEqual({ code: 0, out: LONG_ROWS.map((row) => row.join(',')).join('\r\n') + '\r\n', err: '' });
  });

  it('prints one object with --json, whatever the terminal', async () => {
    for (const tty of [false, true]) {
      const result = await runOnFixture('query-stats', ['stats', '--json'], { tty });
      expect({ ...result, out: JSON.parse(result.out) }).toEqual({ code: 0, out: JSON_STATS, err: '' });
    }
    const parsed = JSON.parse((await runOnFixture('query-stats', ['stats', '--format', 'json'])).out);
    // Most frequent first, "(none)" last: the order is part of the output.
    expect(Object.keys(parsed.organisations.by_region)).toEqual(['ile-de-france', 'grand-est', '(none)']);
    expect(Object.keys(parsed.memberships.by_role)).toEqual(['founder', 'carrier', 'member']);
  });

  it('sums the lines of a group and keeps grants apart from equity on the seed base', async () => {
    // tests/fixtures/seed/data/funding/territoires-d-innovation.yaml (frozen copy of data/): grants 10.6 + 6.9 + 8.4 M€ awarded,
    // equity 25 + 22.4 + 18.6 M€ potential.
    const result = await runOnFixture('seed', ['stats', '--json']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(JSON.parse(result.out).money).toEqual([
      {
        programme: 'territoires-d-innovation',
        instrument: 'grant',
        stage: 'awarded',
        currency: 'EUR',
        lines: 3,
        amount: 25900000,
      },
      {
        programme: 'territoires-d-innovation',
        instrument: 'equity',
        stage: 'potential',
        currency: 'EUR',
        lines: 3,
        amount: 66000000,
      },
    ]);
  });

  it('refuses a format stats has not, exit 2', async () => {
    const result = await runOnFixture('query-stats', ['stats', '--format', 'ndjson']);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'coop: unknown format "ndjson"\n  hint: use one of: table, tsv, json, csv\n',
    });
  });
});

describe('coop stats: money never added across instrument, stage, currency or programme', () => {
  // tests/fixtures/stats-money/data/funding/fonds.yaml, summed by hand: two euro grants awarded by
  // "fonds" (1 000 000 + 250 000), a dollar grant, a potential grant, awarded equity, and two grants
  // of its sub-programme "sous-fonds" (40 000 + 60 000), which stay under their own programme.
  const MONEY = [
    { programme: 'fonds', instrument: 'grant', stage: 'awarded', currency: 'EUR', lines: 2, amount: 1250000 },
    { programme: 'fonds', instrument: 'grant', stage: 'awarded', currency: 'USD', lines: 1, amount: 100000 },
    { programme: 'fonds', instrument: 'grant', stage: 'potential', currency: 'EUR', lines: 1, amount: 500000 },
    { programme: 'fonds', instrument: 'equity', stage: 'awarded', currency: 'EUR', lines: 1, amount: 2000000 },
    { programme: 'sous-fonds', instrument: 'grant', stage: 'awarded', currency: 'EUR', lines: 2, amount: 100000 },
  ];

  it('gives each (programme, instrument, stage, currency) its own row in JSON', async () => {
    const result = await runOnFixture('stats-money', ['stats', '--json']);
    expect({ ...result, out: JSON.parse(result.out) }).toEqual({
      code: 0,
      out: {
        records: { organisations: 3, programmes: 2, funding: 7, events: 0, articles: 1, people: 0 },
        organisations: {
          by_kind: { project: 2, state: 1 },
          by_sector: { public: 1, '(none)': 2 },
          by_region: { 'grand-est': 1, '(none)': 2 },
        },
        memberships: { by_role: {}, by_status: {} },
        money: MONEY,
      },
      err: '',
    });
  });

  it('prints the same rows in a pipe, raw amounts with their currency', async () => {
    const result = await runOnFixture('stats-money', ['stats']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out.split('\n').filter((line) => line.startsWith('money\t'))).toEqual([
      'money\tfonds\tgrant/awarded\t2\t1250000\tEUR\texact\t1250000\t1250000\t',
      'money\tfonds\tgrant/awarded\t1\t100000\tUSD\texact\t100000\t100000\t',
      'money\tfonds\tgrant/potential\t1\t500000\tEUR\texact\t500000\t500000\t',
      'money\tfonds\tequity/awarded\t1\t2000000\tEUR\texact\t2000000\t2000000\t',
      'money\tsous-fonds\tgrant/awarded\t2\t100000\tEUR\texact\t100000\t100000\t',
    ]);
    expect(result.out.split('\n').filter((line) => line.startsWith('memberships.'))).toEqual([]);
  });

  it('formats each row for people on a terminal, and says when a section is empty', async () => {
    const result = await runOnFixture('stats-money', ['stats'], { tty: true, env: { NO_COLOR: '1' }, columns: 100 });
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out.slice(result.out.indexOf('Memberships by role'))).toBe(
      [
        'Memberships by role',
        '  none',
        '',
        'Memberships by status',
        '  none',
        '',
        'Money by programme, instrument and stage (never added across them)',
        '┌──────────────────┬────────────┬───────────┬───────┬───────────┐',
        '│ Programme        │ Instrument │ Stage     │ Lines │ Amount    │',
        '├──────────────────┼────────────┼───────────┼───────┼───────────┤',
        '│ Fonds santé      │ grant      │ awarded   │ 2     │ 1.25 M€   │',
        '│ Fonds santé      │ grant      │ awarded   │ 1     │ 100 k USD │',
        '│ Fonds santé      │ grant      │ potential │ 1     │ 500 k€    │',
        '│ Fonds santé      │ equity     │ awarded   │ 1     │ 2 M€      │',
        '│ Sous-fonds santé │ grant      │ awarded   │ 2     │ 100 k€    │',
        '└──────────────────┴────────────┴───────────┴───────┴───────────┘',
        '',
      ].join('\n'),
    );
  });
});
