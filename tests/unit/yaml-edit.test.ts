import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appendToMappingList, appendToRootList, newListFile, YamlEditError } from '../../src/edit/yaml-edit.js';
import {
  eventSchema,
  figureSchema,
  formerNameSchema,
  milestoneSchema,
  ownerSchema,
  fundingLineSchema,
  memberSchema,
  organisationSchema,
  programmeSchema,
} from '../../src/core/schema.js';
import {
  checkFileName,
  checkId,
  EVENT_FIELDS,
  FIGURE_FIELDS,
  FORMER_NAME_FIELDS,
  MILESTONE_FIELDS,
  OWNER_FIELDS,
  FUNDING_FIELDS,
  MEMBER_FIELDS,
  ORGANISATION_FIELDS,
  orderedItem,
  parseAmount,
  parseFigureValue,
  PROGRAMME_FIELDS,
  uniqueId,
} from '../../src/edit/values.js';

const ORDER = ORGANISATION_FIELDS;
const DATES = { quoted: ['since', 'until', 'as_of', 'date'] };
const member = { org: 'hopital-b', role: 'member', since: '2020', source: 'gazette' };

/**
 * The edit only inserted one block of text: the old text is the new one with a single contiguous
 * run of characters taken out. Returns that run.
 */
function inserted(before: string, after: string): string {
  let prefix = 0;
  while (prefix < before.length && before[prefix] === after[prefix]) prefix++;
  // Whole lines are inserted: the common prefix ends at a line start.
  prefix = before.lastIndexOf('\n', prefix - 1) + 1;
  const rest = before.slice(prefix);
  expect(after.startsWith(before.slice(0, prefix)) && after.endsWith(rest)).toBe(true);
  return after.slice(prefix, after.length - rest.length);
}

describe('appending to a list of a mapping', () => {
  it('adds the item at the end of an indented block list, in the same indentation', () => {
    const text = 'name: A\nmembers:\n  - org: hopital-a\n    role: founder\n    source: gazette\nsources: [gazette]\n';
    const result = appendToMappingList(text, 'members', member, ORDER, DATES);
    expect(result).toBe(
      'name: A\nmembers:\n  - org: hopital-a\n    role: founder\n    source: gazette\n' +
        '  - org: hopital-b\n    role: member\n    since: "2020"\n    source: gazette\n' +
        'sources: [gazette]\n',
    );
  });

  it('keeps a commented-out field with its member, and a comment at the list level after the new item', () => {
    const text = [
      'members:',
      '  - org: hopital-a # first',
      '    role: founder',
      '    source: gazette',
      '    # since: 2019 (the article is unsure)',
      '  # - org: hopital-c   (disputed)',
      'sources: [gazette]',
      '',
    ].join('\n');
    const result = appendToMappingList(text, 'members', member, ORDER, DATES);
    expect(inserted(text, result)).toBe(
      '  - org: hopital-b\n    role: member\n    since: "2020"\n    source: gazette\n',
    );
    expect(result.indexOf('# since: 2019')).toBeLessThan(result.indexOf('hopital-b'));
    expect(result.indexOf('# - org: hopital-c')).toBeGreaterThan(result.indexOf('hopital-b'));
  });

  it('separates the new item by a blank line when the items are', () => {
    const text =
      'members:\n  - org: a\n    role: founder\n    source: s\n\n  - org: c\n    role: founder\n    source: s\nsources: [s]\n';
    const result = appendToMappingList(text, 'members', member, ORDER, DATES);
    expect(inserted(text, result)).toBe(
      '\n  - org: hopital-b\n    role: member\n    since: "2020"\n    source: gazette\n',
    );
  });

  it('follows an unindented list (key:\\n- item) and a wider dash', () => {
    const text = 'members:\n-   org: a\n    role: founder\n    source: s\nsources: [s]\n';
    const result = appendToMappingList(text, 'members', member, ORDER, DATES);
    expect(inserted(text, result)).toBe(
      '-   org: hopital-b\n    role: member\n    since: "2020"\n    source: gazette\n',
    );
  });

  it('writes a field as the other items write it: single quotes, plain, double quotes', () => {
    const single = "members:\n  - org: a\n    role: founder\n    since: '2019-05'\n    source: s\nsources: [s]\n";
    expect(
      inserted(single, appendToMappingList(single, 'members', { ...member, since: '2020-01' }, ORDER, DATES)),
    ).toContain("since: '2020-01'\n");
    const plain = 'members:\n  - org: a\n    role: founder\n    since: 2019-05\n    source: s\nsources: [s]\n';
    expect(
      inserted(plain, appendToMappingList(plain, 'members', { ...member, since: '2020-01' }, ORDER, DATES)),
    ).toContain('since: 2020-01\n');
    // Plain would read back as a number: quoted whatever the others do.
    expect(inserted(plain, appendToMappingList(plain, 'members', member, ORDER, DATES))).toContain('since: "2020"\n');
    // A block style is not copied to a short text.
    const folded =
      'members:\n  - org: a\n    role: founder\n    note: >-\n      a long note\n    source: s\nsources: [s]\n';
    expect(
      inserted(folded, appendToMappingList(folded, 'members', { ...member, note: 'short' }, ORDER, DATES)),
    ).toContain('    note: short\n');
    // No other item has the field: the style's default (dates double-quoted).
    expect(
      inserted(plain, appendToMappingList(plain, 'members', { ...member, until: '2021' }, ORDER, DATES)),
    ).toContain('until: "2021"\n');
  });

  it('creates a missing list before the next field of the data model, above the comments that introduce it', () => {
    const text = 'name: A\nkind: alliance\n\n# where the facts come from\nsources: [s]\n';
    const result = appendToMappingList(text, 'members', member, ORDER, DATES);
    expect(result).toBe(
      'name: A\nkind: alliance\n\nmembers:\n  - org: hopital-b\n    role: member\n    since: "2020"\n    source: gazette\n\n# where the facts come from\nsources: [s]\n',
    );
  });

  it('creates figures before members, and a list after the last field when no later field exists', () => {
    const text = 'name: A\nmembers:\n  - org: a\n    role: founder\n    source: s\nsources: [s]\n';
    const figure = { metric: 'beds', value: 12, source: 's' };
    expect(inserted(text, appendToMappingList(text, 'figures', figure, ORDER, DATES))).toBe(
      'figures:\n  - metric: beds\n    value: 12\n    source: s\n',
    );
    expect(appendToMappingList(text, 'figures', figure, ORDER, DATES).indexOf('figures:')).toBe('name: A\n'.length);
    const noSources = 'name: A\nkind: alliance # last\n# trailing\n';
    expect(appendToMappingList(noSources, 'members', member, ORDER, DATES)).toBe(
      'name: A\nkind: alliance # last\nmembers:\n  - org: hopital-b\n    role: member\n    since: "2020"\n    source: gazette\n# trailing\n',
    );
  });

  it('turns an empty list or an empty value into a block list, keeping an inline comment', () => {
    expect(
      appendToMappingList('name: A\nmembers: []  # none yet\nsources: [s]\n', 'members', member, ORDER, DATES),
    ).toBe(
      'name: A\nmembers:  # none yet\n  - org: hopital-b\n    role: member\n    since: "2020"\n    source: gazette\nsources: [s]\n',
    );
    expect(appendToMappingList('name: A\nmembers:\nsources: [s]\n', 'members', member, ORDER, DATES)).toBe(
      'name: A\nmembers:\n  - org: hopital-b\n    role: member\n    since: "2020"\n    source: gazette\nsources: [s]\n',
    );
    expect(appendToMappingList('name: A\nmembers: ~\nsources: [s]\n', 'members', member, ORDER, DATES)).toBe(
      'name: A\nmembers:\n  - org: hopital-b\n    role: member\n    since: "2020"\n    source: gazette\nsources: [s]\n',
    );
  });

  it('appends to a flow list in flow style', () => {
    const text = 'members: [{org: a, role: founder, source: s}]\nsources: [s]\n';
    expect(appendToMappingList(text, 'members', member, ORDER, DATES)).toBe(
      'members: [{org: a, role: founder, source: s}, {org: hopital-b, role: member, since: "2020", source: gazette}]\nsources: [s]\n',
    );
  });

  it('keeps CRLF line ends, and a last line without its newline', () => {
    const text = 'name: A\r\nmembers:\r\n  - org: a\r\n    role: founder\r\n    source: s';
    expect(appendToMappingList(text, 'members', member, ORDER, DATES)).toBe(
      'name: A\r\nmembers:\r\n  - org: a\r\n    role: founder\r\n    source: s\r\n  - org: hopital-b\r\n    role: member\r\n    since: "2020"\r\n    source: gazette\r\n',
    );
  });

  it('does not cut a block scalar that keeps its final blank lines', () => {
    const text =
      'members:\n  - org: a\n    role: founder\n    note: |+\n      kept\n\n    source: s\n  - org: c\n    role: founder\n    source: s\n    note: |+\n      kept too\n\n\nsources: [s]\n';
    const result = appendToMappingList(text, 'members', member, ORDER, DATES);
    expect(parseDocument(result).toJS().members[1].note).toBe('kept too\n\n\n');
    inserted(text, result);
  });

  it('writes long text folded, multi-line text literal, and awkward text so that it reads back the same', () => {
    const text = 'members:\n  - org: a\n    role: founder\n    source: s\nsources: [s]\n';
    const long = 'word '.repeat(40).trim();
    const awkward = [
      '- starts with a dash',
      'key: value',
      '# not a comment',
      'yes',
      'null',
      '2019',
      ' leading space',
      'trailing space ',
      '"quoted"',
      "l'apostrophe",
      'tab\there',
      'a\nb',
      '€ et « guillemets »',
    ];
    for (const note of [long, ...awkward]) {
      const result = appendToMappingList(text, 'members', { ...member, note }, ORDER, DATES);
      expect(parseDocument(result).toJS().members[1].note).toBe(note);
      inserted(text, result);
    }
    expect(appendToMappingList(text, 'members', { ...member, note: long }, ORDER, DATES)).toContain(
      '    note: >-\n      word word',
    );
    expect(appendToMappingList(text, 'members', { ...member, note: 'a\nb' }, ORDER, DATES)).toContain(
      '    note: |-\n      a\n      b\n',
    );
  });

  it('falls back to one JSON literal a field when the styled item would not read back the same', () => {
    const text = 'members:\n  - org: a\n    role: founder\n    source: s\nsources: [s]\n';
    // Found by the random test below: yaml's literal block loses something of this text.
    const note = '\n \n>{\r\né\n*@] \n  é  {-*0!a-  \r\n';
    expect(
      inserted(
        text,
        appendToMappingList(
          text,
          'members',
          { org: 'hopital-b', role: 'member', since: '2020', note, source: 'gazette' },
          ORDER,
          DATES,
        ),
      ),
    ).toBe(
      `  - org: "hopital-b"\n    role: "member"\n    since: "2020"\n    note: ${JSON.stringify(note)}\n    source: "gazette"\n`,
    );
  });

  it('any text at all reads back as itself (1000 random notes, seeded)', () => {
    const alphabet = [
      'a',
      'b',
      ' ',
      '  ',
      '\n',
      '\t',
      '#',
      ':',
      '-',
      '"',
      "'",
      'é',
      '«',
      '\\',
      '{',
      '}',
      '[',
      ']',
      ',',
      '&',
      '*',
      '!',
      '|',
      '>',
      '%',
      '@',
      '`',
      '?',
      '0',
      '\r\n',
      '\u00a0',
      '\u2028',
      '\u0085',
    ];
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = 'members:\n  - org: a\n    role: founder\n    source: s\nsources: [s]\n';
    for (let i = 0; i < 1000; i++) {
      let note = '';
      for (let j = Math.floor(random() * 300); j > 0; j--) note += alphabet[Math.floor(random() * alphabet.length)];
      const result = appendToMappingList(text, 'members', { ...member, note }, ORDER, DATES);
      expect(parseDocument(result).toJS().members[1].note).toBe(note);
    }
  });

  it('refuses a file with YAML errors, a duplicate key, a field that is not a list, a file that is not a mapping', () => {
    const refuse = (text: string, message: RegExp) =>
      expect(() => appendToMappingList(text, 'members', member, ORDER, DATES)).toThrow(message);
    refuse('name: [unclosed\nmembers:\n  - org: a\n', /^the file has a YAML error near line 2, column 1$/);
    refuse('name: A\nname: B\n', /^the file has a YAML error near line 2, column 1$/);
    refuse('name: A\nmembers: hopital-a\n', /"members" is not a list/);
    refuse('- a\n- b\n', /not a block mapping/);
    refuse('{name: A}\n', /not a block mapping/);
    expect(() => appendToMappingList('x: [\n', 'members', member, ORDER)).toThrow(YamlEditError);
  });
});

describe('appending to a file that is a list', () => {
  const event = { id: 'e2', date: '2020', kind: 'founding', title: 'Création: deux', orgs: ['a', 'b'], source: 's' };

  it('adds the item after the last one, before the comments of the file that follow it', () => {
    const text =
      '# header\n- id: e1\n  date: 2019\n  kind: founding\n  title: One\n  orgs:\n    - a\n  source: s\n# end of file\n';
    expect(appendToRootList(text, event, DATES)).toBe(
      '# header\n- id: e1\n  date: 2019\n  kind: founding\n  title: One\n  orgs:\n    - a\n  source: s\n' +
        '- id: e2\n  date: "2020"\n  kind: founding\n  title: "Création: deux"\n  orgs:\n    - a\n    - b\n  source: s\n' +
        '# end of file\n',
    );
  });

  it('writes a list field in flow style when the other items do', () => {
    const text = '- id: e1\n  date: 2019\n  kind: founding\n  title: One\n  orgs: [a]\n  source: s\n';
    expect(inserted(text, appendToRootList(text, event, DATES))).toBe(
      '- id: e2\n  date: "2020"\n  kind: founding\n  title: "Création: deux"\n  orgs: [a, b]\n  source: s\n',
    );
  });

  it('starts the list in a file that holds only comments, or []', () => {
    expect(appendToRootList('# yaml-language-server: $schema=x\n', { id: 'e', source: 's' })).toBe(
      '# yaml-language-server: $schema=x\n- id: e\n  source: s\n',
    );
    expect(appendToRootList('# no newline', { id: 'e', source: 's' })).toBe('# no newline\n- id: e\n  source: s\n');
    expect(appendToRootList('', { id: 'e', source: 's' })).toBe('- id: e\n  source: s\n');
    expect(appendToRootList('# head\n[]\n', { id: 'e', source: 's' })).toBe('# head\n- id: e\n  source: s\n');
  });

  it('refuses a file that is a mapping, or has YAML errors', () => {
    expect(() => appendToRootList('id: e\n', { id: 'f' })).toThrow(/not a list/);
    expect(() => appendToRootList('- id: e\n  id: f\n', { id: 'g' })).toThrow(
      'the file has a YAML error near line 2, column 3',
    );
  });
});

describe('a new list file', () => {
  it('holds the header line, then the item', () => {
    expect(
      newListFile(
        '# yaml-language-server: $schema=../../schema/funding.schema.json',
        { id: 'x', amount: 1500000, upper_bound: true, date: '2020-03' },
        DATES,
      ),
    ).toBe(
      '# yaml-language-server: $schema=../../schema/funding.schema.json\n- id: x\n  amount: 1500000\n  upper_bound: true\n  date: "2020-03"\n',
    );
    expect(newListFile(undefined, { id: 'x' })).toBe('- id: x\n');
  });
});

describe('values typed on the command line', () => {
  it('reads amounts as people write them, to whole currency units', () => {
    const cases: Array<[string, number]> = [
      ['1500000', 1500000],
      ['1 500 000', 1500000],
      ['1\u202f500\u202f000 €', 1500000],
      ['1_500_000', 1500000],
      ['1,500,000', 1500000],
      ['1.500.000', 1500000],
      ['1,500', 1500],
      ['1.5M', 1500000],
      ['1,5 M€', 1500000],
      ['10.6M', 10600000],
      ['450k', 450000],
      ['2 Md€', 2000000000],
      ['1.5 millions', 1500000],
      ['1.234567M', 1234567],
      ['2 000 000 EUR', 2000000],
      ['0', 0],
    ];
    for (const [text, amount] of cases) expect([text, parseAmount(text)]).toEqual([text, amount]);
  });

  it('refuses amounts that are not whole, negative, unknown or too large (usage errors)', () => {
    expect(() => parseAmount('1.5')).toThrow('--amount "1.5" is not a whole number of currency units');
    expect(() => parseAmount('1,5')).toThrow(/not a whole number/);
    expect(() => parseAmount('1.2345678M')).toThrow(/not a whole number/);
    expect(() => parseAmount('-5')).toThrow(/negative/);
    expect(() => parseAmount('5 lakh')).toThrow(/unknown multiplier "lakh"/);
    expect(() => parseAmount('abc')).toThrow(/is not an amount/);
    expect(() => parseAmount('99999999999 Md')).toThrow(/too large/);
  });

  it('reads figure values, refusing a comma that could group thousands', () => {
    expect(['1200', '1 200', '4.5', '4,5', '-3'].map((value) => parseFigureValue(value))).toEqual([
      1200, 1200, 4.5, 4.5, -3,
    ]);
    expect(() => parseFigureValue('2,047')).toThrow(/ambiguous/);
    expect(() => parseFigureValue('many')).toThrow(/not a number/);
  });

  it('checks ids and file names, and makes ids unique', () => {
    expect(checkId('hopital-a', '--id')).toBe('hopital-a');
    expect(() => checkId('Hôpital A', '--id')).toThrow('--id "Hôpital A" is not a valid id');
    expect(checkFileName('alliance.yaml')).toBe('alliance.yaml');
    expect(checkFileName('alliance')).toBe('alliance.yaml');
    expect(() => checkFileName('../x')).toThrow(/not a file name/);
    const taken = new Set(['a', 'a-2']);
    expect(uniqueId('a', (id) => taken.has(id))).toBe('a-3');
    expect(uniqueId('b', (id) => taken.has(id))).toBe('b');
  });

  it('orders fields as the data model does, and the lists match the schemas', () => {
    expect(Object.keys(orderedItem({ source: 's', org: 'o', note: undefined, role: 'r' }, MEMBER_FIELDS))).toEqual([
      'org',
      'role',
      'source',
    ]);
    expect(ORGANISATION_FIELDS).toEqual(Object.keys(organisationSchema.shape));
    expect(PROGRAMME_FIELDS).toEqual(Object.keys(programmeSchema.shape));
    expect(MEMBER_FIELDS).toEqual(Object.keys(memberSchema.shape));
    expect(FIGURE_FIELDS).toEqual(Object.keys(figureSchema.shape));
    expect(FUNDING_FIELDS).toEqual(Object.keys(fundingLineSchema.shape));
    expect(EVENT_FIELDS).toEqual(Object.keys(eventSchema.shape));
    expect(OWNER_FIELDS).toEqual(Object.keys(ownerSchema.shape));
    expect(FORMER_NAME_FIELDS).toEqual(Object.keys(formerNameSchema.shape));
    expect(MILESTONE_FIELDS).toEqual(Object.keys(milestoneSchema.shape));
  });
});
