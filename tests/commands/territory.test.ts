import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

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
        'cpts-val-de-brune\tCPTS du Val de Brune\t\tassociation\t\t\t\t\n',
      err: '',
    });
    // The hospital names no department: its sites' communes are in the Jura.
    expect((await runOnFixture('query-territory', ['list', '--department', '39'])).out).toBe(
      'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'ch-de-valbrune\tCentre hospitalier de Valbrune\tCH de Valbrune\thospital\tpublic\t\t\t\n' +
        'cpts-val-de-brune\tCPTS du Val de Brune\t\tassociation\t\t\t\t\n',
    );
    expect((await runOnFixture('query-territory', ['list', '--department', '39', '--region', 'aura'])).out).toBe(
      'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'cpts-val-de-brune\tCPTS du Val de Brune\t\tassociation\t\t\t\t\n',
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
        '│ Centre hospitalier de Valbrune (CH  │ hospital      │ public │                         │ ch-de-valbrune              │\n' +
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
        'metric\tvalue\tunit\tas_of\tsource\tnote\n' +
        'communes\t42\t\t\tcourrier-2024-03-12-cpts-val-de-brune\t\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        "courrier-2024-03-12-cpts-val-de-brune\tLe Courrier de la Brune\t2024-03-12\tLa CPTS du Val de Brune s'étend au Jura\n",
      err: '',
    });
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

  it('reports bad departments, INSEE codes, EPCI and FINESS ET at their place', async () => {
    // ch-de-champagnole.yaml: the SIREN at 3:8 and the site's FINESS ET at 7:16 fail their check
    // digit; ch-de-valbrune.yaml: department "20" at 3:21, commune 39999 at 4:21, a SIREN that is no
    // EPCI at 5:8, a postal code for a site's commune at 8:14.
    expect(await runOnFixture('territory-bad', ['validate'])).toEqual({
      code: 1,
      out:
        'data/organisations/ch-de-champagnole.yaml:3:8: error: SIREN "200042936" has a wrong check digit [bad-identifier]\n' +
        'data/organisations/ch-de-champagnole.yaml:7:16: error: FINESS "390780014" has a wrong check digit [bad-identifier]\n' +
        'data/organisations/ch-de-valbrune.yaml:3:21: error: department "20" does not exist [unknown-geography]\n' +
        '  hint: Corsica is "2A" (Corse-du-Sud) or "2B" (Haute-Corse)\n' +
        'data/organisations/ch-de-valbrune.yaml:4:21: error: commune "39999" is not the INSEE code of a French commune [unknown-geography]\n' +
        '  hint: use the INSEE code (code officiel géographique), not the postal code: "01053" for Bourg-en-Bresse\n' +
        'data/organisations/ch-de-valbrune.yaml:5:8: error: EPCI "775688732" is not the SIREN of an EPCI [unknown-geography]\n' +
        '  hint: use the SIREN of the intercommunality, as listed by the DGCL (BANATIC)\n' +
        'data/organisations/ch-de-valbrune.yaml:8:14: error: commune "39000" is not the INSEE code of a French commune [unknown-geography]\n' +
        '  hint: use the INSEE code (code officiel géographique), not the postal code: "01053" for Bourg-en-Bresse\n' +
        '✖ 6 errors, 0 warnings in 2 files (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });
});
