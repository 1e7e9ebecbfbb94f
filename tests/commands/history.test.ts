import { describe, expect, it } from 'vitest';
import { copyOf } from '../writers.js';
import { runOnFixture } from '../helpers.js';

/**
 * Issue 16, parts 3 and 4: restructurings and legal milestones recorded with the commands into a
 * copy of history-base, from an article dated 2025-01-10 that says:
 *   « Au 1er janvier, le CH de Valbrune absorbe l'hôpital local de Saint-Aubin et prend le nom de
 *   CH Valbrune–Saint-Aubin. » « Signée le 30 juin, la convention constitutive a été approuvée par
 *   arrêté du DG de l'ARS le 1er septembre. » « ... cède 60 % du capital de la clinique des
 *   Tilleuls au groupe Horizon le 6 janvier. »
 */
const A = 'gazette-2025-01-10-valbrune';

async function recorded() {
  const base = copyOf('history-base');
  const steps: string[][] = [
    [
      'add',
      'event',
      '--date',
      '2025-01-01',
      '--kind',
      'absorption',
      '--title',
      "Absorption de l'hôpital local de Saint-Aubin par le CH de Valbrune",
      '--participant',
      'CH de Valbrune:absorbing',
      '--participant',
      'hopital-saint-aubin:absorbed',
      '--source',
      A,
    ],
    ['set', 'hopital-saint-aubin', 'dissolved', '2025-01-01'],
    ['set', 'hopital-saint-aubin', 'successor', 'ch-valbrune'],
    ['add', 'former-name', 'ch-valbrune', 'CH de Valbrune', '--until', '2025-01-01', '--source', A],
    ['set', 'ch-valbrune', 'name', 'CH Valbrune–Saint-Aubin'],
    ['add', 'milestone', 'gcs-valbrune', '--kind', 'convention-signed', '--date', '2024-06-30', '--source', A],
    [
      'add',
      'milestone',
      'gcs-valbrune',
      '--kind',
      'convention-approved',
      '--date',
      '2024-09-01',
      '--by',
      'ARS ARA',
      '--act',
      "arrêté du DG de l'ARS",
      '--source',
      A,
    ],
    [
      'add',
      'owner',
      'clinique-des-tilleuls',
      'groupe-horizon',
      '--share',
      '60 %',
      '--since',
      '2025-01-06',
      '--source',
      A,
    ],
    [
      'add',
      'event',
      '--date',
      '2025-01-06',
      '--kind',
      'sale',
      '--title',
      'Cession de 60 % du capital de la clinique des Tilleuls au groupe Horizon',
      '--participant',
      'groupe-sante-ouest:seller',
      '--participant',
      'clinique-des-tilleuls:target',
      '--participant',
      'groupe-horizon:acquirer',
      '--source',
      A,
    ],
  ];
  for (const step of steps) {
    const result = await base.run(step);
    expect(result.code, `${step.join(' ')}: ${result.err}`).toBe(0);
  }
  return base;
}

describe('recording a restructuring and legal milestones', () => {
  it('writes each fact in place, and the base validates', async () => {
    const base = await recorded();
    expect(await base.run(['validate'])).toEqual({
      code: 0,
      out: '✔ no problems: 7 organisations, 0 programmes, 0 funding lines, 2 events, 1 article\n',
      err: '',
    });
    expect(base.read('organisations/gcs-valbrune.yaml')).toMatchInlineSnapshot(`
      "name: GCS Valbrune
      kind: gcs
      milestones:
        - kind: convention-signed
          date: "2024-06-30"
          source: gazette-2025-01-10-valbrune
        - kind: convention-approved
          date: "2024-09-01"
          by: ars-ara
          act: arrêté du DG de l'ARS
          source: gazette-2025-01-10-valbrune
      department: "01"
      members:
        - org: ch-valbrune
          role: founder
          source: gazette-2025-01-10-valbrune
      sources: [gazette-2025-01-10-valbrune]
      "
    `);
    expect(base.read('organisations/hopital-saint-aubin.yaml')).toMatchInlineSnapshot(`
      "name: Hôpital local de Saint-Aubin
      kind: hospital
      sector: public
      successor: ch-valbrune
      department: "01"
      dissolved: "2025-01-01"
      sources: [gazette-2025-01-10-valbrune]
      "
    `);
    expect(base.read('organisations/ch-valbrune.yaml')).toMatchInlineSnapshot(`
      "name: CH Valbrune–Saint-Aubin
      kind: ch
      sector: public
      former_names:
        - name: CH de Valbrune
          until: "2025-01-01"
          source: gazette-2025-01-10-valbrune
      department: "01"
      sources: [gazette-2025-01-10-valbrune]
      "
    `);
    expect(base.read('organisations/clinique-des-tilleuls.yaml')).toMatchInlineSnapshot(`
      "name: Clinique des Tilleuls
      kind: clinic
      sector: private-for-profit
      department: "01"
      owners:
        - org: groupe-sante-ouest
          source: gazette-2025-01-10-valbrune
        - org: groupe-horizon
          share: 60
          since: "2025-01-06"
          source: gazette-2025-01-10-valbrune
      sources: [gazette-2025-01-10-valbrune]
      "
    `);
    expect(base.read('events/ch-valbrune.yaml')).toMatchInlineSnapshot(`
      "- id: ch-valbrune-absorption-2025
        date: "2025-01-01"
        kind: absorption
        title: Absorption de l'hôpital local de Saint-Aubin par le CH de Valbrune
        participants:
          - org: ch-valbrune
            role: absorbing
          - org: hopital-saint-aubin
            role: absorbed
        source: gazette-2025-01-10-valbrune
      "
    `);
  });

  it('show tells each history in date order, founded derived from the approval (pipe and terminal)', async () => {
    const base = await recorded();
    expect((await base.run(['show', 'gcs-valbrune'])).out).toMatchInlineSnapshot(`
      "GCS Valbrune
      gcs-valbrune · gcs

      Location	Ain (01), Auvergne-Rhône-Alpes
      Founded	2024-09-01 (derived from convention-approved)

      ## Members: founder (1 organisation)
      member	roles	status	since	until	sources	disputed	note
      ch-valbrune	founder	member			gazette-2025-01-10-valbrune		

      ## History
      date	what	event	detail	source
      2024-06-30	milestone		convention-signed	gazette-2025-01-10-valbrune
      2024-09-01	milestone		convention-approved by ars-ara (arrêté du DG de l'ARS)	gazette-2025-01-10-valbrune

      ## Sources
      id	outlet	date	title
      gazette-2025-01-10-valbrune	La Gazette	2025-01-10	Le CH de Valbrune absorbe l'hôpital local de Saint-Aubin
      "
    `);
    expect((await base.run(['show', 'gcs-valbrune'], { tty: true })).out).toMatchInlineSnapshot(`
      "GCS Valbrune
      gcs-valbrune · gcs

        Location  Ain (01), Auvergne-Rhône-Alpes
        Founded   2024-09-01 (derived from convention-approved)

      Members: founder (1 organisation)
      ┌─────────────────────────┬───────┬───────┬─────────┬──────┐
      │ Member                  │ Since │ Until │ Sources │ Note │
      ├─────────────────────────┼───────┼───────┼─────────┼──────┤
      │ CH Valbrune–Saint-Aubin │       │       │ [1]     │      │
      └─────────────────────────┴───────┴───────┴─────────┴──────┘

      History
      ┌────────────┬────────────────────────────────────────────────────────────────────────────┬────────┐
      │ Date       │ What                                                                       │ Source │
      ├────────────┼────────────────────────────────────────────────────────────────────────────┼────────┤
      │ 2024-06-30 │ convention-signed                                                          │ [1]    │
      │ 2024-09-01 │ convention-approved by Agence régionale de santé Auvergne-Rhône-Alpes (ARS │ [1]    │
      │            │ ARA) [ars-ara] (arrêté du DG de l'ARS)                                     │        │
      └────────────┴────────────────────────────────────────────────────────────────────────────┴────────┘

      Sources
      ┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐
      │     │ Article                     │ Outlet     │ Date       │ Title                              │
      ├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤
      │ [1] │ gazette-2025-01-10-valbrune │ La Gazette │ 2025-01-10 │ Le CH de Valbrune absorbe          │
      │     │                             │            │            │ l'hôpital local de Saint-Aubin     │
      └─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘
      "
    `);
    expect((await base.run(['show', 'ch-valbrune'], { tty: true })).out).toMatchInlineSnapshot(`
      "CH Valbrune–Saint-Aubin
      ch-valbrune · ch · public

        Location  Ain (01), Auvergne-Rhône-Alpes

      Member of
      ┌──────────────┬─────────┬───────┬───────┬─────────┬──────┐
      │ Structure    │ Role    │ Since │ Until │ Sources │ Note │
      ├──────────────┼─────────┼───────┼───────┼─────────┼──────┤
      │ GCS Valbrune │ founder │       │       │ [1]     │      │
      └──────────────┴─────────┴───────┴───────┴─────────┴──────┘

      History
      ┌────────────┬────────────────────────────────────────────────────────────────────────────┬────────┐
      │ Date       │ What                                                                       │ Source │
      ├────────────┼────────────────────────────────────────────────────────────────────────────┼────────┤
      │ 2025-01-01 │ renamed: formerly "CH de Valbrune"                                         │ [1]    │
      │ 2025-01-01 │ absorption: Absorption de l'hôpital local de Saint-Aubin par le CH de      │ [1]    │
      │            │ Valbrune (as absorbing)                                                    │        │
      └────────────┴────────────────────────────────────────────────────────────────────────────┴────────┘

      Sources
      ┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐
      │     │ Article                     │ Outlet     │ Date       │ Title                              │
      ├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤
      │ [1] │ gazette-2025-01-10-valbrune │ La Gazette │ 2025-01-10 │ Le CH de Valbrune absorbe          │
      │     │                             │            │            │ l'hôpital local de Saint-Aubin     │
      └─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘
      "
    `);
    expect((await base.run(['show', 'hopital-saint-aubin'])).out).toMatchInlineSnapshot(`
      "Hôpital local de Saint-Aubin
      hopital-saint-aubin · hospital · public

      Location	Ain (01), Auvergne-Rhône-Alpes
      Dissolved	2025-01-01
      Successor	CH Valbrune–Saint-Aubin [ch-valbrune]

      ## History
      date	what	event	detail	source
      2025-01-01	event	ch-valbrune-absorption-2025	absorption: Absorption de l'hôpital local de Saint-Aubin par le CH de Valbrune (as absorbed)	gazette-2025-01-10-valbrune
      2025-01-01	dissolved		dissolved; successor: ch-valbrune	

      ## Sources
      id	outlet	date	title
      gazette-2025-01-10-valbrune	La Gazette	2025-01-10	Le CH de Valbrune absorbe l'hôpital local de Saint-Aubin
      "
    `);
    expect((await base.run(['show', 'clinique-des-tilleuls'], { tty: true })).out).toMatchInlineSnapshot(`
      "Clinique des Tilleuls
      clinique-des-tilleuls · clinic · private-for-profit

        Location  Ain (01), Auvergne-Rhône-Alpes
        Part of   Groupe Santé Ouest [groupe-sante-ouest] ([1]); Groupe Horizon [groupe-horizon] (60 %,
                  since 2025-01-06, [1])

      History
      ┌────────────┬────────────────────────────────────────────────────────────────────────────┬────────┐
      │ Date       │ What                                                                       │ Source │
      ├────────────┼────────────────────────────────────────────────────────────────────────────┼────────┤
      │ 2025-01-06 │ owned by Groupe Horizon [groupe-horizon], 60 %                             │ [1]    │
      │ 2025-01-06 │ sale: Cession de 60 % du capital de la clinique des Tilleuls au groupe     │ [1]    │
      │            │ Horizon (as target)                                                        │        │
      │            │ owned by Groupe Santé Ouest [groupe-sante-ouest]                           │ [1]    │
      └────────────┴────────────────────────────────────────────────────────────────────────────┴────────┘

      Sources
      ┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐
      │     │ Article                     │ Outlet     │ Date       │ Title                              │
      ├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤
      │ [1] │ gazette-2025-01-10-valbrune │ La Gazette │ 2025-01-10 │ Le CH de Valbrune absorbe          │
      │     │                             │            │            │ l'hôpital local de Saint-Aubin     │
      └─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘
      "
    `);
    const json = JSON.parse((await base.run(['show', 'gcs-valbrune', '--json'])).out);
    expect([json.founded, json.founded_derived_from]).toEqual(['2024-09-01', 'convention-approved']);
  });

  it('events finds an event by its participants; search finds a structure by its former name', async () => {
    const base = await recorded();
    expect(await base.run(['events', '--org', 'hopital-saint-aubin'])).toMatchInlineSnapshot(`
      {
        "code": 0,
        "err": "",
        "out": "id	date	kind	title	orgs	programme	place	source	status	disputed
      ch-valbrune-absorption-2025	2025-01-01	absorption	Absorption de l'hôpital local de Saint-Aubin par le CH de Valbrune	ch-valbrune,hopital-saint-aubin			gazette-2025-01-10-valbrune	happened	
      ",
      }
    `);
    expect((await base.run(['events', '--org', 'groupe-horizon'], { tty: true })).out).toMatchInlineSnapshot(`
      "┌────────────┬──────┬──────────────────────────────┬──────────────────────────────┬───────┬────────┐
      │ Date       │ Kind │ Event                        │ Organisations                │ Place │ Source │
      ├────────────┼──────┼──────────────────────────────┼──────────────────────────────┼───────┼────────┤
      │ 2025-01-06 │ sale │ Cession de 60 % du capital   │ Groupe Santé Ouest; Clinique │       │ [1]    │
      │            │      │ de la clinique des Tilleuls  │ des Tilleuls; Groupe Horizon │       │        │
      │            │      │ au groupe Horizon            │                              │       │        │
      └────────────┴──────┴──────────────────────────────┴──────────────────────────────┴───────┴────────┘

      Sources
      ┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐
      │     │ Article                     │ Outlet     │ Date       │ Title                              │
      ├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤
      │ [1] │ gazette-2025-01-10-valbrune │ La Gazette │ 2025-01-10 │ Le CH de Valbrune absorbe          │
      │     │                             │            │            │ l'hôpital local de Saint-Aubin     │
      └─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘
      "
    `);
    expect((await base.run(['search', 'CH de Valbrune'])).out.split('\n')[1]).toBe(
      'organisation\tch-valbrune\tCH Valbrune–Saint-Aubin\t0.000\tformer_names\tCH de Valbrune',
    );
  });

  it('sources names the article of each owner, former name and milestone', async () => {
    const base = await recorded();
    const facts = async (id: string) =>
      (await base.run(['sources', id])).out.split('\n').filter((line) => /^(owner|former name|milestone)\t/.test(line));
    const cited = `${A}\tLa Gazette\t2025-01-10`;
    expect(await facts('clinique-des-tilleuls')).toEqual([
      `owner\tGroupe Santé Ouest\t${cited}`,
      `owner\tGroupe Horizon, 60 %, since 2025-01-06\t${cited}`,
    ]);
    expect(await facts('ch-valbrune')).toEqual([`former name\tCH de Valbrune, until 2025-01-01\t${cited}`]);
    expect(await facts('gcs-valbrune')).toEqual([
      `milestone\tconvention-signed, 2024-06-30\t${cited}`,
      `milestone\tconvention-approved, 2024-09-01, by Agence régionale de santé Auvergne-Rhône-Alpes, arrêté du DG de l'ARS\t${cited}`,
    ]);
  });

  it('export gives owners, milestones and the derived founded', async () => {
    const base = await recorded();
    const organisations = JSON.parse((await base.run(['export', '--table', 'organisations'])).out);
    const gcs = organisations.find((o: { id: string }) => o.id === 'gcs-valbrune');
    expect([gcs.founded, gcs.founded_derived_from]).toEqual(['2024-09-01', 'convention-approved']);
    const clinic = organisations.find((o: { id: string }) => o.id === 'clinique-des-tilleuls');
    expect(clinic.owners).toEqual([
      { org: 'groupe-sante-ouest', source: A },
      { org: 'groupe-horizon', share: 60, since: '2025-01-06', source: A },
    ]);
    expect((await base.run(['export', '--table', 'organisations', '--format', 'csv'])).out).toMatchInlineSnapshot(`
      "id,name,short_name,aliases,kind,sector,field,legal_form,gcs_type,law,qualifications,labels,owners,former_names,successor,milestones,region,department,city,departments,communes,epci,population,sites,founded,founded_derived_from,dissolved,identifiers,website,description,activities,shared_resources,figures,members,members_complete,authorisations,note,sources,field_sources,disputed,file
      ars-ara,Agence régionale de santé Auvergne-Rhône-Alpes,ARS ARA,,public-agency,public,,,,,,,,,,,auvergne-rhone-alpes,,,,,,,,,,,,,,,,,,,,,gazette-2025-01-10-valbrune,,,organisations/ars-ara.yaml
      ch-valbrune,CH Valbrune–Saint-Aubin,,,ch,public,,,,,,,,"[{""name"":""CH de Valbrune"",""until"":""2025-01-01"",""source"":""gazette-2025-01-10-valbrune""}]",,,auvergne-rhone-alpes,01,,,,,,,,,,,,,,,,,,,,gazette-2025-01-10-valbrune,,,organisations/ch-valbrune.yaml
      clinique-des-tilleuls,Clinique des Tilleuls,,,clinic,private-for-profit,,,,,,,"[{""org"":""groupe-sante-ouest"",""source"":""gazette-2025-01-10-valbrune""},{""org"":""groupe-horizon"",""share"":60,""since"":""2025-01-06"",""source"":""gazette-2025-01-10-valbrune""}]",,,,auvergne-rhone-alpes,01,,,,,,,,,,,,,,,,,,,,gazette-2025-01-10-valbrune,,,organisations/clinique-des-tilleuls.yaml
      gcs-valbrune,GCS Valbrune,,,gcs,,,,,,,,,,,"[{""kind"":""convention-signed"",""date"":""2024-06-30"",""source"":""gazette-2025-01-10-valbrune""},{""kind"":""convention-approved"",""date"":""2024-09-01"",""by"":""ars-ara"",""act"":""arrêté du DG de l'ARS"",""source"":""gazette-2025-01-10-valbrune""}]",auvergne-rhone-alpes,01,,,,,,,2024-09-01,convention-approved,,,,,,,,"[{""org"":""ch-valbrune"",""role"":""founder"",""source"":""gazette-2025-01-10-valbrune""}]",,,,gazette-2025-01-10-valbrune,,,organisations/gcs-valbrune.yaml
      groupe-horizon,Groupe Horizon,,,group,private-for-profit,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,gazette-2025-01-10-valbrune,,,organisations/groupe-horizon.yaml
      groupe-sante-ouest,Groupe Santé Ouest,,,group,private-for-profit,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,gazette-2025-01-10-valbrune,,,organisations/groupe-sante-ouest.yaml
      hopital-saint-aubin,Hôpital local de Saint-Aubin,,,hospital,public,,,,,,,,,ch-valbrune,,auvergne-rhone-alpes,01,,,,,,,,,2025-01-01,,,,,,,,,,,gazette-2025-01-10-valbrune,,,organisations/hopital-saint-aubin.yaml
      "
    `);
  });

  it('refuses a bad --participant and a share over 100, writing nothing', async () => {
    const base = copyOf('history-base');
    expect(
      await base.run(['add', 'owner', 'clinique-des-tilleuls', 'groupe-horizon', '--share', '160', '--source', A]),
    ).toMatchInlineSnapshot(`
      {
        "code": 2,
        "err": "coop: --share "160" is not a percentage from 0 to 100
        hint: write "cède 60 %" as --share 60
      ",
        "out": "",
      }
    `);
    expect(
      await base.run([
        'add',
        'event',
        '--date',
        '2025',
        '--kind',
        'sale',
        '--title',
        'x',
        '--participant',
        'groupe-horizon:buyer',
        '--source',
        A,
      ]),
    ).toMatchInlineSnapshot(`
      {
        "code": 2,
        "err": "coop: --participant role "buyer" is not one of: acquirer, target, seller, absorbing, absorbed, merging, new-entity
      ",
        "out": "",
      }
    `);
    expect(await base.run(['add', 'former-name', 'ch-valbrune', '  ', '--source', A])).toEqual({
      code: 2,
      out: '',
      err: 'coop: the former name is empty\n  hint: give it as the article says it\n',
    });
  });
});

describe('parent, the old name of owners', () => {
  it('validates with a warning at the field, naming owners', async () => {
    expect(await runOnFixture('history-migrate', ['validate'])).toMatchInlineSnapshot(`
      {
        "code": 0,
        "err": "",
        "out": "data/organisations/clinique-des-tilleuls.yaml:4:1: warning: the field parent is now "owners" [renamed-value]
        hint: coop migrate rewrites the base to the new names
      data/organisations/clinique-du-lac.yaml:3:1: warning: the field parent is now "owners" [renamed-value]
        hint: coop migrate rewrites the base to the new names
      ⚠ 0 errors, 2 warnings in 2 files (4 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)
      ",
      }
    `);
  });

  it('coop migrate --dry-run shows parent rewritten into owners, comments kept', async () => {
    const base = copyOf('history-migrate');
    expect(await base.run(['migrate', '--dry-run'])).toMatchInlineSnapshot(`
      {
        "code": 0,
        "err": "coop: dry run: nothing written (would write 2 files)
      ",
        "out": "--- a/data/organisations/clinique-des-tilleuls.yaml
      +++ b/data/organisations/clinique-des-tilleuls.yaml
      @@ -1,6 +1,7 @@
       name: Clinique des Tilleuls
       kind: clinic
       sector: private-for-profit
      -parent: groupe-sante-ouest # the group, before the sale
      +owners:
      +  - org: groupe-sante-ouest # the group, before the sale
       department: "01"
       sources: [gazette-2025-01-10-valbrune]
      --- a/data/organisations/clinique-du-lac.yaml
      +++ b/data/organisations/clinique-du-lac.yaml
      @@ -1,8 +1,8 @@
       name: Clinique du Lac
       kind: clinic
      -parent:
      -  org: groupe-horizon
      -  # dated by the article
      -  since: "2025-01-06"
      -  source: gazette-2025-01-10-valbrune
      +owners:
      +  - org: groupe-horizon
      +    # dated by the article
      +    since: "2025-01-06"
      +    source: gazette-2025-01-10-valbrune
       sources: [gazette-2025-01-10-valbrune]
      ",
      }
    `);
  });

  it('coop migrate writes it, and the base validates clean with the same owners', async () => {
    const base = copyOf('history-migrate');
    const before = JSON.parse((await base.run(['show', 'clinique-du-lac', '--json'])).out).owners;
    expect((await base.run(['migrate'])).code).toBe(0);
    expect(await base.run(['validate'])).toEqual({
      code: 0,
      out: '✔ no problems: 4 organisations, 0 programmes, 0 funding lines, 0 events, 1 article\n',
      err: '',
    });
    expect(JSON.parse((await base.run(['show', 'clinique-du-lac', '--json'])).out).owners).toEqual(before);
    expect(base.read('organisations/clinique-des-tilleuls.yaml')).toBe(
      base
        .original('organisations/clinique-des-tilleuls.yaml')
        .replace('parent: groupe-sante-ouest #', 'owners:\n  - org: groupe-sante-ouest #'),
    );
  });
});
