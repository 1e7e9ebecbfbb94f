import type { Diagnostic, DiagnosticCounts } from '../core/diagnostics.js';
import { plural } from '../core/text.js';
import { safeLine } from './sanitize.js';
import type { Style } from './style.js';

interface BaseSize {
  organisations: number;
  programmes: number;
  funding: number;
  events: number;
  articles: number;
  people: number;
  agreements: number;
}

/** The hint as a person reads it, with the related place shown the same way as the diagnostic's. */
export function hintText(d: Diagnostic, displayPath: (file: string) => string): string | undefined {
  if (!d.related) return d.hint;
  return `${d.hint ?? 'see'} ${displayPath(d.related.file)}:${d.related.line}:${d.related.column}`;
}

/** `file:line:col: severity: message [rule]` then an indented hint: the format editors and CI parse. */
export function renderDiagnostics(
  diagnostics: readonly Diagnostic[],
  displayPath: (file: string) => string,
  paint: Style,
): string {
  return diagnostics
    .map((d) => {
      const severity = d.severity === 'error' ? paint.red.bold('error') : paint.yellow.bold('warning');
      const head = `${paint.bold(`${safeLine(displayPath(d.file))}:${d.line}:${d.column}`)}: ${severity}: ${safeLine(d.message)} ${paint.dim(`[${d.rule}]`)}`;
      const hint = hintText(d, displayPath);
      return hint ? `${head}\n  ${paint.cyan('hint:')} ${safeLine(hint)}\n` : `${head}\n`;
    })
    .join('');
}

export function renderSummary(counts: DiagnosticCounts, size: BaseSize, paint: Style, strict = false): string {
  const held = `${plural(size.organisations, 'organisation')}, ${plural(size.programmes, 'programme')}, ${plural(size.funding, 'funding line')}, ${plural(size.events, 'event')}, ${plural(size.articles, 'article')}${size.people > 0 ? `, ${size.people} ${size.people === 1 ? 'person' : 'people'}` : ''}${size.agreements > 0 ? `, ${plural(size.agreements, 'agreement')}` : ''}`;
  if (counts.errors === 0 && counts.warnings === 0) return `${paint.green('✔')} no problems: ${held}\n`;
  const mark = counts.errors > 0 ? paint.red('✖') : paint.yellow('⚠');
  const strictNote = strict && counts.errors === 0 ? ' (--strict: warnings fail)' : '';
  return `${mark} ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')} in ${plural(counts.files, 'file')}${strictNote} (${held} loaded)\n`;
}

export function diagnosticRows(diagnostics: readonly Diagnostic[], displayPath: (file: string) => string): string[][] {
  return diagnostics.map((d) => [
    displayPath(d.file),
    String(d.line),
    String(d.column),
    d.severity,
    d.rule,
    d.message,
    hintText(d, displayPath) ?? '',
  ]);
}

export const DIAGNOSTIC_COLUMNS = ['file', 'line', 'column', 'severity', 'rule', 'message', 'hint'];
