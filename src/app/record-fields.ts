import { parseDocument } from 'yaml';
import { z } from 'zod';
import { edtfProblem } from '../core/dates.js';
import { RECORD_TYPE_NAMES, type RecordType } from '../core/model.js';
import { EXPECTED } from '../core/rules.js';
import { isOldValue } from '../core/renames.js';
import {
  agreementSchema,
  articleFrontMatterSchema,
  eventSchema,
  fundingLineSchema,
  organisationSchema,
  personSchema,
  programmeSchema,
} from '../core/schema.js';
import { closest } from '../core/text.js';
import { checkId, parseAmount, parseFigureValue } from '../edit/values.js';
import { splitFrontMatter, type FieldValue, type Path } from '../edit/yaml-fields.js';
import { NotFoundError, RefusedError, UsageError } from '../errors.js';
import { checkChoice, findRecord } from './context.js';
import type { EditContext } from './apply-changes.js';
import { communeValue, departmentValue, epciValue } from './place-values.js';
import { resolveRegionOption } from './region-option.js';

/**
 * What coop set, unset and rm know of the fields of a record, read from the zod schemas of
 * core/schema.ts (not listed here): a field added to the data model can be set at once. A field is
 * a scalar (text, number, date, amount, enum, reference...), a list of scalars (aliases, sources),
 * a list of items picked by their first field (members by org, figures by metric, budget lines by
 * instrument), or a mapping of fields (identifiers).
 */

/** `local-text`: our own words, a plain string or one version per language (core/language.ts). */
type ScalarType = 'text' | 'local-text' | 'number' | 'amount' | 'boolean' | 'enum' | 'date' | 'reference' | 'id';

type FieldShape =
  | { kind: 'scalar'; type: ScalarType; required: boolean; choices?: readonly string[]; refers?: RecordType }
  | { kind: 'list'; of: Extract<FieldShape, { kind: 'scalar' }>; required: boolean }
  | { kind: 'items'; item: ObjectShape; required: boolean }
  | { kind: 'object'; shape: ObjectShape; required: boolean };

interface ObjectShape {
  fields: Record<string, FieldShape>;
  /** The data model's order of the fields: a new key goes at its place. */
  order: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: zod's internals, walked generically
type AnySchema = any;

const SCHEMAS: Record<RecordType, AnySchema> = {
  organisation: organisationSchema,
  programme: programmeSchema,
  funding: fundingLineSchema,
  event: eventSchema,
  article: articleFrontMatterSchema,
  person: personSchema,
  agreement: agreementSchema,
};

export function recordShape(type: RecordType): ObjectShape {
  return objectShape(SCHEMAS[type]);
}

function objectShape(schema: AnySchema): ObjectShape {
  const fields: Record<string, FieldShape> = {};
  for (const [key, value] of Object.entries(schema.shape as Record<string, AnySchema>)) fields[key] = fieldShape(value);
  return { fields, order: Object.keys(fields) };
}

function fieldShape(schema: AnySchema): FieldShape {
  let required = true;
  let node = schema;
  let description: string | undefined;
  for (;;) {
    description ??= z.globalRegistry.get(node)?.description;
    const type = node.def.type;
    if (type === 'optional' || type === 'default') {
      required = false;
      node = node.def.innerType;
    } else if (type === 'pipe') node = node.def.in;
    else break;
  }
  const type = node.def.type;
  if (type === 'array') {
    const element = fieldShape(node.def.element);
    if (element.kind === 'scalar') return { kind: 'list', of: element, required };
    if (element.kind === 'object') return { kind: 'items', item: element.shape, required };
    throw new Error('a list of lists');
  }
  if (type === 'object') return { kind: 'object', shape: objectShape(node), required };
  if (type === 'enum') return { kind: 'scalar', type: 'enum', required, choices: node.options as string[] };
  if (type === 'boolean') return { kind: 'scalar', type: 'boolean', required };
  if (type === 'number')
    return { kind: 'scalar', type: description === EXPECTED.amount ? 'amount' : 'number', required };
  if (description === EXPECTED.date) return { kind: 'scalar', type: 'date', required };
  if (description === EXPECTED.id) return { kind: 'scalar', type: 'id', required };
  const refers = (Object.keys(RECORD_TYPE_NAMES) as RecordType[]).find(
    (record) => description === EXPECTED.reference(RECORD_TYPE_NAMES[record]),
  );
  if (refers) return { kind: 'scalar', type: 'reference', required, refers };
  if (type === 'union' && description === EXPECTED.localText) return { kind: 'scalar', type: 'local-text', required };
  // A field with several forms (parent: an id, or dated links): the command line sets the first, plain one.
  if (type === 'union') return { ...fieldShape(node.def.options[0]), required };
  return { kind: 'scalar', type: 'text', required };
}

/** A record of the base and where it is written: its file, and where in it (an item of a list file). */
export interface RecordPlace {
  type: RecordType;
  id: string;
  file: string;
  /** [] for a record that is a whole file, [index] for an item of a list file (funding, events). */
  path: Path;
  /** The record as its file holds it (the front matter for an article). */
  data: Record<string, unknown>;
  /** How many records its list file holds (funding lines, events). */
  listLength?: number;
}

const LIST_FILE_TYPES: readonly RecordType[] = ['funding', 'event'];

/** A record by id, name or alias (funding lines and events by id), with its place in its file. */
export function placeOf(context: EditContext, query: string, types?: readonly RecordType[]): RecordPlace {
  const found = findRecord(context.index, query, types, types?.length === 1 ? types[0]! : 'record');
  const record = found.record as { id: string; file: string };
  const text = context.read(record.file);
  if (text === undefined)
    throw new RefusedError(`${context.displayPath(record.file)} is gone: nothing written`, 'run the command again');
  if (context.diagnostics.some((d) => d.file === record.file && d.severity === 'error'))
    throw new RefusedError(
      `${context.displayPath(record.file)} has errors: nothing written`,
      'coop validate shows them; fix them first',
    );
  const yaml = found.type === 'article' ? (splitFrontMatter(text)?.yaml ?? '') : text;
  const data = parseDocument(yaml).toJS() as unknown;
  if (LIST_FILE_TYPES.includes(found.type)) {
    const index = (data as Array<{ id?: unknown }>).findIndex((item) => item?.id === record.id);
    return {
      type: found.type,
      id: record.id,
      file: record.file,
      path: [index],
      data: (data as Array<Record<string, unknown>>)[index]!,
      listLength: (data as unknown[]).length,
    };
  }
  return { type: found.type, id: record.id, file: record.file, path: [], data: data as Record<string, unknown> };
}

/** How to pick one item of a list of items when several share their first field. */
export interface ItemFilters {
  role?: string;
  source?: string;
  asOf?: string;
}

/** A field of a record, reached by a dotted name: `city`, `members.hopital-a.since`, `identifiers.siren`. */
interface FieldTarget {
  /** Where the mapping that holds the field is, from the top of the file. */
  path: Path;
  key: string;
  shape: FieldShape;
  /** The data model's order of the mapping's fields. */
  order: string[];
  /** The mapping that holds the field, as the file has it. */
  holder: Record<string, unknown>;
  /** How to name it in messages: "members.hopital-a.since". */
  label: string;
  /** The field is in a mapping the record does not have yet (identifiers): its key, and the order around it. */
  newMapping?: { key: string; order: string[] };
}

/**
 * The field `name` names in the record. A list of items is entered by the value of its items'
 * first field (an organisation by id, name or alias for members); several items with that value
 * are told apart by `filters` (--role, --source, --as-of), else refused with the list of them.
 */
export function fieldTarget(
  context: EditContext,
  place: RecordPlace,
  name: string,
  filters: ItemFilters = {},
): FieldTarget {
  const parts = name.split('.');
  let shape = recordShape(place.type);
  let path: Path = place.path;
  let holder = place.data;
  let label = '';
  for (let i = 0; ; ) {
    const key = parts[i]!;
    const field = shape.fields[key];
    label = label ? `${label}.${key}` : key;
    if (field === undefined) {
      const near = closest(key, shape.order);
      throw new UsageError(
        `${RECORD_TYPE_NAMES[place.type]} has no field "${label}"`,
        near.length
          ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}?`
          : `its fields: ${shape.order.join(', ')}`,
      );
    }
    const last = i === parts.length - 1;
    if (last) return { path, key, shape: field, order: shape.order, holder, label };
    if (field.kind === 'object') {
      const inner = holder[key];
      if (inner === undefined || inner === null) {
        // A field of a mapping the record does not have yet: only setting it makes sense.
        if (i + 2 !== parts.length) throw new UsageError(`"${name}" is not a field`);
        const child = field.shape;
        const childKey = parts[i + 1]!;
        if (!child.fields[childKey]) throw new UsageError(`${label} has no field "${childKey}"`);
        return {
          path,
          key: childKey,
          shape: child.fields[childKey]!,
          order: child.order,
          holder: {},
          label: `${label}.${childKey}`,
          newMapping: { key, order: shape.order },
        };
      }
      path = [...path, key];
      holder = inner as Record<string, unknown>;
      shape = field.shape;
      i += 1;
      continue;
    }
    if (field.kind !== 'items' || i + 2 >= parts.length)
      throw new UsageError(
        field.kind === 'items'
          ? `"${name}": say which item and which of its fields (${key}.<${field.item.order[0]}>.<field>)`
          : `"${label}" has no fields inside it`,
      );
    // The item's key: everything between the list's name and the field (a name may hold dots).
    const selector = parts.slice(i + 1, -1).join('.');
    const keyField = field.item.order[0]!;
    const keyShape = field.item.fields[keyField]!;
    const wanted =
      keyShape.kind === 'scalar' && keyShape.type === 'reference'
        ? findRecord(context.index, selector, [keyShape.refers!], keyShape.refers!).record.id
        : selector;
    const items = (holder[key] as Array<Record<string, unknown>> | undefined) ?? [];
    const matching = items
      .map((item, index) => ({ item, index }))
      .filter(({ item }) => item[keyField] === wanted)
      .filter(({ item }) => filters.role === undefined || item.role === filters.role)
      .filter(({ item }) => filters.source === undefined || item.source === filters.source)
      .filter(({ item }) => filters.asOf === undefined || String(item.as_of) === filters.asOf);
    const itemLabel = `${key}.${wanted}`;
    if (matching.length === 0)
      throw new NotFoundError(`${place.id} has no ${key} item "${wanted}"${describeFilters(filters)}`, [
        ...new Set(items.map((item) => String(item[keyField]))),
      ]);
    if (matching.length > 1)
      throw new RefusedError(
        `${itemLabel} of ${place.id} is ${matching.length} items: ${matching.map(({ item }) => describeItem(item, keyField)).join('; ')}`,
        'say which with --role, --source or --as-of',
      );
    const [{ item, index }] = matching as [{ item: Record<string, unknown>; index: number }];
    path = [...path, key, index];
    holder = item;
    shape = field.item;
    label = itemLabel;
    i = parts.length - 1;
  }
}

function describeFilters(filters: ItemFilters): string {
  const given = [
    ['role', filters.role],
    ['source', filters.source],
    ['as_of', filters.asOf],
  ].filter(([, value]) => value !== undefined);
  return given.length ? ` with ${given.map(([key, value]) => `${key} ${value}`).join(', ')}` : '';
}

function describeItem(item: Record<string, unknown>, keyField: string): string {
  return Object.entries(item)
    .filter(([key, value]) => key !== keyField && typeof value !== 'object')
    .map(([key, value]) => `${key} ${String(value)}`)
    .join(', ');
}

/**
 * A value typed on the command line, as the field takes it: enums with did-you-mean, dates checked
 * as EDTF, amounts as people write them (1.7M, "1,7 M€"), references resolved from a name or alias
 * to an id. `label` names it in messages.
 */
export function parseFieldValue(
  context: EditContext,
  shape: Extract<FieldShape, { kind: 'scalar' }>,
  key: string,
  raw: string,
  label: string,
): FieldValue {
  const text = raw.trim();
  if (text === '') throw new UsageError(`${label}: the value is empty`, `coop unset removes a field`);
  switch (shape.type) {
    case 'enum':
      // The old names still read (renames.ts), but coop writes only the current ones.
      checkChoice(
        text,
        shape.choices!.filter((choice) => !isOldValue(key, choice)),
        label,
      );
      return text;
    case 'date': {
      const problem = edtfProblem(text);
      if (problem !== undefined) throw new UsageError(`${label}: ${problem}`, `write ${EXPECTED.date}`);
      return text;
    }
    case 'amount':
      return parseAmount(text, label);
    case 'number':
      return parseFigureValue(text, label);
    case 'boolean':
      if (/^(true|yes)$/i.test(text)) return true;
      if (/^(false|no)$/i.test(text)) return false;
      throw new UsageError(`${label} "${text}" is not true or false`);
    case 'reference':
      return findRecord(context.index, text, [shape.refers!], shape.refers!).record.id;
    case 'id':
      return checkId(text, label);
    default:
      // The fields whose values people write in many ways: a region as a slug, a name, an INSEE code
      // or paca; a department without its zero; a commune by its name.
      if (key === 'region') return resolveRegionOption(text).slug;
      if (key === 'department' || key === 'departments') return departmentValue(text);
      if (key === 'communes' || key === 'commune') return communeValue(text, label);
      if (key === 'epci') return epciValue(text);
      return text;
  }
}
