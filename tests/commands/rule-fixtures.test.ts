import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULE_CATALOGUE, RULE_IDS, type RuleId } from '../../src/core/rules.js';
import { FIXTURES, runCoop } from '../helpers.js';

/**
 * Walks the catalogue: every rule has a fixture base, tests/fixtures/rule-<id>, on which coop
 * validate reports it at a known place. A rule added to src/core/rules.ts without a fixture and a
 * place here fails (the Record below does not type-check either). The places agree with the
 * hand-checked reports of validate-rules.test.ts.
 */
interface Place {
  file: string;
  line: number;
  column: number;
  /** A fixture that cannot be committed as it is: made in a temporary copy before the run. */
  prepare?: (root: string) => void;
}

const MIB = 1024 * 1024;

const PLACES: Record<RuleId, Place> = {
  // A symbolic link out of the data folder: readable by anyone, root included, yet not read.
  'file-unreadable': { file: 'data/organisations/outside.yaml', line: 1, column: 1 },
  // Over 1 MiB: made at run time rather than committed.
  'file-too-large': {
    file: 'data/organisations/hopital-b.yaml',
    line: 1,
    column: 1,
    prepare: (root) =>
      writeFileSync(
        join(root, 'data', 'organisations', 'hopital-b.yaml'),
        `name: Hôpital B\nkind: hospital\nsources: [gazette-2020-01-15-alliance]\nnote: ${'a'.repeat(MIB)}\n`,
      ),
  },
  'bad-encoding': { file: 'data/organisations/alliance-test.yaml', line: 4, column: 16 },
  'control-character': { file: 'data/organisations/hopital-a.yaml', line: 1, column: 15 },
  'yaml-syntax': { file: 'data/organisations/hopital-a.yaml', line: 6, column: 39 },
  'duplicate-key': { file: 'data/organisations/hopital-a.yaml', line: 6, column: 1 },
  'front-matter': { file: 'data/articles/gazette-2020-01-15-alliance.md', line: 1, column: 1 },
  'unexpected-file': { file: 'data/notes.txt', line: 1, column: 1 },
  'unknown-field': { file: 'data/organisations/hopital-a.yaml', line: 2, column: 1 },
  'missing-field': { file: 'data/organisations/hopital-a.yaml', line: 1, column: 1 },
  'wrong-type': { file: 'data/organisations/hopital-a.yaml', line: 2, column: 10 },
  'empty-value': { file: 'data/organisations/hopital-a.yaml', line: 2, column: 13 },
  'bad-enum': { file: 'data/organisations/hopital-a.yaml', line: 2, column: 7 },
  'renamed-value': { file: 'data/organisations/alliance-test.yaml', line: 3, column: 9 },
  'bad-id': { file: 'data/organisations/alliance-test.yaml', line: 5, column: 10 },
  'bad-date': { file: 'data/organisations/hopital-a.yaml', line: 6, column: 10 },
  'bad-amount': { file: 'data/programmes/programme-test.yaml', line: 5, column: 13 },
  'amount-form': { file: 'data/funding/programme-test.yaml', line: 6, column: 15 },
  'recipient-form': { file: 'data/funding/programme-test.yaml', line: 4, column: 21 },
  'figure-form': { file: 'data/organisations/hopital-a.yaml', line: 8, column: 18 },
  'bad-identifier': { file: 'data/organisations/hopital-a.yaml', line: 7, column: 10 },
  'bad-url': { file: 'data/organisations/hopital-a.yaml', line: 6, column: 10 },
  'duplicate-id': { file: 'data/events/2020.yaml', line: 7, column: 7 },
  'id-mismatch': { file: 'data/organisations/hopital-a.yaml', line: 1, column: 5 },
  'unknown-reference': { file: 'data/organisations/alliance-test.yaml', line: 5, column: 10 },
  'unknown-sourced-field': { file: 'data/organisations/hopital-a.yaml', line: 8, column: 3 },
  'reference-cycle': { file: 'data/organisations/alliance-test.yaml', line: 4, column: 3 },
  'unknown-geography': { file: 'data/organisations/alliance-test.yaml', line: 3, column: 9 },
  'department-outside-region': { file: 'data/organisations/hopital-a.yaml', line: 6, column: 13 },
  'city-outside-department': { file: 'data/organisations/hopital-a.yaml', line: 4, column: 7 },
  'date-order': { file: 'data/organisations/alliance-test.yaml', line: 8, column: 12 },
  'duplicate-member': { file: 'data/organisations/alliance-test.yaml', line: 9, column: 5 },
  'ght-support': { file: 'data/organisations/ght-test.yaml', line: 7, column: 10 },
  'successor-without-dissolved': { file: 'data/organisations/hopital-a.yaml', line: 6, column: 12 },
  'ght-single-party': { file: 'data/organisations/ght-sud.yaml', line: 4, column: 10 },
  'uncited-article': { file: 'data/articles/hospimedia-2020-02-03-alliance-suresnes.md', line: 1, column: 1 },
};

const temporary: string[] = [];
afterAll(() => {
  for (const root of temporary) rmSync(root, { recursive: true, force: true });
});

describe('every rule of the catalogue has a fixture that triggers it', () => {
  it.each(RULE_IDS)('%s', async (rule) => {
    const fixture = join(FIXTURES, `rule-${rule}`);
    expect(existsSync(join(fixture, 'data')), `add the fixture base tests/fixtures/rule-${rule}/data`).toBe(true);
    const place = PLACES[rule];
    expect(place, `add where rule-${rule} reports ${rule} to PLACES`).toBeDefined();
    let cwd = fixture;
    if (place.prepare) {
      cwd = mkdtempSync(join(tmpdir(), `coop-rule-${rule}-`));
      temporary.push(cwd);
      cpSync(fixture, cwd, { recursive: true });
      place.prepare(cwd);
    }
    const { out, err } = await runCoop(['validate', '--data', 'data', '--format', 'json'], { cwd });
    expect(err).toBe('');
    const reported = (
      JSON.parse(out) as {
        diagnostics: Array<{ file: string; line: number; column: number; rule: string; severity: string }>;
      }
    ).diagnostics;
    expect(reported).toContainEqual(
      expect.objectContaining({
        file: place.file,
        line: place.line,
        column: place.column,
        rule,
        severity: RULE_CATALOGUE[rule].severity,
      }),
    );
  });
});
