import { dirname, isAbsolute, join } from 'node:path';
import { countDiagnostics, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { IO } from '../io.js';
import { kindOfPath, realDataFolder } from '../load/files.js';
import type { FileKind } from '../core/parsed-file.js';
import { completeJournal, writeWithJournal } from '../load/journal.js';
import {
  checkWithinCap,
  createFileExclusive,
  readEditable,
  removeAbandonedTemporaries,
  removeFile,
  withWriteLock,
  writeFileAtomic,
  WriteLockTimeout,
  writeTarget,
  type FileSnapshot,
} from '../load/write.js';
import { unifiedDiff } from '../render/diff.js';
import { safeLine, safeText } from '../render/sanitize.js';
import { renderDiagnostics } from '../render/diagnostics.js';
import { loadStyle } from '../render/style.js';
import { RefusedError } from '../errors.js';
import { openBase, resolveDataDir, type GlobalOptions, type OpenBase } from './context.js';
import type { BaseIndex } from '../core/base-index.js';

/** One file to write: a new one (`create`), or the new text of one that exists. */
export interface FileChange {
  /** Relative to the data folder, forward slashes: "organisations/clinique-x.yaml". */
  path: string;
  text: string;
  create: boolean;
}

/** One file to remove (coop rm of a whole record, the old name of coop mv). */
export interface FileRemoval {
  path: string;
  remove: true;
}

export type Change = FileChange | FileRemoval;

const isRemoval = (change: Change): change is FileRemoval => 'remove' in change;

/** How to apply: `dryRun` checks everything as for real, then prints the diff of each file instead of writing it. */
export interface ApplyMode {
  dryRun?: boolean;
  /** What the change did, for stderr once written (not on a dry run, nor when nothing changed). */
  said?: () => string;
}

/** What a planner sees: the base as it is now, and the current text of any data file. */
export interface EditContext extends Omit<OpenBase, 'index'> {
  index: BaseIndex;
  /** The current text of a file of the data folder (relative path), or undefined when it does not exist. */
  read(path: string): string | undefined;
}

/**
 * The one way the writers (new, add, set, unset, rm, mv) change the data, so that every change is
 * made alike: under the data folder's write lock, an interrupted change of an earlier coop is
 * completed first (load/journal.ts); `plan` reads what it needs and returns the files to write or
 * remove; the whole base is checked as it would be after the change; if the change brings a problem
 * that was not there before, nothing is written and the problems are shown (exit 1). Otherwise one
 * file is written atomically (a new file only if its name is still free), several all or nothing
 * through the journal, and each path is printed. With `dryRun`, the diff of each file is printed
 * instead, and nothing written.
 *
 * `plan` refuses by throwing (RefusedError, NotFoundError, UsageError): nothing is written then.
 */
export async function applyChanges(
  options: GlobalOptions,
  io: IO,
  bundledData: string,
  plan: (context: EditContext) => Change[] | Promise<Change[]>,
  mode: ApplyMode = {},
): Promise<number> {
  const dataDir = resolveDataDir(options, io, bundledData);
  const realRoot = realDataFolder(dataDir);
  try {
    return await withWriteLock(realRoot, async () => {
      // Before anything is read: the base must be whole again.
      const completed = completeJournal(realRoot);
      if (completed?.length)
        io.err(`coop: completed the change an interrupted coop left (${completed.length} files)\n`);
      // Read under the lock: another coop may have changed the files just before.
      const before = await openBase(options, io, bundledData);
      const boms = new Set<string>();
      const originals = new Map<string, FileSnapshot>();
      const texts = new Map<string, string | undefined>();
      const read = (path: string): string | undefined => {
        if (texts.has(path)) return texts.get(path);
        const found = readEditable(join(dataDir, safePath(path)), before.displayPath(path));
        if (found?.bom) boms.add(path);
        if (found && !originals.has(path)) originals.set(path, found.original);
        texts.set(path, found?.text);
        return found?.text;
      };
      const changes = (await plan({ ...before, index: before.index(), read })).filter(
        (change) => isRemoval(change) || change.create || change.text !== read(change.path),
      );
      if (changes.length === 0) {
        io.err('coop: nothing to change: the data already says so\n');
        return 0;
      }
      if (new Set(changes.map((change) => change.path)).size !== changes.length)
        throw new Error('a change names the same file twice');
      const checkedFiles = new Map<string, { kind: FileKind; text: string } | null>();
      for (const change of changes) {
        const shown = before.displayPath(change.path);
        const kind = kindOfPath(safePath(change.path));
        if (kind === undefined) throw new RefusedError(`${shown} is not a place for data files`);
        if (isRemoval(change)) {
          if (read(change.path) === undefined) throw new RefusedError(`${shown} is gone: nothing written`);
          checkedFiles.set(change.path, null);
          continue;
        }
        checkWithinCap(change.text, shown);
        if (change.create && read(change.path) !== undefined) {
          throw new RefusedError(
            `${shown} already exists: nothing written`,
            'coop never overwrites a record: edit the file, or use coop add',
          );
        }
        // Editing a file that already has errors would hide them among the change's, or worse.
        if (!change.create && before.diagnostics.some((d) => d.file === change.path && d.severity === 'error')) {
          throw new RefusedError(`${shown} has errors: nothing written`, 'coop validate shows them; fix them first');
        }
        checkedFiles.set(change.path, { kind, text: change.text });
      }

      const { buildWithChanges } = await import('./cold-build.js');
      // The files as listed under the lock (openBase above): nothing has changed them since.
      const after = await buildWithChanges(before.files, checkedFiles);
      const brought = newProblems(before.diagnostics, after.diagnostics);
      const paint = await loadStyle(io.color);
      const errors = brought.filter((d) => d.severity === 'error');
      const warnings = brought.filter((d) => d.severity === 'warning');
      if (errors.length > 0) {
        io.err(renderDiagnostics(errors, before.displayPath, paint));
        const { errors: count } = countDiagnostics(errors);
        throw new RefusedError(
          `nothing written: the change would bring ${count} error${count === 1 ? '' : 's'} into the base`,
        );
      }

      if (mode.dryRun) {
        // What would change, for the person to read or pipe to patch; the note goes to stderr.
        for (const change of changes)
          io.out(
            safeText(
              unifiedDiff(
                before.displayPath(change.path),
                !isRemoval(change) && change.create ? undefined : read(change.path),
                isRemoval(change) ? undefined : change.text,
              ),
            ),
          );
        io.err(renderDiagnostics(warnings, before.displayPath, paint));
        const files = changes.length === 1 ? safeLine(before.displayPath(changes[0]!.path)) : `${changes.length} files`;
        io.err(`coop: dry run: nothing written (would ${verbOf(changes)} ${files})\n`);
        return 0;
      }
      write(changes, { dataDir, realRoot, before, boms, originals, read, crashAfter: crashHook(io) });
      io.dataWritten?.();
      for (const change of changes) io.out(`${safeLine(before.displayPath(change.path))}\n`);
      if (mode.said) io.err(safeText(mode.said()));
      // Written, but worth knowing: a warning the change brought (a date after the article's, say).
      io.err(renderDiagnostics(warnings, before.displayPath, paint));
      return 0;
    });
  } catch (error) {
    if (error instanceof WriteLockTimeout)
      throw new RefusedError(
        `nothing written: ${error.message}`,
        'wait for it to finish, or remove the lock file if no coop is running',
      );
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
      throw new RefusedError(`cannot write in ${dataDir} (${code}): nothing written`);
    throw error;
  }
}

function verbOf(changes: readonly Change[]): string {
  if (changes.length > 1) return 'change';
  const [change] = changes as [Change];
  return isRemoval(change) ? 'remove' : change.create ? 'create' : 'write';
}

/**
 * COOP_TEST_CRASH_AFTER=N: a test hook (tests/e2e/mv-journal.test.ts), so that a test can kill a
 * change of several files midway (after N renames; 0: before its journal), as a power cut would.
 * Only changes of several files read it; never set it otherwise.
 */
function crashHook(io: IO): number | undefined {
  const value = io.env.COOP_TEST_CRASH_AFTER;
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

interface WriteContext {
  dataDir: string;
  realRoot: string;
  before: OpenBase;
  boms: Set<string>;
  originals: Map<string, FileSnapshot>;
  read: (path: string) => string | undefined;
  crashAfter?: number;
}

function write(changes: readonly Change[], context: WriteContext): void {
  const { dataDir, realRoot, before, boms, originals } = context;
  const targets = changes.map((change) => {
    const shown = before.displayPath(change.path);
    const create = !isRemoval(change) && change.create;
    return { change, shown, target: writeTarget(join(dataDir, change.path), realRoot, shown, create) };
  });
  const textOf = (change: FileChange) => (boms.has(change.path) ? `\ufeff${change.text}` : change.text);
  try {
    if (targets.length === 1) {
      const [{ change, shown, target }] = targets as [(typeof targets)[0]];
      // Compared with the file as the plan read it: a change saved since is never undone.
      const original = originals.get(change.path) ?? readEditable(target, shown)?.original;
      if (isRemoval(change)) removeFile(target, original, shown);
      else if (change.create) {
        if (!createFileExclusive(target, textOf(change), shown))
          throw new RefusedError(`${shown} already exists: nothing written`);
      } else writeFileAtomic(target, textOf(change), original, shown);
    } else {
      writeWithJournal(
        realRoot,
        targets.flatMap(({ change, shown, target }) =>
          isRemoval(change)
            ? []
            : [{ target, text: textOf(change), original: originals.get(change.path), create: change.create, shown }],
        ),
        targets.flatMap(({ change, shown, target }) =>
          isRemoval(change) ? [{ target, original: originals.get(change.path), shown }] : [],
        ),
        context.crashAfter,
      );
    }
    // Only once written: a refusal changes nothing, not even leftovers.
    for (const folder of new Set(targets.map(({ target }) => dirname(target)))) removeAbandonedTemporaries(folder);
  } catch (error) {
    if (error instanceof RefusedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const shown = targets.length === 1 ? targets[0]!.shown : 'the files';
    throw new RefusedError(`cannot write ${shown} (${code ?? 'error'}): nothing written`);
  }
}

/** A path relative to the data folder that stays in it: no "..", ".", empty or absolute parts. */
function safePath(path: string): string {
  const parts = path.split('/');
  if (isAbsolute(path) || path.includes('\\') || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new RefusedError(`"${path}" is not a path inside the data folder: nothing written`);
  }
  return path;
}

/**
 * The `# yaml-language-server: $schema=...` first line the files of a folder share, for a new file
 * there: copied from a sibling (the first of five that has one), so that a base without the line
 * does not get one pointing nowhere.
 */
export function schemaLineOfSiblings(
  context: EditContext,
  folder: string,
  siblingFiles: readonly string[],
): string | undefined {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  const siblings = [...new Set(siblingFiles)]
    .filter((file) => file.startsWith(prefix) && !file.slice(prefix.length).includes('/'))
    .sort()
    .slice(0, 5);
  for (const file of siblings) {
    let first: string | undefined;
    try {
      first = context.read(file)?.split('\n', 1)[0]?.replace(/\r$/, '');
    } catch {
      continue; // An unreadable sibling says nothing about the others.
    }
    if (first !== undefined && /^# yaml-language-server: \$schema=\S+$/.test(first)) return first;
  }
  return undefined;
}

/**
 * The problems of `after` that `before` did not have. Compared by file, rule and message, not by
 * line: an edit moves the lines below it, and a problem that only moved is not new.
 */
export function newProblems(before: readonly Diagnostic[], after: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.file}\u0000${d.rule}\u0000${d.message}`;
  const seen = new Map<string, number>();
  for (const d of before) seen.set(key(d), (seen.get(key(d)) ?? 0) + 1);
  const brought: Diagnostic[] = [];
  for (const d of sortDiagnostics(after)) {
    const left = seen.get(key(d)) ?? 0;
    if (left > 0) seen.set(key(d), left - 1);
    else brought.push(d);
  }
  return brought;
}
