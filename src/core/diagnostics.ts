import type { RuleId, Severity } from './rules.js';

// The rules themselves, their texts and the one maker of diagnostics live in rules.ts.
export { RULES, type RuleId, type Severity } from './rules.js';

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
