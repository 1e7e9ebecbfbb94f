/**
 * The only test that reads the shipped data/: it must validate, and keep the facts of its five seed
 * articles, however many articles people have recorded into it since (tests/data/shipped-facts.ts
 * checks presence only). Exact outputs on these records are checked on the frozen copy,
 * tests/fixtures/seed, and tests/data/growth.test.ts shows that a new article breaks nothing here.
 */
import { beforeAll, describe, it } from 'vitest';
import { BUNDLED_DATA } from '../helpers.js';
import {
  exportBase,
  expectFilesFollowTheSchemas,
  expectSeedFacts,
  expectValidates,
  FACT_CHECK,
} from './shipped-facts.js';

describe('the shipped data/', { timeout: 120_000 }, () => {
  it('validates without error', async () => {
    await expectValidates(BUNDLED_DATA);
  });

  it('follows the JSON Schemas, each YAML file with its editor line', async () => {
    await expectFilesFollowTheSchemas(BUNDLED_DATA);
  });

  it('still holds the facts of the five seed articles', async () => {
    await expectSeedFacts(BUNDLED_DATA);
  });
});

describe('the shipped data/ after the fact-check against the seeds (issue 13, part 9)', { timeout: 120_000 }, () => {
  let base: Awaited<ReturnType<typeof exportBase>>;
  beforeAll(async () => {
    base = await exportBase(BUNDLED_DATA);
  });

  it.each(FACT_CHECK)('%s', (_, check) => {
    check(base);
  });
});
