// Synchronous on purpose, like files.ts: one short-lived process writing one or two files.
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { RefusedError } from '../errors.js';
import { MAX_FILE_BYTES } from './files.js';

/** A data file's text as coop edits it: strict UTF-8, with its byte-order mark set aside. */
interface EditableText {
  text: string;
  /** The file began with a byte-order mark: it is written back with one. */
  bom: boolean;
  /** The file as read, to tell at the last moment whether someone changed it since (writeFileAtomic). */
  original: FileSnapshot;
}

/** A data file as coop read it: compared again right before it is replaced. */
export interface FileSnapshot {
  size: number;
  mtimeMs: number;
  ino: number;
  bytes: Buffer;
}

// ignoreBOM keeps the mark in the text, where it is seen and set aside.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads a data file to edit it, or undefined when there is none. Refused, rather than read with
 * replacement characters, when it is not UTF-8 or is over the size cap: writing it back would
 * silently change bytes the person never touched.
 */
export function readEditable(absolutePath: string, shownPath: string): EditableText | undefined {
  let bytes: Buffer;
  let info: Stats;
  try {
    info = statSync(absolutePath);
    // A FIFO would block the read for ever, holding the write lock.
    if (!info.isFile()) throw new RefusedError(`${shownPath} is not a regular file: nothing written`);
    if (info.size > MAX_FILE_BYTES)
      throw new RefusedError(`${shownPath} is over the ${MAX_FILE_BYTES}-byte cap: nothing written`);
    bytes = readFileSync(absolutePath);
  } catch (error) {
    if (error instanceof RefusedError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new RefusedError(`cannot read ${shownPath} (${code ?? 'error'}): nothing written`);
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new RefusedError(
      `${shownPath} is not UTF-8: nothing written`,
      'coop validate shows where; save the file as UTF-8 first',
    );
  }
  const original: FileSnapshot = {
    size: Number(info.size),
    mtimeMs: Number(info.mtimeMs),
    ino: Number(info.ino),
    bytes,
  };
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true, original } : { text, bom: false, original };
}

/**
 * Where to write a data file: a symbolic link is written through, to the file it names, which must
 * be inside the data folder; a file with other hard links is refused, since replacing it would
 * leave the other names holding the old text; so is a read-only file (no write bit for its owner:
 * coop runs as root in some containers, where access() would allow anything).
 */
export function writeTarget(absolutePath: string, realRoot: string, shownPath: string, create = false): string {
  let target = absolutePath;
  try {
    if (lstatSync(absolutePath).isSymbolicLink()) target = realpathSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new RefusedError(`cannot write ${shownPath} (${code ?? 'error'}): nothing written`);
  }
  // The first file of a layout folder the base does not have yet (funding/, events/): the folder is
  // made, directly in the data folder.
  if (create && !existsSync(dirname(target)) && realpathOr(dirname(dirname(target))) === realRoot)
    mkdirSync(dirname(target));
  const folder = realpathOr(dirname(target));
  const inside = relative(realRoot, join(folder, basename(target)));
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    throw new RefusedError(`${shownPath} leads outside the data folder: nothing written`);
  let info: Stats | undefined;
  try {
    info = statSync(target);
  } catch {
    // A new file.
  }
  if (info && info.nlink > 1) {
    // A coop killed between link(2) and the removal of its temporary file left that file as a
    // second name: only such leftovers, of processes that no longer run, are removed.
    removeAbandonedTemporaries(folder, info.ino);
    info = statSync(target);
    if (info.nlink > 1)
      throw new RefusedError(
        `${shownPath} has other hard links, which replacing it would leave behind: nothing written`,
        'copy it to a file of its own first',
      );
  }
  if (info && (info.mode & 0o200) === 0) {
    throw new RefusedError(
      `${shownPath} is read-only (mode ${(info.mode & 0o777).toString(8)}): nothing written`,
      'make it writable (chmod u+w) if it is meant to change',
    );
  }
  return join(folder, basename(target));
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Whether anything (a file, a folder, a dangling link) has this name. */
export function pathTaken(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** A folder, made with its parents when missing (coop schema --out). */
export function ensureFolder(path: string): void {
  mkdirSync(path, { recursive: true });
}

/**
 * The loader refuses a data file over MAX_FILE_BYTES: a writer must never make one, or the base it
 * leaves could not be read back.
 */
export function checkWithinCap(content: string, shownPath: string): void {
  const size = Buffer.byteLength(content, 'utf8');
  if (size > MAX_FILE_BYTES) {
    throw new RefusedError(
      `${shownPath} would be ${size} bytes, over the ${MAX_FILE_BYTES}-byte cap of a data file: nothing written`,
      'split the record, or shorten the text',
    );
  }
}

/**
 * Writes through a temporary file in the same folder, then renames it over the target: a reader,
 * or a crash, sees the old file or the new one, never half of one. The file keeps its permissions.
 *
 * `original` is the file as read before the edit: the write lock keeps other coops out, not a
 * person's editor or another tool, so right before the rename the file is compared again (size,
 * time, inode, bytes) and the write refused if it changed, rather than silently undoing that
 * change. Only the instant between that check and the rename is left unguarded.
 */
export function writeFileAtomic(target: string, content: string, original?: FileSnapshot, shownPath = target): void {
  checkWithinCap(content, shownPath);
  replaceAtomic(target, content, original, shownPath);
}

/**
 * A file coop makes outside the data folder (coop export --format sqlite --out, coop site --out):
 * not a data file, so not under its size cap; bytes or text. Replaces an existing file atomically
 * when `replace`, else creates it only if the name is free (returns false when it was taken).
 */
export function writeOutputFile(target: string, content: string | Uint8Array, replace: boolean): boolean {
  if (!replace) return createExclusive(target, content);
  replaceAtomic(target, content);
  return true;
}

function replaceAtomic(
  target: string,
  content: string | Uint8Array,
  original?: FileSnapshot,
  shownPath = target,
): void {
  let mode = 0o644;
  try {
    mode = statSync(target).mode & 0o777;
  } catch {
    // A new file: the default mode.
  }
  const temporary = writeTemporary(target, content, mode);
  try {
    if (original && !unchangedSince(target, original)) {
      throw new RefusedError(
        `${shownPath} changed on disk while coop was writing; nothing written, run again`,
        'another program or person saved the file meanwhile; coop keeps their change',
      );
    }
    renameSync(temporary, target);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
  syncFolder(dirname(target));
}

/** Whether the file at `path` is still the one read: same inode, size, time and bytes. */
export function unchangedSince(path: string, original: FileSnapshot): boolean {
  let handle: number;
  try {
    // Non-blocking: a FIFO put in the file's place must not hold the lock for ever.
    handle = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return false;
  }
  try {
    const info = fstatSync(handle);
    if (!info.isFile() || info.ino !== original.ino || info.size !== original.size || info.mtimeMs !== original.mtimeMs)
      return false;
    const bytes = Buffer.allocUnsafe(original.size + 1);
    let length = 0;
    for (let got = -1; got !== 0 && length < bytes.length; length += got)
      got = readSync(handle, bytes, length, bytes.length - length, length);
    return length === original.size && bytes.subarray(0, length).equals(original.bytes);
  } catch {
    return false;
  } finally {
    closeSync(handle);
  }
}

/** Removes a data file, unless it changed since it was read (as writeFileAtomic refuses). */
export function removeFile(target: string, original: FileSnapshot | undefined, shownPath = target): void {
  if (original && !unchangedSince(target, original))
    throw new RefusedError(
      `${shownPath} changed on disk while coop was writing; nothing removed, run again`,
      'another program or person saved the file meanwhile; coop keeps their change',
    );
  unlinkSync(target);
  syncFolder(dirname(target));
}

/**
 * Creates `target` whole, or not at all if a file of that name exists (even one created a moment
 * ago by another process): link(2) refuses an existing name, which rename(2) would replace. Where
 * the file system has no hard links, an exclusive open does the same, without the atomicity.
 * Returns false when the name was taken.
 */
export function createFileExclusive(target: string, content: string, shownPath = target): boolean {
  checkWithinCap(content, shownPath);
  return createExclusive(target, content);
}

function createExclusive(target: string, content: string | Uint8Array): boolean {
  const temporary = writeTemporary(target, content, 0o644);
  try {
    linkSync(temporary, target);
    syncFolder(dirname(target));
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS')
      return createByExclusiveOpen(target, content);
    throw error;
  } finally {
    removeQuietly(temporary);
  }
}

function createByExclusiveOpen(target: string, content: string | Uint8Array): boolean {
  try {
    writeNewFile(target, content, 0o644);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function writeTemporary(target: string, content: string | Uint8Array, mode: number): string {
  // A dot name: discovery skips it, so a concurrent `coop validate` never reads a file being written.
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${process.pid}.${Date.now().toString(36)}${TEMPORARY_SUFFIX}`,
  );
  writeNewFile(temporary, content, mode);
  return temporary;
}

/** Creates `path` (never an existing one), writes it whole and syncs it; removes it on failure. */
function writeNewFile(path: string, content: string | Uint8Array, mode: number): void {
  const handle = openSync(path, 'wx', mode);
  try {
    writeAll(handle, content);
    fsyncSync(handle);
  } catch (error) {
    closeSync(handle);
    removeQuietly(path);
    throw error;
  }
  closeSync(handle);
}

/** Text is written as UTF-8; bytes (coop export --format sqlite) as they are. */
function writeAll(handle: number, content: string | Uint8Array): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  for (let written = 0; written < bytes.length; ) written += writeSync(handle, bytes, written, bytes.length - written);
}

/** The rename itself survives a power cut only once the folder is synced; best effort. */
function syncFolder(folder: string): void {
  try {
    const handle = openSync(folder, 'r');
    try {
      fsyncSync(handle);
    } finally {
      closeSync(handle);
    }
  } catch {
    // Some systems cannot sync a folder: the write stands, only its durability is less sure.
  }
}

/**
 * Removes the temporary files a coop that died while writing left in `folder` (dot files, which
 * discovery skips, named after the process that made them); only those that are other names of
 * inode `only`, when given. Called under the write lock, so no living coop is writing one.
 */
export function removeAbandonedTemporaries(folder: string, only?: number): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    // Only coop's own names: ".<data file>.<pid>.<time>.coop.tmp".
    const made = /^\..+\.(?:ya?ml|md)\.(\d+)\.[0-9a-z]+\.coop\.tmp$/.exec(name);
    if (!made || isRunning(Number(made[1]))) continue;
    if (only !== undefined) {
      try {
        if (lstatSync(join(folder, name)).ino !== only) continue;
      } catch {
        continue;
      }
    }
    removeQuietly(join(folder, name));
  }
}

/** Marks coop's temporary files, so that no other file is ever taken for one. */
const TEMPORARY_SUFFIX = '.coop.tmp';

/** Whether the process `pid` runs (this one does). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    // Already gone; or a folder put at a lock's name.
    if ((error as NodeJS.ErrnoException).code === 'EISDIR' || (error as NodeJS.ErrnoException).code === 'EPERM') {
      try {
        rmdirSync(path);
      } catch {
        // Not empty: left as it is.
      }
    }
  }
}

export class WriteLockTimeout extends Error {}

const LOCK_NAME = '.coop-write.lock';
/**
 * An empty lock is a holder between its open and its write (microseconds), or one that died there:
 * past this age, the latter.
 */
const EMPTY_AFTER_MS = 1_000;
/** "coop-lock <pid> <start time of that process, or -> <token>". */
const LOCK_LINE = /^coop-lock (\d+) (\d+|-) ([0-9a-z]+)$/;

/**
 * Runs `work` while holding the data folder's write lock, so that two `coop add` at once never
 * lose one another's change: each reads the file, edits it and writes it back before the next
 * starts. The lock is a dot file (data discovery skips it) naming its holder: pid, the start time
 * of that process (a pid reused by an unrelated process does not keep the lock alive), and a random
 * token; removed when `work` ends. A lock whose holder no longer runs is taken over, and so is
 * anything at the lock's name that coop did not write (a FIFO, garbage, a bare pid). Pids are
 * checked on this machine only: on a data folder shared over a network, a lock held from another
 * machine looks abandoned.
 */
export async function withWriteLock<T>(dataDir: string, work: () => Promise<T>, timeoutMs = 120_000): Promise<T> {
  const lock = join(dataDir, LOCK_NAME);
  const deadline = Date.now() + timeoutMs;
  let handle: number | undefined;
  while (handle === undefined) {
    try {
      handle = openSync(lock, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stale = staleLock(lock);
      if (stale !== undefined) {
        takeOver(lock, stale);
        continue;
      }
      if (Date.now() > deadline)
        throw new WriteLockTimeout(`another coop is writing in this data folder (lock ${lock})`);
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
    }
  }
  const line = `coop-lock ${process.pid} ${startTimeOf(process.pid) ?? '-'} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  try {
    writeSync(handle, `${line}\n`);
  } finally {
    closeSync(handle);
  }
  heldLocks.add(line);
  try {
    return await work();
  } finally {
    heldLocks.delete(line);
    removeQuietly(lock);
  }
}

/**
 * The locks this process holds, by the line written in them. A lock with this process's pid and a
 * line it does not hold was left by an earlier process that had the same pid (a container run
 * again starts at the same pid).
 */
const heldLocks = new Set<string>();

/**
 * When process `pid` started, in clock ticks since boot (field 22 of /proc/<pid>/stat), or
 * undefined where there is no /proc: the pid alone is then trusted.
 */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const field = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return field !== undefined && /^\d+$/.test(field) ? field : undefined;
  } catch {
    return undefined;
  }
}

/** The inode of a lock whose holder is gone, or undefined while the lock is someone's. */
function staleLock(lock: string): number | undefined {
  let handle: number | undefined;
  try {
    const info = lstatSync(lock);
    // A FIFO would block the read below for ever; a link or a folder is not a lock coop made.
    if (!info.isFile()) return info.ino;
    handle = openSync(lock, constants.O_RDONLY | constants.O_NONBLOCK);
    const bytes = Buffer.alloc(256);
    const length = readSync(handle, bytes, 0, bytes.length, 0);
    const holder = bytes.toString('utf8', 0, length).trim();
    if (holder === '') return Date.now() - info.mtimeMs > EMPTY_AFTER_MS ? info.ino : undefined;
    const parsed = LOCK_LINE.exec(holder);
    // Garbage, a bare pid, or a lock of an older coop that had no start time: not trusted.
    if (!parsed) return info.ino;
    const pid = Number(parsed[1]);
    if (pid === process.pid) return heldLocks.has(holder) ? undefined : info.ino;
    if (!isRunning(pid)) return info.ino;
    const started = parsed[2] === '-' ? undefined : startTimeOf(pid);
    return started !== undefined && started !== parsed[2] ? info.ino : undefined;
  } catch {
    return undefined;
  } finally {
    if (handle !== undefined) closeSync(handle);
  }
}

/**
 * Removes a stale lock, and only that one: two waiters may find the same stale lock, and the
 * slower must not remove the fresh lock the faster has just made. The lock is first moved aside
 * under a name of this process's own; if what was moved is not the stale lock, it is put back.
 */
function takeOver(lock: string, staleInode: number): void {
  const aside = `${lock}.${process.pid}.${Date.now().toString(36)}.stale`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // Gone already: someone else took it over.
  }
  try {
    // Inode numbers are reused at once (ext4): the file moved is checked again for itself.
    if (lstatSync(aside).ino === staleInode && staleLock(aside) !== undefined) return;
    // A live lock, made between our look and our move: back where it was, unless a third made one.
    try {
      linkSync(aside, lock);
    } catch {
      // A third process made a lock in that instant: the holder of the one moved aside and that
      // third may overlap. Three processes within microseconds of a stale lock: accepted.
    }
  } finally {
    removeQuietly(aside);
  }
}
