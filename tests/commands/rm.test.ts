import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, refused } from '../writers.js';

const ALLIANCE = 'organisations/alliance.yaml';
const FUNDING = 'funding/fonds.yaml';

describe('coop rm record', () => {
  it('removes the file of a record nothing names', async () => {
    const base = copyOf('writers');
    expect(await base.run(['rm', 'record', 'Orphelin'])).toEqual({
      code: 0,
      out: 'data/organisations/orphan.yaml\n',
      err: 'removed organisation orphan\n',
    });
    expect(existsSync(join(base.dir, 'organisations/orphan.yaml'))).toBe(false);
    expect((await base.run(['validate'])).out).toBe(
      '✔ no problems: 4 organisations, 1 programme, 2 funding lines, 1 event, 2 articles\n',
    );
  });

  it('refuses while anything names the record, listing every place as file:line', async () => {
    const base = copyOf('writers');
    expect(await refused(base, ['rm', 'record', 'hopital-a'])).toEqual({
      code: 1,
      out: '',
      err:
        'data/articles/gazette-2019-05-02-alliance.md:10: organisation\n' +
        'data/events/alliance.yaml:5: organisation\n' +
        'data/funding/fonds.yaml:6: recipient\n' +
        'data/organisations/alliance.yaml:23: member\n' +
        'data/organisations/alliance.yaml:30: member\n' +
        'data/organisations/clinique.yaml:5: owner\n' +
        'coop: hopital-a is named in 6 places (above): nothing removed\n' +
        '  hint: change those first (coop set, coop rm member), or rename it everywhere with coop mv\n',
    });
    expect((await refused(base, ['rm', 'record', 'journal-2020-03-10-fonds'])).err).toContain(
      'data/programmes/fonds.yaml:7: source\n',
    );
  });

  it('takes a funding line out of its list file, the blank line above it too', async () => {
    const base = copyOf('writers');
    expect(await base.run(['rm', 'record', 'fonds-clinique-loan'])).toEqual({
      code: 0,
      out: 'data/funding/fonds.yaml\n',
      err: 'removed funding fonds-clinique-loan\n',
    });
    expect(base.read(FUNDING)).toBe(
      base
        .original(FUNDING)
        .slice(0, base.original(FUNDING).indexOf('\n- id: fonds-clinique-loan') + 1)
        .replace(/\n\n$/, '\n'),
    );
    // The last item of a list file takes its file with it.
    expect((await base.run(['rm', 'record', 'alliance-founding-2019'])).out).toBe('data/events/alliance.yaml\n');
    expect(existsSync(join(base.dir, 'events/alliance.yaml'))).toBe(false);
    expect((await base.run(['validate'])).code).toBe(0);
  });

  it('--dry-run prints the removal as a diff', async () => {
    const base = copyOf('writers');
    const before = base.tree();
    expect(await base.run(['rm', 'record', 'orphan', '--dry-run'])).toEqual({
      code: 0,
      out:
        '--- a/data/organisations/orphan.yaml\n+++ /dev/null\n@@ -1,4 +0,0 @@\n' +
        '-# Nothing refers to this one.\n-name: Orphelin\n-kind: association\n-sources: [journal-2020-03-10-fonds]\n',
      err: 'coop: dry run: nothing written (would remove data/organisations/orphan.yaml)\n',
    });
    expect(base.tree()).toEqual(before);
    const no = await base.run(['rm', 'record', 'hopital-a', '--dry-run']);
    expect([no.code, no.out]).toEqual([1, '']);
    expect(base.tree()).toEqual(before);
  });
});

describe('coop rm member', () => {
  it('removes one claim, with its comment lines, once --role says which', async () => {
    const base = copyOf('writers');
    expect(await refused(base, ['rm', 'member', 'alliance', 'hopital-a'])).toEqual({
      code: 1,
      out: '',
      err:
        'coop: members.hopital-a of alliance is 2 items: role founder, since 2019-05, source gazette-2019-05-02-alliance; role member, source journal-2020-03-10-fonds\n' +
        '  hint: say which with --role, --source or --as-of\n',
    });
    expect(await base.run(['rm', 'member', 'ADT', 'Hôpital A', '--role', 'member'])).toEqual({
      code: 0,
      out: 'data/organisations/alliance.yaml\n',
      err: 'removed members.hopital-a from alliance\n',
    });
    expect(base.read(ALLIANCE)).toBe(
      base
        .original(ALLIANCE)
        .replace(
          '\n  - org: hopital-a\n    role: member\n    source: journal-2020-03-10-fonds\n    # the Journal calls it a plain member\n',
          '',
        ),
    );
    expect(await refused(base, ['rm', 'member', 'alliance', 'etat'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: alliance has no members item "etat"\n  hint: did you mean "hopital-a" or "clinique"?\n',
    });
  });
});

describe('coop rm figure', () => {
  it('removes the figure of a metric picked by --as-of', async () => {
    const base = copyOf('writers');
    expect((await refused(base, ['rm', 'figure', 'alliance', 'beds'])).code).toBe(1);
    expect((await base.run(['rm', 'figure', 'alliance', 'beds', '--as-of', '2019'])).code).toBe(0);
    expect(base.read(ALLIANCE)).toBe(
      base
        .original(ALLIANCE)
        .replace('  - metric: beds\n    value: 1200\n    as_of: "2019"\n    source: gazette-2019-05-02-alliance\n', ''),
    );
    expect((await base.run(['validate'])).code).toBe(0);
  });
});
