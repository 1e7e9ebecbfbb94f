import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, SEED_DATA } from '../helpers.js';

const BIN = join(REPO, 'bin', 'coop.cjs');

/** Runs the built bin/coop as a person would, through a pipe. */
function coop(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data', SEED_DATA], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('coop search, built', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist', 'main.cjs')))
      execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
  });

  it('finds La Cité des Fleurs first in the seed base, typed without accents', () => {
    const result = coop(['search', 'cite des fleurs']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines[0]).toBe('type\tid\tname\tscore\tfield\tmatched');
    expect(lines[1]).toBe('organisation\tcite-des-fleurs\tLa Cité des Fleurs\t0.000\taliases\tCité des Fleurs');
    // Then the texts that mention it, each once, each a full row, ending with a newline.
    const rows = lines.slice(1, -1);
    expect(lines.at(-1)).toBe('');
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) expect(row.split('\t')).toHaveLength(6);
    const ids = rows.map((row) => row.split('\t')[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prints the same first result as JSON', () => {
    const result = coop(['search', 'cite des fleurs', '--json']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(JSON.parse(result.out)[0]).toEqual({
      type: 'organisation',
      id: 'cite-des-fleurs',
      name: 'La Cité des Fleurs',
      score: 0,
      matched: { field: 'aliases', text: 'Cité des Fleurs' },
    });
  });

  it('exits 2 on a bad --limit, without a stack trace', () => {
    expect(coop(['search', 'cite des fleurs', '--limit', 'x'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --limit "x" is not a positive integer\n  hint: e.g. --limit 5\n',
    });
  });
});
