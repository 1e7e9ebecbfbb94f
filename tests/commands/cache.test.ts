import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCoop, SEED_DATA } from '../helpers.js';

/**
 * The cache of validated records never serves stale data: each test works on a copy of the query
 * fixture and a cache folder of its own.
 */
let work: string;
let data: string;
let cacheDir: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'coop-cache-'));
  data = join(work, 'data');
  cacheDir = join(work, 'cache');
  cpSync(join(FIXTURES, 'query-cache', 'data'), data, { recursive: true });
});

afterEach(() => rmSync(work, { recursive: true, force: true }));

const coop = (...args: string[]) =>
  runCoop([...args, '--data', data], { cwd: work, env: { COOP_CACHE_DIR: cacheDir } });
const names = async () =>
  JSON.parse((await coop('list', '--json')).out).map((o: { id: string; name: string }) => `${o.id}=${o.name}`);
const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir) : []);
const orgFile = (id: string) => join(data, 'organisations', `${id}.yaml`);

describe('the cache of validated records', () => {
  it('is written outside the data folder on the first run, and read on the next', async () => {
    const first = await names();
    expect(cacheFiles()).toHaveLength(1);
    expect(readdirSync(data).sort()).toEqual(['articles', 'events', 'funding', 'organisations', 'programmes']);
    expect(await names()).toEqual(first);
  });

  it('is what a warm run reads: an edit made in the cache itself shows', async () => {
    await names();
    const file = join(cacheDir, cacheFiles()[0]!);
    const cached = readFileSync(file, 'utf8');
    expect(cached).toContain('"Clinique des Fleurs"');
    // The same length: records are found by their offsets, and a longer one would read as damage.
    writeFileSync(file, cached.replace('"Clinique des Fleurs"', '"Clinique des FLEURS"'));
    expect(await names()).toContain('clinique-des-fleurs=Clinique des FLEURS');
  });

  it('sees an edited file, even one that keeps its size', async () => {
    await names();
    const text = readFileSync(orgFile('hopital-a'), 'utf8');
    writeFileSync(orgFile('hopital-a'), text.replace('name: Hôpital A', 'name: Hôpital B'));
    expect(await names()).toContain('hopital-a=Hôpital B');
  });

  it('sees an added, a removed and a renamed file', async () => {
    await names();
    writeFileSync(
      orgFile('clinique-nouvelle'),
      'name: Clinique Nouvelle\nkind: clinic\nsources: [gazette-2019-05-02-alliance]\n',
    );
    expect(await names()).toContain('clinique-nouvelle=Clinique Nouvelle');
    rmSync(orgFile('clinique-nouvelle'));
    expect(await names()).not.toContain('clinique-nouvelle=Clinique Nouvelle');
    renameSync(orgFile('groupe-sante-plus'), orgFile('groupe-sante-plus-renamed'));
    const after = await names();
    expect(after).toContain('groupe-sante-plus-renamed=Groupe Santé Plus');
    expect(after).not.toContain('groupe-sante-plus=Groupe Santé Plus');
  });

  it('keeps the diagnostics: a warm run still says the base has errors', async () => {
    writeFileSync(orgFile('hopital-a'), 'name: Hôpital A\nkind: hopital\nsources: [gazette-2019-05-02-alliance]\n');
    const cold = await coop('list');
    const warm = await coop('list');
    expect(cold.err).toBe('coop: the base has 1 error (see coop validate); answering from the valid records\n');
    expect(warm).toEqual(cold);
    expect((await coop('validate')).out).toContain('[bad-enum]');
  });

  it.each([
    ['corrupt', (text: string) => text.replace(/[{}]/g, '#')],
    ['truncated', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['foreign', () => '{"format":"something-else","version":1,"key":"x"}\n{"base":{}}'],
    ['empty', () => ''],
    ['a header without payload', (text: string) => text.split('\n')[0]!],
  ])('is ignored and rebuilt when %s', async (_case, damage) => {
    const expected = await names();
    const file = join(cacheDir, cacheFiles()[0]!);
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    expect(await names()).toEqual(expected);
    // Rebuilt: the next run reads a whole cache again.
    const header = JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!);
    expect(header.format).toBe('coop-cache');
  });

  it('is removed and rebuilt when a table is found damaged only once a command reads it', async () => {
    const expected = await coop('events');
    const file = join(cacheDir, cacheFiles()[0]!);
    const cached = readFileSync(file, 'utf8');
    // One event loses a quote, at the same length: the header and directory still hold, so the
    // damage shows only when the events are read.
    writeFileSync(file, cached.replace('"fris-award"', '"fris-award '));
    expect(await coop('events')).toEqual(expected);
    expect(readFileSync(file, 'utf8')).toContain('"fris-award"');
  });

  it('is UTF-8, and reads accents back whole', async () => {
    await names();
    const cached = readFileSync(join(cacheDir, cacheFiles()[0]!));
    expect(new TextDecoder('utf-8', { fatal: true }).decode(cached)).toContain('"Hôpital A"');
    expect(await names()).toContain('hopital-a=Hôpital A');
  });

  it('is neither read nor written with --no-cache', async () => {
    await coop('list', '--no-cache');
    expect(cacheFiles()).toEqual([]);
    await names();
    const file = join(cacheDir, cacheFiles()[0]!);
    const cached = readFileSync(file, 'utf8');
    expect(cached).toContain('"Clinique des Fleurs"');
    writeFileSync(file, cached.replace('"Clinique des Fleurs"', '"Clinique des Fleurs (from the cache)"'));
    const listed = JSON.parse((await coop('list', '--json', '--no-cache')).out).map((o: { name: string }) => o.name);
    expect(listed).toContain('Clinique des Fleurs');
    expect(listed).not.toContain('Clinique des Fleurs (from the cache)');
  });

  it('is not used when it would fall inside the data folder', async () => {
    const inside = await runCoop(['list', '--data', data], {
      cwd: work,
      env: { COOP_CACHE_DIR: join(data, '.cache') },
    });
    expect(inside.code).toBe(0);
    expect(existsSync(join(data, '.cache'))).toBe(false);
  });

  it('is never torn by runs at the same time', async () => {
    const bin = join(REPO, 'bin', 'coop.cjs');
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [bin, 'list', '--data', data], {
          env: { PATH: process.env.PATH ?? '', COOP_CACHE_DIR: cacheDir },
        });
        let out = '';
        child.stdout.on('data', (chunk) => (out += chunk));
        child.on('close', (code) => resolve({ code, out }));
      });
    const results = await Promise.all(Array.from({ length: 6 }, run));
    for (const result of results) expect(result).toEqual(results[0]);
    expect(results[0]!.code).toBe(0);
    expect(results[0]!.out.split('\n')).toHaveLength(10);
    // One cache file, whole, and no temporary file left behind.
    expect(cacheFiles()).toHaveLength(1);
    // A header, the diagnostics, then the tables, organisations first, one record a line; last,
    // the offset of the directory.
    const lines = readFileSync(join(cacheDir, cacheFiles()[0]!), 'utf8').split('\n');
    expect(JSON.parse(lines[0]!).format).toBe('coop-cache');
    expect(JSON.parse(lines[1]!)).toEqual([]);
    expect(JSON.parse(lines.slice(2, lines.indexOf(']') + 1).join('\n'))).toHaveLength(8);
    expect(lines.at(-1)).toMatch(/^\d{16}$/);
    expect((await run()).out).toBe(results[0]!.out);
  });

  // The query fixture, and the seed base (tests/fixtures/seed: a frozen copy of data/, so that the
  // number of runs does not grow with data/), each a test of its own with room for a busy machine.
  it.each([
    ['the query fixture', join(FIXTURES, 'query-cache', 'data')],
    ['the seed base', SEED_DATA],
    ['the money fixture', join(FIXTURES, 'money-base', 'data')],
  ])(
    'answers every query from its stored lookups exactly as from the data files: %s',
    async (_name, source) => {
      rmSync(data, { recursive: true, force: true });
      cpSync(source, data, { recursive: true });
      rmSync(cacheDir, { recursive: true, force: true });
      const ids = (await coop('__ids')).out.trim().split('\n');
      const organisations = (await coop('__ids', 'organisation')).out.trim().split('\n');
      const programmes = (await coop('__ids', 'programme')).out.trim().split('\n');
      const runs = [
        ['list'],
        ['list', '--region', 'grand-est'],
        ['list', '--region', 'idf'],
        ['stats'],
        ['export'],
        ['search', 'hopital'],
        ['search', 'alliance', '--type', 'organisation'],
        ['search', 'cite des fleurs'],
        ['search', 'hopital strasbourg'],
        ['search', 'alliance ouest', '--limit', '3'],
        ['search', 'fosh'],
        ['search', 'santé', '--type', 'event'],
        ['search', 'xyzzy'],
        ['events'],
        ...ids.flatMap((id) => [
          ['show', id],
          ['sources', id],
        ]),
        ...(source === SEED_DATA ? [] : ids.map((id) => ['show', id, '--json'])),
        ...organisations.flatMap((id) => [
          ['list', '--member-of', id],
          ['list', '--has-member', id],
          ['funding', '--recipient', id],
          ['events', '--org', id],
        ]),
        ...programmes.flatMap((id) => [
          ['funding', '--program', id],
          ['events', '--program', id],
        ]),
        ...[...organisations, ...programmes].flatMap((id) => [
          ['graph', id],
          ['graph', id, '--depth', '2', '--format', 'mermaid'],
        ]),
      ];
      expect(runs.length).toBeGreaterThan(60);
      for (const args of runs) {
        const fromFiles = await coop(...args, '--no-cache');
        const warm = await coop(...args);
        // The records and their lookups; after a first search, the search corpus beside them.
        expect(cacheFiles().filter((name) => !name.endsWith('.search.json'))).toHaveLength(1);
        expect(warm, args.join(' ')).toEqual(fromFiles);
      }
    },
    300_000,
  );

  it('answers places, agreements and authorisations from its stored lookups exactly as from the data files', async () => {
    rmSync(data, { recursive: true, force: true });
    cpSync(join(FIXTURES, 'query-territory', 'data'), data, { recursive: true });
    const runs = [
      ['list', '--department', '01'],
      ['list', '--department', '39'],
      ['list', '--department', '39', '--region', 'aura'],
      ['list', '--region', 'bfc'],
      ['list', '--region', 'auvergne-rhone-alpes'],
      ['show', 'ch-de-valbrune'],
      ['show', 'cpts-val-de-brune'],
      ['show', 'cpom-ch-de-valbrune-2024-2028'],
      ['show', 'CPOM 2024-2028 du CH de Valbrune'],
      ['show', 'cpom-ch-de-valbrune-2024-2028', '--json'],
      ['sources', 'ch-de-valbrune'],
      ['sources', 'courrier-2024-01-15-cpom-valbrune'],
      ['search', 'cpom'],
      ['export'],
      ['__ids', 'agreement'],
      ['validate'],
    ];
    await coop('validate'); // writes the cache: every run below reads it
    expect(cacheFiles()).toHaveLength(1);
    for (const args of runs) {
      const fromFiles = await coop(...args, '--no-cache');
      const warm = await coop(...args);
      expect(warm, args.join(' ')).toEqual(fromFiles);
      expect(warm.code, args.join(' ')).toBe(0);
    }
    // The department lookup answered: the hospital names no department, only its sites' communes.
    expect((await coop('list', '--department', '39')).out).toContain('ch-de-valbrune');
  });

  it('keeps the search corpus in a second file, built by the first search and trusted only for the same data', async () => {
    await coop('list');
    expect(cacheFiles()).toHaveLength(1);
    const first = await coop('search', 'clinique');
    expect(cacheFiles().filter((name) => name.endsWith('.search.json'))).toHaveLength(1);
    expect(await coop('search', 'clinique')).toEqual(first);
    // An edit makes both stale: the next search sees the new name.
    writeFileSync(
      orgFile('hopital-a'),
      readFileSync(orgFile('hopital-a'), 'utf8').replace('name: Hôpital A', 'name: Clinique Zéphyr'),
    );
    expect((await coop('search', 'zephyr')).out).toContain('hopital-a');
    // A damaged search file is removed and rebuilt; the answer stays the same.
    const searchFile = join(cacheDir, cacheFiles().find((name) => name.endsWith('.search.json'))!);
    writeFileSync(searchFile, readFileSync(searchFile, 'utf8').replace('"zephyr"', '"zephyr '));
    expect((await coop('search', 'zephyr')).out).toContain('hopital-a');
    expect(readFileSync(searchFile, 'utf8')).toContain('"zephyr"');
  });

  it('finds names such as __proto__ and constructor in its stored lookups as in the data files', async () => {
    writeFileSync(
      orgFile('hopital-a'),
      readFileSync(orgFile('hopital-a'), 'utf8').replace(
        'name: Hôpital A',
        'name: __proto__\naliases: [constructor, toString]',
      ),
    );
    for (const query of ['__proto__', 'constructor', 'tostring']) {
      const fromFiles = await coop('show', query, '--no-cache');
      expect(fromFiles.code, query).toBe(0);
      await coop('show', query);
      expect(await coop('show', query), query).toEqual(fromFiles);
    }
  });

  it('waits to cache a base whose file, on a file system keeping whole seconds, was written in the last second or two', async () => {
    // A whole-second time, as FAT or some network file systems keep: an edit within that second,
    // at the same size, would keep the key.
    const now = Math.floor(Date.now() / 1000);
    utimesSync(orgFile('hopital-a'), now, now);
    await names();
    expect(cacheFiles()).toEqual([]);
    // Seconds later, the time says all it can: the base is cached.
    utimesSync(orgFile('hopital-a'), now - 10, now - 10);
    await names();
    expect(cacheFiles()).toHaveLength(1);
  });

  it('caches a base whose file has a whole-second time in the future (a machine with a fast clock)', async () => {
    const later = Math.floor(Date.now() / 1000) + 3600;
    utimesSync(orgFile('hopital-a'), later, later);
    await names();
    expect(cacheFiles()).toHaveLength(1);
  });

  it('takes a record offset that lands anywhere but the start of a line for damage, and rebuilds', async () => {
    const expected = await coop('show', 'hopital-a', '--no-cache');
    await coop('show', 'hopital-a');
    const file = join(cacheDir, cacheFiles()[0]!);
    const cached = readFileSync(file, 'utf8');
    // The line break before hopital-a's record becomes a space: the same length, the JSON of the
    // table still valid, the record's own text intact; only where it starts is wrong.
    const at = cached.indexOf('{"name":"Hôpital A"');
    expect(cached[at - 1]).toBe('\n');
    writeFileSync(file, `${cached.slice(0, at - 1)} ${cached.slice(at)}`);
    expect(await coop('show', 'hopital-a')).toEqual(expected);
    expect(readFileSync(file, 'utf8')[readFileSync(file, 'utf8').indexOf('{"name":"Hôpital A"') - 1]).toBe('\n');
  });
});
