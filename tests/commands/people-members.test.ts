import { describe, expect, it } from 'vitest';
import { runOnFixture } from '../helpers.js';

// tests/fixtures/people-members: two articles about one network. Hôpital A: both say founder
// (2019-01 and 2019-01-10 agree); Clinique B: founder [1], member [2]; EHPAD C: since 2019 [1],
// 2020 [2]; Centre D: a pending application; Centre E: a member [1] that left [2]. Hôpital A's
// parent is dated (Groupe G until 2019, then Groupe H); Clinique B's is the plain id form.
const TERMINAL = { tty: true, env: { NO_COLOR: '1' }, columns: 100 };

describe('coop show: the claims about one member read as one', () => {
  it('one row a member, a mark and a line where the articles disagree, on a terminal', async () => {
    const result = await runOnFixture('people-members', ['show', 'reseau-test'], TERMINAL);
    expect(result.err).toBe('');
    expect(result.out).toBe(`Réseau de test
reseau-test · alliance

Members: founder (2 organisations, 1 disputed)
┌──────────────┬────────────┬───────┬─────────┬──────────────────────────────────────┐
│ Member       │ Since      │ Until │ Sources │ Note                                 │
├──────────────┼────────────┼───────┼─────────┼──────────────────────────────────────┤
│ Hôpital A    │ 2019-01-10 │       │ [1] [2] │ [2] Founder per the review.          │
│ Clinique B * │            │       │ [1] [2] │ [2] Only associated, per the review. │
│ * the articles disagree: role: founder [1] / member [2]                            │
└────────────────────────────────────────────────────────────────────────────────────┘

Members: member (1 organisation, 1 disputed)
┌───────────┬──────────┬───────┬─────────┬────────────┐
│ Member    │ Since    │ Until │ Sources │ Note       │
├───────────┼──────────┼───────┼─────────┼────────────┤
│ EHPAD C * │ disputed │       │ [1] [2] │            │
│ * the articles disagree: since: 2019 [1] / 2020 [2] │
└─────────────────────────────────────────────────────┘

Pending members (1, not counted as members)
┌──────────┬──────────────────┬─────────┬───────┬─────────┬────────────────────────┐
│ Member   │ Role             │ Since   │ Until │ Sources │ Note                   │
├──────────┼──────────────────┼─────────┼───────┼─────────┼────────────────────────┤
│ Centre D │ member (pending) │ 2020-01 │       │ [2]     │ Application under way. │
└──────────┴──────────────────┴─────────┴───────┴─────────┴────────────────────────┘

Former members (1)
┌──────────┬───────────────┬───────┬───────┬─────────┬──────┐
│ Member   │ Role          │ Since │ Until │ Sources │ Note │
├──────────┼───────────────┼───────┼───────┼─────────┼──────┤
│ Centre E │ member (left) │ 2019  │ 2020  │ [1] [2] │      │
└──────────┴───────────────┴───────┴───────┴─────────┴──────┘

Sources
┌─────┬───────────────────────────┬────────────┬────────────┬───────────────────────────────────┐
│     │ Article                   │ Outlet     │ Date       │ Title                             │
├─────┼───────────────────────────┼────────────┼────────────┼───────────────────────────────────┤
│ [1] │ journal-2019-01-10-reseau │ Le Journal │ 2019-01-10 │ Un réseau de soins naît à Lorient │
│ [2] │ gazette-2020-02-01-reseau │ La Gazette │ 2020-02-01 │ Le réseau de soins, un an après   │
└─────┴───────────────────────────┴────────────┴────────────┴───────────────────────────────────┘
`);
  });

  it('the same grouping in a pipe, raw values, the disagreement in its own column', async () => {
    expect(await runOnFixture('people-members', ['show', 'reseau-test'])).toEqual({
      code: 0,
      out:
        'Réseau de test\n' +
        'reseau-test · alliance\n' +
        '\n' +
        '## Members: founder (2 organisations, 1 disputed)\n' +
        'member\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\n' +
        'hopital-a\tfounder\tmember\t2019-01-10\t\tjournal-2019-01-10-reseau,gazette-2020-02-01-reseau\t\tgazette-2020-02-01-reseau: Founder per the review.\n' +
        'clinique-b\tfounder,member\tmember\t\t\tjournal-2019-01-10-reseau,gazette-2020-02-01-reseau\trole: founder journal-2019-01-10-reseau / member gazette-2020-02-01-reseau\tgazette-2020-02-01-reseau: Only associated, per the review.\n' +
        '\n' +
        '## Members: member (1 organisation, 1 disputed)\n' +
        'member\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\n' +
        'ehpad-c\tmember\tmember\t\t\tjournal-2019-01-10-reseau,gazette-2020-02-01-reseau\tsince: 2019 journal-2019-01-10-reseau / 2020 gazette-2020-02-01-reseau\t\n' +
        '\n' +
        '## Pending members (1, not counted as members)\n' +
        'member\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\n' +
        'centre-d\tmember\tpending\t2020-01\t\tgazette-2020-02-01-reseau\t\tApplication under way.\n' +
        '\n' +
        '## Former members (1)\n' +
        'member\troles\tstatus\tsince\tuntil\tsources\tdisputed\tnote\n' +
        'centre-e\tmember\tleft\t2019\t2020\tjournal-2019-01-10-reseau,gazette-2020-02-01-reseau\t\t\n' +
        '\n' +
        '## Sources\n' +
        'id\toutlet\tdate\ttitle\n' +
        'journal-2019-01-10-reseau\tLe Journal\t2019-01-10\tUn réseau de soins naît à Lorient\n' +
        'gazette-2020-02-01-reseau\tLa Gazette\t2020-02-01\tLe réseau de soins, un an après\n',
      err: '',
    });
  });

  it('gives the grouping in JSON as membersGrouped, the raw claims staying in members', async () => {
    const result = await runOnFixture('people-members', ['show', 'reseau-test', '--json']);
    const view = JSON.parse(result.out);
    expect(view.members.flatMap((g: { members: unknown[] }) => g.members)).toHaveLength(9);
    const grouped = view.membersGrouped.map(({ claims, ...rest }: { claims: unknown[] }) => ({
      ...rest,
      claims: claims.length,
    }));
    expect(grouped.map((m: { org: string }) => m.org)).toEqual([
      'hopital-a',
      'clinique-b',
      'ehpad-c',
      'centre-e',
      'centre-d',
    ]);
    expect(grouped[1]).toEqual({
      org: 'clinique-b',
      name: 'Clinique B',
      roles: ['founder', 'member'],
      status: 'member',
      references: ['journal-2019-01-10-reseau', 'gazette-2020-02-01-reseau'],
      notes: [{ note: 'Only associated, per the review.', source: 'gazette-2020-02-01-reseau' }],
      disagreements: [
        {
          field: 'role',
          values: [
            { value: 'founder', sources: ['journal-2019-01-10-reseau'] },
            { value: 'member', sources: ['gazette-2020-02-01-reseau'] },
          ],
        },
      ],
      claims: 2,
    });
    expect(grouped[3]).toMatchObject({ org: 'centre-e', status: 'left', since: '2019', until: '2020' });
    expect(grouped[4]).toMatchObject({ org: 'centre-d', status: 'pending', disagreements: [] });
  });

  it('lists only members today with --member-of: not the pending one, not the one that left', async () => {
    const result = await runOnFixture('people-members', ['list', '--member-of', 'reseau-test']);
    expect(result.out.split('\n').map((line) => line.split('\t')[0])).toEqual([
      'id',
      'clinique-b',
      'ehpad-c',
      'hopital-a',
      '',
    ]);
  });

  it('counts one membership per organisation in stats, members today by role, every status apart', async () => {
    const result = await runOnFixture('people-members', ['stats']);
    expect(result.out.split('\n').filter((line) => line.startsWith('memberships.'))).toEqual([
      'memberships.by_role\tfounder\t\t2\t\t\t\t\t\t',
      'memberships.by_role\tmember\t\t1\t\t\t\t\t\t',
      'memberships.by_status\tmember\t\t3\t\t\t\t\t\t',
      'memberships.by_status\tleft\t\t1\t\t\t\t\t\t',
      'memberships.by_status\tpending\t\t1\t\t\t\t\t\t',
    ]);
  });

  it('draws a pending application dashed in the graph', async () => {
    const result = await runOnFixture('people-members', ['graph', 'reseau-test', '--format', 'mermaid']);
    expect(result.out).toContain('  n1 -.->|"member (pending), since 2020-01"| n0\n');
    expect(result.out).toContain('  n2 -.->|"member (left), until 2020"| n0\n');
    expect(result.out).toContain('  n4 -->|"member, since 2019 or 2020"| n0\n');
  });

  it("shows dated parent links, today's and past ones", async () => {
    const result = await runOnFixture('people-members', ['show', 'hopital-a'], TERMINAL);
    expect(result.out).toContain(
      '  Part of  Groupe G [groupe-g] (since 2015, until 2019, [1]); Groupe H [groupe-h] (since 2019, [2])\n',
    );
    const groupe = await runOnFixture('people-members', ['show', 'groupe-h']);
    expect(groupe.out).toContain('Subsidiaries\tHôpital A [hopital-a]\n');
  });
});

describe('coop validate: membership status and dated parents', () => {
  it('checks each parent link and the status, at their line and column', async () => {
    const result = await runOnFixture('people-parent-bad', ['validate'], { cwd: 'tests/fixtures/people-parent-bad' });
    expect(result).toEqual({
      code: 1,
      err: '',
      out:
        'data/organisations/centre-d.yaml:5:12: error: 2019-02-30 does not exist: month 2 of 2019 has 28 days [bad-date]\n' +
        'data/organisations/clinique-b.yaml:8:10: error: owner "groupe-z" is not an organisation [unknown-reference]\n' +
        '  hint: did you mean "groupe-g"?\n' +
        'data/organisations/groupe-g.yaml:6:13: error: "applied" is not a valid status [bad-enum]\n' +
        '  hint: one of: member, pending, left\n' +
        '✖ 3 errors, 0 warnings in 3 files (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
    });
  });
});
