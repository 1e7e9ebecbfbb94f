import type { GraphEdge, GraphModel, GraphNode } from '../core/graph.js';
import { edgeLabel as englishEdgeLabel } from './graph-labels.js';
import { safeLine } from './sanitize.js';

/**
 * A graph as Graphviz DOT (`coop graph ... --format svg` lays it out; `dot -Tsvg` reads it too).
 * Every id and label is a quoted DOT string: control and bidi characters become visible escapes
 * (sanitize.ts), then `\` and `"` are escaped, so no text from a data file can end a string, start
 * a line, or reach an escape sequence of DOT's own (\n, \N, \G, ...). `&` becomes `&amp;`:
 * Graphviz decodes HTML entities in strings, so a name holding the text `&#27;` would otherwise
 * put a real ESC (or a bidi override, `&#8238;`) in the SVG, past sanitize.ts.
 */
export function dotString(text: string): string {
  return `"${safeLine(text).replace(/&/g, '&amp;').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const SHAPES: Record<GraphNode['kind'], string> = {
  structure: 'shape=box, style=rounded',
  member: 'shape=ellipse',
  organisation: 'shape=box',
  programme: 'shape=hexagon',
};

const EDGE_STYLES: Record<GraphEdge['relation'], string> = {
  member: '',
  funding: ', style=bold, color=darkgreen, fontcolor=darkgreen',
  parent: ', style=dashed',
  funder: ', style=dashed',
};

/** `edgeLabel`: what each edge says; the website passes its French words. */
export function renderDot(model: GraphModel, edgeLabel: (edge: GraphEdge) => string = englishEdgeLabel): string {
  const lines = [
    'digraph coop {',
    '  graph [rankdir=LR];',
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const node of model.nodes) {
    lines.push(
      `  ${dotString(node.id)} [label=${dotString(node.name)}, ${SHAPES[node.kind]}${node.start ? ', penwidth=2.5' : ''}];`,
    );
  }
  for (const edge of model.edges) {
    lines.push(
      `  ${dotString(edge.from)} -> ${dotString(edge.to)} [label=${dotString(edgeLabel(edge))}${edge.relation === 'member' && edge.status ? ', style=dashed' : EDGE_STYLES[edge.relation]}];`,
    );
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}
