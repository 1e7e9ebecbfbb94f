import type { Diagnostic } from '../core/diagnostics.js';
import { kindOfPath } from '../load/files.js';
import { type Change, type EditContext, newProblems } from './apply-changes.js';

/**
 * Every place of the base that names record `id`: the references the validator would find broken
 * if `without` (the record's file removed, or its item taken out of its list file) were made. The
 * validator's own notion of a reference, so a reference field added to the data model is found
 * without a change here. Each comes with its file, line and column, and what names it ("member").
 */
export async function referencesTo(context: EditContext, id: string, without: Change): Promise<Diagnostic[]> {
  const { buildWithChanges } = await import('./cold-build.js');
  const kind = kindOfPath(without.path)!;
  const after = await buildWithChanges(
    context.files,
    new Map([[without.path, 'remove' in without ? null : { kind, text: without.text }]]),
  );
  return newProblems(context.diagnostics, after.diagnostics).filter(
    (d) => d.rule === 'unknown-reference' && d.message.includes(`"${id}"`),
  );
}

/** "data/organisations/x.yaml:12: member", one a line. */
export function describeReferences(context: EditContext, references: readonly Diagnostic[]): string {
  return references
    .map((d) => `${context.displayPath(d.file)}:${d.line}: ${d.message.slice(0, d.message.indexOf(' "'))}\n`)
    .join('');
}
