// Synchronous on purpose, like files.ts: one short-lived process writing one or two files.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes through a temporary file in the same folder, then renames it over the target: a reader,
 * or a crash, sees the old file or the new one, never half of one. The file keeps its permissions.
 */
export function writeFileAtomic(target: string, content: string): void {
  let mode = 0o644;
  try {
    mode = statSync(target).mode & 0o777;
  } catch {
    // A new file: the default mode.
  }
  const temporary = writeTemporary(target, content, mode);
  try {
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
}

/**
 * Creates `target` whole, or not at all if a file of that name exists (even one created a moment
 * ago by another process): link(2) refuses an existing name, which rename(2) would replace.
 * Returns false when the name was taken.
 */
export function createFileExclusive(target: string, content: string): boolean {
  const temporary = writeTemporary(target, content, 0o644);
  try {
    linkSync(temporary, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    removeQuietly(temporary);
  }
}

function writeTemporary(target: string, content: string, mode: number): string {
  // A dot name: discovery skips it, so a concurrent `coop validate` never reads a file being written.
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  const handle = openSync(temporary, 'wx', mode);
  try {
    const bytes = Buffer.from(content, 'utf8');
    for (let written = 0; written < bytes.length; ) written += writeSync(handle, bytes, written, bytes.length - written);
    fsyncSync(handle);
  } catch (error) {
    closeSync(handle);
    removeQuietly(temporary);
    throw error;
  }
  closeSync(handle);
  return temporary;
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}

export class WriteLockTimeout extends Error {}

const LOCK_NAME = '.coop-write.lock';
/** A lock older than this is left over by a process that died without removing it. */
const STALE_AFTER_MS = 60_000;

/**
 * Runs `work` while holding the data folder's write lock, so that two `coop add` at once never
 * lose one another's change: each reads the file, edits it and writes it back before the next
 * starts. The lock is a dot file (data discovery skips it), removed when `work` ends.
 */
export async function withWriteLock<T>(dataDir: string, work: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const lock = join(dataDir, LOCK_NAME);
  const deadline = Date.now() + timeoutMs;
  let handle: number | undefined;
  while (handle === undefined) {
    try {
      handle = openSync(lock, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) {
        removeQuietly(lock);
        continue;
      }
      if (Date.now() > deadline) throw new WriteLockTimeout(`another coop is writing in this data folder (lock ${lock})`);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
    }
  }
  writeSync(handle, `${process.pid}\n`);
  closeSync(handle);
  try {
    return await work();
  } finally {
    removeQuietly(lock);
  }
}

/** The holder is gone (its pid no longer runs) or the lock is too old to be anyone's. */
function isStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    if (Date.now() - statSync(lock).mtimeMs > STALE_AFTER_MS) return true;
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written: not stale yet
    try {
      process.kill(pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  } catch {
    return false;
  }
}
