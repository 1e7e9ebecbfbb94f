import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Children } from '../children.js';
import { FIXTURES, REPO } from '../helpers.js';

const BIN = join(REPO, 'bin', 'coop.cjs');
let root: string;
const children = new Children();
/** Eight binaries at once on two cores, maybe shared with another test run: room enough. */
const EIGHT_AT_ONCE = 180_000;

/** The built bin/coop, run as a separate process through pipes; resolves when it ends. */
function coop(args: string[]) {
  return children.run(process.execPath, [BIN, ...args, '--data', 'data'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', COOP_CACHE_DIR: join(root, 'cache') },
  });
}

describe('coop add, the built binary, several at once', () => {
  beforeAll(() => {
    // What ships: build it when no build has the add command yet.
    if (!existsSync(join(REPO, 'dist', 'commands', 'add.cjs')))
      execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
    root = mkdtempSync(join(tmpdir(), 'coop-add-e2e-'));
    cpSync(join(FIXTURES, 'query-add', 'data'), join(root, 'data'), { recursive: true });
    // The fixture has seven organisations besides the alliance: an eighth joins them.
    writeFileSync(
      join(root, 'data', 'organisations', 'hopital-b.yaml'),
      'name: Hôpital B\nkind: hospital\nsources: [journal-2020-03-10-fonds]\n',
    );
  });
  // A test that failed or timed out may leave children running: kill them, and wait until they have
  // exited before the folder they write in is removed.
  afterEach(() => children.stop());
  afterAll(async () => {
    await children.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it(
    '8 coop add member at once on the same structure: all 8 written, the file whole, the base valid',
    async () => {
      const members = [
        'hopital-a',
        'hopital-b',
        'clinique-des-fleurs',
        'ehpad-les-tilleuls',
        'etat',
        'ville-de-strasbourg',
        'projet-strasbourg',
        'groupe-sante-plus',
      ];
      const results = await Promise.all(
        members.map((member) =>
          coop([
            'add',
            'member',
            'alliance-test',
            member,
            '--role',
            'partner',
            '--since',
            '2020-03',
            '--source',
            'journal-2020-03-10-fonds',
          ]),
        ),
      );
      for (const [i, result] of results.entries()) {
        expect(result).toEqual({
          code: 0,
          out: 'data/organisations/alliance-test.yaml\n',
          err: `added ${members[i]} to alliance-test as partner\n`,
        });
      }

      const text = readFileSync(join(root, 'data', 'organisations', 'alliance-test.yaml'), 'utf8');
      const doc = parseDocument(text);
      expect(doc.errors).toEqual([]);
      const partners = (doc.toJS().members as Array<{ org: string; role: string }>)
        .filter((m) => m.role === 'partner')
        .map((m) => m.org);
      expect([...partners].sort()).toEqual([...members].sort());
      // The three members the fixture had come first, untouched.
      expect(
        text.startsWith(
          readFileSync(join(FIXTURES, 'query-add', 'data', 'organisations', 'alliance-test.yaml'), 'utf8').replace(
            'sources: [gazette-2019-05-02-alliance]\n',
            '',
          ),
        ),
      ).toBe(true);

      const validate = spawnSync(process.execPath, [BIN, 'validate', '--data', 'data', '--no-cache'], {
        cwd: root,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
      });
      expect(validate.stdout).toBe(
        '✔ no problems: 9 organisations, 2 programmes, 3 funding lines, 4 events, 2 articles\n',
      );
      expect(validate.status).toBe(0);
      // No lock or temporary file left behind.
      expect(readdirSync(join(root, 'data', 'organisations')).filter((name) => name.startsWith('.'))).toEqual([]);
      expect(readdirSync(join(root, 'data')).filter((name) => name.startsWith('.'))).toEqual([]);
    },
    EIGHT_AT_ONCE,
  );

  it(
    '8 coop add event at once to the same new file: one creates it, all 8 are in it',
    async () => {
      const titles = Array.from({ length: 8 }, (_, i) => `Meeting number ${i + 1}`);
      const results = await Promise.all(
        titles.map((title) =>
          coop([
            'add',
            'event',
            '--date',
            '2020-04',
            '--kind',
            'meeting',
            '--title',
            title,
            '--org',
            'hopital-b',
            '--source',
            'journal-2020-03-10-fonds',
          ]),
        ),
      );
      for (const result of results) expect(result.code).toBe(0);
      const events = parseDocument(
        readFileSync(join(root, 'data', 'events', 'hopital-b.yaml'), 'utf8'),
      ).toJS() as Array<{ id: string; title: string }>;
      expect(events.map((e) => e.title).sort()).toEqual([...titles].sort());
      // Ids made unique one after the other, under the lock.
      expect(events.map((e) => e.id).sort()).toEqual(
        ['hopital-b-meeting-2020', ...[2, 3, 4, 5, 6, 7, 8].map((n) => `hopital-b-meeting-2020-${n}`)].sort(),
      );
      expect(
        spawnSync(process.execPath, [BIN, 'validate', '--data', 'data', '--no-cache'], {
          cwd: root,
          env: { PATH: process.env.PATH ?? '' },
        }).status,
      ).toBe(0);
    },
    EIGHT_AT_ONCE,
  );
});
