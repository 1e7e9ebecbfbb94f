import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCoop } from '../helpers.js';

// Copies of the rule fixtures, changed so that the periods no longer overlap.
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'coop-ght-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function copy(scenario: string, file: string, change: (text: string) => string) {
  cpSync(join(FIXTURES, scenario, 'data'), join(work, 'data'), { recursive: true });
  const path = join(work, 'data', 'organisations', file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  return runCoop(['validate', '--data', 'data'], { cwd: work });
}

const CLEAN = '✔ no problems: 3 organisations, 0 programmes, 0 funding lines, 0 events, 1 article\n';

describe('the GHT checks compare since and until', () => {
  it('a hospital that left one GHT before joining the other is party to one at a time', async () => {
    const result = await copy('rule-ght-single-party', 'ght-nord.yaml', (text) =>
      text.replace('    since: 2016-07\n', '    since: 2016-07\n    until: 2017-12-31\n    end_reason: withdrawal\n'),
    );
    expect(result).toEqual({ code: 0, out: CLEAN, err: '' });
  });

  it('an associated hospital is not a party', async () => {
    const result = await copy('rule-ght-single-party', 'ght-sud.yaml', (text) =>
      text.replace('role: support', 'role: associated'),
    );
    expect(result).toEqual({ code: 0, out: CLEAN, err: '' });
  });

  it('a support that follows another one is no second support', async () => {
    const result = await copy('rule-ght-support', 'ght-test.yaml', (text) =>
      text.replace('    role: support\n    source', '    role: support\n    until: 2019-12-31\n    source'),
    );
    expect(result).toEqual({ code: 0, out: CLEAN, err: '' });
  });
});
