import { describe, expect, it } from 'vitest';
import { runCoop, runOnFixture } from '../helpers.js';

describe('coop validate on a valid base', () => {
  it('says so in a pipe, exit 0', async () => {
    const result = await runOnFixture('minimal', ['validate']);
    expect(result).toEqual({
      code: 0,
      out: '✔ no problems: 2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article\n',
      err: '',
    });
  });

  it('colours the mark on a terminal, and not with NO_COLOR', async () => {
    const coloured = await runOnFixture('minimal', ['validate'], { tty: true });
    expect(coloured.out).toBe(
      '\u001b[32m✔\u001b[39m no problems: 2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article\n',
    );
    const plain = await runOnFixture('minimal', ['validate'], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.out).toBe('✔ no problems: 2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article\n');
    const flagged = await runOnFixture('minimal', ['validate', '--no-color'], { tty: true });
    expect(flagged.out).toBe(plain.out);
  });

  it('prints an empty report as JSON', async () => {
    const result = await runOnFixture('minimal', ['validate', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      valid: true,
      errors: 0,
      warnings: 0,
      files_with_problems: 0,
      records: { organisations: 2, programmes: 0, funding: 0, events: 0, articles: 1, people: 0, agreements: 0 },
      diagnostics: [],
    });
  });
});

describe('coop validate on the seed base (tests/fixtures/seed, data/ as its five seed articles made it)', () => {
  it('finds a clean base holding the five articles', async () => {
    const result = await runOnFixture('seed', ['validate', '--format', 'json']);
    const report = JSON.parse(result.out);
    expect(report.diagnostics).toEqual([]);
    expect(report.records).toEqual({
      organisations: 65,
      programmes: 3,
      funding: 6,
      events: 21,
      articles: 5,
      people: 0,
      agreements: 0,
    });
    expect(result.code).toBe(0);
  });
});

describe('coop validate usage errors', () => {
  it('exits 2 on a missing data folder, without a stack trace', async () => {
    const result = await runCoop(['validate', '--data', 'tests/fixtures/does-not-exist']);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^coop: data folder .*tests\/fixtures\/does-not-exist does not exist\n$/);
  });

  it('exits 2 on an unknown option, with a suggestion', async () => {
    const result = await runCoop(['validate', '--stric']);
    expect(result.code).toBe(2);
    expect(result.err).toContain("error: unknown option '--stric'\n(Did you mean --strict?)");
  });

  it('exits 2 on an unknown format', async () => {
    const result = await runOnFixture('minimal', ['validate', '--format', 'yaml']);
    expect(result).toEqual({
      code: 2,
      out: '',
      err: 'coop: unknown format "yaml"\n  hint: use one of: text, json, tsv, csv\n',
    });
  });
});
