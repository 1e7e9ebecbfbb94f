import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, copyOf, GAZETTE, type Copy } from './helpers.js';

let copies: Copy[] = [];
afterEach(() => {
  for (const copy of copies) copy.remove();
  copies = [];
});
const copy = () => {
  const made = copyOf();
  copies.push(made);
  return made;
};

/** The binary with stdout (1) or stderr (2) on /dev/full. */
function onFull(base: Copy, args: string[], stream: 1 | 2) {
  const full = openSync('/dev/full', 'w');
  try {
    return base.bin(args, { stdio: ['ignore', stream === 1 ? full : 'pipe', stream === 2 ? full : 'pipe'] });
  } finally {
    closeSync(full);
  }
}

describe('output on a full device', () => {
  it('list and export with stdout on /dev/full: exit 74, one line on stderr, no stack trace', {
    timeout: 120_000,
  }, () => {
    const base = copy();
    for (const args of [['list'], ['export'], ['export', '--table', 'organisations', '--format', 'csv']]) {
      const result = onFull(base, args, 1);
      expect(result.status, args.join(' ')).toBe(74);
      expect(result.stderr).toBe('coop: cannot write the output (ENOSPC)\n');
    }
  });

  it('add with stdout on /dev/full: the change is written and the run says so, exit 0', { timeout: 120_000 }, () => {
    const base = copy();
    const result = onFull(
      base,
      ['add', 'member', 'hopital-a', 'clinique-des-fleurs', '--role', 'partner', '--source', GAZETTE],
      1,
    );
    expect(result.stderr).not.toMatch(/at .*\.cjs|Error:/);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('coop: the change is written, but its output could not be (ENOSPC)');
    expect(readFileSync(join(base.dir, 'organisations', 'hopital-a.yaml'), 'utf8')).toContain('clinique-des-fleurs');
  });

  it('new with stderr on /dev/full: written, exit 0; a refused add keeps exit 1', { timeout: 120_000 }, () => {
    const base = copy();
    const made = onFull(
      base,
      [
        'new',
        'organisation',
        'clinique-x',
        '--name',
        'Clinique X',
        '--kind',
        'hospital',
        '--sector',
        'public',
        '--source',
        GAZETTE,
      ],
      2,
    );
    expect(made.status).toBe(0);
    expect(made.stdout).toBe('data/organisations/clinique-x.yaml\n');
    expect(existsSync(join(base.dir, 'organisations', 'clinique-x.yaml'))).toBe(true);
    const refused = onFull(
      base,
      ['add', 'member', 'hopital-a', 'no-such-org', '--role', 'partner', '--source', GAZETTE],
      2,
    );
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
  });

  it('list with stderr on /dev/full and a closed pipe keep their exit codes', { timeout: 120_000 }, () => {
    const base = copy();
    const result = onFull(base, ['list'], 2);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^id\tname/);
  });
});

describe('standard input is read up to the cap, no further', () => {
  it('endless input to --summary -: refused, exit 1, having read little more than 1 MiB', {
    timeout: 60_000,
  }, async () => {
    const base = copy();
    const child = spawn(
      process.execPath,
      [
        BIN,
        'new',
        'article',
        'journal-2024-01-01-endless',
        '--title',
        'T',
        '--date',
        '2024-01-01',
        '--summary',
        '-',
        '--data',
        base.dir,
      ],
      {
        env: { PATH: process.env.PATH ?? '', COOP_CACHE_DIR: base.cache },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (chunk) => (err += chunk));
    let sent = 0;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let open = true;
    child.stdin.on('error', () => (open = false));
    const feed = () => {
      // Endless, as far as coop can tell: stopped only by coop, or past 64 MiB (the old unbounded read).
      while (open && sent < 64 * 1024 * 1024 && child.stdin.write(chunk)) sent += chunk.length;
      if (open && sent < 64 * 1024 * 1024)
        child.stdin.once('drain', () => {
          sent += chunk.length;
          feed();
        });
      else if (open) child.stdin.end();
    };
    feed();
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    open = false;
    expect(code).toBe(1);
    expect(err).toContain('the standard input is over the 1048576-byte cap');
    expect(sent).toBeLessThan(16 * 1024 * 1024);
    expect(existsSync(join(base.dir, 'articles', 'journal-2024-01-01-endless.md'))).toBe(false);
  });
});
