import { dirname, isAbsolute, join } from 'node:path';
import { countDiagnostics, sortDiagnostics, type Diagnostic } from '../core/diagnostics.js';
import type { IO } from '../io.js';
import { kindOfPath, realDataFolder } from '../load/files.js';
import {
  checkWithinCap,
  createFileExclusive,
  readEditable,
  removeAbandonedTemporaries,
  withWriteLock,
  writeFileAtomic,
  WriteLockTimeout,
  writeTarget,
  type FileSnapshot,
} from '../load/write.js';
import { safeLine } from '../render/sanitize.js';
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

/** How to apply: `dryRun` checks everything as for real, then prints each file instead of writing it. */
interface ApplyMode {
  dryRun?: boolean;
}

/** What a planner sees: the base as it is now, and the current text of any data file. */
export interface EditContext extends Omit<OpenBase, 'index'> {
  index: BaseIndex;
  /** The current text of a file of the data folder (relative path), or undefined when it does not exist. */
  read(path: string): string | undefined;
}

/**
 * The one way `coop new` and `coop add` change the data, so that every change is made alike:
 * under the data folder's write lock, `plan` reads what it needs and returns the files to write;
 * the whole base is checked as it would be after the change; if the change brings a problem that
 * was not there before, nothing is written and the problems are shown (exit 1). Otherwise each file
 * is written atomically (a new file only if its name is still free) and its path printed.
 *
 * `plan` refuses by throwing (RefusedError, NotFoundError, UsageError): nothing is written then.
 */
export async function applyChanges(
  options: GlobalOptions,
  io: IO,
  bundledData: string,
  plan: (context: EditContext) => FileChange[] | Promise<FileChange[]>,
  mode: ApplyMode = {},
): Promise<number> {
  const dataDir = resolveDataDir(options, io, bundledData);
  const realRoot = realDataFolder(dataDir);
  try {
    return await withWriteLock(realRoot, async () => {
      // Read under the lock: another coop may have changed the files just before.
      const before = await openBase(options, io, bundledData);
      const boms = new Set<string>();
      const originals = new Map<string, FileSnapshot>();
      const read = (path: string): string | undefined => {
        const found = readEditable(join(dataDir, safePath(path)), before.displayPath(path));
        if (found?.bom) boms.add(path);
        if (found && !originals.has(path)) originals.set(path, found.original);
        return found?.text;
      };
      const changes = await plan({ ...before, index: before.index(), read });
      // One file per change: two files could not be written as one, all or nothing.
      if (changes.length !== 1) throw new Error(`a change writes one file, not ${changes.length}`);
      const [change] = changes as [FileChange];
      const shown = before.displayPath(change.path);
      const kind = kindOfPath(safePath(change.path));
      if (kind === undefined) throw new RefusedError(`${shown} is not a place for data files`);
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

      const { buildWithChanges } = await import('./cold-build.js');
      // The files as listed under the lock (openBase above): nothing has changed them since.
      const after = await buildWithChanges(before.files, new Map([[change.path, { kind, text: change.text }]]));
      const brought = newProblems(before.diagnostics, after.diagnostics);
      const paint = await loadStyle(io.color);
      const errors = brought.filter((d) => d.severity === 'error');
      if (errors.length > 0) {
        io.err(renderDiagnostics(errors, before.displayPath, paint));
        const { errors: count } = countDiagnostics(errors);
        throw new RefusedError(
          `nothing written: the change would bring ${count} error${count === 1 ? '' : 's'} into the base`,
        );
      }

      if (mode.dryRun) {
        // The text that would be written, for the person to read or pipe; the note goes to stderr.
        io.out(change.text);
        io.err(
          renderDiagnostics(
            brought.filter((d) => d.severity === 'warning'),
            before.displayPath,
            paint,
          ),
        );
        io.err(`coop: dry run: nothing written (would ${change.create ? 'create' : 'write'} ${safeLine(shown)})\n`);
        return 0;
      }
      const text = boms.has(change.path) ? `\ufeff${change.text}` : change.text;
      try {
        const target = writeTarget(join(dataDir, change.path), realRoot, shown, change.create);
        if (change.create) {
          if (!createFileExclusive(target, text, shown))
            throw new RefusedError(`${shown} already exists: nothing written`);
        } else {
          // Compared with the file as the plan read it: a change saved since is never undone.
          writeFileAtomic(target, text, originals.get(change.path) ?? readEditable(target, shown)?.original, shown);
        }
        io.dataWritten?.();
        // Only once written: a refusal changes nothing, not even leftovers.
        removeAbandonedTemporaries(dirname(target));
      } catch (error) {
        if (error instanceof RefusedError) throw error;
        const code = (error as NodeJS.ErrnoException).code;
        throw new RefusedError(`cannot write ${shown} (${code ?? 'error'}): nothing written`);
      }
      io.out(`${safeLine(shown)}\n`);
      // Written, but worth knowing: a warning the change brought (a date after the article's, say).
      io.err(
        renderDiagnostics(
          brought.filter((d) => d.severity === 'warning'),
          before.displayPath,
          paint,
        ),
      );
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
