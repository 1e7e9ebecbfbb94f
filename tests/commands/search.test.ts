import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };
const HEADER = 'type\tid\tname\tscore\tfield\tmatched\n';

describe('coop search in a pipe', () => {
  it('finds an alias exactly, accents optional', async () => {
    const result = await runOnFixture('query-search', ['search', 'cite des fleurs']);
    expect(result).toEqual({
      code: 0,
      out: HEADER + 'organisation\tclinique-des-fleurs\tClinique des Fleurs\t0.000\taliases\tCité des Fleurs\n',
      err: '',
    });
  });

  it('joins the words of an unquoted text', async () => {
    const quoted = await runOnFixture('query-search', ['search', 'cite des fleurs']);
    expect(await runOnFixture('query-search', ['search', 'CITÉ', 'des', 'Fleurs'])).toEqual(quoted);
  });

  it('finds an acronym, then nothing fuzzy that is not there', async () => {
    const result = await runOnFixture('query-search', ['search', 'PSS']);
    expect(result).toEqual({
      code: 0,
      out: HEADER + 'organisation\tprojet-strasbourg\tProjet Santé Strasbourg\t0.000\tshort_name\tPSS\n',
      err: '',
    });
  });

  it('ranks names that begin with the text before fuzzy matches', async () => {
    const result = await runOnFixture('query-search', ['search', 'alliance']);
    expect(result).toEqual({
      code: 0,
      out:
        HEADER +
        'organisation\talliance-test\tAlliance de test\t0.038\tname\tAlliance de test\n' +
        "event\talliance-test-creation\tCréation de l'Alliance de test\t0.064\tid\talliance-test-creation\n" +
        'event\ttilleuls-joins\tEHPAD Les Tilleuls joins the alliance\t0.691\ttitle\tEHPAD Les Tilleuls joins the alliance\n' +
        "article\tgazette-2019-05-02-alliance\tDeux hôpitaux de Suresnes s'allient\t0.744\tbody\t…the Clinique des Fleurs found an alliance in Suresnes; a third member joins…\n",
      err: '',
    });
  });

  it('prints tab-separated results with their score and what matched', async () => {
    const result = await runOnFixture('query-search', ['search', 'strasbourg']);
    expect(result).toEqual({
      code: 0,
      out:
        HEADER +
        'organisation\tville-de-strasbourg\tVille de Strasbourg\t0.367\tcity\tStrasbourg\n' +
        'organisation\tprojet-strasbourg\tProjet Santé Strasbourg\t0.453\tname\tProjet Santé Strasbourg\n' +
        'event\tfris-award\tThe regional fund awards the Strasbourg project\t0.547\tplace\tStrasbourg\n' +
        'article\tjournal-2020-03-10-fonds\tLe fonds régional récompense un projet strasbourgeois\t0.694\ttitle\tLe fonds régional récompense un projet strasbourgeois\n',
      err: '',
    });
  });

  it('prints CSV with --format csv', async () => {
    const result = await runOnFixture('query-search', ['search', 'suresnes', '--format', 'csv']);
    expect(result).toEqual({
      code: 0,
      out:
        'type,id,name,score,field,matched\r\n' +
        'organisation,alliance-test,Alliance de test,0.637,aliases,Alliance test de Suresnes\r\n' +
        "article,gazette-2019-05-02-alliance,Deux hôpitaux de Suresnes s'allient,0.654,title,Deux hôpitaux de Suresnes s'allient\r\n" +
        'organisation,hopital-a,Hôpital A,0.761,city,Suresnes\r\n' +
        "event,alliance-test-creation,Création de l'Alliance de test,0.761,place,Suresnes\r\n",
      err: '',
    });
  });

  it('prints the header alone when nothing matches, exit 0', async () => {
    expect(await runOnFixture('query-search', ['search', 'zzzzqqq'])).toEqual({ code: 0, out: HEADER, err: '' });
  });
});

describe('coop search on a terminal', () => {
  it('prints a table and the count', async () => {
    const result = await runOnFixture('query-search', ['search', 'strasbourg'], TERMINAL);
    expect(result).toEqual({
      code: 0,
      out:
        '┌──────────────┬───────────────────────────┬────────────────────────────┬──────────────────────────┐\n' +
        '│ Type         │ Name                      │ Matched                    │ Id                       │\n' +
        '├──────────────┼───────────────────────────┼────────────────────────────┼──────────────────────────┤\n' +
        '│ organisation │ Ville de Strasbourg       │ city: Strasbourg           │ ville-de-strasbourg      │\n' +
        '│ organisation │ Projet Santé Strasbourg   │ name: Projet Santé         │ projet-strasbourg        │\n' +
        '│              │                           │ Strasbourg                 │                          │\n' +
        '│ event        │ The regional fund awards  │ place: Strasbourg          │ fris-award               │\n' +
        '│              │ the Strasbourg project    │                            │                          │\n' +
        '│ article      │ Le fonds régional         │ title: Le fonds régional   │ journal-2020-03-10-fonds │\n' +
        '│              │ récompense un projet      │ récompense un projet       │                          │\n' +
        '│              │ strasbourgeois            │ strasbourgeois             │                          │\n' +
        '└──────────────┴───────────────────────────┴────────────────────────────┴──────────────────────────┘\n',
      err: '4 results\n',
    });
  });

  it('says one result in the singular', async () => {
    const result = await runOnFixture('query-search', ['search', 'ADT'], TERMINAL);
    expect(result).toEqual({
      code: 0,
      out:
        '┌──────────────┬──────────────────┬─────────────────┬───────────────┐\n' +
        '│ Type         │ Name             │ Matched         │ Id            │\n' +
        '├──────────────┼──────────────────┼─────────────────┼───────────────┤\n' +
        '│ organisation │ Alliance de test │ short_name: ADT │ alliance-test │\n' +
        '└──────────────┴──────────────────┴─────────────────┴───────────────┘\n',
      err: '1 result\n',
    });
  });

  it('says when nothing matches, on stderr, exit 0', async () => {
    expect(await runOnFixture('query-search', ['search', 'zzzzqqq'], TERMINAL)).toEqual({
      code: 0,
      out: '',
      err: 'No match for "zzzzqqq".\n',
    });
  });

  it('never lets the text drive the terminal', async () => {
    const result = await runOnFixture('query-search', ['search', 'zz\u001b[31mqq'], TERMINAL);
    expect(result).toEqual({ code: 0, out: '', err: 'No match for "zz\\x1B[31mqq".\n' });
  });

  it('says when --limit may have cut the list', async () => {
    const result = await runOnFixture('query-search', ['search', 'strasbourg', '--limit', '1'], TERMINAL);
    expect(result).toEqual({
      code: 0,
      out:
        '┌──────────────┬─────────────────────┬──────────────────┬─────────────────────┐\n' +
        '│ Type         │ Name                │ Matched          │ Id                  │\n' +
        '├──────────────┼─────────────────────┼──────────────────┼─────────────────────┤\n' +
        '│ organisation │ Ville de Strasbourg │ city: Strasbourg │ ville-de-strasbourg │\n' +
        '└──────────────┴─────────────────────┴──────────────────┴─────────────────────┘\n',
      err: '1 result (--limit 1: there may be more)\n',
    });
  });
});

describe('coop search --json', () => {
  it('prints the results as an array, whatever the terminal', async () => {
    const expected = [
      {
        type: 'organisation',
        id: 'clinique-des-fleurs',
        name: 'Clinique des Fleurs',
        score: 0.301,
        matched: { field: 'name', text: 'Clinique des Fleurs' },
      },
      {
        type: 'article',
        id: 'gazette-2019-05-02-alliance',
        name: "Deux hôpitaux de Suresnes s'allient",
        score: 0.978,
        matched: {
          field: 'body',
          text: 'Hôpital A and the Clinique des Fleurs found an alliance in Suresnes; a third…',
        },
      },
    ];
    const piped = await runOnFixture('query-search', ['search', 'fleurs', '--json']);
    expect(piped.code).toBe(0);
    expect(piped.err).toBe('');
    expect(JSON.parse(piped.out)).toEqual(expected);
    expect(await runOnFixture('query-search', ['search', 'fleurs', '--format', 'json'], TERMINAL)).toEqual(piped);
  });

  it('prints an empty array when nothing matches', async () => {
    expect(await runOnFixture('query-search', ['search', 'zzzzqqq', '--json'], TERMINAL)).toEqual({
      code: 0,
      out: '[]\n',
      err: '',
    });
  });
});

describe('coop search --type and --limit', () => {
  it('keeps to one type of record', async () => {
    const result = await runOnFixture('query-search', ['search', 'strasbourg', '--type', 'event']);
    expect(result).toEqual({
      code: 0,
      out: HEADER + 'event\tfris-award\tThe regional fund awards the Strasbourg project\t0.547\tplace\tStrasbourg\n',
      err: '',
    });
    const programmes = await runOnFixture('query-search', ['search', 'regional', '--type', 'programme']);
    expect(programmes).toEqual({
      code: 0,
      out:
        HEADER +
        'programme\tfonds-regional\tFonds régional innovation santé\t0.494\tname\tFonds régional innovation santé\n',
      err: '',
    });
  });

  it('finds an article by its outlet or its author', async () => {
    const outlet = await runOnFixture('query-search', ['search', 'la gazette', '--type', 'article']);
    expect(outlet).toEqual({
      code: 0,
      out:
        HEADER +
        "article\tgazette-2019-05-02-alliance\tDeux hôpitaux de Suresnes s'allient\t0.802\toutlet\tLa Gazette\n",
      err: '',
    });
    const author = await runOnFixture('query-search', ['search', 'jeanne martin']);
    expect(author).toEqual({
      code: 0,
      out:
        HEADER +
        "article\tgazette-2019-05-02-alliance\tDeux hôpitaux de Suresnes s'allient\t0.823\tauthors\tJeanne Martin\n",
      err: '',
    });
  });

  it('stops at --limit', async () => {
    const result = await runOnFixture('query-search', ['search', 'strasbourg', '--limit', '2']);
    expect(result).toEqual({
      code: 0,
      out:
        HEADER +
        'organisation\tville-de-strasbourg\tVille de Strasbourg\t0.367\tcity\tStrasbourg\n' +
        'organisation\tprojet-strasbourg\tProjet Santé Strasbourg\t0.453\tname\tProjet Santé Strasbourg\n',
      err: '',
    });
  });
});

describe('coop search usage errors', () => {
  it('exits 2 on an unknown --type, with a suggestion', async () => {
    expect(await runOnFixture('query-search', ['search', 'foch', '--type', 'org'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --type "org" is not one of: organisation, programme, event, article, person, agreement\n  hint: did you mean "organisation"?\n',
    });
    expect(await runOnFixture('query-search', ['search', 'foch', '--type', 'funding'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --type "funding" is not one of: organisation, programme, event, article, person, agreement\n',
    });
  });

  it.each(['0', '-3', '2.5', 'ten', '', ' 3'])('exits 2 on --limit %j', async (limit) => {
    expect(await runOnFixture('query-search', ['search', 'foch', '--limit', limit])).toEqual({
      code: 2,
      out: '',
      err: `coop: --limit "${limit}" is not a positive integer\n  hint: e.g. --limit 5\n`,
    });
  });

  it.each(['', '   '])('exits 2 on an empty text %j', async (text) => {
    expect(await runOnFixture('query-search', ['search', text])).toEqual({
      code: 2,
      out: '',
      err: 'coop: nothing to search for\n  hint: give a word, a name, an acronym or an id: coop search "cite des fleurs"\n',
    });
  });

  it('exits 2 without a text', async () => {
    const result = await runOnFixture('query-search', ['search']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain("error: missing required argument 'text'");
  });

  it('exits 2 on an unknown format', async () => {
    expect(await runOnFixture('query-search', ['search', 'foch', '--format', 'yaml'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: unknown format "yaml"\n  hint: use one of: table, tsv, json, csv\n',
    });
  });

  it('exits 2 on a missing data folder', async () => {
    const result = await runOnFixture('does-not-exist', ['search', 'foch']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^coop: data folder .*does-not-exist\/data does not exist\n$/);
  });
});
