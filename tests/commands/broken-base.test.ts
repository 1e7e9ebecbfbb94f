/**
 * A base with broken files still answers (every other command loads
 * the same way, works on the valid records and prints one line on stderr if the base has errors).
 *
 * tests/fixtures/broken-base/data is tests/fixtures/query-broken-base/data with two files broken:
 * - organisations/groupe-sante-plus.yaml: a YAML syntax error (a "[" never closed): the record is
 *   left out, but its id still exists, so clinique-des-fleurs's owner is not reported as unknown;
 * - organisations/ehpad-les-tilleuls.yaml: owner "groupe-sante-pluss", an unknown reference: the
 *   record passes its schema and stays in the base.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCoop, runOnFixture } from '../helpers.js';

const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };
const BASE_ERRORS = 'coop: the base has 2 errors (see coop validate); answering from the valid records\n';

const broken = (args: string[], options = {}) => runOnFixture('broken-base', [...args, '--no-cache'], options);
const intact = (args: string[], options = {}) => runOnFixture('query-broken-base', [...args, '--no-cache'], options);

const LIST =
  'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
  'alliance-test\tAlliance de test\tADT\talliance\tprivate-nonprofit\t\t92\tile-de-france\n' +
  'clinique-des-fleurs\tClinique des Fleurs\t\tclinic\tprivate-for-profit\tCourbevoie\t92\tile-de-france\n' +
  'ehpad-les-tilleuls\tEHPAD Les Tilleuls\t\tehpad\t\tRueil-Malmaison\t\t\n' +
  'etat\tÉtat\t\tstate\tpublic\t\t\t\n' +
  // groupe-sante-plus, whose file does not parse, is not here.
  'hopital-a\tHôpital A\t\thospital\tprivate-nonprofit\tSuresnes\t92\tile-de-france\n' +
  'projet-strasbourg\tProjet Santé Strasbourg\tPSS\tproject\t\t\t\tgrand-est\n' +
  'ville-de-strasbourg\tVille de Strasbourg\t\tlocal-authority\tpublic\tStrasbourg\t67\tgrand-est\n';

// The four events of the query fixture: no event file is broken.
const EVENTS =
  'id\tdate\tkind\ttitle\torgs\tprogramme\tplace\tsource\tstatus\tdisputed\n' +
  "alliance-test-creation\t2019-05-02\tfounding\tCréation de l'Alliance de test\talliance-test,hopital-a,clinique-des-fleurs\t\tSuresnes\tgazette-2019-05-02-alliance\thappened\t\n" +
  'fris-call\t2019?\tcall-for-projects\tCall for projects of the regional fund\t\tfonds-regional\t\tjournal-2020-03-10-fonds\thappened\t\n' +
  'tilleuls-joins\t2019-05/2020\tjoining\tEHPAD Les Tilleuls joins the alliance\talliance-test,ehpad-les-tilleuls\t\t\tgazette-2019-05-02-alliance\thappened\t\n' +
  'fris-award\t2020-03-10\taward\tThe regional fund awards the Strasbourg project\tprojet-strasbourg,ville-de-strasbourg\tfonds-regional\tStrasbourg\tjournal-2020-03-10-fonds\thappened\t\n';

describe('coop validate on a base with two broken files', () => {
  it('exits 1 and lists both problems, in a pipe', async () => {
    expect(await broken(['validate'])).toEqual({
      code: 1,
      out:
        'data/organisations/ehpad-les-tilleuls.yaml:5:10: error: owner "groupe-sante-pluss" is not an organisation [unknown-reference]\n' +
        '  hint: did you mean "groupe-sante-plus"?\n' +
        'data/organisations/groupe-sante-plus.yaml:4:10: error: this [ is never closed [yaml-syntax]\n' +
        '  hint: close it with ]\n' +
        '✖ 2 errors, 0 warnings in 2 files (7 organisations, 2 programmes, 3 funding lines, 4 events, 2 articles loaded)\n',
      err: '',
    });
  });

  it('lists both as JSON', async () => {
    const result = await broken(['validate', '--format', 'json']);
    expect(result.code).toBe(1);
    expect(result.err).toBe('');
    expect(JSON.parse(result.out)).toEqual({
      valid: false,
      errors: 2,
      warnings: 0,
      files_with_problems: 2,
      records: { organisations: 7, people: 0, programmes: 2, funding: 3, events: 4, articles: 2, agreements: 0 },
      diagnostics: [
        {
          file: 'data/organisations/ehpad-les-tilleuls.yaml',
          line: 5,
          column: 10,
          severity: 'error',
          rule: 'unknown-reference',
          message: 'owner "groupe-sante-pluss" is not an organisation',
          hint: 'did you mean "groupe-sante-plus"?',
        },
        {
          file: 'data/organisations/groupe-sante-plus.yaml',
          line: 4,
          column: 10,
          severity: 'error',
          rule: 'yaml-syntax',
          message: 'this [ is never closed',
          hint: 'close it with ]',
        },
      ],
    });
  });
});

describe('the query commands answer from the valid records, with one line on stderr', () => {
  it('list: every organisation but the one whose file does not parse', async () => {
    expect(await broken(['list'])).toEqual({ code: 0, out: LIST, err: BASE_ERRORS });
  });

  it('events: all four events, as on the intact base', async () => {
    expect(await broken(['events'])).toEqual({ code: 0, out: EVENTS, err: BASE_ERRORS });
  });

  it('show: a valid record answers exactly as on the intact base', async () => {
    for (const id of ['alliance-test', 'fonds-regional', 'fris-award', 'journal-2020-03-10-fonds']) {
      const result = await broken(['show', id]);
      expect(result).toEqual({ code: 0, out: (await intact(['show', id])).out, err: BASE_ERRORS });
    }
  });

  it('show: the record with the unknown reference answers, with the reference as written', async () => {
    const result = await broken(['show', 'ehpad-les-tilleuls']);
    expect(result.code).toBe(0);
    expect(result.err).toBe(BASE_ERRORS);
    expect(result.out).toContain('Part of\tgroupe-sante-pluss [groupe-sante-pluss]\n');
  });

  it('show: the record whose file does not parse is not found, exit 1', async () => {
    expect(await broken(['show', 'groupe-sante-plus'])).toEqual({
      code: 1,
      out: '',
      err: BASE_ERRORS + 'coop: no record "groupe-sante-plus"\n',
    });
  });

  it('funding, search: as on the intact base (no funding line, and no match, is in a broken file)', async () => {
    for (const args of [
      ['funding'],
      ['funding', '--program', 'PNI'],
      ['search', 'fleurs'],
      ['search', 'strasbourg', '--type', 'event'],
    ]) {
      expect(await broken(args)).toEqual({ code: 0, out: (await intact(args)).out, err: BASE_ERRORS });
    }
  });

  it('sources: the articles, cited by one record fewer', async () => {
    expect(await broken(['sources'])).toEqual({
      code: 0,
      out:
        'id\tdate\toutlet\ttitle\tauthors\tcited_by\n' +
        "gazette-2019-05-02-alliance\t2019-05-02\tLa Gazette\tDeux hôpitaux de Suresnes s'allient\tJeanne Martin\t6\n" +
        'journal-2020-03-10-fonds\t2020-03-10\tLe Journal\tLe fonds régional récompense un projet strasbourgeois\t\t10\n',
      err: BASE_ERRORS,
    });
    const facts = await broken(['sources', 'alliance-test']);
    expect(facts).toEqual({ code: 0, out: (await intact(['sources', 'alliance-test'])).out, err: BASE_ERRORS });
  });

  it('export: the valid records, as JSON and as CSV', async () => {
    const result = await broken(['export']);
    expect(result.code).toBe(0);
    expect(result.err).toBe(BASE_ERRORS);
    const base = JSON.parse(result.out);
    expect(base.organisations.map((o: { id: string }) => o.id)).toEqual([
      'alliance-test',
      'clinique-des-fleurs',
      'ehpad-les-tilleuls',
      'etat',
      'hopital-a',
      'projet-strasbourg',
      'ville-de-strasbourg',
    ]);
    expect(base.organisations.find((o: { id: string }) => o.id === 'ehpad-les-tilleuls').owners).toEqual([
      { org: 'groupe-sante-pluss' },
    ]);
    expect(base.events).toHaveLength(4);
    expect(base.funding).toHaveLength(3);
    expect(base.programmes).toHaveLength(2);
    expect(base.articles).toHaveLength(2);
    expect(base.memberships).toHaveLength(4);
    const csv = await broken(['export', '--table', 'organisations', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.err).toBe(BASE_ERRORS);
    expect(csv.out.split('\r\n').map((line) => line.split(',')[0])).toEqual([
      'id',
      'alliance-test',
      'clinique-des-fleurs',
      'ehpad-les-tilleuls',
      'etat',
      'hopital-a',
      'projet-strasbourg',
      'ville-de-strasbourg',
      '',
    ]);
  });

  it('stats: the counts of the valid records', async () => {
    expect(await broken(['stats'])).toEqual({
      code: 0,
      out: [
        'section\tkey\tsubkey\tcount\tamount\tcurrency\tqualifier\tamount_min\tamount_max\tper',
        'records\torganisations\t\t7\t\t\t\t\t\t',
        'records\tprogrammes\t\t2\t\t\t\t\t\t',
        'records\tfunding\t\t3\t\t\t\t\t\t',
        'records\tevents\t\t4\t\t\t\t\t\t',
        'records\tarticles\t\t2\t\t\t\t\t\t',
        'records\tpeople\t\t0\t\t\t\t\t\t',
        'organisations.by_kind\talliance\t\t1\t\t\t\t\t\t',
        'organisations.by_kind\tclinic\t\t1\t\t\t\t\t\t',
        'organisations.by_kind\tehpad\t\t1\t\t\t\t\t\t',
        'organisations.by_kind\thospital\t\t1\t\t\t\t\t\t',
        'organisations.by_kind\tlocal-authority\t\t1\t\t\t\t\t\t',
        'organisations.by_kind\tproject\t\t1\t\t\t\t\t\t',
        'organisations.by_kind\tstate\t\t1\t\t\t\t\t\t',
        'organisations.by_sector\tprivate-nonprofit\t\t2\t\t\t\t\t\t',
        'organisations.by_sector\tpublic\t\t2\t\t\t\t\t\t',
        'organisations.by_sector\tprivate-for-profit\t\t1\t\t\t\t\t\t',
        'organisations.by_sector\t(none)\t\t2\t\t\t\t\t\t',
        'organisations.by_region\tile-de-france\t\t3\t\t\t\t\t\t',
        'organisations.by_region\tgrand-est\t\t2\t\t\t\t\t\t',
        'organisations.by_region\t(none)\t\t2\t\t\t\t\t\t',
        'memberships.by_role\tfounder\t\t2\t\t\t\t\t\t',
        'memberships.by_role\tcarrier\t\t1\t\t\t\t\t\t',
        'memberships.by_role\tmember\t\t1\t\t\t\t\t\t',
        'memberships.by_status\tmember\t\t4\t\t\t\t\t\t',
        'money\tfonds-regional\tgrant/awarded\t1\t2500000\tEUR\texact\t2500000\t2500000\t',
        'money\tfonds-regional\tequity/potential\t1\t7000000\tEUR\tup-to\t\t7000000\t',
        'money\tplan-national\tgrant/announced\t1\t300000\tEUR\texact\t300000\t300000\t',
        '',
      ].join('\n'),
      err: BASE_ERRORS,
    });
  });

  it('every query command, as JSON: the same one line on stderr, and JSON on stdout', async () => {
    const commands = [
      ['list'],
      ['show', 'alliance-test'],
      ['funding'],
      ['search', 'fleurs'],
      ['events'],
      ['sources'],
      ['sources', 'alliance-test'],
      ['export'],
      ['stats'],
    ];
    for (const args of commands) {
      const result = await broken([...args, '--json']);
      expect({ args, code: result.code, err: result.err }).toEqual({ args, code: 0, err: BASE_ERRORS });
      expect(() => JSON.parse(result.out)).not.toThrow();
    }
    expect(JSON.parse((await broken(['list', '--json'])).out).map((o: { id: string }) => o.id)).not.toContain(
      'groupe-sante-plus',
    );
  });

  it('on a terminal: the line first, then the usual count', async () => {
    const list = await broken(['list'], TERMINAL);
    expect(list.code).toBe(0);
    expect(list.err).toBe(BASE_ERRORS + '7 organisations\n');
    expect(list.out).not.toContain('Groupe Santé Plus');
    expect(list.out).toContain(
      '│ EHPAD Les         │ ehpad           │                    │ Rueil-Malmaison │ ehpad-les-tilleuls  │\n',
    );
    const events = await broken(['events'], TERMINAL);
    expect(events).toEqual({ ...(await intact(['events'], TERMINAL)), err: BASE_ERRORS + '4 events\n' });
  });
});

describe('validate reports every problem in one pass', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'coop-one-pass-'));
    cpSync(join(FIXTURES, 'query-broken-base', 'data'), join(root, 'data'), { recursive: true });
    // One record with three problems: an unknown field, an unknown owner, a city that is no commune.
    const file = join(root, 'data', 'organisations', 'hopital-a.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        'city: Suresnes\n',
        'city: Suresnez\nowners:\n  - org: groupe-sante-pluss\ncolour: blue\n',
      ),
    );
  });
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  // Was a bug: a record with an unknown top-level field had its other problems hidden. The checker
  // removes the faulty fields and checks what is left against the base (src/core/validate.ts,
  // checkRecord), but zod reports an unknown key at the record's own path, so the key is not
  // removed, the strict schema fails again on what is left, and the unknown reference and the
  // unknown commune go unreported until the field is removed:
  //   organisations/hopital-a.yaml with `city: Suresnez`, `owners: [{org: groupe-sante-pluss}]`, `colour: blue`
  //   -> coop validate: 1 error (unknown-field); remove `colour` -> 2 more errors appear.
  // Every problem of the whole base is reported in one pass.
  it('reports the unknown field, the unknown owner and the unknown commune together', async () => {
    const result = await runCoop(['validate', '--data', 'data', '--no-cache', '--format', 'json'], { cwd: root });
    expect(result.code).toBe(1);
    const rules = JSON.parse(result.out).diagnostics.map(
      (d: { rule: string; message: string }) => `${d.rule}: ${d.message}`,
    );
    expect(rules.sort()).toEqual([
      'unknown-field: unknown field "colour"',
      'unknown-geography: city "Suresnez" is not a French commune',
      'unknown-reference: owner "groupe-sante-pluss" is not an organisation',
    ]);
  });

  it("reports the unknown owner and the unknown commune once the field is gone (today's second pass)", async () => {
    const file = join(root, 'data', 'organisations', 'hopital-a.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('colour: blue\n', ''));
    try {
      const result = await runCoop(['validate', '--data', 'data', '--no-cache', '--format', 'json'], { cwd: root });
      const rules = JSON.parse(result.out).diagnostics.map((d: { rule: string }) => d.rule);
      expect(rules).toEqual(['unknown-geography', 'unknown-reference']);
    } finally {
      writeFileSync(file, text);
    }
  });
});
