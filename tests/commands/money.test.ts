import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCoop, runOnFixture } from '../helpers.js';

/**
 * tests/fixtures/money-base: money as vague as its articles. Plan santé (PS) carries Territoires de
 * santé (TS), which carries a call for projects (opens, closes, an approximate budget). The call's
 * lines: 12 unnamed laureates sharing 20–30 M€ (200 k€–2 M€ each), about 10 M€ to Hôpital A, more
 * than 5 M€ of an unspecified instrument to Clinique B; PS gives Hôpital A exactly 3 M€. Events: a
 * launch, an award cited by two articles, a cancelled visit, a planned deadline and selection.
 */
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };
const money = (args: string[], options = {}) => runOnFixture('money-base', args, options);

describe('coop funding: vague amounts', () => {
  it('never adds a vague amount into an exact one: ranges, ≈ and ≥ in lines, totals and the tree', async () => {
    // grant awarded: 3 M€ + ≈ 10 M€ + 20–30 M€ = ≈ 33–43 M€; the unspecified ≥ 5 M€ stays apart.
    expect(await money(['funding', '--program', 'PS'], TERMINAL)).toEqual({
      code: 0,
      out: `Plan santé (PS) with Territoires de santé (TS), Appel à projets Territoires de santé 2026

Funding lines
┌──────────────────────┬──────────────────────┬─────────────┬───────────┬──────────┬──────┬────────┐
│ Programme            │ Recipient            │ Instrument  │ Stage     │ Amount   │ Date │ Source │
├──────────────────────┼──────────────────────┼─────────────┼───────────┼──────────┼──────┼────────┤
│ Appel à projets      │ 12 recipients (200   │ grant       │ awarded   │ 20–30 M€ │      │ [1]    │
│ Territoires de santé │ k€–2 M€ each)        │             │           │          │      │        │
│ 2026                 │                      │             │           │          │      │        │
│ Appel à projets      │ Clinique B           │ unspecified │ announced │ ≥ 5 M€   │      │ [2]    │
│ Territoires de santé │                      │             │           │          │      │        │
│ 2026                 │                      │             │           │          │      │        │
│ Appel à projets      │ Hôpital A            │ grant       │ awarded   │ ≈ 10 M€  │      │ [1]    │
│ Territoires de santé │                      │             │           │          │      │        │
│ 2026                 │                      │             │           │          │      │        │
│ Plan santé (PS)      │ Hôpital A            │ grant       │ awarded   │ 3 M€     │      │ [3]    │
└──────────────────────┴──────────────────────┴─────────────┴───────────┴──────────┴──────┴────────┘

Totals (by instrument and stage: grants are never added to equity, nor potential to awarded money)
┌─────────────┬───────────┬───────┬────────────┐
│ Instrument  │ Stage     │ Lines │ Total      │
├─────────────┼───────────┼───────┼────────────┤
│ grant       │ awarded   │ 3     │ ≈ 33–43 M€ │
│ unspecified │ announced │ 1     │ ≥ 5 M€     │
└─────────────┴───────────┴───────┴────────────┘

By programme (each subtotal includes the programmes below it)
┌─────────────────────────┬────────────┬────────────┬─────────────┬───────────┬───────┬────────────┐
│ Programme               │ Opens      │ Closes     │ Instrument  │ Stage     │ Lines │ Subtotal   │
├─────────────────────────┼────────────┼────────────┼─────────────┼───────────┼───────┼────────────┤
│ Plan santé (PS)         │            │            │ grant       │ awarded   │ 3     │ ≈ 33–43 M€ │
│                         │            │            │ unspecified │ announced │ 1     │ ≥ 5 M€     │
│ · Territoires de santé  │            │            │ grant       │ awarded   │ 2     │ ≈ 30–40 M€ │
│ (TS)                    │            │            │             │           │       │            │
│                         │            │            │ unspecified │ announced │ 1     │ ≥ 5 M€     │
│ · · Appel à projets     │ 2026-01-10 │ 2026-03-31 │ grant       │ awarded   │ 2     │ ≈ 30–40 M€ │
│ Territoires de santé    │            │            │             │           │       │            │
│ 2026                    │            │            │             │           │       │            │
│                         │            │            │ unspecified │ announced │ 1     │ ≥ 5 M€     │
└─────────────────────────┴────────────┴────────────┴─────────────┴───────────┴───────┴────────────┘

Programme budget
┌───────────────────────────────────────────┬─────────────┬──────────┬────────┬──────┐
│ Programme                                 │ Instrument  │ Amount   │ Source │ Note │
├───────────────────────────────────────────┼─────────────┼──────────┼────────┼──────┤
│ Plan santé (PS)                           │ grant       │ ≥ 100 M€ │ [3]    │      │
│ Appel à projets Territoires de santé 2026 │ unspecified │ ≈ 30 M€  │ [3]    │      │
└───────────────────────────────────────────┴─────────────┴──────────┴────────┴──────┘

Sources
┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐
│     │ Article                     │ Outlet     │ Date       │ Title                              │
├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤
│ [1] │ journal-2026-06-02-laureats │ Le Journal │ 2026-06-02 │ Douze lauréats pour l'appel        │
│     │                             │            │            │ territoires de santé               │
│ [2] │ revue-2026-06-03-laureats   │ La Revue   │ 2026-06-03 │ Les lauréats de l'appel annoncés   │
│ [3] │ gazette-2026-01-10-appel    │ La Gazette │ 2026-01-10 │ Un appel à projets pour les        │
│     │                             │            │            │ territoires de santé               │
└─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘
`,
      err: '',
    });
  });

  it('names programmes and recipients in a pipe, with the qualifier and bounds of each row', async () => {
    expect(await money(['funding', '--program', 'TS'])).toEqual({
      code: 0,
      out: `row	id	programme	recipient	funder	instrument	stage	amount	currency	upper_bound	date	lines	source	qualifier	amount_min	amount_max	approximate	recipients_count	per_recipient_min	per_recipient_max	programme_name	recipient_name	depth	recurrence	purpose	per	from	until	nature
line	appel-ts-2026-laureats	appel-ts-2026			grant	awarded		EUR	false		1	journal-2026-06-02-laureats	range	20000000	30000000	false	12	200000	2000000	Appel à projets Territoires de santé 2026								
line	appel-ts-2026-clinique-b	appel-ts-2026	clinique-b		unspecified	announced	5000000	EUR	false		1	revue-2026-06-03-laureats	at-least	5000000		false				Appel à projets Territoires de santé 2026	Clinique B							
line	appel-ts-2026-hopital-a	appel-ts-2026	hopital-a		grant	awarded	10000000	EUR	false		1	journal-2026-06-02-laureats	approximate	10000000	10000000	true				Appel à projets Territoires de santé 2026	Hôpital A							
total		territoires-sante			grant	awarded		EUR	false		2		range	30000000	40000000	true	12			Territoires de santé (TS)								
total		territoires-sante			unspecified	announced	5000000	EUR	false		1		at-least	5000000		false				Territoires de santé (TS)								
branch		territoires-sante			grant	awarded		EUR	false		2		range	30000000	40000000	true	12			Territoires de santé (TS)		0						
branch		territoires-sante			unspecified	announced	5000000	EUR	false		1		at-least	5000000		false				Territoires de santé (TS)		0						
branch		appel-ts-2026			grant	awarded		EUR	false		2		range	30000000	40000000	true	12			Appel à projets Territoires de santé 2026		1						
branch		appel-ts-2026			unspecified	announced	5000000	EUR	false		1		at-least	5000000		false				Appel à projets Territoires de santé 2026		1						
budget		appel-ts-2026			unspecified		30000000	EUR	false			gazette-2026-01-10-appel	approximate	30000000	30000000	true				Appel à projets Territoires de santé 2026								
`,
      err: '',
    });
  });

  it('gives each total its qualifier and bounds in JSON, and each line its qualifier', async () => {
    const report = JSON.parse((await money(['funding', '--program', 'PS', '--json'])).out);
    expect(report.totals).toEqual([
      {
        instrument: 'grant',
        stage: 'awarded',
        currency: 'EUR',
        qualifier: 'range',
        amount_min: 33000000,
        amount_max: 43000000,
        approximate: true,
        lines: 3,
        upper_bound: false,
        recipients_count: 12,
      },
      {
        instrument: 'unspecified',
        stage: 'announced',
        currency: 'EUR',
        qualifier: 'at-least',
        amount: 5000000,
        amount_min: 5000000,
        approximate: false,
        lines: 1,
        upper_bound: false,
      },
    ]);
    expect(report.lines.map((l: { id: string; qualifier: string }) => [l.id, l.qualifier])).toEqual([
      ['appel-ts-2026-laureats', 'range'],
      ['appel-ts-2026-clinique-b', 'at-least'],
      ['appel-ts-2026-hopital-a', 'approximate'],
      ['plan-sante-hopital-a', 'exact'],
    ]);
    expect(report.tree.map((b: { id: string; depth: number; lines: number }) => [b.id, b.depth, b.lines])).toEqual([
      ['plan-sante', 0, 4],
      ['territoires-sante', 1, 3],
      ['appel-ts-2026', 2, 3],
    ]);
  });

  it('--instrument unspecified keeps the lines whose article did not say', async () => {
    const { out } = await money(['funding', '--instrument', 'unspecified']);
    expect(out.split('\n').filter((row) => row.startsWith('line\t'))).toEqual([
      'line\tappel-ts-2026-clinique-b\tappel-ts-2026\tclinique-b\t\tunspecified\tannounced\t5000000\tEUR\tfalse\t\t1\trevue-2026-06-03-laureats\tat-least\t5000000\t\tfalse\t\t\t\tAppel à projets Territoires de santé 2026\tClinique B\t\t\t\t\t\t\t',
    ]);
  });
});

describe('coop events: planned events apart', () => {
  it('lists the planned events under "Planned", after what happened, and counts them apart', async () => {
    expect(await money(['events'], TERMINAL)).toEqual({
      code: 0,
      out: `┌────────────┬────────┬──────────────────────────────────┬───────────────────────┬───────┬─────────┐
│ Date       │ Kind   │ Event                            │ Organisations         │ Place │ Source  │
├────────────┼────────┼──────────────────────────────────┼───────────────────────┼───────┼─────────┤
│ 2026-01-10 │ launch │ Lancement de l'appel à projets   │                       │       │ [1]     │
│ 2026-06    │ award  │ Douze lauréats désignés          │ Hôpital A; Clinique B │       │ [2] [3] │
│ 2026-07    │ visit  │ Visite ministérielle (cancelled) │ Hôpital A             │       │ [2]     │
└────────────┴────────┴──────────────────────────────────┴───────────────────────┴───────┴─────────┘

Planned
┌──────────────────────────┬───────────┬──────────────────────────┬───────────────┬───────┬────────┐
│ Date                     │ Kind      │ Event                    │ Organisations │ Place │ Source │
├──────────────────────────┼───────────┼──────────────────────────┼───────────────┼───────┼────────┤
│ 2026-03-31               │ deadline  │ Clôture des candidatures │               │       │ [1]    │
│ between 2026-09 and      │ selection │ Sélection finale         │               │       │ [3]    │
│ 2026-11                  │           │                          │               │       │        │
└──────────────────────────┴───────────┴──────────────────────────┴───────────────┴───────┴────────┘

Sources
┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐
│     │ Article                     │ Outlet     │ Date       │ Title                              │
├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤
│ [1] │ gazette-2026-01-10-appel    │ La Gazette │ 2026-01-10 │ Un appel à projets pour les        │
│     │                             │            │            │ territoires de santé               │
│ [2] │ journal-2026-06-02-laureats │ Le Journal │ 2026-06-02 │ Douze lauréats pour l'appel        │
│     │                             │            │            │ territoires de santé               │
│ [3] │ revue-2026-06-03-laureats   │ La Revue   │ 2026-06-03 │ Les lauréats de l'appel annoncés   │
└─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘
`,
      err: '3 events, 2 planned\n',
    });
  });

  it('--programme takes an acronym and includes the programmes it carries; --status keeps one status', async () => {
    expect(await money(['events', '--programme', 'TS', '--status', 'planned'])).toEqual({
      code: 0,
      out: `id	date	kind	title	orgs	programme	place	source	status	disputed
appel-ts-2026-deadline	2026-03-31	deadline	Clôture des candidatures		appel-ts-2026		gazette-2026-01-10-appel	planned	
appel-ts-2026-selection	2026-09/2026-11	selection	Sélection finale		appel-ts-2026		revue-2026-06-03-laureats	planned	
`,
      err: '',
    });
  });

  it('gives every article of an event and its status in a pipe', async () => {
    expect(await money(['events', '--org', 'hopital-a'])).toEqual({
      code: 0,
      out: `id	date	kind	title	orgs	programme	place	source	status	disputed
appel-ts-2026-award	2026-06	award	Douze lauréats désignés	hopital-a,clinique-b	appel-ts-2026		journal-2026-06-02-laureats,revue-2026-06-03-laureats	happened	
hopital-a-visite	2026-07	visit	Visite ministérielle	hopital-a			journal-2026-06-02-laureats	cancelled	
`,
      err: '',
    });
  });

  it('refuses an unknown status, exit 2', async () => {
    expect(await money(['events', '--status', 'plannd'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: --status "plannd" is not one of: planned, happened, cancelled\n  hint: did you mean "planned"?\n',
    });
  });
});

describe('coop show: calls, unnamed recipients, planned events', () => {
  it('shows a call for projects: opens, closes, its budget, figures, and its planned events apart', async () => {
    expect(await money(['show', 'appel-ts-2026'], TERMINAL)).toEqual({
      code: 0,
      out: `Appel à projets Territoires de santé 2026
appel-ts-2026 · programme

  Part of  Territoires de santé (TS) [territoires-sante]
  Opens    2026-01-10
  Closes   2026-03-31

Budget
┌─────────────┬─────────┬────────┬──────┐
│ Instrument  │ Amount  │ Source │ Note │
├─────────────┼─────────┼────────┼──────┤
│ unspecified │ ≈ 30 M€ │ [1]    │      │
└─────────────┴─────────┴────────┴──────┘

Figures
┌───────────┬───────┬──────┬───────┬────────┬──────┐
│ Metric    │ Value │ Unit │ As of │ Source │ Note │
├───────────┼───────┼──────┼───────┼────────┼──────┤
│ laureates │ 12    │      │       │ [2]    │      │
└───────────┴───────┴──────┴───────┴────────┴──────┘

Funding lines (with the programmes it carries)
┌──────────────────────┬──────────────────────┬─────────────┬───────────┬──────────┬──────┬────────┐
│ Programme            │ Recipient            │ Instrument  │ Stage     │ Amount   │ Date │ Source │
├──────────────────────┼──────────────────────┼─────────────┼───────────┼──────────┼──────┼────────┤
│ Appel à projets      │ 12 recipients (200   │ grant       │ awarded   │ 20–30 M€ │      │ [2]    │
│ Territoires de santé │ k€–2 M€ each)        │             │           │          │      │        │
│ 2026                 │                      │             │           │          │      │        │
│ Appel à projets      │ Hôpital A            │ grant       │ awarded   │ ≈ 10 M€  │      │ [2]    │
│ Territoires de santé │                      │             │           │          │      │        │
│ 2026                 │                      │             │           │          │      │        │
│ Appel à projets      │ Clinique B           │ unspecified │ announced │ ≥ 5 M€   │      │ [3]    │
│ Territoires de santé │                      │             │           │          │      │        │
│ 2026                 │                      │             │           │          │      │        │
└──────────────────────┴──────────────────────┴─────────────┴───────────┴──────────┴──────┴────────┘

Events
┌────────────┬────────┬────────────────────────────────┬─────────┐
│ Date       │ Kind   │ Event                          │ Source  │
├────────────┼────────┼────────────────────────────────┼─────────┤
│ 2026-01-10 │ launch │ Lancement de l'appel à projets │ [1]     │
│ 2026-06    │ award  │ Douze lauréats désignés        │ [2] [3] │
└────────────┴────────┴────────────────────────────────┴─────────┘

Planned
┌─────────────────────────────┬───────────┬──────────────────────────┬────────┐
│ Date                        │ Kind      │ Event                    │ Source │
├─────────────────────────────┼───────────┼──────────────────────────┼────────┤
│ 2026-03-31                  │ deadline  │ Clôture des candidatures │ [1]    │
│ between 2026-09 and 2026-11 │ selection │ Sélection finale         │ [3]    │
└─────────────────────────────┴───────────┴──────────────────────────┴────────┘

Sources
┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐
│     │ Article                     │ Outlet     │ Date       │ Title                              │
├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤
│ [1] │ gazette-2026-01-10-appel    │ La Gazette │ 2026-01-10 │ Un appel à projets pour les        │
│     │                             │            │            │ territoires de santé               │
│ [2] │ journal-2026-06-02-laureats │ Le Journal │ 2026-06-02 │ Douze lauréats pour l'appel        │
│     │                             │            │            │ territoires de santé               │
│ [3] │ revue-2026-06-03-laureats   │ La Revue   │ 2026-06-03 │ Les lauréats de l'appel annoncés   │
└─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘
`,
      err: '',
    });
  });

  it('shows a line to unnamed recipients, on a terminal and in a pipe', async () => {
    expect(await money(['show', 'appel-ts-2026-laureats'], TERMINAL)).toEqual({
      code: 0,
      out: `grant of 20–30 M€ to 12 recipients (200 k€–2 M€ each)
appel-ts-2026-laureats · funding line

  Programme      Appel à projets Territoires de santé 2026 [appel-ts-2026]
  Recipients     12
  Per recipient  200 k€–2 M€
  Instrument     grant
  Stage          awarded
  Amount         20–30 M€

Note
  lauréats de l'appel

Sources
┌─────┬─────────────────────────────┬────────────┬────────────┬────────────────────────────────────┐
│     │ Article                     │ Outlet     │ Date       │ Title                              │
├─────┼─────────────────────────────┼────────────┼────────────┼────────────────────────────────────┤
│ [1] │ journal-2026-06-02-laureats │ Le Journal │ 2026-06-02 │ Douze lauréats pour l'appel        │
│     │                             │            │            │ territoires de santé               │
└─────┴─────────────────────────────┴────────────┴────────────┴────────────────────────────────────┘
`,
      err: '',
    });
    expect(await money(['show', 'appel-ts-2026-laureats'])).toEqual({
      code: 0,
      out: `grant of 20000000–30000000 to 12 recipients (200 k€–2 M€ each)
appel-ts-2026-laureats · funding line

Programme	Appel à projets Territoires de santé 2026 [appel-ts-2026]
Recipients	12
Per recipient	200000–2000000
Instrument	grant
Stage	awarded
Amount	20000000–30000000
Currency	EUR

## Note
lauréats de l'appel

## Sources
id	outlet	date	title
journal-2026-06-02-laureats	Le Journal	2026-06-02	Douze lauréats pour l'appel territoires de santé
`,
      err: '',
    });
  });
});

describe('coop stats: planned events are not facts', () => {
  it('counts the events that happened, and the planned and cancelled ones apart', async () => {
    const stats = JSON.parse((await money(['stats', '--json'])).out);
    expect(stats.records).toEqual({
      organisations: 3,
      programmes: 3,
      funding: 4,
      events: 2,
      events_planned: 2,
      events_cancelled: 1,
      articles: 3,
      people: 0,
    });
    expect(stats.money).toContainEqual({
      programme: 'appel-ts-2026',
      instrument: 'grant',
      stage: 'awarded',
      currency: 'EUR',
      lines: 2,
      amount: 30000000,
      qualifier: 'range',
      amount_min: 30000000,
      amount_max: 40000000,
    });
  });
});

describe('coop validate: money and events that say too much or too little', () => {
  it('reports each at its field, with its rule', async () => {
    expect(await runOnFixture('money-invalid', ['validate'])).toEqual({
      code: 1,
      out:
        'data/events/events.yaml:1:3: error: missing required field "source" [missing-field]\n' +
        'data/events/events.yaml:10:11: error: "prevu" is not a valid status [bad-enum]\n' +
        '  hint: one of: planned, happened, cancelled\n' +
        'data/funding/lines.yaml:6:15: error: amount_min (30000000) must be below amount_max (20000000) [amount-form]\n' +
        '  hint: swap them; for one amount, write amount (with approximate: true if the article says "environ")\n' +
        'data/funding/lines.yaml:13:15: error: a range needs both bounds: amount_max is missing [amount-form]\n' +
        'data/funding/lines.yaml:22:16: error: at_least and upper_bound contradict each other [amount-form]\n' +
        '  hint: say no more than the article: "entre 20 et 30 M€" is a range, "plus de 5 M€" is at_least, "jusqu\'à" is upper_bound\n' +
        'data/funding/lines.yaml:25:3: error: missing amount: give amount, or amount_min and amount_max for a range [amount-form]\n' +
        'data/funding/lines.yaml:34:22: error: per_recipient_max describes unnamed recipients: this line names its recipient [recipient-form]\n' +
        '  hint: drop it: the amount is what the named recipient receives\n' +
        'data/funding/lines.yaml:43:22: error: per_recipient_min (2000000) must be below per_recipient_max (200000) [amount-form]\n' +
        '  hint: swap them; for one amount, write amount (with approximate: true if the article says "environ")\n' +
        'data/funding/lines.yaml:50:21: error: recipients_count is too small [wrong-type]\n' +
        'data/programmes/appel-ts-2026.yaml:4:9: error: closes (2026-01-10) is before opens (2026-03-31) [date-order]\n' +
        'data/programmes/plan-sante.yaml:7:15: error: at_least does not apply to a range: its bounds already say it [amount-form]\n' +
        '  hint: say no more than the article: "entre 20 et 30 M€" is a range, "plus de 5 M€" is at_least, "jusqu\'à" is upper_bound\n' +
        '✖ 11 errors, 0 warnings in 4 files (3 organisations, 1 programme, 0 funding lines, 0 events, 3 articles loaded)\n',
      err: '',
    });
  });
});

describe('coop add and coop new: what the article says, no more', () => {
  // Each test writes to a temporary copy of money-base: tests/fixtures/ is never written.
  let root: string | undefined;
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });
  const copy = () => {
    root = mkdtempSync(join(tmpdir(), 'coop-money-'));
    cpSync(join(FIXTURES, 'money-base', 'data'), join(root, 'data'), { recursive: true });
    const cwd = root;
    return {
      run: (args: string[]) =>
        runCoop([...args, '--data', 'data'], { cwd, env: { NO_COLOR: '1', COOP_CACHE_DIR: join(cwd, 'cache') } }),
      read: (path: string) => readFileSync(join(cwd, 'data', path), 'utf8'),
    };
  };
  const original = (path: string) => readFileSync(join(FIXTURES, 'money-base', 'data', path), 'utf8');

  it('add funding: unnamed recipients, a range, approximate', async () => {
    const base = copy();
    const result = await base.run([
      'add',
      'funding',
      '--programme',
      'appel-ts-2026',
      '--recipients-count',
      '5',
      '--per-recipient-min',
      '100k',
      '--per-recipient-max',
      '1M',
      '--instrument',
      'grant',
      '--amount-min',
      '2M',
      '--amount-max',
      '4 M€',
      '--approximate',
      '--stage',
      'announced',
      '--note',
      'lauréats de la seconde vague',
      '--source',
      'journal-2026-06-02-laureats',
    ]);
    expect(result).toEqual({
      code: 0,
      out: 'data/funding/appel-ts-2026.yaml\n',
      err: 'added funding line appel-ts-2026-recipients-grant: grant, about 2000000-4000000 EUR, announced\n',
    });
    expect(base.read('funding/appel-ts-2026.yaml')).toBe(
      original('funding/appel-ts-2026.yaml') +
        [
          '- id: appel-ts-2026-recipients-grant',
          '  programme: appel-ts-2026',
          '  recipients_count: 5',
          '  per_recipient_min: 100000',
          '  per_recipient_max: 1000000',
          '  instrument: grant',
          '  amount_min: 2000000',
          '  amount_max: 4000000',
          '  currency: EUR',
          '  stage: announced',
          '  approximate: true',
          '  note: lauréats de la seconde vague',
          '  source: journal-2026-06-02-laureats',
          '',
        ].join('\n'),
    );
  });

  it('add funding: an unspecified instrument, at least', async () => {
    const base = copy();
    const result = await base.run(
      [
        'add',
        'funding',
        '--programme',
        'appel-ts-2026',
        '--recipient',
        'hopital-a',
        '--instrument',
        'unspecified',
      ].concat(['--amount', '1M', '--at-least', '--stage', 'announced', '--source', 'revue-2026-06-03-laureats']),
    );
    expect(result.code).toBe(0);
    expect(base.read('funding/appel-ts-2026.yaml')).toBe(
      original('funding/appel-ts-2026.yaml') +
        [
          '- id: appel-ts-2026-hopital-a-unspecified',
          '  programme: appel-ts-2026',
          '  recipient: hopital-a',
          '  instrument: unspecified',
          '  amount: 1000000',
          '  currency: EUR',
          '  stage: announced',
          '  at_least: true',
          '  source: revue-2026-06-03-laureats',
          '',
        ].join('\n'),
    );
  });

  it.each([
    [
      ['--recipient', 'hopital-a', '--recipients-count', '3', '--amount', '1M'],
      'coop: --recipient and --recipients-count exclude each other\n  hint: a line goes to one named recipient, or to a number of unnamed ones\n',
    ],
    [
      ['--recipient', 'hopital-a', '--amount', '1M', '--amount-min', '2M'],
      'coop: --amount and --amount-min/--amount-max exclude each other\n  hint: give one amount, or a range\n',
    ],
    [
      ['--recipient', 'hopital-a'],
      'coop: missing --amount\n  hint: give --amount, or --amount-min and --amount-max for a range ("entre 20 et 30 M€")\n',
    ],
    [
      ['--recipients-count', '3', '--amount-min', '4M', '--amount-max', '2M'],
      'coop: --amount-min 4000000 is not below --amount-max 2000000\n  hint: swap them?\n',
    ],
    [
      ['--recipient', 'hopital-a', '--per-recipient-max', '1M', '--amount', '1M'],
      'coop: --per-recipient-min/--per-recipient-max describe unnamed recipients, not --recipient\n  hint: give --recipients-count instead of --recipient\n',
    ],
  ])('add funding refuses %j, exit 2, nothing written', async (args, err) => {
    const base = copy();
    const common = ['--instrument', 'grant', '--stage', 'announced', '--source', 'journal-2026-06-02-laureats'];
    expect(await base.run(['add', 'funding', '--programme', 'appel-ts-2026', ...args, ...common])).toEqual({
      code: 2,
      out: '',
      err,
    });
    expect(base.read('funding/appel-ts-2026.yaml')).toBe(original('funding/appel-ts-2026.yaml'));
  });

  it('add event: planned, cited by two articles', async () => {
    const base = copy();
    const result = await base.run(
      ['add', 'event', '--date', '2026-12', '--kind', 'selection', '--title', 'Seconde sélection'].concat(
        ['--status', 'planned', '--programme', 'appel-ts-2026'],
        ['--source', 'journal-2026-06-02-laureats', '--source', 'revue-2026-06-03-laureats'],
      ),
    );
    expect(result).toEqual({
      code: 0,
      out: 'data/events/appel-ts-2026.yaml\n',
      err: 'added event appel-ts-2026-selection-2026\n',
    });
    expect(base.read('events/appel-ts-2026.yaml')).toBe(
      original('events/appel-ts-2026.yaml') +
        [
          '- id: appel-ts-2026-selection-2026',
          '  date: "2026-12"',
          '  kind: selection',
          '  status: planned',
          '  title: Seconde sélection',
          '  programme: appel-ts-2026',
          '  source: journal-2026-06-02-laureats',
          '  sources: [revue-2026-06-03-laureats]',
          '',
        ].join('\n'),
    );
  });

  it('new programme: a call for projects under its programme, with opens and closes', async () => {
    const base = copy();
    const result = await base.run(
      ['new', 'programme', 'appel-ts-2027', '--name', 'Appel à projets Territoires de santé 2027'].concat([
        '--parent',
        'TS',
        '--opens',
        '2027-01',
        '--closes',
        '2027-03-31',
        '--source',
        'gazette-2026-01-10-appel',
      ]),
    );
    expect(result.code).toBe(0);
    expect(base.read('programmes/appel-ts-2027.yaml')).toBe(
      [
        'name: Appel à projets Territoires de santé 2027',
        'parent: territoires-sante',
        'opens: "2027-01"',
        'closes: "2027-03-31"',
        'sources:',
        '  - gazette-2026-01-10-appel',
        '',
      ].join('\n'),
    );
  });

  it('new programme refuses a call that closes before it opens, exit 1, nothing written', async () => {
    const base = copy();
    expect(
      await base.run(
        ['new', 'programme', 'appel-x', '--name', 'Appel X', '--opens', '2027-05', '--closes', '2027-03'].concat([
          '--source',
          'gazette-2026-01-10-appel',
        ]),
      ),
    ).toEqual({
      code: 1,
      out: '',
      err:
        'data/programmes/appel-x.yaml:3:9: error: closes (2027-03) is before opens (2027-05) [date-order]\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    });
    expect(existsSync(join(root!, 'data', 'programmes', 'appel-x.yaml'))).toBe(false);
  });
});

describe('coop stats in a pipe: the money rows say how precise they are', () => {
  it('gives the qualifier and bounds of each sum', async () => {
    const { out } = await money(['stats']);
    expect(out.split('\n').filter((row) => row.startsWith('money\t'))).toEqual([
      'money\tappel-ts-2026\tgrant/awarded\t2\t30000000\tEUR\trange\t30000000\t40000000\t',
      'money\tappel-ts-2026\tunspecified/announced\t1\t5000000\tEUR\tat-least\t5000000\t\t',
      'money\tplan-sante\tgrant/awarded\t1\t3000000\tEUR\texact\t3000000\t3000000\t',
    ]);
  });
});

describe('every article of an event, in sources and graph', () => {
  it('sources: an event cites each of its articles', async () => {
    expect(await money(['sources', 'appel-ts-2026-award'])).toEqual({
      code: 0,
      out:
        'fact\tdetail\tsource\toutlet\tdate\n' +
        'record\tDouze lauréats désignés\tjournal-2026-06-02-laureats\tLe Journal\t2026-06-02\n' +
        'record\tDouze lauréats désignés\trevue-2026-06-03-laureats\tLa Revue\t2026-06-03\n',
      err: '',
    });
  });

  it('graph: a funding edge says how vague its amount is', async () => {
    const { out } = await money(['graph', 'hopital-a', '--format', 'dot']);
    expect(out).toContain('"appel-ts-2026" -> "hopital-a" [label="grant, ≈ 10 M€, awarded"');
  });
});
