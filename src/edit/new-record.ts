import { Document, Scalar, YAMLMap } from 'yaml';
import {
  agreementSchema,
  articleFrontMatterSchema,
  organisationSchema,
  personSchema,
  programmeSchema,
} from '../core/schema.js';

/**
 * The text of a new data file (`coop new`), built from the fields given: keys in the order of the
 * data model, block style, strings quoted only when YAML needs it (dates always, as the bundled
 * files do), long prose as a folded block. Pure: the command decides what to write and where.
 */

export type NewRecordType = 'organisation' | 'programme' | 'article' | 'person' | 'agreement';

/** What a field of a new record may hold. */
export type NewFieldValue = string | string[] | Record<string, string | string[]> | Array<Record<string, string>>;
export type NewFields = Record<string, NewFieldValue | undefined>;

const LAYOUT: Record<NewRecordType, { folder: string; extension: string }> = {
  organisation: { folder: 'organisations', extension: '.yaml' },
  programme: { folder: 'programmes', extension: '.yaml' },
  article: { folder: 'articles', extension: '.md' },
  person: { folder: 'people', extension: '.yaml' },
  agreement: { folder: 'agreements', extension: '.yaml' },
};

/** The data model's key order: the schemas list their keys in the order the files hold them. */
const KEY_ORDER: Record<NewRecordType, readonly string[]> = {
  organisation: Object.keys(organisationSchema.shape),
  programme: Object.keys(programmeSchema.shape),
  article: Object.keys(articleFrontMatterSchema.shape),
  person: Object.keys(personSchema.shape),
  agreement: Object.keys(agreementSchema.shape),
};

/** Dates are quoted whatever they look like: "2019" would be read as a number, "2017-09-13" as a timestamp by YAML 1.1 tools. */
const DATE_KEYS = new Set(['founded', 'dissolved', 'launched', 'opens', 'closes', 'date']);
/** Maps whose every value is a date (an agreement's period: since, until). */
const DATE_MAP_KEYS = new Set(['period']);
/** Prose that reads better folded over several lines than on one long line. */
const PROSE_KEYS = new Set(['description', 'note']);
/** The width the bundled files are wrapped to. */
const LINE_WIDTH = 100;

/** Where a record of this type and id lives, relative to the data folder. */
export function newRecordPath(type: NewRecordType, id: string): string {
  const { folder, extension } = LAYOUT[type];
  return `${folder}/${id}${extension}`;
}

/** The folder a record type lives in ("organisations"). */
export function folderOf(type: NewRecordType): string {
  return LAYOUT[type].folder;
}

/**
 * A new organisation or programme file. `schemaLine` is the `# yaml-language-server: ...` first line
 * of the other files of its folder, when they have one.
 */
export function newYamlFileText(
  type: 'organisation' | 'programme' | 'person' | 'agreement',
  fields: NewFields,
  schemaLine?: string,
): string {
  return `${schemaLine === undefined ? '' : `${schemaLine}\n`}${yamlFields(type, fields)}`;
}

/** A new article: its front matter between `---` lines, then our own summary (if any yet). */
export function newArticleText(frontMatter: NewFields, summary?: string): string {
  const body = summary === undefined ? '' : `\n${summary.trim()}\n`;
  return `---\n${yamlFields('article', frontMatter)}---\n${body}`;
}

/**
 * The fields as YAML lines, in the data model's order. Each top-level key is written on its own, so
 * that prose folds at the files' width while names, titles and list items stay on one line however
 * long (a YAML map is the concatenation of its entries).
 */
function yamlFields(type: NewRecordType, fields: NewFields): string {
  const order = KEY_ORDER[type];
  const unknown = Object.keys(fields).filter((key) => !order.includes(key));
  if (unknown.length > 0) throw new Error(`not fields of ${type}: ${unknown.join(', ')}`);
  let text = '';
  for (const key of order) {
    const value = fields[key];
    if (value === undefined) continue;
    const entry = new Document({ [key]: value });
    const node = entry.get(key, true);
    let lineWidth = 0; // 0: never fold
    if (DATE_MAP_KEYS.has(key) && node instanceof YAMLMap)
      for (const item of node.items) if (item.value instanceof Scalar) item.value.type = Scalar.QUOTE_DOUBLE;
    if (node instanceof Scalar && typeof value === 'string') {
      if (DATE_KEYS.has(key)) node.type = Scalar.QUOTE_DOUBLE;
      else if (PROSE_KEYS.has(key) && (value.includes('\n') || `${key}: ${value}`.length > LINE_WIDTH)) {
        node.type = Scalar.BLOCK_FOLDED;
        lineWidth = LINE_WIDTH;
      }
    }
    text += entry.toString({ lineWidth });
  }
  return text;
}
