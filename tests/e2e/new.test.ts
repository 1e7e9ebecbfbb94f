import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Children, type ChildResult } from '../children.js';
import { FIXTURES, REPO } from '../helpers.js';

const BIN = join(REPO, 'bin', 'coop.cjs');

let work: string;
const children = new Children();
/** Eight binaries at once on two cores, maybe shared with another test run: room enough. */
const EIGHT_AT_ONCE = 180_000;
beforeAll(() => {
  // The end-to-end tests run what ships: build it when the tests run before any install did.
  if (!existsSync(join(REPO, 'dist', 'main.cjs'))) execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
});
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'coop-new-e2e-'));
  cpSync(join(FIXTURES, 'query-new', 'data'), join(work, 'data'), { recursive: true });
});
// A test that failed or timed out may leave children running: kill them, and wait until they have
// exited before the folder they write in is removed (else ENOTEMPTY).
afterEach(async () => {
  await children.stop();
  rmSync(work, { recursive: true, force: true });
});

/** The built binary, as a separate process, through pipes; `input` is its standard input. */
function coop(args: string[], input?: string | Buffer, env: Record<string, string> = {}): Promise<ChildResult> {
  return children.run(
    process.execPath,
    [BIN, ...args, '--data', 'data'],
    { cwd: work, env: { PATH: process.env.PATH ?? '', ...env } },
    input,
  );
}

const organisation = (id: string, name: string) => [
  'new',
  'organisation',
  id,
  '--name',
  name,
  '--kind',
  'clinic',
  '--department',
  '92',
  '--source',
  'gazette-2019-05-02-alliance',
];

/** The data folder holds only data: no lock, no temporary file left behind. */
function dotFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) found.push(entry.name);
      if (entry.isDirectory()) walk(join(dir, entry.name));
    }
  };
  walk(join(work, 'data'));
  return found;
}

describe('coop new, the built binary', () => {
  it(
    '8 runs creating the same id at once: exactly one writes, seven are refused, the file is whole',
    async () => {
      const runs = await Promise.all(
        Array.from({ length: 8 }, (_, i) => coop(organisation('clinique-x', `Clinique X ${i}`))),
      );
      const written = runs.filter((run) => run.code === 0);
      const refused = runs.filter((run) => run.code === 1);
      expect(written).toHaveLength(1);
      expect(refused).toHaveLength(7);
      expect(written[0]).toEqual({ code: 0, out: 'data/organisations/clinique-x.yaml\n', err: '' });
      for (const run of refused) {
        expect(run).toEqual({
          code: 1,
          out: '',
          err: 'coop: data/organisations/clinique-x.yaml already exists: nothing written\n  hint: coop never overwrites a record: edit the file, or use coop add\n',
        });
      }
      // The file is the one run's whole text, never a mix of two.
      const winner = runs.indexOf(written[0]!);
      expect(readFileSync(join(work, 'data', 'organisations', 'clinique-x.yaml'), 'utf8')).toBe(
        `name: Clinique X ${winner}\nkind: clinic\ndepartment: "92"\nsources:\n  - gazette-2019-05-02-alliance\n`,
      );
      expect(dotFiles()).toEqual([]);
      const validate = await coop(['validate']);
      expect(validate.out).toMatch(/^✔ no problems: 9 organisations, /);
      expect(validate.code).toBe(0);
    },
    EIGHT_AT_ONCE,
  );

  it(
    '8 runs creating different ids at once: all written, and the base validates (with the cache on)',
    async () => {
      const env = { COOP_CACHE_DIR: join(work, 'cache') };
      const ids = Array.from({ length: 8 }, (_, i) => `clinique-${i}`);
      const runs = await Promise.all(ids.map((id, i) => coop(organisation(id, `Clinique ${i}`), undefined, env)));
      runs.forEach((run, i) => expect(run).toEqual({ code: 0, out: `data/organisations/${ids[i]}.yaml\n`, err: '' }));
      for (const [i, id] of ids.entries()) {
        expect(readFileSync(join(work, 'data', 'organisations', `${id}.yaml`), 'utf8')).toBe(
          `name: Clinique ${i}\nkind: clinic\ndepartment: "92"\nsources:\n  - gazette-2019-05-02-alliance\n`,
        );
      }
      expect(dotFiles()).toEqual([]);
      // Through the cache, then from the files: the same 16 organisations.
      for (const extra of [[], ['--no-cache']]) {
        const validate = await coop(['validate', ...extra], undefined, env);
        expect(validate.out).toBe(
          '✔ no problems: 16 organisations, 2 programmes, 3 funding lines, 4 events, 2 articles\n',
        );
        expect(validate.code).toBe(0);
      }
    },
    EIGHT_AT_ONCE,
  );

  it('reads the summary from its standard input with --summary -', async () => {
    const run = await coop(
      ['new', 'article', 'gazette-2020-06-01-x', '--title', 'X', '--date', '2020-06-01', '--summary', '-'],
      'Our own summary,\nover two lines.\n',
    );
    expect(run.code).toBe(0);
    expect(run.out).toBe('data/articles/gazette-2020-06-01-x.md\n');
    expect(readFileSync(join(work, 'data', 'articles', 'gazette-2020-06-01-x.md'), 'utf8')).toBe(
      '---\ntitle: X\ndate: "2020-06-01"\nauthors: []\nlanguage: fr\n---\n\nOur own summary,\nover two lines.\n',
    );
    // Bytes that are not UTF-8 are refused, never replaced.
    const bad = await coop(
      ['new', 'article', 'gazette-2020-06-02-x', '--title', 'X', '--date', '2020-06-02', '--summary', '-'],
      Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]),
    ); // "café" in Latin-1
    expect(bad).toEqual({ code: 2, out: '', err: 'coop: --summary -: the standard input is not UTF-8 text\n' });
    expect(existsSync(join(work, 'data', 'articles', 'gazette-2020-06-02-x.md'))).toBe(false);
  });
});
