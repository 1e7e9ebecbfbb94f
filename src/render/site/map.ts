/**
 * The home page's map: France's regions as a tile map (one square per region, placed roughly where
 * the region lies), coloured by the number of organisations, each tile a link to the list filtered
 * on it. Our own layout, not a borrowed geometry: region outlines under a free licence were the
 * alternative (@gouvfr/dsfr-chart, MIT), but a tile map reads as well at this scale, weighs nothing
 * and carries no one else's licence. A list of the same numbers follows it for screen readers.
 */
import { allRegions } from '../../core/geography.js';
import { escapeHtml as h } from './template.js';

/** Region code -> [column, row, short label]. Overseas regions on a row of their own. */
const TILES: Record<string, [number, number, string]> = {
  '32': [2, 0, 'HDF'],
  '28': [1, 1, 'NOR'],
  '11': [2, 1, 'IDF'],
  '44': [3, 1, 'GES'],
  '53': [0, 2, 'BRE'],
  '52': [1, 2, 'PDL'],
  '24': [2, 2, 'CVL'],
  '27': [3, 2, 'BFC'],
  '75': [1, 3, 'NAQ'],
  '84': [2, 3, 'ARA'],
  '76': [1, 4, 'OCC'],
  '93': [3, 4, 'PACA'],
  '94': [4, 5, 'COR'],
  '01': [0, 6, 'GUA'],
  '02': [1, 6, 'MTQ'],
  '03': [2, 6, 'GUF'],
  '04': [3, 6, 'REU'],
  '06': [4, 6, 'MAY'],
};

const SIZE = 64;
const GAP = 6;
// Light to dark; the text colour of each shade keeps a contrast of at least 4.5:1.
const SHADES = [
  ['#f2f2f2', '#1e1e1e'],
  ['#cfe0f5', '#1e1e1e'],
  ['#8fb6e6', '#1e1e1e'],
  ['#3f7fc9', '#ffffff'],
  ['#1b4f8f', '#ffffff'],
] as const;

function shade(count: number, max: number): (typeof SHADES)[number] {
  if (count === 0) return SHADES[0];
  return SHADES[Math.min(4, 1 + Math.floor((3 * (count - 1)) / Math.max(1, max - 1)))]!;
}

/** The map's words in the site's language. */
interface MapWords {
  colon: string;
  organisationCount(count: number): string;
  regionTitle(name: string, count: number): string;
  mapName: string;
  mapCaption: string;
}

export function regionMap(
  counts: ReadonlyMap<string, number>,
  href: (slug: string) => string,
  words: MapWords,
): string {
  const regions = allRegions().filter((r) => TILES[r.code]);
  const max = Math.max(0, ...counts.values());
  const tiles = regions.map((region) => {
    const [col, row, short] = TILES[region.code]!;
    const count = counts.get(region.slug) ?? 0;
    const [fill, ink] = shade(count, max);
    const x = col * (SIZE + GAP);
    const y = row * (SIZE + GAP) + (row === 6 ? GAP * 2 : 0);
    // Named by its <title> (an aria-label would differ from the visible "GES 3": axe refuses that).
    return `<a href="${h(href(region.slug))}"><title>${h(words.regionTitle(region.name, count))}</title><rect x="${x}" y="${y}" width="${SIZE}" height="${SIZE}" rx="6" fill="${fill}" stroke="#5a5a5a"/><text x="${x + SIZE / 2}" y="${y + 26}" fill="${ink}" text-anchor="middle" font-size="13">${short}</text><text x="${x + SIZE / 2}" y="${y + 46}" fill="${ink}" text-anchor="middle" font-size="16" font-weight="bold">${count}</text></a>`;
  });
  const width = 5 * (SIZE + GAP);
  const height = 7 * (SIZE + GAP) + GAP * 2;
  const list = regions
    .filter((r) => (counts.get(r.slug) ?? 0) > 0)
    .sort((a, b) => (counts.get(b.slug) ?? 0) - (counts.get(a.slug) ?? 0) || a.name.localeCompare(b.name, 'fr'))
    .map(
      (r) =>
        `<li><a href="${h(href(r.slug))}">${h(r.name)}</a>${words.colon}${h(words.organisationCount(counts.get(r.slug) ?? 0))}</li>`,
    )
    .join('');
  return `<figure class="map"><svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="group" aria-label="${h(words.mapName)}">${tiles.join('')}</svg>
<figcaption>${h(words.mapCaption)}</figcaption></figure>
<ul class="regions">${list}</ul>`;
}
