import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// tests/fixtures/events-disputed: the gazette dates the founding of the GCS X to 2018-06
// (gcs-x-founding-2018), the journal to 2017 (gcs-x-founding-2017): a disagreement. The Hôpital A's
// two foundings (1990, 1990-05) agree; its joining of the GCS X (2018) is not a founding; the GCS
// X's second site is planned.
const SCENARIO = 'events-disputed';
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };
const SOURCES = `
Sources
┌─────┬────────────────────────┬────────────┬────────────┬────────────────────────────────┐
│     │ Article                │ Outlet     │ Date       │ Title                          │
├─────┼────────────────────────┼────────────┼────────────┼────────────────────────────────┤
│ [1] │ journal-2019-03-02-gcs │ Le Journal │ 2019-03-02 │ Le GCS X prépare son extension │
│ [2] │ gazette-2019-01-10-gcs │ La Gazette │ 2019-01-10 │ Le GCS X fête ses six mois     │
└─────┴────────────────────────┴────────────┴────────────┴────────────────────────────────┘
`;
const DISPUTE = 'date: 2017 journal-2019-03-02-gcs / 2018-06 gazette-2019-01-10-gcs';

describe('coop events: two foundings of one organisation that disagree', () => {
  it('on a terminal: one row, marked ≠, the other date and its reference beneath', async () => {
    expect(await runOnFixture(SCENARIO, ['events'], TERMINAL)).toEqual({
      code: 0,
      err: '4 events, 1 disputed, 1 planned\n',
      out: `┌─────────┬──────────┬──────────────────────────────┬──────────────────┬───────┬────────┐
│ Date    │ Kind     │ Event                        │ Organisations    │ Place │ Source │
├─────────┼──────────┼──────────────────────────────┼──────────────────┼───────┼────────┤
│ 1990-05 │ founding │ Création de l'Hôpital A      │ Hôpital A        │       │ [1]    │
│ 1990    │ founding │ Création de l'Hôpital A      │ Hôpital A        │       │ [2]    │
│ 2017 ≠  │ founding │ Création du GCS X            │ GCS X            │       │ [1]    │
│ ≠ 2018-06 [2] (gcs-x-founding-2018)                                                   │
│ 2018    │ joining  │ L'Hôpital A rejoint le GCS X │ Hôpital A; GCS X │       │ [2]    │
└─────────┴──────────┴──────────────────────────────┴──────────────────┴───────┴────────┘

Planned
┌──────┬────────┬──────────────────────┬───────────────┬───────┬────────┐
│ Date │ Kind   │ Event                │ Organisations │ Place │ Source │
├──────┼────────┼──────────────────────┼───────────────┼───────┼────────┤
│ 2019 │ launch │ Second site du GCS X │ GCS X         │       │ [1]    │
└──────┴────────┴──────────────────────┴───────────────┴───────┴────────┘
${SOURCES}`,
    });
  });

  it('a filter that leaves one of them out still shows the other date beneath', async () => {
    expect(await runOnFixture(SCENARIO, ['events', '--from', '2018', '--kind', 'founding'], TERMINAL)).toEqual({
      code: 0,
      err: '1 event, 1 disputed\n',
      out: `┌───────────┬──────────┬───────────────────┬──────────────────┬───────┬────────┐
│ Date      │ Kind     │ Event             │ Organisations    │ Place │ Source │
├───────────┼──────────┼───────────────────┼──────────────────┼───────┼────────┤
│ 2018-06 ≠ │ founding │ Création du GCS X │ GCS X; Hôpital A │       │ [1]    │
│ ≠ 2017 [2] (gcs-x-founding-2017)                                             │
└──────────────────────────────────────────────────────────────────────────────┘

Sources
┌─────┬────────────────────────┬────────────┬────────────┬────────────────────────────────┐
│     │ Article                │ Outlet     │ Date       │ Title                          │
├─────┼────────────────────────┼────────────┼────────────┼────────────────────────────────┤
│ [1] │ gazette-2019-01-10-gcs │ La Gazette │ 2019-01-10 │ Le GCS X fête ses six mois     │
│ [2] │ journal-2019-03-02-gcs │ Le Journal │ 2019-03-02 │ Le GCS X prépare son extension │
└─────┴────────────────────────┴────────────┴────────────┴────────────────────────────────┘
`,
    });
  });

  it('in a pipe: every event keeps its row; both disputed rows give every date with its articles', async () => {
    expect(await runOnFixture(SCENARIO, ['events'])).toEqual({
      code: 0,
      err: '',
      out:
        'id\tdate\tkind\ttitle\torgs\tprogramme\tplace\tsource\tstatus\tdisputed\n' +
        "hopital-a-founding-may\t1990-05\tfounding\tCréation de l'Hôpital A\thopital-a\t\t\tjournal-2019-03-02-gcs\thappened\t\n" +
        "hopital-a-founding\t1990\tfounding\tCréation de l'Hôpital A\thopital-a\t\t\tgazette-2019-01-10-gcs\thappened\t\n" +
        `gcs-x-founding-2017\t2017\tfounding\tCréation du GCS X\tgcs-x\t\t\tjournal-2019-03-02-gcs\thappened\t${DISPUTE}\n` +
        `gcs-x-founding-2018\t2018-06\tfounding\tCréation du GCS X\tgcs-x,hopital-a\t\t\tgazette-2019-01-10-gcs\thappened\t${DISPUTE}\n` +
        "hopital-a-joins-gcs-x\t2018\tjoining\tL'Hôpital A rejoint le GCS X\thopital-a,gcs-x\t\t\tgazette-2019-01-10-gcs\thappened\t\n" +
        'gcs-x-second-site\t2019\tlaunch\tSecond site du GCS X\tgcs-x\t\t\tjournal-2019-03-02-gcs\tplanned\t\n',
    });
  });

  it('--json: the records as they are, a disputed one with the other events of its fact', async () => {
    const result = await runOnFixture(SCENARIO, ['events', '--kind', 'founding', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([
      expect.not.objectContaining({ disputed: expect.anything() }),
      expect.not.objectContaining({ disputed: expect.anything() }),
      {
        id: 'gcs-x-founding-2017',
        date: '2017',
        kind: 'founding',
        title: 'Création du GCS X',
        orgs: ['gcs-x'],
        source: 'journal-2019-03-02-gcs',
        file: 'events/events.yaml',
        disputed: [{ id: 'gcs-x-founding-2018', date: '2018-06', sources: ['gazette-2019-01-10-gcs'] }],
      },
      {
        id: 'gcs-x-founding-2018',
        date: '2018-06',
        kind: 'founding',
        title: 'Création du GCS X',
        orgs: ['gcs-x', 'hopital-a'],
        source: 'gazette-2019-01-10-gcs',
        file: 'events/events.yaml',
        disputed: [{ id: 'gcs-x-founding-2017', date: '2017', sources: ['journal-2019-03-02-gcs'] }],
      },
    ]);
  });
});
