import { displayName, frenchRanks, programmeWithDescendants, type BaseIndex } from './base-index.js';
import type { Funding } from './model.js';
import { regionOf } from './queries.js';
import { INSTRUMENTS, STAGES } from './enums.js';
import type { BudgetLine } from './schema.js';

export interface FundingFilters {
  /** The programme asked for: it and every programme it carries. */
  programme?: string;
  recipient?: string;
  instrument?: string;
  stage?: string;
  /** Region slug of the recipient. */
  region?: string;
}

/**
 * A sum of like money only: one total per instrument, stage and currency, so that grants are never
 * added to equity, nor potential money to awarded money.
 */
export interface FundingTotal {
  instrument: string;
  stage: string;
  currency: string;
  amount: number;
  lines: number;
  /** Some line of the total is an "up to" amount: so is the total. */
  upper_bound: boolean;
}

export interface ProgrammeBudgetLine extends BudgetLine {
  programme: string;
}

export interface FundingReport {
  programme?: { id: string; name: string; includes: string[] };
  lines: Funding[];
  totals: FundingTotal[];
  budget: ProgrammeBudgetLine[];
}

export function fundingReport(index: BaseIndex, filters: FundingFilters): FundingReport {
  const family = filters.programme ? programmeWithDescendants(index, filters.programme) : undefined;
  const inFamily = family ? new Set(family) : undefined;
  // The narrowest lookup first: the programme's lines, the recipient's, else every line.
  const candidates = family
    ? family.flatMap((id) => index.fundingByProgramme.get(id) ?? [])
    : filters.recipient
      ? (index.fundingByRecipient.get(filters.recipient) ?? [])
      : index.base.funding;
  const kept = candidates.filter((line) => {
    if (inFamily && !inFamily.has(line.programme)) return false;
    if (filters.recipient && line.recipient !== filters.recipient) return false;
    if (filters.instrument && line.instrument !== filters.instrument) return false;
    if (filters.stage && line.stage !== filters.stage) return false;
    if (filters.region) {
      const recipient = index.organisations.get(line.recipient);
      if (!recipient || regionOf(recipient) !== filters.region) return false;
    }
    return true;
  });
  // Names looked up and ranked once each, not at every comparison.
  const named = kept.map((line) => ({
    line,
    programme: displayName(index, line.programme),
    recipient: displayName(index, line.recipient),
  }));
  const rank = frenchRanks(named.flatMap((n) => [n.programme, n.recipient]));
  const lines = named
    .sort(
      (a, b) =>
        rank.get(a.programme)! - rank.get(b.programme)! ||
        rank.get(a.recipient)! - rank.get(b.recipient)! ||
        // Two recipients of the same name stay apart, each with its lines.
        (a.line.recipient < b.line.recipient ? -1 : a.line.recipient > b.line.recipient ? 1 : 0) ||
        INSTRUMENTS.indexOf(a.line.instrument) - INSTRUMENTS.indexOf(b.line.instrument) ||
        STAGES.indexOf(a.line.stage) - STAGES.indexOf(b.line.stage) ||
        (a.line.id < b.line.id ? -1 : 1),
    )
    .map((n) => n.line);
  const budget = (family ?? []).flatMap((id) =>
    (index.programmes.get(id)?.budget ?? []).map((line) => ({ programme: id, ...line })),
  );
  return {
    ...(filters.programme
      ? { programme: { id: filters.programme, name: displayName(index, filters.programme), includes: family ?? [] } }
      : {}),
    lines,
    totals: fundingTotals(lines),
    budget,
  };
}

function fundingTotals(lines: readonly Funding[]): FundingTotal[] {
  const totals = new Map<string, FundingTotal>();
  for (const line of lines) {
    const key = `${line.instrument}\u0000${line.stage}\u0000${line.currency}`;
    const total = totals.get(key) ?? {
      instrument: line.instrument,
      stage: line.stage,
      currency: line.currency,
      amount: 0,
      lines: 0,
      upper_bound: false,
    };
    total.amount += line.amount;
    total.lines += 1;
    total.upper_bound ||= line.upper_bound === true;
    totals.set(key, total);
  }
  return [...totals.values()].sort(
    (a, b) =>
      INSTRUMENTS.indexOf(a.instrument as (typeof INSTRUMENTS)[number]) -
        INSTRUMENTS.indexOf(b.instrument as (typeof INSTRUMENTS)[number]) ||
      STAGES.indexOf(a.stage as (typeof STAGES)[number]) - STAGES.indexOf(b.stage as (typeof STAGES)[number]) ||
      a.currency.localeCompare(b.currency),
  );
}
