import { resolveRecords, type AnyRecord, type BaseIndex } from '../core/base-index.js';
import { eventOrgs } from '../core/model.js';
import { buildGraph } from '../core/graph.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { renderDot } from '../render/dot.js';
import { renderJson } from '../render/json.js';
import { renderMermaid } from '../render/mermaid.js';
import { renderPng } from '../render/png-graph.js';
import { renderSvg } from '../render/svg-graph.js';
import { findRecord, NotFoundError, openForQuery, UsageError } from '../app/context.js';

type GraphOptions = CommandInput<typeof graphOptions>;

/**
 * dot first: the default on a terminal and in a pipe alike. json is the model, as --json gives;
 * svg the picture, laid out in-process by Graphviz compiled to WebAssembly; png that picture
 * rasterised.
 */
const FORMATS = ['dot', 'mermaid', 'json', 'svg', 'png'] as const;

async function graphCommand(query: string, options: GraphOptions, io: IO, bundledData: string): Promise<number> {
  const depth = parseDepth(options.depth);
  const context = await openForQuery(options, io, bundledData, FORMATS);
  const { index } = context;

  const start = findStart(index, query);
  // Bytes on a terminal are garbage at best and escape sequences at worst: a PNG goes to a file.
  if (context.format === 'png' && io.isTTY)
    throw new UsageError(
      'PNG is binary: redirect to a file, e.g. > graph.png',
      `coop graph ${start.record.id} --format png > ${start.record.id}.png`,
    );
  const model = buildGraph(index, start.record.id, depth);
  switch (context.format) {
    case 'json':
      io.out(renderJson(model));
      break;
    case 'mermaid':
      io.out(renderMermaid(model));
      break;
    case 'svg':
      io.out(await renderSvg(model));
      break;
    case 'png':
      io.outBytes(await renderPng(model));
      break;
    default:
      io.out(renderDot(model));
  }
  return 0;
}

/**
 * The organisation or programme asked for. Only when there is none: whether the query names a
 * funding line, an event or an article, to say what to draw instead (so that the usual case never
 * indexes those tables).
 */
function findStart(index: BaseIndex, query: string): AnyRecord {
  try {
    return findRecord(index, query, ['organisation', 'programme'], 'organisation or programme');
  } catch (error) {
    const named = error instanceof NotFoundError ? resolveRecords(index, query) : [];
    const found = named.length === 1 ? named[0]! : undefined;
    if (found === undefined || found.type === 'organisation' || found.type === 'programme') throw error;
    const instead =
      found.type === 'funding'
        ? [found.record.recipient, found.record.programme]
        : found.type === 'event'
          ? [...eventOrgs(found.record), ...(found.record.programme ? [found.record.programme] : [])]
          : [];
    throw new UsageError(
      `"${query}" is ${found.type === 'article' ? 'an article' : found.type === 'event' ? 'an event' : 'a funding line'}: coop graph draws an organisation or a programme`,
      instead.length > 0
        ? `try ${instead.map((id) => `coop graph ${id}`).join(' or ')}`
        : `coop sources ${found.record.id} lists what this article backs`,
    );
  }
}

function parseDepth(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^\d+$/.test(value.trim()))
    throw new UsageError(
      `--depth "${value}" is not a whole number of hops`,
      'use 0 (the record and its parents), 1 (the default) or more',
    );
  return Number(value.trim());
}

const graphOptions = {
  depth: { value: '<n>', description: 'hops of membership and funding to follow from the record', default: '1' },
} as const;

export const command = defineCommand({
  name: 'graph',
  summary: 'a structure, its members and its money as a graph: Graphviz DOT, SVG, PNG or Mermaid',
  arguments: {
    id: { description: 'organisation or programme: id, name, acronym or alias', completes: 'organisation,programme' },
  },
  options: graphOptions,
  details: `An organisation or a programme with what surrounds it, as a graph to draw: members (edges member ->
structure, labelled with the role and since when), the structures it belongs to, the money it
receives (edges programme -> recipient: instrument, amount, stage), and the parents and funders of
each record drawn. --depth counts the hops of membership, funding and sub-programmes followed from
the record: 0 the record and its parents, 1 (the default) its members and money, 2 also the members'
own structures, and so on.

Shapes: rounded box a structure (it has members), ellipse a member, box another organisation (a
funder, a group), hexagon a programme; the record asked for is drawn thicker; money is a bold
green edge, parents and funders dashed.

--format dot (the default, for Graphviz), svg (the picture, drawn inside coop: no Graphviz to
install), png (the same picture as an image, with a font shipped with coop: the same on every
machine; binary, so redirected to a file), mermaid (a flowchart for Markdown), json (the model:
nodes and edges with raw amounts and EDTF dates).`,
  examples: [
    { command: 'coop graph alliance-ouest-parisien --format svg > alliance.svg' },
    { command: 'coop graph alliance-ouest-parisien --depth 2 --format svg > alliance.svg' },
    { command: 'coop graph alliance-ouest-parisien --format png > alliance.png' },
    {
      command: 'coop graph PIA --depth 2 --format mermaid',
      comment: 'a programme, its sub-programmes and their laureates',
    },
    { command: "coop graph hopital-foch --json | jq '.nodes[].name'" },
  ],
  run: (options, { io, bundledData }) => graphCommand(options.id, options, io, bundledData),
});
