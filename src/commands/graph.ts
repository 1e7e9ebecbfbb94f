import { resolveRecords } from '../core/base-index.js';
import { buildGraph } from '../core/graph.js';
import type { IO } from '../io.js';
import { renderDot } from '../render/dot.js';
import { renderJson } from '../render/json.js';
import { renderMermaid } from '../render/mermaid.js';
import { findRecord, openForQuery, UsageError, type GlobalOptions } from './context.js';

export interface GraphOptions extends GlobalOptions {
  depth?: string;
}

/** dot first: the default on a terminal and in a pipe alike. json is the model, as --json gives. */
const FORMATS = ['dot', 'mermaid', 'json'] as const;

export async function graphCommand(query: string, options: GraphOptions, io: IO, bundledData: string): Promise<number> {
  const depth = parseDepth(options.depth);
  const context = await openForQuery(options, io, bundledData, FORMATS);
  const { index } = context;

  // A funding line, an event or an article named exactly: say what to ask for instead.
  const named = resolveRecords(index, query);
  if (named.length === 1 && named[0]!.type !== 'organisation' && named[0]!.type !== 'programme') {
    const found = named[0]!;
    const instead =
      found.type === 'funding'
        ? [found.record.recipient, found.record.programme]
        : found.type === 'event'
          ? [...(found.record.orgs ?? []), ...(found.record.programme ? [found.record.programme] : [])]
          : [];
    throw new UsageError(
      `"${query}" is ${found.type === 'article' ? 'an article' : found.type === 'event' ? 'an event' : 'a funding line'}: coop graph draws an organisation or a programme`,
      instead.length > 0 ? `try ${instead.map((id) => `coop graph ${id}`).join(' or ')}` : `coop sources ${found.record.id} lists what this article backs`,
    );
  }
  const start = findRecord(index, query, ['organisation', 'programme'], 'organisation or programme');

  const model = buildGraph(index, start.record.id, depth);
  switch (context.format) {
    case 'json':
      io.out(renderJson(model));
      break;
    case 'mermaid':
      io.out(renderMermaid(model));
      break;
    default:
      io.out(renderDot(model));
  }
  return 0;
}

function parseDepth(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`--depth "${value}" is not a whole number of hops`, 'use 0 (the record and its parents), 1 (the default) or more');
  return Number(value.trim());
}
