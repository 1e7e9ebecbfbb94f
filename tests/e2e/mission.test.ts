import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, SEED_DATA } from '../helpers.js';

/**
 * The three questions of the mission, asked of the built binary on the seed base (tests/fixtures/seed: data/ as
 * its five seed articles made it, frozen so that new articles in data/ change no answer here), answered as the
 * articles say. tests/data/shipped-data.test.ts checks that data/ still holds these facts.
 */
function coop(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPO, 'bin', 'coop.cjs'), ...args, '--data', SEED_DATA], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const HOSPIMEDIA = 'hospimedia-2017-09-13-alliance-ouest-parisien';
const REVIEW = 'alliance-hospitaliere-2019-03-11-un-an-apres';
const TICSANTE = 'ticsante-2019-11-territoire-de-sante-de-demain';

beforeAll(() => {
  if (!existsSync(join(REPO, 'dist', 'main.cjs'))) execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
});

describe('coop show alliance-ouest-parisien', () => {
  const view = () => {
    const result = coop('show', 'alliance-ouest-parisien', '--json');
    expect(result.code).toBe(0);
    return JSON.parse(result.out) as {
      members: Array<{ role: string; members: Array<{ org: string; source: string; since?: string }> }>;
    };
  };
  const claims = (role: string, source: string) =>
    view()
      .members.find((g) => g.role === role)!
      .members.filter((m) => m.source === source)
      .map((m) => m.org)
      .sort();

  it("keeps Hospimedia's six non-profit founders and Solemnes as a mere associate", () => {
    expect(claims('founder', HOSPIMEDIA)).toEqual([
      'cite-des-fleurs',
      'fondation-diaconesses-de-reuilly',
      'fondation-sante-service',
      'hopital-foch',
      'hopital-gouin',
      'institut-hospitalier-franco-britannique',
    ]);
    expect(claims('member', HOSPIMEDIA)).toEqual(['residence-solemnes']);
  });

  it("keeps the 2019 review's founders, Solemnes among them, beside the other claim", () => {
    expect(claims('founder', REVIEW)).toContain('residence-solemnes');
    expect(claims('founder', REVIEW)).toContain('hopital-foch');
    expect(claims('founder', REVIEW)).toContain('hopital-gouin');
  });

  it('lists the members that joined in the first year, per the 2019 review', () => {
    expect(claims('member', REVIEW)).toEqual([
      'ansiad',
      'clinique-de-la-verriere',
      'clinique-de-rueil-malmaison',
      'groupe-mgen',
      'hopital-nord',
      'maison-medicale-claire-demeure',
      'sapa',
      'sesid-92',
      'ssiad-de-saint-cloud',
    ]);
  });

  it("shows the alliance's 2019 figures on a page a person reads", () => {
    const page = coop('show', 'alliance-ouest-parisien').out;
    expect(page).toContain('staff\t5601\t\t2019-03-11\t' + REVIEW);
    expect(page).toContain('beds\t2047\t\t2019-03-11\t' + REVIEW);
    expect(page).toContain('births\t5700\tper-year\t2019-03-11\t' + REVIEW);
  });
});

describe('coop list --region grand-est', () => {
  it('lists the Grand Est organisations of the TICsanté article, and only them', () => {
    const result = coop('list', '--region', 'grand-est');
    expect(result.code).toBe(0);
    const ids = result.out
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t')[0])
      .sort();
    for (const id of [
      'territoire-de-sante-de-demain',
      'eurometropole-de-strasbourg',
      'hopitaux-universitaires-de-strasbourg',
      'ars-grand-est',
      'e-meuse-sante',
      'departement-de-la-meuse',
      'chu-de-nancy',
      'chr-metz-thionville',
      'communaute-de-communes-du-pays-de-bitche',
      'cpam-du-bas-rhin',
    ]) {
      expect(ids).toContain(id);
    }
    // Lorient is in Brittany, the alliance in Île-de-France, the Interpro in Provence.
    for (const id of [
      'handicap-innovation-territoire',
      'lorient-agglomeration',
      'alliance-ouest-parisien',
      'interpro-sante-provence',
    ])
      expect(ids).not.toContain(id);
    expect(coop('list', '--region', 'Grand Est').out).toBe(result.out);
    expect(coop('list', '--region', '44').out).toBe(result.out);
  });
});

describe('coop funding --program PIA', () => {
  const report = () => JSON.parse(coop('funding', '--program', 'PIA', '--json').out);

  it("includes Territoires d'innovation, carried by the PIA", () => {
    expect(report().programme.includes).toEqual(['pia', 'territoires-d-innovation']);
  });

  it('gives each health laureate its grant and its potential equity, apart', () => {
    const lines = report().lines.map(
      (l: { recipient: string; instrument: string; stage: string; amount: number; source: string }) => [
        l.recipient,
        l.instrument,
        l.stage,
        l.amount,
        l.source,
      ],
    );
    expect(lines).toEqual([
      ['e-meuse-sante', 'grant', 'awarded', 8400000, TICSANTE],
      ['e-meuse-sante', 'equity', 'potential', 18600000, TICSANTE],
      ['handicap-innovation-territoire', 'grant', 'awarded', 6900000, TICSANTE],
      ['handicap-innovation-territoire', 'equity', 'potential', 22400000, TICSANTE],
      ['territoire-de-sante-de-demain', 'grant', 'awarded', 10600000, TICSANTE],
      ['territoire-de-sante-de-demain', 'equity', 'potential', 25000000, TICSANTE],
    ]);
  });

  it('totals grants and equity apart: 25.9 M€ awarded, 66 M€ potential', () => {
    expect(report().totals).toEqual([
      {
        instrument: 'grant',
        stage: 'awarded',
        currency: 'EUR',
        qualifier: 'exact',
        amount: 25900000,
        amount_min: 25900000,
        amount_max: 25900000,
        approximate: false,
        lines: 3,
        upper_bound: false,
      },
      {
        instrument: 'equity',
        stage: 'potential',
        currency: 'EUR',
        qualifier: 'exact',
        amount: 66000000,
        amount_min: 66000000,
        amount_max: 66000000,
        approximate: false,
        lines: 3,
        upper_bound: false,
      },
    ]);
  });

  it('shows the programme budget: 150 M€ of grants and 300 M€ of equity', () => {
    expect(report().budget.map((b: { instrument: string; amount: number }) => [b.instrument, b.amount])).toEqual([
      ['grant', 150000000],
      ['equity', 300000000],
    ]);
  });

  it('prints the totals for people on a terminal', () => {
    const result = spawnSync(
      process.execPath,
      [join(REPO, 'bin', 'coop.cjs'), 'funding', '--program', 'PIA', '--format', 'table', '--data', SEED_DATA],
      {
        cwd: REPO,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', COLUMNS: '120', NO_COLOR: '1' },
      },
    );
    expect(result.stdout).toContain('│ grant      │ awarded   │ 3     │ 25.9 M€ │');
    expect(result.stdout).toContain('│ equity     │ potential │ 3     │ 66 M€   │');
  });
});
