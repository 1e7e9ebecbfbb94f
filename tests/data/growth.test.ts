/**
 * Contributions to data/ never break the tests (issue 12): a copy of the shipped data/ gets a new,
 * invented article recorded with coop's own commands only, as a contributor would, and still passes
 * every check tests/data/shipped-data.test.ts makes of data/. The article touches what the exact tests
 * used to pin: a new "Hôpital ..." (search rankings, completion), a new Grand Est organisation (the
 * region's list), a new member and founder of the alliance, new money under the PIA (totals), a new
 * programme in the PIA tree, new events and figures.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA, runCoop, SEED_DATA } from '../helpers.js';
import { expectFilesFollowTheSchemas, expectSeedFacts, expectShippedData, expectValidates } from './shipped-facts.js';

const ARTICLE = 'gazette-des-territoires-2027-02-03-hopital-lune';

let root: string;
let data: string;

/** coop in-process on the copy, as a contributor runs it; every step must succeed. */
async function coop(args: string[], stdin?: string) {
  const result = await runCoop([...args, '--data', data], { cwd: root, stdin });
  expect(result.code, `coop ${args.join(' ')}: ${result.err}`).toBe(0);
  return result;
}

/** The counts `coop validate --format json` gives. */
async function counts(dir: string): Promise<Record<string, number>> {
  return JSON.parse((await runCoop(['validate', '--data', dir, '--no-cache', '--format', 'json'])).out).records;
}

describe('a new article recorded into a copy of data/ with coop commands', { timeout: 180_000 }, () => {
  let before: Record<string, number>;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'coop-growth-'));
    data = join(root, 'data');
    cpSync(BUNDLED_DATA, data, { recursive: true });
    before = await counts(data);

    await coop(
      [
        'new',
        'article',
        ARTICLE,
        '--title',
        "L'hôpital Lune rejoint l'Alliance hospitalière et Territoire de santé de demain",
        '--outlet',
        'Gazette des territoires',
        '--date',
        '2027-02-03',
        '--author',
        'Camille Exemple',
        '--person',
        "Léa Exemple|directrice de l'hôpital Lune",
        '--summary',
        '-',
      ],
      'An invented article, for the tests only: the Hôpital Lune of Metz joins the Alliance hospitalière\n' +
        "de l'Ouest parisien as a founder and Territoire de santé de demain as a partner, and receives a\n" +
        "grant of 1.5 M€ from Territoires d'innovation and one from a new PIA programme.\n",
    );
    await coop([
      'new',
      'organisation',
      'hopital-lune',
      '--name',
      'Hôpital Lune',
      '--kind',
      'hospital',
      '--sector',
      'public',
      '--department',
      '57',
      '--city',
      'metz',
      '--source',
      ARTICLE,
    ]);
    await coop([
      'new',
      'programme',
      'programme-lune',
      '--name',
      'Programme Lune',
      '--parent',
      'PIA',
      '--funder',
      'etat',
      '--launched',
      '2026-06',
      '--source',
      ARTICLE,
    ]);
    await coop([
      'add',
      'member',
      'alliance-ouest-parisien',
      'hopital-lune',
      '--role',
      'founder',
      '--since',
      '2027-02',
      '--source',
      ARTICLE,
    ]);
    await coop([
      'add',
      'member',
      'territoire-de-sante-de-demain',
      'hopital-lune',
      '--role',
      'partner',
      '--source',
      ARTICLE,
    ]);
    await coop([
      'add',
      'funding',
      '--programme',
      'territoires-d-innovation',
      '--recipient',
      'hopital-lune',
      '--instrument',
      'grant',
      '--amount',
      '1,5 M€',
      '--stage',
      'awarded',
      '--date',
      '2027-02',
      '--source',
      ARTICLE,
    ]);
    await coop([
      'add',
      'funding',
      '--programme',
      'programme-lune',
      '--recipient',
      'hopital-lune',
      '--instrument',
      'grant',
      '--amount',
      '250k',
      '--stage',
      'announced',
      '--source',
      ARTICLE,
    ]);
    await coop([
      'add',
      'event',
      '--date',
      '2027-02',
      '--kind',
      'joining',
      '--title',
      "Hôpital Lune joins the Alliance hospitalière de l'Ouest parisien",
      '--org',
      'alliance-ouest-parisien',
      '--org',
      'hopital-lune',
      '--source',
      ARTICLE,
    ]);
    await coop([
      'add',
      'event',
      '--date',
      '2026-06',
      '--kind',
      'call-for-projects',
      '--title',
      'Programme Lune opens',
      '--programme',
      'programme-lune',
      '--source',
      ARTICLE,
    ]);
    await coop([
      'add',
      'figure',
      'hopital-lune',
      '--metric',
      'beds',
      '--value',
      '420',
      '--as-of',
      '2027-02-03',
      '--source',
      ARTICLE,
    ]);
    await coop([
      'add',
      'budget',
      'programme-lune',
      '--instrument',
      'grant',
      '--amount',
      '20M',
      '--upper-bound',
      '--source',
      ARTICLE,
    ]);
    // A dozen coop runs: the default 10 s for a hook is too short on a shared, loaded machine.
  }, 180_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('really grew the copy: one more article, organisation, programme, two funding lines, two events', async () => {
    const after = await counts(data);
    expect(after).toEqual({
      organisations: before.organisations! + 1,
      programmes: before.programmes! + 1,
      funding: before.funding! + 2,
      events: before.events! + 2,
      articles: before.articles! + 1,
      people: before.people,
      agreements: before.agreements!,
    });
    const exported = JSON.parse((await coop(['export', '--no-cache'])).out) as {
      memberships: Array<Record<string, unknown>>;
      funding: Array<Record<string, unknown>>;
    };
    expect(exported.memberships).toContainEqual(
      expect.objectContaining({
        organisation: 'alliance-ouest-parisien',
        member: 'hopital-lune',
        role: 'founder',
        source: ARTICLE,
      }),
    );
    expect(exported.funding).toContainEqual(
      expect.objectContaining({
        programme: 'territoires-d-innovation',
        recipient: 'hopital-lune',
        amount: 1_500_000,
        source: ARTICLE,
      }),
    );
  });

  it('validates clean: no error, no warning', async () => {
    const result = await runCoop(['validate', '--data', data, '--no-cache', '--strict']);
    expect(result.out).toMatch(/^✔ no problems: /);
    expect(result).toMatchObject({ code: 0, err: '' });
  });

  it('passes every check the shipped data/ must pass', async () => {
    await expectShippedData(data);
  });

  it("recorded the programme's budget with coop add budget", async () => {
    const shown = JSON.parse((await coop(['show', 'programme-lune', '--json'])).out) as {
      record: { budget?: Array<Record<string, unknown>> };
    };
    expect(shown.record.budget).toEqual([
      { instrument: 'grant', amount: 20_000_000, currency: 'EUR', upper_bound: true, source: ARTICLE },
    ]);
  });
});

describe('the checks of data/ can fail', { timeout: 120_000 }, () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'coop-growth-broken-'));
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('on a seed fact changed: a grant of 10.6 M€ become 10.7 M€', async () => {
    cpSync(SEED_DATA, join(copy, 'changed'), { recursive: true });
    const file = join(copy, 'changed', 'funding', 'territoires-d-innovation.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('amount: 10600000\n');
    writeFileSync(file, text.replace('amount: 10600000\n', 'amount: 10700000\n'));
    await expectValidates(join(copy, 'changed'));
    await expect(expectSeedFacts(join(copy, 'changed'))).rejects.toThrow(
      /grant awarded 10600000 to territoire-de-sante-de-demain/,
    );
  });

  it('on a base with an error, and on a file without its editor line', async () => {
    cpSync(SEED_DATA, join(copy, 'broken'), { recursive: true });
    const file = join(copy, 'broken', 'organisations', 'hopital-foch.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace(/^# yaml-language-server:.*\n/, '')
        .replace('kind: hospital', 'kind: hopital'),
    );
    await expect(expectValidates(join(copy, 'broken'))).rejects.toThrow();
    await expect(expectFilesFollowTheSchemas(join(copy, 'broken'))).rejects.toThrow(
      /organisations\/hopital-foch\.yaml/,
    );
  });
});
