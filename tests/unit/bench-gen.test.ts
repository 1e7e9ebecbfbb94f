import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBase } from '../../src/core/validate.js';
import { loadDataFolder } from '../../src/load/read-data-folder.js';
import { REPO } from '../helpers.js';

const GENERATOR = join(REPO, 'scripts', 'bench-gen.mjs');

/** Every file under `dir` (dot files included), relative path -> content. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

describe('the benchmark generator (scripts/bench-gen.mjs)', () => {
  let scratch: string;
  let first: string;
  let second: string;

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'coop-bench-gen-'));
    first = join(scratch, 'a');
    second = join(scratch, 'b');
    for (const out of [first, second])
      execFileSync(process.execPath, [GENERATOR, '--orgs', '50', '--out', out], { stdio: 'pipe' });
  });

  afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
  });

  it('writes the same files, byte for byte, for the same arguments', () => {
    const a = snapshot(first);
    const b = snapshot(second);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, text] of a) expect(b.get(path), path).toBe(text);
  });

  it('writes the real layout with the promised counts', () => {
    const files = [...snapshot(first).keys()];
    const count = (folder: string) => files.filter((f) => f.startsWith(`${folder}/`)).length;
    expect(count('organisations')).toBe(50);
    expect(count('articles')).toBe(10);
    expect(count('programmes')).toBeGreaterThanOrEqual(3);
    expect(count('funding')).toBeGreaterThanOrEqual(1);
    expect(count('events')).toBeGreaterThanOrEqual(1);
  });

  it('writes a base that validates with no error and no warning', async () => {
    const loaded = await loadDataFolder(first);
    const built = buildBase(loaded.files);
    const problems = [...loaded.diagnostics, ...built.diagnostics].map(
      (d) => `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.rule}]`,
    );
    expect(problems).toEqual([]);
    const { base } = built;
    expect(base.organisations).toHaveLength(50);
    expect(base.funding).toHaveLength(50);
    expect(base.events).toHaveLength(100);
    expect(base.articles).toHaveLength(10);
    // Five members each, accents and aliases as in the real data.
    expect(base.organisations.every((org) => org.members?.length === 5)).toBe(true);
    expect(base.organisations.some((org) => /[À-ÿ]/.test(org.name))).toBe(true);
    expect(base.organisations.some((org) => (org.aliases?.length ?? 0) > 0)).toBe(true);
  });
});
