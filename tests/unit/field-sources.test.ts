import { describe, expect, it } from 'vitest';
import { disputedValues, fieldSourceArticles, sourcesOfField } from '../../src/core/field-sources.js';

const record = {
  sources: ['gazette-a'],
  field_sources: { city: ['journal-b', 'hebdo-c'], kind: 'common-knowledge' as const },
  disputed: { city: [{ value: 'Loos', sources: ['hebdo-d'], note: 'ancien site' }] },
};

describe('sourcesOfField', () => {
  it('gives a field its own articles, common knowledge, or the record sources as the fallback', () => {
    expect(sourcesOfField(record, 'city')).toEqual({ basis: 'articles', articles: ['journal-b', 'hebdo-c'] });
    expect(sourcesOfField(record, 'kind')).toEqual({ basis: 'common-knowledge' });
    expect(sourcesOfField(record, 'name')).toEqual({ basis: 'record-sources', articles: ['gazette-a'] });
    expect(sourcesOfField({ sources: ['gazette-a'] }, 'city')).toEqual({
      basis: 'record-sources',
      articles: ['gazette-a'],
    });
  });

  it('lists the disputed values of a field, and every article field_sources and disputed cite', () => {
    expect(disputedValues(record, 'city')).toEqual([{ value: 'Loos', sources: ['hebdo-d'], note: 'ancien site' }]);
    expect(disputedValues(record, 'kind')).toEqual([]);
    expect(fieldSourceArticles(record)).toEqual(['journal-b', 'hebdo-c', 'hebdo-d']);
  });
});
