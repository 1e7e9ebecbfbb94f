import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';
import { copyOf } from '../writers.js';

// tests/fixtures/bilingual: coop.yaml says the base is French; the alliance's description and the
// founding's title are written in French and in English, its note in English only, the rest plain
// (French) text. tests/fixtures/bilingual-broken: the wrong forms of both. Outputs checked by hand.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

describe('texts in two languages', () => {
  it('show follows --lang en: the English description and title, the rest as written (pipe)', async () => {
    expect(await runOnFixture('bilingual', ['show', 'alliance-duo', '--lang', 'en'])).toEqual({
      code: 0,
      out: "Alliance Duo\nalliance-duo · alliance · private-nonprofit\n\nLocation\tHauts-de-Seine (92), Île-de-France\n\n## Description\nAn alliance of two hospitals in Suresnes.\n\n## Members: founder (1 organisation)\nmember\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\nhopital-b\tfounder\tmember\t2021-01\t\tgazette-2021-01-15-duo\t\tMembre fondateur selon la gazette.\n\n## History\ndate\twhat\tevent\tdetail\tsource\n2021-01-15\tevent\talliance-duo-annonce\tannouncement: L'Alliance Duo annoncée dans la presse\tgazette-2021-01-15-duo\n2021-01\tevent\talliance-duo-creation\tfounding: The Alliance Duo is founded\tgazette-2021-01-15-duo\n\n## Note\nRecorded for the tests of texts in two languages.\n\n## Sources\nid\toutlet\tdate\ttitle\ngazette-2021-01-15-duo\tLa Gazette\t2021-01-15\tDeux établissements de Suresnes forment l'Alliance Duo\n",
      err: '',
    });
  });
  it('show --lang fr on a terminal: French labels and texts; a note only in English is marked (en)', async () => {
    expect(await runOnFixture('bilingual', ['show', 'alliance-duo', '--lang', 'fr'], TERMINAL)).toEqual({
      code: 0,
      out: "Alliance Duo\nalliance-duo · alliance · privé non lucratif\n\n  Location  Hauts-de-Seine (92), Île-de-France\n\nDescription\n  Alliance de deux hôpitaux de Suresnes.\n\nMembers: fondateur (1 organisation)\n┌───────────┬─────────┬───────┬─────────┬────────────────────────────────────┐\n│ Member    │ Since   │ Until │ Sources │ Note                               │\n├───────────┼─────────┼───────┼─────────┼────────────────────────────────────┤\n│ Hôpital B │ 2021-01 │       │ [1]     │ Membre fondateur selon la gazette. │\n└───────────┴─────────┴───────┴─────────┴────────────────────────────────────┘\n\nHistory\n┌────────────┬─────────────────────────────────────────────────┬────────┐\n│ Date       │ What                                            │ Source │\n├────────────┼─────────────────────────────────────────────────┼────────┤\n│ 2021-01-15 │ annonce: L'Alliance Duo annoncée dans la presse │ [1]    │\n│ 2021-01    │ création: Création de l'Alliance Duo            │ [1]    │\n└────────────┴─────────────────────────────────────────────────┴────────┘\n\nNote\n  (en) Recorded for the tests of texts in two languages.\n\nSources\n┌─────┬────────────────────────┬────────────┬────────────┬─────────────────────────────────────────┐\n│     │ Article                │ Outlet     │ Date       │ Title                                   │\n├─────┼────────────────────────┼────────────┼────────────┼─────────────────────────────────────────┤\n│ [1] │ gazette-2021-01-15-duo │ La Gazette │ 2021-01-15 │ Deux établissements de Suresnes forment │\n│     │                        │            │            │ l'Alliance Duo                          │\n└─────┴────────────────────────┴────────────┴────────────┴─────────────────────────────────────────┘\n",
      err: '',
    });
  });
  it('show follows LANG when --lang is not given', async () => {
    expect(await runOnFixture('bilingual', ['show', 'alliance-duo'], { env: { LANG: 'en_GB.UTF-8' } })).toEqual({
      code: 0,
      out: "Alliance Duo\nalliance-duo · alliance · private-nonprofit\n\nLocation\tHauts-de-Seine (92), Île-de-France\n\n## Description\nAn alliance of two hospitals in Suresnes.\n\n## Members: founder (1 organisation)\nmember\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\nhopital-b\tfounder\tmember\t2021-01\t\tgazette-2021-01-15-duo\t\tMembre fondateur selon la gazette.\n\n## History\ndate\twhat\tevent\tdetail\tsource\n2021-01-15\tevent\talliance-duo-annonce\tannouncement: L'Alliance Duo annoncée dans la presse\tgazette-2021-01-15-duo\n2021-01\tevent\talliance-duo-creation\tfounding: The Alliance Duo is founded\tgazette-2021-01-15-duo\n\n## Note\nRecorded for the tests of texts in two languages.\n\n## Sources\nid\toutlet\tdate\ttitle\ngazette-2021-01-15-duo\tLa Gazette\t2021-01-15\tDeux établissements de Suresnes forment l'Alliance Duo\n",
      err: '',
    });
  });
  it('events --lang en on a terminal: a title without English is marked (fr)', async () => {
    expect(await runOnFixture('bilingual', ['events', '--lang', 'en'], TERMINAL)).toEqual({
      code: 0,
      out: "┌────────────┬──────────────┬───────────────────────────┬─────────────────────────┬───────┬────────┐\n│ Date       │ Kind         │ Event                     │ Organisations           │ Place │ Source │\n├────────────┼──────────────┼───────────────────────────┼─────────────────────────┼───────┼────────┤\n│ 2021-01-15 │ announcement │ (fr) L'Alliance Duo       │ Alliance Duo            │       │ [1]    │\n│            │              │ annoncée dans la presse   │                         │       │        │\n│ 2021-01    │ founding     │ The Alliance Duo is       │ Alliance Duo; Hôpital B │       │ [1]    │\n│            │              │ founded                   │                         │       │        │\n└────────────┴──────────────┴───────────────────────────┴─────────────────────────┴───────┴────────┘\n\nSources\n┌─────┬────────────────────────┬────────────┬────────────┬─────────────────────────────────────────┐\n│     │ Article                │ Outlet     │ Date       │ Title                                   │\n├─────┼────────────────────────┼────────────┼────────────┼─────────────────────────────────────────┤\n│ [1] │ gazette-2021-01-15-duo │ La Gazette │ 2021-01-15 │ Deux établissements de Suresnes forment │\n│     │                        │            │            │ l'Alliance Duo                          │\n└─────┴────────────────────────┴────────────┴────────────┴─────────────────────────────────────────┘\n",
      err: '2 events\n',
    });
  });
  it('events --lang fr in a pipe: the French titles, unmarked', async () => {
    expect(await runOnFixture('bilingual', ['events', '--lang', 'fr'])).toEqual({
      code: 0,
      out: "id\tdate\tkind\ttitle\torgs\tprogramme\tplace\tsource\tstatus\tdisputed\nalliance-duo-annonce\t2021-01-15\tannouncement\tL'Alliance Duo annoncée dans la presse\talliance-duo\t\t\tgazette-2021-01-15-duo\thappened\t\nalliance-duo-creation\t2021-01\tfounding\tCréation de l'Alliance Duo\talliance-duo,hopital-b\t\t\tgazette-2021-01-15-duo\thappened\t\n",
      err: '',
    });
  });
  it("search finds a text by the words of either language, shows the version that matched, names the event in the reader's (pipe)", async () => {
    expect(await runOnFixture('bilingual', ['search', 'duo is founded', '--lang', 'en', '--limit', '2'])).toEqual({
      code: 0,
      out: 'type\tid\tname\tscore\tfield\tmatched\nevent\talliance-duo-creation\tThe Alliance Duo is founded\t0.721\ttitle\tThe Alliance Duo is founded\n',
      err: '',
    });
  });
  it('search on a terminal names the event in French with --lang fr', async () => {
    expect(
      await runOnFixture('bilingual', ['search', 'duo is founded', '--lang', 'fr', '--limit', '1'], TERMINAL),
    ).toEqual({
      code: 0,
      out: "┌───────┬────────────────────────────┬────────────────────────────────────┬───────────────────────┐\n│ Type  │ Name                       │ Matched                            │ Id                    │\n├───────┼────────────────────────────┼────────────────────────────────────┼───────────────────────┤\n│ event │ Création de l'Alliance Duo │ title: The Alliance Duo is founded │ alliance-duo-creation │\n└───────┴────────────────────────────┴────────────────────────────────────┴───────────────────────┘\n",
      err: '1 result (--limit 1: there may be more)\n',
    });
  });
  it('validate: every problem of a text by language, and of coop.yaml, at its line and column', async () => {
    expect(await runOnFixture('bilingual-broken', ['validate', '--format', 'tsv'])).toEqual({
      code: 1,
      out: 'file\tline\tcolumn\tseverity\trule\tmessage\thint\ndata/coop.yaml\t1\t11\terror\tbad-enum\t"de" is not a valid language\tone of: en, fr\ndata/coop.yaml\t2\t1\terror\tunknown-field\tunknown field "colour"\tknown fields: language\ndata/events/hopital-c.yaml\t4\t10\terror\twrong-type\ttitle must be text, or one text per language ({fr: ..., en: ...}), not the number 42\t\ndata/events/hopital-c.yaml\t11\t9\terror\tempty-value\ttitle.en must not be empty\t\ndata/organisations/hopital-c.yaml\t7\t3\terror\tunknown-field\tunknown field "de"\tknown fields: fr, en\ndata/organisations/hopital-c.yaml\t8\t7\terror\tempty-value\tnote must not be empty\t\n',
      err: '',
    });
  });

  it('with neither --lang nor a known locale, the texts are shown in the base language, unmarked', async () => {
    const result = await runOnFixture('bilingual', ['show', 'alliance-duo'], {
      ...TERMINAL,
      env: { NO_COLOR: '1', LANG: 'C.UTF-8' },
    });
    expect(result.code).toBe(0);
    expect(result.out).toContain('Description\n  Alliance de deux hôpitaux de Suresnes.\n');
    // The note has no French: shown in English, marked, whatever the reader asked.
    expect(result.out).toContain('Note\n  (en) Recorded for the tests of texts in two languages.\n');
    expect(result.out).toContain("│ 2021-01    │ founding: Création de l'Alliance Duo");
  });
  it('LC_ALL wins over LANG, as POSIX orders them', async () => {
    const result = await runOnFixture('bilingual', ['show', 'alliance-duo'], {
      env: { LC_ALL: 'fr_FR.UTF-8', LANG: 'en_US.UTF-8' },
    });
    expect(result.out.split('\n').slice(0, 7)).toEqual([
      'Alliance Duo',
      'alliance-duo · alliance · privé non lucratif',
      '',
      'Location\tHauts-de-Seine (92), Île-de-France',
      '',
      '## Description',
      'Alliance de deux hôpitaux de Suresnes.',
    ]);
  });
  it('--lang takes only fr or en', async () => {
    expect(await runOnFixture('bilingual', ['show', 'alliance-duo', '--lang', 'de'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --lang "de" is not one of: en, fr\n',
    });
  });
});

describe('coop set --lang', () => {
  it('adds an English version to a plain French text, keeping the French one', async () => {
    const base = copyOf('bilingual');
    expect(
      await base.run(['set', 'hopital-b', 'description', 'A private non-profit hospital in Suresnes.', '--lang', 'en']),
    ).toEqual({
      code: 0,
      out: 'data/organisations/hopital-b.yaml\n',
      err: 'set description (en) of hopital-b to "A private non-profit hospital in Suresnes."\n',
    });
    expect(base.read('organisations/hopital-b.yaml')).toBe(
      base
        .original('organisations/hopital-b.yaml')
        .replace(
          'description: Hôpital privé non lucratif de Suresnes.\n',
          'description:\n  fr: Hôpital privé non lucratif de Suresnes.\n  en: A private non-profit hospital in Suresnes.\n',
        ),
    );
    expect((await base.run(['show', 'hopital-b', '--lang', 'en'])).out).toContain(
      '## Description\nA private non-profit hospital in Suresnes.\n',
    );
    expect((await base.run(['validate'])).code).toBe(0);
  });
  it('replaces one version of a text written by language, the other kept', async () => {
    const base = copyOf('bilingual');
    const result = await base.run([
      'set',
      'alliance-duo-creation',
      'title',
      "Fondation de l'Alliance Duo",
      '--lang',
      'fr',
    ]);
    expect(result.code).toBe(0);
    expect(base.read('events/alliance-duo.yaml')).toBe(
      base
        .original('events/alliance-duo.yaml')
        .replace("    fr: Création de l'Alliance Duo\n", "    fr: Fondation de l'Alliance Duo\n"),
    );
  });
  it('the base language keeps a plain text plain', async () => {
    const base = copyOf('bilingual');
    expect((await base.run(['set', 'hopital-b', 'description', 'Hôpital de Suresnes.', '--lang', 'fr'])).code).toBe(0);
    expect(base.read('organisations/hopital-b.yaml')).toBe(
      base
        .original('organisations/hopital-b.yaml')
        .replace('Hôpital privé non lucratif de Suresnes.', 'Hôpital de Suresnes.'),
    );
  });
  it('refuses to replace a text written in several languages without --lang: one would be lost', async () => {
    const base = copyOf('bilingual');
    const before = base.tree();
    expect(await base.run(['set', 'alliance-duo', 'description', 'Une alliance.'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: description is written in fr and en: say which version to set\n  hint: add --lang fr or --lang en\n',
    });
    expect(base.tree()).toEqual(before);
  });
  it('the cache keeps what coop.yaml says, and an edit of coop.yaml is seen by the next run', async () => {
    const base = copyOf('bilingual');
    const description = async () => (await base.run(['show', 'hopital-b', '--lang', 'en'])).out.split('\n')[6];
    // A plain string is the base's language: French, so an English reader gets it as a fallback.
    expect(await description()).toBe('Hôpital privé non lucratif de Suresnes.');
    expect((await base.run(['show', 'hopital-b', '--lang', 'en'], { tty: true })).out).toContain(
      '  (fr) Hôpital privé non lucratif de Suresnes.\n',
    );
    writeFileSync(join(base.dir, 'coop.yaml'), 'language: en\n');
    expect((await base.run(['show', 'hopital-b', '--lang', 'en'], { tty: true })).out).toContain(
      '\n  Hôpital privé non lucratif de Suresnes.\n',
    );
    writeFileSync(join(base.dir, 'coop.yaml'), 'language: de\n');
    expect(await base.run(['validate', '--format', 'tsv'])).toEqual({
      code: 1,
      out: 'file\tline\tcolumn\tseverity\trule\tmessage\thint\ndata/coop.yaml\t1\t11\terror\tbad-enum\t"de" is not a valid language\tone of: en, fr\n',
      err: '',
    });
  });
  it('refuses --lang on a field that is not our own words', async () => {
    const base = copyOf('bilingual');
    expect(await base.run(['set', 'hopital-b', 'city', 'Paris', '--lang', 'fr'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --lang applies to texts written by language (description, note, title), not to "city"\n',
    });
  });
});

describe('the site and SQL with texts in two languages', () => {
  const work = mkdtempSync(join(tmpdir(), 'coop-bilingual-site-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const page = (site: string, path: string) => readFileSync(join(work, site, path), 'utf8');

  it('a French page shows the French versions, and an English-only note marked as English', async () => {
    expect((await runOnFixture('bilingual', ['site', '--out', join(work, 'fr')])).code).toBe(0);
    const html = page('fr', 'organisations/alliance-duo/index.html');
    expect(html).toContain('<h1>Alliance Duo</h1>\n<p>Alliance de deux hôpitaux de Suresnes.</p>');
    expect(html).toContain(
      '<section><h2>Note</h2><p lang="en">Recorded for the tests of texts in two languages. <span class="lang" title="en anglais">(en)</span></p></section>',
    );
    expect(html).toContain('<span class="tag">création</span> Création de l&#39;Alliance Duo ');
  });
  it('an English page shows the English versions, and French-only texts marked as French', async () => {
    expect((await runOnFixture('bilingual', ['site', '--out', join(work, 'en'), '--lang', 'en'])).code).toBe(0);
    const html = page('en', 'organisations/alliance-duo/index.html');
    expect(html).toContain('<h1>Alliance Duo</h1>\n<p>An alliance of two hospitals in Suresnes.</p>');
    expect(html).toContain('<section><h2>Note</h2><p>Recorded for the tests of texts in two languages.</p></section>');
    expect(html).toContain('<span class="tag">founding</span> The Alliance Duo is founded ');
    expect(html).toContain(
      '<span class="tag">announcement</span> <span lang="fr">L&#39;Alliance Duo annoncée dans la presse</span> <span class="lang" title="in French">(fr)</span>',
    );
  });
  it('SQL holds the text in the base language, and full-text search reads both', async () => {
    const sql = (await runOnFixture('bilingual', ['export', '--format', 'sql', '--dialect', 'sqlite'])).out;
    expect(sql).toContain("NULL, 'Alliance de deux hôpitaux de Suresnes.', NULL");
    expect(sql).not.toContain('[object Object]');
    expect(sql).toContain("'An alliance of two hospitals in Suresnes.\nAlliance de deux hôpitaux de Suresnes.'");
  });
});
