import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, SEED_DATA } from '../helpers.js';

const BIN = join(REPO, 'bin', 'coop.cjs');

/** Runs the built bin/coop as a person would, through a pipe, on the seed base (tests/fixtures/seed, a frozen copy of data/). */
function coop(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data', SEED_DATA], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the built coop binary: export and stats', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist', 'main.cjs')))
      execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
  });

  it('exports the seed base as JSON, memberships flattened', () => {
    const result = coop(['export']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const base = JSON.parse(result.out);
    expect(Object.keys(base)).toEqual([
      'organisations',
      'memberships',
      'programmes',
      'funding',
      'events',
      'articles',
      'agreements',
    ]);
    expect(base.articles).toHaveLength(5);
    const claim = {
      organisation: 'alliance-ouest-parisien',
      member: 'residence-solemnes',
      role: 'member',
      source: 'hospimedia-2017-09-13-alliance-ouest-parisien',
    };
    expect(base.memberships).toContainEqual(expect.objectContaining(claim));
    const found = base.memberships.filter(
      (m: Record<string, unknown>) => m.member === claim.member && m.role === claim.role && m.source === claim.source,
    );
    expect(found).toHaveLength(1);
    // Flattened: every row has the same eight keys, null when the data has no value.
    expect(Object.keys(found[0])).toEqual([
      'organisation',
      'member',
      'role',
      'status',
      'since',
      'until',
      'note',
      'source',
    ]);
    expect(found[0].until).toBeNull();
  });

  it('prints the money of territoires-d-innovation by instrument and stage, never added across', () => {
    const result = coop(['stats', '--json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const money = JSON.parse(result.out).money.filter(
      (row: { programme: string }) => row.programme === 'territoires-d-innovation',
    );
    expect(money).toEqual([
      {
        programme: 'territoires-d-innovation',
        instrument: 'grant',
        stage: 'awarded',
        currency: 'EUR',
        lines: 3,
        amount: 25900000,
      },
      {
        programme: 'territoires-d-innovation',
        instrument: 'equity',
        stage: 'potential',
        currency: 'EUR',
        lines: 3,
        amount: 66000000,
      },
    ]);
  });
});
