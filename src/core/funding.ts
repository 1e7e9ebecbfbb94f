import { displayName, frenchRanks, programmeWithDescendants, type BaseIndex } from './base-index.js';
import type { Funding } from './model.js';
import { regionOf } from './queries.js';
import { INSTRUMENTS, STAGES } from './enums.js';
import type { BudgetLine } from './schema.js';
import { moneyOf, sumMoney, type AmountQualifier, type Period } from './money.js';

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
 * A sum of like money only: one total per instrument, stage, currency and period, so that grants
 * are never added to equity, nor potential money to awarded money, nor an amount per year to
 * one-off amounts (`per` says the total is per year). A vague line makes the total as vague:
 * `qualifier` says how (core/money.ts), `amount` is absent for a range.
 */
export interface FundingTotal {
  instrument: string;
  stage: string;
  currency: string;
  qualifier: AmountQualifier;
  amount?: number;
  amount_min?: number;
  amount_max?: number;
  /** Some line of the total is approximate. */
  approximate: boolean;
  lines: number;
  /** Some line of the total is an "up to" amount: so is the total. */
  upper_bound: boolean;
  /** Unnamed recipients the lines count (recipients_count), when some line has them. */
  recipients_count?: number;
  /** The lines are amounts per year: so is their total, kept apart from one-off amounts. */
  per?: Period;
}

/** A funding line with how precise its amount is. */
export type FundingRow = Funding & { qualifier: AmountQualifier };

/** A programme of the tree under the one asked for, with the subtotals of its whole branch. */
export interface FundingBranch {
  id: string;
  name: string;
  /** fund, dotation, plan, call; absent for a plain programme. */
  nature?: string;
  /** 0 for the programme asked for, 1 for its children... */
  depth: number;
  opens?: string;
  closes?: string;
  /** Lines of the branch: this programme's and its descendants'. */
  lines: number;
  totals: FundingTotal[];
}

export interface ProgrammeBudgetLine extends BudgetLine {
  programme: string;
}

export interface FundingReport {
  programme?: { id: string; name: string; nature?: string; includes: string[] };
  lines: FundingRow[];
  totals: FundingTotal[];
  budget: ProgrammeBudgetLine[];
  /** With --program: the programme and its descendants as a tree, depth first. */
  tree?: FundingBranch[];
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
      const recipient = line.recipient === undefined ? undefined : index.organisations.get(line.recipient);
      if (!recipient || regionOf(recipient) !== filters.region) return false;
    }
    return true;
  });
  // Names looked up and ranked once each, not at every comparison.
  const named = kept.map((line) => ({
    line,
    programme: displayName(index, line.programme),
    recipient: recipientLabel(index, line),
  }));
  const rank = frenchRanks(named.flatMap((n) => [n.programme, n.recipient]));
  const lines = named
    .sort(
      (a, b) =>
        rank.get(a.programme)! - rank.get(b.programme)! ||
        rank.get(a.recipient)! - rank.get(b.recipient)! ||
        // Two recipients of the same name stay apart, each with its lines.
        compareIds(a.line.recipient ?? '', b.line.recipient ?? '') ||
        INSTRUMENTS.indexOf(a.line.instrument) - INSTRUMENTS.indexOf(b.line.instrument) ||
        STAGES.indexOf(a.line.stage) - STAGES.indexOf(b.line.stage) ||
        (a.line.id < b.line.id ? -1 : 1),
    )
    .map((n): FundingRow => ({ ...n.line, qualifier: moneyOf(n.line).qualifier }));
  const budget = (family ?? []).flatMap((id) =>
    (index.programmes.get(id)?.budget ?? []).map((line) => ({ programme: id, ...line })),
  );
  return {
    ...(filters.programme ? { programme: programmeHeading(index, filters.programme, family ?? []) } : {}),
    lines,
    totals: fundingTotals(lines),
    budget,
    ...(family ? { tree: fundingTree(index, family, lines) } : {}),
  };
}

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function programmeHeading(index: BaseIndex, id: string, includes: string[]): NonNullable<FundingReport['programme']> {
  const nature = index.programmes.get(id)?.nature;
  return { id, name: displayName(index, id), ...(nature !== undefined ? { nature } : {}), includes };
}

/**
 * Who a line goes to, for people: the named recipient, else "12 recipients", else the programme
 * (or call) as a whole.
 */
export function recipientLabel(index: BaseIndex, line: Funding): string {
  if (line.recipient !== undefined) return displayName(index, line.recipient);
  if (line.recipients_count !== undefined)
    return `${line.recipients_count} recipient${line.recipients_count === 1 ? '' : 's'}`;
  return `(all of ${displayName(index, line.programme)})`;
}

/** The programmes of the family, depth first, children in French name order, each with its branch's subtotals. */
function fundingTree(index: BaseIndex, family: readonly string[], lines: readonly Funding[]): FundingBranch[] {
  const inFamily = new Set(family);
  const children = new Map<string, string[]>();
  for (const id of family.slice(1)) {
    const parent = index.programmes.get(id)?.parent;
    if (parent !== undefined && inFamily.has(parent)) children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  const rank = frenchRanks(family.map((id) => displayName(index, id)));
  const byProgramme = new Map<string, Funding[]>();
  for (const line of lines) byProgramme.set(line.programme, [...(byProgramme.get(line.programme) ?? []), line]);
  const branch: FundingBranch[] = [];
  const seen = new Set<string>();
  const visit = (id: string, depth: number): Funding[] => {
    // A cycle of parents is reported by validate; the tree stops at the first repeat.
    if (seen.has(id)) return [];
    seen.add(id);
    const programme = index.programmes.get(id);
    const node: FundingBranch = { id, name: displayName(index, id), depth, lines: 0, totals: [] };
    if (programme?.nature !== undefined) node.nature = programme.nature;
    if (programme?.opens !== undefined) node.opens = programme.opens;
    if (programme?.closes !== undefined) node.closes = programme.closes;
    branch.push(node);
    const kids = [...(children.get(id) ?? [])].sort(
      (a, b) => rank.get(displayName(index, a))! - rank.get(displayName(index, b))! || compareIds(a, b),
    );
    const all = [...(byProgramme.get(id) ?? []), ...kids.flatMap((kid) => visit(kid, depth + 1))];
    node.lines = all.length;
    node.totals = fundingTotals(all);
    return all;
  };
  visit(family[0]!, 0);
  return branch;
}

function fundingTotals(lines: readonly Funding[]): FundingTotal[] {
  const groups = new Map<string, Funding[]>();
  for (const line of lines) {
    const key = `${line.instrument}\u0000${line.stage}\u0000${line.currency}\u0000${line.per ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  const totals = [...groups.values()].map((group): FundingTotal => {
    const first = group[0]!;
    const sum = sumMoney(group.map(moneyOf), first.currency);
    const counted = group.filter((line) => line.recipients_count !== undefined);
    return {
      instrument: first.instrument,
      stage: first.stage,
      currency: first.currency,
      qualifier: sum.qualifier,
      ...(sum.amount !== undefined ? { amount: sum.amount } : {}),
      ...(sum.amount_min !== undefined ? { amount_min: sum.amount_min } : {}),
      ...(sum.amount_max !== undefined ? { amount_max: sum.amount_max } : {}),
      approximate: sum.approximate,
      lines: group.length,
      upper_bound: sum.qualifier === 'up-to',
      ...(counted.length > 0 ? { recipients_count: counted.reduce((n, line) => n + line.recipients_count!, 0) } : {}),
      ...(first.per !== undefined ? { per: first.per } : {}),
    };
  });
  return totals.sort(
    (a, b) =>
      INSTRUMENTS.indexOf(a.instrument as (typeof INSTRUMENTS)[number]) -
        INSTRUMENTS.indexOf(b.instrument as (typeof INSTRUMENTS)[number]) ||
      STAGES.indexOf(a.stage as (typeof STAGES)[number]) - STAGES.indexOf(b.stage as (typeof STAGES)[number]) ||
      a.currency.localeCompare(b.currency) ||
      // One-off totals first, then those per year.
      (a.per === undefined ? 0 : 1) - (b.per === undefined ? 0 : 1),
  );
}
