import { describe, expect, it } from 'vitest';
import type { GraphModel } from '../../src/core/graph.js';
import { renderSvg } from '../../src/render/svg-graph.js';
import { safeLine } from '../../src/render/sanitize.js';
import { parseSvg, runDot } from '../graphviz.js';

/**
 * renderSvg on models built in memory, with the names no valid fixture may hold: markup, entity
 * references Graphviz would decode, quotes, and real control characters.
 */
const HOSTILE = [
  '<script>alert(1)</script>',
  'Clinique &#27;[31mRouge&#27;[0m &#x1b;]0;owned&#7;',
  'Réseau &#8238;tnemelgèR &amp; &lt;b&gt;',
  `"Sud" 'Nord' \\" \\N`,
  'Hôpital \x1b[31mA\x1b[0m\x07 \u202eevil\r\nbis',
];

function model(names: readonly string[]): GraphModel {
  const [first, ...rest] = names.map((name, i) => ({
    id: `n${i}`,
    type: 'organisation' as const,
    kind: 'member' as const,
    name,
    start: false,
  }));
  return {
    start: 'n0',
    depth: 1,
    nodes: [{ ...first!, kind: 'structure', start: true }, ...rest],
    edges: rest.map((node) => ({
      relation: 'member',
      from: node.id,
      to: 'n0',
      role: `role ${node.name}`,
      since: [],
      until: [],
      sources: ['a'],
    })),
  } as GraphModel;
}

const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/;

describe('renderSvg', () => {
  it('hostile names: well-formed SVG, each name as its own text, no element, entity or control character of theirs', async () => {
    const svg = await renderSvg(model(HOSTILE));
    expect(svg).not.toMatch(CONTROL);
    expect(svg).not.toMatch(/<script/i);
    const { texts, elements } = parseSvg(svg);
    expect(elements).not.toContain('script');
    for (const name of HOSTILE) expect(texts).toContain(safeLine(name));
    // The entity references are text a person reads, never the characters they name.
    expect(texts).toContain('Clinique &#27;[31mRouge&#27;[0m &#x1b;]0;owned&#7;');
    expect(texts).toContain('Hôpital \\x1B[31mA\\x1B[0m\\x07 \\u202Eevil\\r\\nbis');
    expect(texts.filter((t) => t.startsWith('role '))).toHaveLength(HOSTILE.length - 1);
  });

  it('the same model twice: the same picture (a layout is deterministic, and the wasm instance is reused)', async () => {
    const names = ['Alliance A', 'Hôpital B'];
    expect(await renderSvg(model(names))).toBe(await renderSvg(model(names)));
  });

  it('the checks can fail: a label left with its entity puts a raw ESC in the SVG, which the XML parser refuses', async () => {
    const naive = await runDot('digraph { a [label="Clinique &#27;[31mRouge"] }', 'svg');
    expect(naive.ok).toBe(true);
    expect(naive.output).toMatch(CONTROL);
    expect(() => parseSvg(naive.output)).toThrow(/not well-formed XML/);
  });
});
