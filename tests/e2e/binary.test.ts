import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, SEED_DATA } from '../helpers.js';

const BIN = join(REPO, 'bin', 'coop.cjs');

/** Runs the built bin/coop as a person would, through a pipe. */
function coop(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the built coop binary', () => {
  beforeAll(() => {
    // The end-to-end tests run what ships: build it when the tests run before any install did.
    if (!existsSync(join(REPO, 'dist', 'main.cjs')))
      execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
  });

  it('validates the seed base: its exact counts, no problem', () => {
    // The frozen copy of data/ (tests/fixtures/seed); data/ itself is checked in tests/data/.
    const result = coop(['validate', '--data', SEED_DATA]);
    expect(result.err).toBe('');
    expect(result.out).toBe('✔ no problems: 65 organisations, 3 programmes, 6 funding lines, 21 events, 5 articles\n');
    expect(result.code).toBe(0);
  });

  it('reads data/ beside it when neither --data nor COOP_DATA names a folder', () => {
    // Whatever data/ holds by now: the same summary as naming it with --data.
    const named = coop(['validate', '--data', join(REPO, 'data')]);
    expect(named.out).toMatch(/^[✔⚠✖] /);
    expect(coop(['validate'])).toEqual(named);
  });

  it('reports a broken base with exit 1 and no stack trace', () => {
    const result = coop(['validate', '--data', join(FIXTURES, 'e2e-broken', 'data')]);
    expect(result.code).toBe(1);
    expect(result.err).toBe('');
    // Paths print relative to where the person stands (the repository here).
    expect(result.out).toBe(
      'tests/fixtures/e2e-broken/data/organisations/alliance-test.yaml:5:10: error: member "hopital-b" is not an organisation [unknown-reference]\n' +
        '  hint: did you mean "hopital-a"?\n' +
        '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
    );
  });

  it('honours COOP_DATA, and --data over it', () => {
    expect(coop(['validate'], { COOP_DATA: join(FIXTURES, 'e2e-broken', 'data') }).code).toBe(1);
    expect(
      coop(['validate', '--data', join(FIXTURES, 'minimal', 'data')], {
        COOP_DATA: join(FIXTURES, 'e2e-broken', 'data'),
      }).code,
    ).toBe(0);
  });

  it('exits 2 on a data folder that is a file', () => {
    const result = coop(['validate', '--data', join(REPO, 'package.json')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^coop: data folder .*package\.json is not a folder\n$/);
  });

  it('prints its version and help, exit 0', () => {
    const version = coop(['--version']);
    expect(version).toEqual({
      code: 0,
      out: `${JSON.parse(execFileSync('cat', [join(REPO, 'package.json')], { encoding: 'utf8' })).version}\n`,
      err: '',
    });
    const help = coop(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: coop [options] [command]');
  });

  it('ends quietly when the reader closes the pipe early (coop export | head)', () => {
    // A real shell pipe: Node's own child pipes buffer the whole export and never see EPIPE.
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${BIN}" export --data "${SEED_DATA}" | head -c 1 > /dev/null; exit \${PIPESTATUS[0]}`,
      ],
      {
        cwd: REPO,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
        // No stdin: with a socket there, bash takes itself for a remote shell and reads ~/.bashrc.
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
