import { describe, expect, it } from 'vitest';
import { explainRule, listRules } from '../../src/commands/validate.js';
import { RULE_IDS } from '../../src/core/rules.js';
import { UsageError } from '../../src/errors.js';
import { decideColor, type IO } from '../../src/io.js';
import { REPO } from '../helpers.js';

/** The IO tests/helpers.ts builds for runCoop, for calling the functions the CLI will wire. */
function capture(tty = false) {
  const captured = { out: '', err: '' };
  const io: IO = {
    out: (text) => void (captured.out += text),
    outBytes: () => {
      throw new Error('validate --explain writes text only');
    },
    err: (text) => void (captured.err += text),
    isTTY: tty,
    color: decideColor(tty, {}),
    columns: 100,
    env: {},
    cwd: REPO,
    readInput: undefined,
  };
  return { io, captured };
}

describe('explainRule (coop validate --explain <rule>)', () => {
  it('shows the title, severity, explanation, what coop says, and the bad and good examples', () => {
    const { io, captured } = capture();
    expect(explainRule('duplicate-key', {}, io)).toBe(0);
    expect(captured.out).toBe(
      'duplicate-key: the same key twice in one map\n' +
        'severity: error\n' +
        '\n' +
        'YAML parsers disagree on a key written twice: most keep the last value silently.\n' +
        'coop refuses the file, so that no value is lost without anyone noticing.\n' +
        '\n' +
        'coop validate says, for example:\n' +
        '\n' +
        '    file:line:column: error: this key appears twice in the same map [duplicate-key]\n' +
        '      hint: keep one of the two\n' +
        '\n' +
        'Bad:\n' +
        '\n' +
        '    name: Hôpital A\n' +
        '    kind: hospital\n' +
        '    kind: clinic\n' +
        '    sources: [gazette-2020-01-15-alliance]\n' +
        '\n' +
        'Good:\n' +
        '\n' +
        '    name: Hôpital A\n' +
        '    kind: hospital\n' +
        '    sources: [gazette-2020-01-15-alliance]\n',
    );
    expect(captured.err).toBe('');
  });

  it('explains every rule of the catalogue, with both examples', () => {
    for (const id of RULE_IDS) {
      const { io, captured } = capture();
      expect(explainRule(id, {}, io)).toBe(0);
      expect(captured.out.startsWith(`${id}: `)).toBe(true);
      expect(captured.out).toContain('\nBad:\n');
      expect(captured.out).toContain('\nGood:\n');
      expect(captured.out).toContain(`[${id}]`);
    }
  });

  it('prints the rule as JSON with --json', () => {
    const { io, captured } = capture();
    expect(explainRule('uncited-article', { json: true }, io)).toBe(0);
    expect(JSON.parse(captured.out)).toMatchObject({
      id: 'uncited-article',
      severity: 'warning',
      exampleMessage: 'article "gazette-2021-03-02-fusion" is cited by no record',
    });
  });

  it('refuses an unknown rule with a usage error (exit 2) and the closest ids', () => {
    const { io, captured } = capture();
    let thrown: unknown;
    try {
      explainRule('unknown-referense', {}, io);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toBe('unknown rule "unknown-referense"');
    expect((thrown as UsageError).hint).toBe('did you mean "unknown-reference"?');
    expect(captured.out).toBe('');
  });

  it('points to the list when nothing is close', () => {
    const { io } = capture();
    expect(() => explainRule('zzzzzzzzzzzzzzzz', {}, io)).toThrow(
      expect.objectContaining({ hint: 'coop validate --rules lists them' }),
    );
  });
});

describe('listRules (coop validate --rules)', () => {
  it('prints one rule a line as TSV in a pipe, in catalogue order', async () => {
    const { io, captured } = capture();
    expect(await listRules({}, io)).toBe(0);
    const lines = captured.out.trimEnd().split('\n');
    expect(lines[0]).toBe('rule\tseverity\ttitle');
    expect(lines[1]).toBe('file-unreadable\terror\ta file or folder cannot be read');
    expect(lines).toContain('uncited-article\twarning\tan article that no record cites');
    expect(lines.slice(1).map((line) => line.split('\t')[0])).toEqual(RULE_IDS);
  });

  it('prints a table on a terminal, every id whole', async () => {
    const { io, captured } = capture(true);
    expect(await listRules({}, io)).toBe(0);
    expect(captured.out).toMatch(/│ department-outside-region +│/);
    for (const id of RULE_IDS) expect(captured.out).toContain(id);
  });

  it('prints JSON with the explanations, and Markdown', async () => {
    const json = capture();
    await listRules({ format: 'json' }, json.io);
    const rules = JSON.parse(json.captured.out) as Array<{ id: string; bad: string; good: string }>;
    expect(rules.map((rule) => rule.id)).toEqual(RULE_IDS);
    expect(rules.every((rule) => rule.bad && rule.good)).toBe(true);
    const markdown = capture();
    await listRules({ format: 'markdown' }, markdown.io);
    expect(markdown.captured.out).toContain(
      '| `bad-enum` | error | a value outside its closed list (kind, role, stage, ...) |\n',
    );
  });

  it('refuses an unknown format', async () => {
    const { io } = capture();
    await expect(listRules({ format: 'yaml' }, io)).rejects.toThrow('unknown format "yaml"');
  });
});
