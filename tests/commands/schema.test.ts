import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import matter from 'gray-matter';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ORGANISATION_KINDS } from '../../src/core/enums.js';
import { ACCEPTED_KINDS } from '../../src/core/renames.js';
import { REPO, runCoop, SEED_DATA } from '../helpers.js';

const schemas = async () => JSON.parse((await runCoop(['schema'])).out) as Record<string, Record<string, unknown>>;

/** A real JSON Schema validator, as an editor would use the schemas. */
async function validators() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const all = await schemas();
  return Object.fromEntries(Object.entries(all).map(([type, schema]) => [type, ajv.compile(schema)]));
}

// The seed base (tests/fixtures/seed): tests/data/ checks the same of data/ as it grows.
const yamlFiles = (folder: string) =>
  readdirSync(join(SEED_DATA, folder)).map(
    (name) => parse(readFileSync(join(SEED_DATA, folder, name), 'utf8')) as unknown,
  );

describe('coop schema', () => {
  it('prints one JSON Schema per kind of file, from the same model coop validates with', async () => {
    const all = await schemas();
    expect(Object.keys(all)).toEqual([
      'organisation',
      'programme',
      'funding',
      'events',
      'article-front-matter',
      'person',
      'agreement',
    ]);
    const organisation = all.organisation as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { enum?: string[] }>;
    };
    expect(organisation.required).toEqual(['name', 'kind', 'sources']);
    expect(organisation.additionalProperties).toBe(false);
    // The current kinds, then the old names that still work (with a renamed-value warning).
    expect(organisation.properties.kind!.enum).toEqual([...ACCEPTED_KINDS]);
    expect(organisation.properties.kind!.enum!.slice(0, ORGANISATION_KINDS.length)).toEqual([...ORGANISATION_KINDS]);
  });

  it('accepts every file of the seed base', async () => {
    const check = await validators();
    for (const [folder, type] of [
      ['organisations', 'organisation'],
      ['programmes', 'programme'],
      ['funding', 'funding'],
      ['events', 'events'],
    ] as const) {
      for (const data of yamlFiles(folder))
        expect(check[type]!(data), `${folder}: ${JSON.stringify(check[type]!.errors)}`).toBe(true);
    }
    for (const name of readdirSync(join(SEED_DATA, 'articles'))) {
      const front = matter(readFileSync(join(SEED_DATA, 'articles', name), 'utf8'), {
        engines: { yaml: (text: string) => parse(text) as object },
      }).data;
      expect(check['article-front-matter']!(front), name).toBe(true);
    }
  });

  it('refuses what coop validate refuses: an unknown field, a bad kind, a bad id, a missing source', async () => {
    const check = await validators();
    const valid = { name: 'Clinique X', kind: 'clinic', sources: ['gazette-2020-01-15-alliance'] };
    expect(check.organisation!(valid)).toBe(true);
    expect(check.organisation!({ ...valid, colour: 'red' })).toBe(false);
    expect(check.organisation!({ ...valid, kind: 'hopital' })).toBe(false);
    expect(check.organisation!({ ...valid, parent: 'Groupe X' })).toBe(false);
    expect(check.organisation!({ ...valid, sources: [] })).toBe(false);
    expect(
      check.funding!([
        { id: 'x', programme: 'p', recipient: 'r', instrument: 'grant', amount: 1, stage: 'awarded', source: 's' },
      ]),
    ).toBe(true);
    expect(
      check.funding!([
        { id: 'x', programme: 'p', recipient: 'r', instrument: 'gift', amount: 1, stage: 'awarded', source: 's' },
      ]),
    ).toBe(false);
  });

  it('writes one file per kind with --out, and prints their paths', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coop-schema-'));
    try {
      const result = await runCoop(['schema', '--out', dir]);
      const names = [
        'organisation',
        'programme',
        'funding',
        'events',
        'article-front-matter',
        'person',
        'agreement',
      ].map((type) => `${type}.schema.json`);
      expect(result).toEqual({ code: 0, out: names.map((name) => `${join(dir, name)}\n`).join(''), err: '' });
      expect(readdirSync(dir).sort()).toEqual([...names].sort());
      expect(JSON.parse(readFileSync(join(dir, 'organisation.schema.json'), 'utf8'))).toEqual(
        (await schemas()).organisation,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the committed schema/ folder, which the data files point editors to, equal to what coop generates', async () => {
    const all = await schemas();
    expect(readdirSync(join(REPO, 'schema')).sort()).toEqual(
      Object.keys(all)
        .map((type) => `${type}.schema.json`)
        .sort(),
    );
    for (const [type, schema] of Object.entries(all)) {
      expect(
        JSON.parse(readFileSync(join(REPO, 'schema', `${type}.schema.json`), 'utf8')),
        `schema/${type}.schema.json is stale: run coop schema --out schema`,
      ).toEqual(schema);
    }
  });

  it('starts every YAML data file with the yaml-language-server line of its own kind', () => {
    for (const [folder, type] of [
      ['organisations', 'organisation'],
      ['programmes', 'programme'],
      ['funding', 'funding'],
      ['events', 'events'],
    ] as const) {
      for (const name of readdirSync(join(SEED_DATA, folder))) {
        const firstLine = readFileSync(join(SEED_DATA, folder, name), 'utf8').split('\n')[0];
        expect(firstLine, `${folder}/${name}`).toBe(`# yaml-language-server: $schema=../../schema/${type}.schema.json`);
      }
    }
  });
});
