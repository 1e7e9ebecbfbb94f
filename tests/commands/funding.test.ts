import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// Exact outputs on tests/fixtures/query-funding, checked by hand against its files.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

describe('coop funding', () => {
  it('all funding, pipe: lines then totals', async () => {
    expect(await runOnFixture('query-funding', ['funding'])).toEqual({
      code: 0,
      out:
        'row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\tqualifier\tamount_min\tamount_max\tapproximate\trecipients_count\tper_recipient_min\tper_recipient_max\tprogramme_name\trecipient_name\tdepth\trecurrence\tpurpose\tper\tfrom\tuntil\tnature\n' +
        'line\tfris-pss-grant\tfonds-regional\tprojet-strasbourg\tetat\tgrant\tawarded\t2500000\tEUR\tfalse\t2020-03\t1\tjournal-2020-03-10-fonds\texact\t2500000\t2500000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\tProjet Santé Strasbourg (PSS)\t\t\t\t\t\t\t\n' +
        'line\tfris-pss-equity\tfonds-regional\tprojet-strasbourg\tetat\tequity\tpotential\t7000000\tEUR\ttrue\t2020-03\t1\tjournal-2020-03-10-fonds\tup-to\t\t7000000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\tProjet Santé Strasbourg (PSS)\t\t\t\t\t\t\t\n' +
        "line\tpni-alliance-grant\tplan-national\talliance-test\t\tgrant\tannounced\t300000\tEUR\tfalse\t2020~\t1\tjournal-2020-03-10-fonds\texact\t300000\t300000\tfalse\t\t\t\tPlan national d'investissement (PNI)\tAlliance de test (ADT)\t\t\t\t\t\t\t\n" +
        'total\t\t\t\t\tgrant\tannounced\t300000\tEUR\tfalse\t\t1\t\texact\t300000\t300000\tfalse\t\t\t\t\t\t\t\t\t\t\t\t\n' +
        'total\t\t\t\t\tgrant\tawarded\t2500000\tEUR\tfalse\t\t1\t\texact\t2500000\t2500000\tfalse\t\t\t\t\t\t\t\t\t\t\t\t\n' +
        'total\t\t\t\t\tequity\tpotential\t7000000\tEUR\ttrue\t\t1\t\tup-to\t\t7000000\tfalse\t\t\t\t\t\t\t\t\t\t\t\t\n',
      err: '',
    });
  });
  it('a programme by acronym includes the programmes it carries, terminal', async () => {
    expect(await runOnFixture('query-funding', ['funding', '--program', 'PNI'], TERMINAL)).toEqual({
      code: 0,
      out: `Plan national d'investissement (PNI) with Fonds régional innovation santé (FRIS)

Funding lines
┌────────────────────┬────────────────────┬────────────┬───────────┬────────────┬─────────┬────────┐
│ Programme          │ Recipient          │ Instrument │ Stage     │ Amount     │ Date    │ Source │
├────────────────────┼────────────────────┼────────────┼───────────┼────────────┼─────────┼────────┤
│ Fonds régional     │ Projet Santé       │ grant      │ awarded   │ 2.5 M€     │ 2020-03 │ [1]    │
│ innovation santé   │ Strasbourg (PSS)   │            │           │            │         │        │
│ (FRIS)             │                    │            │           │            │         │        │
│ Fonds régional     │ Projet Santé       │ equity     │ potential │ up to 7 M€ │ 2020-03 │ [1]    │
│ innovation santé   │ Strasbourg (PSS)   │            │           │            │         │        │
│ (FRIS)             │                    │            │           │            │         │        │
│ Plan national      │ Alliance de test   │ grant      │ announced │ 300 k€     │ c. 2020 │ [1]    │
│ d'investissement   │ (ADT)              │            │           │            │         │        │
│ (PNI)              │                    │            │           │            │         │        │
└────────────────────┴────────────────────┴────────────┴───────────┴────────────┴─────────┴────────┘

Totals (by instrument and stage: grants are never added to equity, nor potential to awarded money)
┌────────────┬───────────┬───────┬────────────┐
│ Instrument │ Stage     │ Lines │ Total      │
├────────────┼───────────┼───────┼────────────┤
│ grant      │ announced │ 1     │ 300 k€     │
│ grant      │ awarded   │ 1     │ 2.5 M€     │
│ equity     │ potential │ 1     │ up to 7 M€ │
└────────────┴───────────┴───────┴────────────┘

By programme (each subtotal includes the programmes below it)
┌──────────────────────────────────────────┬────────────┬───────────┬───────┬────────────┐
│ Programme                                │ Instrument │ Stage     │ Lines │ Subtotal   │
├──────────────────────────────────────────┼────────────┼───────────┼───────┼────────────┤
│ Plan national d'investissement (PNI)     │ grant      │ announced │ 1     │ 300 k€     │
│                                          │ grant      │ awarded   │ 1     │ 2.5 M€     │
│                                          │ equity     │ potential │ 1     │ up to 7 M€ │
│ · Fonds régional innovation santé (FRIS) │ grant      │ awarded   │ 1     │ 2.5 M€     │
│                                          │ equity     │ potential │ 1     │ up to 7 M€ │
└──────────────────────────────────────────┴────────────┴───────────┴───────┴────────────┘

Programme budget
┌────────────────────────────────────────┬────────────┬────────┬────────┬──────┐
│ Programme                              │ Instrument │ Amount │ Source │ Note │
├────────────────────────────────────────┼────────────┼────────┼────────┼──────┤
│ Fonds régional innovation santé (FRIS) │ grant      │ 50 M€  │ [1]    │      │
│ Fonds régional innovation santé (FRIS) │ equity     │ 100 M€ │ [1]    │      │
└────────────────────────────────────────┴────────────┴────────┴────────┴──────┘

Sources
┌─────┬──────────────────────────┬────────────┬────────────┬───────────────────────────────────────┐
│     │ Article                  │ Outlet     │ Date       │ Title                                 │
├─────┼──────────────────────────┼────────────┼────────────┼───────────────────────────────────────┤
│ [1] │ journal-2020-03-10-fonds │ Le Journal │ 2020-03-10 │ Le fonds régional récompense un       │
│     │                          │            │            │ projet strasbourgeois                 │
└─────┴──────────────────────────┴────────────┴────────────┴───────────────────────────────────────┘
`,
      err: '',
    });
  });
  it('a programme by acronym, pipe, with its budget', async () => {
    expect(await runOnFixture('query-funding', ['funding', '--program', 'FRIS'])).toEqual({
      code: 0,
      out:
        'row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\tqualifier\tamount_min\tamount_max\tapproximate\trecipients_count\tper_recipient_min\tper_recipient_max\tprogramme_name\trecipient_name\tdepth\trecurrence\tpurpose\tper\tfrom\tuntil\tnature\n' +
        'line\tfris-pss-grant\tfonds-regional\tprojet-strasbourg\tetat\tgrant\tawarded\t2500000\tEUR\tfalse\t2020-03\t1\tjournal-2020-03-10-fonds\texact\t2500000\t2500000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\tProjet Santé Strasbourg (PSS)\t\t\t\t\t\t\t\n' +
        'line\tfris-pss-equity\tfonds-regional\tprojet-strasbourg\tetat\tequity\tpotential\t7000000\tEUR\ttrue\t2020-03\t1\tjournal-2020-03-10-fonds\tup-to\t\t7000000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\tProjet Santé Strasbourg (PSS)\t\t\t\t\t\t\t\n' +
        'total\t\tfonds-regional\t\t\tgrant\tawarded\t2500000\tEUR\tfalse\t\t1\t\texact\t2500000\t2500000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\t\t\t\t\t\t\t\t\n' +
        'total\t\tfonds-regional\t\t\tequity\tpotential\t7000000\tEUR\ttrue\t\t1\t\tup-to\t\t7000000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\t\t\t\t\t\t\t\t\n' +
        'budget\t\tfonds-regional\t\t\tgrant\t\t50000000\tEUR\tfalse\t\t\tjournal-2020-03-10-fonds\texact\t50000000\t50000000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\t\t\t\t\t\t\t\t\n' +
        'budget\t\tfonds-regional\t\t\tequity\t\t100000000\tEUR\tfalse\t\t\tjournal-2020-03-10-fonds\texact\t100000000\t100000000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\t\t\t\t\t\t\t\t\n',
      err: '',
    });
  });
  it('--stage potential keeps the upper bound', async () => {
    expect(await runOnFixture('query-funding', ['funding', '--program', 'PNI', '--stage', 'potential'])).toEqual({
      code: 0,
      out:
        'row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\tqualifier\tamount_min\tamount_max\tapproximate\trecipients_count\tper_recipient_min\tper_recipient_max\tprogramme_name\trecipient_name\tdepth\trecurrence\tpurpose\tper\tfrom\tuntil\tnature\n' +
        'line\tfris-pss-equity\tfonds-regional\tprojet-strasbourg\tetat\tequity\tpotential\t7000000\tEUR\ttrue\t2020-03\t1\tjournal-2020-03-10-fonds\tup-to\t\t7000000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\tProjet Santé Strasbourg (PSS)\t\t\t\t\t\t\t\n' +
        "total\t\tplan-national\t\t\tequity\tpotential\t7000000\tEUR\ttrue\t\t1\t\tup-to\t\t7000000\tfalse\t\t\t\tPlan national d'investissement (PNI)\t\t\t\t\t\t\t\t\n" +
        "branch\t\tplan-national\t\t\tequity\tpotential\t7000000\tEUR\ttrue\t\t1\t\tup-to\t\t7000000\tfalse\t\t\t\tPlan national d'investissement (PNI)\t\t0\t\t\t\t\t\t\n" +
        'branch\t\tfonds-regional\t\t\tequity\tpotential\t7000000\tEUR\ttrue\t\t1\t\tup-to\t\t7000000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\t\t1\t\t\t\t\t\t\n' +
        'budget\t\tfonds-regional\t\t\tgrant\t\t50000000\tEUR\tfalse\t\t\tjournal-2020-03-10-fonds\texact\t50000000\t50000000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\t\t\t\t\t\t\t\t\n' +
        'budget\t\tfonds-regional\t\t\tequity\t\t100000000\tEUR\tfalse\t\t\tjournal-2020-03-10-fonds\texact\t100000000\t100000000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\t\t\t\t\t\t\t\t\n',
      err: '',
    });
  });
  it('--recipient by alias and --instrument', async () => {
    expect(await runOnFixture('query-funding', ['funding', '--recipient', 'PSS', '--instrument', 'grant'])).toEqual({
      code: 0,
      out:
        'row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\tqualifier\tamount_min\tamount_max\tapproximate\trecipients_count\tper_recipient_min\tper_recipient_max\tprogramme_name\trecipient_name\tdepth\trecurrence\tpurpose\tper\tfrom\tuntil\tnature\n' +
        'line\tfris-pss-grant\tfonds-regional\tprojet-strasbourg\tetat\tgrant\tawarded\t2500000\tEUR\tfalse\t2020-03\t1\tjournal-2020-03-10-fonds\texact\t2500000\t2500000\tfalse\t\t\t\tFonds régional innovation santé (FRIS)\tProjet Santé Strasbourg (PSS)\t\t\t\t\t\t\t\n' +
        'total\t\t\t\t\tgrant\tawarded\t2500000\tEUR\tfalse\t\t1\t\texact\t2500000\t2500000\tfalse\t\t\t\t\t\t\t\t\t\t\t\t\n',
      err: '',
    });
  });
  it('--region of the recipient', async () => {
    expect(await runOnFixture('query-funding', ['funding', '--region', 'idf'])).toEqual({
      code: 0,
      out:
        'row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\tqualifier\tamount_min\tamount_max\tapproximate\trecipients_count\tper_recipient_min\tper_recipient_max\tprogramme_name\trecipient_name\tdepth\trecurrence\tpurpose\tper\tfrom\tuntil\tnature\n' +
        "line\tpni-alliance-grant\tplan-national\talliance-test\t\tgrant\tannounced\t300000\tEUR\tfalse\t2020~\t1\tjournal-2020-03-10-fonds\texact\t300000\t300000\tfalse\t\t\t\tPlan national d'investissement (PNI)\tAlliance de test (ADT)\t\t\t\t\t\t\t\n" +
        'total\t\t\t\t\tgrant\tannounced\t300000\tEUR\tfalse\t\t1\t\texact\t300000\t300000\tfalse\t\t\t\t\t\t\t\t\t\t\t\t\n',
      err: '',
    });
  });
  it('an empty result exits 0', async () => {
    expect(await runOnFixture('query-funding', ['funding', '--instrument', 'loan'])).toEqual({
      code: 0,
      out: 'row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\tqualifier\tamount_min\tamount_max\tapproximate\trecipients_count\tper_recipient_min\tper_recipient_max\tprogramme_name\trecipient_name\tdepth\trecurrence\tpurpose\tper\tfrom\tuntil\tnature\n',
      err: '',
    });
  });
  it('an empty result on a terminal says so', async () => {
    expect(await runOnFixture('query-funding', ['funding', '--instrument', 'loan'], TERMINAL)).toEqual({
      code: 0,
      out: '',
      err: 'No funding line matches.\n',
    });
  });
  it('a bad stage exits 2 with a suggestion', async () => {
    expect(await runOnFixture('query-funding', ['funding', '--stage', 'awared'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --stage "awared" is not one of: announced, awarded, potential, disbursed\n  hint: did you mean "awarded"?\n',
    });
  });
  it('an unknown programme exits 1 with a suggestion', async () => {
    expect(await runOnFixture('query-funding', ['funding', '--program', 'FRISS'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no programme "FRISS"\n  hint: did you mean "fonds-regional"?\n',
    });
  });
});

describe('coop funding --json', () => {
  it('prints the programme, the lines, the totals and the budget, raw', async () => {
    const result = await runOnFixture('query-funding', ['funding', '--program', 'FRIS', '--json'], TERMINAL);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.programme).toEqual({
      id: 'fonds-regional',
      name: 'Fonds régional innovation santé (FRIS)',
      includes: ['fonds-regional'],
    });
    expect(
      report.lines.map((l: { id: string; amount: number; qualifier: string }) => [l.id, l.amount, l.qualifier]),
    ).toEqual([
      ['fris-pss-grant', 2500000, 'exact'],
      ['fris-pss-equity', 7000000, 'up-to'],
    ]);
    expect(report.totals).toEqual([
      {
        instrument: 'grant',
        stage: 'awarded',
        currency: 'EUR',
        qualifier: 'exact',
        amount: 2500000,
        amount_min: 2500000,
        amount_max: 2500000,
        approximate: false,
        lines: 1,
        upper_bound: false,
      },
      {
        instrument: 'equity',
        stage: 'potential',
        currency: 'EUR',
        qualifier: 'up-to',
        amount: 7000000,
        amount_max: 7000000,
        approximate: false,
        lines: 1,
        upper_bound: true,
      },
    ]);
    expect(report.budget).toEqual([
      {
        programme: 'fonds-regional',
        instrument: 'grant',
        amount: 50000000,
        currency: 'EUR',
        source: 'journal-2020-03-10-fonds',
      },
      {
        programme: 'fonds-regional',
        instrument: 'equity',
        amount: 100000000,
        currency: 'EUR',
        source: 'journal-2020-03-10-fonds',
      },
    ]);
  });
});
