import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// Exact outputs on tests/fixtures/query-list, checked by hand against its files.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

describe('coop list', () => {
  it('list, pipe', async () => {
    expect(await runOnFixture('query-list', ['list'])).toEqual({
      code: 0,
      out:
        'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'alliance-test\tAlliance de test\tADT\talliance\tprivate-nonprofit\t\t92\tile-de-france\n' +
        'clinique-des-fleurs\tClinique des Fleurs\t\tclinic\tprivate-for-profit\tCourbevoie\t92\tile-de-france\n' +
        'ehpad-les-tilleuls\tEHPAD Les Tilleuls\t\tehpad\t\tRueil-Malmaison\t\t\n' +
        'etat\tÉtat\t\tstate\tpublic\t\t\t\n' +
        'groupe-sante-plus\tGroupe Santé Plus\t\tgroup\tprivate-for-profit\t\t\t\n' +
        'hopital-a\tHôpital A\t\thospital\tprivate-nonprofit\tSuresnes\t92\tile-de-france\n' +
        'projet-strasbourg\tProjet Santé Strasbourg\tPSS\tproject\t\t\t\tgrand-est\n' +
        'ville-de-strasbourg\tVille de Strasbourg\t\tlocal-authority\tpublic\tStrasbourg\t67\tgrand-est\n',
      err: '',
    });
  });
  it('list, terminal', async () => {
    expect(await runOnFixture('query-list', ['list'], TERMINAL)).toEqual({
      code: 0,
      out: `┌───────────────────┬─────────────────┬────────────────────┬─────────────────┬─────────────────────┐
│ Name              │ Kind            │ Sector             │ Place           │ Id                  │
├───────────────────┼─────────────────┼────────────────────┼─────────────────┼─────────────────────┤
│ Alliance de test  │ alliance        │ private-nonprofit  │ (92)            │ alliance-test       │
│ (ADT)             │                 │                    │                 │                     │
│ Clinique des      │ clinic          │ private-for-profit │ Courbevoie (92) │ clinique-des-fleurs │
│ Fleurs            │                 │                    │                 │                     │
│ EHPAD Les         │ ehpad           │                    │ Rueil-Malmaison │ ehpad-les-tilleuls  │
│ Tilleuls          │                 │                    │                 │                     │
│ État              │ state           │ public             │                 │ etat                │
│ Groupe Santé Plus │ group           │ private-for-profit │                 │ groupe-sante-plus   │
│ Hôpital A         │ hospital        │ private-nonprofit  │ Suresnes (92)   │ hopital-a           │
│ Projet Santé      │ project         │                    │ grand-est       │ projet-strasbourg   │
│ Strasbourg (PSS)  │                 │                    │                 │                     │
│ Ville de          │ local-authority │ public             │ Strasbourg (67) │ ville-de-strasbourg │
│ Strasbourg        │                 │                    │                 │                     │
└───────────────────┴─────────────────┴────────────────────┴─────────────────┴─────────────────────┘
`,
      err: '8 organisations\n',
    });
  });
  it('list --region idf', async () => {
    expect(await runOnFixture('query-list', ['list', '--region', 'idf'])).toEqual({
      code: 0,
      out:
        'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'alliance-test\tAlliance de test\tADT\talliance\tprivate-nonprofit\t\t92\tile-de-france\n' +
        'clinique-des-fleurs\tClinique des Fleurs\t\tclinic\tprivate-for-profit\tCourbevoie\t92\tile-de-france\n' +
        'hopital-a\tHôpital A\t\thospital\tprivate-nonprofit\tSuresnes\t92\tile-de-france\n',
      err: '',
    });
  });
  it('list --region by name and accents', async () => {
    expect(await runOnFixture('query-list', ['list', '--region', 'Île-de-France'])).toEqual({
      code: 0,
      out:
        'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'alliance-test\tAlliance de test\tADT\talliance\tprivate-nonprofit\t\t92\tile-de-france\n' +
        'clinique-des-fleurs\tClinique des Fleurs\t\tclinic\tprivate-for-profit\tCourbevoie\t92\tile-de-france\n' +
        'hopital-a\tHôpital A\t\thospital\tprivate-nonprofit\tSuresnes\t92\tile-de-france\n',
      err: '',
    });
  });
  it('list --department 67', async () => {
    expect(await runOnFixture('query-list', ['list', '--department', '67'])).toEqual({
      code: 0,
      out:
        'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'ville-de-strasbourg\tVille de Strasbourg\t\tlocal-authority\tpublic\tStrasbourg\t67\tgrand-est\n',
      err: '',
    });
  });
  it('list --kind clinic', async () => {
    expect(await runOnFixture('query-list', ['list', '--kind', 'clinic'])).toEqual({
      code: 0,
      out:
        'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'clinique-des-fleurs\tClinique des Fleurs\t\tclinic\tprivate-for-profit\tCourbevoie\t92\tile-de-france\n',
      err: '',
    });
  });
  it('list --member-of by acronym, --sector', async () => {
    expect(await runOnFixture('query-list', ['list', '--member-of', 'ADT', '--sector', 'private-nonprofit'])).toEqual({
      code: 0,
      out:
        'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'hopital-a\tHôpital A\t\thospital\tprivate-nonprofit\tSuresnes\t92\tile-de-france\n',
      err: '',
    });
  });
  it('list --has-member', async () => {
    expect(await runOnFixture('query-list', ['list', '--has-member', 'hopital-a'])).toEqual({
      code: 0,
      out:
        'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n' +
        'alliance-test\tAlliance de test\tADT\talliance\tprivate-nonprofit\t\t92\tile-de-france\n',
      err: '',
    });
  });
  it('list, empty result', async () => {
    expect(await runOnFixture('query-list', ['list', '--region', 'bretagne'])).toEqual({
      code: 0,
      out: 'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n',
      err: '',
    });
  });
  it('list, bad kind', async () => {
    expect(await runOnFixture('query-list', ['list', '--kind', 'hopital'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --kind "hopital" is not one of: alliance, interprofession, consortium, gcs, gcsms, ght, gie, gip, project, cpts, msp, health-centre, dac, chu, ch, psychiatric-hospital, hospital, clinic, clcc, had, ssiad, saad, ehpad, foundation, federation, trade-union, professional-union, public-agency, health-insurance, mutual, local-authority, university, research-institute, competitiveness-cluster, chamber-of-commerce, company, group, think-tank, association, platform, state\n  hint: did you mean "hospital"?\n',
    });
  });
  it('list, bad region', async () => {
    expect(await runOnFixture('query-list', ['list', '--region', 'gran-est'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --region "gran-est" is not a French region\n  hint: did you mean "grand-est" or "Grand Est"?\n',
    });
  });
  it('list, bad department', async () => {
    expect(await runOnFixture('query-list', ['list', '--department', '99'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --department "99" is not a French department code\n  hint: e.g. 92, 13, 2A, 974\n',
    });
  });
  it('list, unknown member-of', async () => {
    expect(await runOnFixture('query-list', ['list', '--member-of', 'aliance-test'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no organisation "aliance-test"\n  hint: did you mean "alliance-test"?\n',
    });
  });
});

describe('coop list --json', () => {
  it('prints the full records, whatever the terminal, with the derived region', async () => {
    for (const options of [{}, TERMINAL]) {
      const result = await runOnFixture('query-list', ['list', '--department', '67', '--json'], options);
      expect(result.code).toBe(0);
      expect(result.err).toBe('');
      expect(JSON.parse(result.out)).toEqual([
        {
          id: 'ville-de-strasbourg',
          file: 'organisations/ville-de-strasbourg.yaml',
          name: 'Ville de Strasbourg',
          kind: 'local-authority',
          sector: 'public',
          city: 'Strasbourg',
          department: '67',
          region: 'grand-est',
          sources: ['journal-2020-03-10-fonds'],
        },
      ]);
    }
  });

  it('prints CSV with --format csv', async () => {
    const result = await runOnFixture('query-list', ['list', '--kind', 'project', '--format', 'csv']);
    expect(result).toEqual({
      code: 0,
      out: 'id,name,short_name,kind,sector,city,department,region\r\nprojet-strasbourg,Projet Santé Strasbourg,PSS,project,,,,grand-est\r\n',
      err: '',
    });
  });
});
