import { departmentOfCommuneCode, findDepartment, regionBySlugOrNull } from '../core/geography.js';
import { eventSources, eventStatus, type Article, type CoopEvent, type Funding } from '../core/model.js';
import { figureValue, moneyOf, type MoneyClaim } from '../core/money.js';
import { ACCEPTED_ROLES } from '../core/renames.js';
import type { GroupedMember } from '../core/memberships.js';
import type { Figure } from '../core/schema.js';
import { fieldText, type Sourced } from '../core/field-sources.js';
import type {
  AgreementView,
  ArticleView,
  EventView,
  FundingView,
  OrganisationView,
  PersonView,
  ProgrammeView,
  RecordView,
} from '../core/views.js';
import { renderTsv } from './delimited.js';
import {
  formatDate,
  formatFigure,
  formatMoney,
  formatPerRecipient,
  formatTerms,
  terminalText,
  type MoneyTerms,
} from './format.js';
import { safeLine, safeText } from './sanitize.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';
import { wrap } from './wrap.js';
import type { Labeller, ListName } from '../core/labels.js';
import { DEFAULT_BASE_LANGUAGE, textFor, type Language, type Text } from '../core/language.js';
import type { HistoryEntry } from '../core/history.js';

interface DocumentOptions {
  /** Boxed tables and formatted values on a terminal; tab-separated raw values in a pipe. */
  terminal: boolean;
  width: number;
  paint: Style;
  /** How a value of a closed list reads: its id, or its French label with --lang fr. */
  label?: Labeller;
  /** "per year", or "/ an" in French. */
  language?: Language;
  /** The language the reader asked for (--lang, LANG): our own words are shown in it when they have it. */
  reader?: Language;
  /** The language of the base's plain-string texts. */
  baseLanguage?: Language;
}

/** One record as a document: a title, its fields, then sections of tables. */
export function renderRecord(view: RecordView, options: DocumentOptions): string {
  const doc = new DocumentWriter(options);
  switch (view.type) {
    case 'organisation':
      writeOrganisation(doc, view);
      break;
    case 'programme':
      writeProgramme(doc, view);
      break;
    case 'funding':
      writeFunding(doc, view);
      break;
    case 'event':
      writeEvent(doc, view);
      break;
    case 'article':
      writeArticle(doc, view);
      break;
    case 'person':
      writePerson(doc, view);
      break;
    case 'agreement':
      writeAgreement(doc, view);
      break;
  }
  return doc.toString();
}

class DocumentWriter {
  private parts: string[] = [];
  private citations = new Map<string, number>();
  constructor(readonly options: DocumentOptions) {}

  /** Numbers the articles as the Sources section lists them, so tables cite [1] rather than a long id. */
  numberSources(articles: readonly Article[]): void {
    articles.forEach((article, i) => this.citations.set(article.id, i + 1));
  }

  label(list: ListName, value: string): string {
    return this.options.label ? this.options.label(list, value) : value;
  }

  /**
   * Our own words in the reader's language. On a terminal, a text the reader's language lacks says
   * which one it is in, "(fr) ..."; a pipe gets the words alone.
   */
  text(value: Text | undefined): string {
    if (value === undefined) return '';
    const base = this.options.baseLanguage ?? DEFAULT_BASE_LANGUAGE;
    return this.options.terminal
      ? terminalText(value, this.options.reader, base)
      : textFor(value, this.options.reader, base);
  }

  readonly labeller: Labeller = (list, value) => this.label(list, value);

  cite(articleId: string): string {
    const n = this.citations.get(articleId);
    return this.options.terminal && n !== undefined ? `[${n}]` : articleId;
  }

  title(text: string, subtitle: string): void {
    const { paint } = this.options;
    this.parts.push(`${paint.bold(safeLine(text))}\n${paint.dim(safeLine(subtitle))}\n`);
  }

  fields(entries: Array<[string, string | undefined]>): void {
    const present = entries.filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '');
    if (present.length === 0) return;
    if (!this.options.terminal) {
      this.parts.push(present.map(([key, value]) => `${safeLine(key)}\t${safeLine(value)}\n`).join(''));
      return;
    }
    const labelWidth = Math.max(...present.map(([key]) => key.length)) + 2;
    const textWidth = Math.max(20, this.options.width - labelWidth - 2);
    this.parts.push(
      present
        .map(([key, value]) => {
          const lines = wrap(safeLine(value), textWidth);
          return lines
            .map(
              (line, i) =>
                `  ${i === 0 ? this.options.paint.cyan(key.padEnd(labelWidth)) : ' '.repeat(labelWidth)}${line}\n`,
            )
            .join('');
        })
        .join(''),
    );
  }

  /** Fields under a heading of their own, as a section. */
  headedFields(heading: string, entries: Array<[string, string | undefined]>): void {
    const before = this.parts.length;
    this.fields(entries);
    if (this.parts.length > before) this.parts[before] = `${this.heading(heading)}${this.parts[before]}`;
  }

  paragraph(heading: string, value: Text | undefined): void {
    const text = this.text(value);
    if (!text) return;
    const body = this.options.terminal
      ? safeText(text)
          .split(/\n{2,}/)
          .map((para) =>
            wrap(para.replace(/\s*\n\s*/g, ' ').trim(), Math.min(this.options.width, 100) - 2)
              .map((line) => `  ${line}\n`)
              .join(''),
          )
          .join('\n')
      : safeText(text).trimEnd() + '\n';
    this.parts.push(`${this.heading(heading)}${body}`);
  }

  list(heading: string, items: readonly string[] | undefined): void {
    if (!items || items.length === 0) return;
    const lines = this.options.terminal
      ? items.map((item) =>
          wrap(safeLine(item), Math.min(this.options.width, 100) - 4)
            .map((line, i) => `${i === 0 ? '  • ' : '    '}${line}\n`)
            .join(''),
        )
      : items.map((item) => `${safeLine(item)}\n`);
    this.parts.push(`${this.heading(heading)}${lines.join('')}`);
  }

  table(
    heading: string,
    human: { header: string[]; rows: string[][]; beneath?: ReadonlyMap<number, string> },
    raw: { header: string[]; rows: string[][] },
  ): void {
    if (human.rows.length === 0) return;
    const body = this.options.terminal
      ? renderTable(human.header, human.rows, { ...this.options, beneath: human.beneath })
      : renderTsv(raw.header, raw.rows);
    this.parts.push(`${this.heading(heading)}${body}`);
  }

  private heading(text: string): string {
    return this.options.terminal ? `${this.options.paint.bold.underline(text)}\n` : `## ${text}\n`;
  }

  toString(): string {
    return this.parts.join('\n');
  }
}

function place(city?: string, department?: string, region?: string): string | undefined {
  const dept = department ? findDepartment(department) : undefined;
  const regionName = region ? (regionBySlugOrNull(region)?.name ?? region) : undefined;
  const parts = [city, dept ? `${dept.name} (${dept.code})` : department, regionName].filter(Boolean);
  return parts.length ? parts.join(', ') : undefined;
}

const date = (doc: DocumentWriter, value: string | undefined) =>
  value === undefined ? '' : doc.options.terminal ? formatDate(value) : value;
/** The amount as vague as its article ("≈ 10 M€"); in a pipe with raw numbers ("≈ 10000000"). */
const money = (doc: DocumentWriter, claim: MoneyClaim) =>
  formatMoney(moneyOf(claim), !doc.options.terminal, doc.options.language);
/** The amount and, in brackets, its terms: "1.2 M€ (non-renewable, operating)". */
const moneyCell = (doc: DocumentWriter, claim: MoneyClaim & MoneyTerms) =>
  `${money(doc, claim)}${formatTerms(claim, doc.labeller)}`;
/** The raw columns of a line's terms, in a pipe. */
const TERM_COLUMNS = ['recurrence', 'purpose', 'per', 'from', 'until'];
const termColumns = (line: MoneyTerms & { per?: string }) => [
  line.recurrence ?? '',
  line.purpose ?? '',
  line.per ?? '',
  line.from ?? '',
  line.until ?? '',
];
const raw = (value: number | undefined) => (value === undefined ? '' : String(value));
/** Who a line goes to when the article names nobody: a count of recipients, or the programme as a whole. */
function recipientCell(line: Funding, nameOf: (id: string) => string, terminal: boolean): string {
  if (line.recipient !== undefined) return terminal ? nameOf(line.recipient) : line.recipient;
  if (!terminal) return '';
  const each =
    line.per_recipient_min !== undefined || line.per_recipient_max !== undefined ? ` (${perRecipient(line)} each)` : '';
  if (line.recipients_count !== undefined) return `${line.recipients_count} recipients${each}`;
  return `(all of ${nameOf(line.programme)})${each}`;
}
function perRecipient(line: Funding): string {
  return formatPerRecipient(line.per_recipient_min, line.per_recipient_max, line.currency);
}
/** The articles of an event, cited: [1] [2] on a terminal, ids joined by commas in a pipe. */
const citeAll = (doc: DocumentWriter, ids: readonly string[]) =>
  ids.map((id) => doc.cite(id)).join(doc.options.terminal ? ' ' : ',');

function writeFigures(doc: DocumentWriter, figures: Figure[] | undefined): void {
  const list = figures ?? [];
  doc.table(
    'Figures',
    {
      header: ['Metric', 'Value', 'Unit', 'As of', 'Source', 'Note'],
      rows: list.map((f) => [
        f.metric,
        formatFigure(figureValue(f), false, doc.options.language),
        f.unit ?? '',
        date(doc, f.as_of),
        doc.cite(f.source),
        doc.text(f.note),
      ]),
    },
    {
      header: ['metric', 'value', 'unit', 'as_of', 'source', 'note', 'qualifier', 'value_min', 'value_max', 'per'],
      rows: list.map((f) => [
        f.metric,
        raw(f.value),
        f.unit ?? '',
        f.as_of ?? '',
        f.source,
        doc.text(f.note),
        figureValue(f).qualifier,
        raw(f.value_min),
        raw(f.value_max),
        f.per ?? '',
      ]),
    },
  );
}

function writeFundingLines(
  doc: DocumentWriter,
  heading: string,
  lines: Funding[],
  nameOf: (id: string) => string,
): void {
  doc.table(
    heading,
    {
      header: ['Programme', 'Recipient', 'Instrument', 'Stage', 'Amount', 'Date', 'Source'],
      rows: lines.map((l) => [
        nameOf(l.programme),
        recipientCell(l, nameOf, true),
        doc.label('INSTRUMENTS', l.instrument),
        doc.label('STAGES', l.stage),
        moneyCell(doc, l),
        date(doc, l.date),
        doc.cite(l.source),
      ]),
    },
    {
      header: [
        'id',
        'programme',
        'recipient',
        'instrument',
        'stage',
        'amount',
        'currency',
        'upper_bound',
        'date',
        'source',
        'qualifier',
        'amount_min',
        'amount_max',
        'recipients_count',
        ...TERM_COLUMNS,
      ],
      rows: lines.map((l) => [
        l.id,
        l.programme,
        l.recipient ?? '',
        doc.label('INSTRUMENTS', l.instrument),
        doc.label('STAGES', l.stage),
        raw(l.amount),
        l.currency,
        l.upper_bound ? 'true' : '',
        l.date ?? '',
        l.source,
        moneyOf(l).qualifier,
        raw(l.amount_min),
        raw(l.amount_max),
        raw(l.recipients_count),
        ...termColumns(l),
      ]),
    },
  );
}

/** The timeline, then the planned events apart: announced, they are not facts that occurred. */
function writeEventTable(doc: DocumentWriter, heading: string, list: CoopEvent[]): void {
  doc.table(
    heading,
    {
      header: ['Date', 'Kind', 'Event', 'Source'],
      rows: list.map((e) => [
        date(doc, e.date),
        doc.label('EVENT_KINDS', e.kind),
        eventStatus(e) === 'cancelled' ? `${doc.text(e.title)} (cancelled)` : doc.text(e.title),
        citeAll(doc, eventSources(e)),
      ]),
    },
    {
      header: ['id', 'date', 'kind', 'title', 'source'],
      rows: list.map((e) => [
        e.id,
        e.date,
        doc.label('EVENT_KINDS', e.kind),
        doc.text(e.title),
        citeAll(doc, eventSources(e)),
      ]),
    },
  );
}

function writeEvents(doc: DocumentWriter, events: CoopEvent[]): void {
  writeEventTable(
    doc,
    'Events',
    events.filter((e) => eventStatus(e) !== 'planned'),
  );
  writePlanned(doc, events);
}

function writePlanned(doc: DocumentWriter, events: CoopEvent[]): void {
  writeEventTable(
    doc,
    'Planned',
    events.filter((e) => eventStatus(e) === 'planned'),
  );
}

/**
 * The fields other articles disagree on: each with the value the base retains, and beneath it,
 * flagged "≠", the other values with the articles that give them.
 */
function writeDisputed(doc: DocumentWriter, record: Sourced): void {
  const disputed = Object.entries(record.disputed ?? {});
  if (disputed.length === 0) return;
  const text = (field: string, value: unknown) => fieldText(field, value, (edtf) => date(doc, edtf));
  const retained = (field: string) => text(field, (record as unknown as Record<string, unknown>)[field]);
  if (doc.options.terminal) {
    doc.headedFields(
      'Disputed',
      disputed.flatMap(
        ([field, values]): Array<[string, string]> => [
          [field, retained(field)],
          ...values.map((v): [string, string] => [
            '',
            `≠ ${text(field, v.value)} ${v.sources.map((s) => doc.cite(s)).join('')}${v.note ? ` (${doc.text(v.note)})` : ''}`,
          ]),
        ],
      ),
    );
    return;
  }
  const rows = disputed.flatMap(([field, values]) =>
    values.map((v) => [field, retained(field), text(field, v.value), v.sources.join(','), doc.text(v.note)]),
  );
  const header = ['field', 'value', 'disputed', 'sources', 'note'];
  doc.table('Disputed', { header, rows }, { header, rows });
}

function writeArticles(doc: DocumentWriter, articles: Article[]): void {
  doc.table(
    'Sources',
    {
      header: ['', 'Article', 'Outlet', 'Date', 'Title'],
      rows: articles.map((a) => [doc.cite(a.id), a.id, a.outlet ?? '', date(doc, a.date), a.title]),
    },
    { header: ['id', 'outlet', 'date', 'title'], rows: articles.map((a) => [a.id, a.outlet ?? '', a.date, a.title]) },
  );
}

/** The owner links: "Groupe X [groupe-x] (60 %, since 2015, [2])", today's and past ones. */
function partOf(doc: DocumentWriter, owners: OrganisationView['owners']): string | undefined {
  if (owners.length === 0) return undefined;
  return owners
    .map((p) => {
      const dates = [
        p.share !== undefined && `${p.share} %`,
        p.since && `since ${date(doc, p.since)}`,
        p.until && `until ${date(doc, p.until)}`,
      ];
      const extra = [...dates, p.source && doc.cite(p.source)].filter(Boolean).join(', ');
      return `${p.name} [${p.id}]${extra ? ` (${extra})` : ''}`;
    })
    .join('; ');
}

function writeOrganisation(doc: DocumentWriter, view: OrganisationView): void {
  const org = view.record;
  doc.numberSources(view.articles);
  doc.title(
    org.short_name && org.short_name !== org.name ? `${org.name} (${org.short_name})` : org.name,
    [org.id, doc.label('ORGANISATION_KINDS', org.kind), org.sector && doc.label('SECTORS', org.sector)]
      .filter(Boolean)
      .join(' · '),
  );
  const identifiers = org.identifiers
    ? Object.entries(org.identifiers)
        .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(', ') : value}`)
        .join('; ')
    : undefined;
  doc.fields([
    ['Also known as', org.aliases?.join('; ')],
    ['Location', place(org.city, org.department, org.region)],
    ...territoryFields(doc, view),
    ['Founded', foundedText(doc, view)],
    ['Dissolved', org.dissolved && date(doc, org.dissolved)],
    ['Successor', org.successor && `${view.names[org.successor] ?? org.successor} [${org.successor}]`],
    ['Field', org.field && doc.label('FIELDS', org.field)],
    ['Legal form', legalForm(doc, org)],
    ['Labels', org.labels?.map((l) => doc.label('ORGANISATION_LABELS', l)).join('; ')],
    ['Part of', partOf(doc, view.owners)],
    ['Subsidiaries', view.subsidiaries.map((s) => `${s.name} [${s.id}]`).join('; ')],
    ['Identifiers', identifiers],
    ['Website', org.website],
  ]);
  writeDisputed(doc, org);
  doc.paragraph('Description', org.description);
  doc.list('Activities', org.activities);
  doc.list('Shared resources', org.shared_resources);
  writeFigures(doc, org.figures);
  writeSites(doc, view);
  writeContracts(doc, view);
  writeMembers(doc, view.membersGrouped, org.members_complete !== false);
  writeGroupedTable(doc, 'Member of', 'Structure', view.memberOfGrouped, true);
  doc.table(
    'People',
    {
      header: ['Name', 'Role', 'Since', 'Until', 'Source'],
      rows: view.people.map((p) => [
        p.person ? `${p.name} [${p.person}]` : p.name,
        p.role ?? '',
        date(doc, p.since),
        date(doc, p.until),
        doc.cite(p.source),
      ]),
    },
    {
      header: ['name', 'person', 'role', 'since', 'until', 'source'],
      rows: view.people.map((p) => [p.name, p.person ?? '', p.role ?? '', p.since ?? '', p.until ?? '', p.source]),
    },
  );
  writeFundingLines(doc, 'Funding received', view.funding, (id) => view.names[id] ?? id);
  // The events that happened are told in the history; the planned ones apart, as for a programme.
  writeHistory(doc, view.history);
  writePlanned(doc, view.events);
  doc.paragraph('Note', org.note);
  writeArticles(doc, view.articles);
}

// --- A structure's history (issue 16, parts 3 and 4) ------------------------------------------

/** "2024-09-01 (derived from convention-approved)" when `founded` is read from a milestone. */
function foundedText(doc: DocumentWriter, view: OrganisationView): string | undefined {
  if (view.founded === undefined) return undefined;
  const from = view.founded_derived_from;
  return `${date(doc, view.founded)}${from ? ` (derived from ${doc.label('MILESTONE_KINDS', from)})` : ''}`;
}

/** One line of the story, in words: names with their ids on a terminal, ids alone in a pipe. */
function historyText(doc: DocumentWriter, entry: HistoryEntry): string {
  const who = (named: { id: string; name: string }) =>
    doc.options.terminal ? `${named.name} [${named.id}]` : named.id;
  switch (entry.what) {
    case 'founded':
      return 'founded';
    case 'milestone':
      return [
        doc.label('MILESTONE_KINDS', entry.kind),
        entry.by && ` by ${who(entry.by)}`,
        entry.act && ` (${entry.act})`,
        entry.note && `; ${doc.text(entry.note)}`,
      ]
        .filter(Boolean)
        .join('');
    case 'former-name':
      return `renamed: formerly "${entry.name}"${entry.since ? ` (since ${date(doc, entry.since)})` : ''}`;
    case 'owner':
      return `owned by ${who(entry.owner)}${entry.share !== undefined ? `, ${entry.share} %` : ''}${entry.note ? `; ${doc.text(entry.note)}` : ''}`;
    case 'owner-ended':
      return `no longer owned by ${who(entry.owner)}`;
    case 'event': {
      const roles = entry.roles.map((r) => doc.label('PARTICIPANT_ROLES', r)).join(', ');
      const cancelled = entry.cancelled ? ' (cancelled)' : '';
      return `${doc.label('EVENT_KINDS', entry.kind)}: ${doc.text(entry.title)}${cancelled}${roles ? ` (as ${roles})` : ''}`;
    }
    case 'dissolved':
      return `dissolved${entry.successor ? `; successor: ${who(entry.successor)}` : ''}`;
    case 'successor':
      return `successor: ${who(entry.successor)}`;
  }
}

function writeHistory(doc: DocumentWriter, history: readonly HistoryEntry[]): void {
  // A founding date alone is no history: the Founded field above says it already.
  if (history.every((e) => e.what === 'founded')) return;
  doc.table(
    'History',
    {
      header: ['Date', 'What', 'Source'],
      rows: history.map((e) => [date(doc, e.date), historyText(doc, e), citeAll(doc, e.sources)]),
    },
    {
      header: ['date', 'what', 'event', 'detail', 'source'],
      rows: history.map((e) => [
        e.date ?? '',
        e.what,
        e.what === 'event' ? e.event : '',
        historyText(doc, e),
        citeAll(doc, e.sources),
      ]),
    },
  );
}

// ---------------------------------------------------------------------------------------------

/**
 * The members, one row each however many articles name them: a table per role for the members,
 * then the pending applications and the former members, each heading counting organisations.
 */
function writeMembers(doc: DocumentWriter, members: readonly GroupedMember[], complete: boolean): void {
  for (const role of ACCEPTED_ROLES) {
    const group = members.filter((m) => m.status === 'member' && m.roles[0] === role);
    const disputed = group.filter((m) => m.disagreements.length > 0).length;
    const count = `${group.length} ${group.length === 1 ? 'organisation' : 'organisations'}`;
    const partial = complete ? '' : ', list partial';
    writeGroupedTable(
      doc,
      `Members: ${doc.label('MEMBER_ROLES', role)} (${count}${disputed ? `, ${disputed} disputed` : ''}${partial})`,
      'Member',
      group,
    );
  }
  const pending = members.filter((m) => m.status === 'pending');
  writeGroupedTable(doc, `Pending members (${pending.length}, not counted as members)`, 'Member', pending, true);
  const former = members.filter((m) => m.status === 'left');
  writeGroupedTable(doc, `Former members (${former.length})`, 'Member', former, true);
}

/** One row a member (or structure); where the articles disagree, a mark and a line beneath. */
function writeGroupedTable(
  doc: DocumentWriter,
  heading: string,
  label: string,
  members: readonly GroupedMember[],
  withRole = false,
): void {
  const cites = (ids: readonly string[]) => ids.map((id) => doc.cite(id)).join(doc.options.terminal ? ' ' : ',');
  const notes = (m: GroupedMember) =>
    m.notes
      .map((n) =>
        m.references.length > 1
          ? `${cites([n.source])}${doc.options.terminal ? ' ' : ': '}${doc.text(n.note)}`
          : doc.text(n.note),
      )
      .join(doc.options.terminal ? ' ' : ' | ');
  const disputedDate = (m: GroupedMember, field: 'since' | 'until') =>
    m.disagreements.some((d) => d.field === field) ? 'disputed' : date(doc, m[field]);
  const disagreement = (m: GroupedMember) =>
    m.disagreements
      .map(
        (d) =>
          `${d.field}: ${d.values
            .map(
              (v) => `${d.field === 'since' || d.field === 'until' ? date(doc, v.value) : v.value} ${cites(v.sources)}`,
            )
            .join(' / ')}`,
      )
      .join('; ');
  const role = (m: GroupedMember) =>
    m.roles.map((r) => doc.label('MEMBER_ROLES', r)).join(', ') + (m.status === 'member' ? '' : ` (${m.status})`);
  const beneath = new Map<number, string>();
  members.forEach((m, i) => {
    if (m.disagreements.length > 0) beneath.set(i, `* the articles disagree: ${disagreement(m)}`);
  });
  doc.table(
    heading,
    {
      header: [label, ...(withRole ? ['Role'] : []), 'Since', 'Until', 'Sources', 'Note'],
      rows: members.map((m) => [
        m.disagreements.length > 0 ? `${m.name} *` : m.name,
        ...(withRole ? [role(m)] : []),
        disputedDate(m, 'since'),
        untilWithReason(doc, disputedDate(m, 'until'), m.claims.find((c) => c.end_reason)?.end_reason),
        cites(m.references),
        notes(m),
      ]),
      beneath,
    },
    {
      header: [label.toLowerCase(), 'roles', 'status', 'since', 'until', 'sources', 'disputed', 'note'],
      rows: members.map((m) => [
        m.org,
        m.roles.map((r) => doc.label('MEMBER_ROLES', r)).join(','),
        m.status,
        m.since ?? '',
        m.until ?? '',
        cites(m.references),
        disagreement(m),
        notes(m),
      ]),
    },
  );
}

/** The territory an organisation covers, beyond its one location: departments, communes, EPCI, population. */
function territoryFields(doc: DocumentWriter, view: OrganisationView): Array<[string, string | undefined]> {
  const org = view.record;
  const terminal = doc.options.terminal;
  const named = (code: string) => {
    const name = view.places?.[code];
    return terminal && name ? `${name} (${code})` : code;
  };
  const departments = org.departments?.map((code) => {
    const department = findDepartment(code);
    return terminal && department ? `${department.name} (${code})` : code;
  });
  const communes = org.communes?.map(named);
  const epci = org.epci?.map(named);
  const population = org.population;
  return [
    ['Departments', departments?.join(terminal ? ', ' : ' ')],
    [`Communes${terminal && communes ? ` (${communes.length})` : ''}`, communes?.join(terminal ? ', ' : ' ')],
    ['EPCI', epci?.join(terminal ? ', ' : ' ')],
    [
      'Population',
      population &&
        [
          population.approximate ? 'about ' : '',
          terminal ? population.value.toLocaleString('en-US') : population.value,
          population.as_of ? ` (${date(doc, population.as_of)})` : '',
          ` ${doc.cite(population.source)}`,
        ].join(''),
    ],
  ];
}

function writeSites(doc: DocumentWriter, view: OrganisationView): void {
  const sites = view.record.sites ?? [];
  const communeName = (code: string | undefined) => {
    if (code === undefined) return '';
    const name = view.places?.[code];
    return name ? `${name} (${departmentOfCommuneCode(code)})` : code;
  };
  doc.table(
    'Sites',
    {
      header: ['Site', 'Commune', 'FINESS ET', 'Source', 'Note'],
      rows: sites.map((site) => [
        site.name,
        communeName(site.commune),
        site.finess_et ?? '',
        doc.cite(site.source),
        doc.text(site.note),
      ]),
    },
    {
      header: ['name', 'commune', 'finess_et', 'source', 'note'],
      rows: sites.map((site) => [
        site.name,
        site.commune ?? '',
        site.finess_et ?? '',
        site.source,
        doc.text(site.note),
      ]),
    },
  );
}

/** "GCS (GCS de moyens) · public · ESPIC": the legal form, its GCS type, its law and qualifications. */
function legalForm(doc: DocumentWriter, org: OrganisationView['record']): string | undefined {
  const parts = [
    org.legal_form && doc.label('LEGAL_FORMS', org.legal_form),
    org.gcs_type && `(${doc.label('GCS_TYPES', org.gcs_type)})`,
  ]
    .filter(Boolean)
    .join(' ');
  const all = [
    parts,
    org.law && doc.label('LAWS', org.law),
    ...(org.qualifications ?? []).map((q) => doc.label('QUALIFICATIONS', q)),
  ];
  const text = all.filter(Boolean).join(' · ');
  return text === '' ? undefined : text;
}

/** A member's until, with why it left: "2021-06 (withdrawal)". */
function untilWithReason(doc: DocumentWriter, until: string, reason: string | undefined): string {
  return reason ? `${until}${until ? ' ' : ''}(${doc.label('END_REASONS', reason)})` : until;
}

/** Since and until of an agreement, as people read a period: "2024 – 2028", "since 2024". */
function period(doc: DocumentWriter, value: { since?: string; until?: string } | undefined): string {
  if (!value || (!value.since && !value.until)) return '';
  if (!value.until) return `since ${date(doc, value.since)}`;
  if (!value.since) return `until ${date(doc, value.until)}`;
  return `${date(doc, value.since)} – ${date(doc, value.until)}`;
}

/** An organisation's authorisations of activity, and the agreements it is a party to. */
function writeContracts(doc: DocumentWriter, view: OrganisationView): void {
  const org = view.record;
  const authorisations = org.authorisations ?? [];
  const nameOf = (id: string) => view.names[id] ?? id;
  doc.table(
    'Authorisations',
    {
      header: ['Activity', 'Status', 'Date', 'Authority', 'Site', 'Source'],
      rows: authorisations.map((a) => [
        a.activity,
        doc.label('AUTHORISATION_STATUSES', a.status),
        date(doc, a.date),
        a.authority ? nameOf(a.authority) : '',
        a.site ?? '',
        doc.cite(a.source),
      ]),
    },
    {
      header: ['activity', 'status', 'date', 'authority', 'site', 'source'],
      rows: authorisations.map((a) => [a.activity, a.status, a.date ?? '', a.authority ?? '', a.site ?? '', a.source]),
    },
  );
  const roleOf = (agreement: AgreementView['record']) =>
    [...new Set(agreement.parties.filter((p) => p.org === org.id).map((p) => doc.label('PARTY_ROLES', p.role)))].join(
      ', ',
    );
  const others = (agreement: AgreementView['record']) => [
    ...new Set(agreement.parties.filter((p) => p.org !== org.id).map((p) => p.org)),
  ];
  doc.table(
    'Agreements',
    {
      header: ['Agreement', 'Kind', 'Role', 'With', 'Period', 'Source'],
      rows: view.agreements.map((a) => [
        a.name,
        doc.label('AGREEMENT_KINDS', a.kind),
        roleOf(a),
        others(a).map(nameOf).join('; '),
        period(doc, a.period),
        a.sources.map((source) => doc.cite(source)).join(' '),
      ]),
    },
    {
      header: ['id', 'kind', 'name', 'role', 'with', 'since', 'until', 'sources'],
      rows: view.agreements.map((a) => [
        a.id,
        a.kind,
        a.name,
        roleOf(a),
        others(a).join(' '),
        a.period?.since ?? '',
        a.period?.until ?? '',
        a.sources.join(' '),
      ]),
    },
  );
}

function writeAgreement(doc: DocumentWriter, view: AgreementView): void {
  const agreement = view.record;
  doc.numberSources(view.articles);
  doc.title(
    agreement.short_name ? `${agreement.name} (${agreement.short_name})` : agreement.name,
    `${agreement.id} · agreement · ${doc.label('AGREEMENT_KINDS', agreement.kind)}`,
  );
  doc.fields([
    ['Since', agreement.period?.since && date(doc, agreement.period.since)],
    ['Until', agreement.period?.until && date(doc, agreement.period.until)],
  ]);
  doc.table(
    'Parties',
    {
      header: ['Party', 'Role', 'Note'],
      rows: agreement.parties.map((p) => [
        `${view.names[p.org] ?? p.org} [${p.org}]`,
        doc.label('PARTY_ROLES', p.role),
        doc.text(p.note),
      ]),
    },
    { header: ['org', 'role', 'note'], rows: agreement.parties.map((p) => [p.org, p.role, doc.text(p.note)]) },
  );
  doc.paragraph('Description', agreement.description);
  doc.paragraph('Note', agreement.note);
  writeArticles(doc, view.articles);
}

function writeProgramme(doc: DocumentWriter, view: ProgrammeView): void {
  const programme = view.record;
  doc.numberSources(view.articles);
  doc.title(
    programme.short_name ? `${programme.name} (${programme.short_name})` : programme.name,
    `${programme.id} · programme`,
  );
  doc.fields([
    ['Also known as', programme.aliases?.join('; ')],
    ['Nature', programme.nature && doc.label('PROGRAMME_NATURES', programme.nature)],
    ['Part of', view.parent ? `${view.parent.name} [${view.parent.id}]` : undefined],
    ['Carries', view.children.map((c) => `${c.name} [${c.id}]`).join('; ')],
    ['Funder', view.funder ? `${view.funder.name} [${view.funder.id}]` : undefined],
    ['Launched', programme.launched && date(doc, programme.launched)],
    ['Opens', programme.opens && date(doc, programme.opens)],
    ['Closes', programme.closes && date(doc, programme.closes)],
  ]);
  writeDisputed(doc, programme);
  doc.paragraph('Description', programme.description);
  const budget = programme.budget ?? [];
  doc.table(
    'Budget',
    {
      header: ['Instrument', 'Amount', 'Source', 'Note'],
      rows: budget.map((b) => [
        doc.label('INSTRUMENTS', b.instrument),
        moneyCell(doc, b),
        doc.cite(b.source),
        doc.text(b.note),
      ]),
    },
    {
      header: [
        'instrument',
        'amount',
        'currency',
        'source',
        'note',
        'qualifier',
        'amount_min',
        'amount_max',
        ...TERM_COLUMNS,
      ],
      rows: budget.map((b) => [
        b.instrument,
        raw(b.amount),
        b.currency,
        b.source,
        doc.text(b.note),
        moneyOf(b).qualifier,
        raw(b.amount_min),
        raw(b.amount_max),
        ...termColumns(b),
      ]),
    },
  );
  writeFigures(doc, programme.figures);
  writeFundingLines(doc, 'Funding lines (with the programmes it carries)', view.funding, (id) => view.names[id] ?? id);
  writeEvents(doc, view.events);
  doc.paragraph('Note', programme.note);
  writeArticles(doc, view.articles);
}

function writeFunding(doc: DocumentWriter, view: FundingView): void {
  const line = view.record;
  doc.numberSources(view.articles);
  const name = (id: string) => `${view.names[id] ?? id} [${id}]`;
  doc.title(
    `${line.instrument} of ${money(doc, line)} to ${recipientCell(line, (id) => view.names[id] ?? id, true)}`,
    `${line.id} · funding line`,
  );
  doc.fields([
    ['Programme', name(line.programme)],
    ['Recipient', line.recipient && name(line.recipient)],
    ['Recipients', line.recipients_count === undefined ? undefined : String(line.recipients_count)],
    [
      'Per recipient',
      line.per_recipient_min === undefined && line.per_recipient_max === undefined
        ? undefined
        : doc.options.terminal
          ? perRecipient(line)
          : `${raw(line.per_recipient_min)}–${raw(line.per_recipient_max)}`,
    ],
    ['Funder', line.funder && name(line.funder)],
    ['Instrument', doc.label('INSTRUMENTS', line.instrument)],
    ['Stage', doc.label('STAGES', line.stage)],
    ['Amount', money(doc, line)],
    ['Recurrence', line.recurrence && doc.label('RECURRENCES', line.recurrence)],
    ['Purpose', line.purpose && doc.label('PURPOSES', line.purpose)],
    ['From', line.from && date(doc, line.from)],
    ['Until', line.until && date(doc, line.until)],
    ['Currency', doc.options.terminal ? undefined : line.currency],
    ['Date', line.date && date(doc, line.date)],
  ]);
  doc.paragraph('Note', line.note);
  writeArticles(doc, view.articles);
}

function writeEvent(doc: DocumentWriter, view: EventView): void {
  const event = view.record;
  doc.numberSources(view.articles);
  doc.title(doc.text(event.title), `${event.id} · event · ${event.kind}`);
  doc.fields([
    ['Date', date(doc, event.date)],
    ['Status', eventStatus(event) === 'happened' ? undefined : eventStatus(event)],
    ['Place', event.place],
    ['Organisations', (event.orgs ?? []).map((id) => `${view.names[id] ?? id} [${id}]`).join('; ')],
    ['Programme', event.programme && `${view.names[event.programme] ?? event.programme} [${event.programme}]`],
  ]);
  doc.paragraph('Description', event.description);
  writeArticles(doc, view.articles);
}

function writePerson(doc: DocumentWriter, view: PersonView): void {
  const person = view.record;
  doc.numberSources(view.articles);
  doc.title(person.name, `${person.id} · person`);
  doc.fields([['Also known as', person.aliases?.join('; ')]]);
  const roles = person.roles ?? [];
  const org = (id: string | undefined) => (id === undefined ? '' : `${view.names[id] ?? id} [${id}]`);
  doc.table(
    'Roles',
    {
      header: ['Role', 'Organisation', 'Since', 'Until', 'Source'],
      rows: roles.map((r) => [r.role, org(r.org), date(doc, r.since), date(doc, r.until), doc.cite(r.source)]),
    },
    {
      header: ['role', 'org', 'since', 'until', 'source', 'note'],
      rows: roles.map((r) => [r.role, r.org ?? '', r.since ?? '', r.until ?? '', r.source, doc.text(r.note)]),
    },
  );
  doc.table(
    'Named in',
    {
      header: ['Article', 'Date', 'As', 'Title'],
      rows: view.quotedIn.map((q) => [
        doc.cite(q.article),
        date(doc, q.date),
        [q.role, q.org && (view.names[q.org] ?? q.org)].filter(Boolean).join(', '),
        q.title,
      ]),
    },
    {
      header: ['article', 'date', 'role', 'org', 'title'],
      rows: view.quotedIn.map((q) => [q.article, q.date, q.role ?? '', q.org ?? '', q.title]),
    },
  );
  doc.paragraph('Note', person.note);
  writeArticles(doc, view.articles);
}

function writeArticle(doc: DocumentWriter, view: ArticleView): void {
  const article = view.record;
  doc.title(article.title, `${article.id} · article`);
  doc.fields([
    ['Outlet', article.outlet],
    ['Section', article.section],
    ['Date', date(doc, article.date)],
    ['Authors', article.authors.join('; ')],
    ['URL', article.url],
    ['Language', article.language],
    [
      'Also published',
      (article.also_published ?? [])
        .map((o) => [o.outlet, o.date && date(doc, o.date), o.url].filter(Boolean).join(', '))
        .join('; '),
    ],
  ]);
  const people = article.people ?? [];
  doc.table(
    'People',
    {
      header: ['Name', 'Role', 'Organisation'],
      rows: people.map((p) => [p.person ? `${p.name} [${p.person}]` : p.name, p.role ?? '', p.org ?? '']),
    },
    {
      header: ['name', 'person', 'role', 'org'],
      rows: people.map((p) => [p.name, p.person ?? '', p.role ?? '', p.org ?? '']),
    },
  );
  doc.paragraph('Summary (our own words)', article.body.trim());
  doc.paragraph('Note', article.note);
  doc.table(
    'Cited by',
    { header: ['Type', 'Record', 'Id'], rows: view.citedBy.map((c) => [c.type, c.name, c.id]) },
    { header: ['type', 'id', 'name'], rows: view.citedBy.map((c) => [c.type, c.id, c.name]) },
  );
}
