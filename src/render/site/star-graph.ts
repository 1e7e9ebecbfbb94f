/**
 * An organisation's own links as an inline SVG, laid out here rather than by Graphviz: a page's
 * graph is a star (the organisation and its neighbours), which columns draw clearly, and Graphviz
 * as WebAssembly cost about as much per page as everything else of the site together. The
 * organisations that point to it (its members, the programmes funding it) stand on the left, those
 * it points to (its structures, its parent) on the right; each neighbour has a row of its own with
 * the labels of its links on a level segment, so that no two labels can overlap. `coop graph` keeps
 * Graphviz for the whole picture at any depth.
 */
import type { GraphEdge, GraphModel, GraphNode } from '../../core/graph.js';
import { escapeHtml as h } from './template.js';

const FONT = 12;
const LABEL_FONT = 10;
/** Helvetica's mean advance is about 0.55 em; a little more keeps wide names inside their box. */
const textWidth = (text: string, size: number) => Math.ceil([...text].length * size * 0.6);
const PAD = 10;
const NODE_HEIGHT = 26;
const LABEL_LINE = 13;
const ROW_GAP = 10;
const SLOPE = 60;
const MARGIN = 4;

const EDGE_CLASS: Record<GraphEdge['relation'], string> = {
  member: 'e-member',
  funding: 'e-funding',
  parent: 'e-link',
  funder: 'e-link',
};

interface Row {
  node: GraphNode;
  labels: Array<{ text: string; relation: GraphEdge['relation']; dashed: boolean }>;
}

function rowsOf(model: GraphModel, side: 'from' | 'to', edgeLabel: (edge: GraphEdge) => string): Row[] {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  const rows = new Map<string, Row>();
  for (const edge of model.edges) {
    const here = side === 'from' ? edge.to : edge.from;
    const there = side === 'from' ? edge.from : edge.to;
    if (here !== model.start || there === model.start) continue;
    const node = nodes.get(there);
    if (!node) continue;
    let row = rows.get(there);
    if (!row) rows.set(there, (row = { node, labels: [] }));
    const dashed = edge.relation === 'member' ? edge.status !== undefined : edge.relation !== 'funding';
    row.labels.push({ text: edgeLabel(edge), relation: edge.relation, dashed });
  }
  const order = new Map(model.nodes.map((n, i) => [n.id, i]));
  return [...rows.values()].sort((a, b) => order.get(a.node.id)! - order.get(b.node.id)!);
}

const rowHeight = (row: Row) => Math.max(NODE_HEIGHT, row.labels.length * LABEL_LINE + 6) + ROW_GAP;

function nodeBox(node: GraphNode, x: number, y: number, width: number): string {
  const shape =
    node.kind === 'programme' ? 'n-programme' : node.kind === 'structure' || node.start ? 'n-structure' : 'n-org';
  return `<g class="node ${shape}${node.start ? ' n-start' : ''}"><rect x="${x}" y="${y}" width="${width}" height="${NODE_HEIGHT}" rx="${node.kind === 'member' ? NODE_HEIGHT / 2 : 4}"/><text x="${x + width / 2}" y="${y + NODE_HEIGHT / 2 + FONT * 0.35}" text-anchor="middle">${h(node.name)}</text></g>`;
}

/**
 * The SVG of the star around `model.start`; `edgeLabel` says what each link is, in the site's
 * language; `name` is read by screen readers.
 */
export function starGraphSvg(model: GraphModel, edgeLabel: (edge: GraphEdge) => string, name: string): string {
  const center = model.nodes.find((n) => n.id === model.start);
  if (!center) return '';
  const left = rowsOf(model, 'from', edgeLabel);
  const right = rowsOf(model, 'to', edgeLabel);
  const nodeWidth = (rows: Row[]) => Math.max(0, ...rows.map((r) => textWidth(r.node.name, FONT) + 2 * PAD));
  const labelWidth = (rows: Row[]) =>
    Math.max(0, ...rows.flatMap((r) => r.labels.map((l) => textWidth(l.text, LABEL_FONT) + 2 * PAD)));
  const leftNode = nodeWidth(left);
  const leftLabel = labelWidth(left);
  const rightNode = nodeWidth(right);
  const rightLabel = labelWidth(right);
  const centerWidth = textWidth(center.name, FONT) + 2 * PAD;
  const columnHeight = (rows: Row[]) => rows.reduce((sum, r) => sum + rowHeight(r), 0);
  const height = Math.max(NODE_HEIGHT + ROW_GAP, columnHeight(left), columnHeight(right)) + 2 * MARGIN;
  const leftEnd = left.length > 0 ? MARGIN + leftNode + leftLabel + SLOPE : MARGIN;
  const rightStart = leftEnd + centerWidth;
  const width = rightStart + (right.length > 0 ? SLOPE + rightLabel + rightNode : 0) + MARGIN;
  const centerY = height / 2;
  const parts: string[] = [];
  const column = (rows: Row[], side: 'left' | 'right') => {
    let y = (height - columnHeight(rows)) / 2 + ROW_GAP / 2;
    for (const row of rows) {
      const box = rowHeight(row) - ROW_GAP;
      const nodeY = y + (box - NODE_HEIGHT) / 2;
      const lineY = nodeY + NODE_HEIGHT / 2;
      // The node, the level segment carrying the labels, then the slope to the organisation.
      const [nodeX, segmentFrom, segmentTo, target] =
        side === 'left'
          ? [MARGIN + leftNode - textWidth(row.node.name, FONT) - 2 * PAD, MARGIN + leftNode, leftEnd - SLOPE, leftEnd]
          : [rightStart + SLOPE + rightLabel, rightStart + SLOPE + rightLabel, rightStart + SLOPE, rightStart];
      const relation = row.labels[0]!.relation;
      const dashed = row.labels.every((l) => l.dashed) ? ' stroke-dasharray="5 3"' : '';
      const arrow = side === 'left' ? ` marker-end="url(#arrow)"` : '';
      const back = side === 'right' ? ` marker-start="url(#arrow-back)"` : '';
      parts.push(
        `<polyline class="${EDGE_CLASS[relation]}" points="${segmentFrom},${lineY} ${segmentTo},${lineY} ${target},${centerY}"${dashed}${arrow}${back}/>`,
      );
      const labelX = Math.min(segmentFrom, segmentTo) + PAD;
      row.labels.forEach((l, i) => {
        const labelY = lineY - 4 - (row.labels.length - 1 - i) * LABEL_LINE;
        parts.push(`<text class="label ${EDGE_CLASS[l.relation]}" x="${labelX}" y="${labelY}">${h(l.text)}</text>`);
      });
      parts.push(nodeBox(row.node, nodeX, nodeY, textWidth(row.node.name, FONT) + 2 * PAD));
      y += rowHeight(row);
    }
  };
  column(left, 'left');
  column(right, 'right');
  parts.push(nodeBox(center, leftEnd, centerY - NODE_HEIGHT / 2, centerWidth));
  return `<svg role="img" aria-label="${h(name)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.ceil(width)} ${Math.ceil(height)}" width="${Math.ceil(width)}" height="${Math.ceil(height)}" font-family="Helvetica, Arial, sans-serif" font-size="${FONT}">
<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z"/></marker><marker id="arrow-back" viewBox="0 0 10 10" refX="0" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M10,0 L0,5 L10,10 z"/></marker></defs>
${parts.join('\n')}
</svg>`;
}
