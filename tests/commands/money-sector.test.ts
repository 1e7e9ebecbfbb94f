import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';
import { copyOf, refused } from '../writers.js';

// Issue #16 part 7, public money as the sector names it, recorded with coop's own commands into a
// copy of tests/fixtures/money-sector: « L'ARS alloue 1,2 M€ de crédits FIR non reconductibles et
// une dotation de 450 000 € par an. » (FIR: a programme of nature fund), « La CPTS réunit plus de
// 120 professionnels » (a figure at least 120), « environ 68 000 habitants » (approximate), and the
// FIR's budget of 300 M€ per year for 2026 and 2027, for operating costs. Outputs checked by hand.

const A = 'gazette-2026-03-02-cpts-val-de-brune';

async function recorded() {
  const base = copyOf('money-sector');
  const steps: Array<[string[], string, string]> = [
    [
      [
        'new',
        'programme',
        'fir',
        '--name',
        "Fonds d'intervention régional",
        '--short-name',
        'FIR',
        '--nature',
        'fund',
        '--funder',
        'ars-test',
        '--source',
        A,
      ],
      'data/programmes/fir.yaml\n',
      '',
    ],
    [
      [
        'add',
        'budget',
        'FIR',
        '--instrument',
        'unspecified',
        '--amount',
        '300M',
        '--per',
        'year',
        '--from',
        '2026',
        '--until',
        '2027',
        '--purpose',
        'operating',
        '--source',
        A,
      ],
      'data/programmes/fir.yaml\n',
      'added budget line to fir: unspecified, 300000000 per year\n',
    ],
    [
      [
        'add',
        'funding',
        '--programme',
        'FIR',
        '--recipient',
        'cpts-val-de-brune',
        '--funder',
        'ars-test',
        '--instrument',
        'unspecified',
        '--amount',
        '1,2 M€',
        '--recurrence',
        'non-renewable',
        '--stage',
        'awarded',
        '--source',
        A,
      ],
      'data/funding/fir.yaml\n',
      'added funding line fir-cpts-val-de-brune-unspecified: unspecified, 1200000 EUR, awarded\n',
    ],
    [
      [
        'add',
        'funding',
        '--programme',
        'FIR',
        '--recipient',
        'cpts-val-de-brune',
        '--funder',
        'ars-test',
        '--instrument',
        'dotation',
        '--amount',
        '450 000',
        '--per',
        'year',
        '--stage',
        'awarded',
        '--source',
        A,
      ],
      'data/funding/fir.yaml\n',
      'added funding line fir-cpts-val-de-brune-dotation: dotation, 450000 EUR per year, awarded\n',
    ],
    [
      [
        'add',
        'figure',
        'cpts-val-de-brune',
        '--metric',
        'professionals',
        '--value',
        '120',
        '--at-least',
        '--source',
        A,
      ],
      'data/organisations/cpts-val-de-brune.yaml\n',
      'added figure professionals = at least 120 to cpts-val-de-brune\n',
    ],
    [
      [
        'add',
        'figure',
        'cpts-val-de-brune',
        '--metric',
        'inhabitants',
        '--value',
        '68 000',
        '--approximate',
        '--source',
        A,
      ],
      'data/organisations/cpts-val-de-brune.yaml\n',
      'added figure inhabitants = about 68000 to cpts-val-de-brune\n',
    ],
  ];
  for (const [args, out, err] of steps) expect(await base.run(args)).toEqual({ code: 0, out, err });
  return base;
}

describe('public money as the sector names it', () => {
  it('records the sentences with coop commands, as precise as the article and no more', async () => {
    const base = await recorded();
    expect(base.read('programmes/fir.yaml')).toBe(PROGRAMME_FILE);
    expect(base.read('funding/fir.yaml')).toBe(FUNDING_FILE);
    expect(base.read('organisations/cpts-val-de-brune.yaml')).toBe(CPTS_FILE);
    expect(await base.run(['validate'])).toEqual({
      code: 0,
      out: '✔ no problems: 2 organisations, 1 programme, 2 funding lines, 0 events, 1 article\n',
      err: '',
    });
  });

  it('show: hedged figures, per-year amounts and their terms, in English and in French', async () => {
    const base = await recorded();
    expect(await base.run(['show', 'cpts-val-de-brune'], { tty: true })).toEqual({ code: 0, out: SHOW_CPTS, err: '' });
    expect(await base.run(['show', 'cpts-val-de-brune', '--lang', 'fr'], { tty: true })).toEqual({
      code: 0,
      out: SHOW_CPTS_FR,
      err: '',
    });
    expect(await base.run(['show', 'cpts-val-de-brune'])).toEqual({ code: 0, out: SHOW_CPTS_PIPE, err: '' });
    expect(await base.run(['show', 'fir'], { tty: true })).toEqual({ code: 0, out: SHOW_FIR, err: '' });
    expect(await base.run(['show', 'fir'])).toEqual({ code: 0, out: SHOW_FIR_PIPE, err: '' });
    expect(await base.run(['show', 'fir-cpts-val-de-brune-dotation', '--lang', 'fr'], { tty: true })).toEqual({
      code: 0,
      out: SHOW_DOTATION_FR,
      err: '',
    });
  });

  it('sources: each figure and line with its hedge and period, and its article', async () => {
    const base = await recorded();
    expect(await base.run(['sources', 'cpts-val-de-brune'])).toEqual({
      code: 0,
      out:
        'fact\tdetail\tsource\toutlet\tdate\n' +
        `record\tCPTS du Val de Brune, cpts\t${A}\tLa Gazette\t2026-03-02\n` +
        `figure\tprofessionals = at least 120\t${A}\tLa Gazette\t2026-03-02\n` +
        `figure\tinhabitants = c. 68000\t${A}\tLa Gazette\t2026-03-02\n` +
        `funding\tunspecified 1200000 EUR awarded (FIR)\t${A}\tLa Gazette\t2026-03-02\n` +
        `funding\tdotation 450000 EUR per year awarded (FIR)\t${A}\tLa Gazette\t2026-03-02\n`,
      err: '',
    });
  });

  it('funding: the per-year dotation is totalled apart from the one-off credits', async () => {
    const base = await recorded();
    expect(await base.run(['funding', '--program', 'FIR'], { tty: true })).toEqual({
      code: 0,
      out: FUNDING_TERMINAL,
      err: '',
    });
    expect(await base.run(['funding', '--program', 'FIR'])).toEqual({ code: 0, out: FUNDING_PIPE, err: '' });
    expect((await base.run(['graph', 'cpts-val-de-brune', '--format', 'dot'])).out).toContain(
      '"fir" -> "cpts-val-de-brune" [label="dotation, 450 k€ per year, awarded"',
    );
  });

  it('a per-year line of the same instrument and stage as a one-off one still makes its own total', async () => {
    const base = await recorded();
    expect(
      (
        await base.run([
          'add',
          'funding',
          '--programme',
          'FIR',
          '--recipient',
          'cpts-val-de-brune',
          '--instrument',
          'dotation',
          '--amount',
          '100k',
          '--stage',
          'awarded',
          '--note',
          'same instrument and stage, one-off',
          '--source',
          A,
        ])
      ).code,
    ).toBe(0);
    const totals = (await base.run(['funding', '--program', 'FIR'])).out
      .split('\n')
      .filter((row) => row.startsWith('total\t'));
    expect(totals.map((row) => row.split('\t')).map((cells) => [cells[5], cells[7], cells[11], cells[25]])).toEqual([
      ['dotation', '100000', '1', ''],
      ['dotation', '450000', '1', 'year'],
      ['unspecified', '1200000', '1', ''],
    ]);
    expect((await base.run(['stats'])).out.split('\n').filter((row) => row.startsWith('money\t'))).toEqual([
      'money\tfir\tdotation/awarded\t1\t100000\tEUR\texact\t100000\t100000\t',
      'money\tfir\tdotation/awarded\t1\t450000\tEUR\texact\t450000\t450000\tyear',
      'money\tfir\tunspecified/awarded\t1\t1200000\tEUR\texact\t1200000\t1200000\t',
    ]);
  });

  it("export: JSON and CSV carry nature, recurrence, purpose, per and the figures' hedges", async () => {
    const base = await recorded();
    const exported = JSON.parse((await base.run(['export'])).out);
    expect(exported.programmes).toEqual(EXPORT_PROGRAMMES);
    expect(exported.funding).toEqual(EXPORT_FUNDING);
    expect(exported.organisations[1].figures).toEqual([
      { metric: 'professionals', value: 120, at_least: true, source: A },
      { metric: 'inhabitants', value: 68000, approximate: true, source: A },
    ]);
    expect(await base.run(['export', '--table', 'funding', '--format', 'csv'])).toEqual({
      code: 0,
      out: FUNDING_CSV,
      err: '',
    });
    expect(await base.run(['export', '--table', 'programmes', '--format', 'csv'])).toEqual({
      code: 0,
      out: PROGRAMMES_CSV,
      err: '',
    });
  });

  it('export --format sql: the columns are typed, and money_by_programme keeps per-year sums apart', async () => {
    const base = await recorded();
    const sql = await base.run(['export', '--format', 'sql']);
    expect(sql.code).toBe(0);
    const db = new (await initSqlJs()).Database();
    db.exec(sql.out);
    const rows = (query: string) => db.exec(query)[0]!.values;
    expect(rows('SELECT id, nature FROM programmes')).toEqual([['fir', 'fund']]);
    expect(rows('SELECT id, instrument, recurrence, per FROM funding ORDER BY id')).toEqual([
      ['fir-cpts-val-de-brune-dotation', 'dotation', null, 'year'],
      ['fir-cpts-val-de-brune-unspecified', 'unspecified', 'non-renewable', null],
    ]);
    expect(
      rows(
        "SELECT instrument, stage, amount, lines, per FROM money_by_programme WHERE programme = 'fir' ORDER BY instrument",
      ),
    ).toEqual([
      ['dotation', 'awarded', 450000, 1, 'year'],
      ['unspecified', 'awarded', 1200000, 1, null],
    ]);
  });
});

describe('the site', () => {
  it('says the FIR is a fund, and gives per-year amounts and terms in French', async () => {
    const base = await recorded();
    expect((await base.run(['site', '--out', 'site'])).code).toBe(0);
    const page = readFileSync(join(base.root, 'site', 'programmes', 'fir', 'index.html'), 'utf8');
    expect(page).toContain('<dt>Nature</dt><dd>fonds</dd>');
    expect(page).toContain('<td class="num">450\u00a0000\u00a0€ par an</td>');
    expect(page).toContain('<td class="num">1,2\u00a0M€ (non reconductible)</td>');
    expect(page).toContain('non précisé : 300\u00a0M€ par an (fonctionnement, de 2026 à 2027)');
    const tree = readFileSync(join(base.root, 'site', 'programmes', 'index.html'), 'utf8');
    expect(tree).toContain('<span class="when">(fonds)</span>');
  });
});

describe('bad mixes of public money and figures', () => {
  it('coop add refuses a bad figure or a bad term before reading the base, every problem at once', async () => {
    const base = copyOf('money-sector');
    const figure = ['add', 'figure', 'cpts-val-de-brune', '--metric', 'professionals', '--source', A];
    expect(await refused(base, [...figure, '--value', '120', '--min', '100'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --value and --min/--max exclude each other\n  hint: give one value, or a range\n',
    });
    expect(await refused(base, [...figure, '--min', '20', '--max', '30', '--at-least'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --at-least does not apply to a range\n  hint: its bounds already say it\n',
    });
    expect(
      await refused(base, [
        'add',
        'funding',
        '--programme',
        'fir',
        '--instrument',
        'dotation',
        '--amount',
        '450k',
        '--stage',
        'awarded',
        '--recurrence',
        'sometimes',
        '--per',
        'month',
        '--from',
        '2026-13',
        '--source',
        A,
      ]),
    ).toEqual({
      code: 2,
      out: '',
      err:
        'coop: --recurrence "sometimes" is not one of: one-off, recurring, non-renewable\n' +
        'coop: --per "month" is not one of: year\n' +
        'coop: --from: "2026-13" is not a valid EDTF date (e.g. 2017-09-13, 2017-09, 2012-12~, 2015?, 2017-09/2019-03)\n' +
        '  hint: write an EDTF date: 2017-09-13, 2017-09, 2018, 2012-12~ (approximately), 2015? (uncertain), 2017-09/2019-03 (between)\n',
    });
  });

  it('coop set takes the new fields, and refuses a value with a range or a one-off amount per year', async () => {
    const base = await recorded();
    expect(await base.run(['set', 'fir', 'nature', 'plan'])).toEqual({
      code: 0,
      out: 'data/programmes/fir.yaml\n',
      err: 'set nature of fir to "plan"\n',
    });
    expect(base.read('programmes/fir.yaml')).toBe(PROGRAMME_FILE.replace('nature: fund', 'nature: plan'));
    expect(await refused(base, ['set', 'cpts-val-de-brune', 'figures.inhabitants.value_min', '60000'])).toEqual({
      code: 1,
      out: '',
      err:
        'data/organisations/cpts-val-de-brune.yaml:10:16: error: give either value or value_min and value_max, not both [figure-form]\n' +
        '  hint: say no more than the article: "entre 20 et 30" is a range, "plus de 120" is at_least, "jusqu\'à" is upper_bound\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    });
    expect(await refused(base, ['set', 'fir-cpts-val-de-brune-dotation', 'recurrence', 'one-off'])).toEqual({
      code: 1,
      out: '',
      err:
        'data/funding/fir.yaml:19:15: error: an amount per year is not one-off: per and recurrence contradict each other [amount-form]\n' +
        '  hint: drop recurrence: one-off, or per: year, whichever the article says\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    });
  });

  it('reports each at its field, with its rule', async () => {
    expect(await runOnFixture('money-sector-invalid', ['validate'])).toEqual({
      code: 1,
      out: INVALID,
      err: '',
    });
  });
});

const PROGRAMME_FILE = `name: Fonds d'intervention régional
short_name: FIR
nature: fund
funder: ars-test
budget:
  - instrument: unspecified
    amount: 300000000
    purpose: operating
    per: year
    from: "2026"
    until: "2027"
    source: gazette-2026-03-02-cpts-val-de-brune
sources:
  - gazette-2026-03-02-cpts-val-de-brune
`;

const FUNDING_FILE = `- id: fir-cpts-val-de-brune-unspecified
  programme: fir
  recipient: cpts-val-de-brune
  funder: ars-test
  instrument: unspecified
  amount: 1200000
  currency: EUR
  stage: awarded
  recurrence: non-renewable
  source: gazette-2026-03-02-cpts-val-de-brune
- id: fir-cpts-val-de-brune-dotation
  programme: fir
  recipient: cpts-val-de-brune
  funder: ars-test
  instrument: dotation
  amount: 450000
  currency: EUR
  stage: awarded
  per: year
  source: gazette-2026-03-02-cpts-val-de-brune
`;

const CPTS_FILE = `name: CPTS du Val de Brune
kind: cpts
figures:
  - metric: professionals
    value: 120
    at_least: true
    source: gazette-2026-03-02-cpts-val-de-brune
  - metric: inhabitants
    value: 68000
    approximate: true
    source: gazette-2026-03-02-cpts-val-de-brune
sources: [gazette-2026-03-02-cpts-val-de-brune]
`;

const SHOW_CPTS = `CPTS du Val de Brune
cpts-val-de-brune · cpts

Figures
┌───────────────┬──────────┬──────┬───────┬────────┬──────┐
│ Metric        │ Value    │ Unit │ As of │ Source │ Note │
├───────────────┼──────────┼──────┼───────┼────────┼──────┤
│ professionals │ ≥ 120    │      │       │ [1]    │      │
│ inhabitants   │ ≈ 68,000 │      │       │ [1]    │      │
└───────────────┴──────────┴──────┴───────┴────────┴──────┘

Funding received
┌──────────────────┬───────────────────┬─────────────┬─────────┬───────────────────┬──────┬────────┐
│ Programme        │ Recipient         │ Instrument  │ Stage   │ Amount            │ Date │ Source │
├──────────────────┼───────────────────┼─────────────┼─────────┼───────────────────┼──────┼────────┤
│ Fonds            │ CPTS du Val de    │ unspecified │ awarded │ 1.2 M€            │      │ [1]    │
│ d'intervention   │ Brune             │             │         │ (non-renewable)   │      │        │
│ régional (FIR)   │                   │             │         │                   │      │        │
│ Fonds            │ CPTS du Val de    │ dotation    │ awarded │ 450 k€ per year   │      │ [1]    │
│ d'intervention   │ Brune             │             │         │                   │      │        │
│ régional (FIR)   │                   │             │         │                   │      │        │
└──────────────────┴───────────────────┴─────────────┴─────────┴───────────────────┴──────┴────────┘

Sources
┌─────┬──────────────────────────────────────┬────────────┬────────────┬───────────────────────────┐
│     │ Article                              │ Outlet     │ Date       │ Title                     │
├─────┼──────────────────────────────────────┼────────────┼────────────┼───────────────────────────┤
│ [1] │ gazette-2026-03-02-cpts-val-de-brune │ La Gazette │ 2026-03-02 │ L'ARS soutient la CPTS du │
│     │                                      │            │            │ Val de Brune              │
└─────┴──────────────────────────────────────┴────────────┴────────────┴───────────────────────────┘
`;

const SHOW_CPTS_FR = `CPTS du Val de Brune
cpts-val-de-brune · CPTS

Figures
┌───────────────┬──────────┬──────┬───────┬────────┬──────┐
│ Metric        │ Value    │ Unit │ As of │ Source │ Note │
├───────────────┼──────────┼──────┼───────┼────────┼──────┤
│ professionals │ ≥ 120    │      │       │ [1]    │      │
│ inhabitants   │ ≈ 68 000 │      │       │ [1]    │      │
└───────────────┴──────────┴──────┴───────┴────────┴──────┘

Funding received
┌──────────────────┬──────────────────┬─────────────┬──────────┬───────────────────┬──────┬────────┐
│ Programme        │ Recipient        │ Instrument  │ Stage    │ Amount            │ Date │ Source │
├──────────────────┼──────────────────┼─────────────┼──────────┼───────────────────┼──────┼────────┤
│ Fonds            │ CPTS du Val de   │ non précisé │ attribué │ 1.2 M€ (non       │      │ [1]    │
│ d'intervention   │ Brune            │             │          │ reconductible)    │      │        │
│ régional (FIR)   │                  │             │          │                   │      │        │
│ Fonds            │ CPTS du Val de   │ dotation    │ attribué │ 450 k€ / an       │      │ [1]    │
│ d'intervention   │ Brune            │             │          │                   │      │        │
│ régional (FIR)   │                  │             │          │                   │      │        │
└──────────────────┴──────────────────┴─────────────┴──────────┴───────────────────┴──────┴────────┘

Sources
┌─────┬──────────────────────────────────────┬────────────┬────────────┬───────────────────────────┐
│     │ Article                              │ Outlet     │ Date       │ Title                     │
├─────┼──────────────────────────────────────┼────────────┼────────────┼───────────────────────────┤
│ [1] │ gazette-2026-03-02-cpts-val-de-brune │ La Gazette │ 2026-03-02 │ L'ARS soutient la CPTS du │
│     │                                      │            │            │ Val de Brune              │
└─────┴──────────────────────────────────────┴────────────┴────────────┴───────────────────────────┘
`;

const SHOW_CPTS_PIPE = `CPTS du Val de Brune
cpts-val-de-brune · cpts

## Figures
metric	value	unit	as_of	source	note	qualifier	value_min	value_max	per
professionals	120			gazette-2026-03-02-cpts-val-de-brune		at-least			
inhabitants	68000			gazette-2026-03-02-cpts-val-de-brune		approximate			

## Funding received
id	programme	recipient	instrument	stage	amount	currency	upper_bound	date	source	qualifier	amount_min	amount_max	recipients_count	recurrence	purpose	per	from	until
fir-cpts-val-de-brune-unspecified	fir	cpts-val-de-brune	unspecified	awarded	1200000	EUR			gazette-2026-03-02-cpts-val-de-brune	exact				non-renewable				
fir-cpts-val-de-brune-dotation	fir	cpts-val-de-brune	dotation	awarded	450000	EUR			gazette-2026-03-02-cpts-val-de-brune	exact						year		

## Sources
id	outlet	date	title
gazette-2026-03-02-cpts-val-de-brune	La Gazette	2026-03-02	L'ARS soutient la CPTS du Val de Brune
`;

const SHOW_FIR = `Fonds d'intervention régional (FIR)
fir · programme

  Nature  fund
  Funder  Agence régionale de santé Test (ARS Test) [ars-test]

Budget
┌─────────────┬───────────────────────────────────────────┬────────┬──────┐
│ Instrument  │ Amount                                    │ Source │ Note │
├─────────────┼───────────────────────────────────────────┼────────┼──────┤
│ unspecified │ 300 M€ per year (operating, 2026 to 2027) │ [1]    │      │
└─────────────┴───────────────────────────────────────────┴────────┴──────┘

Funding lines (with the programmes it carries)
┌──────────────────┬───────────────────┬─────────────┬─────────┬───────────────────┬──────┬────────┐
│ Programme        │ Recipient         │ Instrument  │ Stage   │ Amount            │ Date │ Source │
├──────────────────┼───────────────────┼─────────────┼─────────┼───────────────────┼──────┼────────┤
│ Fonds            │ CPTS du Val de    │ unspecified │ awarded │ 1.2 M€            │      │ [1]    │
│ d'intervention   │ Brune             │             │         │ (non-renewable)   │      │        │
│ régional (FIR)   │                   │             │         │                   │      │        │
│ Fonds            │ CPTS du Val de    │ dotation    │ awarded │ 450 k€ per year   │      │ [1]    │
│ d'intervention   │ Brune             │             │         │                   │      │        │
│ régional (FIR)   │                   │             │         │                   │      │        │
└──────────────────┴───────────────────┴─────────────┴─────────┴───────────────────┴──────┴────────┘

Sources
┌─────┬──────────────────────────────────────┬────────────┬────────────┬───────────────────────────┐
│     │ Article                              │ Outlet     │ Date       │ Title                     │
├─────┼──────────────────────────────────────┼────────────┼────────────┼───────────────────────────┤
│ [1] │ gazette-2026-03-02-cpts-val-de-brune │ La Gazette │ 2026-03-02 │ L'ARS soutient la CPTS du │
│     │                                      │            │            │ Val de Brune              │
└─────┴──────────────────────────────────────┴────────────┴────────────┴───────────────────────────┘
`;

const SHOW_FIR_PIPE = `Fonds d'intervention régional (FIR)
fir · programme

Nature	fund
Funder	Agence régionale de santé Test (ARS Test) [ars-test]

## Budget
instrument	amount	currency	source	note	qualifier	amount_min	amount_max	recurrence	purpose	per	from	until
unspecified	300000000	EUR	gazette-2026-03-02-cpts-val-de-brune		exact				operating	year	2026	2027

## Funding lines (with the programmes it carries)
id	programme	recipient	instrument	stage	amount	currency	upper_bound	date	source	qualifier	amount_min	amount_max	recipients_count	recurrence	purpose	per	from	until
fir-cpts-val-de-brune-unspecified	fir	cpts-val-de-brune	unspecified	awarded	1200000	EUR			gazette-2026-03-02-cpts-val-de-brune	exact				non-renewable				
fir-cpts-val-de-brune-dotation	fir	cpts-val-de-brune	dotation	awarded	450000	EUR			gazette-2026-03-02-cpts-val-de-brune	exact						year		

## Sources
id	outlet	date	title
gazette-2026-03-02-cpts-val-de-brune	La Gazette	2026-03-02	L'ARS soutient la CPTS du Val de Brune
`;

const SHOW_DOTATION_FR = `dotation of 450 k€ / an to CPTS du Val de Brune
fir-cpts-val-de-brune-dotation · funding line

  Programme   Fonds d'intervention régional (FIR) [fir]
  Recipient   CPTS du Val de Brune [cpts-val-de-brune]
  Funder      Agence régionale de santé Test (ARS Test) [ars-test]
  Instrument  dotation
  Stage       attribué
  Amount      450 k€ / an

Sources
┌─────┬──────────────────────────────────────┬────────────┬────────────┬───────────────────────────┐
│     │ Article                              │ Outlet     │ Date       │ Title                     │
├─────┼──────────────────────────────────────┼────────────┼────────────┼───────────────────────────┤
│ [1] │ gazette-2026-03-02-cpts-val-de-brune │ La Gazette │ 2026-03-02 │ L'ARS soutient la CPTS du │
│     │                                      │            │            │ Val de Brune              │
└─────┴──────────────────────────────────────┴────────────┴────────────┴───────────────────────────┘
`;

const FUNDING_TERMINAL = `Fonds d'intervention régional (FIR) · fund

Funding lines
┌──────────────────┬───────────────────┬─────────────┬─────────┬───────────────────┬──────┬────────┐
│ Programme        │ Recipient         │ Instrument  │ Stage   │ Amount            │ Date │ Source │
├──────────────────┼───────────────────┼─────────────┼─────────┼───────────────────┼──────┼────────┤
│ Fonds            │ CPTS du Val de    │ dotation    │ awarded │ 450 k€ per year   │      │ [1]    │
│ d'intervention   │ Brune             │             │         │                   │      │        │
│ régional (FIR)   │                   │             │         │                   │      │        │
│ Fonds            │ CPTS du Val de    │ unspecified │ awarded │ 1.2 M€            │      │ [1]    │
│ d'intervention   │ Brune             │             │         │ (non-renewable)   │      │        │
│ régional (FIR)   │                   │             │         │                   │      │        │
└──────────────────┴───────────────────┴─────────────┴─────────┴───────────────────┴──────┴────────┘

Totals (by instrument and stage: grants are never added to equity, nor potential to awarded money)
┌─────────────┬─────────┬───────┬─────────────────┐
│ Instrument  │ Stage   │ Lines │ Total           │
├─────────────┼─────────┼───────┼─────────────────┤
│ dotation    │ awarded │ 1     │ 450 k€ per year │
│ unspecified │ awarded │ 1     │ 1.2 M€          │
└─────────────┴─────────┴───────┴─────────────────┘

Programme budget
┌─────────────────────────────────┬─────────────┬──────────────────────────────────┬────────┬──────┐
│ Programme                       │ Instrument  │ Amount                           │ Source │ Note │
├─────────────────────────────────┼─────────────┼──────────────────────────────────┼────────┼──────┤
│ Fonds d'intervention régional   │ unspecified │ 300 M€ per year (operating, 2026 │ [1]    │      │
│ (FIR)                           │             │ to 2027)                         │        │      │
└─────────────────────────────────┴─────────────┴──────────────────────────────────┴────────┴──────┘

Sources
┌─────┬──────────────────────────────────────┬────────────┬────────────┬───────────────────────────┐
│     │ Article                              │ Outlet     │ Date       │ Title                     │
├─────┼──────────────────────────────────────┼────────────┼────────────┼───────────────────────────┤
│ [1] │ gazette-2026-03-02-cpts-val-de-brune │ La Gazette │ 2026-03-02 │ L'ARS soutient la CPTS du │
│     │                                      │            │            │ Val de Brune              │
└─────┴──────────────────────────────────────┴────────────┴────────────┴───────────────────────────┘
`;

const FUNDING_PIPE = `row	id	programme	recipient	funder	instrument	stage	amount	currency	upper_bound	date	lines	source	qualifier	amount_min	amount_max	approximate	recipients_count	per_recipient_min	per_recipient_max	programme_name	recipient_name	depth	recurrence	purpose	per	from	until	nature
line	fir-cpts-val-de-brune-dotation	fir	cpts-val-de-brune	ars-test	dotation	awarded	450000	EUR	false		1	gazette-2026-03-02-cpts-val-de-brune	exact	450000	450000	false				Fonds d'intervention régional (FIR)	CPTS du Val de Brune				year			
line	fir-cpts-val-de-brune-unspecified	fir	cpts-val-de-brune	ars-test	unspecified	awarded	1200000	EUR	false		1	gazette-2026-03-02-cpts-val-de-brune	exact	1200000	1200000	false				Fonds d'intervention régional (FIR)	CPTS du Val de Brune		non-renewable					
total		fir			dotation	awarded	450000	EUR	false		1		exact	450000	450000	false				Fonds d'intervention régional (FIR)					year			fund
total		fir			unspecified	awarded	1200000	EUR	false		1		exact	1200000	1200000	false				Fonds d'intervention régional (FIR)								fund
budget		fir			unspecified		300000000	EUR	false			gazette-2026-03-02-cpts-val-de-brune	exact	300000000	300000000	false				Fonds d'intervention régional (FIR)				operating	year	2026	2027	
`;

const FUNDING_CSV =
  'id,programme,recipient,recipients_count,per_recipient_min,per_recipient_max,funder,instrument,amount,amount_min,amount_max,currency,stage,upper_bound,approximate,at_least,recurrence,purpose,per,from,until,date,note,source,file\r\n' +
  'fir-cpts-val-de-brune-dotation,fir,cpts-val-de-brune,,,,ars-test,dotation,450000,,,EUR,awarded,,,,,,year,,,,,gazette-2026-03-02-cpts-val-de-brune,funding/fir.yaml\r\n' +
  'fir-cpts-val-de-brune-unspecified,fir,cpts-val-de-brune,,,,ars-test,unspecified,1200000,,,EUR,awarded,,,,non-renewable,,,,,,,gazette-2026-03-02-cpts-val-de-brune,funding/fir.yaml\r\n';

const PROGRAMMES_CSV =
  'id,name,short_name,aliases,nature,parent,funder,launched,opens,closes,budget,figures,description,note,sources,field_sources,disputed,file\r\n' +
  'fir,Fonds d\'intervention régional,FIR,,fund,,ars-test,,,,"[{""instrument"":""unspecified"",""amount"":300000000,""currency"":""EUR"",""purpose"":""operating"",""per"":""year"",""from"":""2026"",""until"":""2027"",""source"":""gazette-2026-03-02-cpts-val-de-brune""}]",,,,gazette-2026-03-02-cpts-val-de-brune,,,programmes/fir.yaml\r\n';

const INVALID = `data/funding/fir.yaml:7:15: error: an amount per year is not one-off: per and recurrence contradict each other [amount-form]
  hint: drop recurrence: one-off, or per: year, whichever the article says
data/funding/fir.yaml:18:10: error: until (2026) is before from (2027) [date-order]
data/organisations/cpts-des-monts.yaml:6:16: error: value_min (30) must be below value_max (20) [figure-form]
  hint: swap them; for one value, write value (with approximate: true if the article says "environ")
data/organisations/cpts-des-monts.yaml:11:15: error: at_least does not apply to a range: its bounds already say it [figure-form]
  hint: say no more than the article: "entre 20 et 30" is a range, "plus de 120" is at_least, "jusqu'à" is upper_bound
data/organisations/cpts-du-lac.yaml:5:16: error: a range needs both bounds: value_max is missing [figure-form]
  hint: say no more than the article: "entre 20 et 30" is a range, "plus de 120" is at_least, "jusqu'à" is upper_bound
data/organisations/cpts-val-de-brune.yaml:6:16: error: give either value or value_min and value_max, not both [figure-form]
  hint: say no more than the article: "entre 20 et 30" is a range, "plus de 120" is at_least, "jusqu'à" is upper_bound
data/programmes/fir.yaml:3:9: error: "fonds" is not a valid nature [bad-enum]
  hint: one of: programme, fund, dotation, plan, call
data/programmes/fir.yaml:8:10: error: "month" is not a valid per [bad-enum]
  hint: one of: year
✖ 8 errors, 0 warnings in 5 files (1 organisation, 0 programmes, 1 funding line, 0 events, 1 article loaded)
`;

const EXPORT_PROGRAMMES = [
  {
    id: 'fir',
    name: "Fonds d'intervention régional",
    short_name: 'FIR',
    nature: 'fund',
    funder: 'ars-test',
    budget: [
      {
        instrument: 'unspecified',
        amount: 300000000,
        currency: 'EUR',
        purpose: 'operating',
        per: 'year',
        from: '2026',
        until: '2027',
        source: 'gazette-2026-03-02-cpts-val-de-brune',
      },
    ],
    sources: ['gazette-2026-03-02-cpts-val-de-brune'],
    file: 'programmes/fir.yaml',
  },
];

const EXPORT_FUNDING = [
  {
    id: 'fir-cpts-val-de-brune-dotation',
    programme: 'fir',
    recipient: 'cpts-val-de-brune',
    funder: 'ars-test',
    instrument: 'dotation',
    amount: 450000,
    currency: 'EUR',
    stage: 'awarded',
    per: 'year',
    source: 'gazette-2026-03-02-cpts-val-de-brune',
    file: 'funding/fir.yaml',
  },
  {
    id: 'fir-cpts-val-de-brune-unspecified',
    programme: 'fir',
    recipient: 'cpts-val-de-brune',
    funder: 'ars-test',
    instrument: 'unspecified',
    amount: 1200000,
    currency: 'EUR',
    stage: 'awarded',
    recurrence: 'non-renewable',
    source: 'gazette-2026-03-02-cpts-val-de-brune',
    file: 'funding/fir.yaml',
  },
];
