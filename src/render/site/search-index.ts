import MiniSearch from 'minisearch';
import type { BaseIndex } from '../../core/base-index.js';
import { fold } from '../../core/text.js';

/** The search index of the site, built now so that the page only loads it (assets/search-index.js). */
/** `types`: what a hit is, as the list of results says it in the site's language. */
export function searchIndexScript(
  index: BaseIndex,
  types: { organisation: string; programme: string; article: string; person: string },
): string {
  const search = new MiniSearch({
    fields: ['name', 'other'],
    storeFields: ['name', 'type', 'path'],
    processTerm: fold,
  });
  const base = index.base;
  search.addAll([
    ...base.organisations.map((o) => ({
      id: `o:${o.id}`,
      name: o.short_name ? `${o.name} (${o.short_name})` : o.name,
      other: [o.id, o.short_name, ...(o.aliases ?? []), o.city].filter(Boolean).join(' '),
      type: types.organisation,
      path: `organisations/${o.id}/index.html`,
    })),
    ...base.programmes.map((p) => ({
      id: `p:${p.id}`,
      name: p.short_name ? `${p.name} (${p.short_name})` : p.name,
      other: [p.id, p.short_name, ...(p.aliases ?? [])].filter(Boolean).join(' '),
      type: types.programme,
      path: `programmes/${p.id}/index.html`,
    })),
    ...base.articles.map((a) => ({
      id: `a:${a.id}`,
      name: a.title,
      other: [a.outlet ?? '', ...a.authors].join(' '),
      type: types.article,
      path: `articles/${a.id}/index.html`,
    })),
    ...base.people.map((p) => ({
      id: `pe:${p.id}`,
      name: p.name,
      other: [p.id, ...(p.aliases ?? []), ...(p.roles ?? []).map((r) => r.role)].join(' '),
      type: types.person,
      path: `personnes/${p.id}/index.html`,
    })),
  ]);
  // A script, not JSON to fetch: a page opened from disk cannot fetch() a file beside it.
  return `window.COOP_SEARCH = ${JSON.stringify(search).replace(/</g, '\\u003c')};\n`;
}
