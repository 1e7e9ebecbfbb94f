import type { Diagnostic } from './diagnostics.js';
import type { IdentifierProblem } from './identifiers.js';
import type { MoneyProblem } from './money.js';
import { slugify } from './text.js';

/**
 * The catalogue of every rule coop checks: its id, severity, title, what it says and hints, and an
 * explanation with a bad and a good example. Diagnostics are made only by `diagnostic()` below, so
 * a message can be reworded in one place, and `coop validate --explain`, the README's rule table
 * and the JSON Schema descriptions cannot drift from what validate prints.
 *
 * Ids are stable: scripts and CI match on them, so never rename one.
 */

export type Severity = 'error' | 'warning';

export interface RuleDefinition<P> {
  severity: Severity;
  /** One line, lower case, no final period: the rule table and `--rules` show it. */
  title: string;
  /** The message of a diagnostic, from the parameters its maker passes. */
  message: (params: P) => string;
  hint?: (params: P) => string | undefined;
  /** Parameters for the bad example: `--explain` shows the message they make. */
  example: P;
  explanation: string;
  bad: string;
  good: string;
}

const rule = <P>(definition: RuleDefinition<P>): RuleDefinition<P> => definition;

/** What is wrong with an amount or a figure: `word` is the field's name (amount, value). */
function quantityMessage(p: MoneyProblem, word: 'amount' | 'value'): string {
  switch (p.problem) {
    case 'amount-and-range':
      return `give either ${word} or ${word}_min and ${word}_max, not both`;
    case 'no-amount':
      return `missing ${word}: give ${word}, or ${word}_min and ${word}_max for a range`;
    case 'half-range':
      return `a range needs both bounds: ${p.missing} is missing`;
    case 'range-order':
      return `${p.field}_min (${p.min}) must be below ${p.field}_max (${p.max})`;
    case 'qualifiers':
      return `${p.fields.join(' and ')} contradict each other`;
    case 'qualified-range':
      return `${p.field} does not apply to a range: its bounds already say it`;
    case 'one-off-per-year':
      return 'an amount per year is not one-off: per and recurrence contradict each other';
  }
}

/** What a value is, in words: the maker describes it (`the text "HA"`, `a list`). */
type Found = { found: string };

/**
 * What a right value is, in the words of the rule that checks it: the JSON Schema descriptions
 * editors show as people type (coop schema) say the same as the diagnostics.
 */
const KEBAB_CASE_ID = 'a kebab-case id: lower-case ASCII letters, digits and single hyphens';
export const EXPECTED = {
  id: KEBAB_CASE_ID,
  date: 'an EDTF date: 2017-09-13, 2017-09, 2018, 2012-12~ (approximately), 2015? (uncertain), 2017-09/2019-03 (between)',
  url: 'a full http(s) address, starting with https://',
  amount: 'a whole, non-negative number of currency units: 10600000 for 10.6 M€',
  currency: 'a three-letter ISO 4217 code (EUR)',
  communeCode:
    'the INSEE code of a commune (code officiel géographique, not the postal code): "01053" for Bourg-en-Bresse',
  /** A field naming another record, which must exist with that type (unknown-reference). */
  reference: (recordName: string) => `the id of ${recordName} of the base, ${KEBAB_CASE_ID}`,
  /** A key of field_sources or disputed (unknown-sourced-field). */
  sourcedField:
    'the name of a field this record has (city, kind, founded...); not members, figures or budget, whose items name their own source',
  fieldSources:
    'which articles state each field: field name -> a list of article ids, or "common-knowledge" when the value comes from general knowledge (the kind of a CHU, the region of a department), not from an article; a field without an entry is backed by the record\'s sources',
  disputed:
    'other values other articles give for a field: field name -> a list of { value, sources, note }; the field itself keeps the value the base retains',
  disputedValue: 'the value another article gives for this field',
  localText:
    "our own words, as text in the base's language (language: in coop.yaml, French by default), or one version per language: { fr: ..., en: ... }",
} as const;

const EXPECTED_SIZE_HINT = 'no record needs 1 MiB: split a long list of funding lines or events into several files';
const TOO_DEEP_HINT = 'no record of the data model is this deep';
const YAML_FRONT_MATTER_HINT = 'articles start with a YAML block between two "---" lines';
const OPEN_FRONT_MATTER_HINT = 'put "---" on the first line, the fields, then "---"';

export const RULE_CATALOGUE = {
  // reading files
  'file-unreadable': rule<{ what: 'folder' | 'file' | 'entry'; code: string } | { what: 'outside-link' }>({
    severity: 'error',
    title: 'a file or folder cannot be read',
    message: (p) =>
      p.what === 'outside-link'
        ? 'symbolic link points outside the data folder: not followed'
        : `${p.what === 'folder' ? 'folder ' : p.what === 'file' ? 'file ' : ''}cannot be read (${p.code})`,
    example: { what: 'file', code: 'EACCES' },
    explanation:
      'coop reads every file under the data folder. A file or folder it may not read (permissions), or a symbolic link that leads outside the data folder, is reported and skipped: a link out of data/ could make coop read files nobody meant to publish.',
    bad: '# data/organisations/hopital-a.yaml -> /home/me/notes.yaml (a link outside data/)',
    good: '# data/organisations/hopital-a.yaml: a regular file, readable, inside data/\nname: Hôpital A\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
  }),
  'file-too-large': rule<{ size?: number; cap: number }>({
    severity: 'error',
    title: 'a file is over the size cap',
    message: (p) =>
      p.size === undefined
        ? `file is over the ${p.cap}-byte cap`
        : `file is ${p.size} bytes, over the ${p.cap}-byte cap`,
    hint: () => EXPECTED_SIZE_HINT,
    example: { size: 2097152, cap: 1048576 },
    explanation:
      'A data file may hold at most 1 MiB. No record needs that much, and the cap keeps a mistaken or hostile file (a log pasted in, a generated list) from slowing every run. Split long lists of funding lines or events into several files.',
    bad: '# data/funding/all.yaml: 2 MiB, every funding line of every year\n- id: line-1\n  # ... 20,000 more',
    good: '# data/funding/2019.yaml, data/funding/2020.yaml ...: one file a year\n- id: line-1\n  # ...',
  }),
  'bad-encoding': rule<{ byte: string }>({
    severity: 'error',
    title: 'a file is not valid UTF-8 text',
    message: (p) => `invalid UTF-8: byte 0x${p.byte} is not part of a character`,
    hint: () => 'save the file as UTF-8 (it may be Latin-1 or Windows-1252)',
    example: { byte: 'E9' },
    explanation:
      'Data files are UTF-8. A byte that is not part of a UTF-8 character usually means the file was saved as Latin-1 or Windows-1252, where "é" is the single byte 0xE9. coop refuses to guess: the position points at the first such byte.',
    bad: '# saved as Latin-1: "é" is the byte 0xE9\ndescription: Cr\\xE9ation du groupement',
    good: '# saved as UTF-8\ndescription: Création du groupement',
  }),
  'control-character': rule<{ code: string }>({
    severity: 'error',
    title: 'a control character YAML forbids (NUL, escape, bell, ...)',
    message: (p) => `control character U+${p.code} is not allowed in a data file`,
    hint: () => 'YAML forbids control characters: remove it, or write it as an escape inside double quotes',
    example: { code: '001B' },
    explanation:
      'YAML forbids most control characters (NUL, escape, bell, DEL, the C1 controls), and one that reached a terminal could drive it. They usually come from a copy and paste; remove them, or write them as an escape inside double quotes.',
    bad: 'name: Hôpital \\x1B[31mA   # a raw escape character (U+001B) pasted in',
    good: 'name: Hôpital A',
  }),
  'yaml-syntax': rule<
    | { problem: 'parser'; text: string; tab: boolean }
    | { problem: 'too-deep'; what: 'nesting' | 'indentation'; limit: number }
    | { problem: 'unreadable-depth' }
    | { problem: 'several-documents' }
    | { problem: 'unclosed'; opener: string; closer: string }
    | { problem: 'unknown-alias'; alias: string }
    | { problem: 'too-many-aliases' }
    | { problem: 'collection-key' }
  >({
    severity: 'error',
    title: 'YAML that does not parse',
    message: (p) => {
      switch (p.problem) {
        case 'parser':
          return p.text;
        case 'too-deep':
          return p.what === 'nesting'
            ? `nesting deeper than ${p.limit} levels`
            : `indentation deeper than ${p.limit} columns`;
        case 'unreadable-depth':
          return 'nesting too deep to read';
        case 'several-documents':
          return 'a data file holds one YAML document, not several';
        case 'unclosed':
          return `this ${p.opener} is never closed`;
        case 'unknown-alias':
          return `alias *${p.alias} refers to no anchor`;
        case 'too-many-aliases':
          return 'too many aliases: the document expands beyond reason';
        case 'collection-key':
          return 'a key must be text, not a list or a map';
      }
    },
    hint: (p) => {
      switch (p.problem) {
        case 'parser':
          return p.tab ? 'YAML indents with spaces, never tabs' : undefined;
        case 'too-deep':
        case 'unreadable-depth':
          return TOO_DEEP_HINT;
        case 'several-documents':
          return 'remove the "---" separator or split the file';
        case 'unclosed':
          return `close it with ${p.closer}`;
        case 'unknown-alias':
          return `define &${p.alias} before using it`;
        case 'too-many-aliases':
          return 'data files need no aliases';
        case 'collection-key':
          return 'write the key as a plain word';
      }
    },
    example: { problem: 'unclosed', opener: '[', closer: ']' },
    explanation:
      'The file is not YAML that coop can read: an unclosed bracket or quote, a tab used for indentation, several documents in one file, an alias without its anchor, or nesting deeper than any record needs. The position points at what needs fixing (the opening bracket, not the end of the file where the parser noticed).',
    bad: 'name: Hôpital A\nkind: hospital\nsources: [gazette-2020-01-15-alliance',
    good: 'name: Hôpital A\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
  }),
  'duplicate-key': rule<Record<string, never>>({
    severity: 'error',
    title: 'the same key twice in one map',
    message: () => 'this key appears twice in the same map',
    hint: () => 'keep one of the two',
    example: {},
    explanation:
      'YAML parsers disagree on a key written twice: most keep the last value silently. coop refuses the file, so that no value is lost without anyone noticing.',
    bad: 'name: Hôpital A\nkind: hospital\nkind: clinic\nsources: [gazette-2020-01-15-alliance]',
    good: 'name: Hôpital A\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
  }),
  'front-matter': rule<
    { problem: 'refused-language'; language: string } | { problem: 'no-opening' | 'never-closed' | 'unreadable' }
  >({
    severity: 'error',
    title: 'an article without a proper YAML front matter block',
    message: (p) => {
      switch (p.problem) {
        case 'refused-language':
          return `front matter in ${p.language} is refused`;
        case 'no-opening':
          return 'an article must start with a YAML front matter block';
        case 'never-closed':
          return 'the front matter block is never closed';
        case 'unreadable':
          return 'the front matter cannot be read';
      }
    },
    hint: (p) =>
      p.problem === 'refused-language'
        ? YAML_FRONT_MATTER_HINT
        : p.problem === 'never-closed'
          ? 'end it with a line holding only "---"'
          : OPEN_FRONT_MATTER_HINT,
    example: { problem: 'never-closed' },
    explanation:
      'An article (data/articles/<id>.md) starts with its fields in a YAML block between two "---" lines, then its text in Markdown. Front matter in another language (---js, ---toml...) is refused: JavaScript front matter would run code.',
    bad: "---\ntitle: L'Alliance hospitalière est créée\ndate: 2020-01-15\n\nLe texte de l'article...",
    good: "---\ntitle: L'Alliance hospitalière est créée\ndate: 2020-01-15\n---\n\nLe texte de l'article...",
  }),
  'unexpected-file': rule<
    | { problem: 'outside-layout'; expected: { extensions: readonly string[] } | { folders: readonly string[] } }
    | { problem: 'not-regular' | 'too-deep' }
    | { problem: 'linked-folder'; into: string }
    | { problem: 'unknown-folder'; name: string; folders: readonly string[] }
  >({
    severity: 'warning',
    title: 'a file outside the layout of data/',
    message: (p) => {
      switch (p.problem) {
        case 'outside-layout':
          return 'file is not part of the data layout: not read';
        case 'not-regular':
          return 'not a regular file: not read';
        case 'too-deep':
          return 'folder nested too deep: not read';
        case 'linked-folder':
          return `folder links into ${p.into}/: not read here`;
        case 'unknown-folder':
          return `folder "${p.name}" is not part of the data layout: not read`;
      }
    },
    hint: (p) => {
      if (p.problem === 'unknown-folder') return `data/ holds ${p.folders.join(', ')}`;
      if (p.problem !== 'outside-layout') return undefined;
      const expected =
        'extensions' in p.expected
          ? `${p.expected.extensions.join(' or ')} files`
          : `only the folders ${p.expected.folders.join(', ')}`;
      return `here data/ expects ${expected}`;
    },
    example: {
      problem: 'outside-layout',
      expected: { folders: ['organisations', 'programmes', 'funding', 'events', 'articles'] },
    },
    explanation:
      'data/ holds five folders: organisations and programmes (.yaml, one record a file), funding and events (.yaml, lists), articles (.md). Anything else is not read, and said so, so that a misplaced record does not silently vanish from the base. A warning: `--strict` makes it fail.',
    bad: '# data/hopital-a.yaml: at the top of data/, not in organisations/\nname: Hôpital A',
    good: '# data/organisations/hopital-a.yaml\nname: Hôpital A',
  }),
  // one record's shape
  'unknown-field': rule<{ key: string; suggestion?: string; known: readonly string[] }>({
    severity: 'error',
    title: 'a field the data model does not have',
    message: (p) => `unknown field "${p.key}"`,
    hint: (p) => p.suggestion ?? (p.known.length ? `known fields: ${p.known.join(', ')}` : undefined),
    example: { key: 'short-name', suggestion: 'did you mean "short_name"?', known: [] },
    explanation:
      'Every field of the data model is listed in data/README.md; any other is refused rather than ignored, because a misspelt field (short-name for short_name) would otherwise hold a value nothing reads.',
    bad: 'name: Hôpital A\nshort-name: HA\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
    good: 'name: Hôpital A\nshort_name: HA\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
  }),
  'missing-field': rule<{ field: string; minimum?: number }>({
    severity: 'error',
    title: 'a required field left out',
    message: (p) =>
      p.minimum === undefined
        ? `missing required field "${p.field}"`
        : `${p.field} must list at least ${p.minimum} ${p.field === 'sources' || p.field.startsWith('field_sources.') ? 'article' : 'item'}`,
    example: { field: 'name' },
    explanation:
      "Some fields are required: an organisation's name, kind and sources, a member's org, role and source, and so on (data/README.md). A list that must not be empty, like sources, is reported the same way.",
    bad: 'kind: hospital\nsources: [gazette-2020-01-15-alliance]',
    good: 'name: Hôpital A\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
  }),
  'wrong-type': rule<
    | ({ problem: 'not-a-list-file'; kind: 'funding' | 'event' } & Found)
    | ({ problem: 'item-not-a-map'; item: number } & Found)
    | ({ problem: 'record-not-a-map'; recordName: string } & Found)
    | ({ problem: 'field'; field: string; expected: string; quote?: 'list' | 'text' | 'map' } & Found)
    | { problem: 'too-small'; field: string }
    | { problem: 'other'; field: string; text: string }
  >({
    severity: 'error',
    title: 'a value of the wrong type (text, number, list, map)',
    message: (p) => {
      switch (p.problem) {
        case 'not-a-list-file':
          return `${p.kind === 'funding' ? 'a funding' : 'an events'} file holds a list of ${p.kind === 'funding' ? 'funding lines' : 'events'}, not ${p.found}`;
        case 'item-not-a-map':
          return `item ${p.item} must be a map of fields, not ${p.found}`;
        case 'record-not-a-map':
          return `${p.recordName} file holds one map of fields, not ${p.found}`;
        case 'field':
          return `${p.field} must be ${p.expected}, not ${p.found}`;
        case 'too-small':
          return `${p.field} is too small`;
        case 'other':
          return `${p.field}: ${p.text}`;
      }
    },
    hint: (p) => {
      if (p.problem === 'not-a-list-file') return 'start each item with "- id: ..."';
      if (p.problem !== 'field') return undefined;
      if (p.quote === 'list') return 'write a list: one "- item" a line, or [a, b]';
      if (p.quote === 'text') return 'quote it to keep it as text';
      if (p.quote === 'map') return 'this should be a map of fields, not a list';
      return undefined;
    },
    example: { problem: 'field', field: 'aliases', expected: 'a list', found: 'the text "HA"', quote: 'list' },
    explanation:
      'Each field has a type: text, a number, a list, a map of fields. Funding and events files hold a list of records, organisation and programme files one map. An unquoted number where text is expected (a SIREN, a department code) loses its leading zeros: quote it.',
    bad: 'name: Hôpital A\naliases: HA\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
    good: 'name: Hôpital A\naliases: [HA]\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
  }),
  'empty-value': rule<{ field: string }>({
    severity: 'error',
    title: 'an empty text where one is required',
    message: (p) => `${p.field} must not be empty`,
    example: { field: 'short_name' },
    explanation:
      'A text field, when present, holds something: an empty name or note says nothing. Leave the field out instead.',
    bad: 'name: Hôpital A\nshort_name: ""\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
    good: 'name: Hôpital A\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
  }),
  'bad-enum': rule<{ value: unknown; field: string; suggestion?: string; allowed: readonly string[] }>({
    severity: 'error',
    title: 'a value outside its closed list (kind, role, stage, ...)',
    message: (p) => `${JSON.stringify(p.value)} is not a valid ${p.field}`,
    hint: (p) => p.suggestion ?? `one of: ${p.allowed.join(', ')}`,
    example: { value: 'hopital', field: 'kind', suggestion: 'did you mean "hospital"?', allowed: [] },
    explanation:
      'Kinds, sectors, member roles, instruments, stages and event kinds are closed lists (data/README.md, and the enums of `coop schema`): queries filter on them, so a value outside the list would never be found.',
    bad: 'name: Hôpital A\nkind: hopital\nsources: [gazette-2020-01-15-alliance]',
    good: 'name: Hôpital A\nkind: hospital\nsources: [gazette-2020-01-15-alliance]',
  }),
  'renamed-value': rule<{ field: string; value?: string; to: readonly string[] }>({
    severity: 'warning',
    title: 'an old name of a value or field that still works (kind, sector, role, legal form, parent)',
    // No value: the field itself was renamed (parent is now owners).
    message: (p) =>
      p.value === undefined
        ? `the field ${p.field} is now ${p.to.map((v) => `"${v}"`).join(', ')}`
        : p.to.length === 1
          ? `${p.field} "${p.value}" is now "${p.to[0]}"`
          : `${p.field} "${p.value}" is ambiguous: choose among ${p.to.map((v) => `"${v}"`).join(', ')}`,
    hint: (p) =>
      p.to.length === 1
        ? 'coop migrate rewrites the base to the new names'
        : 'the article says which; coop migrate leaves it to you',
    example: { field: 'kind', value: 'nursing-home', to: ['ehpad'] },
    explanation:
      'The field parent is now owners (a list of {org, share, since, until, note, source}). Some values were renamed to the terms the regulations use (nursing-home is ehpad, sector mixed is mixed-membership, legal_form "GCS" is gcs). An old value still works, with this warning naming the new one; `coop migrate` rewrites them all, comments kept. An old value that meant several things (kind home-care: HAD, SSIAD or SAAD; role lead: coordinator, carrier or GHT support) names the values to choose among: migrate leaves it for a person to decide from the article. A warning: `--strict` makes it fail.',
    bad: 'name: Résidence A\nkind: nursing-home\nsector: mixed\nsources: [gazette-2020-01-15-alliance]',
    good: 'name: Résidence A\nkind: ehpad\nsector: mixed-membership\nsources: [gazette-2020-01-15-alliance]',
  }),
  'bad-id': rule<{ problem: string; value: string; fileName?: boolean }>({
    severity: 'error',
    title: 'an id that is not a kebab-case ASCII slug',
    message: (p) => (p.fileName ? `file name: ${p.problem}` : p.problem),
    hint: (p) => {
      const slug = slugify(p.value);
      if (p.fileName)
        return slug
          ? `rename the file to "${slug}" plus its extension: its name is the record id`
          : 'rename the file: its name is the record id';
      return slug && slug !== p.value ? `did you mean "${slug}"?` : undefined;
    },
    example: {
      problem: '"hopital_a" is not a valid id: lower-case ASCII letters, digits and single hyphens (e.g. hopital-foch)',
      value: 'hopital_a',
    },
    explanation:
      'Ids name records in references, on the command line and in file names, so they are kebab-case ASCII slugs: lower-case letters, digits and single hyphens. An organisation, programme or article takes its id from its file name.',
    bad: 'members:\n  - org: hopital_a\n    role: founder\n    source: gazette-2020-01-15-alliance',
    good: 'members:\n  - org: hopital-a\n    role: founder\n    source: gazette-2020-01-15-alliance',
  }),
  'bad-date': rule<({ field: string } & Found) | { problem: string }>({
    severity: 'error',
    title: 'a date that is not valid EDTF, or does not exist',
    message: (p) => ('problem' in p ? p.problem : `${p.field} must be an EDTF date, not ${p.found}`),
    hint: (p) => ('problem' in p ? undefined : 'e.g. 2017-09-13, "2017-09", 2018, "2012-12~"'),
    example: { field: 'since', found: 'the text "janvier 2020"' },
    explanation:
      'Dates are EDTF (Extended Date/Time Format): a day, a month or a year, approximate (~), uncertain (?) or an interval (/), so that a press article\'s "in early 2012" is recorded as what it says. A day must exist: 2019-02-29 does not.',
    bad: 'founded: 29/02/2019\ndissolved: janvier 2020',
    good: 'founded: 2019-02-28\ndissolved: "2020-01"',
  }),
  'bad-amount': rule<
    | ({ field: string } & Found)
    | { problem: 'too-small'; field: string }
    | { problem: 'amount'; amount: number }
    | { problem: 'currency'; currency: string }
  >({
    severity: 'error',
    title: 'an amount that is not a whole, non-negative number, or a bad currency',
    message: (p) => {
      if (!('problem' in p)) return `${p.field} must be a whole number of currency units, not ${p.found}`;
      if (p.problem === 'too-small') return `${p.field} is too small`;
      if (p.problem === 'amount') return `amount ${p.amount} must be a whole, non-negative number of currency units`;
      return `currency "${p.currency}" must be a three-letter ISO 4217 code (EUR)`;
    },
    hint: (p) => ('problem' in p ? undefined : 'write 10600000 for 10.6 M€'),
    example: { field: 'amount', found: 'the text "10,6 M€"' },
    explanation:
      'Amounts are whole numbers of currency units (10600000, not "10,6 M€"), so that they add up; the currency is a three-letter ISO 4217 code, EUR when left out.',
    bad: 'budget:\n  - instrument: grant\n    amount: 10,6 M€\n    currency: euros\n    source: gazette-2020-01-15-alliance',
    good: 'budget:\n  - instrument: grant\n    amount: 10600000\n    currency: EUR\n    source: gazette-2020-01-15-alliance',
  }),
  'amount-form': rule<MoneyProblem>({
    severity: 'error',
    title: 'an amount given twice, not at all, or with contradictory qualifiers',
    message: (p) => quantityMessage(p, 'amount'),
    hint: (p) =>
      p.problem === 'range-order'
        ? 'swap them; for one amount, write amount (with approximate: true if the article says "environ")'
        : p.problem === 'one-off-per-year'
          ? 'drop recurrence: one-off, or per: year, whichever the article says'
          : p.problem === 'amount-and-range' || p.problem === 'qualified-range' || p.problem === 'qualifiers'
            ? 'say no more than the article: "entre 20 et 30 M€" is a range, "plus de 5 M€" is at_least, "jusqu\'à" is upper_bound'
            : undefined,
    example: { problem: 'amount-and-range' },
    explanation:
      'An amount is exactly one of: `amount` (with `approximate: true` for "environ", "près de", `at_least: true` for "plus de", `upper_bound: true` for "jusqu\'à"), or a range `amount_min` below `amount_max` ("entre 20 et 30 M€"). Totals keep the vagueness: they never add an approximate or ranged amount into an exact one. The same holds for `per_recipient_min` and `per_recipient_max`. An amount given `per: year` ("450 000 € par an") is not a one-off one: it cannot also be `recurrence: one-off`.',
    bad: '- id: aide-x\n  programme: programme-test\n  recipient: hopital-a\n  instrument: grant\n  amount: 25000000\n  amount_min: 20000000\n  amount_max: 30000000\n  stage: announced\n  source: gazette-2020-01-15-alliance',
    good: '- id: aide-x\n  programme: programme-test\n  recipient: hopital-a\n  instrument: grant\n  amount_min: 20000000\n  amount_max: 30000000\n  stage: announced\n  source: gazette-2020-01-15-alliance',
  }),
  'figure-form': rule<MoneyProblem>({
    severity: 'error',
    title: 'a figure given twice, not at all, or with contradictory qualifiers',
    message: (p) => quantityMessage(p, 'value'),
    hint: (p) =>
      p.problem === 'range-order'
        ? 'swap them; for one value, write value (with approximate: true if the article says "environ")'
        : 'say no more than the article: "entre 20 et 30" is a range, "plus de 120" is at_least, "jusqu\'à" is upper_bound',
    example: { problem: 'qualifiers', fields: ['at_least', 'upper_bound'] },
    explanation:
      'A figure is exactly one of: `value` (with `approximate: true` for "environ", `at_least: true` for "plus de", `upper_bound: true` for "jusqu\'à"), or a range `value_min` below `value_max` ("entre 20 et 30 professionnels"), as for an amount; `per: year` for a figure given per year.',
    bad: 'figures:\n  - metric: professionals\n    value: 120\n    at_least: true\n    upper_bound: true\n    source: gazette-2020-01-15-alliance',
    good: 'figures:\n  - metric: professionals\n    value: 120\n    at_least: true\n    source: gazette-2020-01-15-alliance',
  }),
  'recipient-form': rule<{ problem: 'named-and-counted' } | { problem: 'per-recipient-named'; field: string }>({
    severity: 'error',
    title: 'a funding line with a named recipient and a count of recipients',
    message: (p) =>
      p.problem === 'named-and-counted'
        ? 'a line goes to one named recipient or to recipients_count unnamed ones, not both'
        : `${p.field} describes unnamed recipients: this line names its recipient`,
    hint: (p) =>
      p.problem === 'named-and-counted'
        ? 'drop recipients_count, or drop recipient and give each named laureate its own line'
        : 'drop it: the amount is what the named recipient receives',
    example: { problem: 'named-and-counted' },
    explanation:
      'A funding line names its `recipient`, or, when the article gives money to a group it does not name ("12 lauréats de l\'appel"), gives `recipients_count` instead, with `per_recipient_min`/`per_recipient_max` when it says what each receives ("de 200 k€ à 2 M€ par projet"). A line with neither goes to the programme or call as a whole.',
    bad: '- id: laureats-appel\n  programme: programme-test\n  recipient: hopital-a\n  recipients_count: 12\n  instrument: grant\n  amount: 5000000\n  stage: awarded\n  source: gazette-2020-01-15-alliance',
    good: "- id: laureats-appel\n  programme: programme-test\n  recipients_count: 12\n  per_recipient_min: 200000\n  per_recipient_max: 2000000\n  instrument: grant\n  amount: 5000000\n  stage: awarded\n  note: lauréats de l'appel\n  source: gazette-2020-01-15-alliance",
  }),
  'bad-identifier': rule<IdentifierProblem>({
    severity: 'error',
    title: 'a SIREN, SIRET, FINESS, RNA or Wikidata id with a wrong format or check digit',
    message: (p) =>
      p.problem === 'format'
        ? `${p.scheme} "${p.value}" must be ${p.expected}`
        : `${p.scheme} "${p.value}" has a wrong check digit`,
    example: { scheme: 'SIREN', value: '775688733', problem: 'check-digit' },
    explanation:
      'Official identifiers are checked: their format, and the check digit of SIREN, SIRET and FINESS numbers, which catches most typing mistakes. Write them as quoted text so that leading zeros stay.',
    bad: 'identifiers:\n  siren: "775688733"',
    good: 'identifiers:\n  siren: "775688732"',
  }),
  'bad-url': rule<{ value: string; parsed: boolean }>({
    severity: 'error',
    title: 'a website that is not an http(s) URL',
    message: (p) => (p.parsed ? `"${p.value}" is not an http(s) URL` : `"${p.value}" is not a URL`),
    hint: () => 'write the full address, starting with https://',
    example: { value: 'www.hopital-a.fr', parsed: false },
    explanation:
      'Websites and article URLs are full http or https addresses, so that a terminal or a browser can open them as they are.',
    bad: 'website: www.hopital-a.fr',
    good: 'website: https://www.hopital-a.fr',
  }),
  // the base as a whole
  'duplicate-id': rule<{ id: string; firstRecord: string }>({
    severity: 'error',
    title: 'the same id for two records',
    message: (p) => `id "${p.id}" is already used by ${p.firstRecord}`,
    // The renderer adds the first definition's place after it.
    hint: () => 'first defined at',
    example: { id: 'alliance-test-founding', firstRecord: 'an event' },
    explanation:
      "An id names one record across the whole base, whatever its type: a programme may not share an organisation's id, nor two events one id. The second record stays out of the base; the hint says where the first is.",
    bad: '# data/events/2020.yaml\n- id: alliance-test-founding\n  # ...\n- id: alliance-test-founding\n  # ...',
    good: '# data/events/2020.yaml\n- id: alliance-test-founding\n  # ...\n- id: alliance-test-first-board\n  # ...',
  }),
  'id-mismatch': rule<{ written: string; nameId: string }>({
    severity: 'error',
    title: 'an id field that differs from the file name',
    message: (p) => `id "${p.written}" differs from the file name "${p.nameId}"`,
    hint: () => 'remove the id field: the file name is the id',
    example: { written: 'hopital-b', nameId: 'hopital-a' },
    explanation:
      'An organisation, programme or article takes its id from its file name; an id field, when written, must agree with it. Leaving it out is simplest.',
    bad: '# data/organisations/hopital-a.yaml\nid: hopital-b\nname: Hôpital A',
    good: '# data/organisations/hopital-a.yaml\nname: Hôpital A',
  }),
  'unknown-reference': rule<{ label: string; target: string; expected: string; actual?: string; suggestion?: string }>({
    severity: 'error',
    title: 'a reference to a record that does not exist, or is of another type',
    message: (p) =>
      p.actual
        ? `${p.label} "${p.target}" is ${p.actual}, not ${p.expected}`
        : `${p.label} "${p.target}" is not ${p.expected}`,
    hint: (p) => p.suggestion,
    example: {
      label: 'member',
      target: 'hopital-fosh',
      expected: 'an organisation',
      suggestion: 'did you mean "hopital-foch"?',
    },
    explanation:
      "A field that names another record (a member's org, a parent, a funder, a source) must name an existing record of the right type: a member is an organisation, a source an article. The hint suggests the closest ids of that type.",
    bad: 'members:\n  - org: hopital-fosh\n    role: founder\n    source: gazette-2020-01-15-alliance',
    good: 'members:\n  - org: hopital-foch\n    role: founder\n    source: gazette-2020-01-15-alliance',
  }),
  'unknown-sourced-field': rule<{
    map: 'field_sources' | 'disputed';
    key: string;
    itemised: boolean;
    suggestion?: string;
    fields: readonly string[];
  }>({
    severity: 'error',
    title: 'field_sources or disputed names a field the record does not have',
    message: (p) =>
      p.itemised
        ? `${p.map} names "${p.key}", whose items each name their own source`
        : `${p.map} names "${p.key}", a field this record does not have`,
    hint: (p) =>
      p.itemised
        ? `give each item of ${p.key} its source, and leave ${p.key} out of ${p.map}`
        : (p.suggestion ?? (p.fields.length ? `fields of this record: ${p.fields.join(', ')}` : undefined)),
    example: { map: 'field_sources', key: 'citty', itemised: false, suggestion: 'did you mean "city"?', fields: [] },
    explanation:
      "field_sources says which articles state a field of the record, and disputed which other values other articles give for it: their keys must be fields the record has, written as in the record. Members, figures and budget lines are left out: each of their items names its own source. A field without an entry in field_sources is backed by the record's sources.",
    bad: 'city: Suresnes\nsources: [gazette-2020-01-15-alliance]\nfield_sources:\n  citty: [journal-2021-06-01-suresnes]',
    good: 'city: Suresnes\nsources: [gazette-2020-01-15-alliance]\nfield_sources:\n  city: [journal-2021-06-01-suresnes]',
  }),
  'reference-cycle': rule<{ noun: string; chain: readonly string[] }>({
    severity: 'error',
    title: 'an owner chain (organisations) or parent chain (programmes) that loops back on itself',
    message: (p) => `${p.noun} ${p.noun === 'organisation' ? 'owners' : 'parents'} loop: ${p.chain.join(' -> ')}`,
    hint: (p) =>
      p.noun === 'organisation'
        ? 'a chain of owners must end at an organisation that no one owns'
        : 'a chain of parents must end at a programme without one',
    example: { noun: 'organisation', chain: ['alliance-test', 'hopital-a', 'alliance-test'] },
    explanation:
      'An organisation may have owners, each of which may have owners, and so on; a programme may have a parent programme, which may have one. Either chain must end. A loop is reported once, on its first record.',
    bad: '# data/organisations/hopital-a.yaml\nowners:\n  - org: hopital-a',
    good: '# data/organisations/hopital-a.yaml\nowners:\n  - org: groupe-sante-plus   # which no one owns',
  }),
  'unknown-geography': rule<
    | { place: 'region'; value: string; slug?: string; suggestion?: string }
    | { place: 'department'; value: string; suggestion?: string }
    | { place: 'city'; value: string; suggestion?: string }
    | { place: 'commune'; value: string }
    | { place: 'epci'; value: string }
  >({
    severity: 'error',
    title: 'a region, department, city, commune or EPCI that does not exist',
    message: (p) =>
      p.place === 'region'
        ? `region "${p.value}" is not an official region slug`
        : p.place === 'department'
          ? `department "${p.value}" does not exist`
          : p.place === 'commune'
            ? `commune "${p.value}" is not the INSEE code of a French commune`
            : p.place === 'epci'
              ? `EPCI "${p.value}" is not the SIREN of an EPCI`
              : `city "${p.value}" is not a French commune`,
    hint: (p) => {
      if (p.place === 'region') return p.slug ? `use the slug "${p.slug}"` : p.suggestion;
      if (p.place === 'department')
        return p.value === '20' ? 'Corsica is "2A" (Corse-du-Sud) or "2B" (Haute-Corse)' : p.suggestion;
      if (p.place === 'commune')
        return 'use the INSEE code (code officiel géographique), not the postal code: "01053" for Bourg-en-Bresse';
      if (p.place === 'epci') return 'use the SIREN of the intercommunality, as listed by the DGCL (BANATIC)';
      return p.suggestion ?? 'use the official commune name (e.g. Rueil-Malmaison)';
    },
    example: { place: 'region', value: 'Île-de-France', slug: 'ile-de-france' },
    explanation:
      'Places are checked against the official geography (INSEE COG): regions by their slug, departments by their code ("2A", "92"), cities by their official commune name, communes (`communes`, a site\'s `commune`) by their INSEE code, EPCI by their SIREN.',
    bad: 'region: Île-de-France\ndepartment: "20"\ncity: Surenes',
    good: 'region: ile-de-france\ndepartment: "92"\ncity: Suresnes',
  }),
  'department-outside-region': rule<{ code: string; name: string; region: string; actualRegion?: string }>({
    severity: 'error',
    title: 'a department that is not in the region given',
    message: (p) => `department ${p.code} (${p.name}) is not in region "${p.region}"`,
    hint: (p) => (p.actualRegion ? `it is in "${p.actualRegion}"` : undefined),
    example: { code: '92', name: 'Hauts-de-Seine', region: 'bretagne', actualRegion: 'ile-de-france' },
    explanation:
      'When both are written, the department must be in the region. The region may be left out: it is derived from the department.',
    bad: 'region: bretagne\ndepartment: "92"',
    good: 'department: "92"   # the region, ile-de-france, follows',
  }),
  'city-outside-department': rule<{
    city: string;
    department?: string;
    region?: string;
    actualDepartments: readonly string[];
  }>({
    severity: 'error',
    title: 'a city that is not in the department given',
    message: (p) =>
      p.department !== undefined
        ? `city "${p.city}" is not in department ${p.department}`
        : `city "${p.city}" is not in region "${p.region}"`,
    hint: (p) => `${p.city} is in department ${p.actualDepartments.join(', ')}`,
    example: { city: 'Suresnes', department: '93', actualDepartments: ['92'] },
    explanation: 'A city must be a commune of the department written (or, with no department, of the region).',
    bad: 'city: Suresnes\ndepartment: "93"',
    good: 'city: Suresnes\ndepartment: "92"',
  }),
  'date-order': rule<
    | { later: 'until'; since: string; until: string }
    | { later: 'dissolved'; founded: string; dissolved: string }
    | { later: 'closes'; opens: string; closes: string }
    | { later: 'period'; from: string; until: string }
  >({
    severity: 'error',
    title: 'an end before its start (until before since, dissolved before founded, closes before opens)',
    message: (p) =>
      p.later === 'until'
        ? `until (${p.until}) is before since (${p.since})`
        : p.later === 'period'
          ? `until (${p.until}) is before from (${p.from})`
          : p.later === 'closes'
            ? `closes (${p.closes}) is before opens (${p.opens})`
            : `dissolved (${p.dissolved}) is before founded (${p.founded})`,
    example: { later: 'until', since: '2020-01', until: '2019-06' },
    explanation:
      'A membership ends after it starts, an organisation is dissolved after it is founded, the years an amount covers (`from`, `until`) run forward. Uncertain and approximate dates are compared generously: only an end certainly before its start is reported.',
    bad: 'members:\n  - org: hopital-a\n    role: member\n    since: 2020-01\n    until: 2019-06\n    source: gazette-2020-01-15-alliance',
    good: 'members:\n  - org: hopital-a\n    role: member\n    since: 2019-06\n    until: 2020-01\n    source: gazette-2020-01-15-alliance',
  }),
  'duplicate-member': rule<{ org: string; role: string }>({
    severity: 'warning',
    title: 'the same membership claim twice',
    message: (p) => `"${p.org}" is listed twice as ${p.role} on the same source`,
    hint: () => 'remove one, or merge their notes',
    example: { org: 'hopital-a', role: 'founder' },
    explanation:
      'A membership claim is an organisation, a role and the article that says so. The same claim twice counts the member twice; two articles making the same claim are two claims and are kept. A warning: `--strict` makes it fail.',
    bad: 'members:\n  - org: hopital-a\n    role: founder\n    source: gazette-2020-01-15-alliance\n  - org: hopital-a\n    role: founder\n    source: gazette-2020-01-15-alliance',
    good: 'members:\n  - org: hopital-a\n    role: founder\n    source: gazette-2020-01-15-alliance',
  }),
  'ght-support': rule<{ ght: string; supports: readonly string[] }>({
    severity: 'error',
    title: 'a GHT with more than one support establishment at a time',
    message: (p) =>
      `GHT "${p.ght}" has ${p.supports.length} support establishments at the same time: ${p.supports.join(', ')}`,
    hint: () => 'a GHT has one établissement support: make the others party, or date the change with since/until',
    example: { ght: 'ght-test', supports: ['ch-a', 'ch-b'] },
    explanation:
      'A groupement hospitalier de territoire has exactly one établissement support (code de la santé publique, L. 6132-1). Two members with role support whose periods overlap cannot both be right. A GHT whose support the articles do not name is not reported: the base records what the articles say.',
    bad: 'kind: ght\nmembers:\n  - org: ch-a\n    role: support\n    source: gazette-2020-01-15-alliance\n  - org: ch-b\n    role: support\n    source: gazette-2020-01-15-alliance',
    good: 'kind: ght\nmembers:\n  - org: ch-a\n    role: support\n    source: gazette-2020-01-15-alliance\n  - org: ch-b\n    role: party\n    source: gazette-2020-01-15-alliance',
  }),
  'ght-single-party': rule<{ org: string; ght: string; other: string }>({
    severity: 'warning',
    title: 'a public hospital party to two GHTs at the same time',
    message: (p) => `"${p.org}" is party to GHT "${p.ght}" while party to GHT "${p.other}"`,
    hint: () =>
      'a public hospital is party to one GHT at a time: date the change with until and since, or make it associated',
    example: { org: 'ch-a', ght: 'ght-nord', other: 'ght-sud' },
    explanation:
      'A public health establishment is party to one groupement hospitalier de territoire at a time (party or support); it may be associated with others (a CHU is associated with the GHTs of its region). Two party claims whose periods overlap are reported on the second GHT. A warning, since the ARS may grant an exemption: `--strict` makes it fail.',
    bad: '# ght-nord.yaml and ght-sud.yaml both list, with no dates\n  - org: ch-a\n    role: party\n    source: gazette-2020-01-15-alliance',
    good: '# ght-nord.yaml\n  - org: ch-a\n    role: party\n    until: 2019-12-31\n    source: gazette-2020-01-15-alliance\n# ght-sud.yaml\n  - org: ch-a\n    role: party\n    since: 2020-01-01\n    source: gazette-2020-01-15-alliance',
  }),
  // --- Restructurings (issue 16, part 3) ---
  'successor-without-dissolved': rule<{ successor: string }>({
    severity: 'warning',
    title: 'a successor named on an organisation that is not dissolved',
    message: (p) => `successor "${p.successor}" is named, but the organisation has no dissolved date`,
    hint: () => 'give dissolved (as precise as the article: 2025 if it says only the year), or remove successor',
    example: { successor: 'ch-valbrune-saint-aubin' },
    explanation:
      'A successor is the organisation that took over when this one ceased to exist (an absorbed hospital, the members of a merger). Without a dissolved date, the record still reads as a living structure, and its history cannot say when it ended. A warning, since an article may name the successor before the date: `--strict` makes it fail.',
    bad: 'name: Hôpital local de Saint-Aubin\nkind: hospital\nsuccessor: ch-valbrune\nsources: [gazette-2020-01-15-alliance]',
    good: 'name: Hôpital local de Saint-Aubin\nkind: hospital\ndissolved: 2025-01-01\nsuccessor: ch-valbrune\nsources: [gazette-2020-01-15-alliance]',
  }),
  'uncited-article': rule<{ id: string }>({
    severity: 'warning',
    title: 'an article that no record cites',
    message: (p) => `article "${p.id}" is cited by no record`,
    hint: () => 'record its facts, citing it in source or sources',
    example: { id: 'gazette-2021-03-02-fusion' },
    explanation:
      'Articles are the sources of the facts: an article nobody cites is a fact nobody recorded. Record what it says, citing it in a source or sources field. A warning: `--strict` makes it fail.',
    bad: '# data/articles/gazette-2021-03-02-fusion.md, and no record with\nsources: [gazette-2021-03-02-fusion]',
    good: '# data/organisations/hopital-a.yaml\nsources: [gazette-2020-01-15-alliance, gazette-2021-03-02-fusion]',
  }),
};

export type RuleId = keyof typeof RULE_CATALOGUE;
export type RuleParams<R extends RuleId> = (typeof RULE_CATALOGUE)[R] extends RuleDefinition<infer P> ? P : never;

/** The rules in catalogue order (reading files, one record's shape, the base as a whole). */
export const RULE_IDS = Object.keys(RULE_CATALOGUE) as RuleId[];

/** Every rule id and its title. */
export const RULES = Object.fromEntries(RULE_IDS.map((id) => [id, RULE_CATALOGUE[id].title])) as Record<RuleId, string>;

export interface Rule {
  id: RuleId;
  severity: Severity;
  title: string;
  explanation: string;
  bad: string;
  good: string;
  /** What the bad example makes coop say. */
  exampleMessage: string;
  exampleHint?: string;
}

export function isRuleId(id: string): id is RuleId {
  return Object.hasOwn(RULE_CATALOGUE, id);
}

/** A rule as documentation shows it. */
export function ruleInfo(id: RuleId): Rule {
  const definition = RULE_CATALOGUE[id] as RuleDefinition<unknown>;
  const exampleHint = definition.hint?.(definition.example);
  return {
    id,
    severity: definition.severity,
    title: definition.title,
    explanation: definition.explanation,
    bad: definition.bad,
    good: definition.good,
    exampleMessage: definition.message(definition.example),
    ...(exampleHint ? { exampleHint } : {}),
  };
}

export function allRules(): Rule[] {
  return RULE_IDS.map(ruleInfo);
}

interface Place {
  file: string;
  line: number;
  column: number;
}

/** The one way a diagnostic is made: message, hint and severity come from the rule's entry. */
export function diagnostic<R extends RuleId>(id: R, params: RuleParams<R>, place: Place, related?: Place): Diagnostic {
  const definition = RULE_CATALOGUE[id] as unknown as RuleDefinition<RuleParams<R>>;
  const hint = definition.hint?.(params);
  return {
    file: place.file,
    line: place.line,
    column: place.column,
    severity: definition.severity,
    rule: id,
    message: definition.message(params),
    ...(hint ? { hint } : {}),
    ...(related ? { related } : {}),
  };
}
