import { describe, expect, it } from 'vitest';
import { copyOf, refused } from '../writers.js';

const FONDS = 'programmes/fonds.yaml';
const JOURNAL = 'journal-2020-03-10-fonds';

describe('coop add budget', () => {
  it("appends a line to the programme's budget list, amounts read as for funding", async () => {
    const base = copyOf('writers');
    expect(
      await base.run([
        'add',
        'budget',
        'Fonds régional',
        '--instrument',
        'loan',
        '--amount',
        '1,7 M€',
        '--source',
        JOURNAL,
      ]),
    ).toEqual({
      code: 0,
      out: 'data/programmes/fonds.yaml\n',
      err: 'added budget line to fonds: loan, 1700000\n',
    });
    expect(base.read(FONDS)).toBe(
      base
        .original(FONDS)
        .replace(
          '    source: journal-2020-03-10-fonds\n',
          '    source: journal-2020-03-10-fonds\n  - instrument: loan\n    amount: 1700000\n    source: journal-2020-03-10-fonds\n',
        ),
    );
    expect((await base.run(['validate'])).code).toBe(0);
  });

  it('refuses the same line twice; writes an "up to" line with --upper-bound', async () => {
    const base = copyOf('writers');
    expect(
      await refused(base, ['add', 'budget', 'fonds', '--instrument', 'grant', '--amount', '50M', '--source', JOURNAL]),
    ).toEqual({
      code: 1,
      out: '',
      err: 'coop: fonds already has this budget line (grant 50000000) from journal-2020-03-10-fonds: nothing written\n  hint: coop show fonds lists its budget\n',
    });
    const upper = await base.run([
      'add',
      'budget',
      'fonds',
      '--instrument',
      'loan',
      '--amount',
      '5M',
      '--upper-bound',
      '--source',
      JOURNAL,
    ]);
    expect(upper.code).toBe(0);
    expect(base.read('programmes/fonds.yaml')).toContain(
      '  - instrument: loan\n    amount: 5000000\n    upper_bound: true\n    source: journal-2020-03-10-fonds\n',
    );
  });
});

describe('coop add: every bad value at once, --dry-run, spellings', () => {
  it('lists a bad amount and a bad date together', async () => {
    const base = copyOf('writers');
    expect(
      await refused(base, [
        'add',
        'funding',
        '--program',
        'fonds',
        '--recipient',
        'clinique',
        '--instrument',
        'grnt',
        '--amount',
        '1.5',
        '--stage',
        'awarded',
        '--date',
        '2020-13',
        '--source',
        JOURNAL,
      ]),
    ).toEqual({
      code: 2,
      out: '',
      err:
        'coop: --instrument "grnt" is not one of: grant, dotation, equity, loan, other, unspecified\n' +
        '  hint: did you mean "grant"?\n' +
        'coop: --amount "1.5" is not a whole number of currency units\n' +
        '  hint: did you mean 1.5M?\n' +
        'coop: --date: "2020-13" is not a valid EDTF date (e.g. 2017-09-13, 2017-09, 2012-12~, 2015?, 2017-09/2019-03)\n' +
        '  hint: write an EDTF date: 2017-09-13, 2017-09, 2018, 2012-12~ (approximately), 2015? (uncertain), 2017-09/2019-03 (between)\n',
    });
  });

  it('--dry-run prints the diff of the new item', async () => {
    const base = copyOf('writers');
    const before = base.tree();
    expect(
      await base.run([
        'add',
        'figure',
        'fonds',
        '--metric',
        'budget',
        '--value',
        '1.2M',
        '--source',
        JOURNAL,
        '--dry-run',
      ]),
    ).toEqual({
      code: 0,
      out:
        '--- a/data/programmes/fonds.yaml\n+++ b/data/programmes/fonds.yaml\n@@ -5,4 +5,8 @@\n' +
        '   - instrument: grant\n     amount: 50000000   # 50 M€\n     source: journal-2020-03-10-fonds\n' +
        '+figures:\n+  - metric: budget\n+    value: 1200000\n+    source: journal-2020-03-10-fonds\n' +
        ' sources: [journal-2020-03-10-fonds]\n',
      err: 'coop: dry run: nothing written (would write data/programmes/fonds.yaml)\n',
    });
    expect(base.tree()).toEqual(before);
  });
});
