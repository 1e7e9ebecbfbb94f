import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FIXTURES, REPO, runCoop, SEED_DATA, type RunOptions } from '../helpers.js';

// Every test works on a copy of the query fixture base, never on the fixture itself.
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'coop-new-'));
  cpSync(join(FIXTURES, 'query-new', 'data'), join(work, 'data'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Runs coop from the copy's folder, on its data/ (paths print as data/...). */
function coop(args: string[], options: RunOptions = {}) {
  return runCoop([...args, '--data', 'data'], { cwd: work, ...options });
}

/** Every file of the copy (dot files too: a lock or a temporary file left behind would show) and its hash. */
function tree(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(join(work, 'data'), '');
  return files;
}

const read = (path: string) => readFileSync(join(work, 'data', path), 'utf8');
const ANSI = /\x1b\[[0-9;]*m/g;

/** As a pipe, and as a terminal (colour on: the text is the same once the colour is taken out). */
const MODES = [
  { label: 'in a pipe', tty: false },
  { label: 'on a terminal', tty: true },
] as const;

/** coop validate passes: no error (a new article nobody cites yet is a warning). */
async function expectValid() {
  const result = await coop(['validate']);
  expect(result.out).toMatch(/(^|\n)(✔ no problems: |⚠ 0 errors, \d+ warnings? in )/);
  expect(result.out).not.toContain(': error:');
  expect(result.code).toBe(0);
}

describe('coop new organisation', () => {
  for (const mode of MODES) {
    it(`writes the file from every option, in the data model's order, and the base validates (${mode.label})`, async () => {
      const before = tree();
      const result = await coop(
        [
          'new',
          'organisation',
          'clinique-du-parc',
          '--name',
          'Clinique du Parc',
          '--short-name',
          'CDP',
          '--alias',
          'Clinique du parc de Suresnes',
          '--alias',
          'Clinique "Le Parc": Suresnes',
          '--kind',
          'clinic',
          '--sector',
          'private-for-profit',
          '--legal-form',
          'sas',
          '--parent',
          'groupe santé plus', // by name, any case or accents
          '--region',
          'idf', // a short form: the slug is written
          '--department',
          '92',
          '--city',
          'Suresnes',
          '--founded',
          '2019',
          '--siren',
          '552100554',
          '--website',
          'https://clinique-du-parc.example/',
          '--description',
          'A private clinic of Suresnes that joined the Alliance de test after its founding, according to the gazette; its surgeons work with Hôpital A.',
          '--activity',
          'chirurgie',
          '--activity',
          'imagerie',
          '--shared-resource',
          'laboratoire',
          '--note',
          '#1 in the gazette',
          '--source',
          'gazette-2019-05-02-alliance',
          '--source',
          "Deux hôpitaux de Suresnes s'allient", // the same article, by its title: written once
        ],
        { tty: mode.tty },
      );
      expect(result.out).toBe('data/organisations/clinique-du-parc.yaml\n');
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect(read('organisations/clinique-du-parc.yaml')).toBe(
        [
          'name: Clinique du Parc',
          'short_name: CDP',
          'aliases:',
          '  - Clinique du parc de Suresnes',
          `  - 'Clinique "Le Parc": Suresnes'`,
          'kind: clinic',
          'sector: private-for-profit',
          'legal_form: sas',
          'owners:',
          '  - org: groupe-sante-plus',
          'region: ile-de-france',
          'department: "92"',
          'city: Suresnes',
          'founded: "2019"',
          'identifiers:',
          '  siren: "552100554"',
          'website: https://clinique-du-parc.example/',
          'description: >-',
          '  A private clinic of Suresnes that joined the Alliance de test after its founding, according to the',
          '  gazette; its surgeons work with Hôpital A.',
          'activities:',
          '  - chirurgie',
          '  - imagerie',
          'shared_resources:',
          '  - laboratoire',
          'note: "#1 in the gazette"',
          'sources:',
          '  - gazette-2019-05-02-alliance',
          '',
        ].join('\n'),
      );
      // Nothing else changed.
      const after = tree();
      delete after['organisations/clinique-du-parc.yaml'];
      expect(after).toEqual(before);
      await expectValid();
      const shown = await coop(['show', 'clinique-du-parc', '--json']);
      expect(JSON.parse(shown.out).record).toMatchObject({
        id: 'clinique-du-parc',
        owners: [{ org: 'groupe-sante-plus' }],
        aliases: ['Clinique du parc de Suresnes', 'Clinique "Le Parc": Suresnes'],
      });
    });
  }

  it('writes a minimal record: only the fields given', async () => {
    const result = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      'Clinique X',
      '--kind',
      'clinic',
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(result).toEqual({ code: 0, out: 'data/organisations/clinique-x.yaml\n', err: '' });
    expect(read('organisations/clinique-x.yaml')).toBe(
      'name: Clinique X\nkind: clinic\nsources:\n  - gazette-2019-05-02-alliance\n',
    );
    await expectValid();
  });

  it("writes the commune's official spelling when the name typed answers to one (in the department given)", async () => {
    const result = await coop([
      'new',
      'organisation',
      'ssiad-x',
      '--name',
      'SSIAD X',
      '--kind',
      'ssiad',
      '--department',
      '92',
      '--city',
      'saint cloud',
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(result.code).toBe(0);
    expect(read('organisations/ssiad-x.yaml')).toBe(
      'name: SSIAD X\nkind: ssiad\ndepartment: "92"\ncity: Saint-Cloud\nsources:\n  - gazette-2019-05-02-alliance\n',
    );
    await expectValid();
  });

  it('copies the yaml-language-server line of the other files of the folder', async () => {
    const line = '# yaml-language-server: $schema=../../schema/organisation.schema.json';
    for (const name of readdirSync(join(work, 'data', 'organisations'))) {
      writeFileSync(join(work, 'data', 'organisations', name), `${line}\n${read(`organisations/${name}`)}`);
    }
    const result = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      'Clinique X',
      '--kind',
      'clinic',
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(result.code).toBe(0);
    expect(read('organisations/clinique-x.yaml')).toBe(
      `${line}\nname: Clinique X\nkind: clinic\nsources:\n  - gazette-2019-05-02-alliance\n`,
    );
    await expectValid();
  });

  for (const mode of MODES) {
    it(`refuses an id whose file exists: exit 1, every file byte-identical (${mode.label})`, async () => {
      const before = tree();
      const result = await coop(
        [
          'new',
          'organisation',
          'hopital-a',
          '--name',
          'Hôpital A bis',
          '--kind',
          'hospital',
          '--source',
          'gazette-2019-05-02-alliance',
        ],
        { tty: mode.tty },
      );
      expect(result.out).toBe('');
      expect(result.err).toBe(
        'coop: data/organisations/hopital-a.yaml already exists: nothing written\n  hint: coop never overwrites a record: edit the file, or use coop add\n',
      );
      expect(result.code).toBe(1);
      expect(tree()).toEqual(before);
    });

    it(`refuses an unknown source article with the diagnostic at its place; nothing written (${mode.label})`, async () => {
      const before = tree();
      const result = await coop(
        [
          'new',
          'organisation',
          'clinique-x',
          '--name',
          'Clinique X',
          '--kind',
          'clinic',
          '--city',
          'Paris',
          '--department',
          '92',
          '--source',
          'gazette-2019-05-02-aliance',
        ],
        { tty: mode.tty },
      );
      expect(result.out).toBe('');
      // Every problem of the new record at once, at its line and column in the file it would write.
      expect(result.err.replace(ANSI, '')).toBe(
        'data/organisations/clinique-x.yaml:4:7: error: city "Paris" is not in department 92 [city-outside-department]\n' +
          '  hint: Paris is in department 75\n' +
          'data/organisations/clinique-x.yaml:6:5: error: source "gazette-2019-05-02-aliance" is not an article [unknown-reference]\n' +
          '  hint: did you mean "gazette-2019-05-02-alliance"?\n' +
          'coop: nothing written: the change would bring 2 errors into the base\n',
      );
      if (mode.tty) expect(result.err).toMatch(ANSI);
      else expect(result.err).not.toMatch(ANSI);
      expect(result.code).toBe(1);
      expect(tree()).toEqual(before);
    });
  }

  it('refuses an id another type of record uses (ids are unique across the base)', async () => {
    const before = tree();
    const programme = await coop([
      'new',
      'organisation',
      'plan-national',
      '--name',
      'Plan',
      '--kind',
      'state',
      '--source',
      'journal-2020-03-10-fonds',
    ]);
    expect(programme).toEqual({
      code: 1,
      out: '',
      err: 'coop: "plan-national" is already the id of a programme (data/programmes/plan-national.yaml): nothing written\n  hint: ids are unique across the whole base: choose another one\n',
    });
    const event = await coop([
      'new',
      'organisation',
      'alliance-test-creation',
      '--name',
      'Fondation',
      '--kind',
      'foundation',
      '--source',
      'journal-2020-03-10-fonds',
    ]);
    expect(event.err).toBe(
      'coop: "alliance-test-creation" is already the id of an event (data/events/events.yaml): nothing written\n  hint: ids are unique across the whole base: choose another one\n',
    );
    expect(event.code).toBe(1);
    expect(tree()).toEqual(before);
  });

  it('exits 2 on an id that is not a slug, with the slug of the name as hint', async () => {
    const before = tree();
    const result = await coop([
      'new',
      'organisation',
      'Clinique X',
      '--name',
      'Clinique Saint-Jean (Évry)',
      '--kind',
      'clinic',
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'coop: "Clinique X" is not a valid id: lower-case ASCII letters, digits and single hyphens (e.g. hopital-foch)\n  hint: try "clinique-saint-jean-evry"\n',
    });
    expect(tree()).toEqual(before);
  });

  it('exits 2 on a missing required option, a value outside its list, an empty value or an unknown region', async () => {
    const before = tree();
    const noSource = await coop(['new', 'organisation', 'clinique-x', '--name', 'Clinique X', '--kind', 'clinic']);
    expect(noSource.err).toBe(
      'error: required option \'--source <article>\' not specified\n(run "coop --help" for usage)\n',
    );
    expect(noSource.code).toBe(2);
    const noName = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--kind',
      'clinic',
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(noName.err).toBe('error: required option \'--name <name>\' not specified\n(run "coop --help" for usage)\n');
    expect(noName.code).toBe(2);
    const kind = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      'Clinique X',
      '--kind',
      'clinik',
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(kind.err).toMatch(
      /^coop: --kind "clinik" is not one of: alliance, .*\n {2}hint: did you mean "clinic"\?\n$/,
    );
    expect(kind.code).toBe(2);
    const empty = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      '  ',
      '--kind',
      'clinic',
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(empty).toEqual({
      code: 2,
      out: '',
      err: 'coop: --name is empty\n  hint: give it a value, or leave --name out\n',
    });
    const region = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      'Clinique X',
      '--kind',
      'clinic',
      '--region',
      'ile de frace',
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(region).toEqual({
      code: 2,
      out: '',
      err: 'coop: --region "ile de frace" is not a French region\n  hint: did you mean "ile-de-france" or "Île-de-France"?\n',
    });
    expect(tree()).toEqual(before);
  });

  it('refuses a reference by a name that names nothing, with the closest records (exit 1)', async () => {
    const before = tree();
    const result = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      'Clinique X',
      '--kind',
      'clinic',
      '--parent',
      'Groupe Sante Plu',
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: 'coop: no organisation "Groupe Sante Plu"\n  hint: did you mean "groupe-sante-plus"?\n',
    });
    expect(tree()).toEqual(before);
  });

  it('--dry-run checks and prints the diff of the new file without writing it', async () => {
    const before = tree();
    const result = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      'Clinique X',
      '--kind',
      'clinic',
      '--department',
      '92',
      '--source',
      'gazette-2019-05-02-alliance',
      '--dry-run',
    ]);
    expect(result).toEqual({
      code: 0,
      out:
        '--- /dev/null\n+++ b/data/organisations/clinique-x.yaml\n@@ -0,0 +1,5 @@\n' +
        '+name: Clinique X\n+kind: clinic\n+department: "92"\n+sources:\n+  - gazette-2019-05-02-alliance\n',
      err: 'coop: dry run: nothing written (would create data/organisations/clinique-x.yaml)\n',
    });
    expect(tree()).toEqual(before);
    // And refuses as the real run would.
    const refused = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      'Clinique X',
      '--kind',
      'clinic',
      '--source',
      'nowhere',
      '--dry-run',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('[unknown-reference]');
    expect(tree()).toEqual(before);
  });
});

describe('coop new programme', () => {
  for (const mode of MODES) {
    it(`writes the file, references resolved from acronyms, and the base validates (${mode.label})`, async () => {
      const result = await coop(
        [
          'new',
          'programme',
          'fonds-innovation-sante',
          '--name',
          "Fonds d'innovation santé",
          '--short-name',
          'FIS',
          '--alias',
          'Fonds innovation',
          '--parent',
          'PNI',
          '--funder',
          'État',
          '--launched',
          '2020-03',
          '--description',
          'A fund of the national plan.',
          '--source',
          'journal-2020-03-10-fonds',
        ],
        { tty: mode.tty },
      );
      expect(result).toEqual({ code: 0, out: 'data/programmes/fonds-innovation-sante.yaml\n', err: '' });
      expect(read('programmes/fonds-innovation-sante.yaml')).toBe(
        [
          "name: Fonds d'innovation santé",
          'short_name: FIS',
          'aliases:',
          '  - Fonds innovation',
          'parent: plan-national',
          'funder: etat',
          'launched: "2020-03"',
          'description: A fund of the national plan.',
          'sources:',
          '  - journal-2020-03-10-fonds',
          '',
        ].join('\n'),
      );
      await expectValid();
    });
  }

  it('refuses an unknown funder id at its line; exits 2 without --name', async () => {
    const before = tree();
    const refused = await coop([
      'new',
      'programme',
      'fonds-x',
      '--name',
      'Fonds X',
      '--funder',
      'etatt',
      '--source',
      'journal-2020-03-10-fonds',
    ]);
    expect(refused.err).toBe(
      'data/programmes/fonds-x.yaml:2:9: error: funder "etatt" is not an organisation [unknown-reference]\n' +
        '  hint: did you mean "etat"?\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    );
    expect(refused.code).toBe(1);
    const usage = await coop(['new', 'programme', 'fonds-x', '--source', 'journal-2020-03-10-fonds']);
    expect(usage.code).toBe(2);
    expect(tree()).toEqual(before);
  });
});

describe('coop new article', () => {
  for (const mode of MODES) {
    it(`writes the front matter and the summary read from standard input (${mode.label})`, async () => {
      const summary = 'Clinique X joins the Alliance de test.\n\nIts director says the laboratories will be shared.\n';
      const result = await coop(
        [
          'new',
          'article',
          'gazette-2020-06-01-clinique-x',
          '--title',
          'La clinique X rejoint l’alliance : « une évidence »',
          '--outlet',
          'La Gazette',
          '--date',
          '2020-06-01',
          '--author',
          'Jeanne Martin',
          '--author',
          'Paul Martin',
          '--url',
          'https://gazette.example/2020/06/01/clinique-x',
          '--section',
          'Offre de soins',
          '--person',
          'Paul Durand|directeur|Hôpital A', // the organisation by name
          '--person',
          'Anne Petit',
          '--summary',
          '-',
        ],
        { tty: mode.tty, stdin: summary },
      );
      expect(result.out).toBe('data/articles/gazette-2020-06-01-clinique-x.md\n');
      // Written, with the warning that comes next: no record cites it yet.
      expect(result.err.replace(ANSI, '')).toBe(
        'data/articles/gazette-2020-06-01-clinique-x.md:1:1: warning: article "gazette-2020-06-01-clinique-x" is cited by no record [uncited-article]\n' +
          '  hint: record its facts, citing it in source or sources\n',
      );
      expect(result.code).toBe(0);
      expect(read('articles/gazette-2020-06-01-clinique-x.md')).toBe(
        [
          '---',
          'title: "La clinique X rejoint l’alliance : « une évidence »"',
          'outlet: La Gazette',
          'date: "2020-06-01"',
          'authors:',
          '  - Jeanne Martin',
          '  - Paul Martin',
          'url: https://gazette.example/2020/06/01/clinique-x',
          'language: fr',
          'section: Offre de soins',
          'people:',
          '  - name: Paul Durand',
          '    role: directeur',
          '    org: hopital-a',
          '  - name: Anne Petit',
          '---',
          '',
          'Clinique X joins the Alliance de test.',
          '',
          'Its director says the laboratories will be shared.',
          '',
        ].join('\n'),
      );
      await expectValid();
      const shown = await coop(['show', 'gazette-2020-06-01-clinique-x', '--json']);
      expect(JSON.parse(shown.out).record).toMatchObject({
        title: 'La clinique X rejoint l’alliance : « une évidence »',
        date: '2020-06-01',
        authors: ['Jeanne Martin', 'Paul Martin'],
      });
    });
  }

  it('writes an empty author list and no body when neither is given; the summary may be given inline', async () => {
    const bare = await coop(['new', 'article', 'journal-2021-01-bare', '--title', 'Bare', '--date', '2021-01']);
    expect(bare.code).toBe(0);
    expect(read('articles/journal-2021-01-bare.md')).toBe(
      '---\ntitle: Bare\ndate: "2021-01"\nauthors: []\nlanguage: fr\n---\n',
    );
    const inline = await coop([
      'new',
      'article',
      'journal-2021-02-inline',
      '--title',
      'Inline',
      '--date',
      '2021-02',
      '--language',
      'en',
      '--summary',
      '  One line of our own.  ',
    ]);
    expect(inline.code).toBe(0);
    expect(read('articles/journal-2021-02-inline.md')).toBe(
      '---\ntitle: Inline\ndate: "2021-02"\nauthors: []\nlanguage: en\n---\n\nOne line of our own.\n',
    );
    await expectValid();
  });

  it('refuses a bad date at its line, an empty standard input, an unknown language, a malformed --person', async () => {
    const before = tree();
    const date = await coop(['new', 'article', 'journal-2021-02-30-x', '--title', 'X', '--date', '2021-02-30']);
    expect(date.err).toBe(
      'data/articles/journal-2021-02-30-x.md:3:7: error: 2021-02-30 does not exist: month 2 of 2021 has 28 days [bad-date]\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    );
    expect(date.code).toBe(1);
    const empty = await coop(['new', 'article', 'journal-2021-x', '--title', 'X', '--date', '2021', '--summary', '-'], {
      stdin: ' \n',
    });
    expect(empty).toEqual({
      code: 2,
      out: '',
      err: 'coop: --summary -: the standard input is empty\n  hint: pipe the summary in (coop new article ... --summary - < summary.md), or leave --summary out\n',
    });
    const language = await coop([
      'new',
      'article',
      'journal-2021-x',
      '--title',
      'X',
      '--date',
      '2021',
      '--language',
      'de',
    ]);
    expect(language).toEqual({ code: 2, out: '', err: 'coop: --language "de" is not one of: fr, en\n' });
    const person = await coop([
      'new',
      'article',
      'journal-2021-x',
      '--title',
      'X',
      '--date',
      '2021',
      '--person',
      'a|b|c|d',
    ]);
    expect(person.code).toBe(2);
    expect(person.err).toBe(
      'coop: --person "a|b|c|d" is not NAME, NAME|ROLE or NAME|ROLE|ORG\n  hint: e.g. --person "Paul Durand|directeur général|hopital-a"\n',
    );
    const id = await coop(['new', 'article', 'Gazette 2021', '--title', 'X', '--date', '2021']);
    expect(id.err).toBe(
      'coop: "Gazette 2021" is not a valid id: lower-case ASCII letters, digits and single hyphens (e.g. hopital-foch)\n  hint: try "gazette-2021" (article ids are <outlet>-<date>-<topic>)\n',
    );
    expect(id.code).toBe(2);
    expect(tree()).toEqual(before);
  });

  it('is then citable: an organisation from the new article validates, with no warning left', async () => {
    expect(
      (await coop(['new', 'article', 'gazette-2020-06-01-clinique-x', '--title', 'Clinique X', '--date', '2020-06-01']))
        .code,
    ).toBe(0);
    const organisation = await coop([
      'new',
      'organisation',
      'clinique-x',
      '--name',
      'Clinique X',
      '--kind',
      'clinic',
      '--source',
      'gazette-2020-06-01-clinique-x',
    ]);
    expect(organisation).toEqual({ code: 0, out: 'data/organisations/clinique-x.yaml\n', err: '' });
    const validate = await coop(['validate', '--strict']);
    expect(validate.code).toBe(0);
    expect(existsSync(join(work, 'data', '.coop-write.lock'))).toBe(false);
  });
});

describe('the text of a new file', () => {
  it('reads back as exactly the values given, however they are quoted or folded', async () => {
    const awkward = {
      name: "Clinique « L'Étoile » : #1, - [test] {x} @home & *star* | yes",
      description:
        'First paragraph, long enough to be folded over more than one line of the file at its width of one hundred.\n\nSecond paragraph.',
      note: '  null ',
    };
    const result = await coop([
      'new',
      'organisation',
      'clinique-etoile',
      '--name',
      awkward.name,
      '--kind',
      'clinic',
      '--alias',
      'true',
      '--alias',
      '2019',
      '--description',
      awkward.description,
      '--note',
      awkward.note,
      '--source',
      'gazette-2019-05-02-alliance',
    ]);
    expect(result.code).toBe(0);
    expect(parse(read('organisations/clinique-etoile.yaml'))).toEqual({
      name: awkward.name,
      kind: 'clinic',
      aliases: ['true', '2019'],
      description: awkward.description,
      note: 'null',
      sources: ['gazette-2019-05-02-alliance'],
    });
    await expectValid();
  });
});

describe('the README walkthrough "Recording a new article"', () => {
  // On a copy of the seed base (tests/fixtures/seed: data/ as its five seed articles made it, frozen), the
  // base the README's counts describe ("66 organisations ... 6 articles" once Clinique X is in): an
  // article recorded in data/ since changes nothing here.
  it('shows what the coop new steps really print and write, on a copy of the seed base', async () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    rmSync(join(work, 'data'), { recursive: true });
    cpSync(SEED_DATA, join(work, 'data'), { recursive: true });
    const summary =
      'Clinique X, a private for-profit clinic in Rueil-Malmaison, joins the Alliance hospitalière de\n' +
      "l'Ouest parisien as a member in November 2026, its director says. It expects to send patients\n" +
      "to the alliance's digestive and neurological pathways and to use the members' shared laboratory.\n";
    const article = await coop(
      [
        'new',
        'article',
        'hospimedia-2026-11-20-clinique-x',
        '--title',
        "La clinique X rejoint l'Alliance hospitalière de l'Ouest parisien",
        '--outlet',
        'Hospimedia',
        '--date',
        '2026-11-20',
        '--author',
        'Jeanne Exemple',
        '--section',
        'Offre de soins',
        '--person',
        'Paul Exemple|directeur de la clinique X',
        '--summary',
        '-',
      ],
      { stdin: summary },
    );
    expect(article.code).toBe(0);
    expect(readme).toContain(
      `--summary - < summary.md\n${article.out}${article.err}$ cat data/articles/hospimedia-2026-11-20-clinique-x.md\n${read('articles/hospimedia-2026-11-20-clinique-x.md')}\`\`\``,
    );
    const organisation = (department: string) =>
      coop([
        'new',
        'organisation',
        'clinique-x',
        '--name',
        'Clinique X',
        '--kind',
        'clinic',
        '--sector',
        'private-for-profit',
        '--department',
        department,
        '--city',
        'rueil malmaison',
        '--source',
        'hospimedia-2026-11-20-clinique-x',
      ]);
    const refused = await organisation('93');
    expect(refused.code).toBe(1);
    expect(readme).toContain(
      `--department 93 --city "rueil malmaison" --source hospimedia-2026-11-20-clinique-x\n${refused.out}${refused.err}$ coop new organisation`,
    );
    const written = await organisation('92');
    expect(written.code).toBe(0);
    expect(readme).toContain(
      `--department 92 --city "rueil malmaison" --source hospimedia-2026-11-20-clinique-x\n${written.out}${written.err}$ cat data/organisations/clinique-x.yaml\n${read('organisations/clinique-x.yaml')}\`\`\``,
    );

    // 3. The facts between records, with coop add.
    const member = await coop([
      'add',
      'member',
      'alliance-ouest-parisien',
      'clinique-x',
      '--role',
      'member',
      '--since',
      '2026-11',
      '--source',
      'hospimedia-2026-11-20-clinique-x',
    ]);
    expect(member.code).toBe(0);
    expect(readme).toContain(
      `    --source hospimedia-2026-11-20-clinique-x\n${member.out}${member.err}$ coop add event`,
    );
    const event = await coop([
      'add',
      'event',
      '--id',
      'clinique-x-joins-alliance-ouest-parisien',
      '--date',
      '2026-11',
      '--kind',
      'joining',
      '--title',
      "Clinique X joins the Alliance hospitalière de l'Ouest parisien",
      '--org',
      'alliance-ouest-parisien',
      '--org',
      'clinique-x',
      '--source',
      'hospimedia-2026-11-20-clinique-x',
    ]);
    expect(event.code).toBe(0);
    expect(readme).toContain(
      `--org alliance-ouest-parisien --org clinique-x --source hospimedia-2026-11-20-clinique-x\n${event.out}${event.err}\`\`\``,
    );

    // 4. Check, and read it back, as on a terminal 100 columns wide.
    const validated = await coop(['validate']);
    expect(validated.code).toBe(0);
    const shown = await coop(['show', 'clinique-x'], { tty: true, columns: 100, env: { NO_COLOR: '1' } });
    expect(shown.code).toBe(0);
    expect(readme).toContain(`$ coop validate\n${validated.out}$ coop show clinique-x\n${shown.out}\`\`\``);
  });
});
