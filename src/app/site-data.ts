import type { BaseIndex } from '../core/base-index.js';
import { exportBase } from '../core/export.js';
import { renderDatasetteMetadata } from '../render/datasette.js';
import { renderJson } from '../render/json.js';
import { atomFeed } from '../render/site/feeds.js';
import { siteLanguage, type SiteLanguageCode } from '../render/site/language.js';
import { searchIndexScript } from '../render/site/search-index.js';
import { sqliteDatabase } from '../render/sqlite-db.js';

export interface SiteDataSettings {
  language: SiteLanguageCode;
  baseUrl?: string;
}

/**
 * The files of a site drawn from the whole base rather than one record: the search index, the
 * feed, and the data for download (data/coop.json, data/coop.db with its Datasette metadata). They
 * need none of the pages, so the publishing worker (publish-thread.ts) makes them while the pages are drawn.
 */
export async function siteDataFiles(
  index: BaseIndex,
  settings: SiteDataSettings,
): Promise<Array<[SiteDataFile, string | Uint8Array]>> {
  const language = siteLanguage(settings.language, index.base.language);
  return [
    ['assets/search-index.js', searchIndexScript(index, language.w.types)],
    ['atom.xml', atomFeed(index, settings.baseUrl, language)],
    ['data/coop.json', renderJson(exportBase(index.base))],
    ['data/coop.db', await sqliteDatabase(index.base)],
    ['data/coop.db.metadata.json', renderJson(renderDatasetteMetadata(index.base, 'coop'))],
  ];
}

/** The paths siteDataFiles makes: the site lists them while the worker is still making them. */
export const SITE_DATA_FILES = [
  'assets/search-index.js',
  'atom.xml',
  'data/coop.json',
  'data/coop.db',
  'data/coop.db.metadata.json',
] as const;

type SiteDataFile = (typeof SITE_DATA_FILES)[number];
