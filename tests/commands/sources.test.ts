import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

const sources = (args: string[], options = {}) => runOnFixture('query-sources', ['sources', ...args], options);

const FACT_HEADER = 'fact\tdetail\tsource\toutlet\tdate\n';
const GAZETTE = 'gazette-2019-05-02-alliance\tLa Gazette\t2019-05-02\n';
const JOURNAL = 'journal-2020-03-10-fonds\tLe Journal\t2020-03-10\n';

describe('coop sources: the articles', () => {
  it('lists the articles by date in a pipe, with their authors and how many records cite each', async () => {
    expect(await sources([])).toEqual({
      code: 0,
      out:
        'id\tdate\toutlet\ttitle\tauthors\tcited_by\n' +
        "gazette-2019-05-02-alliance\t2019-05-02\tLa Gazette\tDeux hôpitaux de Suresnes s'allient\tJeanne Martin\t7\n" +
        'journal-2020-03-10-fonds\t2020-03-10\tLe Journal\tLe fonds régional récompense un projet strasbourgeois\t\t10\n',
      err: '',
    });
  });

  it('prints a table on a terminal, with a count on stderr', async () => {
    expect(await sources([], TERMINAL)).toEqual({
      code: 0,
      out: [
        '┌─────────────────────────────┬────────────┬────────────┬───────────────────────────────┬──────────┐',
        '│ Id                          │ Date       │ Outlet     │ Title                         │ Cited by │',
        '├─────────────────────────────┼────────────┼────────────┼───────────────────────────────┼──────────┤',
        '│ gazette-2019-05-02-alliance │ 2019-05-02 │ La Gazette │ Deux hôpitaux de Suresnes     │ 7        │',
        "│                             │            │            │ s'allient                     │          │",
        '│ journal-2020-03-10-fonds    │ 2020-03-10 │ Le Journal │ Le fonds régional récompense  │ 10       │',
        '│                             │            │            │ un projet strasbourgeois      │          │',
        '└─────────────────────────────┴────────────┴────────────┴───────────────────────────────┴──────────┘',
        '',
      ].join('\n'),
      err: '2 articles\n',
    });
  });

  it('prints the article records as JSON with their body and the records citing them', async () => {
    const result = await sources(['--json']);
    expect({ ...result, out: JSON.parse(result.out) }).toEqual({
      code: 0,
      out: [
        {
          title: "Deux hôpitaux de Suresnes s'allient",
          outlet: 'La Gazette',
          date: '2019-05-02',
          authors: ['Jeanne Martin'],
          language: 'fr',
          people: [{ name: 'Paul Durand', role: 'directeur', org: 'hopital-a' }],
          id: 'gazette-2019-05-02-alliance',
          file: 'articles/gazette-2019-05-02-alliance.md',
          body: 'Hôpital A and the Clinique des Fleurs found an alliance in Suresnes; a third member joins later.',
          cited_by: [
            { type: 'organisation', id: 'alliance-test' },
            { type: 'organisation', id: 'clinique-des-fleurs' },
            { type: 'organisation', id: 'ehpad-les-tilleuls' },
            { type: 'organisation', id: 'groupe-sante-plus' },
            { type: 'organisation', id: 'hopital-a' },
            { type: 'event', id: 'alliance-test-creation' },
            { type: 'event', id: 'tilleuls-joins' },
          ],
        },
        {
          title: 'Le fonds régional récompense un projet strasbourgeois',
          outlet: 'Le Journal',
          date: '2020-03-10',
          authors: [],
          language: 'fr',
          id: 'journal-2020-03-10-fonds',
          file: 'articles/journal-2020-03-10-fonds.md',
          body: 'The regional fund awards a grant and a potential equity stake to the Strasbourg project.',
          cited_by: [
            { type: 'organisation', id: 'etat' },
            { type: 'organisation', id: 'projet-strasbourg' },
            { type: 'organisation', id: 'ville-de-strasbourg' },
            { type: 'programme', id: 'fonds-regional' },
            { type: 'programme', id: 'plan-national' },
            { type: 'funding', id: 'fris-pss-grant' },
            { type: 'funding', id: 'fris-pss-equity' },
            { type: 'funding', id: 'pni-alliance-grant' },
            { type: 'event', id: 'fris-call' },
            { type: 'event', id: 'fris-award' },
          ],
        },
      ],
      err: '',
    });
  });

  it('an empty base is a success: the header alone in a pipe, a message on a terminal, [] in JSON', async () => {
    expect(await runOnFixture('sources-empty', ['sources'])).toEqual({
      code: 0,
      out: 'id\tdate\toutlet\ttitle\tauthors\tcited_by\n',
      err: '',
    });
    expect(await runOnFixture('sources-empty', ['sources'], TERMINAL)).toEqual({
      code: 0,
      out: '',
      err: 'No article in the base.\n',
    });
    expect(await runOnFixture('sources-empty', ['sources', '--json'])).toEqual({ code: 0, out: '[]\n', err: '' });
  });

  it('escapes control characters of a title, in a pipe and on a terminal', async () => {
    const piped = await runOnFixture('events-dates', ['sources']);
    expect(piped).toEqual({
      code: 0,
      out: 'id\tdate\toutlet\ttitle\tauthors\tcited_by\ngazette-2020-01-15-dates\t2020-01-15\tLa Gazette\tDes dates \\x1B[31mfloues\\x1B[0m\tJeanne Martin\t5\n',
      err: '',
    });
    const terminal = await runOnFixture('events-dates', ['sources'], TERMINAL);
    expect(terminal.code).toBe(0);
    expect(terminal.out).toContain('│ Des dates \\x1B[31mfloues\\x1B[0m │');
    expect(terminal.out).not.toContain('\u001b');
  });
});

describe('coop sources <id>: the article behind each fact', () => {
  it('for an organisation: identity, members, figures, funding and events, in a pipe', async () => {
    expect(await sources(['alliance-test'])).toEqual({
      code: 0,
      out:
        FACT_HEADER +
        'record\tAlliance de test (ADT), alliance, private-nonprofit, Hauts-de-Seine (92), Île-de-France, founded 2019-05\t' +
        GAZETTE +
        'member\tHôpital A (founder)\t' +
        GAZETTE +
        'member\tClinique des Fleurs (founder)\t' +
        GAZETTE +
        'member\tEHPAD Les Tilleuls (member)\t' +
        GAZETTE +
        'figure\tbeds = 1200\t' +
        GAZETTE +
        'funding\tgrant 300000 EUR announced (PNI)\t' +
        JOURNAL +
        "event\tCréation de l'Alliance de test\t" +
        GAZETTE +
        'event\tEHPAD Les Tilleuls joins the alliance\t' +
        GAZETTE,
      err: '',
    });
  });

  it('for an organisation on a terminal: amounts for people, and what was found on stderr', async () => {
    expect(await sources(['alliance-test'], TERMINAL)).toEqual({
      code: 0,
      out: [
        '┌─────────┬────────────────────────────────┬─────────────────────────────┬────────────┬────────────┐',
        '│ Fact    │ Detail                         │ Source                      │ Outlet     │ Date       │',
        '├─────────┼────────────────────────────────┼─────────────────────────────┼────────────┼────────────┤',
        '│ record  │ Alliance de test (ADT),        │ gazette-2019-05-02-alliance │ La Gazette │ 2019-05-02 │',
        '│         │ alliance, private-nonprofit,   │                             │            │            │',
        '│         │ Hauts-de-Seine (92),           │                             │            │            │',
        '│         │ Île-de-France, founded 2019-05 │                             │            │            │',
        '│ member  │ Hôpital A (founder)            │ gazette-2019-05-02-alliance │ La Gazette │ 2019-05-02 │',
        '│ member  │ Clinique des Fleurs (founder)  │ gazette-2019-05-02-alliance │ La Gazette │ 2019-05-02 │',
        '│ member  │ EHPAD Les Tilleuls (member)    │ gazette-2019-05-02-alliance │ La Gazette │ 2019-05-02 │',
        '│ figure  │ beds = 1200                    │ gazette-2019-05-02-alliance │ La Gazette │ 2019-05-02 │',
        '│ funding │ grant 300 k€ announced (PNI)   │ journal-2020-03-10-fonds    │ Le Journal │ 2020-03-10 │',
        "│ event   │ Création de l'Alliance de test │ gazette-2019-05-02-alliance │ La Gazette │ 2019-05-02 │",
        '│ event   │ EHPAD Les Tilleuls joins the   │ gazette-2019-05-02-alliance │ La Gazette │ 2019-05-02 │',
        '│         │ alliance                       │                             │            │            │',
        '└─────────┴────────────────────────────────┴─────────────────────────────┴────────────┴────────────┘',
        '',
      ].join('\n'),
      err: '8 facts on Alliance de test (ADT) [alliance-test], from 2 articles\n',
    });
  });

  it('prints {record, facts} as JSON, with raw amounts', async () => {
    const result = await sources(['PSS', '--json'], TERMINAL);
    expect({ ...result, out: JSON.parse(result.out) }).toEqual({
      code: 0,
      out: {
        record: { type: 'organisation', id: 'projet-strasbourg' },
        facts: [
          {
            fact: 'record',
            detail: 'Projet Santé Strasbourg (PSS), project, Grand Est',
            source: 'journal-2020-03-10-fonds',
          },
          { fact: 'member', detail: 'Ville de Strasbourg (carrier)', source: 'journal-2020-03-10-fonds' },
          { fact: 'funding', detail: 'grant 2500000 EUR awarded (FRIS)', source: 'journal-2020-03-10-fonds' },
          { fact: 'funding', detail: 'equity up to 7000000 EUR potential (FRIS)', source: 'journal-2020-03-10-fonds' },
          {
            fact: 'event',
            detail: 'The regional fund awards the Strasbourg project',
            source: 'journal-2020-03-10-fonds',
          },
        ],
      },
      err: '',
    });
  });

  it('for a member: the structures it belongs to, found by an alias in any case and accents', async () => {
    expect(await sources(['cite des fleurs'])).toEqual({
      code: 0,
      out:
        FACT_HEADER +
        'record\tClinique des Fleurs, clinic, private-for-profit, Courbevoie, Hauts-de-Seine (92), Île-de-France\t' +
        GAZETTE +
        'member of\tAlliance de test (founder)\t' +
        GAZETTE +
        "event\tCréation de l'Alliance de test\t" +
        GAZETTE +
        // Its owner, undated and without a source of its own: the record's article backs it.
        'owner\tGroupe Santé Plus\t' +
        GAZETTE,
      err: '',
    });
  });

  it('for a programme: identity, budget lines, figures and the funding lines of the programmes it carries', async () => {
    expect(await sources(['fonds-regional'])).toEqual({
      code: 0,
      out:
        FACT_HEADER +
        'record\tFonds régional innovation santé (FRIS), programme, launched 2019-01\t' +
        JOURNAL +
        'budget\tgrant 50000000 EUR\t' +
        JOURNAL +
        'budget\tequity 100000000 EUR\t' +
        JOURNAL +
        'funding\tgrant 2500000 EUR awarded to Projet Santé Strasbourg (FRIS)\t' +
        JOURNAL +
        'funding\tequity up to 7000000 EUR potential to Projet Santé Strasbourg (FRIS)\t' +
        JOURNAL,
      err: '',
    });
    // The PNI carries the FRIS: its lines come with it, each naming its programme.
    expect(await sources(['PNI'])).toEqual({
      code: 0,
      out:
        FACT_HEADER +
        "record\tPlan national d'investissement (PNI), programme\t" +
        JOURNAL +
        // Its own lines first, then those of the programmes it carries.
        'funding\tgrant 300000 EUR announced to Alliance de test (PNI)\t' +
        JOURNAL +
        'funding\tgrant 2500000 EUR awarded to Projet Santé Strasbourg (FRIS)\t' +
        JOURNAL +
        'funding\tequity up to 7000000 EUR potential to Projet Santé Strasbourg (FRIS)\t' +
        JOURNAL,
      err: '',
    });
  });

  it('for a funding line: its source, the amount raw in a pipe and for people on a terminal', async () => {
    expect(await sources(['fris-pss-equity'])).toEqual({
      code: 0,
      out: FACT_HEADER + 'record\tequity up to 7000000 EUR potential to Projet Santé Strasbourg (FRIS)\t' + JOURNAL,
      err: '',
    });
    expect(await sources(['fris-pss-equity'], TERMINAL)).toEqual({
      code: 0,
      out: [
        '┌────────┬────────────────────────────────────┬──────────────────────────┬────────────┬────────────┐',
        '│ Fact   │ Detail                             │ Source                   │ Outlet     │ Date       │',
        '├────────┼────────────────────────────────────┼──────────────────────────┼────────────┼────────────┤',
        '│ record │ equity up to 7 M€ potential to     │ journal-2020-03-10-fonds │ Le Journal │ 2020-03-10 │',
        '│        │ Projet Santé Strasbourg (FRIS)     │                          │            │            │',
        '└────────┴────────────────────────────────────┴──────────────────────────┴────────────┴────────────┘',
        '',
      ].join('\n'),
      err: '1 fact on fris-pss-equity, from 1 article\n',
    });
  });

  it('for an event: its source', async () => {
    expect(await sources(['fris-call'])).toEqual({
      code: 0,
      out: FACT_HEADER + 'record\tCall for projects of the regional fund\t' + JOURNAL,
      err: '',
    });
  });

  it('for an article: every record citing it, by id or by title', async () => {
    const expected = {
      code: 0,
      out:
        FACT_HEADER +
        'organisation\tAlliance de test (ADT) [alliance-test]\t' +
        GAZETTE +
        'organisation\tClinique des Fleurs [clinique-des-fleurs]\t' +
        GAZETTE +
        'organisation\tEHPAD Les Tilleuls [ehpad-les-tilleuls]\t' +
        GAZETTE +
        'organisation\tGroupe Santé Plus [groupe-sante-plus]\t' +
        GAZETTE +
        'organisation\tHôpital A [hopital-a]\t' +
        GAZETTE +
        "event\tCréation de l'Alliance de test [alliance-test-creation]\t" +
        GAZETTE +
        'event\tEHPAD Les Tilleuls joins the alliance [tilleuls-joins]\t' +
        GAZETTE,
      err: '',
    };
    expect(await sources(['gazette-2019-05-02-alliance'])).toEqual(expected);
    expect(await sources(["deux hopitaux de suresnes s'allient"])).toEqual(expected);
  });

  it('for an article cited by funding lines: each line in words, with its id', async () => {
    const result = await sources(['journal-2020-03-10-fonds', '--json']);
    expect(result.code).toBe(0);
    const facts = JSON.parse(result.out).facts as Array<{ fact: string; detail: string; source: string }>;
    expect(facts.filter((f) => f.fact === 'funding')).toEqual([
      {
        fact: 'funding',
        detail: 'grant 2500000 EUR awarded to Projet Santé Strasbourg (FRIS) [fris-pss-grant]',
        source: 'journal-2020-03-10-fonds',
      },
      {
        fact: 'funding',
        detail: 'equity up to 7000000 EUR potential to Projet Santé Strasbourg (FRIS) [fris-pss-equity]',
        source: 'journal-2020-03-10-fonds',
      },
      {
        fact: 'funding',
        detail: 'grant 300000 EUR announced to Alliance de test (PNI) [pni-alliance-grant]',
        source: 'journal-2020-03-10-fonds',
      },
    ]);
    expect(facts).toHaveLength(10);
  });

  it('an unknown record exits 1 with the closest ids', async () => {
    expect(await sources(['hopital-b'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no record "hopital-b"\n  hint: did you mean "hopital-a"?\n',
    });
  });
});
