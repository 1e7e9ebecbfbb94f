import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCoop } from '../helpers.js';

// coop add site|authorisation|population|party and coop set on places, on a copy of
// tests/fixtures/query-territory (a CPTS across the Ain and the Jura, a hospital with two sites, a CPOM).
const CPTS_ARTICLE = 'courrier-2024-03-12-cpts-val-de-brune';
const CPOM_ARTICLE = 'courrier-2024-01-15-cpom-valbrune';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'add-territory-'));
  cpSync(join(FIXTURES, 'query-territory', 'data'), join(work, 'data'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));
const coop = (args: string[]) => runCoop([...args, '--data', 'data'], { cwd: work });
const file = (path: string) => readFileSync(join(work, 'data', path), 'utf8');
const original = (path: string) => readFileSync(join(FIXTURES, 'query-territory', 'data', path), 'utf8');
const CLINIQUE = 'organisations/clinique-des-monts.yaml';

describe('coop add site', () => {
  it('refuses a FINESS ET with a wrong check digit at its line and column, writing nothing', async () => {
    expect(
      await coop([
        'add',
        'site',
        'clinique-des-monts',
        'Site de Bellignat',
        '--commune',
        '01031',
        '--finess-et',
        '010002221',
        '--source',
        CPTS_ARTICLE,
      ]),
    ).toEqual({
      code: 1,
      out: '',
      err:
        'data/organisations/clinique-des-monts.yaml:9:16: error: FINESS "010002221" has a wrong check digit [bad-identifier]\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    });
    expect(file(CLINIQUE)).toBe(original(CLINIQUE));
  });

  it('refuses a commune name that several communes have (exit 2), and a second site of the same name (exit 1)', async () => {
    expect(
      await coop([
        'add',
        'site',
        'clinique-des-monts',
        'Site A',
        '--commune',
        'saint claude',
        '--source',
        CPTS_ARTICLE,
      ]),
    ).toEqual({
      code: 2,
      out: '',
      err:
        'coop: --commune "saint claude" is the name of 2 communes: 39478 (Jura), 97124 (Guadeloupe)\n' +
        '  hint: give the INSEE code of the one you mean\n',
    });
    expect(await coop(['add', 'site', 'CH de Valbrune', 'Site de Champagnole', '--source', CPTS_ARTICLE])).toEqual({
      code: 1,
      out: '',
      err:
        'coop: ch-de-valbrune already has a site named "Site de Champagnole": nothing written\n' +
        '  hint: coop set ch-de-valbrune sites.<name>.<field> changes one of its fields\n',
    });
  });
});

describe('coop add authorisation', () => {
  it('takes a site by its name in any case, and refuses one the organisation does not have', async () => {
    expect(
      await coop([
        'add',
        'authorisation',
        'ch-de-valbrune',
        '--activity',
        'médecine',
        '--status',
        'withdrawn',
        '--date',
        '2024-01',
        '--site',
        'SITE DE LONS-LE-SAUNIER',
        '--source',
        CPOM_ARTICLE,
      ]),
    ).toEqual({
      code: 0,
      out: 'data/organisations/ch-de-valbrune.yaml\n',
      err: 'added the authorisation "médecine" (withdrawn) to ch-de-valbrune, site "Site de Lons-le-Saunier"\n',
    });
    expect(file('organisations/ch-de-valbrune.yaml')).toBe(
      `${original('organisations/ch-de-valbrune.yaml')}  - activity: médecine\n    status: withdrawn\n    date: "2024-01"\n    site: Site de Lons-le-Saunier\n    source: ${CPOM_ARTICLE}\n`,
    );
    const args = ['add', 'authorisation', 'ch-de-valbrune', '--activity', 'médecine', '--status', 'granted'];
    expect(await coop([...args, '--site', 'Site de Champagnol', '--source', CPOM_ARTICLE])).toEqual({
      code: 1,
      out: '',
      err:
        'coop: --site "Site de Champagnol" is not one of the sites of ch-de-valbrune\n' +
        '  hint: did you mean "Site de Champagnole"?\n',
    });
    expect(
      await coop([
        'add',
        'authorisation',
        'clinique-des-monts',
        '--activity',
        'chirurgie',
        '--status',
        'granted',
        '--site',
        'Bloc',
        '--source',
        CPTS_ARTICLE,
      ]),
    ).toEqual({
      code: 1,
      out: '',
      err:
        'coop: clinique-des-monts has no sites: --site "Bloc" names none; nothing written\n' +
        '  hint: record the site first: coop add site clinique-des-monts "Bloc" --source <article>\n',
    });
  });

  it('refuses a status outside the list (exit 2) and the same authorisation twice (exit 1)', async () => {
    const args = ['add', 'authorisation', 'ch-de-valbrune', '--activity', "médecine d'urgence"];
    expect(await coop([...args, '--status', 'grant', '--source', CPOM_ARTICLE])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --status "grant" is not one of: granted, renewed, withdrawn\n  hint: did you mean "granted"?\n',
    });
    expect(
      await coop([...args, '--status', 'renewed', '--site', 'Site de Champagnole', '--source', CPOM_ARTICLE]),
    ).toEqual({
      code: 1,
      out: '',
      err:
        "coop: ch-de-valbrune already has this authorisation (médecine d'urgence, renewed) from courrier-2024-01-15-cpom-valbrune: nothing written\n" +
        '  hint: coop show ch-de-valbrune lists its authorisations\n',
    });
  });
});

describe('coop add population', () => {
  const CPTS = 'organisations/cpts-val-de-brune.yaml';
  it('replaces the population in place, saying what it was; --dry-run shows the diff', async () => {
    const args = ['add', 'population', 'cpts-val-de-brune', '71 250', '--as-of', '2021', '--source', CPOM_ARTICLE];
    expect(await coop([...args, '--dry-run'])).toEqual({
      code: 0,
      out:
        '--- a/data/organisations/cpts-val-de-brune.yaml\n' +
        '+++ b/data/organisations/cpts-val-de-brune.yaml\n' +
        '@@ -4,9 +4,9 @@\n' +
        ' communes: ["01283", "01269", "39478", "39368"]\n' +
        ' epci: ["200042935"]\n' +
        ' population:\n' +
        '-  value: 68000\n' +
        '-  approximate: true\n' +
        '-  source: courrier-2024-03-12-cpts-val-de-brune\n' +
        '+  value: 71250\n' +
        '+  as_of: "2021"\n' +
        '+  source: courrier-2024-01-15-cpom-valbrune\n' +
        ' figures:\n' +
        '   - metric: communes\n' +
        '     value: 42\n',
      err: 'coop: dry run: nothing written (would write data/organisations/cpts-val-de-brune.yaml)\n',
    });
    expect(file(CPTS)).toBe(original(CPTS));
    expect(await coop(args)).toEqual({
      code: 0,
      out: 'data/organisations/cpts-val-de-brune.yaml\n',
      err:
        'set the population of cpts-val-de-brune to 71250 as of 2021 from courrier-2024-01-15-cpom-valbrune ' +
        '(it was about 68000 from courrier-2024-03-12-cpts-val-de-brune)\n',
    });
    expect(file(CPTS)).toBe(
      original(CPTS).replace(
        `  value: 68000\n  approximate: true\n  source: ${CPTS_ARTICLE}\n`,
        `  value: 71250\n  as_of: "2021"\n  source: ${CPOM_ARTICLE}\n`,
      ),
    );
  });

  it('refuses a population that is no whole number (exit 2)', async () => {
    expect(await coop(['add', 'population', 'cpts-val-de-brune', '68000.5', '--source', CPTS_ARTICLE])).toEqual({
      code: 2,
      out: '',
      err: 'coop: the population "68000.5" is not a whole number of inhabitants\n  hint: write it as 68000 or "68 000"\n',
    });
  });
});

describe('coop add party', () => {
  const CPOM = 'agreements/cpom-ch-de-valbrune-2024-2028.yaml';
  it("adds a party by name, and its article to the agreement's sources", async () => {
    expect(
      await coop([
        'add',
        'party',
        'CPOM 2024-2028 du CH de Valbrune',
        'Clinique des Monts',
        '--role',
        'party',
        '--source',
        CPTS_ARTICLE,
      ]),
    ).toEqual({
      code: 0,
      out: `data/${CPOM}\n`,
      err: `added clinique-des-monts to cpom-ch-de-valbrune-2024-2028 as party, and ${CPTS_ARTICLE} to its sources\n`,
    });
    expect(file(CPOM)).toBe(
      original(CPOM)
        .replace('    role: ars\n', '    role: ars\n  - org: clinique-des-monts\n    role: party\n')
        .concat(`  - ${CPTS_ARTICLE}\n`),
    );
  });

  it('refuses the same party in the same role (exit 1), a role outside the list (exit 2), an unknown agreement', async () => {
    expect(
      await coop(['add', 'party', 'cpom-ch-de-valbrune-2024-2028', 'ch-de-valbrune', '--role', 'signatory']),
    ).toEqual({
      code: 1,
      out: '',
      err:
        'coop: ch-de-valbrune is already a party to cpom-ch-de-valbrune-2024-2028 as signatory: nothing written\n' +
        '  hint: coop show cpom-ch-de-valbrune-2024-2028 lists its parties\n',
    });
    expect(
      await coop(['add', 'party', 'cpom-ch-de-valbrune-2024-2028', 'ch-de-valbrune', '--role', 'partner']),
    ).toEqual({
      code: 2,
      out: '',
      err: 'coop: --role "partner" is not one of: signatory, ars, coordinator, party, other\n',
    });
    expect(await coop(['add', 'party', 'cpom-inconnu', 'ch-de-valbrune', '--role', 'party'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no agreement "cpom-inconnu"\n  hint: did you mean "cpom-ch-de-valbrune-2024-2028"?\n',
    });
  });
});

describe('coop set on places', () => {
  it('writes a department with its zero, a commune named by its INSEE code, an EPCI without spaces', async () => {
    expect(await coop(['set', 'clinique-des-monts', 'departments', '--add', '1', '--add', '2a'])).toEqual({
      code: 0,
      out: 'data/organisations/clinique-des-monts.yaml\n',
      err: 'added "01" to departments of clinique-des-monts\nadded "2A" to departments of clinique-des-monts\n',
    });
    expect(await coop(['set', 'clinique-des-monts', 'communes', '--add', 'Oyonnax'])).toEqual({
      code: 0,
      out: 'data/organisations/clinique-des-monts.yaml\n',
      err: 'added "01283" to communes of clinique-des-monts\n',
    });
    expect(await coop(['set', 'clinique-des-monts', 'epci', '--add', '200 042 935'])).toEqual({
      code: 0,
      out: 'data/organisations/clinique-des-monts.yaml\n',
      err: 'added "200042935" to epci of clinique-des-monts\n',
    });
    expect(file(CLINIQUE)).toBe(
      original(CLINIQUE).replace(
        'department: "01"\n',
        'department: "01"\ndepartments:\n  - "01"\n  - "2A"\ncommunes:\n  - "01283"\nepci:\n  - "200042935"\n',
      ),
    );
  });

  it('refuses a commune no commune is named (exit 2), and a department that does not exist at its place (exit 1)', async () => {
    expect(await coop(['set', 'clinique-des-monts', 'communes', '--add', 'Nulle-Part'])).toEqual({
      code: 2,
      out: '',
      err:
        'coop: communes "Nulle-Part" is no French commune\n' +
        '  hint: give its INSEE code (code officiel géographique, not the postal code), or its official name\n',
    });
    expect(await coop(['set', 'clinique-des-monts', 'departments', '--add', '99'])).toEqual({
      code: 1,
      out: '',
      err:
        'data/organisations/clinique-des-monts.yaml:7:5: error: department "99" does not exist [unknown-geography]\n' +
        '  hint: did you mean "09" or "19" or "29"?\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    });
    expect(file(CLINIQUE)).toBe(original(CLINIQUE));
  });
});
