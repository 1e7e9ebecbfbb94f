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

// tests/fixtures/query-lang-money: a fund (FIR) with a budget per year for operating costs, carrying
// a call for projects; a recurring dotation per year, a non-renewable investment grant over two
// years, a loan announced as a range; a CPTS with two founders and a member still joining.
describe('coop funding --lang fr', () => {
  it('prints instruments, stages, terms and natures in French, on a terminal', async () => {
    expect(await runOnFixture('query-lang-money', ['funding', '--program', 'fir', '--lang', 'fr'], TERMINAL)).toEqual({
      code: 0,
      out:
        "Fonds d'intervention régional (FIR) · fonds with Appel à projets Coordination 2026\n" +
        '\n' +
        'Funding lines\n' +
        '┌──────────────────┬───────────────────┬────────────┬──────────┬───────────────────┬──────┬────────┐\n' +
        '│ Programme        │ Recipient         │ Instrument │ Stage    │ Amount            │ Date │ Source │\n' +
        '├──────────────────┼───────────────────┼────────────┼──────────┼───────────────────┼──────┼────────┤\n' +
        '│ Appel à projets  │ Centre            │ subvention │ attribué │ 1.2 M€ (non       │      │ [1]    │\n' +
        '│ Coordination     │ hospitalier de    │            │          │ reconductible,    │      │        │\n' +
        '│ 2026             │ Valbrune          │            │          │ investissement,   │      │        │\n' +
        '│                  │                   │            │          │ 2026 to 2027)     │      │        │\n' +
        '│ Appel à projets  │ Centre            │ prêt       │ annoncé  │ 2–3 M€            │      │ [1]    │\n' +
        '│ Coordination     │ hospitalier de    │            │          │                   │      │        │\n' +
        '│ 2026             │ Valbrune          │            │          │                   │      │        │\n' +
        '│ Fonds            │ CPTS du Val de    │ dotation   │ versé    │ 450 k€ / an       │      │ [1]    │\n' +
        "│ d'intervention   │ Brune             │            │          │ (pérenne)         │      │        │\n" +
        '│ régional (FIR)   │                   │            │          │                   │      │        │\n' +
        '└──────────────────┴───────────────────┴────────────┴──────────┴───────────────────┴──────┴────────┘\n' +
        '\n' +
        'Totals (by instrument and stage: grants are never added to equity, nor potential to awarded money)\n' +
        '┌────────────┬──────────┬───────┬─────────────┐\n' +
        '│ Instrument │ Stage    │ Lines │ Total       │\n' +
        '├────────────┼──────────┼───────┼─────────────┤\n' +
        '│ subvention │ attribué │ 1     │ 1.2 M€      │\n' +
        '│ dotation   │ versé    │ 1     │ 450 k€ / an │\n' +
        '│ prêt       │ annoncé  │ 1     │ 2–3 M€      │\n' +
        '└────────────┴──────────┴───────┴─────────────┘\n' +
        '\n' +
        'By programme (each subtotal includes the programmes below it)\n' +
        '┌──────────────────────────────────┬─────────────────┬────────────┬──────────┬───────┬─────────────┐\n' +
        '│ Programme                        │ Nature          │ Instrument │ Stage    │ Lines │ Subtotal    │\n' +
        '├──────────────────────────────────┼─────────────────┼────────────┼──────────┼───────┼─────────────┤\n' +
        "│ Fonds d'intervention régional    │ fonds           │ subvention │ attribué │ 1     │ 1.2 M€      │\n" +
        '│ (FIR)                            │                 │            │          │       │             │\n' +
        '│                                  │                 │ dotation   │ versé    │ 1     │ 450 k€ / an │\n' +
        '│                                  │                 │ prêt       │ annoncé  │ 1     │ 2–3 M€      │\n' +
        '│ · Appel à projets Coordination   │ appel à projets │ subvention │ attribué │ 1     │ 1.2 M€      │\n' +
        '│ 2026                             │                 │            │          │       │             │\n' +
        '│                                  │                 │ prêt       │ annoncé  │ 1     │ 2–3 M€      │\n' +
        '└──────────────────────────────────┴─────────────────┴────────────┴──────────┴───────┴─────────────┘\n' +
        '\n' +
        'Programme budget\n' +
        '┌─────────────────────────────────────┬─────────────┬──────────────────────────────┬────────┬──────┐\n' +
        '│ Programme                           │ Instrument  │ Amount                       │ Source │ Note │\n' +
        '├─────────────────────────────────────┼─────────────┼──────────────────────────────┼────────┼──────┤\n' +
        "│ Fonds d'intervention régional (FIR) │ non précisé │ 300 M€ / an (fonctionnement) │ [1]    │      │\n" +
        '└─────────────────────────────────────┴─────────────┴──────────────────────────────┴────────┴──────┘\n' +
        '\n' +
        'Sources\n' +
        '┌─────┬────────────────────────┬────────────┬────────────┬─────────────────────────────────────────┐\n' +
        '│     │ Article                │ Outlet     │ Date       │ Title                                   │\n' +
        '├─────┼────────────────────────┼────────────┼────────────┼─────────────────────────────────────────┤\n' +
        "│ [1] │ gazette-2026-03-02-fir │ La Gazette │ 2026-03-02 │ L'ARS finance la coordination en Val de │\n" +
        '│     │                        │            │            │ Brune                                   │\n' +
        '└─────┴────────────────────────┴────────────┴────────────┴─────────────────────────────────────────┘\n',
      err: '',
    });
  });

  it('prints them in French in a pipe too, the qualifier and the period keeping their ids', async () => {
    expect(await runOnFixture('query-lang-money', ['funding', '--program', 'fir', '--lang', 'fr'])).toEqual({
      code: 0,
      out:
        'row\tid\tprogramme\trecipient\tfunder\tinstrument\tstage\tamount\tcurrency\tupper_bound\tdate\tlines\tsource\tqualifier\tamount_min\tamount_max\tapproximate\trecipients_count\tper_recipient_min\tper_recipient_max\tprogramme_name\trecipient_name\tdepth\trecurrence\tpurpose\tper\tfrom\tuntil\tnature\n' +
        'line\tcoordination-ch-de-valbrune-subvention\tappel-coordination-2026\tch-de-valbrune\t\tsubvention\tattribué\t1200000\tEUR\tfalse\t\t1\tgazette-2026-03-02-fir\texact\t1200000\t1200000\tfalse\t\t\t\tAppel à projets Coordination 2026\tCentre hospitalier de Valbrune\t\tnon reconductible\tinvestissement\t\t2026\t2027\t\n' +
        'line\tcoordination-ch-de-valbrune-pret\tappel-coordination-2026\tch-de-valbrune\t\tprêt\tannoncé\t\tEUR\tfalse\t\t1\tgazette-2026-03-02-fir\trange\t2000000\t3000000\tfalse\t\t\t\tAppel à projets Coordination 2026\tCentre hospitalier de Valbrune\t\t\t\t\t\t\t\n' +
        "line\tfir-cpts-val-de-brune\tfir\tcpts-val-de-brune\t\tdotation\tversé\t450000\tEUR\tfalse\t\t1\tgazette-2026-03-02-fir\texact\t450000\t450000\tfalse\t\t\t\tFonds d'intervention régional (FIR)\tCPTS du Val de Brune\t\tpérenne\t\tyear\t\t\t\n" +
        "total\t\tfir\t\t\tsubvention\tattribué\t1200000\tEUR\tfalse\t\t1\t\texact\t1200000\t1200000\tfalse\t\t\t\tFonds d'intervention régional (FIR)\t\t\t\t\t\t\t\tfonds\n" +
        "total\t\tfir\t\t\tdotation\tversé\t450000\tEUR\tfalse\t\t1\t\texact\t450000\t450000\tfalse\t\t\t\tFonds d'intervention régional (FIR)\t\t\t\t\tyear\t\t\tfonds\n" +
        "total\t\tfir\t\t\tprêt\tannoncé\t\tEUR\tfalse\t\t1\t\trange\t2000000\t3000000\tfalse\t\t\t\tFonds d'intervention régional (FIR)\t\t\t\t\t\t\t\tfonds\n" +
        "branch\t\tfir\t\t\tsubvention\tattribué\t1200000\tEUR\tfalse\t\t1\t\texact\t1200000\t1200000\tfalse\t\t\t\tFonds d'intervention régional (FIR)\t\t0\t\t\t\t\t\tfonds\n" +
        "branch\t\tfir\t\t\tdotation\tversé\t450000\tEUR\tfalse\t\t1\t\texact\t450000\t450000\tfalse\t\t\t\tFonds d'intervention régional (FIR)\t\t0\t\t\tyear\t\t\tfonds\n" +
        "branch\t\tfir\t\t\tprêt\tannoncé\t\tEUR\tfalse\t\t1\t\trange\t2000000\t3000000\tfalse\t\t\t\tFonds d'intervention régional (FIR)\t\t0\t\t\t\t\t\tfonds\n" +
        'branch\t\tappel-coordination-2026\t\t\tsubvention\tattribué\t1200000\tEUR\tfalse\t\t1\t\texact\t1200000\t1200000\tfalse\t\t\t\tAppel à projets Coordination 2026\t\t1\t\t\t\t\t\tappel à projets\n' +
        'branch\t\tappel-coordination-2026\t\t\tprêt\tannoncé\t\tEUR\tfalse\t\t1\t\trange\t2000000\t3000000\tfalse\t\t\t\tAppel à projets Coordination 2026\t\t1\t\t\t\t\t\tappel à projets\n' +
        "budget\t\tfir\t\t\tnon précisé\t\t300000000\tEUR\tfalse\t\t\tgazette-2026-03-02-fir\texact\t300000000\t300000000\tfalse\t\t\t\tFonds d'intervention régional (FIR)\t\t\t\tfonctionnement\tyear\t\t\t\n",
      err: '',
    });
  });

  it('keeps the ids with --lang en, as without it, and in JSON; refuses another language', async () => {
    const plain = await runOnFixture('query-lang-money', ['funding', '--program', 'fir']);
    expect(plain.out.split('\n')[1]).toBe(
      'line\tcoordination-ch-de-valbrune-subvention\tappel-coordination-2026\tch-de-valbrune\t\tgrant\tawarded\t1200000\tEUR\tfalse\t\t1\tgazette-2026-03-02-fir\texact\t1200000\t1200000\tfalse\t\t\t\tAppel à projets Coordination 2026\tCentre hospitalier de Valbrune\t\tnon-renewable\tinvestment\t\t2026\t2027\t',
    );
    expect(await runOnFixture('query-lang-money', ['funding', '--program', 'fir', '--lang', 'en'])).toEqual(plain);
    const json = JSON.parse((await runOnFixture('query-lang-money', ['funding', '--lang', 'fr', '--json'])).out);
    expect(json.lines[0]).toMatchObject({ instrument: 'grant', stage: 'awarded', recurrence: 'non-renewable' });
    expect(await runOnFixture('query-lang-money', ['funding', '--lang', 'de'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --lang "de" is not one of: en, fr\n',
    });
  });
});

describe('coop stats --lang fr', () => {
  it('prints kinds, sectors, roles, statuses, instruments and stages in French, on a terminal', async () => {
    expect(await runOnFixture('query-lang-money', ['stats', '--lang', 'fr'], TERMINAL)).toEqual({
      code: 0,
      out:
        'Records\n' +
        '┌───────────────┬───────┐\n' +
        '│ Type          │ Count │\n' +
        '├───────────────┼───────┤\n' +
        '│ organisations │ 5     │\n' +
        '│ programmes    │ 2     │\n' +
        '│ funding       │ 3     │\n' +
        '│ events        │ 0     │\n' +
        '│ articles      │ 1     │\n' +
        '│ people        │ 0     │\n' +
        '└───────────────┴───────┘\n' +
        '\n' +
        'Organisations by kind\n' +
        '┌──────────────────────────────────────┬───────┐\n' +
        '│ Kind                                 │ Count │\n' +
        '├──────────────────────────────────────┼───────┤\n' +
        '│ centre hospitalier                   │ 1     │\n' +
        '│ clinique                             │ 1     │\n' +
        '│ CPTS                                 │ 1     │\n' +
        '│ maison de santé pluriprofessionnelle │ 1     │\n' +
        '│ agence publique                      │ 1     │\n' +
        '└──────────────────────────────────────┴───────┘\n' +
        '\n' +
        'Organisations by sector\n' +
        '┌────────────────────┬───────┐\n' +
        '│ Sector             │ Count │\n' +
        '├────────────────────┼───────┤\n' +
        '│ public             │ 2     │\n' +
        '│ privé lucratif     │ 1     │\n' +
        '│ privé non lucratif │ 1     │\n' +
        '│ (none)             │ 1     │\n' +
        '└────────────────────┴───────┘\n' +
        '\n' +
        'Organisations by region\n' +
        '┌─────────────────────────┬───────┐\n' +
        '│ Region                  │ Count │\n' +
        '├─────────────────────────┼───────┤\n' +
        '│ bourgogne-franche-comte │ 1     │\n' +
        '│ (none)                  │ 4     │\n' +
        '└─────────────────────────┴───────┘\n' +
        '\n' +
        'Memberships by role\n' +
        '┌───────────┬───────┐\n' +
        '│ Role      │ Count │\n' +
        '├───────────┼───────┤\n' +
        '│ fondateur │ 2     │\n' +
        '└───────────┴───────┘\n' +
        '\n' +
        'Memberships by status\n' +
        '┌───────────────────┬───────┐\n' +
        '│ Status            │ Count │\n' +
        '├───────────────────┼───────┤\n' +
        '│ membre            │ 2     │\n' +
        '│ adhésion en cours │ 1     │\n' +
        '└───────────────────┴───────┘\n' +
        '\n' +
        'Money by programme, instrument and stage (never added across them)\n' +
        '┌─────────────────────────────────────┬────────────┬──────────┬───────┬─────────────┐\n' +
        '│ Programme                           │ Instrument │ Stage    │ Lines │ Amount      │\n' +
        '├─────────────────────────────────────┼────────────┼──────────┼───────┼─────────────┤\n' +
        '│ Appel à projets Coordination 2026   │ subvention │ attribué │ 1     │ 1.2 M€      │\n' +
        '│ Appel à projets Coordination 2026   │ prêt       │ annoncé  │ 1     │ 2–3 M€      │\n' +
        "│ Fonds d'intervention régional (FIR) │ dotation   │ versé    │ 1     │ 450 k€ / an │\n" +
        '└─────────────────────────────────────┴────────────┴──────────┴───────┴─────────────┘\n',
      err: '',
    });
  });

  it('prints them in French in a pipe too; "(none)" and regions stay as they are', async () => {
    expect(await runOnFixture('query-lang-money', ['stats', '--lang', 'fr'])).toEqual({
      code: 0,
      out:
        'section\tkey\tsubkey\tcount\tamount\tcurrency\tqualifier\tamount_min\tamount_max\tper\n' +
        'records\torganisations\t\t5\t\t\t\t\t\t\n' +
        'records\tprogrammes\t\t2\t\t\t\t\t\t\n' +
        'records\tfunding\t\t3\t\t\t\t\t\t\n' +
        'records\tevents\t\t0\t\t\t\t\t\t\n' +
        'records\tarticles\t\t1\t\t\t\t\t\t\n' +
        'records\tpeople\t\t0\t\t\t\t\t\t\n' +
        'organisations.by_kind\tcentre hospitalier\t\t1\t\t\t\t\t\t\n' +
        'organisations.by_kind\tclinique\t\t1\t\t\t\t\t\t\n' +
        'organisations.by_kind\tCPTS\t\t1\t\t\t\t\t\t\n' +
        'organisations.by_kind\tmaison de santé pluriprofessionnelle\t\t1\t\t\t\t\t\t\n' +
        'organisations.by_kind\tagence publique\t\t1\t\t\t\t\t\t\n' +
        'organisations.by_sector\tpublic\t\t2\t\t\t\t\t\t\n' +
        'organisations.by_sector\tprivé lucratif\t\t1\t\t\t\t\t\t\n' +
        'organisations.by_sector\tprivé non lucratif\t\t1\t\t\t\t\t\t\n' +
        'organisations.by_sector\t(none)\t\t1\t\t\t\t\t\t\n' +
        'organisations.by_region\tbourgogne-franche-comte\t\t1\t\t\t\t\t\t\n' +
        'organisations.by_region\t(none)\t\t4\t\t\t\t\t\t\n' +
        'memberships.by_role\tfondateur\t\t2\t\t\t\t\t\t\n' +
        'memberships.by_status\tmembre\t\t2\t\t\t\t\t\t\n' +
        'memberships.by_status\tadhésion en cours\t\t1\t\t\t\t\t\t\n' +
        'money\tappel-coordination-2026\tsubvention/attribué\t1\t1200000\tEUR\texact\t1200000\t1200000\t\n' +
        'money\tappel-coordination-2026\tprêt/annoncé\t1\t2000000\tEUR\trange\t2000000\t3000000\t\n' +
        'money\tfir\tdotation/versé\t1\t450000\tEUR\texact\t450000\t450000\tyear\n',
      err: '',
    });
  });

  it('keeps the ids with --lang en, as without it, and in JSON; refuses another language', async () => {
    const plain = await runOnFixture('query-lang-money', ['stats', '--format', 'csv']);
    // CSV rows end in CRLF (RFC 4180).
    expect(plain.out.split('\r\n').filter((line) => /^(organisations\.by_kind|memberships|money)/.test(line))).toEqual([
      'organisations.by_kind,ch,,1,,,,,,',
      'organisations.by_kind,clinic,,1,,,,,,',
      'organisations.by_kind,cpts,,1,,,,,,',
      'organisations.by_kind,msp,,1,,,,,,',
      'organisations.by_kind,public-agency,,1,,,,,,',
      'memberships.by_role,founder,,2,,,,,,',
      'memberships.by_status,member,,2,,,,,,',
      'memberships.by_status,pending,,1,,,,,,',
      'money,appel-coordination-2026,grant/awarded,1,1200000,EUR,exact,1200000,1200000,',
      'money,appel-coordination-2026,loan/announced,1,2000000,EUR,range,2000000,3000000,',
      'money,fir,dotation/disbursed,1,450000,EUR,exact,450000,450000,year',
    ]);
    expect(await runOnFixture('query-lang-money', ['stats', '--format', 'csv', '--lang', 'en'])).toEqual(plain);
    const json = JSON.parse((await runOnFixture('query-lang-money', ['stats', '--lang', 'fr', '--json'])).out);
    expect(json.organisations.by_kind).toEqual({ ch: 1, clinic: 1, cpts: 1, msp: 1, 'public-agency': 1 });
    expect(await runOnFixture('query-lang-money', ['stats', '--lang', 'de'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --lang "de" is not one of: en, fr\n',
    });
  });
});
