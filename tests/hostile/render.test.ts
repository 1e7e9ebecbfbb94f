import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/delimited.js';
import { dotString, renderDot } from '../../src/render/dot.js';
import { sanitizeCommanderOutput } from '../../src/render/sanitize.js';
import { FIXTURES, REPO } from '../helpers.js';
import { BIN } from './helpers.js';

describe('DOT labels: entities stay text', () => {
  it('escapes & so that Graphviz never decodes &#27; into an escape character', { timeout: 120_000 }, () => {
    expect(dotString('A&#27;[31mB')).toBe('"A&amp;#27;[31mB"');
    expect(dotString('R&D "x"')).toBe('"R&amp;D \\"x\\""');
    const dot = renderDot({
      nodes: [{ id: 'a', name: 'Evil &#x1b;]0;title&#7;', kind: 'organisation', start: true }],
      edges: [],
    } as never);
    expect(dot).toContain('label="Evil &amp;#x1b;]0;title&amp;#7;"');
    expect(dot).not.toMatch(/[^;]&#/);
  });
});

describe('CSV: cells a spreadsheet would run are disarmed', () => {
  // A carriage return is shown as \x0D by safeText before anything else: it cannot start a cell.
  it("prefixes =, +, -, @, tab and CR with ' (OWASP), keeps plain numbers, and --csv-raw keeps everything", {
    timeout: 120_000,
  }, () => {
    const rows = [['=HYPERLINK("http://x")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\rx', '-12', '+3.5', 'normal']];
    expect(renderCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], rows)).toBe(
      `a,b,c,d,e,f,g,h,i\r\n"'=HYPERLINK(""http://x"")",'+1+2,'-2+3,'@SUM(A1),'\tx,\\x0Dx,-12,+3.5,normal\r\n`,
    );
    expect(renderCsv(['a', 'b'], [['=1+1', '@x']], { raw: true })).toBe('a,b\r\n=1+1,@x\r\n');
  });
});

describe('commander output is sanitised', () => {
  it('escapes control characters, keeps newlines and tabs', { timeout: 120_000 }, () => {
    expect(sanitizeCommanderOutput("error: unknown option '--\u001b]0;pwned\u0007x'\n")).toBe(
      "error: unknown option '--\\x1B]0;pwned\\x07x'\n",
    );
    expect(sanitizeCommanderOutput('Usage: coop\n\tx\n')).toBe('Usage: coop\n\tx\n');
  });
});

describe('the path printed after a write is sanitised', () => {
  it('coop new through a data folder whose name holds an escape sequence prints it escaped', {
    timeout: 120_000,
  }, () => {
    const root = mkdtempSync(join(tmpdir(), 'coop-hostile-path-'));
    try {
      const dir = join(root, 'd\u001b[31m');
      cpSync(join(FIXTURES, 'query-add', 'data'), dir, { recursive: true });
      const result = spawnSync(
        process.execPath,
        [
          BIN,
          'new',
          'organisation',
          'clinique-x',
          '--name',
          'Clinique X',
          '--kind',
          'hospital',
          '--sector',
          'public',
          '--source',
          'gazette-2019-05-02-alliance',
          '--data',
          'd\u001b[31m',
        ],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 30_000,
          env: { PATH: process.env.PATH ?? '', COOP_CACHE_DIR: join(root, 'cache') },
        },
      );
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('d\\x1B[31m/organisations/clinique-x.yaml\n');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('completion never runs data, and works with any data folder', () => {
  let bin: string;
  let root: string;
  beforeAll(() => {
    bin = mkdtempSync(join(tmpdir(), 'coop-hostile-completion-'));
    writeFileSync(join(bin, 'coop'), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin', 'coop.cjs')}" "$@"\n`);
    chmodSync(join(bin, 'coop'), 0o755);
    root = mkdtempSync(join(tmpdir(), 'coop-hostile-space-'));
  });
  afterAll(() => {
    rmSync(bin, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  });

  /** What bash's completion function offers for these COMP_WORDS (given as bash would split them). */
  function complete(words: string[], cwd: string, env: Record<string, string> = {}): string[] {
    const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
    const script = `source <(coop completion bash); COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _coop; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', script], {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: root, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(result.stderr).toBe('');
    return result.stdout.split('\n').filter(Boolean).sort();
  }

  it('an id like $(touch x) in a cache edited in place is neither printed by __ids nor run on Tab', {
    timeout: 120_000,
  }, () => {
    const base = join(root, 'inject');
    cpSync(join(FIXTURES, 'query-add', 'data'), join(base, 'data'), { recursive: true });
    const cache = join(base, 'cache');
    const env = { COOP_CACHE_DIR: cache };
    execFileSync(process.execPath, [BIN, '__ids', 'organisation', '--data', join(base, 'data')], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    // Same size, same key: "clinique-des-fleurs" becomes a command substitution of 19 characters.
    const file = readdirSync(cache).find((name) => name.endsWith('.json') && !name.endsWith('.search.json'))!;
    const text = readFileSync(join(cache, file), 'latin1');
    const evil = '$(touch pwned)x12345';
    expect(evil.length).toBe('clinique-des-fleurs'.length + 1);
    const edited = text.split('"clinique-des-fleurs"').join(`"${evil.slice(0, 19)}"`);
    expect(edited.length).toBe(text.length);
    writeFileSync(join(cache, file), edited, 'latin1');
    const ids = execFileSync(process.execPath, [BIN, '__ids', 'organisation', '--data', join(base, 'data')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    expect(ids).not.toContain('$(');
    for (const prefix of ['', '$', 'c']) complete(['coop', '--data', join(base, 'data'), 'show', prefix], base, env);
    complete(['coop', '--data', join(base, 'data'), 'events', '--org', ''], base, env);
    expect(existsSync(join(base, 'pwned'))).toBe(false);
  });

  it('a data folder with spaces, given as one word, quoted, backslashed, or as --data=DIR', {
    timeout: 120_000,
  }, () => {
    const dir = join(root, 'my data', 'base');
    mkdirSync(join(root, 'my data'), { recursive: true });
    cpSync(join(FIXTURES, 'query-add', 'data'), dir, { recursive: true });
    const env = { COOP_CACHE_DIR: join(root, 'cache') };
    const expected = ['clinique-des-fleurs'];
    expect(complete(['coop', '--data', dir, 'show', 'clin'], root, env)).toEqual(expected);
    expect(complete(['coop', '--data', `"${dir}"`, 'show', 'clin'], root, env)).toEqual(expected);
    expect(complete(['coop', '--data', dir.replace(/ /g, '\\ '), 'show', 'clin'], root, env)).toEqual(expected);
    expect(complete(['coop', '--data', '=', dir.replace(/ /g, '\\ '), 'show', 'clin'], root, env)).toEqual(expected);
    expect(complete(['coop', `--data=${dir}`, 'show', 'clin'], root, env)).toEqual(expected);
    expect(complete(['coop', '--data', '=', dir, 'events', '--org', 'clin'], root, env)).toEqual(expected);
  });
});
