import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCoop, runOnFixture } from '../helpers.js';

// tests/fixtures/people-persons: one article naming Hélène Lefèvre (a person record, linked by
// `person:`) and Marc Petit (no record), both of Clinique B; the story also ran in Le Journal.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

describe('people', () => {
  it('show <person>: roles and the articles naming them, on a terminal', async () => {
    expect(await runOnFixture('people-persons', ['show', 'helene-lefevre'], TERMINAL)).toEqual({
      code: 0,
      err: '',
      out: `Hélène Lefèvre
helene-lefevre · person

Roles
┌────────────┬─────────────────────────┬─────────┬───────┬────────┐
│ Role       │ Organisation            │ Since   │ Until │ Source │
├────────────┼─────────────────────────┼─────────┼───────┼────────┤
│ présidente │ Clinique B [clinique-b] │ 2020-01 │       │ [1]    │
└────────────┴─────────────────────────┴─────────┴───────┴────────┘

Named in
┌─────────┬────────────┬────────────────────────┬──────────────────────────────────┐
│ Article │ Date       │ As                     │ Title                            │
├─────────┼────────────┼────────────────────────┼──────────────────────────────────┤
│ [1]     │ 2020-02-01 │ présidente, Clinique B │ La clinique change de présidente │
└─────────┴────────────┴────────────────────────┴──────────────────────────────────┘

Sources
┌─────┬─────────────────────────────┬────────────┬────────────┬──────────────────────────────────┐
│     │ Article                     │ Outlet     │ Date       │ Title                            │
├─────┼─────────────────────────────┼────────────┼────────────┼──────────────────────────────────┤
│ [1] │ gazette-2020-02-01-clinique │ La Gazette │ 2020-02-01 │ La clinique change de présidente │
└─────┴─────────────────────────────┴────────────┴────────────┴──────────────────────────────────┘
`,
    });
  });

  it('show <person> in a pipe, found by name without accents', async () => {
    expect(await runOnFixture('people-persons', ['show', 'helene lefevre'])).toEqual({
      code: 0,
      err: '',
      out:
        'Hélène Lefèvre\n' +
        'helene-lefevre · person\n' +
        '\n' +
        '## Roles\n' +
        'role\torg\tsince\tuntil\tsource\tnote\n' +
        'présidente\tclinique-b\t2020-01\t\tgazette-2020-02-01-clinique\t\n' +
        '\n' +
        '## Named in\n' +
        'article\tdate\trole\torg\ttitle\n' +
        'gazette-2020-02-01-clinique\t2020-02-01\tprésidente\tclinique-b\tLa clinique change de présidente\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        'gazette-2020-02-01-clinique\tLa Gazette\t2020-02-01\tLa clinique change de présidente\n',
    });
  });

  it('show <organisation> lists its people: records first, then names an article gives', async () => {
    const result = await runOnFixture('people-persons', ['show', 'clinique-b']);
    expect(result.out).toContain(
      '## People\n' +
        'name\tperson\trole\tsince\tuntil\tsource\n' +
        'Hélène Lefèvre\thelene-lefevre\tprésidente\t2020-01\t\tgazette-2020-02-01-clinique\n' +
        'Marc Petit\t\tporte-parole\t\t\tgazette-2020-02-01-clinique\n',
    );
  });

  it('search finds a person by name, accents optional', async () => {
    const result = await runOnFixture('people-persons', ['search', 'helene lefevre', '--type', 'person']);
    expect(result.out).toBe(
      'type\tid\tname\tscore\tfield\tmatched\n' +
        'person\thelene-lefevre\tHélène Lefèvre\t0.000\tname\tHélène Lefèvre\n',
    );
  });

  it('an article says where else the story ran, and counts once', async () => {
    const shown = await runOnFixture('people-persons', ['show', 'gazette-2020-02-01-clinique']);
    expect(shown.out).toContain('Also published\tLe Journal, 2020-02-02, https://journal.example/clinique\n');
    const stats = await runOnFixture('people-persons', ['stats']);
    expect(stats.out).toContain('records\tarticles\t\t1\t\t\t\t\t\t\n');
  });
});

describe('coop new person, coop add role', () => {
  const dir = mkdtempSync(join(tmpdir(), 'people-persons-'));
  const data = join(dir, 'data');
  cpSync(join(FIXTURES, 'people-persons', 'data'), data, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const coop = (args: string[]) => runCoop([...args, '--data', data, '--no-cache']);

  it('writes people/<id>.yaml, then appends a role to it', async () => {
    expect(
      await coop(['new', 'person', 'marc-petit', '--name', 'Marc Petit', '--source', 'gazette-2020-02-01-clinique']),
    ).toEqual({ code: 0, out: `${data}/people/marc-petit.yaml\n`, err: '' });
    expect(
      await coop([
        'add',
        'role',
        'Marc Petit',
        '--role',
        'porte-parole',
        '--org',
        'Clinique B',
        '--source',
        'gazette-2020-02-01-clinique',
      ]),
    ).toEqual({
      code: 0,
      out: `${data}/people/marc-petit.yaml\n`,
      err: 'added the role "porte-parole" in clinique-b to marc-petit\n',
    });
    expect(readFileSync(join(data, 'people', 'marc-petit.yaml'), 'utf8')).toBe(
      'name: Marc Petit\n' +
        'roles:\n' +
        '  - role: porte-parole\n' +
        '    org: clinique-b\n' +
        '    source: gazette-2020-02-01-clinique\n' +
        'sources:\n' +
        '  - gazette-2020-02-01-clinique\n',
    );
  });

  it('refuses a role whose organisation is unknown, writing nothing', async () => {
    const result = await coop([
      'add',
      'role',
      'helene-lefevre',
      '--role',
      'x',
      '--org',
      'nowhere',
      '--source',
      'gazette-2020-02-01-clinique',
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
  });
});
