import type { GraphEdge, GraphModel, GraphNode } from '../core/graph.js';
import { edgeLabel } from './graph-labels.js';
import { safeLine } from './sanitize.js';

/**
 * A graph as a Mermaid flowchart (in a Markdown ```mermaid block, or mermaid-cli). Node ids are n0,
 * n1, ... in the order of the model: never a keyword, whatever the record ids; a comment line before
 * each node names its record.
 *
 * Labels are always quoted. Mermaid reads `#name;` and `#123;` as entities, strips `%%{...}%%`
 * directives from anywhere in the text, and renders labels as HTML: so beyond letters, digits and
 * plain punctuation every character of a label is written as an entity (`"` as #quot;), and control
 * and bidi characters first become visible escapes (sanitize.ts).
 */
const PLAIN = /^[\p{L}\p{M}\p{N} .,'’()\-/+€?!«»–—…]$/u;

function mermaidText(text: string): string {
  let out = '';
  for (const char of safeLine(text)) {
    if (PLAIN.test(char)) out += char;
    else if (char === '"') out += '#quot;';
    else out += `#${char.codePointAt(0)};`;
  }
  return out;
}

const SHAPES: Record<GraphNode['kind'], [string, string]> = {
  structure: ['(', ')'],
  member: ['([', '])'],
  organisation: ['[', ']'],
  programme: ['{{', '}}'],
};

const ARROWS: Record<GraphEdge['relation'], string> = {
  member: '-->',
  funding: '==>',
  parent: '-.->',
  funder: '-.->',
};

/** A record id in a comment: a comment ends at the end of its line, and ids are slugs anyway. */
const commentId = (id: string) => id.replace(/[^A-Za-z0-9._-]/g, '_');

export function renderMermaid(model: GraphModel): string {
  const ids = new Map(model.nodes.map((node, i) => [node.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const node of model.nodes) {
    const [open, close] = SHAPES[node.kind];
    lines.push(`  %% ${commentId(node.id)}`);
    lines.push(`  ${ids.get(node.id)}${open}"${mermaidText(node.name)}"${close}`);
  }
  for (const edge of model.edges) {
    lines.push(
      `  ${ids.get(edge.from)} ${edge.relation === 'member' && edge.status ? '-.->' : ARROWS[edge.relation]}|"${mermaidText(edgeLabel(edge))}"| ${ids.get(edge.to)}`,
    );
  }
  const start = ids.get(model.start);
  if (start !== undefined) lines.push('  classDef start stroke-width:3px', `  class ${start} start`);
  return lines.join('\n') + '\n';
}
