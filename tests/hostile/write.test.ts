import { execFileSync, spawnSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  existsSync,
  linkSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOf, GAZETTE, spawnBin, type Copy } from './helpers.js';

let copies: Copy[] = [];
afterEach(() => {
  for (const copy of copies) copy.remove();
  copies = [];
});
const copy = (scenario?: string) => {
  const made = copyOf(scenario);
  copies.push(made);
  return made;
};
const ADD = ['add', 'member', 'hopital-a', 'clinique-des-fleurs', '--role', 'partner', '--source', GAZETTE];
const TARGET = 'organisations/hopital-a.yaml';

describe('a change saved by someone else while coop writes is never lost', () => {
  it('40 rounds of coop add racing an append to the same file: the appended line always survives', {
    timeout: 600_000,
  }, async () => {
    let refusedRounds = 0;
    for (let round = 0; round < 40; round++) {
      const base = copy();
      const file = join(base.dir, TARGET);
      const lines = [0, 1, 2, 3].map((n) => `# appended by round ${round}, ${n}\n`);
      const running = spawnBin([...ADD, '--data', base.dir], base.root, { COOP_CACHE_DIR: base.cache });
      // Four saves spread over coop's run: before its read, between its read and its rename, or after.
      const offset = 100 + ((round * 37) % 40) * 10;
      for (const line of lines) {
        await new Promise((resolve) => setTimeout(resolve, line.endsWith('0\n') ? offset : 150));
        appendFileSync(file, line);
      }
      const result = await running;
      const text = readFileSync(file, 'utf8');
      for (const line of lines)
        expect(text, `round ${round}: an appended line was lost (coop exit ${result.code})`).toContain(line);
      if (result.code === 0) expect(text).toContain('clinique-des-fleurs');
      else {
        refusedRounds++;
        expect(result.code).toBe(1);
        expect(result.err).toContain('changed on disk while coop was writing; nothing written, run again');
      }
      expect(readdirSync(join(base.dir, 'organisations')).filter((name) => name.startsWith('.'))).toEqual([]);
      base.remove();
    }
    expect(refusedRounds).toBeLessThan(40);
  });
});

describe('writers stay under the 1 MiB cap the loader enforces', () => {
  it('coop add --note onto a file near the cap: refused, exit 1, nothing written', { timeout: 120_000 }, async () => {
    const base = copy();
    const file = join(base.dir, TARGET);
    writeFileSync(file, `${readFileSync(file, 'utf8')}description: >-\n  ${'x'.repeat(1024 * 1024 - 400)}\n`);
    const before = readFileSync(file);
    const result = await base.run([...ADD, '--note', 'n'.repeat(2000)]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/over the 1048576-byte cap of a data file: nothing written/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('coop new article --summary - with more than the cap on stdin: refused, exit 1, no file', {
    timeout: 120_000,
  }, async () => {
    const base = copy();
    const result = await base.run(
      [
        'new',
        'article',
        'journal-2024-01-01-long',
        '--title',
        'Long',
        '--outlet',
        'Journal',
        '--date',
        '2024-01-01',
        '--url',
        'https://example.org/a',
        '--summary',
        '-',
      ],
      { stdin: 'word '.repeat(230_000) },
    );
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/over the 1048576-byte cap/);
    expect(existsSync(join(base.dir, 'articles', 'journal-2024-01-01-long.md'))).toBe(false);
  });

  it('coop new organisation with thousands of --activity values: refused before writing', {
    timeout: 120_000,
  }, async () => {
    const base = copy();
    const activities = Array.from({ length: 12_000 }, (_, i) => [
      '--activity',
      `activité numéro ${i} ${'y'.repeat(80)}`,
    ]).flat();
    const result = await base.run([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      'Clinique X',
      '--kind',
      'hospital',
      '--sector',
      'private-for-profit',
      '--source',
      GAZETTE,
      ...activities,
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/over the 1048576-byte cap/);
    expect(existsSync(join(base.dir, 'organisations', 'clinique-x.yaml'))).toBe(false);
  });
});

describe('odd files and paths', () => {
  it('a read-only data file (mode 444) is not replaced: exit 1, says why', { timeout: 120_000 }, async () => {
    const base = copy();
    const file = join(base.dir, TARGET);
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const result = await base.run(ADD);
    expect(result.code).toBe(1);
    expect(result.err).toContain('is read-only (mode 444): nothing written');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('--data "" and --data= are usage errors (exit 2): nothing read or written in the current folder', {
    timeout: 120_000,
  }, async () => {
    const base = copy();
    for (const args of [['--data', ''], ['--data=']]) {
      const result = spawnSync(
        process.execPath,
        [
          join(import.meta.dirname, '..', '..', 'bin', 'coop.cjs'),
          'new',
          'organisation',
          'clinique-x',
          '--name',
          'X',
          '--kind',
          'hospital',
          '--sector',
          'public',
          '--source',
          GAZETTE,
          ...args,
        ],
        {
          cwd: base.dir,
          encoding: 'utf8',
          timeout: 30_000,
          env: { PATH: process.env.PATH ?? '', COOP_CACHE_DIR: base.cache },
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('--data needs a folder');
      expect(existsSync(join(base.dir, 'organisations', 'clinique-x.yaml'))).toBe(false);
    }
  });

  it('a hard link left by a coop killed right after link(2) does not block coop add', {
    timeout: 120_000,
  }, async () => {
    const base = copy();
    // A pid that no longer runs: a process that has ended.
    const dead = Number(
      execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }),
    );
    const leftover = join(base.dir, 'organisations', `.hopital-a.yaml.${dead}.m0abc12.coop.tmp`);
    linkSync(join(base.dir, TARGET), leftover);
    const result = await base.run(ADD);
    expect(result.err).toBe('added clinique-des-fleurs to hopital-a as partner\n');
    expect(result.code).toBe(0);
    expect(existsSync(leftover)).toBe(false);
    expect(readFileSync(join(base.dir, TARGET), 'utf8')).toContain('clinique-des-fleurs');
  });
});

describe('the write lock: whatever sits at its name, the next writer works, quickly', () => {
  const LOCK = '.coop-write.lock';
  // An unrelated process that runs (this test's own runner) with a start time that is not its own.
  const cases: Array<[string, (lock: string) => void]> = [
    ['a FIFO', (lock) => execFileSync('mkfifo', [lock])],
    ['an empty file', (lock) => writeFileSync(lock, '')],
    ['garbage', (lock) => writeFileSync(lock, '\u0000\u0001 not a lock at all\n')],
    ['a bare pid of a running process', (lock) => writeFileSync(lock, `${process.ppid}\n`)],
    [
      'the pid of a running process with another start time',
      (lock) => writeFileSync(lock, `coop-lock ${process.ppid} 1 abcdef\n`),
    ],
  ];
  for (const [name, make] of cases) {
    it(`${name}: coop add succeeds within seconds`, { timeout: 120_000 }, async () => {
      const base = copy();
      make(join(base.dir, LOCK));
      const started = Date.now();
      const result = base.bin(ADD, { timeout: 60_000 });
      expect(result.signal).toBeNull();
      expect(result.stderr).toBe('added clinique-des-fleurs to hopital-a as partner\n');
      expect(result.status).toBe(0);
      // Before: 10 s and more for an empty lock or garbage, 120 s for a live pid, for ever for a FIFO.
      expect(Date.now() - started).toBeLessThan(8_000);
      expect(existsSync(join(base.dir, LOCK))).toBe(false);
    });
  }
});
