import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCoop } from '../helpers.js';

// Issue 16's sentences recorded with coop commands only, into a copy of
// tests/fixtures/territory-record (two articles, the ARS and the hospital with nothing but its name):
// « La CPTS du Val de Brune couvre 42 communes de l'Ain et du Jura, environ 68 000 habitants. »
// « Le CH de Valbrune et l'ARS signent un CPOM pour 2024-2028 », with a site (its commune and FINESS
// ET) and an authorisation of activity granted by the ARS. Then the base is read back.
const CPTS_ARTICLE = 'courrier-2024-03-12-cpts-val-de-brune';
const CPOM_ARTICLE = 'courrier-2024-01-15-cpom-valbrune';
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 120 };

describe('recording territories, sites, authorisations and agreements with commands', () => {
  let work: string;
  const coop = (args: string[], options: Parameters<typeof runCoop>[1] = {}) =>
    runCoop([...args, '--data', 'data'], { ...options, cwd: work });
  const file = (path: string) => readFileSync(join(work, 'data', path), 'utf8');

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'territory-record-'));
    cpSync(join(FIXTURES, 'territory-record', 'data'), join(work, 'data'), { recursive: true });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('records the CPTS: two departments, 42 communes as a figure (the article lists none), about 68,000 people', async () => {
    expect(
      await coop([
        'new',
        'organisation',
        'cpts-val-de-brune',
        '--name',
        'CPTS du Val de Brune',
        '--kind',
        'cpts',
        '--source',
        CPTS_ARTICLE,
      ]),
    ).toEqual({ code: 0, out: 'data/organisations/cpts-val-de-brune.yaml\n', err: '' });
    // The Ain as people write it, without its zero.
    expect(await coop(['set', 'cpts-val-de-brune', 'departments', '--add', '1', '--add', '39'])).toEqual({
      code: 0,
      out: 'data/organisations/cpts-val-de-brune.yaml\n',
      err: 'added "01" to departments of cpts-val-de-brune\nadded "39" to departments of cpts-val-de-brune\n',
    });
    expect(
      await coop([
        'add',
        'figure',
        'cpts-val-de-brune',
        '--metric',
        'communes',
        '--value',
        '42',
        '--source',
        CPTS_ARTICLE,
      ]),
    ).toEqual({
      code: 0,
      out: 'data/organisations/cpts-val-de-brune.yaml\n',
      err: 'added figure communes = 42 to cpts-val-de-brune\n',
    });
    // « environ 68 000 habitants », undated: no --as-of.
    expect(
      await coop(['add', 'population', 'CPTS du Val de Brune', '68 000', '--approximate', '--source', CPTS_ARTICLE]),
    ).toEqual({
      code: 0,
      out: 'data/organisations/cpts-val-de-brune.yaml\n',
      err: `set the population of cpts-val-de-brune to about 68000 from ${CPTS_ARTICLE}\n`,
    });
    expect(file('organisations/cpts-val-de-brune.yaml')).toBe(
      'name: CPTS du Val de Brune\n' +
        'kind: cpts\n' +
        'departments:\n' +
        '  - "01"\n' +
        '  - "39"\n' +
        'population:\n' +
        '  value: 68000\n' +
        '  approximate: true\n' +
        `  source: ${CPTS_ARTICLE}\n` +
        'figures:\n' +
        '  - metric: communes\n' +
        '    value: 42\n' +
        `    source: ${CPTS_ARTICLE}\n` +
        'sources:\n' +
        `  - ${CPTS_ARTICLE}\n`,
    );
  });

  it('records the site of Champagnole, its authorisation and the CPOM', async () => {
    // The commune by its name: the file holds its INSEE code.
    expect(
      await coop([
        'add',
        'site',
        'ch-de-valbrune',
        'Site de Champagnole',
        '--commune',
        'Champagnole',
        '--finess-et',
        '390780021',
        '--source',
        CPOM_ARTICLE,
      ]),
    ).toEqual({
      code: 0,
      out: 'data/organisations/ch-de-valbrune.yaml\n',
      err: 'added the site "Site de Champagnole" to ch-de-valbrune\n',
    });
    expect(
      await coop([
        'add',
        'authorisation',
        'CH de Valbrune',
        '--activity',
        "médecine d'urgence",
        '--status',
        'granted',
        '--authority',
        'ARS BFC',
        '--site',
        'site de champagnole',
        '--source',
        CPOM_ARTICLE,
      ]),
    ).toEqual({
      code: 0,
      out: 'data/organisations/ch-de-valbrune.yaml\n',
      err: `added the authorisation "médecine d'urgence" (granted) to ch-de-valbrune, site "Site de Champagnole"\n`,
    });
    expect(
      await coop([
        'new',
        'agreement',
        'cpom-ch-de-valbrune-2024-2028',
        '--kind',
        'cpom',
        '--name',
        'CPOM 2024-2028 du CH de Valbrune',
        '--party',
        'CH de Valbrune:signatory',
        '--party',
        'ARS BFC:ars',
        '--since',
        '2024',
        '--until',
        '2028',
        '--source',
        CPOM_ARTICLE,
      ]),
    ).toEqual({ code: 0, out: 'data/agreements/cpom-ch-de-valbrune-2024-2028.yaml\n', err: '' });
    expect(file('organisations/ch-de-valbrune.yaml')).toBe(
      '# The hospital as the fixture starts: its sites and authorisations are recorded by the test.\n' +
        'name: Centre hospitalier de Valbrune\n' +
        'short_name: CH de Valbrune\n' +
        'kind: ch\n' +
        'sector: public\n' +
        'sites:\n' +
        '  - name: Site de Champagnole\n' +
        '    commune: "39097"\n' +
        '    finess_et: "390780021"\n' +
        `    source: ${CPOM_ARTICLE}\n` +
        'authorisations:\n' +
        "  - activity: médecine d'urgence\n" +
        '    status: granted\n' +
        '    authority: ars-bourgogne-franche-comte\n' +
        '    site: Site de Champagnole\n' +
        `    source: ${CPOM_ARTICLE}\n` +
        `sources: [${CPOM_ARTICLE}]\n`,
    );
    expect(file('agreements/cpom-ch-de-valbrune-2024-2028.yaml')).toBe(
      'kind: cpom\n' +
        'name: CPOM 2024-2028 du CH de Valbrune\n' +
        'parties:\n' +
        '  - org: ch-de-valbrune\n' +
        '    role: signatory\n' +
        '  - org: ars-bourgogne-franche-comte\n' +
        '    role: ars\n' +
        'period:\n' +
        '  since: "2024"\n' +
        '  until: "2028"\n' +
        'sources:\n' +
        `  - ${CPOM_ARTICLE}\n`,
    );
  });

  it('validates clean: every article is now cited', async () => {
    expect(await coop(['validate'])).toEqual({
      code: 0,
      out: '✔ no problems: 3 organisations, 0 programmes, 0 funding lines, 0 events, 2 articles, 1 agreement\n',
      err: '',
    });
  });

  it('shows the CPTS, pipe and terminal', async () => {
    expect(await coop(['show', 'cpts-val-de-brune'])).toEqual({
      code: 0,
      out:
        'CPTS du Val de Brune\n' +
        'cpts-val-de-brune · cpts\n' +
        '\n' +
        'Departments\t01 39\n' +
        `Population\tabout 68000 ${CPTS_ARTICLE}\n` +
        '\n' +
        '## Figures\n' +
        'metric\tvalue\tunit\tas_of\tsource\tnote\tqualifier\tvalue_min\tvalue_max\tper\n' +
        `communes\t42\t\t\t${CPTS_ARTICLE}\t\texact\t\t\t\n` +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        `${CPTS_ARTICLE}\tLe Courrier de la Brune\t2024-03-12\tLa CPTS du Val de Brune s'étend au Jura\n`,
      err: '',
    });
    expect(await coop(['show', 'cpts-val-de-brune'], TERMINAL)).toEqual({
      code: 0,
      out:
        'CPTS du Val de Brune\n' +
        'cpts-val-de-brune · cpts\n' +
        '\n' +
        '  Departments  Ain (01), Jura (39)\n' +
        '  Population   about 68,000 [1]\n' +
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

  it('shows the hospital with its site, authorisation and CPOM, pipe and terminal', async () => {
    expect(await coop(['show', 'ch-de-valbrune'])).toEqual({
      code: 0,
      out:
        'Centre hospitalier de Valbrune (CH de Valbrune)\n' +
        'ch-de-valbrune · ch · public\n' +
        '\n' +
        '## Sites\n' +
        'name\tcommune\tfiness_et\tsource\tnote\n' +
        `Site de Champagnole\t39097\t390780021\t${CPOM_ARTICLE}\t\n` +
        '\n' +
        '## Authorisations\n' +
        'activity\tstatus\tdate\tauthority\tsite\tsource\n' +
        `médecine d'urgence\tgranted\t\tars-bourgogne-franche-comte\tSite de Champagnole\t${CPOM_ARTICLE}\n` +
        '\n' +
        '## Agreements\n' +
        'id\tkind\tname\trole\twith\tsince\tuntil\tsources\n' +
        `cpom-ch-de-valbrune-2024-2028\tcpom\tCPOM 2024-2028 du CH de Valbrune\tsignatory\tars-bourgogne-franche-comte\t2024\t2028\t${CPOM_ARTICLE}\n` +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        `${CPOM_ARTICLE}\tLe Courrier de la Brune\t2024-01-15\tLe CH de Valbrune et l'ARS signent un CPOM pour 2024-2028\n`,
      err: '',
    });
    expect(await coop(['show', 'ch-de-valbrune'], TERMINAL)).toEqual({
      code: 0,
      out:
        'Centre hospitalier de Valbrune (CH de Valbrune)\n' +
        'ch-de-valbrune · ch · public\n' +
        '\n' +
        'Sites\n' +
        '┌─────────────────────┬──────────────────┬───────────┬────────┬──────┐\n' +
        '│ Site                │ Commune          │ FINESS ET │ Source │ Note │\n' +
        '├─────────────────────┼──────────────────┼───────────┼────────┼──────┤\n' +
        '│ Site de Champagnole │ Champagnole (39) │ 390780021 │ [1]    │      │\n' +
        '└─────────────────────┴──────────────────┴───────────┴────────┴──────┘\n' +
        '\n' +
        'Authorisations\n' +
        '┌────────────────────┬─────────┬──────┬─────────────────────────────────────────────────┬─────────────────────┬────────┐\n' +
        '│ Activity           │ Status  │ Date │ Authority                                       │ Site                │ Source │\n' +
        '├────────────────────┼─────────┼──────┼─────────────────────────────────────────────────┼─────────────────────┼────────┤\n' +
        "│ médecine d'urgence │ granted │      │ Agence régionale de santé                       │ Site de Champagnole │ [1]    │\n" +
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
        '┌─────┬───────────────────────────────────┬─────────────────────────┬────────────┬─────────────────────────────────────┐\n' +
        '│     │ Article                           │ Outlet                  │ Date       │ Title                               │\n' +
        '├─────┼───────────────────────────────────┼─────────────────────────┼────────────┼─────────────────────────────────────┤\n' +
        "│ [1] │ courrier-2024-01-15-cpom-valbrune │ Le Courrier de la Brune │ 2024-01-15 │ Le CH de Valbrune et l'ARS signent  │\n" +
        '│     │                                   │                         │            │ un CPOM pour 2024-2028              │\n' +
        '└─────┴───────────────────────────────────┴─────────────────────────┴────────────┴─────────────────────────────────────┘\n',
      err: '',
    });
  });

  it("lists the CPTS under each of its departments, the hospital under its site's", async () => {
    const header = 'id\tname\tshort_name\tkind\tsector\tcity\tdepartment\tregion\n';
    expect(await coop(['list', '--department', '01'])).toEqual({
      code: 0,
      out: `${header}cpts-val-de-brune\tCPTS du Val de Brune\t\tcpts\t\t\t01,39\tauvergne-rhone-alpes,bourgogne-franche-comte\n`,
      err: '',
    });
    expect(await coop(['list', '--department', '39'])).toEqual({
      code: 0,
      out:
        header +
        'ch-de-valbrune\tCentre hospitalier de Valbrune\tCH de Valbrune\tch\tpublic\t\t39\tbourgogne-franche-comte\n' +
        'cpts-val-de-brune\tCPTS du Val de Brune\t\tcpts\t\t\t01,39\tauvergne-rhone-alpes,bourgogne-franche-comte\n',
      err: '',
    });
  });

  it('exports every recorded fact as JSON', async () => {
    const result = await coop(['export']);
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const expected = {
      organisations: [
        {
          id: 'ars-bourgogne-franche-comte',
          name: 'Agence régionale de santé Bourgogne-Franche-Comté',
          short_name: 'ARS BFC',
          kind: 'public-agency',
          sector: 'public',
          region: 'bourgogne-franche-comte',
          sources: [CPOM_ARTICLE],
          file: 'organisations/ars-bourgogne-franche-comte.yaml',
        },
        {
          id: 'ch-de-valbrune',
          name: 'Centre hospitalier de Valbrune',
          short_name: 'CH de Valbrune',
          kind: 'ch',
          sector: 'public',
          sites: [{ name: 'Site de Champagnole', commune: '39097', finess_et: '390780021', source: CPOM_ARTICLE }],
          authorisations: [
            {
              activity: "médecine d'urgence",
              status: 'granted',
              authority: 'ars-bourgogne-franche-comte',
              site: 'Site de Champagnole',
              source: CPOM_ARTICLE,
            },
          ],
          sources: [CPOM_ARTICLE],
          file: 'organisations/ch-de-valbrune.yaml',
        },
        {
          id: 'cpts-val-de-brune',
          name: 'CPTS du Val de Brune',
          kind: 'cpts',
          departments: ['01', '39'],
          population: { value: 68000, approximate: true, source: CPTS_ARTICLE },
          figures: [{ metric: 'communes', value: 42, source: CPTS_ARTICLE }],
          sources: [CPTS_ARTICLE],
          file: 'organisations/cpts-val-de-brune.yaml',
        },
      ],
      memberships: [],
      programmes: [],
      funding: [],
      events: [],
      articles: [
        {
          id: CPOM_ARTICLE,
          title: "Le CH de Valbrune et l'ARS signent un CPOM pour 2024-2028",
          outlet: 'Le Courrier de la Brune',
          date: '2024-01-15',
          authors: [],
          language: 'fr',
          body:
            "Le CH de Valbrune et l'ARS signent un CPOM pour 2024-2028. Sur son site de Champagnole (FINESS ET\n" +
            "390780021), l'établissement obtient de l'ARS l'autorisation de médecine d'urgence.",
          file: `articles/${CPOM_ARTICLE}.md`,
        },
        {
          id: CPTS_ARTICLE,
          title: "La CPTS du Val de Brune s'étend au Jura",
          outlet: 'Le Courrier de la Brune',
          date: '2024-03-12',
          authors: [],
          language: 'fr',
          body: "La CPTS du Val de Brune couvre 42 communes de l'Ain et du Jura, environ 68 000 habitants.",
          file: `articles/${CPTS_ARTICLE}.md`,
        },
      ],
      persons: [],
      person_roles: [],
      article_people: [],
      agreements: [
        {
          id: 'cpom-ch-de-valbrune-2024-2028',
          kind: 'cpom',
          name: 'CPOM 2024-2028 du CH de Valbrune',
          parties: [
            { org: 'ch-de-valbrune', role: 'signatory' },
            { org: 'ars-bourgogne-franche-comte', role: 'ars' },
          ],
          period: { since: '2024', until: '2028' },
          sources: [CPOM_ARTICLE],
          file: 'agreements/cpom-ch-de-valbrune-2024-2028.yaml',
        },
      ],
    };
    // Exact: the keys in this order, two-space indentation, one final newline.
    expect(result.out).toBe(`${JSON.stringify(expected, null, 2)}\n`);
  });
});
