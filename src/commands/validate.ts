import { countDiagnostics } from '../core/diagnostics.js';
import { type CommandInput, defineCommand } from '../command.js';
import { allRules, isRuleId, RULE_IDS, ruleInfo } from '../core/rules.js';
import { didYouMean } from '../core/text.js';
import type { IO } from '../io.js';
import {
  DIAGNOSTIC_COLUMNS,
  diagnosticRows,
  hintText,
  renderDiagnostics,
  renderSummary,
} from '../render/diagnostics.js';
import { renderCsv, renderTsv } from '../render/delimited.js';
import { renderJson } from '../render/json.js';
import { renderRuleExplanation, renderRuleList, RULE_LIST_FORMATS, type RuleListFormat } from '../render/rules.js';
import { loadStyle } from '../render/style.js';
import { openBase, UsageError, type GlobalOptions } from '../app/context.js';

type ValidateOptions = CommandInput<typeof validateOptions>;

async function validateCommand(options: ValidateOptions, io: IO, bundledData: string): Promise<number> {
  // Diagnostics read best as compiler lines, on a terminal and in a pipe; tables are not for them.
  const format = options.json ? 'json' : (options.format ?? 'text');
  // `table` is accepted as a synonym of text: tables are not for diagnostics.
  if (!['text', 'table', 'json', 'tsv', 'csv'].includes(format))
    throw new UsageError(`unknown format "${format}"`, 'use one of: text, json, tsv, csv');
  const { counts: size, diagnostics, displayPath } = await openBase(options, io, bundledData);
  const counts = countDiagnostics(diagnostics);
  const failed = counts.errors > 0 || (options.strict === true && counts.warnings > 0);

  if (format === 'json') {
    const shown = diagnostics.map((d) => {
      const { related, ...rest } = d;
      const hint = hintText(d, displayPath);
      return {
        ...rest,
        file: displayPath(d.file),
        ...(hint ? { hint } : {}),
        ...(related ? { related: { ...related, file: displayPath(related.file) } } : {}),
      };
    });
    io.out(
      renderJson({
        valid: !failed,
        errors: counts.errors,
        warnings: counts.warnings,
        files_with_problems: counts.files,
        records: size,
        diagnostics: shown,
      }),
    );
  } else if (format === 'tsv' || format === 'csv') {
    const render = format === 'tsv' ? renderTsv : renderCsv;
    io.out(render(DIAGNOSTIC_COLUMNS, diagnosticRows(diagnostics, displayPath)));
  } else {
    const paint = await loadStyle(io.color);
    io.out(renderDiagnostics(diagnostics, displayPath, paint));
    io.out(renderSummary(counts, size, paint, options.strict === true));
  }
  return failed ? 1 : 0;
}

/** `coop validate --explain <rule>`: one rule, its explanation and examples (JSON with --json). */
export function explainRule(ruleId: string, options: GlobalOptions, io: IO): number {
  if (!isRuleId(ruleId)) {
    throw new UsageError(
      `unknown rule "${ruleId}"`,
      didYouMean(ruleId, RULE_IDS) ?? 'coop validate --rules lists them',
    );
  }
  const rule = ruleInfo(ruleId);
  io.out(options.json || options.format === 'json' ? renderJson(rule) : renderRuleExplanation(rule));
  return 0;
}

/** `coop validate --rules`: every rule with its severity and title; a table on a terminal. */
export async function listRules(options: GlobalOptions, io: IO): Promise<number> {
  const format = (options.json ? 'json' : (options.format ?? (io.isTTY ? 'table' : 'tsv'))) as RuleListFormat;
  if (!RULE_LIST_FORMATS.includes(format))
    throw new UsageError(`unknown format "${format}"`, `use one of: ${RULE_LIST_FORMATS.join(', ')}`);
  const table = format === 'table' ? { width: io.columns, paint: await loadStyle(io.color) } : undefined;
  io.out(renderRuleList(allRules(), format, table));
  return 0;
}

const validateOptions = {
  strict: { description: 'treat warnings as errors' },
  explain: { value: '<rule>', description: 'explain one rule, with a bad and a good example, instead of validating' },
  rules: { description: 'list every rule: id, severity, title' },
} as const;

export const command = defineCommand({
  name: 'validate',
  summary: 'check the whole base: every problem at its file, line and column',
  options: validateOptions,
  details: `Checks every file of the base in one pass and reports each problem at its file, line and column,
with a stable rule id and a hint where one helps.

Exit code: 0 when the base is valid (warnings allowed), 1 when it has errors (or, with --strict,
warnings), 2 when the data folder cannot be read.`,
  examples: [
    { command: 'coop validate', comment: 'check the bundled data/' },
    { command: 'coop validate --data ~/veille/data', comment: 'check another base (or set COOP_DATA)' },
    { command: 'coop validate --strict', comment: 'fail on warnings too (for CI)' },
    { command: 'coop validate --format json', comment: 'one JSON object: counts and every diagnostic' },
    { command: 'coop validate --format tsv | cut -f5 | sort | uniq -c', comment: 'problems by rule' },
    { command: 'coop validate --rules', comment: 'every rule, with its id' },
    { command: 'coop validate --explain unknown-reference', comment: 'what a rule means, with examples' },
  ],
  run: (options, { io, bundledData }) => {
    if (options.explain !== undefined) return Promise.resolve(explainRule(options.explain, options, io));
    if (options.rules) return listRules(options, io);
    return validateCommand(options, io, bundledData);
  },
});
