// Synchronous calls: one process reading its own files gains nothing from the event loop, and
// node:fs/promises costs milliseconds to load.
import {
  closeSync,
  existsSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { diagnostic, type RuleId, type RuleParams } from '../core/rules.js';
import type { FileKind } from '../core/parsed-file.js';

export const MAX_FILE_BYTES = 1024 * 1024;

import { DataFolderError } from '../errors.js';
import { BASE_SETTINGS_FILE } from '../core/settings.js';

/** coop.yaml as found: no record, but part of what the cache key covers. */
export type SettingsFile = Omit<DataFile, 'kind'>;

export interface DataFile {
  /** Relative to the data folder, forward slashes. */
  path: string;
  absolutePath: string;
  kind: FileKind;
  size: number;
  mtimeMs: number;
  /** Changes on every write and cannot be set back: an edit that restores mtime is still seen. */
  ctimeMs: number;
  ino: number;
}

const FOLDERS: Record<string, { kind: FileKind; extensions: readonly string[] }> = {
  organisations: { kind: 'organisation', extensions: ['.yaml', '.yml'] },
  programmes: { kind: 'programme', extensions: ['.yaml', '.yml'] },
  funding: { kind: 'funding', extensions: ['.yaml', '.yml'] },
  events: { kind: 'event', extensions: ['.yaml', '.yml'] },
  articles: { kind: 'article', extensions: ['.md'] },
  people: { kind: 'person', extensions: ['.yaml', '.yml'] },
  agreements: { kind: 'agreement', extensions: ['.yaml', '.yml'] },
};

const MAX_DEPTH = 8;

/** The kind of a data file from its path relative to the data folder; undefined outside the layout. */
export function kindOfPath(path: string): FileKind | undefined {
  const slash = path.indexOf('/');
  const layout = slash > 0 ? FOLDERS[path.slice(0, slash)] : undefined;
  if (!layout || !Object.hasOwn(FOLDERS, path.slice(0, slash))) return undefined;
  return layout.extensions.includes(path.slice(path.lastIndexOf('.')).toLowerCase()) ? layout.kind : undefined;
}

function isIgnored(name: string): boolean {
  return name.startsWith('.') || /^readme\.md$/i.test(name);
}

/**
 * Lists the data files under `root`, in a stable order. Symbolic links are followed only while they
 * stay inside the data folder, and each real folder is visited once, so loops end.
 */
export async function discoverFiles(
  root: string,
): Promise<{ files: DataFile[]; diagnostics: Diagnostic[]; realRoot: string; settings?: SettingsFile }> {
  const realRoot = realDataFolder(root);
  const files: DataFile[] = [];
  let settings: SettingsFile | undefined;
  const diagnostics: Diagnostic[] = [];
  const visited = new Set<string>([realRoot]);
  // The real folders of the layout: a link inside one of them must not read another as its own.
  const layoutFolders = new Map<string, (typeof FOLDERS)[string]>();
  for (const [name, layout] of Object.entries(FOLDERS)) {
    const real = realPathOr(join(realRoot, name));
    if (real !== join(realRoot, name) || existsSync(real)) layoutFolders.set(real, layout);
  }
  const layoutOf = (real: string) => {
    for (const [folder, layout] of layoutFolders) if (real === folder || real.startsWith(folder + sep)) return layout;
    return undefined;
  };
  const relativePath = (absolute: string) => relative(root, absolute).split(sep).join('/');
  const problem = <R extends 'file-unreadable' | 'unexpected-file'>(absolute: string, rule: R, params: RuleParams<R>) =>
    diagnostics.push(diagnostic(rule, params, { file: relativePath(absolute) || '.', line: 1, column: 1 }));

  // Paths are built by concatenation as the walk goes down: path.join and path.relative for each
  // of tens of thousands of files cost more than the stat calls.
  const walk = async (
    folder: string,
    relativeFolder: string,
    layout: (typeof FOLDERS)[string] | undefined,
    depth: number,
  ): Promise<void> => {
    let names: string[];
    try {
      // Names only, and one lstat each: the stat is needed anyway (size and times for the cache
      // key), and it says what the entry is, so directory entries need not be made as objects.
      names = readdirSync(folder);
    } catch (error) {
      problem(folder, 'file-unreadable', { what: 'folder', code: errorCode(error) });
      return;
    }
    // Code unit order, as comparing with < does: a stable order on every system.
    names.sort();
    for (const name of names) {
      if (isIgnored(name)) continue;
      const absolute = folder + sep + name;
      const relativeName = relativeFolder + name;
      let info: Stats;
      try {
        info = lstatSync(absolute);
        if (info.isSymbolicLink()) info = linkTarget(absolute, realRoot);
      } catch (error) {
        problem(
          absolute,
          'file-unreadable',
          error instanceof OutsideDataFolder ? { what: 'outside-link' } : { what: 'entry', code: errorCode(error) },
        );
        continue;
      }
      if (info.isDirectory()) {
        await enterFolder(absolute, relativeName, name, layout, depth);
      } else if (info.isFile()) {
        // Read apart, by load/base-settings.ts: it holds no record.
        if (layout === undefined && relativeName === BASE_SETTINGS_FILE) {
          const { size, mtimeMs, ctimeMs, ino } = info;
          settings = { path: relativeName, absolutePath: absolute, size, mtimeMs, ctimeMs, ino };
          continue;
        }
        const extension = name.slice(name.lastIndexOf('.')).toLowerCase();
        if (!layout?.extensions.includes(extension)) {
          problem(absolute, 'unexpected-file', {
            problem: 'outside-layout',
            expected: layout ? { extensions: layout.extensions } : { folders: Object.keys(FOLDERS) },
          });
          continue;
        }
        files.push({
          path: relativeName,
          absolutePath: absolute,
          kind: layout.kind,
          size: info.size,
          mtimeMs: info.mtimeMs,
          ctimeMs: info.ctimeMs,
          ino: info.ino,
        });
      } else {
        // A FIFO, a socket, a device: opening it could block or read without end.
        problem(absolute, 'unexpected-file', { problem: 'not-regular' });
      }
    }
  };
  const enterFolder = async (
    absolute: string,
    relativeName: string,
    name: string,
    layout: (typeof FOLDERS)[string] | undefined,
    depth: number,
  ) => {
    // Each real folder once: symbolic links cannot make the walk loop.
    const real = realPathOr(absolute);
    const owner = layoutOf(real);
    if (depth > 0 && owner !== undefined && owner !== layout) {
      problem(absolute, 'unexpected-file', {
        problem: 'linked-folder',
        into: Object.keys(FOLDERS).find((name) => FOLDERS[name] === owner)!,
      });
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    if (depth >= MAX_DEPTH) {
      problem(absolute, 'unexpected-file', { problem: 'too-deep' });
      return;
    }
    const childLayout = layout ?? (depth === 0 ? FOLDERS[name] : undefined);
    if (!childLayout) {
      problem(absolute, 'unexpected-file', { problem: 'unknown-folder', name, folders: Object.keys(FOLDERS) });
      return;
    }
    await walk(absolute, `${relativeName}/`, childLayout, depth + 1);
  };
  await walk(root, '', undefined, 0);
  return { files, diagnostics, realRoot, ...(settings ? { settings } : {}) };
}

/** The data folder's real path; DataFolderError when it is missing, unreadable or not a folder. */
export function realDataFolder(root: string): string {
  try {
    const realRoot = realpathSync(root);
    if (!statSync(realRoot).isDirectory()) throw new DataFolderError(`data folder ${root} is not a folder`);
    return realRoot;
  } catch (error) {
    if (error instanceof DataFolderError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFolderError(
      code === 'ENOENT'
        ? `data folder ${root} does not exist`
        : `data folder ${root} cannot be read (${code ?? 'error'})`,
    );
  }
}

class OutsideDataFolder extends Error {}

function linkTarget(absolute: string, realRoot: string) {
  const target = realpathSync(absolute);
  if (target !== realRoot && !target.startsWith(realRoot + sep)) throw new OutsideDataFolder();
  return statSync(target);
}

function realPathOr(absolute: string): string {
  try {
    return realpathSync(absolute);
  } catch {
    return absolute;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads a file as strict UTF-8, at most MAX_FILE_BYTES; a byte-order mark is dropped. */
export async function readText(
  file: Pick<DataFile, 'path' | 'absolutePath' | 'size'>,
): Promise<{ text: string } | { problem: Diagnostic }> {
  const fail = <R extends RuleId>(rule: R, params: RuleParams<R>, line = 1, column = 1) => ({
    problem: diagnostic(rule, params, { file: file.path, line, column }),
  });
  if (file.size > MAX_FILE_BYTES) return fail('file-too-large', { size: file.size, cap: MAX_FILE_BYTES });
  let bytes: Buffer;
  try {
    const handle = openSync(file.absolutePath, 'r');
    try {
      // Read one byte past the cap: a file that grew since it was listed is still refused.
      const buffer = Buffer.alloc(Math.min(file.size, MAX_FILE_BYTES) + 1);
      const bytesRead = readAll(handle, buffer);
      if (bytesRead > MAX_FILE_BYTES) return fail('file-too-large', { cap: MAX_FILE_BYTES });
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      closeSync(handle);
    }
  } catch (error) {
    return fail('file-unreadable', { what: 'file', code: errorCode(error) });
  }
  try {
    const text = decoder.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const byte = bytes[at.offset]!.toString(16).toUpperCase().padStart(2, '0');
    return fail('bad-encoding', { byte }, at.line, at.column);
  }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'error';
}

function readAll(handle: number, buffer: Buffer): number {
  let total = 0;
  for (let read = -1; read !== 0 && total < buffer.length; total += read)
    read = readSync(handle, buffer, total, buffer.length - total, total);
  return total;
}

function firstInvalidUtf8(bytes: Buffer): { offset: number; line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let offset = 0; offset < bytes.length; ) {
    const byte = bytes[offset]!;
    const length = byte < 0x80 ? 1 : byte >> 5 === 6 ? 2 : byte >> 4 === 14 ? 3 : byte >> 3 === 30 ? 4 : 0;
    const valid =
      length > 0 &&
      offset + length <= bytes.length &&
      (length === 1 || isValidSequence(bytes.subarray(offset, offset + length)));
    // Columns count characters, as everywhere else, not bytes.
    if (!valid) return { offset, line, column: [...bytes.subarray(lineStart, offset).toString('utf8')].length + 1 };
    if (byte === 0x0a) {
      line++;
      lineStart = offset + 1;
    }
    offset += length;
  }
  return { offset: 0, line: 1, column: 1 };
}

function isValidSequence(sequence: Buffer): boolean {
  try {
    decoder.decode(sequence);
    return true;
  } catch {
    return false;
  }
}
