import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { RULES } from '../../src/core/diagnostics.js';
import { FIXTURES, runCoop, runOnFixture, withTmpdir } from '../helpers.js';

/**
 * One fixture base per rule of src/core/diagnostics.ts (tests/fixtures/rule-<rule-id>, and
 * rule-<rule-id>-<shape> for the rules with several shapes): each is a copy of tests/fixtures/minimal
 * with exactly one problem, so the whole output of `coop validate` is known. Every position below
 * was checked by hand against its fixture file (lines and columns from 1).
 *
 * `file-unreadable` has no fixture: it needs a file without read permission, and the tests may run
 * as root, which reads it anyway.
 */

const MIB = 1024 * 1024;

interface Case {
  scenario: string;
  code: number;
  out: string;
}

/** One problem each, run in a pipe from the scenario's folder: the output is the whole report. */
const ONE_PROBLEM: Case[] = [
  // reading files
  {
    // An escape character (ESC, U+001B) after `name: Hôpital ` (14 characters): line 1, column 15.
    scenario: 'rule-control-character',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:1:15: error: control character U+001B is not allowed in a data file [control-character]\n' +
      '  hint: YAML forbids control characters: remove it, or write it as an escape inside double quotes\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // "description: Cr" then the Latin-1 byte 0xE9 at line 4, column 16.
    scenario: 'rule-bad-encoding',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:4:16: error: invalid UTF-8: byte 0xE9 is not part of a character [bad-encoding]\n' +
      '  hint: save the file as UTF-8 (it may be Latin-1 or Windows-1252)\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // The second "]" of `sources: [gazette-2020-01-15-alliance]]`, line 6, column 39.
    scenario: 'rule-yaml-syntax',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:6:39: error: Unexpected flow-seq-end token in YAML stream: "]" [yaml-syntax]\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // The second `kind:` key, line 6, column 1.
    scenario: 'rule-duplicate-key',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:6:1: error: this key appears twice in the same map [duplicate-key]\n' +
      '  hint: keep one of the two\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // A stray file at the top of data/: a warning, so exit 0.
    scenario: 'rule-unexpected-file',
    code: 0,
    out:
      'data/notes.txt:1:1: warning: file is not part of the data layout: not read [unexpected-file]\n' +
      '  hint: here data/ expects only the folders organisations, programmes, funding, events, articles, people, agreements\n' +
      '⚠ 0 errors, 1 warning in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  // one record's shape
  {
    // The key `short-name`, line 2, column 1.
    scenario: 'rule-unknown-field',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:2:1: error: unknown field "short-name" [unknown-field]\n' +
      '  hint: did you mean "short_name"?\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // No `name`: the map that lacks it starts the file, 1:1.
    scenario: 'rule-missing-field',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:1:1: error: missing required field "name" [missing-field]\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // A member without `source`: its map starts after "  - ", line 5, column 5.
    scenario: 'rule-missing-field-nested',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:5:5: error: missing required field "source" [missing-field]\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `sources: []`: the empty list, line 6, column 10.
    scenario: 'rule-missing-field-sources',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:6:10: error: sources must list at least 1 article [missing-field]\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `aliases: HA`: the text, line 2, column 10.
    scenario: 'rule-wrong-type',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:2:10: error: aliases must be a list, not the text "HA" [wrong-type]\n' +
      '  hint: write a list: one "- item" a line, or [a, b]\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // A funding file holding one map instead of a list: the map starts the file, 1:1.
    scenario: 'rule-wrong-type-list',
    code: 1,
    out:
      'data/funding/alliance-test.yaml:1:1: error: a funding file holds a list of funding lines, not a map [wrong-type]\n' +
      '  hint: start each item with "- id: ..."\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 1 programme, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // An unquoted SIREN read as a number: `  siren: 775688732`, line 7, column 10.
    scenario: 'rule-wrong-type-number',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:7:10: error: siren must be text, not the number 775688732 [wrong-type]\n' +
      '  hint: quote it to keep it as text\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `short_name: ""`: the quotes, line 2, column 13.
    scenario: 'rule-empty-value',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:2:13: error: short_name must not be empty [empty-value]\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `kind: hopital`, line 2, column 7.
    scenario: 'rule-bad-enum',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:2:7: error: "hopital" is not a valid kind [bad-enum]\n' +
      '  hint: did you mean "hospital"?\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `sector: mixed`, line 3, column 9: an old name still works, with a warning naming the new one.
    scenario: 'rule-renamed-value',
    code: 0,
    out:
      'data/organisations/alliance-test.yaml:3:9: warning: sector "mixed" is now "mixed-membership" [renamed-value]\n' +
      '  hint: coop migrate rewrites the base to the new names\n' +
      '⚠ 0 errors, 1 warning in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // The second support, `  - org: ch-b`, line 7, column 10.
    scenario: 'rule-ght-support',
    code: 1,
    out:
      'data/organisations/ght-test.yaml:7:10: error: GHT "ght-test" has 2 support establishments at the same time: ch-a, ch-b [ght-support]\n' +
      '  hint: a GHT has one établissement support: make the others party, or date the change with since/until\n' +
      '✖ 1 error, 0 warnings in 1 file (3 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // ch-a, party to ght-nord since 2016-07 and support of ght-sud since 2018: reported on ght-sud, line 4.
    scenario: 'rule-ght-single-party',
    code: 0,
    out:
      'data/organisations/ght-sud.yaml:4:10: warning: "ch-a" is party to GHT "ght-sud" while party to GHT "ght-nord" [ght-single-party]\n' +
      '  hint: a public hospital is party to one GHT at a time: date the change with until and since, or make it associated\n' +
      '⚠ 0 errors, 1 warning in 1 file (3 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `  - org: hopital_a`, line 5, column 10.
    scenario: 'rule-bad-id',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:5:10: error: "hopital_a" is not a valid id: lower-case ASCII letters, digits and single hyphens (e.g. hopital-foch) [bad-id]\n' +
      '  hint: did you mean "hopital-a"?\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // organisations/Clinique_B.yaml: the file name is the problem, 1:1.
    scenario: 'rule-bad-id-file-name',
    code: 1,
    out:
      'data/organisations/Clinique_B.yaml:1:1: error: file name: "Clinique_B" is not a valid id: lower-case ASCII letters, digits and single hyphens (e.g. hopital-foch) [bad-id]\n' +
      '  hint: rename the file to "clinique-b" plus its extension: its name is the record id\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `founded: 2019-02-29`, line 6, column 10.
    scenario: 'rule-bad-date',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:6:10: error: 2019-02-29 does not exist: month 2 of 2019 has 28 days [bad-date]\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `    since: janvier 2020`, line 7, column 12.
    scenario: 'rule-bad-date-format',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:7:12: error: "janvier 2020" is not a valid EDTF date (e.g. 2017-09-13, 2017-09, 2012-12~, 2015?, 2017-09/2019-03) [bad-date]\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `    amount: 10,6 M€` in a programme's budget, line 5, column 13.
    scenario: 'rule-bad-amount',
    code: 1,
    out:
      'data/programmes/programme-test.yaml:5:13: error: amount must be a whole number of currency units, not the text "10,6 M€" [bad-amount]\n' +
      '  hint: write 10600000 for 10.6 M€\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `    currency: euros`, line 6, column 15.
    scenario: 'rule-bad-amount-currency',
    code: 1,
    out:
      'data/programmes/programme-test.yaml:6:15: error: currency "euros" must be a three-letter ISO 4217 code (EUR) [bad-amount]\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `  amount_min: 20000000` beside `amount: 25000000`, line 6, column 15.
    scenario: 'rule-amount-form',
    code: 1,
    out:
      'data/funding/programme-test.yaml:6:15: error: give either amount or amount_min and amount_max, not both [amount-form]\n' +
      '  hint: say no more than the article: "entre 20 et 30 M€" is a range, "plus de 5 M€" is at_least, "jusqu\'à" is upper_bound\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 1 programme, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `  recipients_count: 12` beside `recipient: hopital-a`, line 4, column 21.
    scenario: 'rule-recipient-form',
    code: 1,
    out:
      'data/funding/programme-test.yaml:4:21: error: a line goes to one named recipient or to recipients_count unnamed ones, not both [recipient-form]\n' +
      '  hint: drop recipients_count, or drop recipient and give each named laureate its own line\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 1 programme, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `  siren: "775688733"` (775688732 has the right Luhn digit), line 7, column 10.
    scenario: 'rule-bad-identifier',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:7:10: error: SIREN "775688733" has a wrong check digit [bad-identifier]\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `website: www.hopital-a.fr`, line 6, column 10.
    scenario: 'rule-bad-url',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:6:10: error: "www.hopital-a.fr" is not a URL [bad-url]\n' +
      '  hint: write the full address, starting with https://\n' +
      '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  // the base as a whole
  {
    // `id: hopital-b` in hopital-a.yaml, line 1, column 5.
    scenario: 'rule-id-mismatch',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:1:5: error: id "hopital-b" differs from the file name "hopital-a" [id-mismatch]\n' +
      '  hint: remove the id field: the file name is the id\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `  - org: hopital-b`, which no file defines, line 5, column 10.
    scenario: 'rule-unknown-reference',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:5:10: error: member "hopital-b" is not an organisation [unknown-reference]\n' +
      '  hint: did you mean "hopital-a"?\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `  - org: gazette-2020-01-15-alliance`, an article's id, line 5, column 10.
    scenario: 'rule-unknown-reference-kind',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:5:10: error: member "gazette-2020-01-15-alliance" is an article, not an organisation [unknown-reference]\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // alliance-test is owned by hopital-a, which is owned by alliance-test: reported once, on the
    // first file, at its owners item, line 4, column 3.
    scenario: 'rule-reference-cycle',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:4:3: error: organisation owners loop: alliance-test -> hopital-a -> alliance-test [reference-cycle]\n' +
      '  hint: a chain of owners must end at an organisation that no one owns\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // hopital-a owned by hopital-a: its owners item, line 5, column 3.
    scenario: 'rule-reference-cycle-self',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:5:3: error: organisation owners loop: hopital-a -> hopital-a [reference-cycle]\n' +
      '  hint: a chain of owners must end at an organisation that no one owns\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `region: Île-de-France`, the name instead of the slug, line 3, column 9.
    scenario: 'rule-unknown-geography',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:3:9: error: region "Île-de-France" is not an official region slug [unknown-geography]\n' +
      '  hint: use the slug "ile-de-france"\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `city: Surenes`, line 4, column 7.
    scenario: 'rule-unknown-geography-city',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:4:7: error: city "Surenes" is not a French commune [unknown-geography]\n' +
      '  hint: did you mean "Suresnes"?\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `department: "20"` (Corsica's former code), line 3, column 13.
    scenario: 'rule-unknown-geography-department',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:3:13: error: department "20" does not exist [unknown-geography]\n' +
      '  hint: Corsica is "2A" (Corse-du-Sud) or "2B" (Haute-Corse)\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `region: bretagne` with `department: "92"`: reported at the department, line 6, column 13.
    scenario: 'rule-department-outside-region',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:6:13: error: department 92 (Hauts-de-Seine) is not in region "bretagne" [department-outside-region]\n' +
      '  hint: it is in "ile-de-france"\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `city: Suresnes` with `department: "93"`: reported at the city, line 4, column 7.
    scenario: 'rule-city-outside-department',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:4:7: error: city "Suresnes" is not in department 93 [city-outside-department]\n' +
      '  hint: Suresnes is in department 92\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `city: Suresnes` with `region: bretagne` and no department, line 4, column 7.
    scenario: 'rule-city-outside-department-region',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:4:7: error: city "Suresnes" is not in region "bretagne" [city-outside-department]\n' +
      '  hint: Suresnes is in department 92\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `    until: 2019-06` after `since: 2020-01`, line 8, column 12.
    scenario: 'rule-date-order',
    code: 1,
    out:
      'data/organisations/alliance-test.yaml:8:12: error: until (2019-06) is before since (2020-01) [date-order]\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // `dissolved: 1990-05` after `founded: 1998`, line 7, column 12.
    scenario: 'rule-date-order-dissolved',
    code: 1,
    out:
      'data/organisations/hopital-a.yaml:7:12: error: dissolved (1990-05) is before founded (1998) [date-order]\n' +
      '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // The second member map, after "  - " on line 9, column 5: a warning, so exit 0.
    scenario: 'rule-duplicate-member',
    code: 0,
    out:
      'data/organisations/alliance-test.yaml:9:5: warning: "hopital-a" is listed twice as founder on the same source [duplicate-member]\n' +
      '  hint: remove one, or merge their notes\n' +
      '⚠ 0 errors, 1 warning in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
  },
  {
    // A second article nobody cites: the whole file, 1:1; a warning, so exit 0.
    scenario: 'rule-uncited-article',
    code: 0,
    out:
      'data/articles/hospimedia-2020-02-03-alliance-suresnes.md:1:1: warning: article "hospimedia-2020-02-03-alliance-suresnes" is cited by no record [uncited-article]\n' +
      '  hint: record its facts, citing it in source or sources\n' +
      '⚠ 0 errors, 1 warning in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 2 articles loaded)\n',
  },
];

const WARNING_ONLY = ['rule-unexpected-file', 'rule-duplicate-member', 'rule-uncited-article'];

describe('coop validate: one fixture per rule, in a pipe', () => {
  it('has a fixture for every rule but file-unreadable', () => {
    const missing = Object.keys(RULES).filter(
      (rule) => rule !== 'file-unreadable' && !existsSync(join(FIXTURES, `rule-${rule}`, 'data')),
    );
    expect(missing).toEqual([]);
  });

  it.each(ONE_PROBLEM)('$scenario', async ({ scenario, code, out }) => {
    expect(await runOnFixture(scenario, ['validate'])).toEqual({ code, out, err: '' });
  });

  it.each(WARNING_ONLY)('%s fails with --strict, with the same report', async (scenario) => {
    // The same report, and the summary says why a warning-only base fails.
    const { out } = ONE_PROBLEM.find((c) => c.scenario === scenario)!;
    const strictOut = out.replace(' in 1 file (', ' in 1 file (--strict: warnings fail) (');
    expect(strictOut).not.toBe(out);
    expect(await runOnFixture(scenario, ['validate', '--strict'])).toEqual({ code: 1, out: strictOut, err: '' });
  });

  it('front-matter: refuses a ---js block without running its code', async () => {
    // The fixture's front matter would write this file under os.tmpdir() if it were evaluated: a
    // folder of this run's own, so that two test runs at once never see each other's marker.
    const markers = mkdtempSync(join(tmpdir(), 'coop-front-matter-'));
    const marker = join(markers, 'coop-front-matter-js-ran');
    onTestFinished(() => rmSync(markers, { recursive: true, force: true }));
    const result = await withTmpdir(markers, () => runOnFixture('rule-front-matter', ['validate']));
    expect(result).toEqual({
      code: 1,
      out:
        'data/articles/gazette-2020-01-15-alliance.md:1:1: error: front matter in js is refused [front-matter]\n' +
        '  hint: articles start with a YAML block between two "---" lines\n' +
        '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 0 articles loaded)\n',
      err: '',
    });
    expect(existsSync(marker)).toBe(false);
    // So that the check above can fail: gray-matter left to its defaults runs the payload.
    await withTmpdir(markers, () =>
      matter(
        readFileSync(join(FIXTURES, 'rule-front-matter', 'data', 'articles', 'gazette-2020-01-15-alliance.md'), 'utf8'),
        {},
      ),
    );
    expect(existsSync(marker)).toBe(true);
  });

  it('duplicate-id: two events with one id, run from inside the data folder', async () => {
    // From inside data/, file paths print as they are in the hint: the two agree.
    // The second `- id: alliance-test-founding`, line 7, column 7; the first is on line 1.
    const result = await runCoop(['validate', '--data', '.'], { cwd: join(FIXTURES, 'rule-duplicate-id', 'data') });
    expect(result).toEqual({
      code: 1,
      out:
        'events/2020.yaml:7:7: error: id "alliance-test-founding" is already used by an event [duplicate-id]\n' +
        '  hint: first defined at events/2020.yaml:1:7\n' +
        '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 1 event, 1 article loaded)\n',
      err: '',
    });
  });

  it('duplicate-id: a programme named like an organisation, run from inside the data folder', async () => {
    // programmes/hopital-a.yaml as a whole, 1:1; organisations/hopital-a.yaml starts on line 1.
    const result = await runCoop(['validate', '--data', '.'], {
      cwd: join(FIXTURES, 'rule-duplicate-id-across-types', 'data'),
    });
    expect(result).toEqual({
      code: 1,
      out:
        'programmes/hopital-a.yaml:1:1: error: id "hopital-a" is already used by an organisation [duplicate-id]\n' +
        '  hint: first defined at organisations/hopital-a.yaml:1:1\n' +
        '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });
});

describe('coop validate: file-too-large, on a temporary copy', () => {
  let root: string;
  const newFile = () => join(root, 'new-file');
  const referenced = () => join(root, 'referenced');

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'coop-rule-file-too-large-'));
    // A third organisation, valid but for its size: 1,048,661 bytes, 85 over the cap.
    cpSync(join(FIXTURES, 'rule-file-too-large'), newFile(), { recursive: true });
    writeFileSync(
      join(newFile(), 'data', 'organisations', 'hopital-b.yaml'),
      'name: Hôpital B\nkind: hospital\ndescription: ' + 'a'.repeat(MIB) + '\nsources: [gazette-2020-01-15-alliance]\n',
    );
    // hopital-a.yaml, which alliance-test.yaml names as a member, grown to 1,048,719 bytes.
    cpSync(join(FIXTURES, 'rule-file-too-large'), referenced(), { recursive: true });
    appendFileSync(
      join(referenced(), 'data', 'organisations', 'hopital-a.yaml'),
      'description: ' + 'a'.repeat(MIB) + '\n',
    );
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('the committed fixture is valid without the large file', async () => {
    expect(await runOnFixture('rule-file-too-large', ['validate'])).toEqual({
      code: 0,
      out: '✔ no problems: 2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article\n',
      err: '',
    });
  });

  it('refuses a file over 1 MiB, at 1:1', async () => {
    expect(await runCoop(['validate', '--data', 'data'], { cwd: newFile() })).toEqual({
      code: 1,
      out:
        'data/organisations/hopital-b.yaml:1:1: error: file is 1048661 bytes, over the 1048576-byte cap [file-too-large]\n' +
        '  hint: no record needs 1 MiB: split a long list of funding lines or events into several files\n' +
        '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });

  // Was a bug (src/load/read-data-folder.ts, src/core/validate.ts): a file refused before parsing (too large,
  // bad encoding) never reaches buildBase, so its id is not declared, and every reference to it is
  // reported as well: `alliance-test.yaml:5:10: error: member "hopital-a" is not an organisation`.
  // A file that fails to parse as YAML keeps its id (validate.ts: "its id still exists"); these
  // should too. The expected output is the one problem.
  it('refuses a too-large file that another record names, and nothing else', async () => {
    expect(await runCoop(['validate', '--data', 'data'], { cwd: referenced() })).toEqual({
      code: 1,
      out:
        'data/organisations/hopital-a.yaml:1:1: error: file is 1048719 bytes, over the 1048576-byte cap [file-too-large]\n' +
        '  hint: no record needs 1 MiB: split a long list of funding lines or events into several files\n' +
        '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });
});

describe('coop validate: bugs found and fixed, each pinned by its case', () => {
  // Was a bug: same cascade as above, for bad-encoding. hopital-a.yaml has 0xFF at line 1, column 8
  // ("name: H" is 7 bytes); coop also reports `alliance-test.yaml:5:10: member "hopital-a" is not
  // an organisation`.
  it('rule-bad-encoding-referenced: only the encoding problem', async () => {
    expect(await runOnFixture('rule-bad-encoding-referenced', ['validate'])).toEqual({
      code: 1,
      out:
        'data/organisations/hopital-a.yaml:1:8: error: invalid UTF-8: byte 0xFF is not part of a character [bad-encoding]\n' +
        '  hint: save the file as UTF-8 (it may be Latin-1 or Windows-1252)\n' +
        '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });

  // Was a bug (src/load/files.ts, firstInvalidUtf8): the column counts bytes, not characters. Line 4 is
  // `description: Créée à Suresnes, d` then 0xE9: the bad byte is the 33rd character (column 33),
  // coop says column 36 (three 2-byte letters before it). Every other rule counts characters.
  it('rule-bad-encoding-after-accent: column in characters', async () => {
    expect(await runOnFixture('rule-bad-encoding-after-accent', ['validate'])).toEqual({
      code: 1,
      out:
        'data/organisations/alliance-test.yaml:4:33: error: invalid UTF-8: byte 0xE9 is not part of a character [bad-encoding]\n' +
        '  hint: save the file as UTF-8 (it may be Latin-1 or Windows-1252)\n' +
        '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });

  // Was a bug (position): `sources: [gazette-2020-01-15-alliance` is never closed. The file has 6 lines;
  // coop points at 7:1, past its end. The offending value is the unclosed list, line 6, column 10.
  it('rule-yaml-syntax-unclosed-list: points at the unclosed "["', async () => {
    expect(await runOnFixture('rule-yaml-syntax-unclosed-list', ['validate'])).toEqual({
      code: 1,
      out:
        'data/organisations/hopital-a.yaml:6:10: error: this [ is never closed [yaml-syntax]\n' +
        '  hint: close it with ]\n' +
        '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });

  // Was a bug (noise): one tab at the start of line 7 gives three diagnostics: the right one (7:1, tabs)
  // and two consequences at 7:9, "Nested mappings are not allowed in compact mappings" and
  // "Implicit keys need to be on a single line", which point at nothing the person wrote wrong.
  it('rule-yaml-syntax-tab: only the tab is reported', async () => {
    expect(await runOnFixture('rule-yaml-syntax-tab', ['validate'])).toEqual({
      code: 1,
      out:
        'data/organisations/alliance-test.yaml:7:1: error: Tabs are not allowed as indentation [yaml-syntax]\n' +
        '  hint: YAML indents with spaces, never tabs\n' +
        '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });

  // Was a bug (src/core/schema-issues.ts): a missing enum field (kind, role, instrument, stage, event
  // kind) comes from zod as invalid_value, not invalid_type, and is reported as
  // `undefined is not a valid kind [bad-enum]` with the whole list as hint, instead of a
  // missing-field. The position, 1:1, the start of the map, is right.
  it('rule-missing-field-enum: a missing kind is a missing field', async () => {
    expect(await runOnFixture('rule-missing-field-enum', ['validate'])).toEqual({
      code: 1,
      out:
        'data/organisations/hopital-a.yaml:1:1: error: missing required field "kind" [missing-field]\n' +
        '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });

  // Was a bug (src/core/validate.ts, wording): an events file holding a map is reported as
  // "a events file holds a list of events, not a map".
  it('rule-wrong-type-events-list: "an events file"', async () => {
    expect(await runOnFixture('rule-wrong-type-events-list', ['validate'])).toEqual({
      code: 1,
      out:
        'data/events/2020.yaml:1:1: error: an events file holds a list of events, not a map [wrong-type]\n' +
        '  hint: start each item with "- id: ..."\n' +
        '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });

  // Was a bug (src/core/validate.ts, declare): the hint's place of the first definition is relative to
  // the data folder ("events/2020.yaml:1") while the diagnostic's own path is relative to where the
  // person stands ("data/events/2020.yaml"): from the scenario folder, the hint names a file that
  // is not there. It should go through the same displayPath.
  it('rule-duplicate-id: the hint names the first file as the report does', async () => {
    expect(await runOnFixture('rule-duplicate-id', ['validate'])).toEqual({
      code: 1,
      out:
        'data/events/2020.yaml:7:7: error: id "alliance-test-founding" is already used by an event [duplicate-id]\n' +
        '  hint: first defined at data/events/2020.yaml:1:7\n' +
        '✖ 1 error, 0 warnings in 1 file (2 organisations, 0 programmes, 0 funding lines, 1 event, 1 article loaded)\n',
      err: '',
    });
  });
});

describe('coop validate --format json, one rule each', () => {
  it('rule-bad-enum: an error', async () => {
    const result = await runOnFixture('rule-bad-enum', ['validate', '--format', 'json']);
    expect({ ...result, out: JSON.parse(result.out) }).toEqual({
      code: 1,
      out: {
        valid: false,
        errors: 1,
        warnings: 0,
        files_with_problems: 1,
        records: { organisations: 1, people: 0, programmes: 0, funding: 0, events: 0, articles: 1, agreements: 0 },
        diagnostics: [
          {
            file: 'data/organisations/hopital-a.yaml',
            line: 2,
            column: 7,
            severity: 'error',
            rule: 'bad-enum',
            message: '"hopital" is not a valid kind',
            hint: 'did you mean "hospital"?',
          },
        ],
      },
      err: '',
    });
  });

  const duplicateMember = (valid: boolean) => ({
    valid,
    errors: 0,
    warnings: 1,
    files_with_problems: 1,
    records: { organisations: 2, people: 0, programmes: 0, funding: 0, events: 0, articles: 1, agreements: 0 },
    diagnostics: [
      {
        file: 'data/organisations/alliance-test.yaml',
        line: 9,
        column: 5,
        severity: 'warning',
        rule: 'duplicate-member',
        message: '"hopital-a" is listed twice as founder on the same source',
        hint: 'remove one, or merge their notes',
      },
    ],
  });

  it('rule-duplicate-member: a warning, valid unless --strict', async () => {
    const result = await runOnFixture('rule-duplicate-member', ['validate', '--format', 'json']);
    expect({ ...result, out: JSON.parse(result.out) }).toEqual({ code: 0, out: duplicateMember(true), err: '' });
    const strict = await runOnFixture('rule-duplicate-member', ['validate', '--strict', '--format', 'json']);
    expect({ ...strict, out: JSON.parse(strict.out) }).toEqual({ code: 1, out: duplicateMember(false), err: '' });
  });
});

describe('coop validate on a terminal', () => {
  it('colours a diagnostic, and not with NO_COLOR', async () => {
    const coloured = await runOnFixture('rule-bad-enum', ['validate'], { tty: true });
    expect(coloured).toEqual({
      code: 1,
      out:
        '\u001b[1mdata/organisations/hopital-a.yaml:2:7\u001b[22m: \u001b[31m\u001b[1merror\u001b[22m\u001b[39m: "hopital" is not a valid kind \u001b[2m[bad-enum]\u001b[22m\n' +
        '  \u001b[36mhint:\u001b[39m did you mean "hospital"?\n' +
        '\u001b[31m✖\u001b[39m 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
    const plain = await runOnFixture('rule-bad-enum', ['validate'], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain).toEqual({
      code: 1,
      out:
        'data/organisations/hopital-a.yaml:2:7: error: "hopital" is not a valid kind [bad-enum]\n' +
        '  hint: did you mean "hospital"?\n' +
        '✖ 1 error, 0 warnings in 1 file (1 organisation, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
    expect(plain.out).not.toContain('\u001b');
  });

  it('colours a warning in yellow', async () => {
    const coloured = await runOnFixture('rule-duplicate-member', ['validate'], { tty: true });
    expect(coloured).toEqual({
      code: 0,
      out:
        '\u001b[1mdata/organisations/alliance-test.yaml:9:5\u001b[22m: \u001b[33m\u001b[1mwarning\u001b[22m\u001b[39m: "hopital-a" is listed twice as founder on the same source \u001b[2m[duplicate-member]\u001b[22m\n' +
        '  \u001b[36mhint:\u001b[39m remove one, or merge their notes\n' +
        '\u001b[33m⚠\u001b[39m 0 errors, 1 warning in 1 file (2 organisations, 0 programmes, 0 funding lines, 0 events, 1 article loaded)\n',
      err: '',
    });
  });
});
