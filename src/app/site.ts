import { dirname, resolve } from 'node:path';
import type { QueryContext } from './context.js';
import { placeNames } from './place-names.js';
import { exportBase } from '../core/export.js';
import type { IO } from '../io.js';
import { readMinisearchBrowserScript, writeSiteFolder } from '../load/site-folder.js';
import { renderDatasetteMetadata } from '../render/datasette.js';
import { renderJson } from '../render/json.js';
import { SITE_CSS, SITE_JS } from '../render/site/assets.js';
import { siteLanguage, type SiteLanguageCode } from '../render/site/language.js';
import { atomFeed, sitemap } from '../render/site/feeds.js';
import { PROGRESS_CLEAR, progressLine } from '../render/site/progress.js';
import { sitePages } from '../render/site/pages.js';
import { searchIndexScript } from '../render/site/search-index.js';
import { sqliteDatabase } from '../render/sqlite-db.js';

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
 * writes them as one folder. Returns the number of pages.
 */
export async function writeSite(
  context: QueryContext,
  settings: SiteSettings,
  io: IO,
  bundledData: string,
): Promise<string[]> {
  const index = context.index;
  const base = index.base;
  const progress = new Progress(io, base.organisations.length >= PROGRESS_FROM);
  try {
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
    progress.start('data files', 1);
    const files = new Map<string, string | Uint8Array>();
    for (const page of pages) files.set(page.path, page.html);
    files.set('assets/site.css', SITE_CSS);
    files.set('assets/site.js', SITE_JS);
    files.set('assets/minisearch.js', readMinisearchBrowserScript(dirname(bundledData)));
    files.set('assets/search-index.js', searchIndexScript(index, language.w.types));
    files.set(
      'sitemap.xml',
      sitemap(
        pages.map((p) => p.path),
        settings.baseUrl,
      ),
    );
    files.set('atom.xml', atomFeed(index, settings.baseUrl, language));
    files.set('data/coop.json', renderJson(exportBase(index.base)));
    files.set('data/coop.db', await sqliteDatabase(index.base));
    files.set('data/coop.db.metadata.json', renderJson(renderDatasetteMetadata(index.base, 'coop')));
    progress.start('writing', 1);
    const target = resolve(settings.out);
    writeSiteFolder(target, files);
    return [...files.keys()].sort();
  } finally {
    // Also when it fails: the error is then said on a line of its own.
    progress.end();
  }
}
