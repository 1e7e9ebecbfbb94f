import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { buildFromFiles } from '../../src/app/cold-build.js';
import { discoverFiles } from '../../src/load/files.js';
import { renderSql } from '../../src/render/sql.js';
import { openSqliteBuild, sqliteDatabase, sqliteScript } from '../../src/render/sqlite-db.js';
import { FIXTURES } from '../helpers.js';

// The base of tests/fixtures/sql (every kind of column, hostile strings); hostile-text (control
// and bidi characters in text).
async function baseOf(scenario: string) {
  const found = await discoverFiles(join(FIXTURES, scenario, 'data'));
  return (await buildFromFiles(found.files)).base;
}

/** The database built from `script`, its file guessed to be `size` bytes. */
async function built(script: readonly Uint8Array[], size: number): Promise<Uint8Array> {
  const build = await openSqliteBuild(size);
  try {
    for (const chunk of script) build.run(chunk);
    return build.finish();
  } finally {
    build.close();
  }
}

describe('the SQLite file of coop export --format sqlite', () => {
  for (const scenario of ['sql', 'hostile-text']) {
    it(`${scenario}: the script's bytes are renderSql's text, in pieces of whole statements`, async () => {
      const base = await baseOf(scenario);
      const pieces = [...sqliteScript(base, 512)];
      expect(pieces.length).toBeGreaterThan(3);
      const decoder = new TextDecoder();
      expect(pieces.map((piece) => decoder.decode(piece)).join('')).toBe([...renderSql(base, 'sqlite')].join(''));
      for (const piece of pieces) expect(decoder.decode(piece)).toMatch(/;\n$/);
    });

    it(`${scenario}: the same file, byte for byte, whatever room is made for it first`, async () => {
      const base = await baseOf(scenario);
      const script = [...sqliteScript(base)];
      const plain = await built(script, 0);
      // Room made (from 16 MB): the file opened as an empty database's first page and zeros.
      const roomy = await built(script, 64 * 1024 * 1024);
      expect(plain.length).toBeGreaterThan(4096);
      expect(Buffer.from(roomy).equals(Buffer.from(plain))).toBe(true);
      expect(Buffer.from(await sqliteDatabase(base)).equals(Buffer.from(plain))).toBe(true);
    });
  }

  it('is a sound database holding the rows of the script, as sqlite3 would load them, with the planner statistics', async () => {
    const base = await baseOf('sql');
    const file = await built([...sqliteScript(base)], 32 * 1024 * 1024);
    const SQL = await initSqlJs();
    const fromFile = new SQL.Database(file);
    const fromText = new SQL.Database();
    fromText.exec([...renderSql(base, 'sqlite')].join(''));
    fromText.exec('ANALYZE;');
    expect(fromFile.exec('PRAGMA integrity_check')[0]!.values).toEqual([['ok']]);
    const dump = (db: InstanceType<typeof SQL.Database>) =>
      db
        .exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")[0]!
        .values.map(([name]) => [name, db.exec(`SELECT * FROM "${name}"`)[0]?.values ?? []]);
    expect(dump(fromFile)).toEqual(dump(fromText));
    fromFile.close();
    fromText.close();
  });
});
