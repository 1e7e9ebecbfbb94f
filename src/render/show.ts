import { findDepartment, regionBySlugOrNull } from '../core/geography.js';
import type { Article, CoopEvent, Funding } from '../core/model.js';
import type { Figure } from '../core/schema.js';
import type {
  ArticleView,
  EventView,
  FundingView,
  OrganisationView,
  ProgrammeView,
  RecordView,
} from '../core/views.js';
import { renderTsv } from './delimited.js';
import { formatAmount, formatDate } from './format.js';
import { safeLine, safeText } from './sanitize.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';
import { wrap } from './wrap.js';
import type { Labeller, ListName } from '../core/labels.js';

interface DocumentOptions {
  /** Boxed tables and formatted values on a terminal; tab-separated raw values in a pipe. */
  terminal: boolean;
  width: number;
  paint: Style;
  /** How a value of a closed list reads: its id, or its French label with --lang fr. */
  label?: Labeller;
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

  paragraph(heading: string, text: string | undefined): void {
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
    human: { header: string[]; rows: string[][] },
    raw: { header: string[]; rows: string[][] },
  ): void {
    if (human.rows.length === 0) return;
    const body = this.options.terminal
      ? renderTable(human.header, human.rows, this.options)
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
const money = (doc: DocumentWriter, amount: number, currency: string) =>
  doc.options.terminal ? formatAmount(amount, currency) : String(amount);

function writeFigures(doc: DocumentWriter, figures: Figure[] | undefined): void {
  const list = figures ?? [];
  doc.table(
    'Figures',
    {
      header: ['Metric', 'Value', 'Unit', 'As of', 'Source', 'Note'],
      rows: list.map((f) => [
        f.metric,
        f.value.toLocaleString('en-US'),
        f.unit ?? '',
        date(doc, f.as_of),
        doc.cite(f.source),
        f.note ?? '',
      ]),
    },
    {
      header: ['metric', 'value', 'unit', 'as_of', 'source', 'note'],
      rows: list.map((f) => [f.metric, String(f.value), f.unit ?? '', f.as_of ?? '', f.source, f.note ?? '']),
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
        nameOf(l.recipient),
        doc.label('INSTRUMENTS', l.instrument),
        doc.label('STAGES', l.stage),
        `${l.upper_bound ? 'up to ' : ''}${money(doc, l.amount, l.currency)}`,
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
      ],
      rows: lines.map((l) => [
        l.id,
        l.programme,
        l.recipient,
        doc.label('INSTRUMENTS', l.instrument),
        doc.label('STAGES', l.stage),
        String(l.amount),
        l.currency,
        l.upper_bound ? 'true' : '',
        l.date ?? '',
        l.source,
      ]),
    },
  );
}

function writeEvents(doc: DocumentWriter, events: CoopEvent[]): void {
  doc.table(
    'Events',
    {
      header: ['Date', 'Kind', 'Event', 'Source'],
      rows: events.map((e) => [date(doc, e.date), doc.label('EVENT_KINDS', e.kind), e.title, doc.cite(e.source)]),
    },
    {
      header: ['id', 'date', 'kind', 'title', 'source'],
      rows: events.map((e) => [e.id, e.date, doc.label('EVENT_KINDS', e.kind), e.title, e.source]),
    },
  );
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
    ['Founded', org.founded && date(doc, org.founded)],
    ['Dissolved', org.dissolved && date(doc, org.dissolved)],
    ['Field', org.field && doc.label('FIELDS', org.field)],
    ['Legal form', legalForm(doc, org)],
    ['Labels', org.labels?.map((l) => doc.label('ORGANISATION_LABELS', l)).join('; ')],
    ['Part of', view.parent ? `${view.parent.name} [${view.parent.id}]` : undefined],
    ['Subsidiaries', view.subsidiaries.map((s) => `${s.name} [${s.id}]`).join('; ')],
    ['Identifiers', identifiers],
    ['Website', org.website],
  ]);
  doc.paragraph('Description', org.description);
  doc.list('Activities', org.activities);
  doc.list('Shared resources', org.shared_resources);
  writeFigures(doc, org.figures);
  for (const group of view.members) {
    doc.table(
      `Members: ${doc.label('MEMBER_ROLES', group.role)} (${group.members.length}${org.members_complete === false ? ', list partial' : ''})`,
      {
        header: ['Member', 'Since', 'Until', 'Source', 'Note'],
        rows: group.members.map((m) => [
          m.name,
          date(doc, m.since),
          untilWithReason(doc, date(doc, m.until), m.end_reason),
          doc.cite(m.source),
          m.note ?? '',
        ]),
      },
      {
        header: ['member', 'role', 'since', 'until', 'source', 'note'],
        rows: group.members.map((m) => [
          m.org,
          doc.label('MEMBER_ROLES', m.role),
          m.since ?? '',
          untilWithReason(doc, m.until ?? '', m.end_reason),
          m.source,
          m.note ?? '',
        ]),
      },
    );
  }
  doc.table(
    'Member of',
    {
      header: ['Structure', 'Role', 'Since', 'Source', 'Note'],
      rows: view.memberOf.map((m) => [
        m.name,
        doc.label('MEMBER_ROLES', m.role),
        date(doc, m.since),
        doc.cite(m.source),
        m.note ?? '',
      ]),
    },
    {
      header: ['structure', 'role', 'since', 'until', 'source', 'note'],
      rows: view.memberOf.map((m) => [
        m.organisation,
        doc.label('MEMBER_ROLES', m.role),
        m.since ?? '',
        untilWithReason(doc, m.until ?? '', m.end_reason),
        m.source,
        m.note ?? '',
      ]),
    },
  );
  writeFundingLines(doc, 'Funding received', view.funding, (id) => view.names[id] ?? id);
  writeEvents(doc, view.events);
  doc.paragraph('Note', org.note);
  writeArticles(doc, view.articles);
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

function writeProgramme(doc: DocumentWriter, view: ProgrammeView): void {
  const programme = view.record;
  doc.numberSources(view.articles);
  doc.title(
    programme.short_name ? `${programme.name} (${programme.short_name})` : programme.name,
    `${programme.id} · programme`,
  );
  doc.fields([
    ['Also known as', programme.aliases?.join('; ')],
    ['Part of', view.parent ? `${view.parent.name} [${view.parent.id}]` : undefined],
    ['Carries', view.children.map((c) => `${c.name} [${c.id}]`).join('; ')],
    ['Funder', view.funder ? `${view.funder.name} [${view.funder.id}]` : undefined],
    ['Launched', programme.launched && date(doc, programme.launched)],
  ]);
  doc.paragraph('Description', programme.description);
  const budget = programme.budget ?? [];
  doc.table(
    'Budget',
    {
      header: ['Instrument', 'Amount', 'Source', 'Note'],
      rows: budget.map((b) => [b.instrument, money(doc, b.amount, b.currency), doc.cite(b.source), b.note ?? '']),
    },
    {
      header: ['instrument', 'amount', 'currency', 'source', 'note'],
      rows: budget.map((b) => [b.instrument, String(b.amount), b.currency, b.source, b.note ?? '']),
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
    `${line.instrument} of ${line.upper_bound ? 'up to ' : ''}${money(doc, line.amount, line.currency)} to ${view.names[line.recipient] ?? line.recipient}`,
    `${line.id} · funding line`,
  );
  doc.fields([
    ['Programme', name(line.programme)],
    ['Recipient', name(line.recipient)],
    ['Funder', line.funder && name(line.funder)],
    ['Instrument', line.instrument],
    ['Stage', line.stage],
    ['Amount', `${line.upper_bound ? 'up to ' : ''}${money(doc, line.amount, line.currency)}`],
    ['Currency', doc.options.terminal ? undefined : line.currency],
    ['Date', line.date && date(doc, line.date)],
  ]);
  doc.paragraph('Note', line.note);
  writeArticles(doc, view.articles);
}

function writeEvent(doc: DocumentWriter, view: EventView): void {
  const event = view.record;
  doc.numberSources(view.articles);
  doc.title(event.title, `${event.id} · event · ${event.kind}`);
  doc.fields([
    ['Date', date(doc, event.date)],
    ['Place', event.place],
    ['Organisations', (event.orgs ?? []).map((id) => `${view.names[id] ?? id} [${id}]`).join('; ')],
    ['Programme', event.programme && `${view.names[event.programme] ?? event.programme} [${event.programme}]`],
  ]);
  doc.paragraph('Description', event.description);
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
  ]);
  const people = article.people ?? [];
  doc.table(
    'People',
    { header: ['Name', 'Role', 'Organisation'], rows: people.map((p) => [p.name, p.role ?? '', p.org ?? '']) },
    { header: ['name', 'role', 'org'], rows: people.map((p) => [p.name, p.role ?? '', p.org ?? '']) },
  );
  doc.paragraph('Summary (our own words)', article.body.trim());
  doc.paragraph('Note', article.note);
  doc.table(
    'Cited by',
    { header: ['Type', 'Record', 'Id'], rows: view.citedBy.map((c) => [c.type, c.name, c.id]) },
    { header: ['type', 'id', 'name'], rows: view.citedBy.map((c) => [c.type, c.id, c.name]) },
  );
}
