import { join } from 'node:path';
import { countDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import { diagnostic } from '../core/rules.js';
import { defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { kindOfPath } from '../load/files.js';
import { readEditable } from '../load/write.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { safeLine, safeText } from '../render/sanitize.js';
import { loadStyle } from '../render/style.js';
import { unifiedDiff } from '../render/diff.js';
import { migrateText, type Migrated } from '../edit/rename-values.js';
import { applyChanges } from '../app/apply-changes.js';
import { openBase, type GlobalOptions } from '../app/context.js';
import { RefusedError } from '../errors.js';

interface MigrateOptions extends GlobalOptions {
  dryRun?: boolean;
}

/**
 * Rewrites every file that uses an old name (renamed-value) to the new one. Each file is one change
 * through applyChanges, so each is written under the write lock, checked with the whole base and
 * atomic; the files are done one after another, each independent of the others. Ambiguous old
 * values are listed for a person to choose, never guessed.
 */
async function migrateCommand(options: MigrateOptions, io: IO, bundledData: string): Promise<number> {
  const opened = await openBase(options, io, bundledData);
  const paint = await loadStyle(io.color);
  const renamed = opened.diagnostics.filter((d) => d.rule === 'renamed-value');
  const files = [...new Set(renamed.map((d) => d.file))].sort();
  const broken = files.filter((file) => opened.diagnostics.some((d) => d.file === file && d.severity === 'error'));
  const left: Diagnostic[] = [];
  const leave = (file: string, migrated: Migrated) => {
    for (const value of migrated.left)
      left.push(diagnostic('renamed-value', value, { file, line: value.line, column: value.column }));
  };

  let changed = 0;
  for (const file of files) {
    if (broken.includes(file)) continue;
    const kind = kindOfPath(file)!;
    const shown = opened.displayPath(file);
    if (options.dryRun) {
      const before = readEditable(join(opened.dataDir, file), shown)?.text ?? '';
      const migrated = migrateText(kind, before);
      leave(file, migrated);
      if (migrated.renamed === 0) continue;
      io.out(safeText(unifiedDiff(shown, before, migrated.text)));
      changed++;
      continue;
    }
    let migrated: Migrated | undefined;
    const plan = (text: string | undefined) => {
      migrated = migrateText(kind, text ?? '');
      return migrated;
    };
    // Whether there is anything to write is known only from the text read under the lock.
    const preview = plan(readEditable(join(opened.dataDir, file), shown)?.text);
    if (preview.renamed === 0) {
      leave(file, preview);
      continue;
    }
    await applyChanges(options, io, bundledData, (context) => [
      { path: file, text: plan(context.read(file)).text, create: false },
    ]);
    leave(file, migrated!);
    changed++;
  }

  if (left.length > 0) io.err(renderDiagnostics(left, opened.displayPath, paint));
  for (const file of broken)
    io.err(`coop: ${safeLine(opened.displayPath(file))} has errors: not migrated (coop validate shows them)\n`);
  const files_ = `${changed} file${changed === 1 ? '' : 's'}`;
  const choices =
    left.length === 0
      ? ''
      : `; ${countDiagnostics(left).warnings} ambiguous value${left.length === 1 ? '' : 's'} left to choose (above)`;
  if (options.dryRun) io.err(`coop: dry run: nothing written (would write ${files_})${choices}\n`);
  else if (changed === 0 && left.length === 0 && broken.length === 0)
    io.err('coop: nothing to migrate: the base uses the current names\n');
  else io.err(`coop: migrated ${files_}${choices}\n`);
  if (broken.length > 0)
    throw new RefusedError(
      `${broken.length} file${broken.length === 1 ? '' : 's'} with errors not migrated`,
      'fix them, then run coop migrate again',
    );
  return 0;
}

export const command = defineCommand({
  name: 'migrate',
  summary: 'rewrite the base to the current names of kinds, sectors, roles and legal forms',
  options: {
    dryRun: { description: 'print the changes as a unified diff, without writing' },
  },
  details: `Values renamed to the terms the regulations use still work, with a renamed-value warning from
coop validate. This command rewrites them in place: nursing-home becomes ehpad, sector mixed becomes
mixed-membership, legal_form "GCS" becomes gcs, and so on. Nothing else in the files moves: comments,
order, quotes and layout stay. An old value that meant several things (kind home-care: had, ssiad
or saad; role lead: coordinator, carrier or support) is listed with the values to choose among and
left as it is: the article says which. Each file is written as coop add writes one, under the write
lock and checked with the whole base; a file with errors is left alone.`,
  examples: [
    { command: 'coop migrate --dry-run', comment: 'the diff of what would change' },
    { command: 'coop migrate' },
  ],
  run: (options, { io, bundledData }) => migrateCommand(options, io, bundledData),
});
