import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCoop, runOnFixture } from '../helpers.js';

// Exact outputs on tests/fixtures/query-territory (a CPTS across the Ain and the Jura, a hospital
// known by its sites only) and tests/fixtures/territory-bad, checked by hand against their files.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 120 };

describe('territories and sites', () => {
  it('finds a structure by its departments, its communes and its sites (--department), pipe', async () => {
    expect(await runOnFixture('query-territory', ['list', '--department', '1'])).toEqual({
      code: 0,
      out:
        'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'clinique-des-monts\tClinique des Monts\t\tclinic\tprivate-for-profit\tBellignat\t01\tauvergne-rhone-alpes\n' +
        'cpts-val-de-brune\tCPTS du Val de Brune\t\tassociation\t\t\t01,39\tauvergne-rhone-alpes,bourgogne-franche-comte\n',
      err: '',
    });
    // The hospital names no department: its sites' communes are in the Jura.
    expect((await runOnFixture('query-territory', ['list', '--department', '39'])).out).toBe(
      'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'ch-de-valbrune\tCentre hospitalier de Valbrune\tCH de Valbrune\thospital\tpublic\t\t39\tbourgogne-franche-comte\n' +
        'cpts-val-de-brune\tCPTS du Val de Brune\t\tassociation\t\t\t01,39\tauvergne-rhone-alpes,bourgogne-franche-comte\n',
    );
    expect((await runOnFixture('query-territory', ['list', '--department', '39', '--region', 'aura'])).out).toBe(
      'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'cpts-val-de-brune\tCPTS du Val de Brune\t\tassociation\t\t\t01,39\tauvergne-rhone-alpes,bourgogne-franche-comte\n',
    );
  });

  it('finds a structure in every region it covers (--region), terminal', async () => {
    expect(await runOnFixture('query-territory', ['list', '--region', 'bfc'], TERMINAL)).toEqual({
      code: 0,
      out:
        '┌─────────────────────────────────────┬───────────────┬────────┬─────────────────────────┬─────────────────────────────┐\n' +
        '│ Name                                │ Kind          │ Sector │ Place                   │ Id                          │\n' +
        '├─────────────────────────────────────┼───────────────┼────────┼─────────────────────────┼─────────────────────────────┤\n' +
        '│ Agence régionale de santé           │ public-agency │ public │ bourgogne-franche-comte │ ars-bourgogne-franche-comte │\n' +
        '│ Bourgogne-Franche-Comté (ARS BFC)   │               │        │                         │                             │\n' +
        '│ Centre hospitalier de Valbrune (CH  │ hospital      │ public │ (39)                    │ ch-de-valbrune              │\n' +
        '│ de Valbrune)                        │               │        │                         │                             │\n' +
        '│ CPTS du Val de Brune                │ association   │        │ (01, 39)                │ cpts-val-de-brune           │\n' +
        '└─────────────────────────────────────┴───────────────┴────────┴─────────────────────────┴─────────────────────────────┘\n',
      err: '3 organisations\n',
    });
  });

  it('shows departments, communes, EPCI and population, pipe', async () => {
    expect(await runOnFixture('query-territory', ['show', 'cpts-val-de-brune'])).toEqual({
      code: 0,
      out:
        'CPTS du Val de Brune\n' +
        'cpts-val-de-brune · association\n' +
        '\n' +
        'Departments\t01 39\n' +
        'Communes\t01283 01269 39478 39368\n' +
        'EPCI\t200042935\n' +
        'Population\tabout 68000 courrier-2024-03-12-cpts-val-de-brune\n' +
        '\n' +
        '## Description\n' +
        "Communauté professionnelle territoriale de santé à cheval sur l'Ain et le Jura.\n" +
        '\n' +
        '## Figures\n' +
        'metric\tvalue\tunit\tas_of\tsource\tnote\tqualifier\tvalue_min\tvalue_max\tper\n' +
        'communes\t42\t\t\tcourrier-2024-03-12-cpts-val-de-brune\t\texact\t\t\t\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        "courrier-2024-03-12-cpts-val-de-brune\tLe Courrier de la Brune\t2024-03-12\tLa CPTS du Val de Brune s'étend au Jura\n",
      err: '',
    });
  });

  it('names communes and EPCI from the built binary too (their names are a bundle of their own)', async () => {
    const built = spawnSync(
      process.execPath,
      [join(REPO, 'bin', 'coop.cjs'), 'show', 'cpts-val-de-brune', '--json', '--data', 'data', '--no-cache'],
      {
        cwd: join(FIXTURES, 'query-territory'),
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', COLUMNS: '120' },
      },
    );
    const inProcess = await runOnFixture('query-territory', ['show', 'cpts-val-de-brune', '--json']);
    expect(JSON.parse(inProcess.out).places).toEqual({
      '01283': 'Oyonnax',
      '01269': 'Nantua',
      '39478': 'Saint-Claude',
      '39368': 'Hauts de Bienne',
      '200042935': 'CA Haut-Bugey Agglomération',
    });
    expect(built.stderr).toBe('');
    expect(built.stdout).toBe(inProcess.out);
  });

  it('shows departments, communes, EPCI and population by name, terminal', async () => {
    expect(await runOnFixture('query-territory', ['show', 'cpts-val-de-brune'], TERMINAL)).toEqual({
      code: 0,
      out:
        'CPTS du Val de Brune\n' +
        'cpts-val-de-brune · association\n' +
        '\n' +
        '  Departments   Ain (01), Jura (39)\n' +
        '  Communes (4)  Oyonnax (01283), Nantua (01269), Saint-Claude (39478), Hauts de Bienne (39368)\n' +
        '  EPCI          CA Haut-Bugey Agglomération (200042935)\n' +
        '  Population    about 68,000 [1]\n' +
        '\n' +
        'Description\n' +
        "  Communauté professionnelle territoriale de santé à cheval sur l'Ain et le Jura.\n" +
        '\n' +
        'Figures\n' +
        '┌──────────┬───────┬──────┬───────┬────────┬──────┐\n' +
        '│ Metric   │ Value │ Unit │ As of │ Source │ Note │\n' +
        '├──────────┼───────┼──────┼───────┼────────┼──────┤\n' +
        '│ communes │ 42    │      │       │ [1]    │      │\n' +
        '└──────────┴───────┴──────┴───────┴────────┴──────┘\n' +
        '\n' +
        'Sources\n' +
        '┌─────┬───────────────────────────────────────┬─────────────────────────┬────────────┬─────────────────────────────────┐\n' +
        '│     │ Article                               │ Outlet                  │ Date       │ Title                           │\n' +
        '├─────┼───────────────────────────────────────┼─────────────────────────┼────────────┼─────────────────────────────────┤\n' +
        "│ [1] │ courrier-2024-03-12-cpts-val-de-brune │ Le Courrier de la Brune │ 2024-03-12 │ La CPTS du Val de Brune s'étend │\n" +
        '│     │                                       │                         │            │ au Jura                         │\n' +
        '└─────┴───────────────────────────────────────┴─────────────────────────┴────────────┴─────────────────────────────────┘\n',
      err: '',
    });
  });

  it('reports bad departments, INSEE codes, EPCI, FINESS ET, parties and authorisations at their place', async () => {
    // ch-de-champagnole.yaml: the SIREN at 3:8 and the site's FINESS ET at 7:16 fail their check
    // digit, an unknown status at 11:13; ch-de-valbrune.yaml: department "20" at 3:21, commune 39999
    // at 4:21, a SIREN that is no EPCI at 5:8, a postal code for a site's commune at 8:14;
    // ch-de-lons.yaml: an unknown authority at 10:16 and site at 11:11; the agreements: an unknown
    // kind (1:7) and role (5:11), an unknown party (4:10), a period that ends before it starts (10:10).
    expect(await runOnFixture('territory-bad', ['validate'])).toEqual({
      code: 1,
      out:
        'data/agreements/cls-jura.yaml:1:7: error: "contrat-local" is not a valid kind [bad-enum]\n' +
        '  hint: did you mean "contrat-local-de-sante"?\n' +
        'data/agreements/cls-jura.yaml:5:11: error: "funder" is not a valid role [bad-enum]\n' +
        '  hint: one of: signatory, ars, coordinator, party, other\n' +
        'data/agreements/cpom-ch-de-lons.yaml:4:10: error: party "ch-de-lon" is not an organisation [unknown-reference]\n' +
        '  hint: did you mean "ch-de-lons"?\n' +
        'data/agreements/cpom-ch-de-lons.yaml:10:10: error: until (2024) is before since (2028) [date-order]\n' +
        'data/organisations/ch-de-champagnole.yaml:3:8: error: SIREN "200042936" has a wrong check digit [bad-identifier]\n' +
        'data/organisations/ch-de-champagnole.yaml:7:16: error: FINESS "390780014" has a wrong check digit [bad-identifier]\n' +
        'data/organisations/ch-de-champagnole.yaml:11:13: error: "suspended" is not a valid status [bad-enum]\n' +
        '  hint: one of: granted, renewed, withdrawn\n' +
        'data/organisations/ch-de-lons.yaml:10:16: error: authority "ars-bourgogne-franche-comt" is not an organisation [unknown-reference]\n' +
        '  hint: did you mean "ars-bourgogne-franche-comte"?\n' +
        'data/organisations/ch-de-lons.yaml:11:11: error: site "Site de Champagnol" is not one of its sites [unknown-reference]\n' +
        '  hint: did you mean "Site de Champagnole"?\n' +
        'data/organisations/ch-de-valbrune.yaml:3:21: error: department "20" does not exist [unknown-geography]\n' +
        '  hint: Corsica is "2A" (Corse-du-Sud) or "2B" (Haute-Corse)\n' +
        'data/organisations/ch-de-valbrune.yaml:4:21: error: commune "39999" is not the INSEE code of a French commune [unknown-geography]\n' +
        '  hint: use the INSEE code (code officiel géographique), not the postal code: "01053" for Bourg-en-Bresse\n' +
        'data/organisations/ch-de-valbrune.yaml:5:8: error: EPCI "775688732" is not the SIREN of an EPCI [unknown-geography]\n' +
        '  hint: use the SIREN of the intercommunality, as listed by the DGCL (BANATIC)\n' +
        'data/organisations/ch-de-valbrune.yaml:8:14: error: commune "39000" is not the INSEE code of a French commune [unknown-geography]\n' +
        '  hint: use the INSEE code (code officiel géographique), not the postal code: "01053" for Bourg-en-Bresse\n' +
        '✖ 13 errors, 0 warnings in 5 files (3 organisations, 0 programmes, 0 funding lines, 0 events, 1 article, 1 agreement loaded)\n',
      err: '',
    });
  });
});

describe('agreements and authorisations', () => {
  it("lists an organisation's sites, authorisations and agreements, pipe", async () => {
    expect(await runOnFixture('query-territory', ['show', 'ch-de-valbrune'])).toEqual({
      code: 0,
      out:
        'Centre hospitalier de Valbrune (CH de Valbrune)\n' +
        'ch-de-valbrune · hospital · public\n' +
        '\n' +
        '## Sites\n' +
        'name\tcommune\tfiness_et\tsource\tnote\n' +
        'Site de Lons-le-Saunier\t39300\t390780013\tcourrier-2024-01-15-cpom-valbrune\t\n' +
        'Site de Champagnole\t39097\t390780021\tcourrier-2024-01-15-cpom-valbrune\t\n' +
        '\n' +
        '## Authorisations\n' +
        'activity\tstatus\tdate\tauthority\tsite\tsource\n' +
        "médecine d'urgence\trenewed\t\tars-bourgogne-franche-comte\tSite de Champagnole\tcourrier-2024-01-15-cpom-valbrune\n" +
        '\n' +
        '## Agreements\n' +
        'id\tkind\tname\trole\twith\tsince\tuntil\tsources\n' +
        'cpom-ch-de-valbrune-2024-2028\tcpom\tCPOM 2024-2028 du CH de Valbrune\tsignatory\tars-bourgogne-franche-comte\t2024\t2028\tcourrier-2024-01-15-cpom-valbrune\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        'courrier-2024-01-15-cpom-valbrune\tLe Courrier de la Brune\t2024-01-15\tLe CH de Valbrune signe son CPOM\n',
      err: '',
    });
  });

  it("lists an organisation's sites, authorisations and agreements, terminal", async () => {
    expect(await runOnFixture('query-territory', ['show', 'ch-de-valbrune'], TERMINAL)).toEqual({
      code: 0,
      out:
        'Centre hospitalier de Valbrune (CH de Valbrune)\n' +
        'ch-de-valbrune · hospital · public\n' +
        '\n' +
        'Sites\n' +
        '┌─────────────────────────┬──────────────────────┬───────────┬────────┬──────┐\n' +
        '│ Site                    │ Commune              │ FINESS ET │ Source │ Note │\n' +
        '├─────────────────────────┼──────────────────────┼───────────┼────────┼──────┤\n' +
        '│ Site de Lons-le-Saunier │ Lons-le-Saunier (39) │ 390780013 │ [1]    │      │\n' +
        '│ Site de Champagnole     │ Champagnole (39)     │ 390780021 │ [1]    │      │\n' +
        '└─────────────────────────┴──────────────────────┴───────────┴────────┴──────┘\n' +
        '\n' +
        'Authorisations\n' +
        '┌────────────────────┬─────────┬──────┬─────────────────────────────────────────────────┬─────────────────────┬────────┐\n' +
        '│ Activity           │ Status  │ Date │ Authority                                       │ Site                │ Source │\n' +
        '├────────────────────┼─────────┼──────┼─────────────────────────────────────────────────┼─────────────────────┼────────┤\n' +
        "│ médecine d'urgence │ renewed │      │ Agence régionale de santé                       │ Site de Champagnole │ [1]    │\n" +
        '│                    │         │      │ Bourgogne-Franche-Comté (ARS BFC)               │                     │        │\n' +
        '└────────────────────┴─────────┴──────┴─────────────────────────────────────────────────┴─────────────────────┴────────┘\n' +
        '\n' +
        'Agreements\n' +
        '┌──────────────────────────────────┬──────┬───────────┬─────────────────────────────────────────┬─────────────┬────────┐\n' +
        '│ Agreement                        │ Kind │ Role      │ With                                    │ Period      │ Source │\n' +
        '├──────────────────────────────────┼──────┼───────────┼─────────────────────────────────────────┼─────────────┼────────┤\n' +
        '│ CPOM 2024-2028 du CH de Valbrune │ cpom │ signatory │ Agence régionale de santé               │ 2024 – 2028 │ [1]    │\n' +
        '│                                  │      │           │ Bourgogne-Franche-Comté (ARS BFC)       │             │        │\n' +
        '└──────────────────────────────────┴──────┴───────────┴─────────────────────────────────────────┴─────────────┴────────┘\n' +
        '\n' +
        'Sources\n' +
        '┌─────┬───────────────────────────────────┬─────────────────────────┬────────────┬──────────────────────────────────┐\n' +
        '│     │ Article                           │ Outlet                  │ Date       │ Title                            │\n' +
        '├─────┼───────────────────────────────────┼─────────────────────────┼────────────┼──────────────────────────────────┤\n' +
        '│ [1] │ courrier-2024-01-15-cpom-valbrune │ Le Courrier de la Brune │ 2024-01-15 │ Le CH de Valbrune signe son CPOM │\n' +
        '└─────┴───────────────────────────────────┴─────────────────────────┴────────────┴──────────────────────────────────┘\n',
      err: '',
    });
  });

  it('shows an agreement by id, pipe', async () => {
    expect(await runOnFixture('query-territory', ['show', 'cpom-ch-de-valbrune-2024-2028'])).toEqual({
      code: 0,
      out:
        'CPOM 2024-2028 du CH de Valbrune\n' +
        'cpom-ch-de-valbrune-2024-2028 · agreement · cpom\n' +
        '\n' +
        'Since\t2024\n' +
        'Until\t2028\n' +
        '\n' +
        '## Parties\n' +
        'org\trole\tnote\n' +
        'ch-de-valbrune\tsignatory\t\n' +
        'ars-bourgogne-franche-comte\tars\t\n' +
        '\n' +
        '## Description\n' +
        "Contrat pluriannuel d'objectifs et de moyens signé par le centre hospitalier de Valbrune avec l'agence régionale de santé pour la période 2024-2028.\n" +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        'courrier-2024-01-15-cpom-valbrune\tLe Courrier de la Brune\t2024-01-15\tLe CH de Valbrune signe son CPOM\n',
      err: '',
    });
  });

  it('shows an agreement by name, terminal', async () => {
    expect(await runOnFixture('query-territory', ['show', 'CPOM 2024-2028 du CH de Valbrune'], TERMINAL)).toEqual({
      code: 0,
      out:
        'CPOM 2024-2028 du CH de Valbrune\n' +
        'cpom-ch-de-valbrune-2024-2028 · agreement · cpom\n' +
        '\n' +
        '  Since  2024\n' +
        '  Until  2028\n' +
        '\n' +
        'Parties\n' +
        '┌───────────────────────────────────────────────────────────────────────────────────────────┬───────────┬──────┐\n' +
        '│ Party                                                                                     │ Role      │ Note │\n' +
        '├───────────────────────────────────────────────────────────────────────────────────────────┼───────────┼──────┤\n' +
        '│ Centre hospitalier de Valbrune (CH de Valbrune) [ch-de-valbrune]                          │ signatory │      │\n' +
        '│ Agence régionale de santé Bourgogne-Franche-Comté (ARS BFC) [ars-bourgogne-franche-comte] │ ars       │      │\n' +
        '└───────────────────────────────────────────────────────────────────────────────────────────┴───────────┴──────┘\n' +
        '\n' +
        'Description\n' +
        "  Contrat pluriannuel d'objectifs et de moyens signé par le centre hospitalier de Valbrune avec\n" +
        "  l'agence régionale de santé pour la période 2024-2028.\n" +
        '\n' +
        'Sources\n' +
        '┌─────┬───────────────────────────────────┬─────────────────────────┬────────────┬──────────────────────────────────┐\n' +
        '│     │ Article                           │ Outlet                  │ Date       │ Title                            │\n' +
        '├─────┼───────────────────────────────────┼─────────────────────────┼────────────┼──────────────────────────────────┤\n' +
        '│ [1] │ courrier-2024-01-15-cpom-valbrune │ Le Courrier de la Brune │ 2024-01-15 │ Le CH de Valbrune signe son CPOM │\n' +
        '└─────┴───────────────────────────────────┴─────────────────────────┴────────────┴──────────────────────────────────┘\n',
      err: '',
    });
  });

  it('finds agreements by name, counts them, completes their ids and exports them', async () => {
    expect(await runOnFixture('query-territory', ['search', 'cpom', '--type', 'agreement'])).toEqual({
      code: 0,
      out:
        'type\tid\tname\tscore\tfield\tmatched\n' +
        'agreement\tcpom-ch-de-valbrune-2024-2028\tCPOM 2024-2028 du CH de Valbrune\t0.086\tname\tCPOM 2024-2028 du CH de Valbrune\n',
      err: '',
    });
    expect(await runOnFixture('query-territory', ['validate'])).toEqual({
      code: 0,
      out: '✔ no problems: 4 organisations, 0 programmes, 0 funding lines, 0 events, 2 articles, 1 agreement\n',
      err: '',
    });
    expect((await runOnFixture('query-territory', ['__ids', 'agreement'])).out).toBe('cpom-ch-de-valbrune-2024-2028\n');
    expect((await runOnFixture('query-territory', ['export', '--table', 'agreements', '--format', 'csv'])).out).toBe(
      'id,kind,name,short_name,parties,period,description,note,sources,file\r\n' +
        'cpom-ch-de-valbrune-2024-2028,cpom,CPOM 2024-2028 du CH de Valbrune,,"[{""org"":""ch-de-valbrune"",""role"":""signatory""},{""org"":""ars-bourgogne-franche-comte"",""role"":""ars""}]","{""since"":""2024"",""until"":""2028""}",Contrat pluriannuel d\'objectifs et de moyens signé par le centre hospitalier de Valbrune avec l\'agence régionale de santé pour la période 2024-2028.,,courrier-2024-01-15-cpom-valbrune,agreements/cpom-ch-de-valbrune-2024-2028.yaml\r\n',
    );
  });
});

describe('coop new agreement', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'territory-new-agreement-'));
    cpSync(join(FIXTURES, 'query-territory', 'data'), join(work, 'data'), { recursive: true });
    rmSync(join(work, 'data', 'agreements'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));
  const coop = (args: string[]) => runCoop([...args, '--data', 'data'], { cwd: work });
  const CPOM = [
    'new',
    'agreement',
    'cpom-ch-de-valbrune-2024-2028',
    '--kind',
    'cpom',
    '--name',
    'CPOM 2024-2028 du CH de Valbrune',
    '--since',
    '2024',
    '--until',
    '2028',
    '--description',
    "Contrat pluriannuel d'objectifs et de moyens signé par le centre hospitalier de Valbrune avec l'agence régionale de santé pour la période 2024-2028.",
    '--source',
    'courrier-2024-01-15-cpom-valbrune',
  ];

  it('records « Le CH de Valbrune signe avec l’ARS un CPOM 2024-2028 » as the fixture holds it', async () => {
    // Parties by acronym: the file holds their ids.
    expect(await coop([...CPOM, '--party', 'CH de Valbrune:signatory', '--party', 'ARS BFC:ars'])).toEqual({
      code: 0,
      out: 'data/agreements/cpom-ch-de-valbrune-2024-2028.yaml\n',
      err: '',
    });
    const path = 'agreements/cpom-ch-de-valbrune-2024-2028.yaml';
    expect(readFileSync(join(work, 'data', path), 'utf8')).toBe(
      readFileSync(join(FIXTURES, 'query-territory', 'data', path), 'utf8'),
    );
  });

  it('refuses a party without a role (exit 2) and an unknown party (exit 1, at its line), writing nothing', async () => {
    expect(await coop([...CPOM, '--party', 'ch-de-valbrune'])).toEqual({
      code: 2,
      out: '',
      err:
        'coop: --party "ch-de-valbrune" is not ORG:ROLE\n' +
        '  hint: ROLE is one of signatory, ars, coordinator, party, other; e.g. --party ch-de-valbrune:signatory\n',
    });
    const unknown = await coop([...CPOM, '--party', 'ch-de-valbrun:signatory']);
    expect(unknown.code).toBe(1);
    expect(unknown.out).toBe('');
    expect(unknown.err).toContain(
      'data/agreements/cpom-ch-de-valbrune-2024-2028.yaml:4:10: error: party "ch-de-valbrun" is not an organisation [unknown-reference]\n' +
        '  hint: did you mean "ch-de-valbrune"?\n',
    );
    expect(existsSync(join(work, 'data', 'agreements'))).toBe(false);
  });
});
