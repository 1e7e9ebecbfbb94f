import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO } from '../helpers.js';

const BIN = join(REPO, 'bin', 'coop.cjs');
const SMOKE = join(FIXTURES, 'smoke', 'data');

/** The built binary, through a pipe, as a person would run it. */
function coop(args: readonly string[], cwd = REPO) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The commands `coop --help` lists (and those of a group's --help), as paths: ["add", "member"]. */
function listedCommands(prefix: readonly string[] = []): string[][] {
  const help = coop([...prefix, '--help']).out;
  const section = help.split('\nCommands:\n')[1]?.split('\n\n')[0] ?? '';
  const names = [...section.matchAll(/^ {2}([a-z][a-z0-9-]*)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
  return names.flatMap((name) => {
    const path = [...prefix, name];
    const sub = coop([...path, '--help']).out;
    return sub.includes('\nCommands:\n') ? listedCommands(path) : [path];
  });
}

const writable = mkdtempSync(join(tmpdir(), 'coop-every-command-'));
cpSync(SMOKE, join(writable, 'data'), { recursive: true });
afterAll(() => rmSync(writable, { recursive: true, force: true }));
// A base with an agreement, for coop add party.
const territory = mkdtempSync(join(tmpdir(), 'coop-every-command-territory-'));
cpSync(join(FIXTURES, 'query-territory', 'data'), join(territory, 'data'), { recursive: true });
afterAll(() => rmSync(territory, { recursive: true, force: true }));
const ARTICLE = 'journal-2020-03-10-fonds';

/**
 * One real call per command, on a fixture base, with what it must answer. A command that `coop
 * --help` lists and that has no entry here fails the test: each new command brings its call.
 */
const CALLS: Record<string, { args: string[]; out: RegExp; cwd?: string }> = {
  validate: {
    args: ['validate', '--data', SMOKE],
    out: /^✔ no problems: 8 organisations, 2 programmes, 3 funding lines, 4 events, 2 articles, 1 person\n$/,
  },
  migrate: {
    args: ['migrate', '--dry-run', '--data', join(FIXTURES, 'migrate', 'data')],
    out: /^--- .*organisations\/residence-a\.yaml\n\+\+\+ .*\n@@ -1,8 \+1,8 @@\n/,
  },
  list: {
    args: ['list', '--member-of', 'alliance-test', '--data', SMOKE],
    out: /^id\tname\t.*\n(.*\n)*clinique-des-fleurs\tClinique des Fleurs\t/,
  },
  show: {
    args: ['show', 'ADT', '--data', SMOKE],
    out: /^Alliance de test \(ADT\)\nalliance-test · alliance · private-nonprofit\n/,
  },
  funding: {
    args: ['funding', '--program', 'plan-national', '--data', SMOKE],
    out: /\nline\tfris-pss-grant\tfonds-regional\tprojet-strasbourg\tetat\tgrant\tawarded\t2500000\t/,
  },
  search: {
    args: ['search', 'cite', 'des', 'fleurs', '--data', SMOKE],
    out: /^type\tid\tname\tscore\tfield\tmatched\norganisation\tclinique-des-fleurs\t/,
  },
  events: {
    args: ['events', '--org', 'alliance-test', '--data', SMOKE],
    out: /\nalliance-test-creation\t2019-05-02\tfounding\t/,
  },
  sources: { args: ['sources', '--data', SMOKE], out: /\ngazette-2019-05-02-alliance\t2019-05-02\tLa Gazette\t/ },
  graph: { args: ['graph', 'alliance-test', '--data', SMOKE], out: /^digraph coop \{\n[\s\S]*"clinique-des-fleurs"/ },
  export: {
    args: ['export', '--table', 'organisations', '--format', 'csv', '--data', SMOKE],
    out: /^id,name,.*\r\nalliance-test,Alliance de test,ADT,/,
  },
  stats: {
    args: ['stats', '--data', SMOKE],
    out: /^section\tkey\tsubkey\tcount\tamount\tcurrency\tqualifier\tamount_min\tamount_max\tper\nrecords\torganisations\t\t8\t/,
  },
  schema: {
    args: ['schema'],
    out: /^\{\n {2}"organisation": \{\n {4}"\$schema": "https:\/\/json-schema\.org\/draft\/2020-12\/schema"/,
  },
  completion: { args: ['completion', 'bash'], out: /^# coop completion for bash[\s\S]*_coop\(\)/ },
  site: { args: ['site', '--out', 'site', '--data', SMOKE], out: /^\/.*\/site\/index\.html\n$/, cwd: writable },
  'add member': {
    args: ['add', 'member', 'alliance-test', 'etat', '--role', 'partner', '--source', ARTICLE, '--data', 'data'],
    out: /^data\/organisations\/alliance-test\.yaml\n$/,
    cwd: writable,
  },
  'add funding': {
    args: [
      'add',
      'funding',
      '--program',
      'fonds-regional',
      '--recipient',
      'hopital-a',
      '--instrument',
      'grant',
      '--amount',
      '1,5 M€',
      '--stage',
      'announced',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/funding\/fonds-regional\.yaml\n$/,
    cwd: writable,
  },
  'add event': {
    args: [
      'add',
      'event',
      '--date',
      '2020-04',
      '--kind',
      'meeting',
      '--title',
      'Réunion',
      '--org',
      'hopital-a',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/events\/events\.yaml\n$/,
    cwd: writable,
  },
  'add figure': {
    args: ['add', 'figure', 'hopital-a', '--metric', 'beds', '--value', '120', '--source', ARTICLE, '--data', 'data'],
    out: /^data\/organisations\/hopital-a\.yaml\n$/,
    cwd: writable,
  },
  'add role': {
    args: [
      'add',
      'role',
      'paul-durand',
      '--role',
      'directeur',
      '--org',
      'hopital-a',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/people\/paul-durand\.yaml\n$/,
    cwd: writable,
  },
  'add mention': {
    args: ['add', 'mention', ARTICLE, 'Paul Durand', '--person', 'paul-durand', '--data', 'data'],
    out: /^data\/articles\/journal-2020-03-10-fonds\.md\n$/,
    cwd: writable,
  },
  'add also-published': {
    args: ['add', 'also-published', ARTICLE, '--outlet', 'La Gazette', '--data', 'data'],
    out: /^data\/articles\/journal-2020-03-10-fonds\.md\n$/,
    cwd: writable,
  },
  'new person': {
    args: ['new', 'person', 'jeanne-y', '--name', 'Jeanne Y', '--source', ARTICLE, '--data', 'data'],
    out: /^data\/people\/jeanne-y\.yaml\n$/,
    cwd: writable,
  },
  'add budget': {
    args: [
      'add',
      'budget',
      'fonds-regional',
      '--instrument',
      'loan',
      '--amount',
      '10M',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/programmes\/fonds-regional\.yaml\n$/,
    cwd: writable,
  },
  'add owner': {
    args: [
      'add',
      'owner',
      'clinique-des-fleurs',
      'groupe-sante-plus',
      '--share',
      '60',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/organisations\/clinique-des-fleurs\.yaml\n$/,
    cwd: writable,
  },
  'add former-name': {
    args: [
      'add',
      'former-name',
      'hopital-a',
      'Hôpital de Suresnes',
      '--until',
      '2019',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/organisations\/hopital-a\.yaml\n$/,
    cwd: writable,
  },
  'add milestone': {
    args: [
      'add',
      'milestone',
      'alliance-test',
      '--kind',
      'convention-signed',
      '--date',
      '2019-05',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/organisations\/alliance-test\.yaml\n$/,
    cwd: writable,
  },
  'add site': {
    args: ['add', 'site', 'hopital-a', 'Site principal', '--commune', '92073', '--source', ARTICLE, '--data', 'data'],
    out: /^data\/organisations\/hopital-a\.yaml\n$/,
    cwd: writable,
  },
  'add authorisation': {
    args: [
      'add',
      'authorisation',
      'hopital-a',
      '--activity',
      'médecine',
      '--status',
      'granted',
      '--site',
      'Site principal',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/organisations\/hopital-a\.yaml\n$/,
    cwd: writable,
  },
  'add population': {
    args: ['add', 'population', 'projet-strasbourg', '290000', '--approximate', '--source', ARTICLE, '--data', 'data'],
    out: /^data\/organisations\/projet-strasbourg\.yaml\n$/,
    cwd: writable,
  },
  'add party': {
    args: [
      'add',
      'party',
      'cpom-ch-de-valbrune-2024-2028',
      'clinique-des-monts',
      '--role',
      'party',
      '--data',
      join(territory, 'data'),
    ],
    out: /\/data\/agreements\/cpom-ch-de-valbrune-2024-2028\.yaml\n$/,
  },
  set: {
    args: ['set', 'alliance-test', 'description', 'Deux hôpitaux des Hauts-de-Seine.', '--data', 'data'],
    out: /^data\/organisations\/alliance-test\.yaml\n$/,
    cwd: writable,
  },
  unset: {
    args: ['unset', 'etat', 'sector', '--data', 'data'],
    out: /^data\/organisations\/etat\.yaml\n$/,
    cwd: writable,
  },
  'rm record': {
    args: ['rm', 'record', 'fris-call', '--data', 'data'],
    out: /^data\/events\/events\.yaml\n$/,
    cwd: writable,
  },
  'rm member': {
    args: ['rm', 'member', 'alliance-test', 'ehpad-les-tilleuls', '--data', 'data'],
    out: /^data\/organisations\/alliance-test\.yaml\n$/,
    cwd: writable,
  },
  'rm figure': {
    args: ['rm', 'figure', 'alliance-test', 'beds', '--data', 'data'],
    out: /^data\/organisations\/alliance-test\.yaml\n$/,
    cwd: writable,
  },
  mv: {
    args: ['mv', 'fris-award', 'fonds-regional-award-2020', '--data', 'data'],
    out: /^data\/events\/events\.yaml\n$/,
    cwd: writable,
  },
  'new organisation': {
    args: [
      'new',
      'organisation',
      'clinique-y',
      '--name',
      'Clinique Y',
      '--kind',
      'clinic',
      '--department',
      '92',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/organisations\/clinique-y\.yaml\n$/,
    cwd: writable,
  },
  'new programme': {
    args: [
      'new',
      'programme',
      'fonds-y',
      '--name',
      'Fonds Y',
      '--parent',
      'plan-national',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/programmes\/fonds-y\.yaml\n$/,
    cwd: writable,
  },
  'new article': {
    args: [
      'new',
      'article',
      'journal-2020-04-01-y',
      '--title',
      'Y',
      '--date',
      '2020-04-01',
      '--summary',
      'Un résumé.',
      '--data',
      'data',
    ],
    out: /^data\/articles\/journal-2020-04-01-y\.md\n$/,
    cwd: writable,
  },
  'new agreement': {
    args: [
      'new',
      'agreement',
      'convention-y',
      '--kind',
      'convention',
      '--name',
      'Convention Y',
      '--party',
      'hopital-a:signatory',
      '--since',
      '2020',
      '--source',
      ARTICLE,
      '--data',
      'data',
    ],
    out: /^data\/agreements\/convention-y\.yaml\n$/,
    cwd: writable,
  },
};

describe('every command that coop --help lists, from the built binary', () => {
  const commands = listedCommands();

  it('lists the commands of every module in src/commands', () => {
    expect(commands.map((path) => path.join(' '))).toEqual(
      expect.arrayContaining(['validate', 'add member', 'new article', 'completion']),
    );
  });

  it.each(commands.map((path) => [path.join(' '), path] as const))(
    '%s --help: exit 0, with its examples',
    (_name, path) => {
      const result = coop([...path, '--help']);
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(result.out).toMatch(new RegExp(`^Usage: coop ${path.join(' ')} `));
      expect(result.out).toMatch(/\nExamples:\n {2}(coop|source) /);
    },
  );

  it.each(commands.map((path) => [path.join(' ')] as const))('%s: a real call answers', (name) => {
    const call = CALLS[name];
    expect(call, `no call for "${name}" in CALLS: add one`).toBeDefined();
    const result = coop(call!.args, call!.cwd);
    expect(result.err).not.toMatch(/internal error|at .*\.cjs:\d+/);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(call!.out);
  });

  it('the writers left a base that validates', () => {
    expect(coop(['validate', '--data', join(writable, 'data')]).code).toBe(0);
  });
});

describe('a command is one new file', () => {
  it('a file src/commands/hello-world.ts, and nothing else, builds, shows in --help, completion and the README table, and runs', () => {
    const copy = mkdtempSync(join(tmpdir(), 'coop-new-command-'));
    try {
      for (const part of ['src', 'scripts', 'bin', 'package.json'])
        cpSync(join(REPO, part), join(copy, part), { recursive: true });
      symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
      const helloWorld = [
        "import { defineCommand } from '../command.js';",
        '',
        'export const command = defineCommand({',
        "  name: 'hello-world',",
        "  summary: 'greets someone',",
        "  options: { to: { value: '<name>', description: 'who to greet', required: true } },",
        "  examples: [{ command: 'coop hello-world --to Alice' }],",
        '  async run(options, { io }) {',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a command, written to a file.
        '    io.out(`Bonjour ${options.to}\\n`);',
        '    return 0;',
        '  },',
        '});',
        '',
      ].join('\n');
      writeFileSync(join(copy, 'src', 'commands', 'hello-world.ts'), helloWorld);
      const build = spawnSync(process.execPath, [join(copy, 'scripts', 'build.mjs')], {
        encoding: 'utf8',
        timeout: 120_000,
      });
      expect(build.stderr).toBe('');
      expect(build.status).toBe(0);
      const run = (args: string[]) =>
        spawnSync(process.execPath, [join(copy, 'bin', 'coop.cjs'), ...args], { encoding: 'utf8', timeout: 60_000 });
      expect(run(['--help']).stdout).toMatch(/\n {2}hello-world \[options\] +greets someone\n/);
      expect(run(['hello-world', '--to', 'Alice'])).toMatchObject({ status: 0, stdout: 'Bonjour Alice\n', stderr: '' });
      expect(run(['hello-world', '--help']).stdout).toContain('Examples:\n  coop hello-world --to Alice\n');
      expect(run(['completion', 'bash']).stdout).toContain('"hello-world") options="--to"');
      expect(run(['__docs', 'commands']).stdout).toContain('| `coop hello-world --to <name>` | greets someone |');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the README', () => {
  it("holds the command table generated from the commands' declarations (npm run docs rewrites it)", () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const section = readme.split('<!-- commands:start -->\n')[1]?.split('<!-- commands:end -->')[0];
    expect(section).toBe(coop(['__docs', 'commands']).out);
  });
});
