import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, SEED_DATA } from '../helpers.js';

const BIN = join(REPO, 'bin', 'coop.cjs');

/** Runs the built bin/coop on the seed base (tests/fixtures/seed, a frozen copy of data/) as a person would, through a pipe. */
function coop(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data', SEED_DATA], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** TSV rows as objects keyed by the header. */
function rows(tsv: string): Array<Record<string, string>> {
  const [header, ...lines] = tsv
    .trimEnd()
    .split('\n')
    .map((line) => line.split('\t'));
  return lines.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
}

describe('coop events and coop sources on the seed base (tests/fixtures/seed, a frozen copy of data/)', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist', 'main.cjs')))
      execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
  });

  it('events --org alliance-ouest-parisien: the 2017-09-13 announcement comes before the 2019-03-11 review', () => {
    const result = coop(['events', '--org', 'alliance-ouest-parisien']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('id\tdate\tkind\ttitle\torgs\tprogramme\tplace\tsource\tstatus\tdisputed');
    const events = rows(result.out);
    // Every event listed involves the alliance.
    for (const event of events) expect(event.orgs!.split(',')).toContain('alliance-ouest-parisien');
    const announcement = events.findIndex((e) => e.id === 'alliance-ouest-parisien-annonce');
    const review = events.findIndex((e) => e.id === 'alliance-ouest-parisien-bilan-un-an');
    expect(events[announcement]).toMatchObject({
      date: '2017-09-13',
      kind: 'announcement',
      source: 'hospimedia-2017-09-13-alliance-ouest-parisien',
    });
    expect(events[review]).toMatchObject({
      date: '2019-03-11',
      kind: 'publication',
      source: 'alliance-hospitaliere-2019-03-11-un-an-apres',
    });
    expect(announcement).toBeLessThan(review);
  });

  it('sources alliance-ouest-parisien: both articles back founder claims, each with its own', () => {
    const result = coop(['sources', 'alliance-ouest-parisien']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('fact\tdetail\tsource\toutlet\tdate');
    const founders = rows(result.out).filter((r) => r.fact === 'member' && r.detail!.endsWith('(founder)'));
    expect(new Set(founders.map((r) => r.source))).toEqual(
      new Set(['hospimedia-2017-09-13-alliance-ouest-parisien', 'alliance-hospitaliere-2019-03-11-un-an-apres']),
    );
    // The two articles disagree on Solemnes: « associé » for Hospimedia (a member: associated is the
    // GHT's sense), a founder for the 2019 review.
    const solemnes = rows(result.out).filter((r) => r.fact === 'member' && r.detail!.startsWith('Résidence Solemnes'));
    expect(solemnes.map((r) => [r.detail, r.source])).toEqual([
      ['Résidence Solemnes (member)', 'hospimedia-2017-09-13-alliance-ouest-parisien'],
      ['Résidence Solemnes (founder)', 'alliance-hospitaliere-2019-03-11-un-an-apres'],
    ]);
    // Hôpital Foch is a founder in both.
    expect(founders.filter((r) => r.detail === 'Hôpital Foch (founder)').map((r) => r.source)).toEqual([
      'hospimedia-2017-09-13-alliance-ouest-parisien',
      'alliance-hospitaliere-2019-03-11-un-an-apres',
    ]);
  });
});
