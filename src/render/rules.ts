import type { Rule } from '../core/rules.js';
import { renderCsv, renderTsv } from './delimited.js';
import { renderJson } from './json.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';
import { wrap } from './wrap.js';

export const RULE_LIST_FORMATS = ['table', 'tsv', 'csv', 'json', 'markdown'] as const;
export type RuleListFormat = (typeof RULE_LIST_FORMATS)[number];

const EXPLANATION_WIDTH = 80;

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n');

/**
 * One rule as `rustc --explain` shows an error code: what it is, why coop checks it, what coop
 * says, then a bad and a good example. Plain text: it reads the same in a pipe and a pager.
 */
export function renderRuleExplanation(rule: Rule): string {
  const said = `file:line:column: ${rule.severity}: ${rule.exampleMessage} [${rule.id}]${rule.exampleHint ? `\n  hint: ${rule.exampleHint}` : ''}`;
  return [
    `${rule.id}: ${rule.title}`,
    `severity: ${rule.severity}`,
    '',
    wrap(rule.explanation, EXPLANATION_WIDTH).join('\n'),
    '',
    'coop validate says, for example:',
    '',
    indent(said, '    '),
    '',
    'Bad:',
    '',
    indent(rule.bad, '    '),
    '',
    'Good:',
    '',
    indent(rule.good, '    '),
    '',
  ].join('\n');
}

const HEADER = ['rule', 'severity', 'title'];
const rowsOf = (rules: readonly Rule[]) => rules.map((rule) => [rule.id, rule.severity, rule.title]);

/**
 * Every rule on one line: a table on a terminal, TSV or CSV in a pipe, JSON (with the explanations)
 * for tools, Markdown for the README.
 */
export function renderRuleList(
  rules: readonly Rule[],
  format: RuleListFormat,
  table: { width: number; paint: Style } | undefined = undefined,
): string {
  switch (format) {
    case 'json':
      return renderJson(rules);
    case 'tsv':
      return renderTsv(HEADER, rowsOf(rules));
    case 'csv':
      return renderCsv(HEADER, rowsOf(rules));
    case 'markdown':
      return renderRulesMarkdown(rules);
    case 'table':
      // Without a terminal's width and style, the same rows as in a pipe.
      return table
        ? renderTable(HEADER, rowsOf(rules), { width: table.width, paint: table.paint, whole: [0] })
        : renderTsv(HEADER, rowsOf(rules));
  }
}

/** The README's table of rules (between its rules:start and rules:end markers). */
export function renderRulesMarkdown(rules: readonly Rule[]): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const lines = [
    '| Rule | Severity | What it reports |',
    '| --- | --- | --- |',
    ...rules.map((rule) => `| \`${rule.id}\` | ${rule.severity} | ${cell(rule.title)} |`),
  ];
  return `${lines.join('\n')}\n`;
}
