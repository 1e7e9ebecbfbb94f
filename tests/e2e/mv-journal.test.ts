import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO } from '../helpers.js';

const BIN = process.env.COOP_TEST_BIN ?? join(REPO, 'bin', 'coop.cjs');
const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function freshBase(): string {
  const root = mkdtempSync(join(tmpdir(), 'coop-mv-journal-'));
  roots.push(root);
  cpSync(join(FIXTURES, 'writers', 'data'), join(root, 'data'), { recursive: true });
  return root;
}

function coop(root: string, args: readonly string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args, '--data', 'data', '--no-cache'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000,
  });
  return { code: result.status, signal: result.signal, out: result.stdout, err: result.stderr };
}

function tree(dir: string): Record<string, string> {
  const hashes: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else hashes[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir, '');
  return hashes;
}

describe('coop mv killed midway (COOP_TEST_CRASH_AFTER)', () => {
  // mv hopital-a writes 6 files and removes 1: killed after 1, 3 and 6 of those 7 steps.
  for (const after of [1, 3, 6]) {
    it(`is carried out to the end by the next writer (killed after ${after} renames)`, () => {
      // What an uninterrupted run leaves, then the same change killed midway.
      const whole = freshBase();
      expect(coop(whole, ['mv', 'hopital-a', 'hopital-b']).code).toBe(0);
      expect(coop(whole, ['set', 'orphan', 'note', 'vu']).code).toBe(0);

      const killed = freshBase();
      const crash = coop(killed, ['mv', 'hopital-a', 'hopital-b'], { COOP_TEST_CRASH_AFTER: String(after) });
      expect(crash.signal).toBe('SIGKILL');
      // Half done: the journal is there, some files renamed, others not yet.
      expect(existsSync(join(killed, 'data', '.coop-journal'))).toBe(true);
      const half = tree(join(killed, 'data'));
      expect(Object.keys(half).filter((path) => path.endsWith('.coop.pending'))).toHaveLength(6 - after);
      expect(existsSync(join(killed, 'data', 'organisations', 'hopital-a.yaml'))).toBe(true);

      // The next writer finishes the change first, then makes its own.
      expect(coop(killed, ['set', 'orphan', 'note', 'vu'])).toEqual({
        code: 0,
        signal: null,
        out: 'data/organisations/orphan.yaml\n',
        err: 'coop: completed the change an interrupted coop left (7 files)\nset note of orphan to "vu"\n',
      });
      expect(tree(join(killed, 'data'))).toEqual(tree(join(whole, 'data')));
      expect(coop(killed, ['validate']).out).toBe(
        '✔ no problems: 5 organisations, 1 programme, 2 funding lines, 1 event, 2 articles\n',
      );
    });
  }

  it('changes nothing when killed before its journal: the next writer removes the temporary files', () => {
    const root = freshBase();
    const before = tree(join(root, 'data'));
    expect(coop(root, ['mv', 'hopital-a', 'hopital-b'], { COOP_TEST_CRASH_AFTER: '0' }).signal).toBe('SIGKILL');
    const left = tree(join(root, 'data'));
    expect(Object.keys(left).filter((path) => path.endsWith('.coop.pending'))).toHaveLength(6);
    // And the lock of the dead process, which the next writer takes over.
    expect(Object.keys(left).filter((path) => !path.endsWith('.coop.pending'))).toEqual([
      '.coop-write.lock',
      ...Object.keys(before),
    ]);
    expect(coop(root, ['unset', 'orphan', 'note']).err).toBe('coop: nothing to change: the data already says so\n');
    expect(tree(join(root, 'data'))).toEqual(before);
  });
});
