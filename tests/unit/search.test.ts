import { beforeAll, describe, expect, it, vi } from 'vitest';
import { indexBase, type BaseIndex } from '../../src/core/base-index.js';
import { emptyBase, type Organisation } from '../../src/core/model.js';
import Fuse from 'fuse.js';
import {
  EXCERPT_LENGTH,
  excerpt,
  FUSE_OPTIONS,
  fuzzySearch,
  searchBase,
  type SearchHit,
  type SearchOptions,
} from '../../src/core/search.js';
import { buildBase } from '../../src/core/validate.js';
import { loadDataFolder } from '../../src/load/read-data-folder.js';
import { nameKey } from '../../src/core/text.js';
import {
  fieldWords,
  memoryCorpus,
  occursWithin,
  SEARCHED_KEYS,
  searchDocuments,
  type SearchDocument,
} from '../../src/core/search-corpus.js';
import { SEED_DATA } from '../helpers.js';

// Counts how many fuse indexes are built, to check that fuzzy search is only set up when needed.
const fuseBuilds = vi.hoisted(() => ({ count: 0, documents: [] as unknown[][] }));
vi.mock('fuse.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('fuse.js')>();
  class CountedFuse<T> extends actual.default<T> {
    constructor(...args: ConstructorParameters<typeof actual.default<T>>) {
      super(...args);
      fuseBuilds.count++;
      fuseBuilds.documents.push([...args[0]]);
    }
  }
  return { ...actual, default: CountedFuse };
});

let bundled: BaseIndex;

beforeAll(async () => {
  const loaded = await loadDataFolder(SEED_DATA);
  bundled = indexBase(buildBase(loaded.files).base);
});

function search(text: string, options: Partial<SearchOptions> = {}, index: BaseIndex = bundled): SearchHit[] {
  return searchBase(index, text, { limit: 20, ...options });
}

const ids = (hits: SearchHit[]) => hits.map((hit) => hit.id);

/** The stages never interleave: scores only grow down the list, and ids never repeat. */
function expectWellOrdered(hits: SearchHit[]): void {
  for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeGreaterThanOrEqual(hits[i - 1]!.score);
  expect(new Set(ids(hits)).size).toBe(hits.length);
}

describe('search on the seed base (tests/fixtures/seed): exact matches first', () => {
  it('finds an acronym first: TSD', () => {
    const hits = search('TSD');
    expect(hits[0]).toEqual({
      type: 'organisation',
      id: 'territoire-de-sante-de-demain',
      name: 'Territoire de santé de demain',
      score: 0,
      matched: { field: 'short_name', text: 'TSD' },
    });
    expect(search('tsd')[0]!.id).toBe('territoire-de-sante-de-demain');
    expectWellOrdered(hits);
  });

  it('finds "cite des fleurs" without its accent or article', () => {
    const hits = search('cite des fleurs');
    expect(hits[0]).toEqual({
      type: 'organisation',
      id: 'cite-des-fleurs',
      name: 'La Cité des Fleurs',
      score: 0,
      matched: { field: 'aliases', text: 'Cité des Fleurs' },
    });
    expect(search('LA CITE DES FLEURS')[0]!.matched).toEqual({ field: 'name', text: 'La Cité des Fleurs' });
    expectWellOrdered(hits);
  });

  it('puts the exact id first: AP-HM', () => {
    const hits = search('AP-HM');
    expect(hits[0]).toEqual({
      type: 'organisation',
      id: 'ap-hm',
      name: 'Assistance publique-Hôpitaux de Marseille',
      score: 0,
      matched: { field: 'id', text: 'ap-hm' },
    });
    expect(ids(hits).filter((id) => id === 'ap-hm')).toHaveLength(1);
  });

  it('ignores case and accents: HOPITAL GOUIN', () => {
    for (const text of ['HOPITAL GOUIN', 'hôpital gouin', 'Hopital  Gouin ']) {
      expect(search(text)[0]).toEqual({
        type: 'organisation',
        id: 'hopital-gouin',
        name: 'Hôpital Gouin',
        score: 0,
        matched: { field: 'name', text: 'Hôpital Gouin' },
      });
    }
  });

  it('finds nothing for zzzzqqq', () => {
    expect(search('zzzzqqq')).toEqual([]);
    expect(search('   ')).toEqual([]);
  });

  it('ranks an exact acronym, then names that begin with it, then fuzzy matches: ARS', () => {
    const hits = search('ARS');
    expect(hits[0]).toMatchObject({
      id: 'agences-regionales-de-sante',
      score: 0,
      matched: { field: 'short_name', text: 'ARS' },
    });
    expect(hits[1]).toMatchObject({ id: 'ars-grand-est', matched: { field: 'short_name', text: 'ARS Grand Est' } });
    expect(hits[1]!.score).toBeGreaterThan(0);
    expect(hits[1]!.score).toBeLessThan(0.1);
    for (const hit of hits.slice(2)) expect(hit.score).toBeGreaterThanOrEqual(0.1);
    expectWellOrdered(hits);
  });

  it('ranks prefixes by how much of the name is left: hopital', () => {
    const hits = search('hopital');
    expect(ids(hits).slice(0, 4)).toEqual([
      'hopital-foch',
      'hopital-nord',
      'hopital-gouin',
      'hopital-expo-mediterranee-2014',
    ]);
    expect(hits[0]!.matched).toEqual({ field: 'name', text: 'Hôpital Foch' });
    for (const hit of hits.slice(0, 4)) expect(hit.score).toBeLessThan(0.1);
    expectWellOrdered(hits);
  });
});

describe('search on the seed base (tests/fixtures/seed): fuzzy matches', () => {
  it('finds Hôpital Foch by a word of its name, then the texts that mention it', () => {
    const hits = search('foch');
    expect(hits[0]).toMatchObject({
      type: 'organisation',
      id: 'hopital-foch',
      name: 'Hôpital Foch',
      matched: { field: 'name', text: 'Hôpital Foch' },
    });
    expect(hits[0]!.score).toBeGreaterThanOrEqual(0.1);
    // Both articles on the alliance name Foch in their summaries; what matched is cut around the name.
    for (const id of [
      'hospimedia-2017-09-13-alliance-ouest-parisien',
      'alliance-hospitaliere-2019-03-11-un-an-apres',
    ]) {
      const hit = hits.find((h) => h.id === id);
      expect(hit?.matched.field).toBe('body');
      expect(hit?.matched.text).toContain('Foch');
      expect(hit!.matched.text.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 2);
    }
    expectWellOrdered(hits);
  });

  it('finds the Strasbourg records, those in the city first', () => {
    const inStrasbourg = bundled.base.organisations.filter((org) => org.city === 'Strasbourg').map((org) => org.id);
    expect(inStrasbourg.length).toBeGreaterThanOrEqual(3);
    const hits = search('strasbourg');
    expect(ids(hits.slice(0, inStrasbourg.length)).sort()).toEqual([...inStrasbourg].sort());
    for (const hit of hits.slice(0, inStrasbourg.length))
      expect(hit.matched).toEqual({ field: 'city', text: 'Strasbourg' });
    expect(ids(hits)).toContain('territoire-de-sante-de-demain');
    expectWellOrdered(hits);
  });

  it('matches each word on its own, anywhere in the record', () => {
    expect(search('hopital strasbourg')[0]).toMatchObject({
      id: 'hopitaux-universitaires-de-strasbourg',
      matched: { field: 'name', text: 'Hôpitaux universitaires de Strasbourg' },
    });
    expect(search('la cite des fleurs courbevoie')[0]!.id).toBe('cite-des-fleurs');
  });

  it('forgives a typo', () => {
    expect(search('hopitl foch')[0]!.id).toBe('hopital-foch');
    expect(ids(search('strasbuorg')).slice(0, 2)).toEqual(ids(search('strasbourg')).slice(0, 2));
  });

  it('keeps to one type', () => {
    const articles = search('TSD', { type: 'article' });
    expect(articles[0]!.id).toBe('ticsante-2019-11-territoire-de-sante-de-demain');
    expect(articles.every((hit) => hit.type === 'article')).toBe(true);
    const events = search('strasbourg', { type: 'event' });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((hit) => hit.type === 'event')).toBe(true);
    expect(search('AP-HM', { type: 'programme' }).map((hit) => hit.id)).not.toContain('ap-hm');
  });

  it('stops at the limit', () => {
    const all = search('strasbourg');
    expect(all.length).toBeGreaterThan(3);
    expect(search('strasbourg', { limit: 3 })).toEqual(all.slice(0, 3));
    expect(search('strasbourg', { limit: 0 })).toEqual([]);
  });
});

function org(id: string, fields: Partial<Organisation>): Organisation {
  return {
    id,
    file: `organisations/${id}.yaml`,
    name: id,
    kind: 'hospital',
    sources: ['a'],
    ...fields,
  } as Organisation;
}

function baseOf(organisations: Organisation[]): BaseIndex {
  return indexBase({ ...emptyBase(), organisations });
}

describe('search ranking on a made-up base', () => {
  const vauban = () =>
    baseOf([
      org('hopital-y', { name: 'Hôpital Y', description: 'A hospital near the Vauban district.' }),
      org('vauban-sante', { name: 'Vauban Santé' }),
      org('clinique-x', { name: 'Vauban' }),
      org('vauban', { name: 'Clinique Vauban' }),
    ]);

  it('ranks the exact id, the exact name, a prefix, then a fuzzy match, each record once', () => {
    const hits = search('vauban', {}, vauban());
    expect(hits.map((hit) => [hit.id, hit.matched.field, hit.matched.text])).toEqual([
      ['vauban', 'id', 'vauban'],
      ['clinique-x', 'name', 'Vauban'],
      ['vauban-sante', 'name', 'Vauban Santé'],
      ['hopital-y', 'description', 'A hospital near the Vauban district.'],
    ]);
    expect(hits.map((hit) => hit.score).slice(0, 3)).toEqual([0, 0, 0.05]);
    expect(hits[3]!.score).toBeGreaterThanOrEqual(0.1);
  });

  it('puts an exact acronym before an exact name, and that before an alias', () => {
    const index = baseOf([
      org('a-alias', { name: 'Groupe A', aliases: ['GHT'] }),
      org('b-name', { name: 'GHT' }),
      org('z-acronym', { name: 'Groupement hospitalier de territoire', short_name: 'GHT' }),
      org('ght-ouest', { name: 'GHT Ouest' }),
    ]);
    const hits = search('ght', {}, index);
    expect(hits.map((hit) => [hit.id, hit.score, hit.matched.field])).toEqual([
      ['z-acronym', 0, 'short_name'],
      ['b-name', 0, 'name'],
      ['a-alias', 0, 'aliases'],
      ['ght-ouest', 0.067, 'name'],
    ]);
  });

  it('weighs names above cities above descriptions', () => {
    const index = baseOf([
      org('clinique-c', { name: 'Clinique C', description: 'A hospital near Brisach.' }),
      org('clinique-b', { name: 'Clinique B', city: 'Neuf-Brisach' }),
      org('clinique-a', { name: 'Clinique de Brisach' }),
    ]);
    const hits = search('brisach', {}, index);
    expect(hits.map((hit) => [hit.id, hit.matched.field])).toEqual([
      ['clinique-a', 'name'],
      ['clinique-b', 'city'],
      ['clinique-c', 'description'],
    ]);
    expectWellOrdered(hits);
  });

  it('builds the fuzzy index only when exact and prefix matches leave room', () => {
    const index = vauban();
    const before = fuseBuilds.count;
    expect(ids(search('vauban', { limit: 3 }, index))).toEqual(['vauban', 'clinique-x', 'vauban-sante']);
    expect(fuseBuilds.count).toBe(before);
    expect(ids(search('vauban', { limit: 4 }, index))).toEqual(['vauban', 'clinique-x', 'vauban-sante', 'hopital-y']);
    expect(fuseBuilds.count).toBe(before + 1);
  });

  it('gives fuse exactly the records holding, for each word of the text, a word within reach of it', () => {
    const before = fuseBuilds.count;
    expect(ids(search('hopital strasbourg'))[0]).toBe('hopitaux-universitaires-de-strasbourg');
    expect(fuseBuilds.count).toBe(before + 1);
    const given = new Set((fuseBuilds.documents.at(-1) as Array<{ id: string }>).map((doc) => doc.id));
    const documents = searchDocuments(bundled.base);
    // One wrong letter in about four: 2 for "hopital", 3 for "strasbourg", checked by brute force.
    const reaches = (doc: SearchDocument, term: string, errors: number) =>
      SEARCHED_KEYS.some((key) =>
        [doc[key] ?? []]
          .flat()
          .some((value) => fieldWords(value).some((word) => substringDistance(term, word) <= errors)),
      );
    const expected = documents
      .filter((doc) => reaches(doc, 'hopital', 2) && reaches(doc, 'strasbourg', 3))
      .map((doc) => doc.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(documents.length / 2);
    expect([...given].sort()).toEqual(expected.sort());
  });
});

/** The fewest edits that turn `pattern` into some part of `text` (Sellers' algorithm). */
function substringDistance(pattern: string, text: string): number {
  let previous = Array.from({ length: text.length + 1 }, () => 0);
  for (let i = 1; i <= pattern.length; i++) {
    const row = [i];
    for (let j = 1; j <= text.length; j++)
      row.push(
        Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1)),
      );
    previous = row;
  }
  return Math.min(...previous);
}

describe('the fuzzy stage', () => {
  it('ranks and scores exactly as fuse.js over every record, though it gives fuse only the candidates', () => {
    const documents = searchDocuments(bundled.base);
    const everything = new Fuse(documents, FUSE_OPTIONS);
    const corpus = memoryCorpus(bundled.base);
    const queries = [
      'hopital',
      'hopital strasbourg',
      'alliance ouest',
      'cite des fleurs',
      'meuse',
      'sante numerique',
      'innovation territoire',
      'laboratoire',
      'clinque',
      'fondation diaconesses',
      'teleconsultation',
      'xyzzy',
      'e',
      'pia',
    ];
    let compared = 0;
    for (const text of queries) {
      const query = nameKey(text);
      const expected = everything.search(query).map((r) => [r.item.id, r.score]);
      const narrowed = fuzzySearch(corpus, query).map((r) => [r.item.id, r.score]);
      expect(narrowed, text).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('letters that do not decompose', () => {
  // Ids that do not spell the names out: only the names can match.
  it('finds them written as fuse.js writes them: ß as ss, ł as l, ø as o', () => {
    const index = baseOf([
      org('cabinet-1', { name: 'Cabinet Anne Weiß' }),
      org('klinik-2', { name: 'Klinik Groß-Gerau' }),
      org('szpital-3', { name: 'Szpital Łódź' }),
      org('societe-4', { name: 'Ørsted Santé' }),
      org('hopital-z', { name: 'Hôpital Z' }),
    ]);
    expect(ids(search('weiss', {}, index))).toEqual(['cabinet-1']);
    expect(ids(search('gross gerau', {}, index))).toEqual(['klinik-2']);
    expect(ids(search('lodz', {}, index))).toEqual(['szpital-3']);
    expect(ids(search('orsted', {}, index))).toEqual(['societe-4']);
  });
});

describe('occursWithin', () => {
  it('agrees with a brute-force edit distance on many random words', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (length: number) => Array.from({ length }, () => 'abcde'[Math.floor(random() * 5)]).join('');
    for (let n = 0; n < 3000; n++) {
      const pattern = word(1 + Math.floor(random() * 12));
      const text = word(Math.floor(random() * 16));
      for (const errors of [0, 1, 2, 3])
        expect(occursWithin(pattern, text, errors), `${pattern} in ${text} with ${errors}`).toBe(
          substringDistance(pattern, text) <= errors,
        );
    }
  });
});

describe('excerpt', () => {
  it('leaves short text whole, on one line', () => {
    expect(excerpt('Hôpital Foch')).toBe('Hôpital Foch');
    expect(excerpt('two\n  lines')).toBe('two lines');
  });

  it('cuts long text around the match, at word boundaries', () => {
    const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
    words[30] = 'needle';
    const text = words.join(' ');
    const start = text.indexOf('needle');
    const cut = excerpt(text, [start, start + 5]);
    expect(cut).toContain('needle');
    expect(cut.startsWith('…word')).toBe(true);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 2);
    // A run of whole words of the text.
    const inner = cut.slice(1, -1);
    expect(text).toContain(inner);
    expect(text[text.indexOf(inner) - 1]).toBe(' ');
    expect(text[text.indexOf(inner) + inner.length]).toBe(' ');
    // Without a position, the beginning.
    expect(excerpt(text).startsWith('word0 word1')).toBe(true);
  });
});
