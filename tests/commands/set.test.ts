import { describe, expect, it } from 'vitest';
import { copyOf, refused } from '../writers.js';

const ALLIANCE = 'organisations/alliance.yaml';
const HOPITAL = 'organisations/hopital-a.yaml';
const FUNDING = 'funding/fonds.yaml';
const GAZETTE = 'articles/gazette-2019-05-02-alliance.md';

describe('coop set', () => {
  it('replaces a value in place: its comment, quoting and every other byte kept', async () => {
    const base = copyOf('writers');
    expect(await base.run(['set', 'alliance', 'kind', 'gcs'])).toEqual({
      code: 0,
      out: 'data/organisations/alliance.yaml\n',
      err: 'set kind of alliance to "gcs"\n',
    });
    expect(base.read(ALLIANCE)).toBe(
      base.original(ALLIANCE).replace('kind: alliance # inline comment', 'kind: gcs # inline comment'),
    );
    // Quoting kept: a single-quoted name stays single-quoted, an apostrophe doubled.
    expect((await base.run(['set', 'ADT', 'name', "L'Alliance de test"])).code).toBe(0);
    expect(base.read(ALLIANCE)).toContain("name:    'L''Alliance de test'   # single quotes\n");
    expect((await base.run(['validate'])).code).toBe(0);
  });

  it('adds a missing key at its place in the data model, dates quoted', async () => {
    const base = copyOf('writers');
    expect((await base.run(['set', 'hopital-a', 'founded', '1998'])).code).toBe(0);
    expect((await base.run(['set', 'Hôpital A', 'city', 'Suresnes'])).code).toBe(0);
    expect(base.read(HOPITAL)).toBe(
      '# yaml-language-server: $schema=../../schema/organisation.schema.json\n' +
        'id: hopital-a\n' +
        'name: Hôpital A\n' +
        'kind: hospital\n' +
        'sector: private-nonprofit   # a foundation\n' +
        'city: Suresnes\n' +
        'founded: "1998"\n' +
        'sources: [gazette-2019-05-02-alliance]\n',
    );
  });

  it('reads values as coop add does: amounts, enums with did-you-mean, references by name', async () => {
    const base = copyOf('writers');
    expect(await base.run(['set', 'fonds-hopital-a-grant', 'amount', '1,7 M€'])).toEqual({
      code: 0,
      out: 'data/funding/fonds.yaml\n',
      err: 'set amount of fonds-hopital-a-grant to 1700000\n',
    });
    expect(base.read(FUNDING)).toBe(
      base.original(FUNDING).replace('amount: 2500000   # 2.5 M€', 'amount: 1700000   # 2.5 M€'),
    );
    expect(await refused(base, ['set', 'fonds-hopital-a-grant', 'stage', 'awardd'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: stage "awardd" is not one of: announced, awarded, potential, disbursed\n  hint: did you mean "awarded"?\n',
    });
    expect(await refused(base, ['set', 'hopital-a', 'founded', '2019-13'])).toEqual({
      code: 2,
      out: '',
      err:
        'coop: founded: "2019-13" is not a valid EDTF date (e.g. 2017-09-13, 2017-09, 2012-12~, 2015?, 2017-09/2019-03)\n' +
        '  hint: write an EDTF date: 2017-09-13, 2017-09, 2018, 2012-12~ (approximately), 2015? (uncertain), 2017-09/2019-03 (between)\n',
    });
    expect(await refused(base, ['set', 'hopital-a', 'kindd', 'clinic'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: an organisation has no field "kindd"\n  hint: did you mean "kind"?\n',
    });
    expect((await base.run(['set', 'clinique', 'owners.hopital-a.org', 'Alliance de test'])).err).toBe(
      'set owners.hopital-a.org of clinique to "alliance"\n',
    );
    expect(base.read('organisations/clinique.yaml')).toBe(
      base
        .original('organisations/clinique.yaml')
        .replace('  - org: hopital-a   # owned by the hospital\n', '  - org: alliance   # owned by the hospital\n'),
    );
  });

  it('reaches a member by its organisation, and refuses when several claims match until --role picks one', async () => {
    const base = copyOf('writers');
    expect(await refused(base, ['set', 'alliance', 'members.hopital-a.until', '2021'])).toEqual({
      code: 1,
      out: '',
      err:
        'coop: members.hopital-a of alliance is 2 items: role founder, since 2019-05, source gazette-2019-05-02-alliance; role member, source journal-2020-03-10-fonds\n' +
        '  hint: say which with --role, --source or --as-of\n',
    });
    expect((await base.run(['set', 'alliance', 'members.Hôpital A.until', '2021', '--role', 'founder'])).code).toBe(0);
    expect(base.read(ALLIANCE)).toBe(
      base.original(ALLIANCE).replace('    since: "2019-05"\n', '    since: "2019-05"\n    until: "2021"\n'),
    );
    // A member written as a flow mapping stays one.
    expect((await base.run(['set', 'alliance', 'members.clinique.note', 'per the Gazette, a founder'])).code).toBe(0);
    expect(base.read(ALLIANCE)).toContain(
      '  - {org: clinique, role: founder, source: gazette-2019-05-02-alliance, note: "per the Gazette, a founder"}\n',
    );
    expect((await base.run(['validate'])).code).toBe(0);
  });

  it('reaches a figure by its metric and --as-of; its value takes amounts too', async () => {
    const base = copyOf('writers');
    expect(await refused(base, ['set', 'alliance', 'figures.beds.value', '1400'])).toMatchObject({ code: 1 });
    expect((await base.run(['set', 'alliance', 'figures.beds.value', '1 400', '--as-of', '2020'])).code).toBe(0);
    expect(base.read(ALLIANCE)).toBe(base.original(ALLIANCE).replace('value: 1350', 'value: 1400'));
    expect((await base.run(['set', 'fonds', 'budget.grant.amount', '60M'])).code).toBe(0);
    expect(base.read('programmes/fonds.yaml')).toContain('    amount: 60000000   # 50 M€\n');
  });

  it('adds to and removes from a list field, flow or block', async () => {
    const base = copyOf('writers');
    expect(await base.run(['set', 'alliance', 'aliases', '--add', 'AT', '--remove', 'Alliance T'])).toEqual({
      code: 0,
      out: 'data/organisations/alliance.yaml\n',
      err: 'added "AT" to aliases of alliance\nremoved "Alliance T" from aliases of alliance\n',
    });
    expect(base.read(ALLIANCE)).toBe(
      base.original(ALLIANCE).replace("aliases: [ Alliance T, 'L''Alliance' ]", "aliases: [ 'L''Alliance', 'AT' ]"),
    );
    // The last source removed takes the key with it, and the record needs one: refused.
    const last = await refused(base, ['set', 'etat', 'sources', '--remove', 'journal-2020-03-10-fonds']);
    expect(last.err).toBe(
      'data/organisations/etat.yaml:1:1: error: missing required field "sources" [missing-field]\n' +
        'coop: nothing written: the change would bring 1 error into the base\n',
    );
    expect((await base.run(['set', 'alliance-founding-2019', 'orgs', '--remove', 'Clinique des Fleurs'])).code).toBe(0);
    expect(base.read('events/alliance.yaml')).toContain('  orgs: [alliance, hopital-a]   # flow\n');
    expect((await base.run(['set', 'gazette-2019-05-02-alliance', 'authors', '--add', 'Paul Durand'])).code).toBe(0);
    expect(base.read(GAZETTE)).toBe(
      base.original(GAZETTE).replace('authors: [Jeanne Martin]', 'authors: [Jeanne Martin, Paul Durand]'),
    );
    expect(await refused(base, ['set', 'alliance', 'aliases', 'AT'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: "aliases" is a list: use --add <value> or --remove <value>\n',
    });
    expect(await refused(base, ['set', 'alliance', 'aliases', '--remove', 'nope'])).toEqual({
      code: 1,
      out: '',
      err: 'coop: aliases of alliance has no "nope"\n  hint: did you mean "L\'Alliance" or "AT"?\n',
    });
  });

  it('refuses a change that brings an error, writing nothing', async () => {
    const base = copyOf('writers');
    const result = await refused(base, ['set', 'clinique', 'owners.hopital-a.org', 'clinique']);
    expect(result.code).toBe(1);
    expect(result.err).toContain('[reference-cycle]');
    // parent, the old name of owners, still reads but is never written again.
    expect(await refused(base, ['set', 'clinique', 'parent', 'hopital-a'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: the field parent is now "owners": coop set writes only current names\n  hint: coop add owner clinique <owner> --source <article>\n',
    });
    expect(await refused(base, ['set', 'hopital-a', 'id', 'hopital-b'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: the id of hopital-a changes with coop mv\n  hint: coop mv hopital-a <new-id>\n',
    });
  });

  it('makes a mapping the record lacks (identifiers), and unset takes it away with its last key', async () => {
    const base = copyOf('writers');
    expect((await base.run(['set', 'orphan', 'identifiers.siren', '732829320'])).code).toBe(0);
    expect(base.read('organisations/orphan.yaml')).toBe(
      '# Nothing refers to this one.\nname: Orphelin\nkind: association\nidentifiers:\n  siren: "732829320"\nsources: [journal-2020-03-10-fonds]\n',
    );
    expect((await base.run(['validate'])).code).toBe(0);
    expect((await base.run(['unset', 'orphan', 'identifiers.siren'])).code).toBe(0);
    expect(base.read('organisations/orphan.yaml')).toBe(base.original('organisations/orphan.yaml'));
  });

  it('reads the value from standard input with "-"', async () => {
    const base = copyOf('writers');
    expect(
      (await base.run(['set', 'orphan', 'description', '-'], { stdin: 'Une association sans lien.\n' })).code,
    ).toBe(0);
    expect(base.read('organisations/orphan.yaml')).toBe(
      '# Nothing refers to this one.\nname: Orphelin\nkind: association\ndescription: Une association sans lien.\nsources: [journal-2020-03-10-fonds]\n',
    );
  });

  it('--dry-run prints the diff and writes nothing; exit 1 when the change would be refused', async () => {
    const base = copyOf('writers');
    const before = base.tree();
    expect(await base.run(['set', 'hopital-a', 'sector', 'public', '--dry-run'])).toEqual({
      code: 0,
      out:
        '--- a/data/organisations/hopital-a.yaml\n' +
        '+++ b/data/organisations/hopital-a.yaml\n' +
        '@@ -2,5 +2,5 @@\n' +
        ' id: hopital-a\n' +
        ' name: Hôpital A\n' +
        ' kind: hospital\n' +
        '-sector: private-nonprofit   # a foundation\n' +
        '+sector: public   # a foundation\n' +
        ' sources: [gazette-2019-05-02-alliance]\n',
      err: 'coop: dry run: nothing written (would write data/organisations/hopital-a.yaml)\n',
    });
    expect(base.tree()).toEqual(before);
    const no = await base.run(['set', 'clinique', 'owners.hopital-a.org', 'clinique', '--dry-run']);
    expect(no.code).toBe(1);
    expect(no.out).toBe('');
    expect(base.tree()).toEqual(before);
  });

  describe('--source on a field of the record itself names the article that states it (field_sources)', () => {
    it('writes the field and its source, then replaces the source when another article restates it', async () => {
      const base = copyOf('writers');
      expect(await base.run(['set', 'hopital-a', 'city', 'Suresnes', '--source', 'journal-2020-03-10-fonds'])).toEqual({
        code: 0,
        out: 'data/organisations/hopital-a.yaml\n',
        err: 'set city of hopital-a to "Suresnes"\njournal-2020-03-10-fonds states city of hopital-a\n',
      });
      expect(base.read(HOPITAL)).toBe(
        `${base.original(HOPITAL).replace('sources: [gazette', 'city: Suresnes\nsources: [gazette')}field_sources:\n  city: [journal-2020-03-10-fonds]\n`,
      );
      expect(
        (await base.run(['set', 'hopital-a', 'name', 'Hôpital A', '--source', 'gazette-2019-05-02-alliance'])).code,
      ).toBe(0);
      expect(
        (await base.run(['set', 'hopital-a', 'city', 'Nanterre', '--source', 'gazette-2019-05-02-alliance'])).code,
      ).toBe(0);
      expect(base.read(HOPITAL)).toContain(
        'field_sources:\n  city: [gazette-2019-05-02-alliance]\n  name: [gazette-2019-05-02-alliance]\n',
      );
      expect((await base.run(['sources', 'hopital-a'])).out).toContain(
        'field\tcity: Nanterre\tgazette-2019-05-02-alliance\t',
      );
      expect((await base.run(['validate'])).code).toBe(0);
    });

    it('refuses an article that does not exist, every byte kept', async () => {
      const base = copyOf('writers');
      expect(
        await refused(base, ['set', 'hopital-a', 'city', 'Suresnes', '--source', 'no-such-article']),
      ).toMatchObject({
        code: 1,
      });
    });
  });
});

describe('coop unset', () => {
  it('removes a field with the comment lines under it, every other byte kept', async () => {
    const base = copyOf('writers');
    expect(await base.run(['unset', 'alliance', 'members.hopital-a.since', '--role', 'founder'])).toEqual({
      code: 0,
      out: 'data/organisations/alliance.yaml\n',
      err: 'removed members.hopital-a.since from alliance\n',
    });
    expect(base.read(ALLIANCE)).toBe(base.original(ALLIANCE).replace('    since: "2019-05"\n', ''));
    expect((await base.run(['unset', 'hopital-a', 'sector'])).code).toBe(0);
    expect(base.read(HOPITAL)).toBe(base.original(HOPITAL).replace('sector: private-nonprofit   # a foundation\n', ''));
  });

  it('refuses a required field, and says when there is nothing to remove', async () => {
    const base = copyOf('writers');
    expect(await refused(base, ['unset', 'alliance', 'name'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: "name" is required in an organisation: it cannot be removed\n  hint: coop set alliance name <value> changes it\n',
    });
    expect(await refused(base, ['unset', 'alliance', 'members.clinique.role'])).toEqual({
      code: 2,
      out: '',
      err: 'coop: "members.clinique.role" is required in each item: it cannot be removed\n  hint: coop set alliance members.clinique.role <value> changes it\n',
    });
    expect(await base.run(['unset', 'hopital-a', 'website'])).toEqual({
      code: 0,
      out: '',
      err: 'coop: nothing to change: the data already says so\n',
    });
  });

  it('--dry-run prints the diff', async () => {
    const base = copyOf('writers');
    const before = base.tree();
    expect((await base.run(['unset', 'fonds', 'funder', '--dry-run'])).out).toBe(
      '--- a/data/programmes/fonds.yaml\n+++ b/data/programmes/fonds.yaml\n@@ -1,6 +1,5 @@\n' +
        ' # yaml-language-server: $schema=../../schema/programme.schema.json\n' +
        ' name: Fonds régional\n' +
        '-funder: etat   # the State\n' +
        ' budget:\n' +
        '   - instrument: grant\n' +
        '     amount: 50000000   # 50 M€\n',
    );
    expect(base.tree()).toEqual(before);
  });
});
