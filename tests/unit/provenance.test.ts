import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexBase } from '../../src/core/base-index.js';
import { citationIndex } from '../../src/core/provenance.js';
import { spanMeets } from '../../src/core/timeline.js';
import { buildBase } from '../../src/core/validate.js';
import { citingRecords } from '../../src/core/views.js';
import { loadDataFolder } from '../../src/load/read-data-folder.js';
import { FIXTURES, SEED_DATA } from '../helpers.js';

describe('citationIndex', () => {
  // One pass over the base for `coop sources`; it must say exactly what citingRecords says per article.
  it.each([
    ['seed base', SEED_DATA],
    ['query fixture', join(FIXTURES, 'query-sources', 'data')],
  ])('agrees with citingRecords on the %s', async (_name, dir) => {
    const index = indexBase(buildBase((await loadDataFolder(dir)).files).base);
    expect(index.base.articles.length).toBeGreaterThan(0);
    const citations = citationIndex(index);
    for (const article of index.base.articles) {
      expect(citations.get(article.id) ?? []).toEqual(
        citingRecords(index, article.id).map(({ type, id }) => ({ type, id })),
      );
    }
  });
});

describe('spanMeets', () => {
  const span = { min: 10, max: 20 };
  it('keeps a span touching either end of the range, and drops one outside it', () => {
    expect(spanMeets(span, 20, 30)).toBe(true);
    expect(spanMeets(span, 0, 10)).toBe(true);
    expect(spanMeets(span, 21, 30)).toBe(false);
    expect(spanMeets(span, 0, 9)).toBe(false);
    expect(spanMeets(span)).toBe(true);
  });

  it('keeps an unreadable date only when no range is asked', () => {
    expect(spanMeets(undefined)).toBe(true);
    expect(spanMeets(undefined, 0)).toBe(false);
  });
});
