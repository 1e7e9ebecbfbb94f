import { displayName } from '../core/base-index.js';
import {
  fundingReport,
  recipientLabel,
  type FundingFilters,
  type FundingBranch,
  type FundingReport,
  type FundingTotal,
} from '../core/funding.js';
import type { Funding } from '../core/model.js';
import { moneyOf, type Money } from '../core/money.js';
import { INSTRUMENTS, STAGES } from '../core/enums.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { renderCsv, renderTsv } from '../render/delimited.js';
import {
  formatDate,
  formatMoney,
  formatPerRecipient,
  formatTerms,
  terminalText,
  type MoneyTerms,
} from '../render/format.js';
import { renderJson } from '../render/json.js';
import type { Style } from '../render/style.js';
import { renderTable } from '../render/table.js';
import { citations } from '../render/citations.js';
import type { BaseIndex } from '../core/base-index.js';
import { checkChoice, findRecord, openForQuery, readerLanguage } from '../app/context.js';
import { labeller, type Labeller } from '../core/labels.js';
import { LANGUAGES, type Language } from '../core/language.js';
import { resolveRegionOption } from '../app/region-option.js';

type FundingOptions = CommandInput<typeof fundingOptions>;

async function fundingCommand(options: FundingOptions, io: IO, bundledData: string): Promise<number> {
  checkChoice(options.instrument, INSTRUMENTS, '--instrument');
  checkChoice(options.stage, STAGES, '--stage');
  const language = readerLanguage(options.lang, io);
  const label = labeller(language);
  const filters: FundingFilters = { instrument: options.instrument, stage: options.stage };
  if (options.region !== undefined) filters.region = resolveRegionOption(options.region).slug;
  const context = await openForQuery(options, io, bundledData);
  if (options.program !== undefined)
    filters.programme = findRecord(context.index, options.program, ['programme'], 'programme').record.id;
  if (options.recipient !== undefined)
    filters.recipient = findRecord(context.index, options.recipient, ['organisation'], 'organisation').record.id;

  const report = fundingReport(context.index, filters);
  switch (context.format) {
    case 'json':
      io.out(renderJson(report));
      break;
    case 'tsv':
      io.out(renderTsv(RAW_HEADER, rawRows(report, context.index, label)));
      break;
    case 'csv':
      io.out(renderCsv(RAW_HEADER, rawRows(report, context.index, label)));
      break;
    default:
      io.out(
        renderFundingTables(report, context.index, { width: context.width, paint: context.paint, label, language }),
      );
      if (report.lines.length === 0) io.err('No funding line matches.\n');
  }
  return 0;
}

/**
 * One table in a pipe, nothing lost: the first column says whether a row is a funding line, a
 * total, a branch of the programme tree (its subtotal) or a line of the programme's budget
 * (`awk -F'\t' '$1 == "total"'`). Columns added later come last, so that scripts reading the first
 * ones by position keep working. With --lang fr the values of the closed lists (instrument, stage,
 * recurrence, purpose, nature) are their French labels; the qualifier and the period keep their ids,
 * as the other columns that say how to read the amount.
 */
const RAW_HEADER = [
  'row',
  'id',
  'programme',
  'recipient',
  'funder',
  'instrument',
  'stage',
  'amount',
  'currency',
  'upper_bound',
  'date',
  'lines',
  'source',
  'qualifier',
  'amount_min',
  'amount_max',
  'approximate',
  'recipients_count',
  'per_recipient_min',
  'per_recipient_max',
  'programme_name',
  'recipient_name',
  'depth',
  'recurrence',
  'purpose',
  'per',
  'from',
  'until',
  'nature',
];

const flag = (value: boolean | undefined) => (value ? 'true' : 'false');
const raw = (value: number | undefined) => (value === undefined ? '' : String(value));

/** The money columns of a row: amount, then qualifier and bounds after the older columns. */
function moneyColumns(money: Money): { amount: string; rest: string[] } {
  return {
    amount: raw(money.amount),
    rest: [money.qualifier, raw(money.amount_min), raw(money.amount_max), flag(money.approximate)],
  };
}

function totalRow(
  label: Labeller,
  kind: 'total' | 'branch',
  t: FundingTotal,
  programme: string,
  index: BaseIndex,
  depth: string,
  nature: string | undefined,
) {
  const m = moneyColumns({ ...t, approximate: t.approximate });
  return [
    kind,
    '',
    programme,
    '',
    '',
    label('INSTRUMENTS', t.instrument),
    label('STAGES', t.stage),
    m.amount,
    t.currency,
    flag(t.upper_bound),
    '',
    String(t.lines),
    '',
    ...m.rest,
    raw(t.recipients_count),
    '',
    '',
    programme ? displayName(index, programme) : '',
    '',
    depth,
    '',
    '',
    t.per ?? '',
    '',
    '',
    nature === undefined ? '' : label('PROGRAMME_NATURES', nature),
  ];
}

function rawRows(report: FundingReport, index: BaseIndex, label: Labeller): string[][] {
  return [
    ...report.lines.map((l) => {
      const m = moneyColumns(moneyOf(l));
      return [
        'line',
        l.id,
        l.programme,
        l.recipient ?? '',
        l.funder ?? '',
        label('INSTRUMENTS', l.instrument),
        label('STAGES', l.stage),
        m.amount,
        l.currency,
        flag(l.upper_bound),
        l.date ?? '',
        '1',
        l.source,
        ...m.rest,
        raw(l.recipients_count),
        raw(l.per_recipient_min),
        raw(l.per_recipient_max),
        displayName(index, l.programme),
        l.recipient === undefined ? '' : displayName(index, l.recipient),
        '',
        ...termColumns(l, label),
        '',
      ];
    }),
    ...report.totals.map((t) =>
      totalRow(label, 'total', t, report.programme?.id ?? '', index, '', report.programme?.nature),
    ),
    // A tree of one programme says no more than its totals.
    ...(report.tree && report.tree.length > 1 ? report.tree : []).flatMap((branch) =>
      branch.totals.map((t) => totalRow(label, 'branch', t, branch.id, index, String(branch.depth), branch.nature)),
    ),
    ...report.budget.map((b) => {
      const m = moneyColumns(moneyOf(b));
      return [
        'budget',
        '',
        b.programme,
        '',
        '',
        label('INSTRUMENTS', b.instrument),
        '',
        m.amount,
        b.currency,
        flag(b.upper_bound),
        '',
        '',
        b.source,
        ...m.rest,
        '',
        '',
        '',
        displayName(index, b.programme),
        '',
        '',
        ...termColumns(b, label),
        '',
      ];
    }),
  ];
}

const termColumns = (
  line: { recurrence?: string; purpose?: string; per?: string; from?: string; until?: string },
  label: Labeller,
) => [
  line.recurrence === undefined ? '' : label('RECURRENCES', line.recurrence),
  line.purpose === undefined ? '' : label('PURPOSES', line.purpose),
  line.per ?? '',
  line.from ?? '',
  line.until ?? '',
];

/** Who a line goes to, with what each of several unnamed recipients receives. */
function recipientText(index: BaseIndex, line: Funding): string {
  const each =
    line.per_recipient_min !== undefined || line.per_recipient_max !== undefined
      ? ` (${formatPerRecipient(line.per_recipient_min, line.per_recipient_max, line.currency)} each)`
      : '';
  return `${recipientLabel(index, line)}${each}`;
}

interface FundingTablesOptions {
  width: number;
  paint: Style;
  /** --lang: the values of the closed lists as ids, or their French labels. */
  label: Labeller;
  language: Language | undefined;
}

function renderFundingTables(report: FundingReport, index: BaseIndex, options: FundingTablesOptions): string {
  const { width, paint, label, language } = options;
  const table = (header: string[], rows: string[][]) => renderTable(header, rows, { width, paint });
  const sources = citations(
    [...report.lines.map((l) => l.source), ...report.budget.map((b) => b.source)],
    index.articles,
  );
  const cite = sources.cite;
  const total = (t: FundingTotal) => formatMoney({ ...t }, false, language);
  const amount = (claim: Parameters<typeof moneyOf>[0] & MoneyTerms) =>
    `${formatMoney(moneyOf(claim), false, language)}${formatTerms(claim, label)}`;
  const nature = (value: string | undefined) => (value === undefined ? '' : label('PROGRAMME_NATURES', value));
  const parts: string[] = [];
  if (report.programme) {
    const carried = report.programme.includes.slice(1).map((id) => displayName(index, id));
    parts.push(
      `${paint.bold(report.programme.name)}${report.programme.nature ? paint.dim(` · ${nature(report.programme.nature)}`) : ''}${carried.length ? paint.dim(` with ${carried.join(', ')}`) : ''}\n`,
    );
  }
  if (report.lines.length > 0) {
    parts.push(
      `${paint.bold.underline('Funding lines')}\n` +
        table(
          ['Programme', 'Recipient', 'Instrument', 'Stage', 'Amount', 'Date', 'Source'],
          report.lines.map((l) => [
            displayName(index, l.programme),
            recipientText(index, l),
            label('INSTRUMENTS', l.instrument),
            label('STAGES', l.stage),
            amount(l),
            l.date ? formatDate(l.date) : '',
            cite(l.source),
          ]),
        ),
    );
    parts.push(
      `${paint.bold.underline('Totals')} ${paint.dim('(by instrument and stage: grants are never added to equity, nor potential to awarded money)')}\n` +
        table(
          ['Instrument', 'Stage', 'Lines', 'Total'],
          report.totals.map((t) => [
            label('INSTRUMENTS', t.instrument),
            label('STAGES', t.stage),
            String(t.lines),
            total(t),
          ]),
        ),
    );
  }
  // The tree only says more than the totals when the programme carries others.
  if (report.tree && report.tree.length > 1) {
    // Opens and closes are for calls for projects: columns only when some branch has them.
    const dated = report.tree.some((branch) => branch.opens !== undefined || branch.closes !== undefined);
    // Fund, dotation, plan, call: a column only when some branch says what it is.
    const natured = report.tree.some((branch) => branch.nature !== undefined);
    const dates = (branch: FundingBranch, first: boolean) =>
      !dated
        ? []
        : first
          ? [branch.opens ? formatDate(branch.opens) : '', branch.closes ? formatDate(branch.closes) : '']
          : ['', ''];
    parts.push(
      `${paint.bold.underline('By programme')} ${paint.dim('(each subtotal includes the programmes below it)')}\n` +
        table(
          [
            'Programme',
            ...(natured ? ['Nature'] : []),
            ...(dated ? ['Opens', 'Closes'] : []),
            'Instrument',
            'Stage',
            'Lines',
            'Subtotal',
          ],
          report.tree.flatMap((branch) => {
            const name = `${'· '.repeat(branch.depth)}${branch.name}`;
            const natureCell = (first: boolean) => (!natured ? [] : first ? [nature(branch.nature)] : ['']);
            if (branch.totals.length === 0)
              return [[name, ...natureCell(true), ...dates(branch, true), '', '', '0', '']];
            return branch.totals.map((t, i) => [
              i === 0 ? name : '',
              ...natureCell(i === 0),
              ...dates(branch, i === 0),
              label('INSTRUMENTS', t.instrument),
              label('STAGES', t.stage),
              String(t.lines),
              total(t),
            ]);
          }),
        ),
    );
  }
  if (report.budget.length > 0) {
    parts.push(
      `${paint.bold.underline('Programme budget')}\n` +
        table(
          ['Programme', 'Instrument', 'Amount', 'Source', 'Note'],
          report.budget.map((b) => [
            displayName(index, b.programme),
            label('INSTRUMENTS', b.instrument),
            amount(b),
            cite(b.source),
            b.note === undefined ? '' : terminalText(b.note, language, index.base.language),
          ]),
        ),
    );
  }
  const sourcesTable = sources.table(width, paint);
  if (sourcesTable) parts.push(sourcesTable);
  return parts.join('\n');
}

const fundingOptions = {
  program: {
    value: '<id>',
    description: 'programme id or acronym; includes the programmes it carries',
    completes: 'programme',
    aliases: ['--programme'],
  },
  recipient: { value: '<id>', description: 'recipient organisation', completes: 'organisation' },
  instrument: { value: '<instrument>', description: INSTRUMENTS.join(', '), choices: INSTRUMENTS },
  stage: { value: '<stage>', description: 'announced, awarded, potential, disbursed', choices: STAGES },
  region: { value: '<region>', description: "recipient's region: slug, name, INSEE code or short form" },
  lang: {
    value: '<lang>',
    description: 'en: instruments, stages, terms and natures as ids (default); fr: their French labels',
    choices: LANGUAGES,
  },
} as const;

export const command = defineCommand({
  name: 'funding',
  summary: 'funding lines, then totals by instrument and stage, and the programme budget',
  options: fundingOptions,
  details: `Funding lines, then their totals grouped by instrument and stage (grants are never added to equity,
nor announced or potential money to awarded money), then the budget of the programme asked for.
--program takes an id, a name or an acronym and includes every programme it carries; when it carries
others, a tree of them follows, each with the subtotal of its branch.
Amounts are as vague as their articles, and totals stay so: "≈ 10 M€" (approximate), "≥ 5 M€" (at
least), "up to 7 M€", "20–30 M€" (a range). An amount per year ("450 k€ per year") is totalled apart
from one-off amounts. In a pipe, the qualifier, bounds, recurrence, purpose and period are columns.`,
  examples: [
    { command: 'coop funding --program PIA', comment: "the PIA and Territoires d'innovation" },
    { command: 'coop funding --program PIA --instrument grant --stage awarded' },
    { command: 'coop funding --recipient territoire-de-sante-de-demain' },
    { command: 'coop funding --region grand-est --json' },
    { command: 'coop funding --program PIA --lang fr', comment: 'instruments, stages and terms in French' },
  ],
  run: (options, { io, bundledData }) => fundingCommand(options, io, bundledData),
});
