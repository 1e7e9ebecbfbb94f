/**
 * docs/RECORDING.md records an invented article (tests/fixtures/recording/article.md) with coop
 * commands only: this test runs every `coop ...` line of its ```sh blocks, in order, on a fresh
 * copy of data/, so the guide cannot drift from the commands. It checks only the example's own
 * facts, never the counts of the shipped data/.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_DATA, REPO, runCoop } from '../helpers.js';

/** The command lines of the guide's ```sh blocks that start with `coop `, continuations joined. */
function guideCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const block of markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)) {
    const joined = block[1]!.replace(/\\\n\s*/g, ' ');
    for (const line of joined.split('\n')) if (line.trim().startsWith('coop ')) commands.push(line.trim());
  }
  return commands;
}

/** Splits a command line as a POSIX shell would for our needs: single and double quotes, backslashes. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"' && (line[i + 1] === '"' || line[i + 1] === '\\')) word += line[++i]!;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (char === '\\') word = (word ?? '') + (line[++i] ?? '');
    else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + char;
  }
  if (quote) throw new Error(`unclosed quote in: ${line}`);
  if (word !== undefined) words.push(word);
  return words;
}

describe('docs/RECORDING.md, run on a copy of data/', { timeout: 120_000 }, () => {
  const commands = guideCommands(readFileSync(join(REPO, 'docs', 'RECORDING.md'), 'utf8'));
  let dir: string;
  let data: string;
  const coop = (args: readonly string[]) => runCoop([...args, '--data', data]);

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'coop-recording-'));
    data = join(dir, 'data');
    cpSync(BUNDLED_DATA, data, { recursive: true });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('splits shell words as the shell does', () => {
    expect(shellWords(`coop set x name "L'Hebdo \\"A\\"" --note 'a b' c\\ d`)).toEqual([
      'coop',
      'set',
      'x',
      'name',
      'L\'Hebdo "A"',
      '--note',
      'a b',
      'c d',
    ]);
  });

  it('holds the commands of the worked example', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(commands).toContain('coop mv gcs-plateaux gcs-sante-des-plateaux');
  });

  it('runs every command of the guide, in order, each exiting 0', async () => {
    for (const command of commands) {
      const result = await coop(shellWords(command).slice(1));
      expect({ command, code: result.code, err: result.err }).toMatchObject({ command, code: 0 });
    }
  });

  it('leaves a base that validates with no warning', async () => {
    const result = await coop(['validate', '--strict']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('no problems');
  });

  it('gives the GCS an English description beside the French one', async () => {
    const english = await coop(['show', 'gcs-sante-des-plateaux', '--lang', 'en']);
    expect(english.out).toContain(
      '## Description\nA telehealth group formed by the Trois-Lacs hospital and a clinic of the same department (invented example).\n',
    );
    const french = await coop(['show', 'gcs-sante-des-plateaux', '--lang', 'fr']);
    expect(french.out).toContain(
      '## Description\nGroupement de télésanté créé par le centre hospitalier des Trois-Lacs avec une clinique du même département (exemple inventé).\n',
    );
  });

  it('shows the GCS with its members, its pending member, its money and its person', async () => {
    const { code, out } = await coop(['show', 'gcs-sante-des-plateaux']);
    expect(code).toBe(0);
    expect(out).toContain('GCS Santé des Plateaux');
    expect(out).toMatch(/ch-des-trois-lacs\tfounder\tmember\t2026-09/);
    expect(out).toMatch(/clinique-du-haut-plateau\tmember\tmember\t2026-09/);
    expect(out).toMatch(/## Pending members[^#]*ehpad-les-gentianes\tmember\tpending/);
    expect(out).toContain('Claire Vernier\tclaire-vernier\tadministratrice');
    expect(out).not.toContain('gcs-plateaux\t');
    const clinic = await coop(['show', 'clinique-du-haut-plateau']);
    expect(clinic.out).not.toContain('private-nonprofit');
  });

  it('gives the funding line as about 1.2 M€ and the budget as up to 5 M€', async () => {
    const { code, out } = await runCoop(
      ['funding', '--programme', 'fonds-cooperation-territoriale-sante-bfc', '--data', data],
      { tty: true, env: { NO_COLOR: '1' }, columns: 120 },
    );
    expect(code).toBe(0);
    expect(out).toContain('≈ 1.2 M€');
    expect(out).toContain('up to 5 M€');
    expect(out).toContain('GCS Santé des Plateaux');
  });

  it('lists the planned opening apart from what happened', async () => {
    const { code, out } = await coop(['events', '--org', 'gcs-sante-des-plateaux']);
    expect(code).toBe(0);
    expect(out).toContain('Création du GCS Santé des Plateaux');
    expect(out).toMatch(/\t2027\tlaunch\tOuverture de la plateforme de téléexpertise\t.*\tplanned\t\n/);
  });

  it('finds the person quoted, with her two roles', async () => {
    const search = await coop(['search', 'Vernier']);
    expect(search.out.split('\n')[1]).toMatch(/^person\tclaire-vernier\tClaire Vernier\t/);
    const show = await coop(['show', 'claire-vernier']);
    expect(show.out).toContain('directrice\tch-des-trois-lacs');
    expect(show.out).toContain('administratrice\tgcs-sante-des-plateaux');
  });
});
