import { instance, type Viz } from '@viz-js/viz';
import { JSDOM } from 'jsdom';

/**
 * Graphviz reading coop's DOT back, in-process: Graphviz compiled to WebAssembly (@viz-js/viz, the
 * package `coop graph --format svg` draws with), so the tests need no system package. A check here
 * fails a test, never skips it.
 */
let viz: Promise<Viz> | undefined;
const graphviz = (): Promise<Viz> => (viz ??= instance());

/**
 * The wasm build has no fonts: the first label with a non-ASCII byte in Helvetica earns a warning
 * that widths are estimated. System `dot` measures with real fonts and says nothing, so this one
 * warning is not a finding; any other (an ASCII control character reaching a label, say) is.
 */
const FONT_WIDTH =
  /^Warning: no value for width of non-ASCII character \d+\. Falling back to width of space character\s*$/;

interface DotResult {
  ok: boolean;
  /** Graphviz's errors and warnings, the font-width estimate left out: empty for good DOT. */
  errors: string[];
  output: string;
}

/** Graphviz lays out a DOT text in the given output format (svg, json, canon...). */
export async function runDot(text: string, format = 'canon'): Promise<DotResult> {
  const result = (await graphviz()).render(text, { format, engine: 'dot' });
  const errors = result.errors
    .filter((e) => !FONT_WIDTH.test(e.message))
    .map((e) => `${e.level ?? 'error'}: ${e.message}`);
  return { ok: result.status === 'success', errors, output: result.status === 'success' ? result.output : '' };
}

export interface DotNode {
  name: string;
  /** The label attribute as Graphviz holds it: DOT's `\"` undone, its `\\` and entities not yet. */
  label: string;
}

/**
 * The nodes Graphviz read, each with its name (the DOT id) and its label as Graphviz holds it
 * (entities decoded): throws, with Graphviz's own words, unless the text reads without an error or a
 * warning. JSON.parse refuses a raw control character, so one that got through fails here too.
 */
export async function dotNodes(text: string): Promise<DotNode[]> {
  const result = await runDot(text, 'json');
  if (!result.ok || result.errors.length > 0)
    throw new Error(`Graphviz refused the DOT:\n${result.errors.join('\n')}\n${text}`);
  const graph = JSON.parse(result.output) as { objects?: { name: string; label?: string }[] };
  return (graph.objects ?? []).map((o) => ({ name: o.name, label: o.label ?? o.name }));
}

/** The texts of an SVG drawn by Graphviz, as a person reads them (XML entities decoded). */
export function svgTexts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]!
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
}

/**
 * An SVG read by an XML parser (jsdom's DOMParser, strict XML): throws on a parse error, else gives
 * the text of each <text> element as the parser decoded it, and the element names used.
 */
export function parseSvg(svg: string): { texts: string[]; elements: string[] } {
  const { window } = new JSDOM('');
  const doc = new window.DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent ?? ''}`);
  if (doc.documentElement.namespaceURI !== 'http://www.w3.org/2000/svg' || doc.documentElement.localName !== 'svg') {
    throw new Error(`not an SVG document: <${doc.documentElement.nodeName}>`);
  }
  const all = [...doc.getElementsByTagName('*')];
  return {
    texts: [...doc.getElementsByTagName('text')].map((t) => t.textContent ?? ''),
    elements: [...new Set(all.map((e) => e.localName))].sort(),
  };
}
