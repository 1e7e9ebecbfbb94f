import { describe, expect, it } from 'vitest';
import { copyOf, refused } from '../writers.js';

// tests/fixtures/people-export: the gazette article (La Gazette, also printed by Le Journal) names
// Hélène Lefèvre (linked to her record) and Marc Petit (no record); the journal article (Le Journal)
// names Hélène and Jean Dupré, and lists no other outlet.
const SCENARIO = 'people-export';
const GAZETTE = 'gazette-2020-02-01-clinique';
const JOURNAL = 'journal-2021-05-03-hopital';
const JOURNAL_FILE = `articles/${JOURNAL}.md`;
const GAZETTE_FILE = `articles/${GAZETTE}.md`;

describe('coop add also-published', () => {
  it('--dry-run prints the diff of the new list, and writes nothing', async () => {
    const base = copyOf(SCENARIO);
    const before = base.tree();
    const args = ['add', 'also-published', JOURNAL, '--outlet', 'La Gazette', '--url', 'https://gazette.example/h'];
    expect(await base.run([...args, '--date', '2021-05-04', '--dry-run'])).toEqual({
      code: 0,
      out:
        `--- a/data/${JOURNAL_FILE}\n+++ b/data/${JOURNAL_FILE}\n@@ -9,5 +9,9 @@\n` +
        '     org: hopital-c\n   - name: Jean Dupré\n     person: jean-dupre\n' +
        '+also_published:\n+  - outlet: La Gazette\n+    url: https://gazette.example/h\n+    date: "2021-05-04"\n' +
        " ---\n The hospital's new director left the clinic.\n",
      err: `coop: dry run: nothing written (would write data/${JOURNAL_FILE})\n`,
    });
    expect(base.tree()).toEqual(before);
  });

  it('appends to the front matter, the rest byte-identical; the article still counts once', async () => {
    const base = copyOf(SCENARIO);
    expect(await base.run(['add', 'also-published', GAZETTE, '--outlet', 'Le Quotidien'])).toEqual({
      code: 0,
      out: `data/${GAZETTE_FILE}\n`,
      err: `added Le Quotidien to the outlets that also published ${GAZETTE}\n`,
    });
    expect(base.read(GAZETTE_FILE)).toBe(
      base.original(GAZETTE_FILE).replace('    date: 2020-02-02\n', '    date: 2020-02-02\n  - outlet: Le Quotidien\n'),
    );
    expect((await base.run(['validate'])).code).toBe(0);
    expect((await base.run(['stats'])).out).toContain('records\tarticles\t\t2\t\t\t\t\t\t\n');
    expect((await base.run(['show', GAZETTE])).out).toContain('Also published\tLe Journal, 2020-02-02; Le Quotidien\n');
  });

  it("refuses the article's own outlet and an outlet it lists, accents and case aside", async () => {
    const base = copyOf(SCENARIO);
    expect(await refused(base, ['add', 'also-published', GAZETTE, '--outlet', 'la gazette'])).toEqual({
      code: 1,
      out: '',
      err: `coop: ${GAZETTE} is already the article of La Gazette: nothing written\n  hint: also-published lists the other outlets that printed the same story\n`,
    });
    expect(await refused(base, ['add', 'also-published', GAZETTE, '--outlet', 'LE JOURNAL'])).toEqual({
      code: 1,
      out: '',
      err: `coop: ${GAZETTE} already lists Le Journal as also publishing it: nothing written\n  hint: coop show ${GAZETTE} shows it; coop set changes its url or date\n`,
    });
  });

  it('refuses a bad URL with its place and rule, and bad values all at once', async () => {
    const base = copyOf(SCENARIO);
    expect(await refused(base, ['add', 'also-published', JOURNAL, '--outlet', 'X', '--url', 'notaurl'])).toEqual({
      code: 1,
      out: '',
      err:
        `data/${JOURNAL_FILE}:14:10: error: "notaurl" is not a URL [bad-url]\n` +
        '  hint: write the full address, starting with https://\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    });
    expect(await refused(base, ['add', 'also-published', JOURNAL, '--outlet', ' ', '--date', '2021-13'])).toEqual({
      code: 2,
      out: '',
      err:
        'coop: --outlet is empty\n  hint: the outlet as it names itself: --outlet "Le Journal"\n' +
        'coop: --date: "2021-13" is not a valid EDTF date (e.g. 2017-09-13, 2017-09, 2012-12~, 2015?, 2017-09/2019-03)\n' +
        '  hint: write an EDTF date: 2017-09-13, 2017-09, 2018, 2012-12~ (approximately), 2015? (uncertain), 2017-09/2019-03 (between)\n',
    });
  });
});

describe('coop add mention', () => {
  it('--dry-run prints the diff of the new item, and writes nothing', async () => {
    const base = copyOf(SCENARIO);
    const before = base.tree();
    expect(
      await base.run([
        'add',
        'mention',
        GAZETTE,
        'Jean Dupré',
        '--person',
        'jean dupre',
        '--role',
        'médecin',
        '--org',
        'Clinique B',
        '--dry-run',
      ]),
    ).toEqual({
      code: 0,
      out:
        `--- a/data/${GAZETTE_FILE}\n+++ b/data/${GAZETTE_FILE}\n@@ -12,5 +12,9 @@\n` +
        '     org: clinique-b\n   - name: Marc Petit\n     role: porte-parole\n' +
        '+  - name: Jean Dupré\n+    person: jean-dupre\n+    role: médecin\n+    org: clinique-b\n' +
        ' ---\n The clinic has a new president.\n',
      err: `coop: dry run: nothing written (would write data/${GAZETTE_FILE})\n`,
    });
    expect(base.tree()).toEqual(before);
  });

  it('links the article to the person record: show <person> lists it', async () => {
    const base = copyOf(SCENARIO);
    expect(await base.run(['add', 'mention', GAZETTE, 'J. Dupré', '--person', 'jean-dupre'])).toEqual({
      code: 0,
      out: `data/${GAZETTE_FILE}\n`,
      err: `added J. Dupré (jean-dupre) to the people ${GAZETTE} names\n`,
    });
    expect(base.read(GAZETTE_FILE)).toBe(
      base
        .original(GAZETTE_FILE)
        .replace('    role: porte-parole\n', '    role: porte-parole\n  - name: J. Dupré\n    person: jean-dupre\n'),
    );
    expect((await base.run(['show', 'jean-dupre'])).out).toContain(
      '## Named in\narticle\tdate\trole\torg\ttitle\n' +
        `${GAZETTE}\t2020-02-01\t\t\tLa clinique change de présidente\n` +
        `${JOURNAL}\t2021-05-03\t\t\tL'hôpital recrute sa directrice\n`,
    );
  });

  it('a name without a record is written as printed, with no link', async () => {
    const base = copyOf(SCENARIO);
    expect(await base.run(['add', 'mention', JOURNAL, 'Paul Roux', '--role', 'maire'])).toEqual({
      code: 0,
      out: `data/${JOURNAL_FILE}\n`,
      err: `added Paul Roux to the people ${JOURNAL} names\n`,
    });
    expect(base.read(JOURNAL_FILE)).toContain('    person: jean-dupre\n  - name: Paul Roux\n    role: maire\n---\n');
  });

  it('refuses a person the article already names, by record or by name, accents aside', async () => {
    const base = copyOf(SCENARIO);
    expect(await refused(base, ['add', 'mention', GAZETTE, 'H. Lefèvre', '--person', 'helene-lefevre'])).toEqual({
      code: 1,
      out: '',
      err:
        `coop: ${GAZETTE} already names Hélène Lefèvre (helene-lefevre): nothing written\n` +
        `  hint: coop set ${GAZETTE} "people.Hélène Lefèvre.role" <value> changes the item; another role of a person record is coop add role\n`,
    });
    expect(await refused(base, ['add', 'mention', GAZETTE, 'marc petit', '--person', 'jean-dupre'])).toEqual({
      code: 1,
      out: '',
      err:
        `coop: ${GAZETTE} already names Marc Petit: nothing written\n` +
        `  hint: coop set ${GAZETTE} "people.Marc Petit.person" <value> changes the item; another role of a person record is coop add role\n`,
    });
  });

  it('refuses an unknown person or organisation, and an empty name', async () => {
    const base = copyOf(SCENARIO);
    const unknown = await refused(base, ['add', 'mention', JOURNAL, 'Paul Roux', '--person', 'paul-roux']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/^coop: no person "paul-roux"\n/);
    const org = await refused(base, ['add', 'mention', JOURNAL, 'Paul Roux', '--org', 'mairie-de-nulle-part']);
    expect(org.code).toBe(1);
    expect(org.err).toMatch(/^coop: no organisation "mairie-de-nulle-part"\n/);
    expect(await refused(base, ['add', 'mention', JOURNAL, '  '])).toEqual({
      code: 2,
      out: '',
      err: 'coop: the name is empty\n  hint: the name as the article prints it: "Hélène Lefèvre"\n',
    });
  });
});
