import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dotNodes, parseSvg } from '../graphviz.js';
import { REPO, SEED_DATA } from '../helpers.js';
import { mermaidFlowchart } from '../mermaid.js';
import { decodePng } from '../png.js';

const BIN = join(REPO, 'bin', 'coop.cjs');

describe('coop graph, the built binary, on the bundled data', () => {
  let tmp: string;
  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist', 'main.cjs')))
      execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
    tmp = mkdtempSync(join(tmpdir(), 'coop-graph-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('coop graph alliance-ouest-parisien --format svg > alliance.svg: a picture of the alliance, its founders and members', () => {
    // As a person types it, in a shell, with an empty PATH: no Graphviz to find, drawn inside Node.
    const result = spawnSync(
      '/bin/sh',
      [
        '-c',
        `"${process.execPath}" "${BIN}" graph alliance-ouest-parisien --format svg --data "${SEED_DATA}" > alliance.svg`,
      ],
      {
        cwd: tmp,
        encoding: 'utf8',
        env: { PATH: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const svg = readFileSync(join(tmp, 'alliance.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    const { texts } = parseSvg(svg);
    expect(texts).toContain("Alliance hospitalière de l'Ouest parisien (Alliance hospitalière)");
    expect(texts).toContain('Hôpital Foch');
    expect(texts).toContain('Maison médicale Notre-Dame-du-Lac');
    // The two articles disagree on the Résidence Solemnes: both claims are drawn.
    expect(texts).toContain('member, since 2017-09-13');
    expect(texts).toContain('founder, since 2017-09');
  });

  it('coop graph alliance-ouest-parisien --format png > alliance.png: an image, with no font or Graphviz of the system', () => {
    // As in a shell, with an empty PATH and no font configuration to find: the font is coop's own.
    const result = spawnSync(
      '/bin/sh',
      [
        '-c',
        `"${process.execPath}" "${BIN}" graph alliance-ouest-parisien --format png --data "${SEED_DATA}" > alliance.png`,
      ],
      { cwd: tmp, encoding: 'utf8', env: { PATH: '', HOME: tmp }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { width, height, rgba } = decodePng(readFileSync(join(tmp, 'alliance.png')));
    expect(width).toBeGreaterThan(500);
    expect(height).toBeGreaterThan(200);
    // Ink on white: far more than a blank page would hold.
    let dark = 0;
    for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! < 128 && rgba[i + 1]! < 128 && rgba[i + 2]! < 128) dark++;
    expect(dark).toBeGreaterThan(10_000);
  });

  it('the DOT it prints by default reads back in Graphviz, every node named', async () => {
    const out = execFileSync(process.execPath, [BIN, 'graph', 'alliance-ouest-parisien', '--data', SEED_DATA], {
      cwd: REPO,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    const nodes = await dotNodes(out);
    expect(nodes.map((n) => n.name)).toContain('alliance-ouest-parisien');
    expect(nodes.map((n) => n.label)).toContain('Hôpital Foch');
  });

  /** Runs the binary with a preload that reports, at exit, whether @viz-js/viz and @resvg/resvg-js were ever required. */
  const loadedPackages = (...args: string[]) => {
    const probe = join(tmp, 'probe.cjs');
    writeFileSync(
      probe,
      "process.on('exit', () => process.stderr.write(['@viz-js', '@resvg'].map((name) => (Object.keys(require.cache).some((p) => p.includes(name)) ? '' : 'no ') + name).join(', ') + '\\n'));\n",
    );
    return spawnSync(process.execPath, ['-r', probe, BIN, ...args], {
      cwd: REPO,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    }).stderr;
  };

  it('only an SVG loads the WebAssembly Graphviz: DOT, Mermaid and the other commands start without it, or resvg', () => {
    expect(loadedPackages('graph', 'alliance-ouest-parisien')).toBe('no @viz-js, no @resvg\n');
    expect(loadedPackages('graph', 'alliance-ouest-parisien', '--format', 'mermaid')).toBe('no @viz-js, no @resvg\n');
    expect(loadedPackages('show', 'hopital-foch')).toBe('no @viz-js, no @resvg\n');
    expect(loadedPackages('graph', 'alliance-ouest-parisien', '--format', 'svg')).toBe('@viz-js, no @resvg\n');
  });

  it('only a PNG loads resvg', () => {
    expect(loadedPackages('graph', 'alliance-ouest-parisien', '--format', 'png')).toBe('@viz-js, @resvg\n');
  });

  it("coop graph PIA --depth 2 --format mermaid: the programme, Territoires d'innovation and its laureates, for Mermaid", async () => {
    const out = execFileSync(
      process.execPath,
      [BIN, 'graph', 'PIA', '--depth', '2', '--format', 'mermaid', '--data', SEED_DATA],
      { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } },
    );
    const chart = await mermaidFlowchart(out);
    expect(chart.nodes.map((n) => n.label)).toContain('Territoire de santé de demain (TSD)');
    expect(chart.edges.filter((e) => e.stroke === 'thick').map((e) => e.label)).toContain('grant, 10.6 M€, awarded');
  });
});
