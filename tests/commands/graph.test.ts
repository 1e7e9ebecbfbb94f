import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import type { GraphModel } from '../../src/core/graph.js';
import { edgeLabel } from '../../src/render/graph-labels.js';
import { safeLine } from '../../src/render/sanitize.js';
import { dotNodes, parseSvg, runDot, svgTexts, type DotNode } from '../graphviz.js';
import { runOnFixture } from '../helpers.js';
import { mermaidFlowchart, parseMermaid } from '../mermaid.js';
import { decodePng, PNG_SIGNATURE } from '../png.js';

/**
 * coop graph on its own copy of the query fixture (tests/fixtures/query-graph) (exact output), on tests/fixtures/graph (names full of DOT
 * and Mermaid syntax) and on tests/fixtures/hostile-text (control and bidi characters). DOT is read
 * back by Graphviz (as WebAssembly, tests/graphviz.ts), Mermaid by Mermaid's own parser, SVG by an
 * XML parser.
 */

const ALLIANCE_DOT = `digraph coop {
  graph [rankdir=LR];
  node [fontname="Helvetica", fontsize=11];
  edge [fontname="Helvetica", fontsize=9];
  "alliance-test" [label="Alliance de test (ADT)", shape=box, style=rounded, penwidth=2.5];
  "clinique-des-fleurs" [label="Clinique des Fleurs", shape=ellipse];
  "ehpad-les-tilleuls" [label="EHPAD Les Tilleuls", shape=ellipse];
  "etat" [label="État", shape=box];
  "groupe-sante-plus" [label="Groupe Santé Plus", shape=box];
  "hopital-a" [label="Hôpital A", shape=ellipse];
  "plan-national" [label="Plan national d'investissement (PNI)", shape=hexagon];
  "clinique-des-fleurs" -> "alliance-test" [label="founder, since 2019-05"];
  "ehpad-les-tilleuls" -> "alliance-test" [label="member, joined between 2019-05 and 2020"];
  "hopital-a" -> "alliance-test" [label="founder, since 2019-05"];
  "plan-national" -> "alliance-test" [label="grant, 300 k€, announced", style=bold, color=darkgreen, fontcolor=darkgreen];
  "clinique-des-fleurs" -> "groupe-sante-plus" [label="part of", style=dashed];
  "etat" -> "plan-national" [label="funds", style=dashed];
}
`;

const ALLIANCE_MERMAID = `flowchart LR
  %% alliance-test
  n0("Alliance de test (ADT)")
  %% clinique-des-fleurs
  n1(["Clinique des Fleurs"])
  %% ehpad-les-tilleuls
  n2(["EHPAD Les Tilleuls"])
  %% etat
  n3["État"]
  %% groupe-sante-plus
  n4["Groupe Santé Plus"]
  %% hopital-a
  n5(["Hôpital A"])
  %% plan-national
  n6{{"Plan national d'investissement (PNI)"}}
  n1 -->|"founder, since 2019-05"| n0
  n2 -->|"member, joined between 2019-05 and 2020"| n0
  n5 -->|"founder, since 2019-05"| n0
  n6 ==>|"grant, 300 k€, announced"| n0
  n1 -.->|"part of"| n4
  n3 -.->|"funds"| n6
  classDef start stroke-width:3px
  class n0 start
`;

const FRIS_DOT = `digraph coop {
  graph [rankdir=LR];
  node [fontname="Helvetica", fontsize=11];
  edge [fontname="Helvetica", fontsize=9];
  "fonds-regional" [label="Fonds régional innovation santé (FRIS)", shape=hexagon, penwidth=2.5];
  "etat" [label="État", shape=box];
  "plan-national" [label="Plan national d'investissement (PNI)", shape=hexagon];
  "projet-strasbourg" [label="Projet Santé Strasbourg (PSS)", shape=box, style=rounded];
  "fonds-regional" -> "projet-strasbourg" [label="equity, up to 7 M€, potential", style=bold, color=darkgreen, fontcolor=darkgreen];
  "fonds-regional" -> "projet-strasbourg" [label="grant, 2.5 M€, awarded", style=bold, color=darkgreen, fontcolor=darkgreen];
  "fonds-regional" -> "plan-national" [label="part of", style=dashed];
  "etat" -> "fonds-regional" [label="funds", style=dashed];
  "etat" -> "plan-national" [label="funds", style=dashed];
}
`;

/** Graphviz reads it without a word (dotNodes throws otherwise), and so does Mermaid. */
async function expectValidDot(text: string): Promise<DotNode[]> {
  const nodes = await dotNodes(text);
  expect(nodes.length).toBeGreaterThan(0);
  return nodes;
}

/**
 * What Graphviz read: each node's id, and its label as Graphviz stores the attribute (the string
 * closed where coop closed it; `\\` and `&amp;` are undone only when drawn, which the SVG tests see).
 */
function expectNodesOf(nodes: DotNode[], model: GraphModel) {
  expect(nodes.map((n) => n.name).sort()).toEqual(model.nodes.map((n) => n.id).sort());
  for (const node of model.nodes) {
    expect(nodes.find((n) => n.name === node.id)?.label).toBe(
      safeLine(node.name).replace(/&/g, '&amp;').replace(/\\/g, '\\\\'),
    );
  }
}

/** Control and bidi characters, that must never reach an output raw (newlines end its lines). */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/;

async function expectValidMermaid(text: string) {
  expect(await parseMermaid(text)).toEqual({ ok: true, type: 'flowchart-v2', config: {} });
}

const nodeIds = (json: string) => (JSON.parse(json) as GraphModel).nodes.map((n) => n.id);

describe('coop graph: an organisation', () => {
  it('draws its members, its money, their parents and funders in DOT, the same on a terminal and in a pipe', async () => {
    for (const tty of [true, false]) {
      const result = await runOnFixture('query-graph', ['graph', 'alliance-test'], { tty });
      expect(result).toEqual({ code: 0, out: ALLIANCE_DOT, err: '' });
    }
    const model = JSON.parse(
      (await runOnFixture('query-graph', ['graph', 'alliance-test', '--json'])).out,
    ) as GraphModel;
    expectNodesOf(await expectValidDot(ALLIANCE_DOT), model);
  });

  it('draws the same graph as a Mermaid flowchart, found by acronym', async () => {
    for (const tty of [true, false]) {
      const result = await runOnFixture('query-graph', ['graph', 'ADT', '--format', 'mermaid'], { tty });
      expect(result).toEqual({ code: 0, out: ALLIANCE_MERMAID, err: '' });
    }
    const chart = await mermaidFlowchart(ALLIANCE_MERMAID);
    expect(chart.nodes.map((n) => [n.id, n.shape, n.label])).toEqual([
      ['n0', 'round', 'Alliance de test (ADT)'],
      ['n1', 'stadium', 'Clinique des Fleurs'],
      ['n2', 'stadium', 'EHPAD Les Tilleuls'],
      ['n3', 'square', 'État'],
      ['n4', 'square', 'Groupe Santé Plus'],
      ['n5', 'stadium', 'Hôpital A'],
      ['n6', 'hexagon', "Plan national d'investissement (PNI)"],
    ]);
    expect(chart.edges.map((e) => [e.from, e.to, e.stroke, e.label])).toEqual([
      ['n1', 'n0', 'normal', 'founder, since 2019-05'],
      ['n2', 'n0', 'normal', 'member, joined between 2019-05 and 2020'],
      ['n5', 'n0', 'normal', 'founder, since 2019-05'],
      ['n6', 'n0', 'thick', 'grant, 300 k€, announced'],
      ['n1', 'n4', 'dotted', 'part of'],
      ['n3', 'n6', 'dotted', 'funds'],
    ]);
  });

  it('--depth 0 is the record and its parents alone', async () => {
    const result = await runOnFixture('query-graph', ['graph', 'alliance-test', '--depth', '0']);
    expect(result.out).toBe(ALLIANCE_DOT.split('\n').slice(0, 5).join('\n') + '\n}\n');
    expect(result.code).toBe(0);
    const programme = await runOnFixture('query-graph', ['graph', 'fonds-regional', '--depth', '0', '--json']);
    expect(nodeIds(programme.out)).toEqual(['fonds-regional', 'etat', 'plan-national']);
  });

  it('each further hop follows memberships, money and sub-programmes, and stops when nothing is left', async () => {
    const ids = async (depth: string) =>
      nodeIds((await runOnFixture('query-graph', ['graph', 'alliance-test', '--depth', depth, '--json'])).out);
    const one = [
      'alliance-test',
      'clinique-des-fleurs',
      'ehpad-les-tilleuls',
      'etat',
      'groupe-sante-plus',
      'hopital-a',
      'plan-national',
    ];
    expect(await ids('1')).toEqual(one);
    // 2: the programme that funds the alliance carries the regional fund.
    expect(await ids('2')).toEqual([...one.slice(0, 4), 'fonds-regional', ...one.slice(4)]);
    // 3: the fund's laureate; 4: the laureate's member; then nothing more, however deep.
    expect(await ids('3')).toEqual([...(await ids('2')), 'projet-strasbourg']);
    expect(await ids('4')).toEqual([...(await ids('3')), 'ville-de-strasbourg']);
    expect(await ids('100')).toEqual(await ids('4'));
  });

  it('--json prints the model: raw amounts and EDTF dates, the claims merged by role', async () => {
    const result = await runOnFixture('query-graph', ['graph', 'alliance-test', '--json']);
    expect(result.code).toBe(0);
    const model = JSON.parse(result.out) as GraphModel;
    expect(model.start).toBe('alliance-test');
    expect(model.depth).toBe(1);
    expect(model.nodes[0]).toEqual({
      id: 'alliance-test',
      type: 'organisation',
      kind: 'structure',
      name: 'Alliance de test (ADT)',
      start: true,
    });
    expect(model.nodes.find((n) => n.id === 'plan-national')).toEqual({
      id: 'plan-national',
      type: 'programme',
      kind: 'programme',
      name: "Plan national d'investissement (PNI)",
      start: false,
    });
    expect(model.edges).toContainEqual({
      relation: 'member',
      from: 'ehpad-les-tilleuls',
      to: 'alliance-test',
      role: 'member',
      since: ['2019-05/2020'],
      until: [],
      sources: ['gazette-2019-05-02-alliance'],
    });
    expect(model.edges).toContainEqual({
      relation: 'funding',
      from: 'plan-national',
      to: 'alliance-test',
      funding: 'pni-alliance-grant',
      instrument: 'grant',
      amount: 300000,
      currency: 'EUR',
      stage: 'announced',
      upper_bound: false,
      date: '2020~',
      source: 'journal-2020-03-10-fonds',
    });
    expect(model.edges).toHaveLength(6);
    // --format json is the same as --json, as for every command.
    expect((await runOnFixture('query-graph', ['graph', 'alliance-test', '--format', 'json'])).out).toBe(result.out);
  });
});

describe('coop graph: a programme', () => {
  it('draws its funder, parent and laureates with "up to" amounts, found by acronym', async () => {
    for (const tty of [true, false]) {
      expect(await runOnFixture('query-graph', ['graph', 'FRIS'], { tty })).toEqual({
        code: 0,
        out: FRIS_DOT,
        err: '',
      });
    }
    const model = JSON.parse((await runOnFixture('query-graph', ['graph', 'FRIS', '--json'])).out) as GraphModel;
    expectNodesOf(await expectValidDot(FRIS_DOT), model);
  });

  it('takes in its child programmes, and their laureates one hop further', async () => {
    const ids = async (depth: string) =>
      nodeIds((await runOnFixture('query-graph', ['graph', 'plan-national', '--depth', depth, '--json'])).out);
    expect(await ids('1')).toEqual(['plan-national', 'alliance-test', 'etat', 'fonds-regional']);
    expect(await ids('2')).toEqual([
      'plan-national',
      'alliance-test',
      'clinique-des-fleurs',
      'ehpad-les-tilleuls',
      'etat',
      'fonds-regional',
      'groupe-sante-plus',
      'hopital-a',
      'projet-strasbourg',
    ]);
  });
});

describe('coop graph --help', () => {
  it('says what is drawn, the shapes, the formats, and gives examples', async () => {
    const result = await runOnFixture('query-graph', ['graph', '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Usage: coop graph [options] <id>\n');
    expect(result.out).toContain('  --depth <n>  hops of membership and funding to follow from the record\n');
    expect(result.out).toContain('\nExamples:\n  coop graph alliance-ouest-parisien --format svg > alliance.svg\n');
    expect(result.out).toContain('\n  coop graph alliance-ouest-parisien --format png > alliance.png\n');
    expect(result.out).toContain('png (the same picture as an image');
    expect(result.out).toContain(
      '  coop graph PIA --depth 2 --format mermaid    a programme, its sub-programmes and their laureates\n',
    );
  });
});

describe('coop graph: what it refuses', () => {
  it('a record that does not exist: exit 1 with the closest ids', async () => {
    expect(await runOnFixture('query-graph', ['graph', 'alliance-tset'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: no organisation or programme "alliance-tset"\n  hint: did you mean "alliance-test"?\n',
    });
  });

  it('an event, a funding line or an article: exit 2, saying what to draw instead', async () => {
    expect(await runOnFixture('query-graph', ['graph', 'tilleuls-joins'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: "tilleuls-joins" is an event: coop graph draws an organisation or a programme\n  hint: try coop graph alliance-test or coop graph ehpad-les-tilleuls\n',
    });
    expect(await runOnFixture('query-graph', ['graph', 'fris-pss-grant'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: "fris-pss-grant" is a funding line: coop graph draws an organisation or a programme\n  hint: try coop graph projet-strasbourg or coop graph fonds-regional\n',
    });
    expect(await runOnFixture('query-graph', ['graph', 'gazette-2019-05-02-alliance'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: "gazette-2019-05-02-alliance" is an article: coop graph draws an organisation or a programme\n  hint: coop sources gazette-2019-05-02-alliance lists what this article backs\n',
    });
  });

  it('a depth that is not a whole number of hops: exit 2', async () => {
    for (const depth of ['-1', '1.5', 'two', '', '1e3']) {
      expect(await runOnFixture('query-graph', ['graph', 'alliance-test', `--depth=${depth}`])).toEqual({
        code: 2,
        out: '',
        err: `coop: --depth "${depth}" is not a whole number of hops\n  hint: use 0 (the record and its parents), 1 (the default) or more\n`,
      });
    }
  });

  it('a format other than dot, mermaid, json, svg or png: exit 2', async () => {
    for (const format of ['table', 'tsv', 'csv', 'jpeg', 'SVG', 'PNG']) {
      expect(await runOnFixture('query-graph', ['graph', 'alliance-test', '--format', format], { tty: true })).toEqual({
        code: 2,
        out: '',
        err: `coop: unknown format "${format}"\n  hint: use one of: dot, mermaid, json, svg, png\n`,
      });
    }
  });
});

describe('coop graph: names full of DOT and Mermaid syntax', () => {
  const FIXTURE = 'graph';

  it('keeps every DOT string closed: Graphviz draws each name exactly as the data has it, made safe', async () => {
    const result = await runOnFixture(FIXTURE, ['graph', 'reseau-sud', '--depth', '2']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('  "groupe-g" [label="Groupe G\\\\N\\\\l", shape=box];\n');
    expect(result.out).toContain(
      '  "reseau-sud" [label="Réseau \\"Sud\\" \\\\ <santé> {#1} [A|B]; end --> x (RS #quot;%%)", shape=box, style=rounded, penwidth=2.5];\n',
    );
    const model = JSON.parse(
      (await runOnFixture(FIXTURE, ['graph', 'reseau-sud', '--depth', '2', '--json'])).out,
    ) as GraphModel;
    expectNodesOf(await expectValidDot(result.out), model);
    // The SVG's text is what a person sees: every name, made safe, and nothing else.
    const svg = await runDot(result.out, 'svg');
    expect([svg.ok, svg.errors]).toEqual([true, []]);
    const texts = svgTexts(svg.output);
    for (const node of model.nodes) expect(texts).toContain(safeLine(node.name));
    expect(texts).toContain(safeLine('Clinique \x1b[31mX\x1b[0m\nbis'));
    expect(texts).toContain('Groupe G\\N\\l');
    expect(texts).toContain("Réseau Nord %%{init: {'theme':'dark'}}%%");
    expect(texts).toContain('equity, up to 2 M€, potential');
    expect(texts).toContain('loan, 50 k€, announced');
  });

  it('writes Mermaid labels that its parser reads back to the very text, with no directive taking effect', async () => {
    const result = await runOnFixture(FIXTURE, ['graph', 'reseau-sud', '--depth', '2', '--format', 'mermaid']);
    expect(result.code).toBe(0);
    await expectValidMermaid(result.out);
    const chart = await mermaidFlowchart(result.out);
    const model = JSON.parse(
      (await runOnFixture(FIXTURE, ['graph', 'reseau-sud', '--depth', '2', '--json'])).out,
    ) as GraphModel;
    expect(chart.nodes.map((n) => n.label)).toEqual(model.nodes.map((n) => safeLine(n.name)));
    expect(chart.nodes.map((n) => n.shape)).toEqual([
      'round',
      'stadium',
      'square',
      'hexagon',
      'square',
      'stadium',
      'stadium',
      'hexagon',
      'round',
    ]);
    expect(chart.edges).toHaveLength(model.edges.length);
    // The two networks are members of each other: both edges, and each node once.
    expect(chart.edges.filter((e) => e.label.startsWith('partner')).map((e) => [e.from, e.to])).toEqual([
      ['n8', 'n0'],
      ['n0', 'n8'],
    ]);
    // The %%{init}%% in a name stayed text: Mermaid found no configuration in it (config {}).
    expect(result.out).not.toMatch(/%%\{/);
  });

  it('never lets a control or bidi character through, in either format', async () => {
    for (const format of ['dot', 'mermaid']) {
      const result = await runOnFixture(FIXTURE, ['graph', 'reseau-sud', '--depth', '3', '--format', format]);
      // Newlines end lines of the output itself, never sit inside a label.
      expect(result.out).not.toMatch(
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\u2028\u2029]/,
      );
    }
  });

  it('the checks can fail: Graphviz and Mermaid refuse a label left unescaped', async () => {
    const result = await runOnFixture(FIXTURE, ['graph', 'reseau-sud', '--format', 'json']);
    const model = JSON.parse(result.out) as GraphModel;
    const name = model.nodes[0]!.name;
    const naiveDot = `digraph coop {\n  "reseau-sud" [label="${name}"];\n}\n`;
    expect(await runDot(naiveDot)).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^error: syntax error/)],
    });
    await expect(dotNodes(naiveDot)).rejects.toThrow(/Graphviz refused the DOT/);
    const naiveMermaid = `flowchart LR\n  n0("${name}")\n`;
    expect((await parseMermaid(naiveMermaid)).ok).toBe(false);
    const brokenEdge = 'flowchart LR\n  n0("a")\n  n1("b")\n  n0 -->|"x"| \n';
    expect((await parseMermaid(brokenEdge)).ok).toBe(false);
    // A directive left in a label parses, and sets Mermaid's configuration.
    const nord = model.nodes.find((n) => n.id === 'reseau-nord')!.name;
    expect(await parseMermaid(`flowchart LR\n  n0("${nord}")\n`)).toMatchObject({
      ok: true,
      config: { theme: 'dark' },
    });
  });
});

describe('coop graph: the hostile-text fixture', () => {
  it('an organisation and a programme whose every text field carries escapes: valid DOT and Mermaid, nothing raw', async () => {
    for (const [start, depth] of [
      ['alliance-test', '3'],
      ['fonds-regional', '2'],
    ] as const) {
      const dot = await runOnFixture('hostile-text', ['graph', start, '--depth', depth]);
      expect(dot.code).toBe(0);
      const model = JSON.parse(
        (await runOnFixture('hostile-text', ['graph', start, '--depth', depth, '--json'])).out,
      ) as GraphModel;
      expectNodesOf(await expectValidDot(dot.out), model);
      const mermaid = await runOnFixture('hostile-text', ['graph', start, '--depth', depth, '--format', 'mermaid']);
      expect(mermaid.code).toBe(0);
      await expectValidMermaid(mermaid.out);
      for (const out of [dot.out, mermaid.out]) expect(out).not.toMatch(UNSAFE);
      const chart = await mermaidFlowchart(mermaid.out);
      expect(chart.nodes.map((n) => n.label)).toEqual(model.nodes.map((n) => safeLine(n.name)));
    }
  });
});

describe('coop graph --format svg: the picture, drawn in-process', () => {
  /** Every node's name and every edge's label, as a person should read them in the picture. */
  const expectedTexts = (model: GraphModel) => [
    ...model.nodes.map((n) => safeLine(n.name)),
    ...model.edges.map((e) => safeLine(edgeLabel(e))),
  ];

  it('is the layout of the DOT coop prints, the same on a terminal and in a pipe, and well-formed XML naming every member', async () => {
    const expected = await runDot(ALLIANCE_DOT, 'svg');
    expect([expected.ok, expected.errors]).toEqual([true, []]);
    for (const tty of [true, false]) {
      expect(await runOnFixture('query-graph', ['graph', 'alliance-test', '--format', 'svg'], { tty })).toEqual({
        code: 0,
        out: expected.output,
        err: '',
      });
    }
    expect(expected.output).toMatch(/^<\?xml version="1\.0" encoding="UTF-8" standalone="no"\?>\n/);
    const { texts } = parseSvg(expected.output);
    const model = JSON.parse(
      (await runOnFixture('query-graph', ['graph', 'alliance-test', '--json'])).out,
    ) as GraphModel;
    expect(texts.sort()).toEqual(expectedTexts(model).sort());
    expect(texts).toContain('EHPAD Les Tilleuls');
    expect(texts).toContain('grant, 300 k€, announced');
  });

  it('follows --depth, as the DOT does', async () => {
    const svg = await runOnFixture('query-graph', ['graph', 'plan-national', '--depth', '2', '--format', 'svg']);
    expect([svg.code, svg.err]).toEqual([0, '']);
    const model = JSON.parse(
      (await runOnFixture('query-graph', ['graph', 'plan-national', '--depth', '2', '--json'])).out,
    ) as GraphModel;
    expect(parseSvg(svg.out).texts.sort()).toEqual(expectedTexts(model).sort());
  });

  it('names full of syntax and control characters: well-formed XML, each name as text, nothing raw, no element of theirs', async () => {
    for (const [fixture, start, depth] of [
      ['graph', 'reseau-sud', '3'],
      ['hostile-text', 'alliance-test', '3'],
      ['hostile-text', 'fonds-regional', '2'],
    ] as const) {
      const result = await runOnFixture(fixture, ['graph', start, '--depth', depth, '--format', 'svg']);
      expect([result.code, result.err]).toEqual([0, '']);
      expect(result.out).not.toMatch(UNSAFE);
      const { texts, elements } = parseSvg(result.out);
      const model = JSON.parse(
        (await runOnFixture(fixture, ['graph', start, '--depth', depth, '--json'])).out,
      ) as GraphModel;
      expect(texts.sort()).toEqual(expectedTexts(model).sort());
      // Only what Graphviz draws: a name's <b> or <santé> stayed text.
      expect(elements).toEqual(['ellipse', 'g', 'path', 'polygon', 'svg', 'text', 'title']);
    }
    const sud = parseSvg((await runOnFixture('graph', ['graph', 'reseau-sud', '--format', 'svg'])).out).texts;
    expect(sud).toContain("Hôpital 'Y' & <b>fils</b> `code` *x* _y_");
    expect(sud).toContain('Clinique \\x1B[31mX\\x1B[0m\\nbis');
    expect(sud).toContain('Groupe G\\N\\l');
  });
});

describe('coop graph --format png: the SVG as an image, drawn with the font coop ships', () => {
  const PNG_ARGS = ['graph', 'alliance-test', '--format', 'png'];

  /** The SVG coop prints for the same graph: the PNG is its picture. */
  const svgOf = async () => (await runOnFixture('query-graph', ['graph', 'alliance-test', '--format', 'svg'])).out;

  /** resvg, as the test calls it: only the font coop ships, never the machine's. */
  const draw = (svg: string) =>
    new Resvg(svg, {
      font: {
        loadSystemFonts: false,
        fontFiles: [createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf')],
        defaultFontFamily: 'DejaVu Sans Condensed',
        sansSerifFamily: 'DejaVu Sans Condensed',
      },
    }).render();

  it('in a pipe: PNG bytes and nothing else, at the size of the SVG, the same at every run', async () => {
    const result = await runOnFixture('query-graph', PNG_ARGS);
    expect([result.code, result.out, result.err]).toEqual([0, '', '']);
    const png = result.bytes!;
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    // The SVG's size is in points; a pixel is 3/4 of a point (96 dpi).
    const [, width, height] = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(await svgOf())!;
    const size = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(size).toEqual([Math.round((Number(width) * 4) / 3), Math.round((Number(height) * 4) / 3)]);
    expect(size).toEqual([971, 288]);
    expect((await runOnFixture('query-graph', PNG_ARGS)).bytes).toEqual(png);
  });

  it('draws the boxes, the green money edge and the text, with the shipped font', async () => {
    const { width, height, rgba } = decodePng((await runOnFixture('query-graph', PNG_ARGS)).bytes!);
    const pixels = (image: Uint8Array) =>
      Array.from({ length: width * height }, (_, i) => image.subarray(i * 4, i * 4 + 4));
    const drawn = pixels(rgba);
    // Opaque white paper, black ink, and the dark green of the grant.
    expect(drawn.every((p) => p[3] === 255)).toBe(true);
    expect(drawn.filter((p) => p[0]! < 128 && p[1]! < 128 && p[2]! < 128).length).toBeGreaterThan(5000);
    expect(drawn.filter((p) => p[1]! > p[0]! + 60 && p[1]! > p[2]! + 60).length).toBeGreaterThan(300);
    // The text: without its <text> elements the same SVG draws thousands of pixels fewer.
    const svg = await svgOf();
    const withoutText = pixels(draw(svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, '')).pixels);
    expect(drawn.filter((p, i) => !Buffer.from(p).equals(Buffer.from(withoutText[i]!))).length).toBeGreaterThan(3000);
    // And it is the shipped font that drew it: pixel for pixel what resvg draws with it alone.
    expect(Buffer.from(rgba).equals(draw(svg).pixels)).toBe(true);
  });

  it('on a terminal: refused, exit 2, nothing written', async () => {
    expect(await runOnFixture('query-graph', PNG_ARGS, { tty: true })).toEqual({
      code: 2,
      out: '',
      err: 'coop: PNG is binary: redirect to a file, e.g. > graph.png\n  hint: coop graph alliance-test --format png > alliance-test.png\n',
    });
  });

  it('names full of syntax and control characters: a PNG, as the SVG draws them', async () => {
    const result = await runOnFixture('hostile-text', ['graph', 'alliance-test', '--depth', '3', '--format', 'png']);
    expect([result.code, result.out, result.err]).toEqual([0, '', '']);
    const { width, height } = decodePng(result.bytes!);
    expect(width * height).toBeGreaterThan(100_000);
  });
});
