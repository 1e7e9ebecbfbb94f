import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOf, type Copy } from './helpers.js';

let copies: Copy[] = [];
afterEach(() => {
  for (const copy of copies) copy.remove();
  copies = [];
});
const copy = () => {
  const made = copyOf();
  copies.push(made);
  return made;
};

const cacheFiles = (folder: string) =>
  existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')) : [];

describe('cache hazards end in a working run', () => {
  it('a FIFO at the cache path and at the search cache path: answered at once, from the data', {
    timeout: 120_000,
  }, () => {
    const base = copy();
    base.bin(['list']);
    const [main] = cacheFiles(base.cache).filter((name) => !name.endsWith('.search.json'));
    for (const name of [main!, main!.replace(/\.json$/, '.search.json')]) {
      execFileSync('rm', ['-f', join(base.cache, name)]);
      execFileSync('mkfifo', [join(base.cache, name)]);
    }
    const listed = base.bin(['list'], { timeout: 20_000 });
    expect(listed.signal).toBeNull();
    expect(listed.status).toBe(0);
    expect(listed.stdout).toContain('clinique-des-fleurs');
    const found = base.bin(['search', 'fleurs'], { timeout: 20_000 });
    expect(found.signal).toBeNull();
    expect(found.status).toBe(0);
    expect(found.stdout).toContain('clinique-des-fleurs');
  });

  it('a cache folder under /proc: no endless loop', { timeout: 120_000 }, () => {
    const base = copy();
    const result = base.bin(['list'], { timeout: 20_000, env: { COOP_CACHE_DIR: '/proc/self/coop-cache/x' } });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('clinique-des-fleurs');
  });

  it('a cache folder that is a link into the data folder: nothing written there', { timeout: 120_000 }, () => {
    const base = copy();
    mkdirSync(join(base.dir, 'organisations', 'cachedir'));
    symlinkSync(join(base.dir, 'organisations', 'cachedir'), join(base.root, 'link'));
    const result = base.bin(['list'], { env: { COOP_CACHE_DIR: join(base.root, 'link') } });
    expect(result.status).toBe(0);
    expect(readdirSync(join(base.dir, 'organisations', 'cachedir'))).toEqual([]);
  });

  // Parts of the wrong type; an empty object of the right type is content, which the key does not cover.
  for (const replacement of ['null', '"x"', '[1]', '7']) {
    it(`a lookup of the cache set to ${replacement}: the right answer, this run and the next`, {
      timeout: 120_000,
    }, async () => {
      const base = copy();
      const first = await base.run(['list', '--member-of', 'alliance-test']);
      expect(first.code).toBe(0);
      const [main] = cacheFiles(base.cache).filter((name) => !name.endsWith('.search.json'));
      const file = join(base.cache, main!);
      const bytes = readFileSync(file);
      const directoryStart = Number(bytes.subarray(bytes.length - 16).toString());
      const directory = JSON.parse(bytes.subarray(directoryStart, bytes.length - 16).toString()) as {
        lookups: Record<string, [number, number]>;
      };
      // Same length, padded with spaces: offsets and the key stay valid.
      for (const name of ['ids.organisations', 'memberOf', 'byName']) {
        const [start, length] = directory.lookups[name]!;
        if (replacement.length > length) continue;
        bytes.write(replacement.padEnd(length, ' '), start);
      }
      writeFileSync(file, bytes);
      for (let run = 0; run < 2; run++) {
        const again = await base.run(['list', '--member-of', 'alliance-test']);
        expect(again).toEqual(first);
        const shown = await base.run(['show', 'Clinique des Fleurs']);
        expect(shown.code).toBe(0);
      }
    });
  }
});
