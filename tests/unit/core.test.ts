import { describe, expect, it } from 'vitest';
import { certainlyBefore, edtfProblem } from '../../src/core/dates.js';
import { findCommunes, findDepartment, findRegion } from '../../src/core/geography.js';
import { finessProblem, rnaProblem, sirenProblem, siretProblem, wikidataProblem } from '../../src/core/identifiers.js';
import { closest, didYouMean, fold, slugify } from '../../src/core/text.js';

describe('dates', () => {
  it.each([
    '2017-09-13',
    '2017-09',
    '2018',
    '2012-12~',
    '2015?',
    '2017-09/2019-03',
    '2019-11-15/..',
    '../2013-10-09',
    '2020-02-29',
  ])('accepts %s', (text) => {
    expect(edtfProblem(text)).toBeUndefined();
  });

  it('refuses days that do not exist, which edtf itself rolls over', () => {
    expect(edtfProblem('2019-02-29')).toBe('2019-02-29 does not exist: month 2 of 2019 has 28 days');
    expect(edtfProblem('2019-04-31')).toBe('2019-04-31 does not exist: month 4 of 2019 has 30 days');
  });

  it.each(['2019-13', 'last April', '17/04/2015', ''])('refuses %j', (text) => {
    expect(edtfProblem(text)).toBeDefined();
  });

  it('orders only what is certainly before', () => {
    expect(certainlyBefore('2017-08', '2017-09')).toBe(true);
    expect(certainlyBefore('2017-09-30', '2017-09')).toBe(false);
    expect(certainlyBefore('2017-09/2019-03', '2018')).toBe(false);
  });
});

describe('identifiers', () => {
  it('checks SIREN and SIRET Luhn keys', () => {
    expect(sirenProblem('732829320')).toBeUndefined();
    expect(sirenProblem('732829321')).toBe('SIREN "732829321" has a wrong check digit');
    expect(sirenProblem('73282932')).toBe('SIREN "73282932" must be 9 digits');
    expect(siretProblem('73282932000017')).toBeUndefined();
    expect(siretProblem('73282932000018')).toBe('SIRET "73282932000018" has a wrong check digit');
  });

  it("applies La Poste's digit-sum rule to its establishments", () => {
    expect(siretProblem('35600000012346')).toBeUndefined();
    expect(siretProblem('35600000012345')).toBe('SIRET "35600000012345" has a wrong check digit');
  });

  it('checks FINESS, RNA and Wikidata formats', () => {
    expect(finessProblem('010000008')).toBeUndefined();
    expect(finessProblem('010000009')).toBe('FINESS "010000009" has a wrong check digit');
    expect(finessProblem('2A0000001')).toBeUndefined();
    expect(finessProblem('92-000')).toMatch(/must be 9 characters/);
    expect(rnaProblem('W751234567')).toBeUndefined();
    expect(rnaProblem('751234567')).toMatch(/must be W followed by 9 characters/);
    expect(wikidataProblem('Q90')).toBeUndefined();
    expect(wikidataProblem('90')).toMatch(/must be Q followed by digits/);
  });
});

describe('geography', () => {
  it('finds a region by slug, name in any case and accents, code or short form', () => {
    for (const query of ['grand-est', 'Grand Est', 'GRAND EST', '44'])
      expect(findRegion(query)?.slug).toBe('grand-est');
    expect(findRegion('paca')?.slug).toBe('provence-alpes-cote-d-azur');
    expect(findRegion("Provence-Alpes-Côte d'Azur")?.code).toBe('93');
    expect(findRegion('idf')?.name).toBe('Île-de-France');
    expect(findRegion('atlantis')).toBeUndefined();
  });

  it('knows departments and communes', () => {
    expect(findDepartment('2a')?.name).toBe('Corse-du-Sud');
    expect(findDepartment('92')?.region).toBe('11');
    expect(findCommunes('Rueil-Malmaison')).toEqual([{ name: 'Rueil-Malmaison', department: '92' }]);
    expect(findCommunes('saint cloud').map((c) => c.department)).toContain('92');
  });
});

describe('text', () => {
  it('folds case and accents, and slugs names', () => {
    expect(fold('Cité des Fleurs')).toBe('cite des fleurs');
    expect(slugify("Provence-Alpes-Côte d'Azur")).toBe('provence-alpes-cote-d-azur');
  });

  it('suggests the closest candidates first', () => {
    expect(closest('hopital-fosh', ['hopital-foch', 'ap-hm', 'hopital-gouin'])).toEqual([
      'hopital-foch',
      'hopital-gouin',
    ]);
    expect(didYouMean('hopital', ['hospital', 'clinic'])).toBe('did you mean "hospital"?');
    expect(didYouMean('zzz', ['hospital', 'clinic'])).toBeUndefined();
  });
});

describe('chronological order', () => {
  it('places a span by its middle, an open span by its known end', async () => {
    const { dateSortKey } = await import('../../src/core/dates.js');
    const ordered = ['2019-05/2020', '2019?', '2019-05-02', '../2018-06', '2020-03-10', '2019-11-15/..'].sort(
      (a, b) => dateSortKey(a) - dateSortKey(b),
    );
    expect(ordered).toEqual(['../2018-06', '2019-05-02', '2019?', '2019-11-15/..', '2019-05/2020', '2020-03-10']);
  });
});

describe('date bounds', () => {
  it('reads the common forms as edtf does', async () => {
    const { dateBounds } = await import('../../src/core/dates.js');
    const edtf = (await import('edtf')).default;
    for (const text of [
      '2017',
      '2017-09',
      '2017-09-13',
      '2012-12~',
      '2015?',
      '2015-04-17%',
      '2020-02',
      '2017-09/2019-03-11',
      '2015-04-17/2015-06-12',
    ]) {
      const expected = edtf(text);
      expect(dateBounds(text), text).toEqual({ min: expected.min, max: expected.max });
    }
    expect(dateBounds('2019-11-15/..')).toEqual({ min: Date.UTC(2019, 10, 15), max: Infinity });
    expect(dateBounds('../2013-10-09')).toEqual({ min: -Infinity, max: Date.UTC(2013, 9, 10) - 1 });
  });

  it('leaves the rarer forms to edtf', async () => {
    const { dateBounds } = await import('../../src/core/dates.js');
    expect(dateBounds('2019-21')).toBeDefined();
    expect(dateBounds('2019-02-30')).toBeUndefined();
  });
});

describe('French name order', () => {
  it('ignores case and accents, and orders numbers by value, like the collator', async () => {
    const { sortByName } = await import('../../src/core/base-index.js');
    const names = [
      'Hôpital 10',
      'hôpital 9',
      'Établissement B',
      'Clinique des Fleurs',
      'clinique de la Verrière',
      'Ehpad Les Tilleuls',
      'État',
    ];
    const records = names.map((name, i) => ({ name, id: `r${i}` }));
    const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });
    expect(sortByName(records).map((r) => r.name)).toEqual([...names].sort(collator.compare));
  });
});
