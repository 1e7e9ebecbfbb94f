import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

const HEADER = 'id\tdate\tkind\ttitle\torgs\tprogramme\tplace\tsource\tstatus\tdisputed\n';
// The four events of the query fixture, as TSV rows.
const CREATION =
  "alliance-test-creation\t2019-05-02\tfounding\tCréation de l'Alliance de test\talliance-test,hopital-a,clinique-des-fleurs\t\tSuresnes\tgazette-2019-05-02-alliance\thappened\t\n";
const CALL =
  'fris-call\t2019?\tcall-for-projects\tCall for projects of the regional fund\t\tfonds-regional\t\tjournal-2020-03-10-fonds\thappened\t\n';
const TILLEULS =
  'tilleuls-joins\t2019-05/2020\tjoining\tEHPAD Les Tilleuls joins the alliance\talliance-test,ehpad-les-tilleuls\t\t\tgazette-2019-05-02-alliance\thappened\t\n';
const AWARD =
  'fris-award\t2020-03-10\taward\tThe regional fund awards the Strasbourg project\tprojet-strasbourg,ville-de-strasbourg\tfonds-regional\tStrasbourg\tjournal-2020-03-10-fonds\thappened\t\n';

const events = (args: string[], options = {}) => runOnFixture('query-events', ['events', ...args], options);

describe('coop events: the timeline', () => {
  it('prints every event in a pipe as TSV, earliest first, with EDTF dates as written', async () => {
    // A span sorts by its middle: "2019?" (mid-2019) after 2 May 2019, "2019-05/2020" (early 2020) after it.
    expect(await events([])).toEqual({ code: 0, out: HEADER + CREATION + CALL + TILLEULS + AWARD, err: '' });
  });

  it('prints a table on a terminal, names instead of ids, dates for people, and a count on stderr', async () => {
    expect(await events([], TERMINAL)).toEqual({
      code: 0,
      out: [
        '┌──────────────────┬───────────────────┬──────────────────┬──────────────────┬────────────┬────────┐',
        '│ Date             │ Kind              │ Event            │ Organisations    │ Place      │ Source │',
        '├──────────────────┼───────────────────┼──────────────────┼──────────────────┼────────────┼────────┤',
        '│ 2019-05-02       │ founding          │ Création de      │ ADT; Hôpital A;  │ Suresnes   │ [1]    │',
        "│                  │                   │ l'Alliance de    │ Clinique des     │            │        │",
        '│                  │                   │ test             │ Fleurs           │            │        │',
        '│ 2019?            │ call-for-projects │ Call for         │                  │            │ [2]    │',
        '│                  │                   │ projects of the  │                  │            │        │',
        '│                  │                   │ regional fund    │                  │            │        │',
        '│ between 2019-05  │ joining           │ EHPAD Les        │ ADT; EHPAD Les   │            │ [1]    │',
        '│ and 2020         │                   │ Tilleuls joins   │ Tilleuls         │            │        │',
        '│                  │                   │ the alliance     │                  │            │        │',
        '│ 2020-03-10       │ award             │ The regional     │ PSS; Ville de    │ Strasbourg │ [2]    │',
        '│                  │                   │ fund awards the  │ Strasbourg       │            │        │',
        '│                  │                   │ Strasbourg       │                  │            │        │',
        '│                  │                   │ project          │                  │            │        │',
        '└──────────────────┴───────────────────┴──────────────────┴──────────────────┴────────────┴────────┘',
        '',
        'Sources',
        '┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐',
        '│     │ Article                     │ Outlet     │ Date       │ Title                              │',
        '├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤',
        '│ [1] │ gazette-2019-05-02-alliance │ La Gazette │ 2019-05-02 │ Deux hôpitaux de Suresnes          │',
        "│     │                             │            │            │ s'allient                          │",
        '│ [2] │ journal-2020-03-10-fonds    │ Le Journal │ 2020-03-10 │ Le fonds régional récompense un    │',
        '│     │                             │            │            │ projet strasbourgeois              │',
        '└─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘',
        '',
      ].join('\n'),
      err: '4 events\n',
    });
  });

  it('prints the full event records as JSON, whatever the terminal', async () => {
    const result = await events(['--kind', 'award', '--json'], TERMINAL);
    expect({ ...result, out: JSON.parse(result.out) }).toEqual({
      code: 0,
      out: [
        {
          id: 'fris-award',
          date: '2020-03-10',
          kind: 'award',
          title: 'The regional fund awards the Strasbourg project',
          orgs: ['projet-strasbourg', 'ville-de-strasbourg'],
          programme: 'fonds-regional',
          place: 'Strasbourg',
          source: 'journal-2020-03-10-fonds',
          file: 'events/events.yaml',
        },
      ],
      err: '',
    });
  });

  it('prints CSV with --format csv, the organisation ids in one quoted field', async () => {
    expect(await events(['--kind', 'award', '--format', 'csv'])).toEqual({
      code: 0,
      out:
        'id,date,kind,title,orgs,programme,place,source,status,disputed\r\n' +
        'fris-award,2020-03-10,award,The regional fund awards the Strasbourg project,"projet-strasbourg,ville-de-strasbourg",fonds-regional,Strasbourg,journal-2020-03-10-fonds,happened,\r\n',
      err: '',
    });
  });
});

describe('coop events: filters', () => {
  it('--org takes an id, an acronym or an alias in any case and accents', async () => {
    expect(await events(['--org', 'hopital-a'])).toEqual({ code: 0, out: HEADER + CREATION, err: '' });
    expect(await events(['--org', 'ADT'])).toEqual({ code: 0, out: HEADER + CREATION + TILLEULS, err: '' });
    // "Cité des Fleurs" is an alias of clinique-des-fleurs.
    expect(await events(['--org', 'cite des fleurs'])).toEqual({ code: 0, out: HEADER + CREATION, err: '' });
  });

  it('--kind keeps one kind of event', async () => {
    expect(await events(['--kind', 'joining'])).toEqual({ code: 0, out: HEADER + TILLEULS, err: '' });
  });

  it('--from keeps the events whose span ends on or after the start of the date', async () => {
    // 2019-05/2020 reaches into 2020; "2019?" and 2019-05-02 do not.
    expect(await events(['--from', '2020'])).toEqual({ code: 0, out: HEADER + TILLEULS + AWARD, err: '' });
  });

  it('--to keeps the events whose span begins on or before the end of the date', async () => {
    // "2019?" may be as early as January 2019; 2019-05/2020 begins in May.
    expect(await events(['--to', '2019-04'])).toEqual({ code: 0, out: HEADER + CALL, err: '' });
  });

  it('--from and --to together keep every event whose span meets the range', async () => {
    expect(await events(['--from', '2019-05-02', '--to', '2019-05-02'])).toEqual({
      code: 0,
      out: HEADER + CREATION + CALL + TILLEULS,
      err: '',
    });
  });

  it('--region keeps events with an organisation of the region, in any spelling', async () => {
    // alliance-test is in the Hauts-de-Seine (92), so in Île-de-France through its department.
    expect(await events(['--region', 'idf'])).toEqual({ code: 0, out: HEADER + CREATION + TILLEULS, err: '' });
    expect(await events(['--region', 'Grand Est'])).toEqual({ code: 0, out: HEADER + AWARD, err: '' });
  });

  it('combines filters', async () => {
    expect(await events(['--org', 'alliance-test', '--kind', 'founding', '--to', '2019-12'])).toEqual({
      code: 0,
      out: HEADER + CREATION,
      err: '',
    });
  });

  it('an empty result is a success: the header alone in a pipe, a message on a terminal', async () => {
    expect(await events(['--region', 'bretagne'])).toEqual({ code: 0, out: HEADER, err: '' });
    expect(await events(['--kind', 'visit'], TERMINAL)).toEqual({ code: 0, out: '', err: 'No event matches.\n' });
    expect(await events(['--kind', 'visit', '--json'])).toEqual({ code: 0, out: '[]\n', err: '' });
  });
});

describe('coop events: errors', () => {
  it('an unknown organisation exits 1 with the closest ids', async () => {
    expect(await events(['--org', 'hopital-b'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no organisation "hopital-b"\n  hint: did you mean "hopital-a"?\n',
    });
  });

  it('--org does not accept a record that is not an organisation', async () => {
    const result = await events(['--org', 'fonds-regional']);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^coop: no organisation "fonds-regional"\n/);
  });

  it('an unknown --kind exits 2 with a suggestion', async () => {
    expect(await events(['--kind', 'awrd'])).toEqual({
      code: 2,
      out: '',
      err:
        'coop: --kind "awrd" is not one of: founding, joining, announcement, award, call-for-projects, visit, trade-show, meeting, acquisition, publication, construction, launch, deadline, selection, merger, absorption, name-change, sale, opening, closure, appointment, other\n' +
        '  hint: did you mean "award"?\n',
    });
  });

  it('a --from that is not an EDTF date exits 2 with the reason', async () => {
    expect(await events(['--from', '2019-13'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --from: "2019-13" is not a valid EDTF date (e.g. 2017-09-13, 2017-09, 2012-12~, 2015?, 2017-09/2019-03)\n',
    });
  });

  it('a --to on a day that does not exist exits 2 with the reason', async () => {
    expect(await events(['--to', '2019-02-29'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --to: 2019-02-29 does not exist: month 2 of 2019 has 28 days\n',
    });
  });

  it('a --from after the --to exits 2: the range holds no date', async () => {
    expect(await events(['--from', '2020', '--to', '2019'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --from 2020 is after --to 2019\n  hint: the range holds no date: swap them?\n',
    });
  });

  it('an unknown --region exits 2', async () => {
    const result = await events(['--region', 'narnia']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^coop: --region "narnia" is not a French region\n {2}hint: /);
  });
});

describe('coop events: vague dates and unsafe text', () => {
  const dated = (args: string[], options = {}) => runOnFixture('events-dates', ['events', ...args], options);

  it('shows open, uncertain and approximate dates as such on a terminal, and escapes control characters', async () => {
    expect(await dated([], TERMINAL)).toEqual({
      code: 0,
      out: [
        '┌─────────────────────┬──────────────┬─────────────────────────┬───────────────┬──────────┬────────┐',
        '│ Date                │ Kind         │ Event                   │ Organisations │ Place    │ Source │',
        '├─────────────────────┼──────────────┼─────────────────────────┼───────────────┼──────────┼────────┤',
        '│ by 2013-10-09       │ publication  │ Proposals published by  │ Hôpital A     │          │ [1]    │',
        '│                     │              │ 2013-10-09 at the       │               │          │        │',
        '│                     │              │ latest                  │               │          │        │',
        '│ 2015-04-17?         │ construction │ Foundation stone,       │ Hôpital A     │ Suresnes │ [1]    │',
        '│                     │              │ perhaps on 17 April     │               │          │        │',
        '│                     │              │ 2015                    │               │          │        │',
        '│ c. 2016-12          │ other        │ Work starts around      │ Hôpital A     │          │ [1]    │',
        '│                     │              │ December 2016           │               │          │        │',
        '│ 2019-11-15 or later │ announcement │ Opening                 │ Hôpital A     │          │ [1]    │',
        '│                     │              │ \\x1B[2Jannounced        │               │          │        │',
        '└─────────────────────┴──────────────┴─────────────────────────┴───────────────┴──────────┴────────┘',
        '',
        'Sources',
        '┌─────┬──────────────────────────┬────────────┬────────────┬─────────────────────────────────┐',
        '│     │ Article                  │ Outlet     │ Date       │ Title                           │',
        '├─────┼──────────────────────────┼────────────┼────────────┼─────────────────────────────────┤',
        '│ [1] │ gazette-2020-01-15-dates │ La Gazette │ 2020-01-15 │ Des dates \\x1B[31mfloues\\x1B[0m │',
        '└─────┴──────────────────────────┴────────────┴────────────┴─────────────────────────────────┘',
        '',
      ].join('\n'),
      err: '4 events\n',
    });
  });

  it('keeps EDTF as written in a pipe, with the escape character shown, not sent', async () => {
    const result = await dated([]);
    expect(result).toEqual({
      code: 0,
      out:
        HEADER +
        'open-start\t../2013-10-09\tpublication\tProposals published by 2013-10-09 at the latest\thopital-a\t\t\tgazette-2020-01-15-dates\thappened\t\n' +
        'uncertain\t2015-04-17?\tconstruction\tFoundation stone, perhaps on 17 April 2015\thopital-a\t\tSuresnes\tgazette-2020-01-15-dates\thappened\t\n' +
        'approximate\t2016-12~\tother\tWork starts around December 2016\thopital-a\t\t\tgazette-2020-01-15-dates\thappened\t\n' +
        'open-end\t2019-11-15/..\tannouncement\tOpening \\x1B[2Jannounced\thopital-a\t\t\tgazette-2020-01-15-dates\thappened\t\n',
      err: '',
    });
    expect(result.out).not.toContain('\u001b');
  });

  it('an open span meets every range on its open side', async () => {
    const ids = async (args: string[]) => {
      const result = await dated([...args, '--json']);
      expect(result.code).toBe(0);
      return (JSON.parse(result.out) as Array<{ id: string }>).map((e) => e.id);
    };
    expect(await ids(['--from', '2030'])).toEqual(['open-end']);
    expect(await ids(['--to', '1990'])).toEqual(['open-start']);
    // c. 2016-12 is read as December 2016; 2015-04-17? as that day.
    expect(await ids(['--from', '2016-12-31', '--to', '2016-12-31'])).toEqual(['approximate']);
    expect(await ids(['--from', '2015-04-18', '--to', '2016-11'])).toEqual([]);
  });
});
