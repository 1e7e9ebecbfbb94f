import type { BaseIndex } from '../../core/base-index.js';
import { dateBounds } from '../../core/dates.js';
import { articlesByDate } from '../../core/provenance.js';
import type { SiteLanguage } from './language.js';
import { escapeHtml as h } from './template.js';

const address = (baseUrl: string | undefined, path: string) =>
  `${(baseUrl ?? '').replace(/\/+$/, '')}/${path.replace(/(^|\/)index\.html$/, '$1')}`;

/** sitemap.xml: every page, at its address under --base-url (relative without one). */
export function sitemap(paths: readonly string[], baseUrl: string | undefined): string {
  const urls = paths.map((p) => `<url><loc>${h(address(baseUrl, p))}</loc></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}

/** The Atom feed of the articles, newest first; an entry's date is the first day its date can mean. */
export function atomFeed(index: BaseIndex, baseUrl: string | undefined, language: SiteLanguage): string {
  const articles = articlesByDate(index).reverse();
  const day = (value: string | number) => {
    const min = dateBounds(String(value))?.min;
    return min !== undefined && Number.isFinite(min)
      ? `${new Date(min).toISOString().slice(0, 10)}T00:00:00Z`
      : '1970-01-01T00:00:00Z';
  };
  const updated = articles.length > 0 ? day(articles[0]!.date) : '1970-01-01T00:00:00Z';
  const entries = articles
    .map(
      (a) => `<entry>
<id>urn:coop:article:${h(a.id)}</id>
<title xml:lang="fr">${h(a.title)}</title>
<link href="${h(address(baseUrl, `articles/${a.id}/index.html`))}"/>
<updated>${day(a.date)}</updated>
<summary xml:lang="fr">${h(a.body.trim())}</summary>
</entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language.code}">
<id>urn:coop:articles</id>
<title>${h(`${language.siteName}${language.w.colon}${language.w.nav.articles.toLowerCase()}`)}</title>
<updated>${updated}</updated>
<author><name>coop</name></author>
${entries}
</feed>
`;
}
