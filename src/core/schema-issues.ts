import type { z } from 'zod';
import type { Diagnostic, RuleId } from './diagnostics.js';
import { positionOf, type ParsedFile } from './source.js';
import { didYouMean, slugify } from './text.js';

/** Fields whose every problem is a date problem, whatever zod calls it. */
const DATE_FIELDS = new Set(['date', 'since', 'until', 'founded', 'dissolved', 'launched', 'as_of']);
const AMOUNT_FIELDS = new Set(['amount']);

type Issue = z.core.$ZodIssue;
type Path = ReadonlyArray<string | number>;

/** Turns one zod issue into diagnostics placed on the file's lines. */
export function issueDiagnostics(issue: Issue, file: ParsedFile, prefix: Path, schema: z.ZodType, record: unknown): Diagnostic[] {
  const path = [...prefix, ...(issue.path as Array<string | number>)];
  const field = lastField(path);
  const make = (rule: RuleId, message: string, at: Path, hint?: string, preferKey = false): Diagnostic => {
    const [line, column] = positionOf(file.positions, at, preferKey);
    return { file: file.path, line, column, severity: 'error', rule, message, ...(hint ? { hint } : {}) };
  };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path as Path);
      return issue.keys.map((key) =>
        make('unknown-field', `unknown field "${key}"`, [...path, key], didYouMean(key, known) ?? (known.length ? `known fields: ${known.join(', ')}` : undefined), true),
      );
    }
    case 'invalid_type':
    case 'invalid_union': {
      const value = valueAt(record, issue.path as Path);
      if (value === undefined) {
        return [make('missing-field', `missing required field "${field}"`, path.slice(0, -1))];
      }
      if (DATE_FIELDS.has(field)) return [make('bad-date', `${field} must be an EDTF date, not ${describe(value)}`, path, 'e.g. 2017-09-13, "2017-09", 2018, "2012-12~"')];
      if (AMOUNT_FIELDS.has(field)) return [make('bad-amount', `${field} must be a whole number of currency units, not ${describe(value)}`, path, 'write 10600000 for 10.6 M€')];
      const expected = issue.code === 'invalid_type' ? expectedName(issue.expected) : 'text or a number';
      return [make('wrong-type', `${field} must be ${expected}, not ${describe(value)}`, path, typeHint(issue, value))];
    }
    case 'invalid_value': {
      const value = valueAt(record, issue.path as Path);
      if (value === undefined) return [make('missing-field', `missing required field "${field}"`, path.slice(0, -1))];
      const allowed = issue.values.map(String);
      return [make('bad-enum', `${JSON.stringify(value)} is not a valid ${field}`, path, didYouMean(String(value), allowed) ?? `one of: ${allowed.join(', ')}`)];
    }
    case 'too_small': {
      if (issue.origin === 'array') return [make('missing-field', `${field} must list at least ${issue.minimum} ${field === 'sources' ? 'article' : 'item'}`, path)];
      if (issue.origin === 'string') return [make('empty-value', `${field} must not be empty`, path)];
      return [make(AMOUNT_FIELDS.has(field) ? 'bad-amount' : 'wrong-type', `${field} is too small`, path)];
    }
    case 'custom': {
      const rule = ((issue.params as { rule?: RuleId } | undefined)?.rule ?? 'wrong-type') as RuleId;
      return [make(rule, issue.message, path, customHint(rule, valueAt(record, issue.path as Path)))];
    }
    default:
      return [make('wrong-type', `${field}: ${issue.message}`, path)];
  }
}

function customHint(rule: RuleId, value: unknown): string | undefined {
  if (rule === 'bad-id' && typeof value === 'string') {
    const slug = slugify(value);
    return slug && slug !== value ? `did you mean "${slug}"?` : undefined;
  }
  if (rule === 'bad-url') return 'write the full address, starting with https://';
  return undefined;
}

function lastField(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'value';
}

export function valueAt(record: unknown, path: Path): unknown {
  let current = record;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

function expectedName(expected: string): string {
  const names: Record<string, string> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', array: 'a list', object: 'a map' };
  return names[expected] ?? expected;
}

function typeHint(issue: Issue, value: unknown): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.expected === 'array' && (typeof value === 'string' || typeof value === 'number')) return 'write a list: one "- item" a line, or [a, b]';
  if (issue.expected === 'string' && typeof value === 'number') return 'quote it to keep it as text';
  if (issue.expected === 'object' && Array.isArray(value)) return 'this should be a map of fields, not a list';
  return undefined;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The field names a map at `path` may have, for "did you mean" on an unknown field. */
export function knownKeys(schema: z.ZodType, path: Path): string[] {
  let current: z.ZodType | undefined = schema;
  const unwrap = () => {
    while (current && ['optional', 'default', 'nullable', 'pipe', 'prefault'].includes(defOf(current).type)) {
      const def = defOf(current);
      current = def.innerType ?? def.in;
    }
  };
  unwrap();
  for (const key of path) {
    if (!current) return [];
    const def = defOf(current);
    current = typeof key === 'number' ? def.element : def.shape?.[key];
    if (current) unwrap();
  }
  return current ? Object.keys(defOf(current).shape ?? {}) : [];
}
