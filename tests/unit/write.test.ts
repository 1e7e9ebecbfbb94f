import {
  chmodSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/core/diagnostics.js';
import { applyChanges, newProblems } from '../../src/app/apply-changes.js';
import { FIXTURES } from '../helpers.js';
import { kindOfPath } from '../../src/load/files.js';
import { createFileExclusive, withWriteLock, writeFileAtomic, writeOutputFile } from '../../src/load/write.js';
import { MAX_FILE_BYTES } from '../../src/load/files.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coop-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writing files', () => {
  it('replaces a file whole, keeps its permissions and leaves no temporary file behind', () => {
    const target = join(dir, 'a.yaml');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o600);
    writeFileAtomic(target, 'new: é\n');
    expect(readFileSync(target, 'utf8')).toBe('new: é\n');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('creates a file only when its name is free, and never touches one that exists', () => {
    const target = join(dir, 'b.yaml');
    expect(createFileExclusive(target, 'first\n')).toBe(true);
    expect(createFileExclusive(target, 'second\n')).toBe(false);
    expect(readFileSync(target, 'utf8')).toBe('first\n');
    expect(readdirSync(dir)).toEqual(['b.yaml']);
  });

  it('refuses a data file over the cap, but writes an output file of any size (a SQLite export)', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(7);
    expect(() => writeFileAtomic(join(dir, 'c.yaml'), 'x'.repeat(MAX_FILE_BYTES + 1))).toThrow(/over the .*-byte cap/);
    const target = join(dir, 'coop.db');
    expect(writeOutputFile(target, big, false)).toBe(true);
    expect(writeOutputFile(target, new Uint8Array([1]), false)).toBe(false);
    expect(readFileSync(target)).toEqual(Buffer.from(big));
    expect(writeOutputFile(target, new Uint8Array([1, 2]), true)).toBe(true);
    expect([...readFileSync(target)]).toEqual([1, 2]);
    expect(readdirSync(dir)).toEqual(['coop.db']);
  });
});

describe('the write lock', () => {
  it('lets one writer at a time in, in turn, and is gone afterwards', async () => {
    const trace: string[] = [];
    const writer = (name: string) =>
      withWriteLock(dir, async () => {
        trace.push(`${name} in`);
        await new Promise((resolve) => setTimeout(resolve, 30));
        trace.push(`${name} out`);
      });
    await Promise.all([writer('a'), writer('b'), writer('c')]);
    for (let i = 0; i < trace.length; i += 2) expect(trace[i + 1]).toBe(trace[i]!.replace(' in', ' out'));
    expect(trace).toHaveLength(6);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    // Pids are far below 2^22 on Linux: this one runs nowhere.
    writeFileSync(join(dir, '.coop-write.lock'), '4194303\n');
    expect(await withWriteLock(dir, async () => 'done', 500)).toBe('done');
  });

  /** A lock as a live coop writes it: pid, that process's start time (/proc), a token. */
  const liveLock = (pid: number) => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return `coop-lock ${pid} ${stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]} abc123\n`;
  };

  it('gives up after its timeout while a live process holds the lock', async () => {
    // The test runner's parent: a live process, not this one.
    writeFileSync(join(dir, '.coop-write.lock'), liveLock(process.ppid));
    await expect(withWriteLock(dir, async () => 'done', 100)).rejects.toThrow(
      /another coop is writing in this data folder/,
    );
    expect(readdirSync(dir)).toEqual(['.coop-write.lock']);
  });

  it('never takes a lock from a holder that still runs, however old the lock', async () => {
    const lock = join(dir, '.coop-write.lock');
    writeFileSync(lock, liveLock(process.ppid));
    const longAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lock, longAgo, longAgo);
    await expect(withWriteLock(dir, async () => 'done', 100)).rejects.toThrow(/another coop is writing/);
    expect(readFileSync(lock, 'utf8')).toBe(liveLock(process.ppid));
  });

  it('waits for a lock being made (no pid yet), and takes over one left so long ago', async () => {
    const lock = join(dir, '.coop-write.lock');
    writeFileSync(lock, '');
    await expect(withWriteLock(dir, async () => 'done', 100)).rejects.toThrow(/another coop is writing/);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    expect(await withWriteLock(dir, async () => 'done', 100)).toBe('done');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes over a lock with its own pid that it does not hold (a container run again has the same pid)', async () => {
    writeFileSync(join(dir, '.coop-write.lock'), liveLock(process.pid).replace('abc123', 'someoneelse'));
    expect(await withWriteLock(dir, async () => 'done', 100)).toBe('done');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('releases the lock when the work fails', async () => {
    await expect(withWriteLock(dir, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('what a change brings', () => {
  const problem = (file: string, line: number, rule: Diagnostic['rule'], message: string): Diagnostic => ({
    file,
    line,
    column: 1,
    severity: 'error',
    rule,
    message,
  });

  it('counts a problem that only moved down the file as old, and a second copy of one as new', () => {
    const before = [
      problem('organisations/a.yaml', 3, 'bad-date', 'x'),
      problem('events/e.yaml', 1, 'missing-field', 'y'),
    ];
    const after = [
      problem('organisations/a.yaml', 9, 'bad-date', 'x'),
      problem('organisations/a.yaml', 12, 'bad-date', 'x'),
      problem('events/e.yaml', 1, 'missing-field', 'y'),
    ];
    expect(newProblems(before, after)).toEqual([problem('organisations/a.yaml', 12, 'bad-date', 'x')]);
    expect(newProblems(after, before)).toEqual([]);
  });
});

describe('the layout', () => {
  it('knows the kind of a data file from its path, and nothing outside the layout', () => {
    expect(kindOfPath('organisations/clinique-x.yaml')).toBe('organisation');
    expect(kindOfPath('events/x.yml')).toBe('event');
    expect(kindOfPath('articles/x.md')).toBe('article');
    expect(kindOfPath('articles/x.yaml')).toBeUndefined();
    expect(kindOfPath('constructor/x.yaml')).toBeUndefined();
    expect(kindOfPath('x.yaml')).toBeUndefined();
  });
});

describe('applyChanges', () => {
  it('writes nothing outside the data folder, whatever path a plan gives', async () => {
    cpSync(join(FIXTURES, 'query-add', 'data'), join(dir, 'data'), { recursive: true });
    const io = {
      out: () => undefined,
      outBytes: () => undefined,
      err: () => undefined,
      isTTY: false,
      color: false,
      columns: 100,
      env: {},
      cwd: dir,
    };
    for (const path of [
      '../outside.yaml',
      'organisations/../../outside.yaml',
      '/tmp/outside.yaml',
      'organisations/./x.yaml',
      'organisations//x.yaml',
    ]) {
      await expect(
        applyChanges({ data: 'data' }, io, join(dir, 'data'), () => [{ path, text: 'name: X\n', create: true }]),
      ).rejects.toThrow(/is not a path inside the data folder: nothing written/);
    }
    expect(readdirSync(dir).sort()).toEqual(['data']);
  });
});
