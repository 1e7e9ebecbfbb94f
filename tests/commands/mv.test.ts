import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, refused } from '../writers.js';

describe('coop mv', () => {
  it('renames the file, the id field and every reference, each in place, all at once', async () => {
    const base = copyOf('writers');
    expect(await base.run(['mv', 'hopital-a', 'hopital-b'])).toEqual({
      code: 0,
      out:
        'data/organisations/hopital-b.yaml\n' +
        'data/articles/gazette-2019-05-02-alliance.md\n' +
        'data/events/alliance.yaml\n' +
        'data/funding/fonds.yaml\n' +
        'data/organisations/alliance.yaml\n' +
        'data/organisations/clinique.yaml\n' +
        'data/organisations/hopital-a.yaml\n',
      err: 'renamed organisation hopital-a to hopital-b\n',
    });
    expect(existsSync(join(base.dir, 'organisations/hopital-a.yaml'))).toBe(false);
    expect(base.read('organisations/hopital-b.yaml')).toBe(
      base.original('organisations/hopital-a.yaml').replace('id: hopital-a', 'id: hopital-b'),
    );
    expect(base.read('organisations/alliance.yaml')).toBe(
      base
        .original('organisations/alliance.yaml')
        .replace('  - org: hopital-a   # the first', '  - org: hopital-b   # the first')
        .replace('  - org: hopital-a\n    role: member', '  - org: hopital-b\n    role: member'),
    );
    expect(base.read('organisations/clinique.yaml')).toBe(
      base
        .original('organisations/clinique.yaml')
        .replace('  - org: hopital-a   # owned by the hospital', '  - org: hopital-b   # owned by the hospital'),
    );
    expect(base.read('articles/gazette-2019-05-02-alliance.md')).toBe(
      base.original('articles/gazette-2019-05-02-alliance.md').replace('org: hopital-a', 'org: hopital-b'),
    );
    expect(base.read('events/alliance.yaml')).toBe(
      base
        .original('events/alliance.yaml')
        .replace('[alliance, hopital-a, clinique]', '[alliance, hopital-b, clinique]'),
    );
    expect(base.read('funding/fonds.yaml')).toBe(
      base.original('funding/fonds.yaml').replace('recipient: hopital-a', 'recipient: hopital-b'),
    );
    expect((await base.run(['validate'])).code).toBe(0);
    // The journal is gone once carried out; no temporary file is left.
    expect(Object.keys(base.tree()).filter((path) => path.includes('.coop'))).toEqual([]);
  });

  it('renames an article, and the sources that cite it', async () => {
    const base = copyOf('writers');
    const result = await base.run(['mv', 'journal-2020-03-10-fonds', 'journal-2020-03-10-fonds-regional']);
    expect(result.code).toBe(0);
    expect(base.read('programmes/fonds.yaml')).toBe(
      base
        .original('programmes/fonds.yaml')
        .replaceAll('journal-2020-03-10-fonds', 'journal-2020-03-10-fonds-regional'),
    );
    expect(base.read('articles/journal-2020-03-10-fonds-regional.md')).toBe(
      base.original('articles/journal-2020-03-10-fonds.md'),
    );
    expect((await base.run(['validate'])).code).toBe(0);
  });

  it('renames a funding line in its list file', async () => {
    const base = copyOf('writers');
    expect(await base.run(['mv', 'fonds-clinique-loan', 'fonds-clinique-pret'])).toEqual({
      code: 0,
      out: 'data/funding/fonds.yaml\n',
      err: 'renamed funding fonds-clinique-loan to fonds-clinique-pret\n',
    });
    expect(base.read('funding/fonds.yaml')).toBe(
      base.original('funding/fonds.yaml').replace('- id: fonds-clinique-loan', '- id: fonds-clinique-pret'),
    );
  });

  it('refuses a taken or malformed id, writing nothing', async () => {
    const base = copyOf('writers');
    expect(await refused(base, ['mv', 'orphan', 'etat'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: "etat" is the id of another record: nothing written\n  hint: coop show etat\n',
    });
    expect(await refused(base, ['mv', 'orphan', 'Bad Id'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: the new id "Bad Id" is not a valid id: lower-case ASCII letters, digits and single hyphens\n  hint: did you mean "bad-id"?\n',
    });
  });

  it('--dry-run prints the diff of every file', async () => {
    const base = copyOf('writers');
    const before = base.tree();
    expect(await base.run(['mv', 'clinique', 'clinique-des-fleurs', '--dry-run'])).toEqual({
      code: 0,
      out:
        '--- /dev/null\n+++ b/data/organisations/clinique-des-fleurs.yaml\n@@ -0,0 +1,6 @@\n' +
        '+# yaml-language-server: $schema=../../schema/organisation.schema.json\n' +
        '+name: Clinique des Fleurs\n+kind: clinic\n+owners:\n+  - org: hopital-a   # owned by the hospital\n' +
        '+sources: [gazette-2019-05-02-alliance]\n' +
        '--- a/data/events/alliance.yaml\n+++ b/data/events/alliance.yaml\n@@ -2,5 +2,5 @@\n' +
        '   date: 2019-05-02\n   kind: founding\n   title: "Création de l\'Alliance"\n' +
        '-  orgs: [alliance, hopital-a, clinique]   # flow\n' +
        '+  orgs: [alliance, hopital-a, clinique-des-fleurs]   # flow\n' +
        '   source: gazette-2019-05-02-alliance\n' +
        '--- a/data/funding/fonds.yaml\n+++ b/data/funding/fonds.yaml\n@@ -13,7 +13,7 @@\n' +
        ' \n - id: fonds-clinique-loan\n   programme: fonds\n' +
        '-  recipient: clinique\n+  recipient: clinique-des-fleurs\n' +
        '   instrument: loan\n   amount: 400000\n   stage: announced\n' +
        '--- a/data/organisations/alliance.yaml\n+++ b/data/organisations/alliance.yaml\n@@ -25,7 +25,7 @@\n' +
        '     since: "2019-05"\n     source: gazette-2019-05-02-alliance\n \n' +
        '-  - {org: clinique, role: founder, source: gazette-2019-05-02-alliance}\n' +
        '+  - {org: clinique-des-fleurs, role: founder, source: gazette-2019-05-02-alliance}\n' +
        ' \n   - org: hopital-a\n     role: member\n' +
        '--- a/data/organisations/clinique.yaml\n+++ /dev/null\n@@ -1,6 +0,0 @@\n' +
        '-# yaml-language-server: $schema=../../schema/organisation.schema.json\n' +
        '-name: Clinique des Fleurs\n-kind: clinic\n-owners:\n-  - org: hopital-a   # owned by the hospital\n' +
        '-sources: [gazette-2019-05-02-alliance]\n',
      err: 'coop: dry run: nothing written (would change 5 files)\n',
    });
    expect(base.tree()).toEqual(before);
  });
});
