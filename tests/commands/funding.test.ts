import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// Exact outputs on tests/fixtures/query, checked by hand against its files.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

describe("coop funding", () => {
  it("all funding, pipe: lines then totals", async () => {
    expect(await runOnFixture('query', ["funding"])).toEqual({
      code: 0,
      out:
        "row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\n" +
        "line\tfris-pss-grant\tfonds-regional\tprojet-strasbourg\tetat\tgrant\tawarded\t2500000\tEUR\tfalse\t2020-03\t1\tjournal-2020-03-10-fonds\n" +
        "line\tfris-pss-equity\tfonds-regional\tprojet-strasbourg\tetat\tequity\tpotential\t7000000\tEUR\ttrue\t2020-03\t1\tjournal-2020-03-10-fonds\n" +
        "line\tpni-alliance-grant\tplan-national\talliance-test\t\tgrant\tannounced\t300000\tEUR\tfalse\t2020~\t1\tjournal-2020-03-10-fonds\n" +
        "total\t\t\t\t\tgrant\tannounced\t300000\tEUR\tfalse\t\t1\t\n" +
        "total\t\t\t\t\tgrant\tawarded\t2500000\tEUR\tfalse\t\t1\t\n" +
        "total\t\t\t\t\tequity\tpotential\t7000000\tEUR\ttrue\t\t1\t\n",
      err: "",
    });
  });
  it("a programme by acronym includes the programmes it carries, terminal", async () => {
    expect(await runOnFixture('query', ["funding", "--program", "PNI"], TERMINAL)).toEqual({
      code: 0,
      out:
        "Plan national d'investissement (PNI) with Fonds r\u00e9gional innovation sant\u00e9 (FRIS)\n" +
        "\n" +
        "Funding lines\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Programme          \u2502 Recipient          \u2502 Instrument \u2502 Stage     \u2502 Amount     \u2502 Date    \u2502 Source \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 Fonds r\u00e9gional     \u2502 Projet Sant\u00e9       \u2502 grant      \u2502 awarded   \u2502 2.5 M\u20ac     \u2502 2020-03 \u2502 [1]    \u2502\n" +
        "\u2502 innovation sant\u00e9   \u2502 Strasbourg (PSS)   \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2502 (FRIS)             \u2502                    \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2502 Fonds r\u00e9gional     \u2502 Projet Sant\u00e9       \u2502 equity     \u2502 potential \u2502 up to 7 M\u20ac \u2502 2020-03 \u2502 [1]    \u2502\n" +
        "\u2502 innovation sant\u00e9   \u2502 Strasbourg (PSS)   \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2502 (FRIS)             \u2502                    \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2502 Plan national      \u2502 Alliance de test   \u2502 grant      \u2502 announced \u2502 300 k\u20ac     \u2502 c. 2020 \u2502 [1]    \u2502\n" +
        "\u2502 d'investissement   \u2502 (ADT)              \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2502 (PNI)              \u2502                    \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Totals (by instrument and stage: grants are never added to equity, nor potential to awarded money)\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Instrument \u2502 Stage     \u2502 Lines \u2502 Total      \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 grant      \u2502 announced \u2502 1     \u2502 300 k\u20ac     \u2502\n" +
        "\u2502 grant      \u2502 awarded   \u2502 1     \u2502 2.5 M\u20ac     \u2502\n" +
        "\u2502 equity     \u2502 potential \u2502 1     \u2502 up to 7 M\u20ac \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Programme budget\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Programme                              \u2502 Instrument \u2502 Amount \u2502 Source \u2502 Note \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 Fonds r\u00e9gional innovation sant\u00e9 (FRIS) \u2502 grant      \u2502 50 M\u20ac  \u2502 [1]    \u2502      \u2502\n" +
        "\u2502 Fonds r\u00e9gional innovation sant\u00e9 (FRIS) \u2502 equity     \u2502 100 M\u20ac \u2502 [1]    \u2502      \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Sources\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502     \u2502 Article                  \u2502 Outlet     \u2502 Date       \u2502 Title                                 \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 [1] \u2502 journal-2020-03-10-fonds \u2502 Le Journal \u2502 2020-03-10 \u2502 Le fonds r\u00e9gional r\u00e9compense un       \u2502\n" +
        "\u2502     \u2502                          \u2502            \u2502            \u2502 projet strasbourgeois                 \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n",
      err: "",
    });
  });
  it("a programme by acronym, pipe, with its budget", async () => {
    expect(await runOnFixture('query', ["funding", "--program", "FRIS"])).toEqual({
      code: 0,
      out:
        "row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\n" +
        "line\tfris-pss-grant\tfonds-regional\tprojet-strasbourg\tetat\tgrant\tawarded\t2500000\tEUR\tfalse\t2020-03\t1\tjournal-2020-03-10-fonds\n" +
        "line\tfris-pss-equity\tfonds-regional\tprojet-strasbourg\tetat\tequity\tpotential\t7000000\tEUR\ttrue\t2020-03\t1\tjournal-2020-03-10-fonds\n" +
        "total\t\tfonds-regional\t\t\tgrant\tawarded\t2500000\tEUR\tfalse\t\t1\t\n" +
        "total\t\tfonds-regional\t\t\tequity\tpotential\t7000000\tEUR\ttrue\t\t1\t\n" +
        "budget\t\tfonds-regional\t\t\tgrant\t\t50000000\tEUR\tfalse\t\t\tjournal-2020-03-10-fonds\n" +
        "budget\t\tfonds-regional\t\t\tequity\t\t100000000\tEUR\tfalse\t\t\tjournal-2020-03-10-fonds\n",
      err: "",
    });
  });
  it("--stage potential keeps the upper bound", async () => {
    expect(await runOnFixture('query', ["funding", "--program", "PNI", "--stage", "potential"])).toEqual({
      code: 0,
      out:
        "row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\n" +
        "line\tfris-pss-equity\tfonds-regional\tprojet-strasbourg\tetat\tequity\tpotential\t7000000\tEUR\ttrue\t2020-03\t1\tjournal-2020-03-10-fonds\n" +
        "total\t\tplan-national\t\t\tequity\tpotential\t7000000\tEUR\ttrue\t\t1\t\n" +
        "budget\t\tfonds-regional\t\t\tgrant\t\t50000000\tEUR\tfalse\t\t\tjournal-2020-03-10-fonds\n" +
        "budget\t\tfonds-regional\t\t\tequity\t\t100000000\tEUR\tfalse\t\t\tjournal-2020-03-10-fonds\n",
      err: "",
    });
  });
  it("--recipient by alias and --instrument", async () => {
    expect(await runOnFixture('query', ["funding", "--recipient", "PSS", "--instrument", "grant"])).toEqual({
      code: 0,
      out:
        "row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\n" +
        "line\tfris-pss-grant\tfonds-regional\tprojet-strasbourg\tetat\tgrant\tawarded\t2500000\tEUR\tfalse\t2020-03\t1\tjournal-2020-03-10-fonds\n" +
        "total\t\t\t\t\tgrant\tawarded\t2500000\tEUR\tfalse\t\t1\t\n",
      err: "",
    });
  });
  it("--region of the recipient", async () => {
    expect(await runOnFixture('query', ["funding", "--region", "idf"])).toEqual({
      code: 0,
      out:
        "row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\n" +
        "line\tpni-alliance-grant\tplan-national\talliance-test\t\tgrant\tannounced\t300000\tEUR\tfalse\t2020~\t1\tjournal-2020-03-10-fonds\n" +
        "total\t\t\t\t\tgrant\tannounced\t300000\tEUR\tfalse\t\t1\t\n",
      err: "",
    });
  });
  it("an empty result exits 0", async () => {
    expect(await runOnFixture('query', ["funding", "--instrument", "loan"])).toEqual({
      code: 0,
      out: "row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\n",
      err: "",
    });
  });
  it("an empty result on a terminal says so", async () => {
    expect(await runOnFixture('query', ["funding", "--instrument", "loan"], TERMINAL)).toEqual({
      code: 0,
      out: "",
      err: "No funding line matches.\n",
    });
  });
  it("a bad stage exits 2 with a suggestion", async () => {
    expect(await runOnFixture('query', ["funding", "--stage", "awared"])).toEqual({
      code: 2,
      out: "",
      err: "coop: --stage \"awared\" is not one of: announced, awarded, potential, disbursed\n  hint: did you mean \"awarded\"?\n",
    });
  });
  it("an unknown programme exits 1 with a suggestion", async () => {
    expect(await runOnFixture('query', ["funding", "--program", "FRISS"])).toEqual({
      code: 1,
      out: "",
      err: "coop: no programme \"FRISS\"\n  hint: did you mean \"fonds-regional\"?\n",
    });
  });
});

describe('coop funding --json', () => {
  it('prints the programme, the lines, the totals and the budget, raw', async () => {
    const result = await runOnFixture('query', ['funding', '--program', 'FRIS', '--json'], TERMINAL);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.out);
    expect(report.programme).toEqual({ id: 'fonds-regional', name: 'Fonds régional innovation santé (FRIS)', includes: ['fonds-regional'] });
    expect(report.lines.map((l: { id: string; amount: number }) => [l.id, l.amount])).toEqual([
      ['fris-pss-grant', 2500000],
      ['fris-pss-equity', 7000000],
    ]);
    expect(report.totals).toEqual([
      { instrument: 'grant', stage: 'awarded', currency: 'EUR', amount: 2500000, lines: 1, upper_bound: false },
      { instrument: 'equity', stage: 'potential', currency: 'EUR', amount: 7000000, lines: 1, upper_bound: true },
    ]);
    expect(report.budget).toEqual([
      { programme: 'fonds-regional', instrument: 'grant', amount: 50000000, currency: 'EUR', source: 'journal-2020-03-10-fonds' },
      { programme: 'fonds-regional', instrument: 'equity', amount: 100000000, currency: 'EUR', source: 'journal-2020-03-10-fonds' },
    ]);
  });
});
