import { dirname, resolve } from 'node:path';
import type { QueryContext } from './context.js';
import { placeNames } from './place-names.js';
import type { PublishThread } from './publish-thread.js';
import type { IO } from '../io.js';
import { SITE_DATA_FILES } from './site-data.js';
import { openSiteFolder, readMinisearchBrowserScript } from '../load/site-folder.js';
import { SITE_CSS, SITE_JS } from '../render/site/assets.js';
import { siteLanguage, type SiteLanguageCode } from '../render/site/language.js';
import { sitemap } from '../render/site/feeds.js';
import { PROGRESS_CLEAR, progressLine } from '../render/site/progress.js';
import { sitePages } from '../render/site/pages.js';

interface SiteSettings {
  out: string;
  language: SiteLanguageCode;
  baseUrl?: string;
}

/** From this many organisations, a site takes long enough on a terminal to show its progress. */
const PROGRESS_FROM = 500;

/**
 * The progress bar on stderr, only on a terminal (a pipe or a log gets no carriage returns), redrawn
 * when the bar would change, not at every record.
 */
class Progress {
  private step_ = '';
  private done = 0;
  private total = 0;
  private shown = -1;
  constructor(
    private readonly io: IO,
    private readonly enabled: boolean,
  ) {
    this.enabled = enabled && io.isTTY;
  }
  start(step: string, total: number): void {
    this.step_ = step;
    this.done = 0;
    this.total = total;
    this.shown = -1;
    this.draw();
  }
  step(): void {
    this.done++;
    this.draw();
  }
  end(): void {
    if (this.enabled) this.io.err(PROGRESS_CLEAR);
  }
  private draw(): void {
    if (!this.enabled) return;
    const permille = this.total === 0 ? 1000 : Math.floor((this.done / this.total) * 1000);
    if (permille === this.shown) return;
    this.shown = permille;
    this.io.err(progressLine(this.step_, this.done, this.total, this.io.columns));
  }
}

/**
 * Builds every file of the site (pages, assets, search index, feeds, the data for download) and
 * writes them as one folder. Returns the paths of the files written, sorted.
 *
 * Two threads (publish-thread.ts): while this one draws the pages, the worker makes the data files
 * (the SQLite database above all) and writes them; then this thread encodes the pages and the
 * worker writes them.
 */
export async function writeSite(
  context: QueryContext,
  settings: SiteSettings,
  io: IO,
  bundledData: string,
  thread: PublishThread,
): Promise<string[]> {
  const index = context.index;
  const base = index.base;
  const progress = new Progress(io, base.organisations.length >= PROGRESS_FROM);
  // Refused now, before any work, when the folder is someone else's.
  const folder = openSiteFolder(resolve(settings.out));
  const started: Promise<void>[] = [];
  try {
    const data = thread.writeSiteData(folder.path, index, { language: settings.language, baseUrl: settings.baseUrl });
    // Awaited below; until then a failure must not count as unhandled.
    data.catch(() => {});
    started.push(data);
    progress.start(
      'pages',
      base.organisations.length +
        base.programmes.length +
        base.agreements.length +
        base.people.length +
        base.articles.length,
    );
    const language = siteLanguage(settings.language, base.language);
    const pages = sitePages(index, { language, baseUrl: settings.baseUrl, onPage: () => progress.step(), placeNames });
    progress.start('writing', 1);
    const files: Array<[string, string]> = pages.map((page) => [page.path, page.html]);
    files.push(
      ['assets/site.css', SITE_CSS],
      ['assets/site.js', SITE_JS],
      ['assets/minisearch.js', readMinisearchBrowserScript(dirname(bundledData))],
      [
        'sitemap.xml',
        sitemap(
          pages.map((p) => p.path),
          settings.baseUrl,
        ),
      ],
    );
    // The worker writes them, handed over in batches: this thread encodes a batch while the worker
    // writes the one before.
    const writes = [...batches(files, WRITE_BATCH)].map((batch) => thread.writeFiles(folder.path, batch));
    for (const written of writes) {
      written.catch(() => {});
      started.push(written);
    }
    await Promise.all(writes);
    progress.start('data files', 1);
    await data;
    folder.finish();
    return [...files.map(([path]) => path), ...SITE_DATA_FILES].sort();
  } catch (error) {
    // Nothing may still be writing into the folder when it is removed.
    await thread.close();
    await Promise.allSettled(started);
    folder.abandon();
    throw error;
  } finally {
    // Also when it fails: the error is then said on a line of its own.
    progress.end();
  }
}

/** About how much text goes to the worker at a time. */
const WRITE_BATCH = 4 * 1024 * 1024;

/** The files in runs of about `size` characters of text. */
function* batches<T extends readonly [string, string]>(files: readonly T[], size: number): Generator<T[]> {
  let batch: T[] = [];
  let length = 0;
  for (const file of files) {
    batch.push(file);
    length += file[1].length;
    if (length >= size) {
      yield batch;
      batch = [];
      length = 0;
    }
  }
  if (batch.length > 0) yield batch;
}
