import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newArticleText, newRecordPath, newYamlFileText } from '../../src/edit/new-record.js';

describe('the text of a new record', () => {
  it('orders keys as the data model does, whatever order they come in', () => {
    const text = newYamlFileText('organisation', {
      sources: ['a'],
      city: 'Suresnes',
      kind: 'clinic',
      name: 'X',
      department: '92',
    });
    expect(text).toBe('name: X\nkind: clinic\ndepartment: "92"\ncity: Suresnes\nsources:\n  - a\n');
  });

  it('starts with the schema line given, and with nothing else when none is', () => {
    const line = '# yaml-language-server: $schema=../../schema/programme.schema.json';
    expect(newYamlFileText('programme', { name: 'P', sources: ['a'] }, line)).toBe(
      `${line}\nname: P\nsources:\n  - a\n`,
    );
    expect(newYamlFileText('programme', { name: 'P', sources: ['a'] })).toBe('name: P\nsources:\n  - a\n');
  });

  it('quotes dates, folds long prose at 100 columns, keeps long names on one line', () => {
    const name =
      'Groupement de coopération sanitaire des laboratoires de biologie médicale des établissements de santé';
    const description = `${'Une phrase assez longue pour être repliée. '.repeat(4).trim()}\n\nUn second paragraphe.`;
    const text = newYamlFileText('organisation', { name, kind: 'gcs', founded: '2019', description, sources: ['a'] });
    expect(text).toBe(
      [
        `name: ${name}`,
        'kind: gcs',
        'founded: "2019"',
        'description: >-',
        '  Une phrase assez longue pour être repliée. Une phrase assez longue pour être repliée. Une phrase',
        '  assez longue pour être repliée. Une phrase assez longue pour être repliée.',
        // Folded: one line break of the text is one blank line, so a paragraph break is two.
        '',
        '',
        '  Un second paragraphe.',
        'sources:',
        '  - a',
        '',
      ].join('\n'),
    );
    expect(parse(text)).toEqual({ name, kind: 'gcs', founded: '2019', description, sources: ['a'] });
  });

  it('writes an article as front matter and summary, or front matter alone', () => {
    expect(newArticleText({ date: '2020', title: 'T', authors: [], language: 'fr' }, '\n  Summary.\n\n')).toBe(
      '---\ntitle: T\ndate: "2020"\nauthors: []\nlanguage: fr\n---\n\nSummary.\n',
    );
    expect(newArticleText({ title: 'T', date: '2020', authors: ['A'] })).toBe(
      '---\ntitle: T\ndate: "2020"\nauthors:\n  - A\n---\n',
    );
  });

  it('refuses a field the data model does not have (a bug in the caller, not a user error)', () => {
    expect(() => newYamlFileText('programme', { name: 'P', kind: 'clinic', sources: ['a'] })).toThrow(
      'not fields of programme: kind',
    );
  });

  it('places each type in its folder', () => {
    expect([
      newRecordPath('organisation', 'x'),
      newRecordPath('programme', 'x'),
      newRecordPath('article', 'x'),
    ]).toEqual(['organisations/x.yaml', 'programmes/x.yaml', 'articles/x.md']);
  });
});
