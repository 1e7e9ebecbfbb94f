import { displayName } from '../core/base-index.js';
import { plural } from '../core/text.js';
import { articlesByDate, citationIndex, gatherFacts, RAW_FACT_FORMAT, type FactFormat } from '../core/provenance.js';
import { defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { formatAmount, formatDate } from '../render/format.js';
import { renderRows } from '../render/output.js';
import { safeLine } from '../render/sanitize.js';
import { findRecord, openForQuery, type GlobalOptions, type QueryContext } from '../app/context.js';

const HUMAN_FACT_FORMAT: FactFormat = { amount: formatAmount, date: formatDate };

async function sourcesCommand(
  query: string | undefined,
  options: GlobalOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const context = await openForQuery(options, io, bundledData);
  return query === undefined ? listArticles(context, io) : recordSources(context, query, io);
}

/** Every article, earliest first, with the records citing it. */
function listArticles(context: QueryContext, io: IO): number {
  const citations = citationIndex(context.index);
  const articles = articlesByDate(context.index);
  const citedBy = (id: string) => citations.get(id) ?? [];
  const rows = {
    humanHeader: ['Id', 'Date', 'Outlet', 'Title', 'Cited by'],
    human: articles.map((a) => [a.id, formatDate(a.date), a.outlet ?? '', a.title, String(citedBy(a.id).length)]),
    rawHeader: ['id', 'date', 'outlet', 'title', 'authors', 'cited_by'],
    raw: articles.map((a) => [
      a.id,
      a.date,
      a.outlet ?? '',
      a.title,
      a.authors.join('; '),
      String(citedBy(a.id).length),
    ]),
  };
  const json = articles.map((a) => ({ ...a, cited_by: citedBy(a.id) }));
  io.out(renderRows(rows, json, { ...context, whole: [0] }));
  if (context.format === 'table')
    io.err(articles.length === 0 ? 'No article in the base.\n' : `${plural(articles.length, 'article')}\n`);
  return 0;
}

/** Where a fact without an article comes from, in words for people and as the YAML word for machines. */
const BASIS_WORDS = { 'common-knowledge': 'common knowledge', 'record-sources': 'record sources' } as const;

/** One row per fact of the record, with the article that states it. */
function recordSources(context: QueryContext, query: string, io: IO): number {
  const found = findRecord(context.index, query, undefined, 'record');
  const facts = gatherFacts(context.index, found, context.format === 'table' ? HUMAN_FACT_FORMAT : RAW_FACT_FORMAT);
  const article = (id: string | undefined) => (id === undefined ? undefined : context.index.articles.get(id));
  const rows = {
    humanHeader: ['Fact', 'Detail', 'Source', 'Outlet', 'Date'],
    human: facts.map((f) => [
      f.fact,
      f.detail,
      f.source ?? (f.basis ? BASIS_WORDS[f.basis] : ''),
      article(f.source)?.outlet ?? '',
      formatDate(article(f.source)?.date ?? ''),
    ]),
    rawHeader: ['fact', 'detail', 'source', 'outlet', 'date'],
    raw: facts.map((f) => [
      f.fact,
      f.detail,
      f.source ?? f.basis ?? '',
      article(f.source)?.outlet ?? '',
      article(f.source)?.date ?? '',
    ]),
  };
  const json = { record: { type: found.type, id: found.record.id }, facts };
  io.out(renderRows(rows, json, { ...context, whole: [2] }));
  if (context.format === 'table') {
    const articles = new Set(facts.flatMap((f) => (f.source === undefined ? [] : [f.source]))).size;
    const name = displayName(context.index, found.record.id);
    const subject = safeLine(name === found.record.id ? name : `${name} [${found.record.id}]`);
    io.err(
      facts.length === 0
        ? `No fact recorded on ${subject}.\n`
        : `${plural(facts.length, 'fact')} on ${subject}, from ${plural(articles, 'article')}\n`,
    );
  }
  return 0;
}

export const command = defineCommand({
  name: 'sources',
  summary: 'the articles; or, for one record, which article backs each of its facts',
  arguments: { id: { description: 'a record id, name or alias', optional: true, completes: 'all' } },
  details: `Without an id: the articles, with how many records cite each. With an id: which article backs each
fact of that record (identity, members, figures, funding, events).

A record that says where its fields come from (field_sources, disputed) is answered field by field:
each field and its value, with the articles that state it, or "common knowledge", or "record
sources" when the record's own sources back it; the other values other articles give follow their
field as "disputed" rows.`,
  examples: [
    { command: 'coop sources' },
    { command: 'coop sources alliance-ouest-parisien' },
    { command: 'coop sources hospimedia-2017-09-13-alliance-ouest-parisien', comment: 'what cites this article' },
  ],
  run: (options, { io, bundledData }) => sourcesCommand(options.id, options, io, bundledData),
});
