import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCoop, runOnFixture } from '../helpers.js';

/**
 * Sources per fact (issue #12): field_sources says which articles state a field, or that it is
 * common knowledge; disputed keeps the other values other articles give. The fixture's CHU takes
 * its city from a later article (Le Journal) than its record's source (La Gazette), its sector
 * from common knowledge, and L'Hebdo disagrees on its city and its founding year.
 */

const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };
const run = (args: string[], options = {}) => runOnFixture('field-sources', args, options);

const GAZETTE = 'gazette-2019-03-12-chu\tLa Gazette\t2019-03-12';
const JOURNAL = 'journal-2021-06-01-chu\tLe Journal\t2021-06-01';
const HEBDO = "hebdo-2020-02-02-chu\tL'Hebdo\t2020-02-02";

describe('coop sources <id>, field by field', () => {
  it('lists each field with its articles, common knowledge or the record sources, and the disputed values, in a pipe', async () => {
    expect(await run(['sources', 'chu-test'])).toEqual({
      code: 0,
      out: [
        'fact\tdetail\tsource\toutlet\tdate',
        `record\tCentre hospitalier universitaire de Test (CHU de Test)\t${GAZETTE}`,
        'field\tname: Centre hospitalier universitaire de Test\trecord-sources\t\t',
        'field\tshort_name: CHU de Test\trecord-sources\t\t',
        'field\tkind: hospital\trecord-sources\t\t',
        'field\tsector: public\tcommon-knowledge\t\t',
        'field\tdepartment: 59\trecord-sources\t\t',
        `field\tcity: Lille\t${JOURNAL}`,
        `disputed\tcity: Loos\t${HEBDO}`,
        'field\tfounded: 1965\trecord-sources\t\t',
        `disputed\tfounded: 1968 (date de la convention hospitalo-universitaire)\t${HEBDO}`,
        // Not written: validate derives it from the department, so no article backs it.
        'field\tregion: hauts-de-france\tcommon-knowledge\t\t',
        '',
      ].join('\n'),
      err: '',
    });
  });

  it('says "common knowledge" and "record sources" in words on a terminal, and counts the articles', async () => {
    expect(await run(['sources', 'plan-regional'], TERMINAL)).toEqual({
      code: 0,
      out: [
        '┌──────────┬────────────────────────────────────┬────────────────────────┬────────────┬────────────┐',
        '│ Fact     │ Detail                             │ Source                 │ Outlet     │ Date       │',
        '├──────────┼────────────────────────────────────┼────────────────────────┼────────────┼────────────┤',
        '│ record   │ Plan régional cancer               │ gazette-2019-03-12-chu │ La Gazette │ 2019-03-12 │',
        '│ field    │ name: Plan régional cancer         │ record sources         │            │            │',
        '│ field    │ funder: region-test                │ record sources         │            │            │',
        // Two articles state it: one row each.
        '│ field    │ launched: 2018                     │ journal-2021-06-01-chu │ Le Journal │ 2021-06-01 │',
        '│ field    │ launched: 2018                     │ gazette-2019-03-12-chu │ La Gazette │ 2019-03-12 │',
        '│ disputed │ launched: 2017-12 (annonce du      │ journal-2021-06-01-chu │ Le Journal │ 2021-06-01 │',
        '│          │ plan)                              │                        │            │            │',
        '└──────────┴────────────────────────────────────┴────────────────────────┴────────────┴────────────┘',
        '',
      ].join('\n'),
      err: '6 facts on Plan régional cancer [plan-regional], from 2 articles\n',
    });
    const chu = await run(['sources', 'chu-test'], TERMINAL);
    expect(chu.out).toContain('│ field    │ sector: public                     │ common knowledge       │');
    expect(chu.err).toBe(
      '11 facts on Centre hospitalier universitaire de Test (CHU de Test) [chu-test], from 3 articles\n',
    );
  });

  it('gives each field its name and basis in JSON, and the article only where there is one', async () => {
    const result = await run(['sources', 'chu-test', '--json']);
    expect(result.code).toBe(0);
    const { facts } = JSON.parse(result.out) as { facts: unknown[] };
    expect(facts.slice(4, 10)).toEqual([
      { fact: 'field', field: 'sector', detail: 'sector: public', basis: 'common-knowledge' },
      { fact: 'field', field: 'department', detail: 'department: 59', basis: 'record-sources' },
      { fact: 'field', field: 'city', detail: 'city: Lille', source: 'journal-2021-06-01-chu' },
      { fact: 'disputed', field: 'city', detail: 'city: Loos', source: 'hebdo-2020-02-02-chu' },
      { fact: 'field', field: 'founded', detail: 'founded: 1965', basis: 'record-sources' },
      {
        fact: 'disputed',
        field: 'founded',
        detail: 'founded: 1968 (date de la convention hospitalo-universitaire)',
        source: 'hebdo-2020-02-02-chu',
      },
    ]);
  });

  it('a record without field_sources keeps its one identity row', async () => {
    expect(await run(['sources', 'region-test'])).toEqual({
      code: 0,
      out: `fact\tdetail\tsource\toutlet\tdate\nrecord\tRégion de Test, local-authority, public, Hauts-de-France\t${GAZETTE}\n`,
      err: '',
    });
  });

  it('an article cited only by field_sources and disputed is cited by that record', async () => {
    expect(await run(['sources', 'hebdo-2020-02-02-chu'])).toEqual({
      code: 0,
      out: `fact\tdetail\tsource\toutlet\tdate\norganisation\tCentre hospitalier universitaire de Test (CHU de Test) [chu-test]\t${HEBDO}\n`,
      err: '',
    });
    const list = await run(['sources']);
    expect(list.out.split('\n').map((line) => line.split('\t').at(-1))).toEqual(['cited_by', '3', '1', '2', '']);
  });
});

describe('coop show: disputed values', () => {
  it('prints each disputed field with its value, the other values flagged beneath, on a terminal', async () => {
    expect(await run(['show', 'chu-test'], TERMINAL)).toEqual({
      code: 0,
      out: [
        'Centre hospitalier universitaire de Test (CHU de Test)',
        'chu-test · hospital · public',
        '',
        '  Location  Lille, Nord (59), Hauts-de-France',
        '  Founded   1965',
        '',
        'Disputed',
        '  city     Lille',
        '           ≠ Loos [2]',
        '  founded  1965',
        '           ≠ 1968 [2] (date de la convention hospitalo-universitaire)',
        '',
        'Sources',
        '┌─────┬────────────────────────┬────────────┬────────────┬─────────────────────────────────────────┐',
        '│     │ Article                │ Outlet     │ Date       │ Title                                   │',
        '├─────┼────────────────────────┼────────────┼────────────┼─────────────────────────────────────────┤',
        '│ [1] │ gazette-2019-03-12-chu │ La Gazette │ 2019-03-12 │ Le CHU de Test ouvre un institut du     │',
        '│     │                        │            │            │ cancer                                  │',
        "│ [2] │ hebdo-2020-02-02-chu   │ L'Hebdo    │ 2020-02-02 │ Cinquante ans de CHU                    │",
        '│ [3] │ journal-2021-06-01-chu │ Le Journal │ 2021-06-01 │ Le CHU de Test regroupe ses sites à     │',
        '│     │                        │            │            │ Lille                                   │',
        '└─────┴────────────────────────┴────────────┴────────────┴─────────────────────────────────────────┘',
        '',
      ].join('\n'),
      err: '',
    });
  });

  it('prints them as a table in a pipe: field, retained value, other value, its articles, note', async () => {
    expect(await run(['show', 'chu-test'])).toEqual({
      code: 0,
      out: [
        'Centre hospitalier universitaire de Test (CHU de Test)',
        'chu-test · hospital · public',
        '',
        'Location\tLille, Nord (59), Hauts-de-France',
        'Founded\t1965',
        '',
        '## Disputed',
        'field\tvalue\tdisputed\tsources\tnote',
        'city\tLille\tLoos\thebdo-2020-02-02-chu\t',
        'founded\t1965\t1968\thebdo-2020-02-02-chu\tdate de la convention hospitalo-universitaire',
        '',
        '## Sources',
        'id\toutlet\tdate\ttitle',
        `${GAZETTE}\tLe CHU de Test ouvre un institut du cancer`,
        `${HEBDO}\tCinquante ans de CHU`,
        `${JOURNAL}\tLe CHU de Test regroupe ses sites à Lille`,
        '',
      ].join('\n'),
      err: '',
    });
  });

  it('prints the disputed values of a programme too', async () => {
    expect(await run(['show', 'plan-regional'], TERMINAL)).toEqual({
      code: 0,
      out: [
        'Plan régional cancer',
        'plan-regional · programme',
        '',
        '  Funder    Région de Test [region-test]',
        '  Launched  2018',
        '',
        'Disputed',
        '  launched  2018',
        '            ≠ 2017-12 [2] (annonce du plan)',
        '',
        'Sources',
        '┌─────┬────────────────────────┬────────────┬────────────┬─────────────────────────────────────────┐',
        '│     │ Article                │ Outlet     │ Date       │ Title                                   │',
        '├─────┼────────────────────────┼────────────┼────────────┼─────────────────────────────────────────┤',
        '│ [1] │ gazette-2019-03-12-chu │ La Gazette │ 2019-03-12 │ Le CHU de Test ouvre un institut du     │',
        '│     │                        │            │            │ cancer                                  │',
        '│ [2] │ journal-2021-06-01-chu │ Le Journal │ 2021-06-01 │ Le CHU de Test regroupe ses sites à     │',
        '│     │                        │            │            │ Lille                                   │',
        '└─────┴────────────────────────┴────────────┴────────────┴─────────────────────────────────────────┘',
        '',
      ].join('\n'),
      err: '',
    });
  });

  it('has no Disputed section for a record without disputed values', async () => {
    const result = await run(['show', 'region-test']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('## Sources');
    expect(result.out).not.toContain('Disputed');
  });

  it('includes field_sources and disputed in --json, a disputed year as text', async () => {
    const result = await run(['show', 'chu-test', '--json']);
    expect(result.code).toBe(0);
    const { record } = JSON.parse(result.out) as { record: Record<string, unknown> };
    expect(record.field_sources).toEqual({ city: ['journal-2021-06-01-chu'], sector: 'common-knowledge' });
    expect(record.disputed).toEqual({
      city: [{ value: 'Loos', sources: ['hebdo-2020-02-02-chu'] }],
      founded: [
        {
          value: '1968',
          sources: ['hebdo-2020-02-02-chu'],
          note: 'date de la convention hospitalo-universitaire',
        },
      ],
    });
  });
});

describe('coop validate: field_sources and disputed', () => {
  it('accepts the fixture base', async () => {
    expect(await run(['validate'])).toEqual({
      code: 0,
      out: '✔ no problems: 2 organisations, 1 programme, 0 funding lines, 0 events, 3 articles\n',
      err: '',
    });
  });

  it('reports unknown keys, itemised fields, unknown articles, malformed entries and bad disputed values at their place', async () => {
    expect(await runOnFixture('field-sources-broken', ['validate'])).toEqual({
      code: 1,
      out: [
        // The key, not its value: "  citty:" on line 11.
        'data/organisations/chu-test.yaml:11:3: error: field_sources names "citty", a field this record does not have [unknown-sourced-field]',
        '  hint: did you mean "city"?',
        // A field of the data model, but not of this record.
        'data/organisations/chu-test.yaml:12:3: error: field_sources names "founded", a field this record does not have [unknown-sourced-field]',
        '  hint: fields of this record: name, kind, department, city',
        'data/organisations/chu-test.yaml:13:3: error: field_sources names "figures", whose items each name their own source [unknown-sourced-field]',
        '  hint: give each item of figures its source, and leave figures out of field_sources',
        // The second article of `city: [gazette-2019-03-12-chu, journal-2021-06-01-chu]`.
        'data/organisations/chu-test.yaml:14:34: error: source "journal-2021-06-01-chu" is not an article [unknown-reference]',
        'data/organisations/chu-test.yaml:18:17: error: source "hebdo-2020-02-02-chu" is not an article [unknown-reference]',
        // A disputed value is checked as a value of its field.
        'data/organisations/chu-test.yaml:20:14: error: "hopital" is not a valid kind [bad-enum]',
        '  hint: did you mean "hospital"?',
        'data/programmes/plan-regional.yaml:5:13: error: field_sources.launched must be a list of article ids or "common-knowledge", not the text "common-knowlege" [wrong-type]',
        'data/programmes/plan-regional.yaml:6:9: error: field_sources.name must list at least 1 article [missing-field]',
        'data/programmes/plan-regional.yaml:9:7: error: missing required field "sources" [missing-field]',
        'data/programmes/plan-regional.yaml:10:14: error: "fin 2018" is not a valid EDTF date (e.g. 2017-09-13, 2017-09, 2012-12~, 2015?, 2017-09/2019-03) [bad-date]',
        '✖ 10 errors, 0 warnings in 2 files (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)',
        '',
      ].join('\n'),
      err: '',
    });
  });
});

describe('coop schema: field_sources and disputed', () => {
  it('documents both maps and checks their shape', async () => {
    const schemas = JSON.parse((await runCoop(['schema'])).out) as Record<string, Record<string, unknown>>;
    for (const type of ['organisation', 'programme']) {
      const properties = schemas[type]!.properties as Record<string, { description?: string }>;
      expect(properties.field_sources!.description).toMatch(/^which articles state each field: .*"common-knowledge"/);
      expect(properties.disputed!.description).toMatch(/^other values other articles give for a field/);
    }
    const check = new Ajv2020({ strict: false }).compile(schemas.organisation!);
    const valid = { name: 'CHU X', kind: 'hospital', city: 'Lille', sources: ['gazette-2019-03-12-chu'] };
    expect(check({ ...valid, field_sources: { city: ['journal-2021-06-01-chu'], kind: 'common-knowledge' } })).toBe(
      true,
    );
    expect(check({ ...valid, field_sources: { city: 'common-knowlege' } })).toBe(false);
    expect(check({ ...valid, field_sources: { city: [] } })).toBe(false);
    expect(check({ ...valid, disputed: { city: [{ value: 'Loos', sources: ['hebdo-2020-02-02-chu'] }] } })).toBe(true);
    expect(check({ ...valid, disputed: { city: [{ value: 'Loos' }] } })).toBe(false);
  });
});

describe('the cache: field_sources and disputed', () => {
  it('answers sources, show and export from the stored records exactly as from the data files', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'coop-field-sources-cache-'));
    onTestFinished(() => rmSync(cacheDir, { recursive: true, force: true }));
    const env = { COOP_CACHE_DIR: cacheDir };
    for (const args of [
      ['sources', 'chu-test'],
      ['sources', 'plan-regional', '--json'],
      ['sources', 'hebdo-2020-02-02-chu'],
      ['sources'],
      ['show', 'chu-test'],
      ['show', 'chu-test', '--json'],
      ['export', '--table', 'organisations', '--format', 'csv'],
    ]) {
      const fromFiles = await run([...args, '--no-cache'], { env });
      await run(args, { env });
      expect(readdirSync(cacheDir)).toHaveLength(1);
      expect(await run(args, { env }), args.join(' ')).toEqual(fromFiles);
    }
  });
});
