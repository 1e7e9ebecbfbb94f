import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// Exact outputs on tests/fixtures/query-show, checked by hand against its files.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

describe('coop show', () => {
  it('show an organisation by acronym, pipe', async () => {
    expect(await runOnFixture('query-show', ['show', 'ADT'])).toEqual({
      code: 0,
      out:
        'Alliance de test (ADT)\n' +
        'alliance-test · alliance · private-nonprofit\n' +
        '\n' +
        'Also known as\tAlliance test de Suresnes\n' +
        'Location\tHauts-de-Seine (92), Île-de-France\n' +
        'Founded\t2019-05\n' +
        '\n' +
        '## Description\n' +
        'An alliance of two hospitals of the Hauts-de-Seine.\n' +
        '\n' +
        '## Figures\n' +
        'metric\tvalue\tunit\tas_of\tsource\tnote\tqualifier\tvalue_min\tvalue_max\tper\n' +
        'beds\t1200\t\t2019-05-02\tgazette-2019-05-02-alliance\t\texact\t\t\t\n' +
        '\n' +
        '## Members: founder (2 organisations)\n' +
        'member\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\n' +
        'hopital-a\tfounder\tmember\t2019-05\t\tgazette-2019-05-02-alliance\t\t\n' +
        'clinique-des-fleurs\tfounder\tmember\t2019-05\t\tgazette-2019-05-02-alliance\t\t\n' +
        '\n' +
        '## Members: member (1 organisation)\n' +
        'member\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\n' +
        'ehpad-les-tilleuls\tmember\tmember\t2019-05/2020\t\tgazette-2019-05-02-alliance\t\tJoined after the founding.\n' +
        '\n' +
        '## Funding received\n' +
        'id\tprogramme\trecipient\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tsource\tqualifier\tamount_min\tamount_max\trecipients_count\trecurrence\tpurpose\tper\tfrom\tuntil\n' +
        'pni-alliance-grant\tplan-national\talliance-test\tgrant\tannounced\t300000\tEUR\t\t2020~\tjournal-2020-03-10-fonds\texact\t\t\t\t\t\t\t\t\n' +
        '\n' +
        '## History\n' +
        'date\twhat\tevent\tdetail\tsource\n' +
        "2019-05-02\tevent\talliance-test-creation\tfounding: Création de l'Alliance de test\tgazette-2019-05-02-alliance\n" +
        '2019-05\tfounded\t\tfounded\t\n' +
        '2019-05/2020\tevent\ttilleuls-joins\tjoining: EHPAD Les Tilleuls joins the alliance\tgazette-2019-05-02-alliance\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        "gazette-2019-05-02-alliance\tLa Gazette\t2019-05-02\tDeux hôpitaux de Suresnes s'allient\n" +
        'journal-2020-03-10-fonds\tLe Journal\t2020-03-10\tLe fonds régional récompense un projet strasbourgeois\n',
      err: '',
    });
  });
  it('show an organisation, terminal', async () => {
    expect(await runOnFixture('query-show', ['show', 'alliance-test'], TERMINAL)).toEqual({
      code: 0,
      out: `Alliance de test (ADT)
alliance-test · alliance · private-nonprofit

  Also known as  Alliance test de Suresnes
  Location       Hauts-de-Seine (92), Île-de-France
  Founded        2019-05

Description
  An alliance of two hospitals of the Hauts-de-Seine.

Figures
┌────────┬───────┬──────┬────────────┬────────┬──────┐
│ Metric │ Value │ Unit │ As of      │ Source │ Note │
├────────┼───────┼──────┼────────────┼────────┼──────┤
│ beds   │ 1,200 │      │ 2019-05-02 │ [1]    │      │
└────────┴───────┴──────┴────────────┴────────┴──────┘

Members: founder (2 organisations)
┌─────────────────────┬─────────┬───────┬─────────┬──────┐
│ Member              │ Since   │ Until │ Sources │ Note │
├─────────────────────┼─────────┼───────┼─────────┼──────┤
│ Hôpital A           │ 2019-05 │       │ [1]     │      │
│ Clinique des Fleurs │ 2019-05 │       │ [1]     │      │
└─────────────────────┴─────────┴───────┴─────────┴──────┘

Members: member (1 organisation)
┌────────────────────┬──────────────────────────┬───────┬─────────┬────────────────────────────┐
│ Member             │ Since                    │ Until │ Sources │ Note                       │
├────────────────────┼──────────────────────────┼───────┼─────────┼────────────────────────────┤
│ EHPAD Les Tilleuls │ between 2019-05 and 2020 │       │ [1]     │ Joined after the founding. │
└────────────────────┴──────────────────────────┴───────┴─────────┴────────────────────────────┘

Funding received
┌──────────────────────┬──────────────────────┬────────────┬───────────┬────────┬─────────┬────────┐
│ Programme            │ Recipient            │ Instrument │ Stage     │ Amount │ Date    │ Source │
├──────────────────────┼──────────────────────┼────────────┼───────────┼────────┼─────────┼────────┤
│ Plan national        │ Alliance de test     │ grant      │ announced │ 300 k€ │ c. 2020 │ [2]    │
│ d'investissement     │ (ADT)                │            │           │        │         │        │
│ (PNI)                │                      │            │           │        │         │        │
└──────────────────────┴──────────────────────┴────────────┴───────────┴────────┴─────────┴────────┘

History
┌──────────────────────────┬────────────────────────────────────────────────┬────────┐
│ Date                     │ What                                           │ Source │
├──────────────────────────┼────────────────────────────────────────────────┼────────┤
│ 2019-05-02               │ founding: Création de l'Alliance de test       │ [1]    │
│ 2019-05                  │ founded                                        │        │
│ between 2019-05 and 2020 │ joining: EHPAD Les Tilleuls joins the alliance │ [1]    │
└──────────────────────────┴────────────────────────────────────────────────┴────────┘

Sources
┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐
│     │ Article                     │ Outlet     │ Date       │ Title                              │
├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤
│ [1] │ gazette-2019-05-02-alliance │ La Gazette │ 2019-05-02 │ Deux hôpitaux de Suresnes          │
│     │                             │            │            │ s'allient                          │
│ [2] │ journal-2020-03-10-fonds    │ Le Journal │ 2020-03-10 │ Le fonds régional récompense un    │
│     │                             │            │            │ projet strasbourgeois              │
└─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘
`,
      err: '',
    });
  });
  it('show by alias, any case and accents', async () => {
    expect(await runOnFixture('query-show', ['show', 'cite des fleurs'])).toEqual({
      code: 0,
      out:
        'Clinique des Fleurs\n' +
        'clinique-des-fleurs · clinic · private-for-profit\n' +
        '\n' +
        'Also known as\tCité des Fleurs\n' +
        'Location\tCourbevoie, Hauts-de-Seine (92), Île-de-France\n' +
        'Part of\tGroupe Santé Plus [groupe-sante-plus]\n' +
        '\n' +
        '## Member of\n' +
        'structure\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\n' +
        'alliance-test\tfounder\tmember\t2019-05\t\tgazette-2019-05-02-alliance\t\t\n' +
        '\n' +
        '## History\n' +
        'date\twhat\tevent\tdetail\tsource\n' +
        "2019-05-02\tevent\talliance-test-creation\tfounding: Création de l'Alliance de test\tgazette-2019-05-02-alliance\n" +
        '\towner\t\towned by groupe-sante-plus\t\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        "gazette-2019-05-02-alliance\tLa Gazette\t2019-05-02\tDeux hôpitaux de Suresnes s'allient\n",
      err: '',
    });
  });
  it('show a programme, terminal', async () => {
    expect(await runOnFixture('query-show', ['show', 'FRIS'], TERMINAL)).toEqual({
      code: 0,
      out: `Fonds régional innovation santé (FRIS)
fonds-regional · programme

  Part of   Plan national d'investissement (PNI) [plan-national]
  Funder    État [etat]
  Launched  2019-01

Budget
┌────────────┬────────┬────────┬──────┐
│ Instrument │ Amount │ Source │ Note │
├────────────┼────────┼────────┼──────┤
│ grant      │ 50 M€  │ [1]    │      │
│ equity     │ 100 M€ │ [1]    │      │
└────────────┴────────┴────────┴──────┘

Funding lines (with the programmes it carries)
┌────────────────────┬────────────────────┬────────────┬───────────┬────────────┬─────────┬────────┐
│ Programme          │ Recipient          │ Instrument │ Stage     │ Amount     │ Date    │ Source │
├────────────────────┼────────────────────┼────────────┼───────────┼────────────┼─────────┼────────┤
│ Fonds régional     │ Projet Santé       │ grant      │ awarded   │ 2.5 M€     │ 2020-03 │ [1]    │
│ innovation santé   │ Strasbourg (PSS)   │            │           │            │         │        │
│ (FRIS)             │                    │            │           │            │         │        │
│ Fonds régional     │ Projet Santé       │ equity     │ potential │ up to 7 M€ │ 2020-03 │ [1]    │
│ innovation santé   │ Strasbourg (PSS)   │            │           │            │         │        │
│ (FRIS)             │                    │            │           │            │         │        │
└────────────────────┴────────────────────┴────────────┴───────────┴────────────┴─────────┴────────┘

Events
┌────────────┬───────────────────┬─────────────────────────────────────────────────┬────────┐
│ Date       │ Kind              │ Event                                           │ Source │
├────────────┼───────────────────┼─────────────────────────────────────────────────┼────────┤
│ 2019?      │ call-for-projects │ Call for projects of the regional fund          │ [1]    │
│ 2020-03-10 │ award             │ The regional fund awards the Strasbourg project │ [1]    │
└────────────┴───────────────────┴─────────────────────────────────────────────────┴────────┘

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
  it('show a programme, pipe', async () => {
    expect(await runOnFixture('query-show', ['show', 'plan-national'])).toEqual({
      code: 0,
      out:
        "Plan national d'investissement (PNI)\n" +
        'plan-national · programme\n' +
        '\n' +
        'Carries\tFonds régional innovation santé (FRIS) [fonds-regional]\n' +
        'Funder\tÉtat [etat]\n' +
        '\n' +
        '## Funding lines (with the programmes it carries)\n' +
        'id\tprogramme\trecipient\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tsource\tqualifier\tamount_min\tamount_max\trecipients_count\trecurrence\tpurpose\tper\tfrom\tuntil\n' +
        'pni-alliance-grant\tplan-national\talliance-test\tgrant\tannounced\t300000\tEUR\t\t2020~\tjournal-2020-03-10-fonds\texact\t\t\t\t\t\t\t\t\n' +
        'fris-pss-grant\tfonds-regional\tprojet-strasbourg\tgrant\tawarded\t2500000\tEUR\t\t2020-03\tjournal-2020-03-10-fonds\texact\t\t\t\t\t\t\t\t\n' +
        'fris-pss-equity\tfonds-regional\tprojet-strasbourg\tequity\tpotential\t7000000\tEUR\ttrue\t2020-03\tjournal-2020-03-10-fonds\tup-to\t\t\t\t\t\t\t\t\n' +
        '\n' +
        '## Events\n' +
        'id\tdate\tkind\ttitle\tsource\n' +
        'fris-call\t2019?\tcall-for-projects\tCall for projects of the regional fund\tjournal-2020-03-10-fonds\n' +
        'fris-award\t2020-03-10\taward\tThe regional fund awards the Strasbourg project\tjournal-2020-03-10-fonds\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        'journal-2020-03-10-fonds\tLe Journal\t2020-03-10\tLe fonds régional récompense un projet strasbourgeois\n',
      err: '',
    });
  });
  it('show a funding line', async () => {
    expect(await runOnFixture('query-show', ['show', 'fris-pss-equity'])).toEqual({
      code: 0,
      out:
        'equity of up to 7000000 to Projet Santé Strasbourg (PSS)\n' +
        'fris-pss-equity · funding line\n' +
        '\n' +
        'Programme\tFonds régional innovation santé (FRIS) [fonds-regional]\n' +
        'Recipient\tProjet Santé Strasbourg (PSS) [projet-strasbourg]\n' +
        'Funder\tÉtat [etat]\n' +
        'Instrument\tequity\n' +
        'Stage\tpotential\n' +
        'Amount\tup to 7000000\n' +
        'Currency\tEUR\n' +
        'Date\t2020-03\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        'journal-2020-03-10-fonds\tLe Journal\t2020-03-10\tLe fonds régional récompense un projet strasbourgeois\n',
      err: '',
    });
  });
  it('show a funding line, terminal', async () => {
    expect(await runOnFixture('query-show', ['show', 'fris-pss-equity'], TERMINAL)).toEqual({
      code: 0,
      out: `equity of up to 7 M€ to Projet Santé Strasbourg (PSS)
fris-pss-equity · funding line

  Programme   Fonds régional innovation santé (FRIS) [fonds-regional]
  Recipient   Projet Santé Strasbourg (PSS) [projet-strasbourg]
  Funder      État [etat]
  Instrument  equity
  Stage       potential
  Amount      up to 7 M€
  Date        2020-03

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
  it('show an event, terminal', async () => {
    expect(await runOnFixture('query-show', ['show', 'fris-award'], TERMINAL)).toEqual({
      code: 0,
      out: `The regional fund awards the Strasbourg project
fris-award · event · award

  Date           2020-03-10
  Place          Strasbourg
  Organisations  Projet Santé Strasbourg (PSS) [projet-strasbourg]; Ville de Strasbourg
                 [ville-de-strasbourg]
  Programme      Fonds régional innovation santé (FRIS) [fonds-regional]

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
  it('show an article, terminal', async () => {
    expect(await runOnFixture('query-show', ['show', 'gazette-2019-05-02-alliance'], TERMINAL)).toEqual({
      code: 0,
      out: `Deux hôpitaux de Suresnes s'allient
gazette-2019-05-02-alliance · article

  Outlet    La Gazette
  Date      2019-05-02
  Authors   Jeanne Martin
  Language  fr

People
┌─────────────┬───────────┬──────────────┐
│ Name        │ Role      │ Organisation │
├─────────────┼───────────┼──────────────┤
│ Paul Durand │ directeur │ hopital-a    │
└─────────────┴───────────┴──────────────┘

Summary (our own words)
  Hôpital A and the Clinique des Fleurs found an alliance in Suresnes; a third member joins later.

Cited by
┌──────────────┬───────────────────────────────────────┬────────────────────────┐
│ Type         │ Record                                │ Id                     │
├──────────────┼───────────────────────────────────────┼────────────────────────┤
│ organisation │ Alliance de test (ADT)                │ alliance-test          │
│ organisation │ Clinique des Fleurs                   │ clinique-des-fleurs    │
│ organisation │ EHPAD Les Tilleuls                    │ ehpad-les-tilleuls     │
│ organisation │ Groupe Santé Plus                     │ groupe-sante-plus      │
│ organisation │ Hôpital A                             │ hopital-a              │
│ event        │ Création de l'Alliance de test        │ alliance-test-creation │
│ event        │ EHPAD Les Tilleuls joins the alliance │ tilleuls-joins         │
└──────────────┴───────────────────────────────────────┴────────────────────────┘
`,
      err: '',
    });
  });
  it('show an unknown id: exit 1 with suggestions', async () => {
    expect(await runOnFixture('query-show', ['show', 'hopital-b'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no record "hopital-b"\n  hint: did you mean "hopital-a"?\n',
    });
  });
  it('show nothing close: exit 1', async () => {
    expect(await runOnFixture('query-show', ['show', 'zzzz'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no record "zzzz"\n',
    });
  });
});

describe('coop show --json', () => {
  it('prints the record and everything related', async () => {
    const result = await runOnFixture('query-show', ['show', 'ADT', '--json']);
    expect(result.code).toBe(0);
    const view = JSON.parse(result.out);
    expect(view.type).toBe('organisation');
    expect(view.record.id).toBe('alliance-test');
    expect(view.members).toEqual([
      {
        role: 'founder',
        members: [
          {
            org: 'hopital-a',
            role: 'founder',
            since: '2019-05',
            source: 'gazette-2019-05-02-alliance',
            organisation: 'alliance-test',
            name: 'Hôpital A',
          },
          {
            org: 'clinique-des-fleurs',
            role: 'founder',
            since: '2019-05',
            source: 'gazette-2019-05-02-alliance',
            organisation: 'alliance-test',
            name: 'Clinique des Fleurs',
          },
        ],
      },
      {
        role: 'member',
        members: [
          {
            org: 'ehpad-les-tilleuls',
            role: 'member',
            since: '2019-05/2020',
            note: 'Joined after the founding.',
            source: 'gazette-2019-05-02-alliance',
            organisation: 'alliance-test',
            name: 'EHPAD Les Tilleuls',
          },
        ],
      },
    ]);
    expect(view.funding.map((f: { id: string }) => f.id)).toEqual(['pni-alliance-grant']);
    expect(view.events.map((e: { id: string }) => e.id)).toEqual(['alliance-test-creation', 'tilleuls-joins']);
    expect(view.articles.map((a: { id: string }) => a.id)).toEqual([
      'gazette-2019-05-02-alliance',
      'journal-2020-03-10-fonds',
    ]);
  });
});

describe('coop show: suggestions for a word typed instead of an id', () => {
  it('suggests the record whose id holds the closest word', async () => {
    expect(await runOnFixture('query-show', ['show', 'flers'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no record "flers"\n  hint: did you mean "clinique-des-fleurs"?\n',
    });
  });
});
