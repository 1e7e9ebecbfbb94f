import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCoop } from '../helpers.js';

// The built binary publishes on two threads (src/app/publish-thread.ts: dist/publish-worker.cjs
// runs the SQL and makes the site's data files); run from the sources, as the command tests run,
// the same work is done on one thread. Both must write the same bytes.

const BIN = join(REPO, 'bin', 'coop.cjs');
const SLOW = 120_000;

/** Runs the built bin/coop through a pipe, with a cache of its own. */
function coop(args: string[], cwd: string, cache: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', COOP_CACHE_DIR: cache },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Every file under `dir`, relative, sorted, with its bytes. */
function filesUnder(dir: string): Array<[string, Buffer]> {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry): [string, Buffer] => {
      const path = join(entry.parentPath, entry.name);
      return [relative(dir, path), readFileSync(path)];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

let scratch: string;

beforeAll(() => {
  if (!existsSync(join(REPO, 'dist', 'main.cjs'))) execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
  expect(existsSync(join(REPO, 'dist', 'publish-worker.cjs'))).toBe(true);
  scratch = mkdtempSync(join(tmpdir(), 'coop-publish-'));
});

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('publishing on two threads (the built binary) writes what one thread writes (the sources)', () => {
  // sql: every kind of column, hostile strings; hostile-text: control and bidi characters in text.
  for (const scenario of ['sql', 'hostile-text', 'people-persons']) {
    it(
      `coop export --format sqlite, ${scenario}: the same file, byte for byte`,
      async () => {
        const data = join(FIXTURES, scenario, 'data');
        const twoThreads = join(scratch, `${scenario}-binary.db`);
        const oneThread = join(scratch, `${scenario}-sources.db`);
        const binary = coop(
          ['export', '--format', 'sqlite', '--out', twoThreads, '--data', data],
          scratch,
          join(scratch, 'cache'),
        );
        expect(binary.out).toBe(`${twoThreads}\n${twoThreads}.metadata.json\n`);
        expect(binary.code).toBe(0);
        const sources = await runCoop(['export', '--format', 'sqlite', '--out', oneThread, '--data', data], {
          cwd: scratch,
        });
        expect(sources.code).toBe(0);
        expect(binary.err).toBe(sources.err);
        const bytes = readFileSync(twoThreads);
        expect(bytes.length).toBeGreaterThan(0);
        expect(bytes.equals(readFileSync(oneThread))).toBe(true);
        expect(readFileSync(`${twoThreads}.metadata.json`, 'utf8')).toBe(
          readFileSync(`${oneThread}.metadata.json`, 'utf8').replaceAll(`${scenario}-sources`, `${scenario}-binary`),
        );
      },
      SLOW,
    );
  }

  it(
    'coop site: the same files, byte for byte, with the cache cold and warm',
    async () => {
      const data = join(FIXTURES, 'sql', 'data');
      const oneThread = join(scratch, 'site-sources');
      const sources = await runCoop(
        ['site', '--out', oneThread, '--data', data, '--base-url', 'https://example.org/c/'],
        {
          cwd: scratch,
        },
      );
      expect(sources.code).toBe(0);
      const expected = filesUnder(oneThread);
      expect(expected.map(([path]) => path)).toContain('data/coop.db');
      const cache = join(scratch, 'site-cache');
      for (const run of ['cold', 'warm']) {
        const twoThreads = join(scratch, `site-binary-${run}`);
        const binary = coop(
          ['site', '--out', twoThreads, '--data', data, '--base-url', 'https://example.org/c/'],
          scratch,
          cache,
        );
        expect({ run, code: binary.code, err: binary.err }).toEqual({
          run,
          code: 0,
          err: sources.err.replace(oneThread, twoThreads),
        });
        const written = filesUnder(twoThreads);
        expect(written.map(([path]) => path)).toEqual(expected.map(([path]) => path));
        for (const [i, [path, bytes]] of written.entries())
          expect({ run, path, same: bytes.equals(expected[i]![1]) }).toEqual({ run, path, same: true });
        // Nothing left beside it: the new folder was put in place.
        expect(readdirSync(scratch).filter((name) => name.includes('coop-site'))).toEqual([]);
      }
    },
    SLOW,
  );

  it(
    'coop site refuses a folder it did not make before any work, and leaves nothing behind',
    () => {
      const data = join(FIXTURES, 'sql', 'data');
      const theirs = join(scratch, 'theirs');
      execFileSync('mkdir', ['-p', theirs]);
      execFileSync('touch', [join(theirs, 'notes.txt')]);
      const refused = coop(['site', '--out', theirs, '--data', data], scratch, join(scratch, 'cache'));
      expect(refused.code).not.toBe(0);
      expect(refused.err).toContain('holds files that coop did not write: nothing written');
      expect(readdirSync(theirs)).toEqual(['notes.txt']);
      expect(readdirSync(scratch).filter((name) => name.includes('coop-site'))).toEqual([]);
    },
    SLOW,
  );
});
