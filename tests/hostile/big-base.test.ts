import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchWork } from '../../src/core/search.js';
import { distanceWork } from '../../src/core/text.js';
import { REPO, runCoop } from '../helpers.js';

/**
 * Work bounds on a generated base of 2,000 organisations (10,000 events and funding lines, ids
 * and names ~30,000), counted, never timed: the machine running the tests may be slow or busy.
 */
let root: string;
let run: (args: string[]) => ReturnType<typeof runCoop>;
const ORGS = 2000;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'coop-hostile-big-'));
  execFileSync(
    process.execPath,
    [join(REPO, 'scripts', 'bench-gen.mjs'), '--orgs', String(ORGS), '--out', join(root, 'data')],
    { stdio: 'ignore', timeout: 120_000 },
  );
  run = (args) =>
    runCoop([...args, '--data', join(root, 'data')], {
      cwd: root,
      env: { NO_COLOR: '1', COOP_CACHE_DIR: join(root, 'cache') },
    });
}, 180_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const reset = () => {
  distanceWork.cells = 0;
  distanceWork.comparisons = 0;
  searchWork.fuzzyDocuments = 0;
  searchWork.wordComparisons = 0;
};

describe('did you mean, on a large base', () => {
  it('a 1,000-character unknown id computes no distance at all', { timeout: 180_000 }, async () => {
    await run(['list']); // the cache, built once
    reset();
    const result = await run(['show', 'x'.repeat(1000)]);
    expect(result.code).toBe(1);
    expect(distanceWork.cells).toBe(0);
  });

  it('a one-letter typo: the same suggestion, within a bounded number of cells', { timeout: 180_000 }, async () => {
    reset();
    const result = await run(['show', 'agence-regionale-de-sante-bretagnx']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('"agence-regionale-de-sante-bretagne"');
    // Every id (about 25,000) and name compared in full would be over 25 million cells; a band of
    // 2 x 11 + 1 cells a row, for candidates of a length within 11, far less.
    expect(distanceWork.cells).toBeLessThan(3_000_000);
    const comparedBefore = distanceWork.comparisons;
    expect(comparedBefore).toBeGreaterThan(0);
    reset();
    const typo = await run(['show', 'hopital-fosh']);
    expect(typo.code).toBe(1);
    expect(distanceWork.cells).toBeLessThan(3_000_000);
  });
});

describe('search, on a large base', () => {
  it('a word of 32 letters or more never reaches the fuzzy stage', { timeout: 180_000 }, async () => {
    await run(['search', 'Meuse']);
    for (const word of ['a'.repeat(32), 'abcdefghij'.repeat(4), `hopital ${'z'.repeat(40)}`]) {
      reset();
      const result = await run(['search', word]);
      expect(result.code).toBe(0);
      expect(searchWork.fuzzyDocuments).toBe(0);
      expect(searchWork.wordComparisons).toBe(0);
    }
  });

  it('a 31-letter word is compared once with each word of the vocabulary, no more', { timeout: 180_000 }, async () => {
    reset();
    await run(['search', 'abcdefghij'.repeat(3) + 'a']);
    const vocabulary = searchWork.wordComparisons;
    expect(vocabulary).toBeGreaterThan(0);
    reset();
    await run([
      'search',
      'x'
        .repeat(13)
        .split('')
        .map((_, i) => `w${'abcdefghijklm'[i]}`)
        .join(' '),
    ]);
    // Thirteen words: prose, not a name: no fuzzy stage.
    expect(searchWork.wordComparisons).toBe(0);
    expect(searchWork.fuzzyDocuments).toBe(0);
  });
});
