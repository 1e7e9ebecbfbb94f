import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCoop } from '../helpers.js';

// A base written with the old names: every test works on a copy.
let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'coop-migrate-'));
  cpSync(join(FIXTURES, 'migrate', 'data'), join(work, 'data'), { recursive: true });
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const coop = (args: string[]) => runCoop([...args, '--data', 'data'], { cwd: work });
const read = (path: string) => readFileSync(join(work, 'data', path), 'utf8');

const RESIDENCE_BEFORE = `# A résidence of the alliance (comment kept by migrate)
name: Résidence A
kind: nursing-home # was the old name
sector: 'mixed'
legal_form: "association loi 1901"
city: Suresnes
department: "92"
sources: [gazette-2020-01-15-alliance]
`;
const RESIDENCE_AFTER = `# A résidence of the alliance (comment kept by migrate)
name: Résidence A
kind: ehpad # was the old name
sector: 'mixed-membership'
legal_form: "association"
city: Suresnes
department: "92"
sources: [gazette-2020-01-15-alliance]
`;

const LEAD_LEFT =
  'data/organisations/alliance-test.yaml:10:11: warning: role "lead" is ambiguous: choose among "coordinator", "carrier", "support" [renamed-value]\n' +
  '  hint: the article says which; coop migrate leaves it to you\n';

describe('a base with the old names', () => {
  it('validates, with a warning naming the new value (or the values to choose among) at each old one', async () => {
    expect(await coop(['validate'])).toEqual({
      code: 0,
      out:
        LEAD_LEFT +
        'data/organisations/residence-a.yaml:3:7: warning: kind "nursing-home" is now "ehpad" [renamed-value]\n' +
        '  hint: coop migrate rewrites the base to the new names\n' +
        'data/organisations/residence-a.yaml:4:9: warning: sector "mixed" is now "mixed-membership" [renamed-value]\n' +
        '  hint: coop migrate rewrites the base to the new names\n' +
        'data/organisations/residence-a.yaml:5:13: warning: legal_form "association loi 1901" is now "association" [renamed-value]\n' +
        '  hint: coop migrate rewrites the base to the new names\n' +
        '⚠ 0 errors, 4 warnings in 2 files (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });

  it('coop migrate --dry-run prints the unified diff and writes nothing', async () => {
    const alliance = read('organisations/alliance-test.yaml');
    expect(await coop(['migrate', '--dry-run'])).toEqual({
      code: 0,
      out:
        '--- a/data/organisations/residence-a.yaml\n' +
        '+++ b/data/organisations/residence-a.yaml\n' +
        '@@ -1,8 +1,8 @@\n' +
        ' # A résidence of the alliance (comment kept by migrate)\n' +
        ' name: Résidence A\n' +
        '-kind: nursing-home # was the old name\n' +
        "-sector: 'mixed'\n" +
        '-legal_form: "association loi 1901"\n' +
        '+kind: ehpad # was the old name\n' +
        "+sector: 'mixed-membership'\n" +
        '+legal_form: "association"\n' +
        ' city: Suresnes\n' +
        ' department: "92"\n' +
        ' sources: [gazette-2020-01-15-alliance]\n',
      err: `${LEAD_LEFT}coop: dry run: nothing written (would write 1 file); 1 ambiguous value left to choose (above)\n`,
    });
    expect(read('organisations/residence-a.yaml')).toBe(RESIDENCE_BEFORE);
    expect(read('organisations/alliance-test.yaml')).toBe(alliance);
  });

  it('coop migrate rewrites the new names in place, comments and quotes kept, and lists the ambiguous value', async () => {
    const alliance = read('organisations/alliance-test.yaml');
    expect(await coop(['migrate'])).toEqual({
      code: 0,
      out: 'data/organisations/residence-a.yaml\n',
      err: `${LEAD_LEFT}coop: migrated 1 file; 1 ambiguous value left to choose (above)\n`,
    });
    expect(read('organisations/residence-a.yaml')).toBe(RESIDENCE_AFTER);
    // The ambiguous role is left as it is, for a person to choose from the article.
    expect(read('organisations/alliance-test.yaml')).toBe(alliance);
    expect(await coop(['validate'])).toEqual({
      code: 0,
      out:
        LEAD_LEFT +
        '⚠ 0 errors, 1 warning in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });

  it('once the ambiguous value is chosen, the migrated base has no warning, and migrate has nothing left to do', async () => {
    await coop(['migrate']);
    const chosen = read('organisations/alliance-test.yaml').replace('role: lead', 'role: coordinator');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(work, 'data', 'organisations', 'alliance-test.yaml'), chosen);
    expect(await coop(['validate'])).toEqual({
      code: 0,
      out: '✔ no problems: 2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article\n',
      err: '',
    });
    expect(await coop(['migrate'])).toEqual({
      code: 0,
      out: '',
      err: 'coop: nothing to migrate: the base uses the current names\n',
    });
  });

  it('leaves a file with errors alone and says so (exit 1)', async () => {
    const { writeFileSync } = await import('node:fs');
    const broken = `${RESIDENCE_BEFORE}founded: janvier 2020\n`;
    writeFileSync(join(work, 'data', 'organisations', 'residence-a.yaml'), broken);
    const result = await coop(['migrate']);
    expect(result).toEqual({
      code: 1,
      out: '',
      err:
        LEAD_LEFT +
        'coop: data/organisations/residence-a.yaml has errors: not migrated (coop validate shows them)\n' +
        'coop: migrated 0 files; 1 ambiguous value left to choose (above)\n' +
        'coop: 1 file with errors not migrated\n' +
        '  hint: fix them, then run coop migrate again\n',
    });
    expect(read('organisations/residence-a.yaml')).toBe(broken);
  });
});
