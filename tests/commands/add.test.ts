import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCoop, type RunResult } from '../helpers.js';

// Every test works on a temporary copy of a fixture base: tests/fixtures/ is never written.
let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A copy of tests/fixtures/<scenario>/data at <tmp>/data; coop runs from <tmp>, with a cache. */
function copyOf(scenario: string): {
  run: (args: string[], options?: { tty?: boolean }) => Promise<RunResult>;
  read: (path: string) => string;
  original: (path: string) => string;
  dir: string;
} {
  root = mkdtempSync(join(tmpdir(), 'coop-add-'));
  const dir = join(root, 'data');
  cpSync(join(FIXTURES, scenario, 'data'), dir, { recursive: true });
  const cwd = root;
  return {
    dir,
    run: (args, options = {}) =>
      runCoop([...args, '--data', 'data'], {
        cwd,
        tty: options.tty,
        env: { NO_COLOR: '1', COOP_CACHE_DIR: join(cwd, 'cache') },
      }),
    read: (path) => readFileSync(join(dir, path), 'utf8'),
    original: (path) => readFileSync(join(FIXTURES, scenario, 'data', path), 'utf8'),
  };
}

/** Every file under `dir` (dot files too: a lock or temporary file left behind shows) with a hash of its bytes. */
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

/** Runs a refused command (as a pipe, then as a terminal) and checks that not one byte changed. */
async function refused(base: ReturnType<typeof copyOf>, args: string[]): Promise<RunResult> {
  const before = hashTree(base.dir);
  const pipe = await base.run(args);
  expect(hashTree(base.dir)).toEqual(before);
  const terminal = await base.run(args, { tty: true });
  expect(hashTree(base.dir)).toEqual(before);
  expect(terminal).toEqual(pipe);
  expect(pipe.out).toBe('');
  return pipe;
}

const GAZETTE = 'gazette-2019-05-02-alliance';
const JOURNAL = 'journal-2020-03-10-fonds';

describe('coop add member', () => {
  it('appends the member to the list, writes ids, prints the path; the same as a terminal and as a pipe', async () => {
    for (const tty of [false, true]) {
      const base = copyOf('query-add');
      const result = await base.run(
        [
          'add',
          'member',
          'Alliance test de Suresnes',
          'Groupe Santé Plus',
          '--role',
          'partner',
          '--since',
          '2020',
          '--source',
          GAZETTE,
        ],
        { tty },
      );
      expect(result).toEqual({
        code: 0,
        out: 'data/organisations/alliance-test.yaml\n',
        err: 'added groupe-sante-plus to alliance-test as partner\n',
      });
      expect(base.read('organisations/alliance-test.yaml')).toBe(
        base
          .original('organisations/alliance-test.yaml')
          .replace(
            'sources: [gazette',
            '  - org: groupe-sante-plus\n    role: partner\n    since: "2020"\n    source: gazette-2019-05-02-alliance\nsources: [gazette',
          ),
      );
      // The next command sees the change (the cache of validated records is not stale).
      expect((await base.run(['list', '--member-of', 'alliance-test'])).out).toContain('groupe-sante-plus\t');
      expect((await base.run(['validate'])).code).toBe(0);
      rmSync(root!, { recursive: true, force: true });
    }
  });

  it("keeps every comment, blank line and quoting of a person's file", async () => {
    const base = copyOf('add-comments');
    const result = await base.run([
      'add',
      'member',
      'AC',
      'ehpad-les-tilleuls',
      '--role',
      'member',
      '--since',
      '2019-05/2020',
      '--until',
      '2021',
      '--note',
      'Joined after the founding.',
      '--source',
      GAZETTE,
    ]);
    expect(result).toEqual({
      code: 0,
      out: 'data/organisations/alliance-commentee.yaml\n',
      err: 'added ehpad-les-tilleuls to alliance-commentee as member\n',
    });
    const comment = '    # note: the Gazette hesitates (kept as a comment of this member)\n';
    expect(base.read('organisations/alliance-commentee.yaml')).toBe(
      base
        .original('organisations/alliance-commentee.yaml')
        .replace(
          comment,
          comment +
            '\n  - org: ehpad-les-tilleuls\n    role: member\n    since: "2019-05/2020"\n    until: "2021"\n    note: Joined after the founding.\n    source: gazette-2019-05-02-alliance\n',
        ),
    );
    // The other files are untouched.
    const others = hashTree(base.dir);
    delete others['organisations/alliance-commentee.yaml'];
    const fixture = hashTree(join(FIXTURES, 'add-comments', 'data'));
    delete fixture['organisations/alliance-commentee.yaml'];
    expect(others).toEqual(fixture);
  });

  it('creates the members list at its place when the file has none', async () => {
    const base = copyOf('query-add');
    expect(
      (await base.run(['add', 'member', 'hopital-a', 'clinique-des-fleurs', '--role', 'partner', '--source', GAZETTE]))
        .code,
    ).toBe(0);
    expect(base.read('organisations/hopital-a.yaml')).toBe(
      'name: Hôpital A\nkind: hospital\nsector: private-nonprofit\ncity: Suresnes\ndepartment: "92"\n' +
        'members:\n  - org: clinique-des-fleurs\n    role: partner\n    source: gazette-2019-05-02-alliance\n' +
        'sources: [gazette-2019-05-02-alliance]\n',
    );
  });

  it('takes the same member again with another role or source, refuses the same claim twice', async () => {
    const base = copyOf('query-add');
    expect(
      (await base.run(['add', 'member', 'alliance-test', 'hopital-a', '--role', 'coordinator', '--source', GAZETTE]))
        .code,
    ).toBe(0);
    expect(
      (await base.run(['add', 'member', 'alliance-test', 'hopital-a', '--role', 'founder', '--source', JOURNAL])).code,
    ).toBe(0);
    const result = await refused(base, [
      'add',
      'member',
      'alliance-test',
      'Hôpital A',
      '--role',
      'founder',
      '--since',
      '2020',
      '--source',
      GAZETTE,
    ]);
    expect(result).toEqual({
      code: 1,
      out: '',
      err:
        'coop: hopital-a is already a founder of alliance-test according to gazette-2019-05-02-alliance: nothing written\n' +
        "  hint: coop show alliance-test lists its members; another article's claim takes its own --source\n",
    });
  });

  it('refuses an unknown structure or member, with the closest ids (exit 1)', async () => {
    const base = copyOf('query-add');
    expect(
      await refused(base, ['add', 'member', 'alliance-tst', 'hopital-a', '--role', 'member', '--source', GAZETTE]),
    ).toEqual({
      code: 1,
      out: '',
      err: 'coop: no organisation "alliance-tst"\n  hint: did you mean "alliance-test"?\n',
    });
    expect(
      await refused(base, ['add', 'member', 'alliance-test', 'hopital-b', '--role', 'member', '--source', GAZETTE]),
    ).toEqual({
      code: 1,
      out: '',
      err: 'coop: no organisation "hopital-b"\n  hint: did you mean "hopital-a"?\n',
    });
    expect(
      (await refused(base, ['add', 'member', 'alliance-test', 'ADT', '--role', 'member', '--source', GAZETTE])).err,
    ).toBe('coop: alliance-test cannot be a member of itself: nothing written\n');
  });

  it('refuses a role outside the list, a malformed source or a missing option (exit 2)', async () => {
    const base = copyOf('query-add');
    expect(
      await refused(base, ['add', 'member', 'alliance-test', 'hopital-a', '--role', 'fonder', '--source', GAZETTE]),
    ).toEqual({
      code: 2,
      out: '',
      err: 'coop: --role "fonder" is not one of: founder, member, support, party, associated, coordinator, carrier, administrator, partner, investor, provider\n  hint: did you mean "founder"?\n',
    });
    expect(
      (
        await refused(base, [
          'add',
          'member',
          'alliance-test',
          'hopital-a',
          '--role',
          'member',
          '--source',
          'La Gazette',
        ])
      ).code,
    ).toBe(2);
    expect(await refused(base, ['add', 'member', 'alliance-test', 'hopital-a', '--role', 'member'])).toEqual({
      code: 2,
      out: '',
      err: 'error: required option \'--source <article>\' not specified\n(run "coop --help" for usage)\n',
    });
  });

  it('refuses a source that is not an article with the diagnostic at its line and column (exit 1), a bad date at once (exit 2)', async () => {
    const base = copyOf('query-add');
    expect(
      await refused(base, [
        'add',
        'member',
        'alliance-test',
        'hopital-a',
        '--role',
        'partner',
        '--source',
        'gazette-2019-05-02-aliance',
      ]),
    ).toEqual({
      code: 1,
      out: '',
      err:
        'data/organisations/alliance-test.yaml:30:13: error: source "gazette-2019-05-02-aliance" is not an article [unknown-reference]\n' +
        '  hint: did you mean "gazette-2019-05-02-alliance"?\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    });
    expect(
      await refused(base, [
        'add',
        'member',
        'alliance-test',
        'hopital-a',
        '--role',
        'partner',
        '--since',
        '2019-13',
        '--source',
        GAZETTE,
      ]),
    ).toEqual({
      code: 2,
      out: '',
      err:
        'coop: --since: "2019-13" is not a valid EDTF date (e.g. 2017-09-13, 2017-09, 2012-12~, 2015?, 2017-09/2019-03)\n' +
        '  hint: write an EDTF date: 2017-09-13, 2017-09, 2018, 2012-12~ (approximately), 2015? (uncertain), 2017-09/2019-03 (between)\n',
    });
    expect(
      (
        await refused(base, [
          'add',
          'member',
          'alliance-test',
          'hopital-a',
          '--role',
          'partner',
          '--since',
          '2020',
          '--until',
          '2019',
          '--source',
          GAZETTE,
        ])
      ).err,
    ).toBe(
      'data/organisations/alliance-test.yaml:31:12: error: until (2019) is before since (2020) [date-order]\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    );
  });
});

describe('coop add funding', () => {
  it('appends a line to the programme file, with a generated id said on stderr and the amount as typed, made whole', async () => {
    const base = copyOf('query-add');
    const result = await base.run([
      'add',
      'funding',
      '--programme',
      'FRIS',
      '--recipient',
      'Hôpital A',
      '--instrument',
      'loan',
      '--amount',
      '1,5 M€',
      '--stage',
      'announced',
      '--date',
      '2020-03',
      '--funder',
      'etat',
      '--source',
      JOURNAL,
    ]);
    expect(result).toEqual({
      code: 0,
      out: 'data/funding/fonds-regional.yaml\n',
      err: 'added funding line fonds-regional-hopital-a-loan: loan, 1500000 EUR, announced\n',
    });
    expect(base.read('funding/fonds-regional.yaml')).toBe(
      base.original('funding/fonds-regional.yaml') +
        '- id: fonds-regional-hopital-a-loan\n  programme: fonds-regional\n  recipient: hopital-a\n  funder: etat\n  instrument: loan\n' +
        '  amount: 1500000\n  currency: EUR\n  stage: announced\n  date: 2020-03\n  source: journal-2020-03-10-fonds\n',
    );
    // Same programme, recipient and instrument: the id is made unique.
    const second = await base.run([
      'add',
      'funding',
      '--program',
      'fonds-regional',
      '--recipient',
      'hopital-a',
      '--instrument',
      'loan',
      '--amount',
      '200 000',
      '--stage',
      'disbursed',
      '--upper-bound',
      '--source',
      JOURNAL,
    ]);
    expect(second).toEqual({
      code: 0,
      out: 'data/funding/fonds-regional.yaml\n',
      err: 'added funding line fonds-regional-hopital-a-loan-2: loan, up to 200000 EUR, disbursed\n',
    });
    expect(base.read('funding/fonds-regional.yaml')).toMatch(
      /- id: fonds-regional-hopital-a-loan-2\n(.*\n)* {2}amount: 200000\n {2}currency: EUR\n {2}stage: disbursed\n {2}upper_bound: true\n {2}source: journal-2020-03-10-fonds\n$/,
    );
    expect((await base.run(['validate'])).code).toBe(0);
  });

  it("goes where the programme's lines already are; a new file copies its siblings' schema line", async () => {
    const query = copyOf('query-add');
    // plan-national's line lives in funding/fonds-regional.yaml: the new one joins it.
    expect(
      (
        await query.run([
          'add',
          'funding',
          '--programme',
          'PNI',
          '--recipient',
          'alliance-test',
          '--instrument',
          'equity',
          '--amount',
          '1M',
          '--stage',
          'potential',
          '--source',
          JOURNAL,
        ])
      ).out,
    ).toBe('data/funding/fonds-regional.yaml\n');
    // --file: a new file; the siblings have no schema line, nor does it.
    expect(
      (
        await query.run([
          'add',
          'funding',
          '--programme',
          'PNI',
          '--recipient',
          'alliance-test',
          '--instrument',
          'loan',
          '--amount',
          '1M',
          '--stage',
          'potential',
          '--source',
          JOURNAL,
          '--file',
          'pni',
        ])
      ).out,
    ).toBe('data/funding/pni.yaml\n');
    expect(query.read('funding/pni.yaml')).toBe(
      '- id: plan-national-alliance-test-loan\n  programme: plan-national\n  recipient: alliance-test\n  instrument: loan\n  amount: 1000000\n  currency: EUR\n  stage: potential\n  source: journal-2020-03-10-fonds\n',
    );
    rmSync(root!, { recursive: true, force: true });

    const commented = copyOf('add-comments');
    const result = await commented.run([
      'add',
      'funding',
      '--programme',
      'FRIS',
      '--recipient',
      'clinique-des-fleurs',
      '--instrument',
      'grant',
      '--amount',
      '300k',
      '--stage',
      'awarded',
      '--date',
      '2020-03',
      '--id',
      'fris-fleurs-grant',
      '--file',
      'autres.yaml',
      '--source',
      JOURNAL,
    ]);
    expect(result).toEqual({
      code: 0,
      out: 'data/funding/autres.yaml\n',
      err: 'added funding line fris-fleurs-grant: grant, 300000 EUR, awarded\n',
    });
    expect(commented.read('funding/autres.yaml')).toBe(
      '# yaml-language-server: $schema=../../schema/funding.schema.json\n' +
        '- id: fris-fleurs-grant\n  programme: fonds-regional\n  recipient: clinique-des-fleurs\n  instrument: grant\n  amount: 300000\n  currency: EUR\n  stage: awarded\n  date: "2020-03"\n  source: journal-2020-03-10-fonds\n',
    );
  });

  it('keeps the comments of a commented funding file, and its blank lines between items', async () => {
    const base = copyOf('add-comments');
    expect(
      (
        await base.run([
          'add',
          'funding',
          '--programme',
          'fonds-regional',
          '--recipient',
          'ehpad-les-tilleuls',
          '--instrument',
          'loan',
          '--amount',
          '450 000',
          '--stage',
          'announced',
          '--date',
          '2020-03',
          '--source',
          JOURNAL,
        ])
      ).code,
    ).toBe(0);
    expect(base.read('funding/fonds-regional.yaml')).toBe(
      base.original('funding/fonds-regional.yaml') +
        "\n- id: fonds-regional-ehpad-les-tilleuls-loan\n  programme: fonds-regional\n  recipient: ehpad-les-tilleuls\n  instrument: loan\n  amount: 450000\n  currency: EUR\n  stage: announced\n  date: '2020-03'\n  source: journal-2020-03-10-fonds\n",
    );
  });

  it('refuses the same line twice, a bad amount, instrument or currency, a taken id', async () => {
    const base = copyOf('query-add');
    const args = [
      'add',
      'funding',
      '--programme',
      'FRIS',
      '--recipient',
      'projet-strasbourg',
      '--instrument',
      'grant',
      '--amount',
      '2.5M',
      '--stage',
      'awarded',
      '--source',
      JOURNAL,
    ];
    expect(await refused(base, args)).toEqual({
      code: 1,
      out: '',
      err: 'coop: this funding line is already recorded as fris-pss-grant (data/funding/fonds-regional.yaml): nothing written\n  hint: give --id to record a second, distinct line with the same figures\n',
    });
    expect(await refused(base, [...args.slice(0, 8), '--amount', '2,5', ...args.slice(10)])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --amount "2,5" is not a whole number of currency units\n  hint: did you mean 2,5M?\n',
    });
    expect((await refused(base, [...args, '--instrument', 'grants'])).err).toBe(
      'coop: --instrument "grants" is not one of: grant, dotation, equity, loan, other, unspecified\n  hint: did you mean "grant"?\n',
    );
    expect((await refused(base, [...args, '--currency', 'eur'])).code).toBe(2);
    expect((await refused(base, ['add', 'funding', ...args.slice(4)])).err).toBe(
      "coop: required option '--programme <id>' not specified\n",
    );
    expect(await refused(base, [...args, '--id', 'fris-pss-equity'])).toEqual({
      code: 1,
      out: '',
      err:
        'data/funding/fonds-regional.yaml:28:7: error: id "fris-pss-equity" is already used by a funding line [duplicate-id]\n' +
        '  hint: first defined at data/funding/fonds-regional.yaml:10:7\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    });
    expect((await refused(base, [...args.slice(0, 3), 'FRISS', ...args.slice(4)])).err).toBe(
      'coop: no programme "FRISS"\n  hint: did you mean "fonds-regional"?\n',
    );
  });
});

describe('coop add event', () => {
  it("goes to the file that holds the organisation's events, with a generated id", async () => {
    const base = copyOf('query-add');
    const result = await base.run([
      'add',
      'event',
      '--date',
      '2020-03-10',
      '--kind',
      'announcement',
      '--title',
      'Hôpital A: a new wing',
      '--org',
      'hopital-a',
      '--org',
      'PSS',
      '--place',
      'Suresnes',
      '--source',
      JOURNAL,
    ]);
    expect(result).toEqual({
      code: 0,
      out: 'data/events/events.yaml\n',
      err: 'added event hopital-a-announcement-2020\n',
    });
    expect(base.read('events/events.yaml')).toBe(
      base.original('events/events.yaml') +
        '- id: hopital-a-announcement-2020\n  date: 2020-03-10\n  kind: announcement\n  title: "Hôpital A: a new wing"\n  orgs: [hopital-a, projet-strasbourg]\n  place: Suresnes\n  source: journal-2020-03-10-fonds\n',
    );
  });

  it('goes to events/<org>.yaml when it exists, keeping its comments; else starts that file with the schema line', async () => {
    const base = copyOf('add-comments');
    expect(
      (
        await base.run([
          'add',
          'event',
          '--date',
          '2020-03',
          '--kind',
          'joining',
          '--title',
          'Les Tilleuls join',
          '--org',
          'ehpad-les-tilleuls',
          '--org',
          'AC',
          '--source',
          JOURNAL,
        ])
      ).out,
    ).toBe('data/events/alliance-commentee.yaml\n');
    expect(base.read('events/alliance-commentee.yaml')).toBe(
      base
        .original('events/alliance-commentee.yaml')
        .replace(
          '# trailing comment',
          '- id: ehpad-les-tilleuls-joining-2020\n  date: 2020-03\n  kind: joining\n  title: "Les Tilleuls join"\n  orgs: [ehpad-les-tilleuls, alliance-commentee]\n  source: journal-2020-03-10-fonds\n# trailing comment',
        ),
    );
    const result = await base.run([
      'add',
      'event',
      '--date',
      '2019?',
      '--kind',
      'call-for-projects',
      '--title',
      'Call for projects',
      '--programme',
      'FRIS',
      '--description',
      'The fund calls for projects.',
      '--source',
      JOURNAL,
    ]);
    expect(result).toEqual({
      code: 0,
      out: 'data/events/fonds-regional.yaml\n',
      err: 'added event fonds-regional-call-for-projects-2019\n',
    });
    expect(base.read('events/fonds-regional.yaml')).toBe(
      '# yaml-language-server: $schema=../../schema/events.schema.json\n' +
        '- id: fonds-regional-call-for-projects-2019\n  date: "2019?"\n  kind: call-for-projects\n  title: Call for projects\n  programme: fonds-regional\n  description: The fund calls for projects.\n  source: journal-2020-03-10-fonds\n',
    );
    expect((await base.run(['validate'])).out).toBe(
      '✔ no problems: 5 organisations, 1 programme, 2 funding lines, 3 events, 2 articles\n',
    );
  });

  it('refuses an event with nowhere to go, a bad kind, a YAML file with errors', async () => {
    const base = copyOf('query-add');
    expect(
      await refused(base, [
        'add',
        'event',
        '--date',
        '2020',
        '--kind',
        'founding',
        '--title',
        'T',
        '--source',
        JOURNAL,
      ]),
    ).toEqual({
      code: 2,
      out: '',
      err: 'coop: say which file the event goes in: give --org, --participant, --programme or --file\n  hint: events are kept in events/<organisation or programme>.yaml\n',
    });
    expect(
      (
        await refused(base, [
          'add',
          'event',
          '--date',
          '2020',
          '--kind',
          'fondation',
          '--title',
          'T',
          '--org',
          'etat',
          '--source',
          JOURNAL,
        ])
      ).code,
    ).toBe(2);
    writeFileSync(join(base.dir, 'events', 'broken.yaml'), '- id: x\n  date: [2020\n');
    expect(
      await refused(base, [
        'add',
        'event',
        '--date',
        '2020',
        '--kind',
        'founding',
        '--title',
        'T',
        '--org',
        'etat',
        '--file',
        'broken',
        '--source',
        JOURNAL,
      ]),
    ).toEqual({
      code: 1,
      out: '',
      err: 'coop: cannot add to data/events/broken.yaml: the file has a YAML error near line 3, column 1; nothing written\n  hint: run coop validate to see what is wrong there, fix it, then add again\n',
    });
    // A structure whose own file does not parse is not "not found".
    writeFileSync(
      join(base.dir, 'organisations', 'alliance-test.yaml'),
      base.read('organisations/alliance-test.yaml').replace('kind: alliance', 'kind: [alliance'),
    );
    expect(
      await refused(base, [
        'add',
        'member',
        'alliance-test',
        'hopital-a',
        '--role',
        'coordinator',
        '--source',
        JOURNAL,
      ]),
    ).toEqual({
      code: 1,
      out: '',
      err: 'coop: data/organisations/alliance-test.yaml has errors: coop cannot add to it; nothing written\n  hint: run coop validate to see what is wrong there, fix it, then add again\n',
    });
  });
});

describe('coop add figure', () => {
  it("creates an organisation's figures list before its members, keeping the blank line and comments", async () => {
    const base = copyOf('add-comments');
    const result = await base.run([
      'add',
      'figure',
      'Alliance commentée',
      '--metric',
      'beds',
      '--value',
      '1 200',
      '--unit',
      'beds',
      '--as-of',
      '2019-05-02',
      '--source',
      GAZETTE,
    ]);
    expect(result).toEqual({
      code: 0,
      out: 'data/organisations/alliance-commentee.yaml\n',
      err: 'added figure beds = 1200 beds to alliance-commentee\n',
    });
    expect(base.read('organisations/alliance-commentee.yaml')).toBe(
      base
        .original('organisations/alliance-commentee.yaml')
        .replace(
          '# ---- members ----',
          'figures:\n- metric: beds\n  value: 1200\n  unit: beds\n  as_of: "2019-05-02"\n  source: gazette-2019-05-02-alliance\n\n# ---- members ----',
        ),
    );
  });

  it("appends to a programme's figures, and refuses the same figure twice", async () => {
    const base = copyOf('query-add');
    expect(
      (
        await base.run([
          'add',
          'figure',
          'alliance-test',
          '--metric',
          'beds',
          '--value',
          '1250',
          '--as-of',
          '2020',
          '--note',
          'after the new wing',
          '--source',
          JOURNAL,
        ])
      ).code,
    ).toBe(0);
    expect(base.read('organisations/alliance-test.yaml')).toContain(
      '    as_of: 2019-05-02\n    source: gazette-2019-05-02-alliance\n  - metric: beds\n    value: 1250\n    as_of: "2020"\n    note: after the new wing\n    source: journal-2020-03-10-fonds\nmembers:\n',
    );
    expect(
      (await base.run(['add', 'figure', 'PNI', '--metric', 'laureates', '--value', '4,5', '--source', JOURNAL])).out,
    ).toBe('data/programmes/plan-national.yaml\n');
    expect(base.read('programmes/plan-national.yaml')).toBe(
      "name: Plan national d'investissement\nshort_name: PNI\nfunder: etat\nfigures:\n  - metric: laureates\n    value: 4.5\n    source: journal-2020-03-10-fonds\nsources: [journal-2020-03-10-fonds]\n",
    );
    expect(
      await refused(base, [
        'add',
        'figure',
        'alliance-test',
        '--metric',
        'beds',
        '--value',
        '1200',
        '--as-of',
        '2019-05-02',
        '--source',
        GAZETTE,
      ]),
    ).toEqual({
      code: 1,
      out: '',
      err: 'coop: alliance-test already has this figure (beds 1200) from gazette-2019-05-02-alliance: nothing written\n  hint: coop show alliance-test lists its figures\n',
    });
    expect(
      (await refused(base, ['add', 'figure', 'alliance-test', '--metric', 'Beds', '--value', '1', '--source', GAZETTE]))
        .err,
    ).toBe(
      'coop: --metric "Beds" is not a valid id: lower-case ASCII letters, digits and single hyphens\n  hint: did you mean "beds"?\n',
    );
    expect(
      (
        await refused(base, [
          'add',
          'figure',
          'gazette-2019-05-02-alliance',
          '--metric',
          'beds',
          '--value',
          '1',
          '--source',
          GAZETTE,
        ])
      ).code,
    ).toBe(1);
  });
});

describe('coop add on files that need care (found in review)', () => {
  it('refuses a file that is not UTF-8, and leaves its bytes as they were', async () => {
    const base = copyOf('query-add');
    const file = join(base.dir, 'funding', 'fonds-regional.yaml');
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('# Financ\xe9 par la r\xe9gion\n', 'latin1')]));
    const result = await refused(base, [
      'add',
      'funding',
      '--programme',
      'fonds-regional',
      '--recipient',
      'hopital-a',
      '--instrument',
      'loan',
      '--amount',
      '1M',
      '--stage',
      'awarded',
      '--source',
      JOURNAL,
    ]);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'coop: data/funding/fonds-regional.yaml is not UTF-8: nothing written\n  hint: coop validate shows where; save the file as UTF-8 first\n',
    });
  });

  it('refuses to edit a file that already has errors', async () => {
    const base = copyOf('query-add');
    const file = join(base.dir, 'funding', 'fonds-regional.yaml');
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8')}- id: broken-line\n  programme: fonds-regional\n  recipient: hopital-a\n  instrument: grant\n  amount: 5\n  stage: promised\n  source: ${JOURNAL}\n`,
    );
    const result = await refused(base, [
      'add',
      'funding',
      '--programme',
      'fonds-regional',
      '--recipient',
      'hopital-a',
      '--instrument',
      'loan',
      '--amount',
      '1M',
      '--stage',
      'awarded',
      '--source',
      JOURNAL,
    ]);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'coop: data/funding/fonds-regional.yaml has errors: nothing written\n  hint: coop validate shows them; fix them first\n',
    });
  });

  it('writes through a symbolic link to the file it names, and keeps the link', async () => {
    const base = copyOf('query-add');
    const shared = join(base.dir, 'shared');
    mkdirSync(shared);
    renameSync(join(base.dir, 'organisations', 'hopital-a.yaml'), join(shared, 'hopital-a.yaml'));
    symlinkSync('../shared/hopital-a.yaml', join(base.dir, 'organisations', 'hopital-a.yaml'));
    const result = await base.run([
      'add',
      'figure',
      'hopital-a',
      '--metric',
      'beds',
      '--value',
      '1200',
      '--source',
      JOURNAL,
    ]);
    expect(result.code, result.err).toBe(0);
    expect(lstatSync(join(base.dir, 'organisations', 'hopital-a.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(shared, 'hopital-a.yaml'), 'utf8')).toContain('  - metric: beds\n    value: 1200\n');
  });

  it('refuses a file with other hard links, which replacing it would leave behind', async () => {
    const base = copyOf('query-add');
    linkSync(join(base.dir, 'organisations', 'hopital-a.yaml'), join(root!, 'elsewhere.yaml'));
    const result = await refused(base, [
      'add',
      'figure',
      'hopital-a',
      '--metric',
      'beds',
      '--value',
      '1200',
      '--source',
      JOURNAL,
    ]);
    expect(result.err).toBe(
      'coop: data/organisations/hopital-a.yaml has other hard links, which replacing it would leave behind: nothing written\n  hint: copy it to a file of its own first\n',
    );
  });

  it('keeps a byte-order mark where there was one', async () => {
    const base = copyOf('query-add');
    const file = join(base.dir, 'organisations', 'hopital-a.yaml');
    writeFileSync(file, `\ufeff${readFileSync(file, 'utf8')}`);
    const result = await base.run([
      'add',
      'figure',
      'hopital-a',
      '--metric',
      'beds',
      '--value',
      '1200',
      '--source',
      JOURNAL,
    ]);
    expect(result.code, result.err).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('  - metric: beds\n');
  });

  it('keeps the extension --file gives', async () => {
    const base = copyOf('query-add');
    renameSync(join(base.dir, 'funding', 'fonds-regional.yaml'), join(base.dir, 'funding', 'fonds-regional.yml'));
    const result = await base.run([
      'add',
      'funding',
      '--programme',
      'fonds-regional',
      '--recipient',
      'hopital-a',
      '--instrument',
      'loan',
      '--amount',
      '1M',
      '--stage',
      'awarded',
      '--source',
      JOURNAL,
      '--file',
      'fonds-regional.yml',
    ]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe('data/funding/fonds-regional.yml\n');
    expect(readdirSync(join(base.dir, 'funding'))).toEqual(['fonds-regional.yml']);
  });

  it('removes the temporary files a coop that died while writing left, and only those', async () => {
    const base = copyOf('query-add');
    const folder = join(base.dir, 'organisations');
    // Pids are far below 2^22 on Linux: 4194303 runs nowhere; the test runner's parent runs.
    const dead = '.hopital-a.yaml.4194303.lz3k9.coop.tmp';
    const alive = `.hopital-a.yaml.${process.ppid}.lz3k9.coop.tmp`;
    const someoneElses = '.notes.4194303.draft.tmp';
    for (const name of [dead, alive, someoneElses]) writeFileSync(join(folder, name), 'half a file');
    // A refusal removes nothing.
    await refused(base, [
      'add',
      'figure',
      'hopital-a',
      '--metric',
      'beds',
      '--value',
      '1200',
      '--source',
      'no-such-article',
    ]);
    const result = await base.run([
      'add',
      'figure',
      'hopital-a',
      '--metric',
      'beds',
      '--value',
      '1200',
      '--source',
      JOURNAL,
    ]);
    expect(result.code, result.err).toBe(0);
    expect(
      readdirSync(folder)
        .filter((name) => name.startsWith('.'))
        .sort(),
    ).toEqual([alive, someoneElses].sort());
  });

  it('refuses a FIFO where a file would be read, at once, holding nothing', async () => {
    const base = copyOf('query-add');
    execFileSync('mkfifo', [join(base.dir, 'organisations', 'fifo-test.yaml')]);
    const result = await base.run([
      'new',
      'organisation',
      'fifo-test',
      '--name',
      'Fifo Test',
      '--kind',
      'clinic',
      '--source',
      JOURNAL,
    ]);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'coop: data/organisations/fifo-test.yaml is not a regular file: nothing written\n',
    });
    expect(readdirSync(base.dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('makes the layout folder of a first funding line when the base has none', async () => {
    const base = copyOf('query-add');
    rmSync(join(base.dir, 'funding'), { recursive: true });
    const result = await base.run([
      'add',
      'funding',
      '--programme',
      'fonds-regional',
      '--recipient',
      'hopital-a',
      '--instrument',
      'loan',
      '--amount',
      '1M',
      '--stage',
      'awarded',
      '--source',
      JOURNAL,
    ]);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toBe('data/funding/fonds-regional.yaml\n');
    expect(readdirSync(join(base.dir, 'funding'))).toEqual(['fonds-regional.yaml']);
  });
});
