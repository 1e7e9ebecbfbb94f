import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { RefusedError } from '../errors.js';

/** The file that tells a folder coop made (and may replace) from anyone else's. */
const MARKER = '.coop-site';

/** A site being written: a new folder beside the target, put in its place whole by finish(). */
interface SiteFolder {
  /** The new folder, where writeSiteFiles writes. */
  readonly path: string;
  /** Marks the folder as coop's and puts it in place of the target (replacing a site coop made). */
  finish(): void;
  /** Removes the new folder: nothing of the site is left. */
  abandon(): void;
}

/**
 * Starts writing a site into `target`: first into a new folder beside it, put in its place by
 * finish(), so a reader never sees half a site. A folder that exists is replaced only if coop made
 * it (it holds the marker) or it is empty: any other folder is refused now, before any work, never emptied.
 */
export function openSiteFolder(target: string): SiteFolder {
  if (existsSync(target)) {
    let names: string[];
    try {
      names = readdirSync(target);
    } catch {
      throw new RefusedError(`${target} exists and is not a folder: nothing written`, 'choose another --out');
    }
    if (names.length > 0 && !names.includes(MARKER)) {
      throw new RefusedError(
        `${target} holds files that coop did not write: nothing written`,
        'choose a new or empty folder for --out (coop replaces only a site it made)',
      );
    }
  }
  const fresh = join(dirname(target), `.${basename(target)}.${process.pid}.coop-site.tmp`);
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  const abandon = () => rmSync(fresh, { recursive: true, force: true });
  return {
    path: fresh,
    finish() {
      try {
        writeSiteFiles(fresh, [[MARKER, 'made by coop site\n']]);
        if (existsSync(target)) {
          const old = join(dirname(target), `.${basename(target)}.${process.pid}.coop-site.old`);
          renameSync(target, old);
          renameSync(fresh, target);
          rmSync(old, { recursive: true, force: true });
        } else {
          renameSync(fresh, target);
        }
      } catch (error) {
        abandon();
        throw error;
      }
    },
    abandon,
  };
}

/**
 * Writes files into the new folder of a site (SiteFolder.path), each a new file. Plain writes, no
 * fsync per file: the folder is private until finish() puts it in place whole, and a site is made
 * again in one command. Syncing each of 12,000 pages took most of the time of a large site. Safe
 * from two threads at once, each writing its own files (the publishing worker writes part of them).
 */
export function writeSiteFiles(folder: string, files: Iterable<readonly [string, string | Uint8Array]>): void {
  const made = new Set([folder]);
  for (const [path, content] of files) {
    const file = join(folder, path);
    const parent = dirname(file);
    if (!made.has(parent)) {
      mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    writeFileSync(file, content, { flag: 'wx' });
  }
}

/** The browser build of minisearch, shipped with the site (the package's exports hide its path). */
export function readMinisearchBrowserScript(packageRoot: string): string {
  const entry = createRequire(join(packageRoot, 'package.json')).resolve('minisearch');
  return readFileSync(join(dirname(entry), '..', 'umd', 'index.js'), 'utf8');
}
