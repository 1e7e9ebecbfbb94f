import { describe, expect, it } from 'vitest';
import * as enums from '../../src/core/enums.js';
import { FRENCH_LABELS, frenchLabel, type ListName } from '../../src/core/labels.js';
import { RENAMES } from '../../src/core/renames.js';

/**
 * Every value of every closed list has a French label: a list or a value added to enums.ts without
 * its label in labels.ts fails here (and in tsc).
 */
describe('French labels', () => {
  const lists = Object.entries(enums).filter(([, values]) => Array.isArray(values)) as Array<
    [ListName, readonly string[]]
  >;

  it('walks every list of enums.ts', () => {
    expect(lists.length).toBeGreaterThanOrEqual(13);
    expect(Object.keys(FRENCH_LABELS).sort()).toEqual(lists.map(([name]) => name).sort());
  });

  it.each(lists)(
    '%s: every value has a French label, and no label names a value that does not exist',
    (name, values) => {
      const labels = FRENCH_LABELS[name] as Record<string, string>;
      for (const value of values) expect(labels[value], `${name}: ${value} has no French label`).toMatch(/\S/);
      expect(Object.keys(labels).sort()).toEqual([...values].sort());
    },
  );

  it('labels the old names too, and falls back on the value itself', () => {
    expect(frenchLabel('ORGANISATION_KINDS', 'chu')).toBe('CHU/CHR');
    expect(frenchLabel('ORGANISATION_KINDS', 'nursing-home')).toBe('maison de retraite');
    expect(frenchLabel('MEMBER_ROLES', 'coordinator')).toBe('chef de file');
    expect(frenchLabel('SECTORS', 'mixed')).toBe('mixte');
    expect(frenchLabel('EVENT_KINDS', 'not-a-kind')).toBe('not-a-kind');
  });
});

describe('renamed values', () => {
  it('an old value is no current value, and each new value it names is current', () => {
    const current: Record<keyof typeof RENAMES, readonly string[]> = {
      kind: enums.ORGANISATION_KINDS,
      sector: enums.SECTORS,
      legal_form: enums.LEGAL_FORMS,
      role: enums.MEMBER_ROLES,
    };
    for (const [field, table] of Object.entries(RENAMES) as Array<
      [keyof typeof RENAMES, Record<string, readonly string[]>]
    >) {
      for (const [old, to] of Object.entries(table)) {
        expect(current[field], `${field} "${old}" is still a current value`).not.toContain(old);
        for (const value of to) expect(current[field], `${field} "${old}" -> "${value}"`).toContain(value);
      }
    }
  });
});
