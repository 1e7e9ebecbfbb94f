import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { FIXTURES, runCoop, type RunResult } from './helpers.js';

/** What the tests of the writers (set, unset, rm, mv) share: a fixture base copied to a temporary folder. */

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

interface BaseCopy {
  /** coop run from the copy's parent folder, with --data data, as a pipe (or a terminal). */
  run: (args: string[], options?: { tty?: boolean; stdin?: string }) => Promise<RunResult>;
  /** A file of the copy, now. */
  read: (path: string) => string;
  /** The same file in the fixture, as it was. */
  original: (path: string) => string;
  /** Every file of the copy (dot files too) with a hash of its bytes. */
  tree: () => Record<string, string>;
  root: string;
  dir: string;
}

export function copyOf(scenario: string): BaseCopy {
  const root = mkdtempSync(join(tmpdir(), 'coop-writers-'));
  roots.push(root);
  const dir = join(root, 'data');
  cpSync(join(FIXTURES, scenario, 'data'), dir, { recursive: true });
  return {
    root,
    dir,
    run: (args, options = {}) =>
      runCoop([...args, '--data', 'data'], {
        cwd: root,
        tty: options.tty,
        stdin: options.stdin,
        env: { NO_COLOR: '1', COOP_CACHE_DIR: join(root, 'cache') },
      }),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    original: (path) => readFileSync(join(FIXTURES, scenario, 'data', path), 'utf8'),
    tree: () => hashTree(dir),
  };
}

function hashTree(dir: string): Record<string, string> {
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

/** Runs a command that must be refused, as a pipe then as a terminal: not one byte changes, nothing on stdout. */
export async function refused(base: BaseCopy, args: string[]): Promise<RunResult> {
  const before = base.tree();
  const pipe = await base.run(args);
  expect(base.tree()).toEqual(before);
  const terminal = await base.run(args, { tty: true });
  expect(base.tree()).toEqual(before);
  expect(terminal).toEqual(pipe);
  expect(pipe.out).toBe('');
  return pipe;
}
