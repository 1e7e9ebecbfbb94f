import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

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
      out: `row	id	programme	recipient	funder	instrument	stage	amount	currency	upper_bound	date	lines	source	qualifier	amount_min	amount_max	approximate	recipients_count	per_recipient_min	per_recipient_max	programme_name	recipient_name	depth
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
      'line\tappel-ts-2026-clinique-b\tappel-ts-2026\tclinique-b\t\tunspecified\tannounced\t5000000\tEUR\tfalse\t\t1\trevue-2026-06-03-laureats\tat-least\t5000000\t\tfalse\t\t\t\tAppel à projets Territoires de santé 2026\tClinique B\t',
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
      out: `id	date	kind	title	orgs	programme	place	source	status
appel-ts-2026-deadline	2026-03-31	deadline	Clôture des candidatures		appel-ts-2026		gazette-2026-01-10-appel	planned
appel-ts-2026-selection	2026-09/2026-11	selection	Sélection finale		appel-ts-2026		revue-2026-06-03-laureats	planned
`,
      err: '',
    });
  });

  it('gives every article of an event and its status in a pipe', async () => {
    expect(await money(['events', '--org', 'hopital-a'])).toEqual({
      code: 0,
      out: `id	date	kind	title	orgs	programme	place	source	status
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
