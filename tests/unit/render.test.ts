import { describe, expect, it } from 'vitest';
import { renderCsv, renderTsv } from '../../src/render/delimited.js';
import { formatAmount, formatDate } from '../../src/render/format.js';
import { renderJson, renderNdjson } from '../../src/render/json.js';
import { safeLine, safeText } from '../../src/render/sanitize.js';

describe('terminal safety', () => {
  it('shows escape sequences, carriage returns, bell and bidi overrides as visible escapes', () => {
    expect(safeLine('Foch\u001b[31m red\u0007\r\u202eevil')).toBe('Foch\\x1B[31m red\\x07\\r\\u202Eevil');
    expect(safeText('line one\nline\ttwo\u009b')).toBe('line one\nline\ttwo\\x9B');
    expect(safeLine('a\nb\tc')).toBe('a\\nb\\tc');
  });

  it('escapes in JSON what JSON.stringify lets through', () => {
    expect(renderJson({ name: 'x\u202ey\u2028z\u001b' })).toBe('{\n  "name": "x\\u202ey\\u2028z\\u001b"\n}\n');
    expect(renderNdjson([{ a: '\u2029' }, { b: 1 }])).toBe('{"a":"\\u2029"}\n{"b":1}\n');
  });
});

describe('delimited output', () => {
  it('TSV: one line a record, tabs and newlines in values escaped', () => {
    expect(renderTsv(['id', 'note'], [['a', 'two\nlines\tand a tab']])).toBe('id\tnote\na\ttwo\\nlines\\tand a tab\n');
  });

  it('CSV: quotes what needs it and keeps newlines, so text reads back whole', () => {
    expect(
      renderCsv(
        ['id', 'note'],
        [
          ['a', 'say "hi", twice'],
          ['b', 'two\nlines'],
          ['c', 'esc\u001b'],
        ],
      ),
    ).toBe('id,note\r\na,"say ""hi"", twice"\r\nb,"two\nlines"\r\nc,esc\\x1B\r\n');
  });
});

describe('formatting for people', () => {
  it.each([
    [10600000, '10.6 M€'],
    [25000000, '25 M€'],
    [150000000, '150 M€'],
    [450000, '450 k€'],
    [1234567890, '1.23 Md€'],
    [950, '950 €'],
  ])('formats %i as %s', (amount, text) => {
    expect(formatAmount(amount)).toBe(text);
  });

  it('names a currency other than the euro', () => {
    expect(formatAmount(100000, 'USD')).toBe('100 k USD');
  });

  it.each([
    ['2017-09-13', '2017-09-13'],
    ['2012-12~', 'c. 2012-12'],
    ['2015?', '2015?'],
    ['2015%', 'c. 2015?'],
    ['2017-09/2019-03', 'between 2017-09 and 2019-03'],
    ['2019-11-15/..', '2019-11-15 or later'],
    ['../2013-10-09', 'by 2013-10-09'],
  ])('shows %s as %s', (edtf, text) => {
    expect(formatDate(edtf)).toBe(text);
  });
});

describe('styles', () => {
  it('without colour, returns text untouched through any chain, and can be awaited', async () => {
    const { loadStyle } = await import('../../src/render/style.js');
    const plain = await loadStyle(false);
    expect(plain.bold.underline('Sources')).toBe('Sources');
    expect(plain.red('x')).toBe('x');
  });

  it('with colour, wraps text in ANSI codes', async () => {
    const { loadStyle } = await import('../../src/render/style.js');
    expect((await loadStyle(true)).bold('x')).toBe('\u001b[1mx\u001b[22m');
  });
});
