import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { completeJournal, writeWithJournal } from '../../src/load/journal.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function folder(): string {
  root = mkdtempSync(join(tmpdir(), 'coop-journal-'));
  // The data folder inside the test's own folder: "../outside" stays in it.
  const dir = join(root, 'data');
  mkdirSync(join(dir, 'organisations'), { recursive: true });
  writeFileSync(join(dir, 'organisations', 'a.yaml'), 'name: A\n');
  writeFileSync(join(dir, 'organisations', 'b.yaml'), 'name: B\n');
  return dir;
}

describe('the journal of a change of several files', () => {
  it('writes, renames and removes, then leaves no journal', () => {
    const dir = folder();
    writeWithJournal(
      dir,
      [
        { target: join(dir, 'organisations', 'c.yaml'), text: 'name: C\n', create: true, shown: 'c' },
        { target: join(dir, 'organisations', 'b.yaml'), text: 'name: B2\n', create: false, shown: 'b' },
      ],
      [{ target: join(dir, 'organisations', 'a.yaml'), shown: 'a' }],
    );
    expect(readFileSync(join(dir, 'organisations', 'c.yaml'), 'utf8')).toBe('name: C\n');
    expect(readFileSync(join(dir, 'organisations', 'b.yaml'), 'utf8')).toBe('name: B2\n');
    expect(existsSync(join(dir, 'organisations', 'a.yaml'))).toBe(false);
    expect(existsSync(join(dir, '.coop-journal'))).toBe(false);
    expect(completeJournal(dir)).toBeUndefined();
  });

  it('completes a journal left behind, skipping what was already done', () => {
    const dir = folder();
    writeFileSync(join(dir, 'organisations', '.b.yaml.1.x.coop.pending'), 'name: B3\n');
    writeFileSync(
      join(dir, '.coop-journal'),
      JSON.stringify({
        version: 1,
        entries: [
          { path: 'organisations/c.yaml', from: 'organisations/.c.yaml.1.x.coop.pending' },
          { path: 'organisations/b.yaml', from: 'organisations/.b.yaml.1.x.coop.pending' },
          { path: 'organisations/a.yaml' },
        ],
      }),
    );
    expect(completeJournal(dir)).toEqual(['organisations/c.yaml', 'organisations/b.yaml', 'organisations/a.yaml']);
    expect(readFileSync(join(dir, 'organisations', 'b.yaml'), 'utf8')).toBe('name: B3\n');
    expect(existsSync(join(dir, 'organisations', 'a.yaml'))).toBe(false);
    expect(existsSync(join(dir, '.coop-journal'))).toBe(false);
  });

  it('refuses a journal it cannot read, and never follows a path out of the data folder', () => {
    const dir = folder();
    writeFileSync(join(dir, '.coop-journal'), '{not json');
    expect(() => completeJournal(dir)).toThrow(/cannot be read: nothing written/);
    writeFileSync(join(dir, '.coop-journal'), JSON.stringify({ version: 1, entries: [{ path: '../outside' }] }));
    writeFileSync(join(dir, '..', 'outside'), 'kept');
    expect(completeJournal(dir)).toEqual([]);
    expect(readFileSync(join(dir, '..', 'outside'), 'utf8')).toBe('kept');
  });
});
