import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDot, svgTexts } from '../graphviz.js';
import { REPO, SEED_DATA } from '../helpers.js';
import { mermaidFlowchart } from '../mermaid.js';

const BIN = join(REPO, 'bin', 'coop.cjs');

describe('coop graph, the built binary, on the seed base (tests/fixtures/seed)', () => {
  beforeAll(() => {
    if (!existsSync(join(REPO, 'dist', 'main.cjs'))) execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')]);
    // Fails, never skips, where Graphviz is missing (with the install line).
    runDot('digraph {}');
  });

  it('coop graph alliance-ouest-parisien | dot -Tsvg: a picture of the alliance, its founders and members', () => {
    // As a person types it, in a shell pipeline; pipefail so that either side failing fails the test.
    const result = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${BIN}" graph alliance-ouest-parisien --data "${SEED_DATA}" | dot -Tsvg`], {
      cwd: REPO,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^<\?xml/);
    const texts = svgTexts(result.stdout);
    expect(texts).toContain("Alliance hospitalière de l'Ouest parisien (Alliance hospitalière)");
    expect(texts).toContain('Hôpital Foch');
    expect(texts).toContain('Maison médicale Notre-Dame-du-Lac');
    // The two articles disagree on the Résidence Solemnes: both claims are drawn.
    expect(texts).toContain('associate, since 2017-09-13');
    expect(texts).toContain('founder, since 2017-09');
  });

  it('coop graph PIA --depth 2 --format mermaid: the programme, Territoires d\'innovation and its laureates, for Mermaid', async () => {
    const out = execFileSync(process.execPath, [BIN, 'graph', 'PIA', '--depth', '2', '--format', 'mermaid', '--data', SEED_DATA], { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    const chart = await mermaidFlowchart(out);
    expect(chart.nodes.map((n) => n.label)).toContain('Territoire de santé de demain (TSD)');
    expect(chart.edges.filter((e) => e.stroke === 'thick').map((e) => e.label)).toContain('grant, 10.6 M€, awarded');
  });
});
