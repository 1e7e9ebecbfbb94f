import type { Text } from './language.js';
/**
 * Sources per fact (issue #12): a record's `sources` back all of its fields unless `field_sources`
 * says which articles state a field, or that it is common knowledge; `disputed` keeps the other
 * values other articles give for a field. Pure and without zod: the warm path of `sources` and
 * `show` uses it, and so can the writers and the website.
 */

/** The YAML word for a value filled from general knowledge rather than from an article. */
export const COMMON_KNOWLEDGE = 'common-knowledge';

/** Another value an article gives for a field whose retained value is the record's. */
export interface DisputedValue {
  value: string;
  sources: string[];
  note?: Text;
}

/** What a record with `sources` may say about where its fields come from. */
export interface Sourced {
  sources: readonly string[];
  field_sources?: Readonly<Record<string, readonly string[] | typeof COMMON_KNOWLEDGE>>;
  disputed?: Readonly<Record<string, readonly DisputedValue[]>>;
}

/** Where one field's value comes from. */
type FieldSources =
  /** Articles that state this field (its own entry in field_sources). */
  | { basis: 'articles'; articles: string[] }
  /** Filled from general knowledge (the kind of a CHU, the region of a department). */
  | { basis: 'common-knowledge' }
  /** No entry of its own: the record's sources, as a fallback. */
  | { basis: 'record-sources'; articles: string[] };

/** Fields that are the record's bookkeeping, not facts about it. */
const NOT_FACTS = new Set(['id', 'file', 'sources', 'field_sources', 'disputed']);
/** Lists whose every item names its own source: field_sources has nothing to add to them. */
export const ITEMISED_FIELDS = new Set(['members', 'figures', 'budget', 'owners', 'former_names', 'milestones']);

/** Whether field_sources and disputed may name this field at all. */
function isSourceableField(field: string): boolean {
  return !NOT_FACTS.has(field) && !ITEMISED_FIELDS.has(field);
}

/** The articles (or common knowledge) behind one field of a record; the record's sources when it says nothing. */
export function sourcesOfField(record: Sourced, field: string): FieldSources {
  const own = record.field_sources?.[field];
  if (own === COMMON_KNOWLEDGE) return { basis: 'common-knowledge' };
  if (own !== undefined) return { basis: 'articles', articles: [...own] };
  return { basis: 'record-sources', articles: [...record.sources] };
}

/** The other values articles give for a field, none when it is not disputed. */
export function disputedValues(record: Sourced, field: string): readonly DisputedValue[] {
  return record.disputed?.[field] ?? [];
}

/** Whether the record says anything field by field. */
export function hasFieldProvenance(record: Sourced): boolean {
  return Object.keys(record.field_sources ?? {}).length > 0 || Object.keys(record.disputed ?? {}).length > 0;
}

/** The fields of a record that are facts with a value, in the record's order (the data model's). */
export function sourceableFields(record: object): string[] {
  return Object.entries(record)
    .filter(([key, value]) => isSourceableField(key) && value !== undefined)
    .map(([key]) => key);
}

/** Every article field_sources and disputed cite, in the order written. */
export function fieldSourceArticles(record: Sourced): string[] {
  const own = Object.values(record.field_sources ?? {}).flatMap((value) => (value === COMMON_KNOWLEDGE ? [] : value));
  const disputed = Object.values(record.disputed ?? {}).flatMap((values) => values.flatMap((v) => v.sources));
  return [...own, ...disputed];
}

const DATE_FIELDS = new Set(['founded', 'dissolved', 'launched']);

/** A field's value as one line of text, its dates as `date` writes them. */
export function fieldText(field: string, value: unknown, date: (edtf: string) => string): string {
  return DATE_FIELDS.has(field) ? date(String(value)) : fieldValueText(value);
}

/** A value as one line of text: lists joined by "; ", maps as "key value". */
function fieldValueText(value: unknown): string {
  if (Array.isArray(value)) return value.map(fieldValueText).join('; ');
  if (value !== null && typeof value === 'object')
    return Object.entries(value)
      .map(([key, inner]) => `${key} ${fieldValueText(inner)}`)
      .join('; ');
  return String(value);
}
