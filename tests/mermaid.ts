import { JSDOM } from 'jsdom';

/**
 * Mermaid's own parser (the mermaid package, as a browser runs it) for checking what
 * `coop graph --format mermaid` prints. Parsing sanitises labels with DOMPurify, which needs a DOM:
 * jsdom gives it one, as globals of the test file's worker (vitest runs each file apart).
 */
interface MermaidApi {
  parse(text: string): Promise<unknown>;
  mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: FlowDb }> };
}

interface FlowDb {
  getVertices(): Map<string, { id: string; type: string; text: string }>;
  getEdges(): Array<{ start: string; end: string; text: string; stroke: string }>;
}

let loaded: Promise<MermaidApi> | undefined;

function mermaid(): Promise<MermaidApi> {
  loaded ??= (async () => {
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    const scope = globalThis as Record<string, unknown>;
    scope.window ??= window;
    scope.document ??= window.document;
    const { default: api } = await import('mermaid');
    return api as unknown as MermaidApi;
  })();
  return loaded;
}

/**
 * Mermaid's verdict on a text: its diagram type and the configuration its directives (%%{init}%%)
 * would set, or the parse error's message.
 */
export async function parseMermaid(
  text: string,
): Promise<{ ok: true; type: string; config: unknown } | { ok: false; error: string }> {
  const api = await mermaid();
  try {
    const result = (await api.parse(text)) as { diagramType: string; config: unknown };
    return { ok: true, type: result.diagramType, config: result.config };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Mermaid keeps `#quot;` and `#123;` as placeholders and turns them into HTML entities when it draws:
 * decoded here, so a label reads as a person will see it.
 */
const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' };
function decode(text: string): string {
  return text
    .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/ﬂ°(\w+)¶ß/g, (whole, name: string) => NAMED[name] ?? whole);
}

/** The flowchart as Mermaid understood it: nodes with their shape and label, edges with theirs. */
export async function mermaidFlowchart(text: string) {
  const api = await mermaid();
  const verdict = await parseMermaid(text);
  if (!verdict.ok) throw new Error(verdict.error);
  const { db } = await api.mermaidAPI.getDiagramFromText(text);
  return {
    nodes: [...db.getVertices().values()].map((v) => ({ id: v.id, shape: v.type, label: decode(v.text) })),
    edges: db.getEdges().map((e) => ({ from: e.start, to: e.end, stroke: e.stroke, label: decode(e.text) })),
  };
}
