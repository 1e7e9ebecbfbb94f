import { displayName } from '../core/base-index.js';
import { fundingReport, type FundingFilters, type FundingReport } from '../core/funding.js';
import { INSTRUMENTS, STAGES } from '../core/enums.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { renderCsv, renderTsv } from '../render/delimited.js';
import { formatAmount, formatDate } from '../render/format.js';
import { renderJson } from '../render/json.js';
import type { Style } from '../render/style.js';
import { renderTable } from '../render/table.js';
import { citations } from '../render/citations.js';
import type { BaseIndex } from '../core/base-index.js';
import { checkChoice, findRecord, openForQuery } from '../app/context.js';
import { resolveRegionOption } from '../app/region-option.js';

type FundingOptions = CommandInput<typeof fundingOptions>;

async function fundingCommand(options: FundingOptions, io: IO, bundledData: string): Promise<number> {
  checkChoice(options.instrument, INSTRUMENTS, '--instrument');
  checkChoice(options.stage, STAGES, '--stage');
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
      io.out(renderTsv(RAW_HEADER, rawRows(report)));
      break;
    case 'csv':
      io.out(renderCsv(RAW_HEADER, rawRows(report)));
      break;
    default:
      io.out(renderFundingTables(report, context.index, context.width, context.paint));
      if (report.lines.length === 0) io.err('No funding line matches.\n');
  }
  return 0;
}

/**
 * One table in a pipe, nothing lost: the first column says whether a row is a funding line, a
 * total, or a line of the programme's budget (`awk -F'\t' '$1 == "total"'`).
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
];

function rawRows(report: FundingReport): string[][] {
  const flag = (value: boolean | undefined) => (value ? 'true' : 'false');
  return [
    ...report.lines.map((l) => [
      'line',
      l.id,
      l.programme,
      l.recipient,
      l.funder ?? '',
      l.instrument,
      l.stage,
      String(l.amount),
      l.currency,
      flag(l.upper_bound),
      l.date ?? '',
      '1',
      l.source,
    ]),
    ...report.totals.map((t) => [
      'total',
      '',
      report.programme?.id ?? '',
      '',
      '',
      t.instrument,
      t.stage,
      String(t.amount),
      t.currency,
      flag(t.upper_bound),
      '',
      String(t.lines),
      '',
    ]),
    ...report.budget.map((b) => [
      'budget',
      '',
      b.programme,
      '',
      '',
      b.instrument,
      '',
      String(b.amount),
      b.currency,
      'false',
      '',
      '',
      b.source,
    ]),
  ];
}

function renderFundingTables(report: FundingReport, index: BaseIndex, width: number, paint: Style): string {
  const table = (header: string[], rows: string[][]) => renderTable(header, rows, { width, paint });
  const sources = citations(
    [...report.lines.map((l) => l.source), ...report.budget.map((b) => b.source)],
    index.articles,
  );
  const cite = sources.cite;
  const money = (amount: number, currency: string, upTo?: boolean) =>
    `${upTo ? 'up to ' : ''}${formatAmount(amount, currency)}`;
  const parts: string[] = [];
  if (report.programme) {
    const carried = report.programme.includes.slice(1).map((id) => displayName(index, id));
    parts.push(
      `${paint.bold(report.programme.name)}${carried.length ? paint.dim(` with ${carried.join(', ')}`) : ''}\n`,
    );
  }
  if (report.lines.length > 0) {
    parts.push(
      `${paint.bold.underline('Funding lines')}\n` +
        table(
          ['Programme', 'Recipient', 'Instrument', 'Stage', 'Amount', 'Date', 'Source'],
          report.lines.map((l) => [
            displayName(index, l.programme),
            displayName(index, l.recipient),
            l.instrument,
            l.stage,
            money(l.amount, l.currency, l.upper_bound),
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
            t.instrument,
            t.stage,
            String(t.lines),
            money(t.amount, t.currency, t.upper_bound),
          ]),
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
            b.instrument,
            formatAmount(b.amount, b.currency),
            cite(b.source),
            b.note ?? '',
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
  instrument: { value: '<instrument>', description: 'grant, equity, loan, other', choices: INSTRUMENTS },
  stage: { value: '<stage>', description: 'announced, awarded, potential, disbursed', choices: STAGES },
  region: { value: '<region>', description: "recipient's region: slug, name, INSEE code or short form" },
} as const;

export const command = defineCommand({
  name: 'funding',
  summary: 'funding lines, then totals by instrument and stage, and the programme budget',
  options: fundingOptions,
  details: `Funding lines, then their totals grouped by instrument and stage (grants are never added to equity,
nor announced or potential money to awarded money), then the budget of the programme asked for.
--program takes an id, a name or an acronym and includes every programme it carries.`,
  examples: [
    { command: 'coop funding --program PIA', comment: "the PIA and Territoires d'innovation" },
    { command: 'coop funding --program PIA --instrument grant --stage awarded' },
    { command: 'coop funding --recipient territoire-de-sante-de-demain' },
    { command: 'coop funding --region grand-est --json' },
  ],
  run: (options, { io, bundledData }) => fundingCommand(options, io, bundledData),
});
