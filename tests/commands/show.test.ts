import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// Exact outputs on tests/fixtures/query, checked by hand against its files.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

describe("coop show", () => {
  it("show an organisation by acronym, pipe", async () => {
    expect(await runOnFixture('query', ["show", "ADT"])).toEqual({
      code: 0,
      out:
        "Alliance de test (ADT)\n" +
        "alliance-test \u00b7 alliance \u00b7 private-nonprofit\n" +
        "\n" +
        "Also known as\tAlliance test de Suresnes\n" +
        "Location\tHauts-de-Seine (92), \u00cele-de-France\n" +
        "Founded\t2019-05\n" +
        "\n" +
        "## Description\n" +
        "An alliance of two hospitals of the Hauts-de-Seine.\n" +
        "\n" +
        "## Figures\n" +
        "metric\tvalue\tunit\tas_of\tsource\tnote\n" +
        "beds\t1200\t\t2019-05-02\tgazette-2019-05-02-alliance\t\n" +
        "\n" +
        "## Members: founder (2)\n" +
        "member\trole\tsince\tuntil\tsource\tnote\n" +
        "hopital-a\tfounder\t2019-05\t\tgazette-2019-05-02-alliance\t\n" +
        "clinique-des-fleurs\tfounder\t2019-05\t\tgazette-2019-05-02-alliance\t\n" +
        "\n" +
        "## Members: member (1)\n" +
        "member\trole\tsince\tuntil\tsource\tnote\n" +
        "ehpad-les-tilleuls\tmember\t2019-05/2020\t\tgazette-2019-05-02-alliance\tJoined after the founding.\n" +
        "\n" +
        "## Funding received\n" +
        "id\tprogramme\trecipient\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tsource\n" +
        "pni-alliance-grant\tplan-national\talliance-test\tgrant\tannounced\t300000\tEUR\t\t2020~\tjournal-2020-03-10-fonds\n" +
        "\n" +
        "## Events\n" +
        "id\tdate\tkind\ttitle\tsource\n" +
        "alliance-test-creation\t2019-05-02\tfounding\tCr\u00e9ation de l'Alliance de test\tgazette-2019-05-02-alliance\n" +
        "tilleuls-joins\t2019-05/2020\tjoining\tEHPAD Les Tilleuls joins the alliance\tgazette-2019-05-02-alliance\n" +
        "\n" +
        "## Sources\n" +
        "id\toutlet\tdate\ttitle\n" +
        "gazette-2019-05-02-alliance\tLa Gazette\t2019-05-02\tDeux h\u00f4pitaux de Suresnes s'allient\n" +
        "journal-2020-03-10-fonds\tLe Journal\t2020-03-10\tLe fonds r\u00e9gional r\u00e9compense un projet strasbourgeois\n",
      err: "",
    });
  });
  it("show an organisation, terminal", async () => {
    expect(await runOnFixture('query', ["show", "alliance-test"], TERMINAL)).toEqual({
      code: 0,
      out:
        "Alliance de test (ADT)\n" +
        "alliance-test \u00b7 alliance \u00b7 private-nonprofit\n" +
        "\n" +
        "  Also known as  Alliance test de Suresnes\n" +
        "  Location       Hauts-de-Seine (92), \u00cele-de-France\n" +
        "  Founded        2019-05\n" +
        "\n" +
        "Description\n" +
        "  An alliance of two hospitals of the Hauts-de-Seine.\n" +
        "\n" +
        "Figures\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Metric \u2502 Value \u2502 Unit \u2502 As of      \u2502 Source \u2502 Note \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 beds   \u2502 1,200 \u2502      \u2502 2019-05-02 \u2502 [1]    \u2502      \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Members: founder (2)\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Member              \u2502 Since   \u2502 Until \u2502 Source \u2502 Note \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 H\u00f4pital A           \u2502 2019-05 \u2502       \u2502 [1]    \u2502      \u2502\n" +
        "\u2502 Clinique des Fleurs \u2502 2019-05 \u2502       \u2502 [1]    \u2502      \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Members: member (1)\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Member             \u2502 Since                    \u2502 Until \u2502 Source \u2502 Note                       \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 EHPAD Les Tilleuls \u2502 between 2019-05 and 2020 \u2502       \u2502 [1]    \u2502 Joined after the founding. \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Funding received\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Programme            \u2502 Recipient            \u2502 Instrument \u2502 Stage     \u2502 Amount \u2502 Date    \u2502 Source \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 Plan national        \u2502 Alliance de test     \u2502 grant      \u2502 announced \u2502 300 k\u20ac \u2502 c. 2020 \u2502 [2]    \u2502\n" +
        "\u2502 d'investissement     \u2502 (ADT)                \u2502            \u2502           \u2502        \u2502         \u2502        \u2502\n" +
        "\u2502 (PNI)                \u2502                      \u2502            \u2502           \u2502        \u2502         \u2502        \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Events\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Date                     \u2502 Kind     \u2502 Event                                 \u2502 Source \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 2019-05-02               \u2502 founding \u2502 Cr\u00e9ation de l'Alliance de test        \u2502 [1]    \u2502\n" +
        "\u2502 between 2019-05 and 2020 \u2502 joining  \u2502 EHPAD Les Tilleuls joins the alliance \u2502 [1]    \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Sources\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502     \u2502 Article                     \u2502 Outlet     \u2502 Date       \u2502 Title                              \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 [1] \u2502 gazette-2019-05-02-alliance \u2502 La Gazette \u2502 2019-05-02 \u2502 Deux h\u00f4pitaux de Suresnes          \u2502\n" +
        "\u2502     \u2502                             \u2502            \u2502            \u2502 s'allient                          \u2502\n" +
        "\u2502 [2] \u2502 journal-2020-03-10-fonds    \u2502 Le Journal \u2502 2020-03-10 \u2502 Le fonds r\u00e9gional r\u00e9compense un    \u2502\n" +
        "\u2502     \u2502                             \u2502            \u2502            \u2502 projet strasbourgeois              \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n",
      err: "",
    });
  });
  it("show by alias, any case and accents", async () => {
    expect(await runOnFixture('query', ["show", "cite des fleurs"])).toEqual({
      code: 0,
      out:
        "Clinique des Fleurs\n" +
        "clinique-des-fleurs \u00b7 clinic \u00b7 private-for-profit\n" +
        "\n" +
        "Also known as\tCit\u00e9 des Fleurs\n" +
        "Location\tCourbevoie, Hauts-de-Seine (92), \u00cele-de-France\n" +
        "Part of\tGroupe Sant\u00e9 Plus [groupe-sante-plus]\n" +
        "\n" +
        "## Member of\n" +
        "structure\trole\tsince\tuntil\tsource\tnote\n" +
        "alliance-test\tfounder\t2019-05\t\tgazette-2019-05-02-alliance\t\n" +
        "\n" +
        "## Events\n" +
        "id\tdate\tkind\ttitle\tsource\n" +
        "alliance-test-creation\t2019-05-02\tfounding\tCr\u00e9ation de l'Alliance de test\tgazette-2019-05-02-alliance\n" +
        "\n" +
        "## Sources\n" +
        "id\toutlet\tdate\ttitle\n" +
        "gazette-2019-05-02-alliance\tLa Gazette\t2019-05-02\tDeux h\u00f4pitaux de Suresnes s'allient\n",
      err: "",
    });
  });
  it("show a programme, terminal", async () => {
    expect(await runOnFixture('query', ["show", "FRIS"], TERMINAL)).toEqual({
      code: 0,
      out:
        "Fonds r\u00e9gional innovation sant\u00e9 (FRIS)\n" +
        "fonds-regional \u00b7 programme\n" +
        "\n" +
        "  Part of   Plan national d'investissement (PNI) [plan-national]\n" +
        "  Funder    \u00c9tat [etat]\n" +
        "  Launched  2019-01\n" +
        "\n" +
        "Budget\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Instrument \u2502 Amount \u2502 Source \u2502 Note \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 grant      \u2502 50 M\u20ac  \u2502 [1]    \u2502      \u2502\n" +
        "\u2502 equity     \u2502 100 M\u20ac \u2502 [1]    \u2502      \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Funding lines (with the programmes it carries)\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Programme          \u2502 Recipient          \u2502 Instrument \u2502 Stage     \u2502 Amount     \u2502 Date    \u2502 Source \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 Fonds r\u00e9gional     \u2502 Projet Sant\u00e9       \u2502 grant      \u2502 awarded   \u2502 2.5 M\u20ac     \u2502 2020-03 \u2502 [1]    \u2502\n" +
        "\u2502 innovation sant\u00e9   \u2502 Strasbourg (PSS)   \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2502 (FRIS)             \u2502                    \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2502 Fonds r\u00e9gional     \u2502 Projet Sant\u00e9       \u2502 equity     \u2502 potential \u2502 up to 7 M\u20ac \u2502 2020-03 \u2502 [1]    \u2502\n" +
        "\u2502 innovation sant\u00e9   \u2502 Strasbourg (PSS)   \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2502 (FRIS)             \u2502                    \u2502            \u2502           \u2502            \u2502         \u2502        \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Events\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Date       \u2502 Kind              \u2502 Event                                           \u2502 Source \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 2019?      \u2502 call-for-projects \u2502 Call for projects of the regional fund          \u2502 [1]    \u2502\n" +
        "\u2502 2020-03-10 \u2502 award             \u2502 The regional fund awards the Strasbourg project \u2502 [1]    \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
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
  it("show a programme, pipe", async () => {
    expect(await runOnFixture('query', ["show", "plan-national"])).toEqual({
      code: 0,
      out:
        "Plan national d'investissement (PNI)\n" +
        "plan-national \u00b7 programme\n" +
        "\n" +
        "Carries\tFonds r\u00e9gional innovation sant\u00e9 (FRIS) [fonds-regional]\n" +
        "Funder\t\u00c9tat [etat]\n" +
        "\n" +
        "## Funding lines (with the programmes it carries)\n" +
        "id\tprogramme\trecipient\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tsource\n" +
        "pni-alliance-grant\tplan-national\talliance-test\tgrant\tannounced\t300000\tEUR\t\t2020~\tjournal-2020-03-10-fonds\n" +
        "fris-pss-grant\tfonds-regional\tprojet-strasbourg\tgrant\tawarded\t2500000\tEUR\t\t2020-03\tjournal-2020-03-10-fonds\n" +
        "fris-pss-equity\tfonds-regional\tprojet-strasbourg\tequity\tpotential\t7000000\tEUR\ttrue\t2020-03\tjournal-2020-03-10-fonds\n" +
        "\n" +
        "## Events\n" +
        "id\tdate\tkind\ttitle\tsource\n" +
        "fris-call\t2019?\tcall-for-projects\tCall for projects of the regional fund\tjournal-2020-03-10-fonds\n" +
        "fris-award\t2020-03-10\taward\tThe regional fund awards the Strasbourg project\tjournal-2020-03-10-fonds\n" +
        "\n" +
        "## Sources\n" +
        "id\toutlet\tdate\ttitle\n" +
        "journal-2020-03-10-fonds\tLe Journal\t2020-03-10\tLe fonds r\u00e9gional r\u00e9compense un projet strasbourgeois\n",
      err: "",
    });
  });
  it("show a funding line", async () => {
    expect(await runOnFixture('query', ["show", "fris-pss-equity"])).toEqual({
      code: 0,
      out:
        "equity of up to 7000000 to Projet Sant\u00e9 Strasbourg (PSS)\n" +
        "fris-pss-equity \u00b7 funding line\n" +
        "\n" +
        "Programme\tFonds r\u00e9gional innovation sant\u00e9 (FRIS) [fonds-regional]\n" +
        "Recipient\tProjet Sant\u00e9 Strasbourg (PSS) [projet-strasbourg]\n" +
        "Funder\t\u00c9tat [etat]\n" +
        "Instrument\tequity\n" +
        "Stage\tpotential\n" +
        "Amount\tup to 7000000\n" +
        "Currency\tEUR\n" +
        "Date\t2020-03\n" +
        "\n" +
        "## Sources\n" +
        "id\toutlet\tdate\ttitle\n" +
        "journal-2020-03-10-fonds\tLe Journal\t2020-03-10\tLe fonds r\u00e9gional r\u00e9compense un projet strasbourgeois\n",
      err: "",
    });
  });
  it("show a funding line, terminal", async () => {
    expect(await runOnFixture('query', ["show", "fris-pss-equity"], TERMINAL)).toEqual({
      code: 0,
      out:
        "equity of up to 7 M\u20ac to Projet Sant\u00e9 Strasbourg (PSS)\n" +
        "fris-pss-equity \u00b7 funding line\n" +
        "\n" +
        "  Programme   Fonds r\u00e9gional innovation sant\u00e9 (FRIS) [fonds-regional]\n" +
        "  Recipient   Projet Sant\u00e9 Strasbourg (PSS) [projet-strasbourg]\n" +
        "  Funder      \u00c9tat [etat]\n" +
        "  Instrument  equity\n" +
        "  Stage       potential\n" +
        "  Amount      up to 7 M\u20ac\n" +
        "  Date        2020-03\n" +
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
  it("show an event, terminal", async () => {
    expect(await runOnFixture('query', ["show", "fris-award"], TERMINAL)).toEqual({
      code: 0,
      out:
        "The regional fund awards the Strasbourg project\n" +
        "fris-award \u00b7 event \u00b7 award\n" +
        "\n" +
        "  Date           2020-03-10\n" +
        "  Place          Strasbourg\n" +
        "  Organisations  Projet Sant\u00e9 Strasbourg (PSS) [projet-strasbourg]; Ville de Strasbourg\n" +
        "                 [ville-de-strasbourg]\n" +
        "  Programme      Fonds r\u00e9gional innovation sant\u00e9 (FRIS) [fonds-regional]\n" +
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
  it("show an article, terminal", async () => {
    expect(await runOnFixture('query', ["show", "gazette-2019-05-02-alliance"], TERMINAL)).toEqual({
      code: 0,
      out:
        "Deux h\u00f4pitaux de Suresnes s'allient\n" +
        "gazette-2019-05-02-alliance \u00b7 article\n" +
        "\n" +
        "  Outlet    La Gazette\n" +
        "  Date      2019-05-02\n" +
        "  Authors   Jeanne Martin\n" +
        "  Language  fr\n" +
        "\n" +
        "People\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Name        \u2502 Role      \u2502 Organisation \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 Paul Durand \u2502 directeur \u2502 hopital-a    \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n" +
        "\n" +
        "Summary (our own words)\n" +
        "  H\u00f4pital A and the Clinique des Fleurs found an alliance in Suresnes; a third member joins later.\n" +
        "\n" +
        "Cited by\n" +
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Type         \u2502 Record                                \u2502 Id                     \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 organisation \u2502 Alliance de test (ADT)                \u2502 alliance-test          \u2502\n" +
        "\u2502 organisation \u2502 Clinique des Fleurs                   \u2502 clinique-des-fleurs    \u2502\n" +
        "\u2502 organisation \u2502 EHPAD Les Tilleuls                    \u2502 ehpad-les-tilleuls     \u2502\n" +
        "\u2502 organisation \u2502 Groupe Sant\u00e9 Plus                     \u2502 groupe-sante-plus      \u2502\n" +
        "\u2502 organisation \u2502 H\u00f4pital A                             \u2502 hopital-a              \u2502\n" +
        "\u2502 event        \u2502 Cr\u00e9ation de l'Alliance de test        \u2502 alliance-test-creation \u2502\n" +
        "\u2502 event        \u2502 EHPAD Les Tilleuls joins the alliance \u2502 tilleuls-joins         \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n",
      err: "",
    });
  });
  it("show an unknown id: exit 1 with suggestions", async () => {
    expect(await runOnFixture('query', ["show", "hopital-b"])).toEqual({
      code: 1,
      out: "",
      err: "coop: no record \"hopital-b\"\n  hint: did you mean \"hopital-a\"?\n",
    });
  });
  it("show nothing close: exit 1", async () => {
    expect(await runOnFixture('query', ["show", "zzzz"])).toEqual({
      code: 1,
      out: "",
      err: "coop: no record \"zzzz\"\n",
    });
  });
});

describe('coop show --json', () => {
  it('prints the record and everything related', async () => {
    const result = await runOnFixture('query', ['show', 'ADT', '--json']);
    expect(result.code).toBe(0);
    const view = JSON.parse(result.out);
    expect(view.type).toBe('organisation');
    expect(view.record.id).toBe('alliance-test');
    expect(view.members).toEqual([
      {
        role: 'founder',
        members: [
          { org: 'hopital-a', role: 'founder', since: '2019-05', source: 'gazette-2019-05-02-alliance', organisation: 'alliance-test', name: 'Hôpital A' },
          { org: 'clinique-des-fleurs', role: 'founder', since: '2019-05', source: 'gazette-2019-05-02-alliance', organisation: 'alliance-test', name: 'Clinique des Fleurs' },
        ],
      },
      {
        role: 'member',
        members: [
          { org: 'ehpad-les-tilleuls', role: 'member', since: '2019-05/2020', note: 'Joined after the founding.', source: 'gazette-2019-05-02-alliance', organisation: 'alliance-test', name: 'EHPAD Les Tilleuls' },
        ],
      },
    ]);
    expect(view.funding.map((f: { id: string }) => f.id)).toEqual(['pni-alliance-grant']);
    expect(view.events.map((e: { id: string }) => e.id)).toEqual(['alliance-test-creation', 'tilleuls-joins']);
    expect(view.articles.map((a: { id: string }) => a.id)).toEqual(['gazette-2019-05-02-alliance', 'journal-2020-03-10-fonds']);
  });
});

describe('coop show: suggestions for a word typed instead of an id', () => {
  it('suggests the record whose id holds the closest word', async () => {
    expect(await runOnFixture('query', ['show', 'flers'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no record "flers"\n  hint: did you mean "clinique-des-fleurs"?\n',
    });
  });
});
