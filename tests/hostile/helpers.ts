import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, REPO, runCoop, type RunResult } from '../helpers.js';

// COOP_TEST_BIN: another build's bin/coop.cjs, to see these tests fail on the build before the fixes.
export const BIN = process.env.COOP_TEST_BIN ?? join(REPO, 'bin', 'coop.cjs');
export const GAZETTE = 'gazette-2019-05-02-alliance';

/** A copy of a fixture base in a folder of its own (mkdtemp), with a cache beside it. */
export interface Copy {
  root: string;
  dir: string;
  cache: string;
  run(args: string[], options?: { stdin?: string; env?: Record<string, string> }): Promise<RunResult>;
  /** The built binary, with a deadline (the child is killed past it). */
  bin(
    args: string[],
    options?: {
      input?: string;
      timeout?: number;
      env?: Record<string, string>;
      stdio?: Array<'pipe' | 'ignore' | number>;
    },
  ): SpawnSyncReturns<string>;
  remove(): void;
}

export function copyOf(scenario = 'query-add'): Copy {
  const root = mkdtempSync(join(tmpdir(), 'coop-hostile-'));
  const dir = join(root, 'data');
  cpSync(join(FIXTURES, scenario, 'data'), dir, { recursive: true });
  const cache = join(root, 'cache');
  return {
    root,
    dir,
    cache,
    run: (args, options = {}) =>
      runCoop([...args, '--data', 'data'], {
        cwd: root,
        stdin: options.stdin,
        env: { NO_COLOR: '1', COOP_CACHE_DIR: cache, ...options.env },
      }),
    bin: (args, options = {}) =>
      spawnSync(process.execPath, [BIN, ...args, '--data', dir], {
        cwd: root,
        encoding: 'utf8',
        input: options.input,
        timeout: options.timeout ?? 30_000,
        killSignal: 'SIGKILL',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', COOP_CACHE_DIR: cache, ...options.env },
        ...(options.stdio ? { stdio: options.stdio } : {}),
      }),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/** Runs the binary asynchronously; killed after `timeout`. */
export function spawnBin(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeout = 60_000,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}
