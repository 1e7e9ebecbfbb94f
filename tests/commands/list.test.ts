import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// Exact outputs on tests/fixtures/query, checked by hand against its files.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

describe("coop list", () => {
  it("list, pipe", async () => {
    expect(await runOnFixture('query', ["list"])).toEqual({
      code: 0,
      out:
        "id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n" +
        "alliance-test\tAlliance de test\tADT\talliance\tprivate-nonprofit\t\t92\tile-de-france\n" +
        "clinique-des-fleurs\tClinique des Fleurs\t\tclinic\tprivate-for-profit\tCourbevoie\t92\tile-de-france\n" +
        "ehpad-les-tilleuls\tEHPAD Les Tilleuls\t\tnursing-home\t\tRueil-Malmaison\t\t\n" +
        "etat\t\u00c9tat\t\tstate\tpublic\t\t\t\n" +
        "groupe-sante-plus\tGroupe Sant\u00e9 Plus\t\tgroup\tprivate-for-profit\t\t\t\n" +
        "hopital-a\tH\u00f4pital A\t\thospital\tprivate-nonprofit\tSuresnes\t92\tile-de-france\n" +
        "projet-strasbourg\tProjet Sant\u00e9 Strasbourg\tPSS\tproject\t\t\t\tgrand-est\n" +
        "ville-de-strasbourg\tVille de Strasbourg\t\tlocal-authority\tpublic\tStrasbourg\t67\tgrand-est\n",
      err: "",
    });
  });
  it("list, terminal", async () => {
    expect(await runOnFixture('query', ["list"], TERMINAL)).toEqual({
      code: 0,
      out:
        "\u250c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u252c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2510\n" +
        "\u2502 Name              \u2502 Kind            \u2502 Sector             \u2502 Place           \u2502 Id                  \u2502\n" +
        "\u251c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u253c\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2524\n" +
        "\u2502 Alliance de test  \u2502 alliance        \u2502 private-nonprofit  \u2502 (92)            \u2502 alliance-test       \u2502\n" +
        "\u2502 (ADT)             \u2502                 \u2502                    \u2502                 \u2502                     \u2502\n" +
        "\u2502 Clinique des      \u2502 clinic          \u2502 private-for-profit \u2502 Courbevoie (92) \u2502 clinique-des-fleurs \u2502\n" +
        "\u2502 Fleurs            \u2502                 \u2502                    \u2502                 \u2502                     \u2502\n" +
        "\u2502 EHPAD Les         \u2502 nursing-home    \u2502                    \u2502 Rueil-Malmaison \u2502 ehpad-les-tilleuls  \u2502\n" +
        "\u2502 Tilleuls          \u2502                 \u2502                    \u2502                 \u2502                     \u2502\n" +
        "\u2502 \u00c9tat              \u2502 state           \u2502 public             \u2502                 \u2502 etat                \u2502\n" +
        "\u2502 Groupe Sant\u00e9 Plus \u2502 group           \u2502 private-for-profit \u2502                 \u2502 groupe-sante-plus   \u2502\n" +
        "\u2502 H\u00f4pital A         \u2502 hospital        \u2502 private-nonprofit  \u2502 Suresnes (92)   \u2502 hopital-a           \u2502\n" +
        "\u2502 Projet Sant\u00e9      \u2502 project         \u2502                    \u2502 grand-est       \u2502 projet-strasbourg   \u2502\n" +
        "\u2502 Strasbourg (PSS)  \u2502                 \u2502                    \u2502                 \u2502                     \u2502\n" +
        "\u2502 Ville de          \u2502 local-authority \u2502 public             \u2502 Strasbourg (67) \u2502 ville-de-strasbourg \u2502\n" +
        "\u2502 Strasbourg        \u2502                 \u2502                    \u2502                 \u2502                     \u2502\n" +
        "\u2514\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2534\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2518\n",
      err: "8 organisations\n",
    });
  });
  it("list --region idf", async () => {
    expect(await runOnFixture('query', ["list", "--region", "idf"])).toEqual({
      code: 0,
      out:
        "id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n" +
        "alliance-test\tAlliance de test\tADT\talliance\tprivate-nonprofit\t\t92\tile-de-france\n" +
        "clinique-des-fleurs\tClinique des Fleurs\t\tclinic\tprivate-for-profit\tCourbevoie\t92\tile-de-france\n" +
        "hopital-a\tH\u00f4pital A\t\thospital\tprivate-nonprofit\tSuresnes\t92\tile-de-france\n",
      err: "",
    });
  });
  it("list --region by name and accents", async () => {
    expect(await runOnFixture('query', ["list", "--region", "\u00cele-de-France"])).toEqual({
      code: 0,
      out:
        "id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n" +
        "alliance-test\tAlliance de test\tADT\talliance\tprivate-nonprofit\t\t92\tile-de-france\n" +
        "clinique-des-fleurs\tClinique des Fleurs\t\tclinic\tprivate-for-profit\tCourbevoie\t92\tile-de-france\n" +
        "hopital-a\tH\u00f4pital A\t\thospital\tprivate-nonprofit\tSuresnes\t92\tile-de-france\n",
      err: "",
    });
  });
  it("list --department 67", async () => {
    expect(await runOnFixture('query', ["list", "--department", "67"])).toEqual({
      code: 0,
      out:
        "id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n" +
        "ville-de-strasbourg\tVille de Strasbourg\t\tlocal-authority\tpublic\tStrasbourg\t67\tgrand-est\n",
      err: "",
    });
  });
  it("list --kind clinic", async () => {
    expect(await runOnFixture('query', ["list", "--kind", "clinic"])).toEqual({
      code: 0,
      out:
        "id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n" +
        "clinique-des-fleurs\tClinique des Fleurs\t\tclinic\tprivate-for-profit\tCourbevoie\t92\tile-de-france\n",
      err: "",
    });
  });
  it("list --member-of by acronym, --sector", async () => {
    expect(await runOnFixture('query', ["list", "--member-of", "ADT", "--sector", "private-nonprofit"])).toEqual({
      code: 0,
      out:
        "id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n" +
        "hopital-a\tH\u00f4pital A\t\thospital\tprivate-nonprofit\tSuresnes\t92\tile-de-france\n",
      err: "",
    });
  });
  it("list --has-member", async () => {
    expect(await runOnFixture('query', ["list", "--has-member", "hopital-a"])).toEqual({
      code: 0,
      out:
        "id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n" +
        "alliance-test\tAlliance de test\tADT\talliance\tprivate-nonprofit\t\t92\tile-de-france\n",
      err: "",
    });
  });
  it("list, empty result", async () => {
    expect(await runOnFixture('query', ["list", "--region", "bretagne"])).toEqual({
      code: 0,
      out: "id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n",
      err: "",
    });
  });
  it("list, bad kind", async () => {
    expect(await runOnFixture('query', ["list", "--kind", "hopital"])).toEqual({
      code: 2,
      out: "",
      err: "coop: --kind \"hopital\" is not one of: alliance, interprofession, consortium, gcs, ght, project, hospital, clinic, nursing-home, home-care, medical-centre, foundation, federation, trade-union, professional-union, public-agency, health-insurance, local-authority, university, research-institute, competitiveness-cluster, chamber-of-commerce, company, group, think-tank, association, platform, state\n  hint: did you mean \"hospital\"?\n",
    });
  });
  it("list, bad region", async () => {
    expect(await runOnFixture('query', ["list", "--region", "gran-est"])).toEqual({
      code: 2,
      out: "",
      err: "coop: --region \"gran-est\" is not a French region\n  hint: did you mean \"grand-est\" or \"Grand Est\"?\n",
    });
  });
  it("list, bad department", async () => {
    expect(await runOnFixture('query', ["list", "--department", "99"])).toEqual({
      code: 2,
      out: "",
      err: "coop: --department \"99\" is not a French department code\n  hint: e.g. 92, 13, 2A, 974\n",
    });
  });
  it("list, unknown member-of", async () => {
    expect(await runOnFixture('query', ["list", "--member-of", "aliance-test"])).toEqual({
      code: 1,
      out: "",
      err: "coop: no organisation \"aliance-test\"\n  hint: did you mean \"alliance-test\"?\n",
    });
  });
});

describe('coop list --json', () => {
  it('prints the full records, whatever the terminal, with the derived region', async () => {
    for (const options of [{}, TERMINAL]) {
      const result = await runOnFixture('query', ['list', '--department', '67', '--json'], options);
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
    const result = await runOnFixture('query', ['list', '--kind', 'project', '--format', 'csv']);
    expect(result).toEqual({
      code: 0,
      out: 'id,name,short_name,kind,sector,city,department,region\r\nprojet-strasbourg,Projet Santé Strasbourg,PSS,project,,,,grand-est\r\n',
      err: '',
    });
  });
});
