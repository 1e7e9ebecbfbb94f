import type { z } from 'zod';
import type { Diagnostic } from './diagnostics.js';
import { diagnostic, type RuleId, type RuleParams } from './rules.js';
import { positionOf, type ParsedFile } from './parsed-file.js';
import { didYouMean } from './text.js';
import { COMMON_KNOWLEDGE } from './field-sources.js';
import { isOldValue } from './renames.js';

/** Fields whose every problem is a date problem, whatever zod calls it. */
const DATE_FIELDS = new Set([
  'date',
  'since',
  'until',
  'founded',
  'dissolved',
  'launched',
  'opens',
  'closes',
  'as_of',
  'from',
]);
/** The fields of our own words, which take text or one text per language (schema.ts localText). */
const LOCAL_TEXT_FIELDS = new Set(['description', 'note', 'title']);
const AMOUNT_FIELDS = new Set(['amount', 'amount_min', 'amount_max', 'per_recipient_min', 'per_recipient_max']);

type Issue = z.core.$ZodIssue;
type Path = ReadonlyArray<string | number>;

/** Turns one zod issue into diagnostics placed on the file's lines. */
export function issueDiagnostics(
  issue: Issue,
  file: Pick<ParsedFile, 'path' | 'positions'>,
  prefix: Path,
  schema: z.ZodType,
  record: unknown,
): Diagnostic[] {
  const path = [...prefix, ...(issue.path as Array<string | number>)];
  const field = sourcedFieldName(path) ?? languageVersionName(path) ?? lastField(path);
  const make = <R extends RuleId>(rule: R, params: RuleParams<R>, at: Path, preferKey = false): Diagnostic => {
    const [line, column] = positionOf(file.positions, at, preferKey);
    return diagnostic(rule, params, { file: file.path, line, column });
  };

  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = knownKeys(schema, issue.path as Path);
      return issue.keys.map((key) =>
        make('unknown-field', { key, suggestion: didYouMean(key, known), known }, [...path, key], true),
      );
    }
    case 'invalid_type':
    case 'invalid_union': {
      const value = valueAt(record, issue.path as Path);
      // Text or one text per language: the problems of the form it has (an unknown key, an empty
      // version) say more than "wrong type".
      if (issue.code === 'invalid_union' && LOCAL_TEXT_FIELDS.has(field)) {
        const mapBranch = issue.errors.find((branch) =>
          branch.every((inner) => !(inner.code === 'invalid_type' && inner.path.length === 0)),
        );
        if (mapBranch)
          return mapBranch.flatMap((inner) =>
            issueDiagnostics({ ...inner, path: [...issue.path, ...inner.path] } as Issue, file, prefix, schema, record),
          );
      }
      if (value === undefined) return [make('missing-field', { field }, path.slice(0, -1))];
      const found = describe(value);
      if (DATE_FIELDS.has(field)) return [make('bad-date', { field, found }, path)];
      if (AMOUNT_FIELDS.has(field)) return [make('bad-amount', { field, found }, path)];
      const expected =
        issue.code === 'invalid_type'
          ? expectedName(issue.expected)
          : field.startsWith('field_sources.')
            ? `a list of article ids or "${COMMON_KNOWLEDGE}"`
            : LOCAL_TEXT_FIELDS.has(field)
              ? 'text, or one text per language ({fr: ..., en: ...})'
              : 'text or a number';
      return [make('wrong-type', { problem: 'field', field, expected, found, quote: typeHint(issue, value) }, path)];
    }
    case 'invalid_value': {
      const value = valueAt(record, issue.path as Path);
      if (value === undefined) return [make('missing-field', { field }, path.slice(0, -1))];
      // Old names still parse but are not offered: the warning that they bring names the new ones.
      const allowed = issue.values.map(String).filter((v) => !isOldValue(field, v));
      return [make('bad-enum', { value, field, suggestion: didYouMean(String(value), allowed), allowed }, path)];
    }
    case 'too_small': {
      if (issue.origin === 'array') return [make('missing-field', { field, minimum: Number(issue.minimum) }, path)];
      if (issue.origin === 'string') return [make('empty-value', { field }, path)];
      if (AMOUNT_FIELDS.has(field)) return [make('bad-amount', { problem: 'too-small', field }, path)];
      return [make('wrong-type', { problem: 'too-small', field }, path)];
    }
    case 'custom': {
      // Made by schema.ts's checked(): the rule and its parameters, as that check found them.
      const { rule, ruleParams } = issue.params as { rule: RuleId; ruleParams: RuleParams<RuleId> };
      // A text with no version ({} where {fr, en} is expected) is named by its path, known only here.
      if (rule === 'empty-value') return [make('empty-value', { field }, path)];
      return [make(rule, ruleParams as never, path)];
    }
    default:
      return [make('wrong-type', { problem: 'other', field, text: issue.message }, path)];
  }
}

/**
 * An entry of field_sources or disputed is named with its map (field_sources.city): its key is the
 * name of another field, whose own checks (a date, an amount) do not apply to it. A disputed value
 * is a value of that field (disputed.founded.0.value is a founded date).
 */
function sourcedFieldName(path: Path): string | undefined {
  const at = path.findIndex((key) => key === 'field_sources' || key === 'disputed');
  if (at === -1) return undefined;
  if (path.length === at + 2) return `${path[at]}.${path[at + 1]}`;
  if (path[at] === 'disputed' && path.length === at + 4 && path[at + 3] === 'value') return String(path[at + 1]);
  return undefined;
}

/** One language's version of a text is named with its field: title.en. */
function languageVersionName(path: Path): string | undefined {
  const [field, language] = path.slice(-2);
  return typeof field === 'string' && LOCAL_TEXT_FIELDS.has(field) && (language === 'fr' || language === 'en')
    ? `${field}.${language}`
    : undefined;
}

function lastField(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'value';
}

function valueAt(record: unknown, path: Path): unknown {
  let current = record;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  return typeof value;
}

function expectedName(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a map',
  };
  return names[expected] ?? expected;
}

/** Which of the wrong-type hints fits: a list written as one value, a number meant as text, a list for a map. */
function typeHint(issue: Issue, value: unknown): 'list' | 'text' | 'map' | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.expected === 'array' && (typeof value === 'string' || typeof value === 'number')) return 'list';
  if (issue.expected === 'string' && typeof value === 'number') return 'text';
  if (issue.expected === 'object' && Array.isArray(value)) return 'map';
  return undefined;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The field names a map at `path` may have, for "did you mean" on an unknown field. */
function knownKeys(schema: z.ZodType, path: Path): string[] {
  let current: z.ZodType | undefined = schema;
  const unwrap = () => {
    while (current && ['optional', 'default', 'nullable', 'pipe', 'prefault'].includes(defOf(current).type)) {
      const def = defOf(current);
      current = def.innerType ?? def.in;
    }
    // Text or one text per language: the keys are those of the map form.
    if (current && defOf(current).type === 'union') {
      current = (defOf(current).options ?? []).find((option) => {
        let inner: z.ZodType | undefined = option;
        while (inner && defOf(inner).type === 'pipe') inner = defOf(inner).in;
        return inner !== undefined && defOf(inner).shape !== undefined;
      });
      unwrap();
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
