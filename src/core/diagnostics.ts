/** Every rule coop checks, with a stable id: scripts and CI match on these, so never rename one. */
export const RULES = {
  // reading files
  'file-unreadable': 'a file or folder cannot be read',
  'file-too-large': 'a file is over the size cap',
  'bad-encoding': 'a file is not valid UTF-8 text',
  'control-character': 'a control character YAML forbids (NUL, escape, bell, ...)',
  'yaml-syntax': 'YAML that does not parse',
  'duplicate-key': 'the same key twice in one map',
  'front-matter': 'an article without a proper YAML front matter block',
  'unexpected-file': 'a file outside the layout of data/',
  // one record's shape
  'unknown-field': 'a field the data model does not have',
  'missing-field': 'a required field left out',
  'wrong-type': 'a value of the wrong type (text, number, list, map)',
  'empty-value': 'an empty text where one is required',
  'bad-enum': 'a value outside its closed list (kind, role, stage, ...)',
  'bad-id': 'an id that is not a kebab-case ASCII slug',
  'bad-date': 'a date that is not valid EDTF, or does not exist',
  'bad-amount': 'an amount that is not a whole, non-negative number, or a bad currency',
  'bad-identifier': 'a SIREN, SIRET, FINESS, RNA or Wikidata id with a wrong format or check digit',
  'bad-url': 'a website that is not an http(s) URL',
  // the base as a whole
  'duplicate-id': 'the same id for two records',
  'id-mismatch': 'an id field that differs from the file name',
  'unknown-reference': 'a reference to a record that does not exist, or is of another type',
  'reference-cycle': 'a parent chain that loops back on itself',
  'unknown-geography': 'a region, department or city that does not exist',
  'department-outside-region': 'a department that is not in the region given',
  'city-outside-department': 'a city that is not in the department given',
  'date-order': 'an end before its start (until before since, dissolved before founded)',
  'duplicate-member': 'the same membership claim twice',
  'uncited-article': 'an article that no record cites',
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path of the file relative to the data folder, with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: RuleId;
  message: string;
  hint?: string;
  /** Another place the problem involves (where a duplicated id was first defined). */
  related?: { file: string; line: number; column: number };
}

export interface DiagnosticCounts {
  errors: number;
  warnings: number;
  files: number;
}

export function countDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticCounts {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings, files: new Set(diagnostics.map((d) => d.file)).size };
}

/** File order, then position, so that a report reads top to bottom. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}
