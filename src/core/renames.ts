import type { FileKind } from './parsed-file.js';
import { LEGAL_FORMS, MEMBER_ROLES, ORGANISATION_KINDS, SECTORS } from './enums.js';

/**
 * Values that older bases use and that still work: each old value and the new ones it may mean.
 * One new value: `coop migrate` rewrites it. Several: the old value was ambiguous (`lead` meant chef
 * de file, porteur or établissement support), so the person chooses, helped by the article; migrate
 * lists it and leaves it. Either way `coop validate` warns (rule renamed-value), naming the new
 * value or the values to choose among.
 */
export const RENAMES = {
  kind: {
    'nursing-home': ['ehpad'],
    'home-care': ['had', 'ssiad', 'saad'],
    'medical-centre': ['health-centre', 'msp', 'hospital', 'clinic'],
  },
  sector: { mixed: ['mixed-membership'] },
  // legal_form was free text: the spellings data/README.md gave as examples map to the list.
  legal_form: {
    GCS: ['gcs'],
    GIP: ['gip'],
    GIE: ['gie'],
    EPCI: ['epci'],
    EPS: ['eps'],
    SA: ['sa'],
    SAS: ['sas'],
    SARL: ['sarl'],
    fondation: ['foundation'],
    'association loi 1901': ['association'],
  },
  role: {
    lead: ['coordinator', 'carrier', 'support'],
    associate: ['associated', 'member'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

export type RenamedField = keyof typeof RENAMES;
type OldValue<F extends RenamedField> = keyof (typeof RENAMES)[F] & string;

const oldValues = <F extends RenamedField>(field: F) => Object.keys(RENAMES[field]) as Array<OldValue<F>>;

/** What the schema accepts: the current values, then the old ones, which still work. */
export const ACCEPTED_KINDS = [...ORGANISATION_KINDS, ...oldValues('kind')] as const;
export const ACCEPTED_SECTORS = [...SECTORS, ...oldValues('sector')] as const;
export const ACCEPTED_LEGAL_FORMS = [...LEGAL_FORMS, ...oldValues('legal_form')] as const;
export const ACCEPTED_ROLES = [...MEMBER_ROLES, ...oldValues('role')] as const;

/** The new values an old one may mean, or undefined when `value` is not an old value of `field`. */
function renamedTo(field: string, value: unknown): readonly string[] | undefined {
  if (typeof value !== 'string' || !Object.hasOwn(RENAMES, field)) return undefined;
  const table = RENAMES[field as RenamedField] as Record<string, readonly string[]>;
  return Object.hasOwn(table, value) ? table[value] : undefined;
}

export function isOldValue(field: string, value: unknown): boolean {
  return renamedTo(field, value) !== undefined;
}

/** Where each renamed field sits in a data file of each kind: "*" is every item of a list. */
const PLACES: Partial<Record<FileKind, ReadonlyArray<{ field: RenamedField; path: readonly string[] }>>> = {
  organisation: [
    { field: 'kind', path: ['kind'] },
    { field: 'sector', path: ['sector'] },
    { field: 'legal_form', path: ['legal_form'] },
    { field: 'role', path: ['members', '*', 'role'] },
  ],
};

export interface RenamedValue {
  /** Where the value is in the file's data: ["members", 2, "role"]. */
  path: Array<string | number>;
  field: RenamedField;
  value: string;
  /** One value: the new name. Several: the values to choose among. */
  to: readonly string[];
}

/** Every old value in a data file's parsed data, in the order of the fields above. */
export function findRenamedValues(kind: FileKind, data: unknown): RenamedValue[] {
  const found: RenamedValue[] = [];
  for (const { field, path } of PLACES[kind] ?? []) {
    const visit = (node: unknown, at: Array<string | number>, rest: readonly string[]): void => {
      if (rest.length === 0) {
        const to = renamedTo(field, node);
        if (to) found.push({ path: at, field, value: node as string, to });
        return;
      }
      const [step, ...tail] = rest as [string, ...string[]];
      if (step === '*') {
        if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...at, i], tail));
      } else if (node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, step)) {
        visit((node as Record<string, unknown>)[step], [...at, step], tail);
      }
    };
    visit(data, [], path);
  }
  return found;
}

/**
 * Fields that were renamed, by kind of file: the old one still works, with a renamed-value
 * warning naming the new one, and `coop migrate` rewrites it (edit/rename-values.ts).
 */
const RENAMED_FIELDS: Partial<Record<FileKind, Readonly<Record<string, string>>>> = {
  // One parent became a list of owners, each with its share, dates and source.
  organisation: { parent: 'owners' },
};

/** The old field names a data file's parsed data uses, with their new names. */
export function findRenamedFields(kind: FileKind, data: unknown): Array<{ field: string; to: string }> {
  const renamed = RENAMED_FIELDS[kind];
  if (!renamed || data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  return Object.entries(renamed)
    .filter(([field]) => Object.hasOwn(data, field))
    .map(([field, to]) => ({ field, to }));
}
