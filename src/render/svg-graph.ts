import type { Viz } from '@viz-js/viz';
import type { GraphEdge, GraphModel } from '../core/graph.js';
import { renderDot } from './dot.js';

/**
 * A graph as SVG, laid out by Graphviz compiled to WebAssembly (@viz-js/viz): no system Graphviz,
 * no network (the wasm is inlined in the package), no file system. Async only because the wasm
 * module is instantiated on first use.
 *
 * The DOT is the very text `--format dot` prints, so the picture and the DOT never disagree, and
 * its escaping (dot.ts) is what keeps names from reaching Graphviz's syntax or its entities.
 */
export async function renderSvg(model: GraphModel, edgeLabel?: (edge: GraphEdge) => string): Promise<string> {
  const viz = await loadViz();
  const result = viz.render(renderDot(model, edgeLabel), { format: 'svg', engine: 'dot' });
  // A failure is coop's own bug (dot.ts writes every string quoted), never the data's: say so plainly.
  if (result.status !== 'success') {
    throw new Error(`Graphviz could not lay out the graph: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  // Graphviz's warnings are about font metrics (the wasm build has no fonts and estimates widths):
  // nothing a reader can act on, so they are not printed.
  return result.output;
}

let viz: Promise<Viz> | undefined;

/**
 * Imported here, on the first SVG, not at the top: the package is 1.2 MB of JavaScript and wasm,
 * and `coop graph` in DOT or Mermaid, like every other command, must not pay for loading it. The
 * build keeps it external (scripts/build.mjs): required from node_modules at run time.
 */
function loadViz(): Promise<Viz> {
  viz ??= import('@viz-js/viz').then((module) => module.instance());
  return viz;
}
