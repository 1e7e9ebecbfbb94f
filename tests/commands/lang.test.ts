import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

/** --lang fr: the values of the closed lists as a French professional says them (labels.ts). */
const TERMINAL = { tty: true, env: { NO_COLOR: '1' } };

describe('coop list --lang fr', () => {
  it('prints kinds and sectors in French, in a pipe', async () => {
    expect(await runOnFixture('query-lang', ['list', '--lang', 'fr'])).toEqual({
      code: 0,
      out:
        'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'ch-valbrune\tCentre hospitalier de Valbrune\tCH Valbrune\tcentre hospitalier\tpublic\t\t\t\n' +
        'chu-valbrune\tCHU de Valbrune\t\tCHU/CHR\tpublic\t\t\t\n' +
        'ght-valbrune\tGHT de Valbrune\t\tGHT\tpublic\t\t\t\n',
      err: '',
    });
  });

  it('prints kinds and sectors in French, on a terminal', async () => {
    expect(await runOnFixture('query-lang', ['list', '--lang', 'fr'], TERMINAL)).toEqual({
      code: 0,
      out:
        '┌─────────────────────────────────────────────┬────────────────────┬────────┬───────┬──────────────┐\n' +
        '│ Name                                        │ Kind               │ Sector │ Place │ Id           │\n' +
        '├─────────────────────────────────────────────┼────────────────────┼────────┼───────┼──────────────┤\n' +
        '│ Centre hospitalier de Valbrune (CH          │ centre hospitalier │ public │       │ ch-valbrune  │\n' +
        '│ Valbrune)                                   │                    │        │       │              │\n' +
        '│ CHU de Valbrune                             │ CHU/CHR            │ public │       │ chu-valbrune │\n' +
        '│ GHT de Valbrune                             │ GHT                │ public │       │ ght-valbrune │\n' +
        '└─────────────────────────────────────────────┴────────────────────┴────────┴───────┴──────────────┘\n',
      err: '3 organisations\n',
    });
  });

  it('keeps the ids with --lang en, and refuses another language', async () => {
    const english = await runOnFixture('query-lang', ['list', '--lang', 'en']);
    expect(english.out.split('\n')[1]).toBe(
      'ch-valbrune\tCentre hospitalier de Valbrune\tCH Valbrune\tch\tpublic\t\t\t',
    );
    expect(await runOnFixture('query-lang', ['list', '--lang', 'de'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --lang "de" is not one of: en, fr\n',
    });
  });
});

describe('coop show --lang fr', () => {
  it('prints the kind, sector, legal form and roles in French, and says the list of members is partial, in a pipe', async () => {
    expect(await runOnFixture('query-lang', ['show', 'ght-valbrune', '--lang', 'fr'])).toEqual({
      code: 0,
      out:
        'GHT de Valbrune\n' +
        'ght-valbrune · GHT · public\n' +
        '\n' +
        'Legal form\tconvention constitutive\n' +
        '\n' +
        '## Members: établissement support (1 organisation, list partial)\n' +
        'member\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\n' +
        'ch-valbrune\tétablissement support\tmember\t\t\tgazette-2020-01-15-ght\t\t\n' +
        '\n' +
        '## Members: établissement associé (1 organisation, list partial)\n' +
        'member\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\n' +
        'chu-valbrune\tétablissement associé\tmember\t\t\tgazette-2020-01-15-ght\t\t\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        'gazette-2020-01-15-ght\tLa Gazette\t2020-01-15\tLe GHT de Valbrune compte sept établissements parties\n',
      err: '',
    });
  });

  it('prints the field, legal form, law, labels and role in French, on a terminal', async () => {
    expect(await runOnFixture('query-lang', ['show', 'ch-valbrune', '--lang', 'fr'], TERMINAL)).toEqual({
      code: 0,
      out:
        'Centre hospitalier de Valbrune (CH Valbrune)\n' +
        'ch-valbrune · centre hospitalier · public\n' +
        '\n' +
        '  Field       sanitaire\n' +
        '  Legal form  établissement public de santé · droit public\n' +
        '  Labels      hôpital de proximité\n' +
        '\n' +
        'Member of\n' +
        '┌─────────────────┬───────────────────────┬───────┬───────┬─────────┬──────┐\n' +
        '│ Structure       │ Role                  │ Since │ Until │ Sources │ Note │\n' +
        '├─────────────────┼───────────────────────┼───────┼───────┼─────────┼──────┤\n' +
        '│ GHT de Valbrune │ établissement support │       │       │ [1]     │      │\n' +
        '└─────────────────┴───────────────────────┴───────┴───────┴─────────┴──────┘\n' +
        '\n' +
        'Sources\n' +
        '┌─────┬────────────────────────┬────────────┬────────────┬─────────────────────────────────────────┐\n' +
        '│     │ Article                │ Outlet     │ Date       │ Title                                   │\n' +
        '├─────┼────────────────────────┼────────────┼────────────┼─────────────────────────────────────────┤\n' +
        '│ [1] │ gazette-2020-01-15-ght │ La Gazette │ 2020-01-15 │ Le GHT de Valbrune compte sept          │\n' +
        '│     │                        │            │            │ établissements parties                  │\n' +
        '└─────┴────────────────────────┴────────────┴────────────┴─────────────────────────────────────────┘\n',
      err: '',
    });
  });
});
