import type { GraphModel } from '../core/graph.js';
import { renderSvg } from './svg-graph.js';

/**
 * The one font a PNG is drawn with, shipped by npm (dejavu-fonts-ttf, a free licence): never the
 * system's fonts, which a clean machine may not have and which differ from one machine to the next,
 * so the same graph gives the same picture everywhere. The condensed cut because Graphviz (wasm,
 * without fonts) sizes every box with Helvetica's widths: DejaVu Sans Condensed is about as wide,
 * where DejaVu Sans would run out of the boxes.
 */
const FONT_FAMILY = 'DejaVu Sans Condensed';

/**
 * A graph as PNG: the very SVG `--format svg` prints, rasterised by resvg (a native module shipped
 * prebuilt in npm packages, nothing to install on the system), at the SVG's own size.
 */
export async function renderPng(model: GraphModel): Promise<Uint8Array> {
  const [svg, resvg] = await Promise.all([renderSvg(model), loadResvg()]);
  const image = new resvg.Resvg(svg, {
    font: {
      loadSystemFonts: false,
      fontFiles: [resvg.fontFile],
      // Graphviz writes font-family="Helvetica,sans-Serif": the generic family is mapped to the font.
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    logLevel: 'off',
  }).render();
  return image.asPng();
}

interface Resvg {
  Resvg: typeof import('@resvg/resvg-js').Resvg;
  /** Where the font file is, found as a dependency is found: from node_modules. */
  fontFile: string;
}

let resvg: Promise<Resvg> | undefined;

/**
 * Imported here, on the first PNG, not at the top: a native module that only a PNG needs, which
 * every other run must not load. The build keeps it external (scripts/build.mjs), like @viz-js/viz.
 */
function loadResvg(): Promise<Resvg> {
  resvg ??= import('@resvg/resvg-js').then((module) => ({
    Resvg: module.Resvg,
    // The bundles are CommonJS (scripts/build.mjs), where require is the module's own; vitest gives
    // the sources one too. resvg reads the file itself: this module only says where it is.
    fontFile: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf'),
  }));
  return resvg;
}
