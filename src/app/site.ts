import { dirname, resolve } from 'node:path';
import type { QueryContext } from './context.js';
import { exportBase } from '../core/export.js';
import { buildGraph } from '../core/graph.js';
import type { IO } from '../io.js';
import { readMinisearchBrowserScript, writeSiteFolder } from '../load/site-folder.js';
import { renderDatasetteMetadata } from '../render/datasette.js';
import { renderJson } from '../render/json.js';
import { SITE_CSS, SITE_JS } from '../render/site/assets.js';
import { atomFeed, sitemap } from '../render/site/feeds.js';
import { edgeLabelFr } from '../render/site/labels.js';
import { sitePages } from '../render/site/pages.js';
import { searchIndexScript } from '../render/site/search-index.js';
import { renderSvg } from '../render/svg-graph.js';
import { sqliteDatabase } from '../render/sqlite-db.js';

interface SiteSettings {
  out: string;
  baseUrl?: string;
}

/** An inline SVG for an HTML page: no XML prologue or DOCTYPE, a name for screen readers. */
function inlineSvg(svg: string, name: string): string {
  const start = svg.indexOf('<svg');
  return svg
    .slice(start)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace('<svg', `<svg role="img" aria-label="${name.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}"`)
    .trim();
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
  const graphs = new Map<string, string>();
  const orgs = index.base.organisations;
  const showProgress = io.isTTY && orgs.length > 200;
  let done = 0;
  for (const org of orgs) {
    const linked = (index.membersOf.get(org.id)?.length ?? 0) + (index.memberOf.get(org.id)?.length ?? 0);
    if (linked > 0)
      graphs.set(org.id, inlineSvg(await renderSvg(buildGraph(index, org.id, 1), edgeLabelFr), `Graphe des liens de ${org.name}`));
    done++;
    if (showProgress && done % 50 === 0) io.err(`\rcoop site: graphs ${done}/${orgs.length}`);
  }
  if (showProgress) io.err('\n');
  const pages = sitePages(index, { baseUrl: settings.baseUrl, graphs });
  const files = new Map<string, string | Uint8Array>();
  for (const page of pages) files.set(page.path, page.html);
  files.set('assets/site.css', SITE_CSS);
  files.set('assets/site.js', SITE_JS);
  files.set('assets/minisearch.js', readMinisearchBrowserScript(dirname(bundledData)));
  files.set('assets/search-index.js', searchIndexScript(index));
  files.set(
    'sitemap.xml',
    sitemap(
      pages.map((p) => p.path),
      settings.baseUrl,
    ),
  );
  files.set('atom.xml', atomFeed(index, settings.baseUrl));
  files.set('data/coop.json', renderJson(exportBase(index.base)));
  files.set('data/coop.db', await sqliteDatabase(index.base));
  files.set('data/coop.db.metadata.json', renderJson(renderDatasetteMetadata(index.base, 'coop')));
  const target = resolve(settings.out);
  writeSiteFolder(target, files);
  return [...files.keys()].sort();
}
