import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { RefusedError } from '../errors.js';

/** The file that tells a folder coop made (and may replace) from anyone else's. */
const MARKER = '.coop-site';

/**
 * Writes a whole site into `target`: first into a new folder beside it, then put in its place, so
 * a reader never sees half a site. A folder that exists is replaced only if coop made it (it holds
 * the marker) or it is empty: any other folder is refused, never emptied.
 */
export function writeSiteFolder(target: string, files: ReadonlyMap<string, string | Uint8Array>): void {
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
  try {
    mkdirSync(fresh, { recursive: true });
    const made = new Set([fresh]);
    // Plain writes, no fsync per file: the new folder is private until the rename below puts it in
    // place whole, and a site is made again in one command. Syncing each of 12,000 pages took most
    // of the time of a large site.
    for (const [path, content] of [...files, [MARKER, 'made by coop site\n'] as const]) {
      const file = join(fresh, path);
      const folder = dirname(file);
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      writeFileSync(file, content, { flag: 'wx' });
    }
    if (existsSync(target)) {
      const old = join(dirname(target), `.${basename(target)}.${process.pid}.coop-site.old`);
      renameSync(target, old);
      renameSync(fresh, target);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(fresh, target);
    }
  } catch (error) {
    rmSync(fresh, { recursive: true, force: true });
    throw error;
  }
}

/** The browser build of minisearch, shipped with the site (the package's exports hide its path). */
export function readMinisearchBrowserScript(packageRoot: string): string {
  const entry = createRequire(join(packageRoot, 'package.json')).resolve('minisearch');
  return readFileSync(join(dirname(entry), '..', 'umd', 'index.js'), 'utf8');
}
