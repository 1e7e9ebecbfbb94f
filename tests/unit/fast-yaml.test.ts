import { readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastParse } from '../../src/load/fast-yaml.js';
import { parseYaml } from '../../src/load/yaml.js';
import { FIXTURES, SEED_DATA } from '../helpers.js';

/**
 * The quick reader (js-yaml) may only ever give what the full parser (`yaml`) gives: for every text
 * it accepts, the full parser must find no problem and the very same values. Where it declines, the
 * full parser reads the file, so declining is always safe.
 */
function expectSameAsFullParser(text: string, label: string): boolean {
  const quick = fastParse(text);
  if (!quick) return false;
  const full = parseYaml('x.yaml', text, 0, { fast: false });
  expect(full.diagnostics, `${label}: the full parser refuses what the quick one accepted`).toEqual([]);
  expect(quick.data, label).toEqual(full.data);
  return true;
}

function yamlTexts(root: string): Array<[string, string]> {
  const texts: Array<[string, string]> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      let info: Stats;
      try {
        info = statSync(path);
      } catch {
        continue;
      }
      if (info.isDirectory()) walk(path);
      else if (info.isFile() && info.size < 200_000 && /\.(ya?ml|md)$/.test(name)) {
        let text: string;
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          continue;
        }
        const front = name.endsWith('.md') ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] : text;
        if (front !== undefined) texts.push([path, front]);
      }
    }
  };
  walk(root);
  return texts;
}

describe('the quick YAML reader', () => {
  it('reads every fixture file (the seed copy of data/ among them) as the full parser does, and most of them quickly', () => {
    const texts = yamlTexts(FIXTURES);
    expect(texts.length).toBeGreaterThan(300);
    let quick = 0;
    for (const [path, text] of texts) if (expectSameAsFullParser(text, path)) quick++;
    // The point of it: the ordinary files take the quick way.
    expect(quick).toBeGreaterThan(texts.length / 2);
  });

  it('gives plain scalars the YAML 1.2 core types, as `yaml` does, not YAML 1.1 ones', () => {
    const scalars = [
      '123',
      '+12',
      '-0',
      '0o17',
      '0x1F',
      '012',
      '123_456',
      '0b101',
      '1:20',
      '1e3',
      '1E-2',
      '.5',
      '+.5',
      '1.',
      '0.',
      '1e',
      'e3',
      '.inf',
      '-.Inf',
      '+.INF',
      '.NaN',
      '.nan',
      'nan',
      'yes',
      'no',
      'on',
      'off',
      'Yes',
      'y',
      'n',
      '~',
      'null',
      'Null',
      'NULL',
      'nULL',
      'true',
      'True',
      'TRUE',
      'tRUE',
      'false',
      '2019-03-11',
      '2019-03-11T10:00:00Z',
      '12:30:00',
      '9007199254740993',
      '1_0',
      '0x',
      '0o',
      '0o8',
      '-0x1F',
      '+0o7',
      '00',
      '0000123',
      '1,5',
      'Hôpital Foch',
      "l'Alliance",
      'a # not a comment',
      'x: y',
    ];
    let quick = 0;
    for (const scalar of scalars) {
      for (const text of [
        `key: ${scalar}\n`,
        `- ${scalar}\n`,
        `key: [${scalar}]\n`,
        `key: "${scalar}"\n`,
        `key: '${scalar.replace(/'/g, "''")}'\n`,
      ]) {
        if (expectSameAsFullParser(text, text)) quick++;
      }
    }
    expect(quick).toBeGreaterThan(scalars.length * 3);
    expect(fastParse('siren: 123_456\n')?.data).toEqual({ siren: '123_456' });
    expect(fastParse('date: 2019-03-11\n')?.data).toEqual({ date: '2019-03-11' });
    expect(fastParse('on: yes\n')?.data).toEqual({ on: 'yes' });
  });

  it('reads block scalars, escapes and folded quotes as `yaml` does', () => {
    const texts = [
      'a: |\n  one\n  two\n\n\nb: 1\n',
      'a: |-\n  one\n  two\n\n',
      'a: |+\n  one\n\n\n',
      'a: >\n  one\n  two\n\n  three\n',
      'a: >-\n  one\n   indented\n  two\n',
      'a: |2\n    indented\n  base\n',
      'a: "\\x41 \\u00e9 \\t \\\\ \\" \\/ \\N \\_ \\L \\P \\e \\0 \\a \\U0001F600"\n',
      'a: "one\n  two\n\n  three"\n',
      "a: 'one\n  two\n\n  three'\n",
      'a: plain\n  continued\n  lines\n',
      'a:\n  - x\n  -   y\n  - - z\n',
      'a: b # comment\n# comment\nc: d\n',
      'a: "trailing  "\nb: \'  lead\'\n',
      'a: {b: 1, c: [2, 3]}\n',
      'a: [x, "y, z", \'w\']\n',
      'key with spaces: value\n"quoted key": 1\n',
      '__proto__: x\nconstructor: y\n',
      'a: 1\r\nb: 2\r\n',
      'a:\tb\n',
      'a: b\t\n',
      '\ta: b\n',
      'a: "unterminated\n',
      'a: b\na: c\n',
      'a: [1, 2\n',
      '- a\nb: c\n',
      'a: b: c\n',
    ];
    for (const text of texts) expectSameAsFullParser(text, JSON.stringify(text));
  });

  it('declines anchors, aliases, tags, several documents, complex keys and lists as keys', () => {
    for (const text of [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '---\na: 1\n---\nb: 2\n',
      '? [a]\n: b\n',
      '[a]: b\n',
      '- {[a]: b}\n',
      'a: {b: {c: 1}}\n',
      '- [: x]\n',
      'a: [~: x]\n',
      '~: x\n',
      '12: x\n',
      'true: x\n',
      ': x\n',
      'a: "one\n  two"\n',
      'a: [b,\n  c]\n',
      '<<: {a: 1}\n',
      '%YAML 1.2\n---\na: 1\n',
    ]) {
      expect(fastParse(text), text).toBeUndefined();
    }
  });

  it('declines what the two parsers read differently (found by review): lone carriage returns, escapes beyond Unicode, long keys, bare scalars, tabs', () => {
    const long = 'k'.repeat(1100);
    const texts = [
      'a: b\rc: d\n',
      'a: "x\ry"\n',
      'a: "\\U00110000"\n',
      `${long}: v\n`,
      `"${long}": v\n`,
      `- ${long}: v\n`,
      `a: 1\n${long}: v\n`,
      '\tk\n',
      'a:\n\tb: c\n',
      '|1\n  0\n',
      '|2\n    @\n',
      'a: |2\n    x\n',
      'a: >-1\n  x\n',
      '---0\n',
      '\n\ufeff\\n',
      'k\n',
      'a: b\ufeff\n',
      // Found by a second review: empty nested entries, keep chomping at the end of the text, tabs
      // on blank lines, a comment between a key and its value.
      '- -\n- b\n',
      'members:\n  - - \n  - org: x\n',
      'a: |+\n  x\n  ',
      '- - >\n  \t\n',
      'b:\n  - >\n  \t\n',
      's:\n   a:\t|\n   \t',
      'a:\n#x\n  c d\nb: 1\n',
      'a:\n  b:\n  \t',
      'a: >\n  \n \t',
      'a:\n-\n  - -\n - x\n',
    ];
    for (const text of texts) {
      expect(fastParse(text), JSON.stringify(text)).toBeUndefined();
      // And the full parser, which reads them instead, reports a problem or gives its own values.
      expect(() => parseYaml('x.yaml', text)).not.toThrow();
    }
  });

  it('agrees with the full parser on thousands of damaged copies of real files', () => {
    const texts = [...yamlTexts(join(FIXTURES, 'query-search', 'data')), ...yamlTexts(SEED_DATA)].map(
      ([, text]) => text,
    );
    const pieces = [
      '"',
      "'",
      ':',
      ': ',
      '-',
      '- ',
      '#',
      '\n',
      '\n  ',
      '  ',
      '\t',
      '[',
      ']',
      '{',
      '}',
      ',',
      '|',
      '>',
      '\\',
      'é',
      '0',
      'true',
      '~',
      '|-\n  ',
      '"\\u00e9"',
      '\r',
      '\r\n',
      '\\U0001F600',
      '|2',
      '\ufeff',
      '\u2028',
      '\u0085',
    ];
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      // The high bits: the low bits of this generator repeat with a short period.
      return Math.floor(seed / 65536) % n;
    };
    let compared = 0;
    for (let n = 0; n < 5000; n++) {
      let text = texts[random(texts.length)]!;
      for (let edits = 1 + random(3); edits > 0; edits--) {
        const at = random(text.length + 1);
        const cut = random(3);
        text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at + cut);
      }
      if (expectSameAsFullParser(text, `mutation ${n}: ${JSON.stringify(text)}`)) compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });
});
