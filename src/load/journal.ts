// Synchronous, like write.ts: called under the write lock by one short-lived process.
import {
  existsSync,
  fsyncSync,
  closeSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { RefusedError } from '../errors.js';
import { checkWithinCap, unchangedSince, type FileSnapshot } from './write.js';

/**
 * A change of several files (coop mv: a file renamed, references rewritten across the base) made
 * all or nothing, with a journal:
 *
 * 1. every new text is written whole to a temporary dot file next to its target (".x.yaml.<pid>.
 *    <time>.coop.pending": discovery skips dot files);
 * 2. the journal, `.coop-journal` in the data folder (next to the write lock), is written
 *    atomically: the list of renames (temporary -> target) and removals, in order. From then on the
 *    change is decided;
 * 3. the renames and removals are made, then the journal removed.
 *
 * A process that dies after 2 leaves the journal: the next coop writer (under the lock, before it
 * reads anything) carries it out to the end (`completeJournal`). One that dies before 2 leaves only
 * temporary files, which are removed: nothing was changed.
 */

interface JournalWrite {
  /** Absolute path of the file to write (its real place: writeTarget already checked it). */
  target: string;
  text: string;
  /** The file as read, for an existing one: refused if it changed since. */
  original?: FileSnapshot;
  /** A new file: refused if one has appeared at its name. */
  create: boolean;
  shown: string;
}

interface JournalRemove {
  target: string;
  original?: FileSnapshot;
  shown: string;
}

interface JournalEntry {
  /** Paths relative to the data folder's real path. */
  path: string;
  /** The temporary file to rename over `path`; absent: `path` is removed. */
  from?: string;
}

const JOURNAL_NAME = '.coop-journal';
const PENDING = /^\..+\.(\d+)\.[0-9a-z]+\.coop\.pending$/;

/**
 * Writes and removes the files as one change (see above). `crashAfter` is a test hook
 * (COOP_TEST_CRASH_AFTER, tests/e2e/mv-journal.test.ts): the process kills itself after that many
 * renames or removals, as a power cut would stop it; at 0, right before the journal is written.
 */
export function writeWithJournal(
  realRoot: string,
  writes: readonly JournalWrite[],
  removes: readonly JournalRemove[],
  crashAfter?: number,
): void {
  const entries: JournalEntry[] = [];
  const temporaries: string[] = [];
  try {
    for (const write of writes) {
      checkWithinCap(write.text, write.shown);
      let mode = 0o644;
      try {
        mode = statSync(write.target).mode & 0o777;
      } catch {
        // A new file: the default mode.
      }
      const temporary = join(
        dirname(write.target),
        `.${basename(write.target)}.${process.pid}.${Date.now().toString(36)}.coop.pending`,
      );
      writeSynced(temporary, write.text, mode);
      temporaries.push(temporary);
      entries.push({ path: relative(realRoot, write.target), from: relative(realRoot, temporary) });
    }
    for (const remove of removes) entries.push({ path: relative(realRoot, remove.target) });
    // The last look before the change is decided: a file someone saved meanwhile is never undone.
    for (const change of [...writes, ...removes]) {
      const created = 'create' in change && change.create;
      if (created ? existsSync(change.target) : change.original && !unchangedSince(change.target, change.original))
        throw new RefusedError(
          created
            ? `${change.shown} already exists: nothing written`
            : `${change.shown} changed on disk while coop was writing; nothing written, run again`,
          created ? undefined : 'another program or person saved the file meanwhile; coop keeps their change',
        );
    }
    // The test hook at 0: dead with the temporary files written, before the change is decided.
    if (crashAfter === 0) process.kill(process.pid, 'SIGKILL');
    const journal = join(realRoot, JOURNAL_NAME);
    const temporaryJournal = `${journal}.${process.pid}.tmp`;
    writeSynced(temporaryJournal, `${JSON.stringify({ version: 1, entries })}\n`, 0o644);
    renameSync(temporaryJournal, journal);
    syncFolder(realRoot);
  } catch (error) {
    for (const temporary of temporaries) removeQuietly(temporary);
    throw error;
  }
  carryOut(realRoot, entries, crashAfter);
}

/**
 * Carries out the journal a coop left when it died midway, if there is one, and removes the
 * temporary files of a change that died before its journal was written. Returns the paths the
 * journal changed (relative to the data folder), or undefined when there was none.
 */
export function completeJournal(realRoot: string): string[] | undefined {
  const journal = join(realRoot, JOURNAL_NAME);
  let entries: JournalEntry[] | undefined;
  let text: string | undefined;
  try {
    text = readFileSync(journal, 'utf8');
  } catch {
    // None: the usual case.
  }
  if (text !== undefined) {
    try {
      const parsed = JSON.parse(text) as { version: number; entries: JournalEntry[] };
      if (parsed.version !== 1 || !Array.isArray(parsed.entries)) throw new Error('unknown journal');
      entries = parsed.entries.filter(
        (entry) =>
          typeof entry.path === 'string' &&
          !entry.path.startsWith('..') &&
          (entry.from === undefined || (typeof entry.from === 'string' && !entry.from.startsWith('..'))),
      );
    } catch {
      throw new RefusedError(
        `the journal of an interrupted change (${journal}) cannot be read: nothing written`,
        'look at it, finish the change by hand, then remove it',
      );
    }
    carryOut(realRoot, entries);
  }
  removeAbandonedPending(realRoot);
  return entries?.map((entry) => entry.path.split('\\').join('/'));
}

function carryOut(realRoot: string, entries: readonly JournalEntry[], crashAfter?: number): void {
  let done = 0;
  const folders = new Set<string>();
  for (const entry of entries) {
    const target = join(realRoot, entry.path);
    folders.add(dirname(target));
    if (entry.from !== undefined) {
      // Already renamed by the run that died: nothing left to do for this one.
      if (existsSync(join(realRoot, entry.from))) renameSync(join(realRoot, entry.from), target);
    } else {
      removeQuietly(target);
    }
    done++;
    if (crashAfter !== undefined && done === crashAfter) process.kill(process.pid, 'SIGKILL');
  }
  for (const folder of folders) syncFolder(folder);
  unlinkSync(join(realRoot, JOURNAL_NAME));
  syncFolder(realRoot);
}

/** Temporary files of changes whose process died before writing the journal: nothing refers to them. */
function removeAbandonedPending(realRoot: string): void {
  const folders = [realRoot];
  try {
    for (const name of readdirSync(realRoot)) {
      if (!name.startsWith('.') && statSync(join(realRoot, name)).isDirectory()) folders.push(join(realRoot, name));
    }
  } catch {
    return;
  }
  for (const folder of folders) {
    let names: string[] = [];
    try {
      names = readdirSync(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      const made = PENDING.exec(name);
      if (made && !isRunning(Number(made[1]))) removeQuietly(join(folder, name));
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function writeSynced(path: string, content: string, mode: number): void {
  const handle = openSync(path, 'wx', mode);
  try {
    const bytes = Buffer.from(content, 'utf8');
    for (let written = 0; written < bytes.length; )
      written += writeSync(handle, bytes, written, bytes.length - written);
    fsyncSync(handle);
  } catch (error) {
    closeSync(handle);
    removeQuietly(path);
    throw error;
  }
  closeSync(handle);
}

function syncFolder(folder: string): void {
  try {
    const handle = openSync(folder, 'r');
    try {
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
  } catch {
    // Best effort, as in write.ts.
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
