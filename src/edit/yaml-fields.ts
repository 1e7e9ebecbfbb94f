import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type ParsedNode,
  type Pair,
} from 'yaml';
import {
  columnOf,
  endOfValue,
  fileLayout,
  isCommentLine,
  indentationOf,
  LINE_WIDTH,
  lineAt,
  lineStart,
  nextLineStart,
  NotTheSameData,
  PARSE_OPTIONS,
  parseForEdit,
  sameData,
  withFallback,
  YamlEditError,
} from './yaml-edit.js';

/**
 * Changing one field of a record in a YAML file, by a text splice as yaml-edit.ts adds list items:
 * set a value (replacing or adding the key, at its place in the data model's order), remove a key,
 * add a value to a list or remove one, remove a list item (a member, a funding line), or rewrite
 * some scalars in place (the references coop mv renames). Every other byte stays: comments, blank
 * lines, order, quoting. Every result is parsed again and compared with the old data changed the
 * same way; a rendering that would not read back the same is tried again in JSON quoting, then
 * refused (YamlEditError).
 *
 * `path` leads from the top of the document to the record's mapping: [] for a whole-file record,
 * [3] for the fourth funding line of a list file, ['members', 0] for a member. Pure: text in, text out.
 */

export type Path = readonly (string | number)[];
export type FieldValue = string | number | boolean;

interface FieldStyle {
  /** Fields written in double quotes when they are new (dates: YAML would read 2019 as a number). */
  quoted?: readonly string[];
}

const INLINE: readonly (Scalar.Type | undefined)[] = [Scalar.PLAIN, Scalar.QUOTE_SINGLE, Scalar.QUOTE_DOUBLE];
type AnyMap = { items: Pair<ParsedNode, ParsedNode | null>[]; flow?: boolean; range?: readonly number[] | null };

/** Sets `key` of the mapping at `path` to a scalar: its value replaced in place, or a new key at its place. */
export function setField(
  text: string,
  path: Path,
  key: string,
  value: FieldValue,
  keyOrder: readonly string[],
  style: FieldStyle = {},
): string {
  return withFallback((safe) => {
    const doc = parseForEdit(text);
    const map = mapAt(doc, path);
    const pair = pairOf(map, key);
    const old = pair?.value ?? null;
    if (old !== null && !isScalar(old)) throw new YamlEditError(`"${key}" is not a single value`);
    const wanted = style.quoted?.includes(key) ? Scalar.QUOTE_DOUBLE : undefined;
    let result: string;
    if (map.flow) {
      const rendered = inline(value, (old as Scalar | null)?.type ?? wanted, true, safe);
      if (pair && old && old.range[1] > old.range[0])
        result = text.slice(0, old.range[0]) + rendered + text.slice(old.range[1]);
      else if (pair) throw new YamlEditError(`"${key}" has no value to replace`);
      else {
        const last = map.items[map.items.length - 1];
        const at = last ? (last.value ?? last.key).range[1] : map.range![0]! + 1;
        result = `${text.slice(0, at)}${last ? ', ' : ''}${key}: ${rendered}${text.slice(at)}`;
      }
    } else {
      const column = keyColumn(text, map);
      const lines = renderPair(key, value, column, (old as Scalar | null)?.type ?? wanted, safe);
      if (pair && old && old.range[1] > old.range[0]) {
        const wasBlock = !INLINE.includes((old as Scalar).type);
        if (lines.length === 1) {
          const rendered = lines[0]!.slice(column + key.length + 2);
          result =
            text.slice(0, old.range[0]) + rendered + (wasBlock ? newlineOf(text) : '') + text.slice(old.range[1]);
        } else {
          // A block scalar takes the rest of the line: a comment after an inline value goes with it.
          const end = wasBlock ? old.range[1] : nextLineStart(text, old.range[1]);
          const block = lines.map((line, i) => (i === 0 ? line.slice(column + key.length + 2) : line));
          result = text.slice(0, old.range[0]) + block.join(newlineOf(text)) + newlineOf(text) + text.slice(end);
        }
      } else if (pair) {
        // `key:` with nothing after it.
        const colon = text.indexOf(':', pair.key.range[1]) + 1;
        const rendered = lines.map((line, i) => (i === 0 ? line.slice(column + key.length + 1) : line));
        result = text.slice(0, colon) + rendered.join(newlineOf(text)) + text.slice(colon);
      } else {
        result = insertLines(text, map, key, keyOrder, lines);
      }
    }
    return verified(text, result, (root) => {
      (at(root, path) as Record<string, unknown>)[key] = value;
    });
  });
}

/**
 * Sets `key` of the mapping `objectKey` of the mapping at `path` when the record has no such
 * mapping yet (identifiers): the mapping is made, at its place in `keyOrder`, holding the one key.
 */
export function setFieldOfNewMapping(
  text: string,
  path: Path,
  objectKey: string,
  key: string,
  value: FieldValue,
  keyOrder: readonly string[],
  style: FieldStyle = {},
): string {
  return withFallback((safe) => {
    const doc = parseForEdit(text);
    const map = mapAt(doc, path);
    if (pairOf(map, objectKey)) throw new YamlEditError(`"${objectKey}" is there already`);
    if (map.flow) throw new YamlEditError('the record is written as a flow mapping');
    const column = keyColumn(text, map);
    const wanted = style.quoted?.includes(key) ? Scalar.QUOTE_DOUBLE : undefined;
    const lines = [`${' '.repeat(column)}${objectKey}:`, ...renderPair(key, value, column + 2, wanted, safe)];
    const result = insertLines(text, map, objectKey, keyOrder, lines);
    return verified(text, result, (root) => {
      (at(root, path) as Record<string, unknown>)[objectKey] = { [key]: value };
    });
  });
}

/**
 * Names the articles that state one field of the record at `path`: `field_sources.<field>: [a, b]`,
 * the mapping made at its place in `keyOrder` when the record has none, the field's entry replaced
 * when it has one.
 */
export function setFieldSources(
  text: string,
  path: Path,
  field: string,
  articles: readonly string[],
  keyOrder: readonly string[],
): string {
  const doc = parseForEdit(text);
  const map = mapAt(doc, path);
  if (map.flow) throw new YamlEditError('the record is written as a flow mapping');
  const flowList = `[${articles.join(', ')}]`;
  const sourcesPair = pairOf(map, 'field_sources');
  let result: string;
  if (!sourcesPair) {
    const column = keyColumn(text, map);
    const lines = [`${' '.repeat(column)}field_sources:`, `${' '.repeat(column + 2)}${field}: ${flowList}`];
    result = insertLines(text, map, 'field_sources', keyOrder, lines);
  } else {
    const inner = mapAt(doc, [...path, 'field_sources']);
    if (inner.flow) throw new YamlEditError('field_sources is written as a flow mapping');
    const entry = pairOf(inner, field);
    if (entry?.value) {
      result = `${text.slice(0, entry.value.range[0])}${flowList}${text.slice(entry.value.range[1])}`;
    } else {
      const column = keyColumn(text, inner);
      const last = inner.items[inner.items.length - 1]!;
      const end = endOfValue(text, (last.value ?? last.key).range[1], column);
      const newline = newlineOf(text);
      result = `${text.slice(0, end)}${end > 0 && !text.slice(0, end).endsWith('\n') ? newline : ''}${' '.repeat(column)}${field}: ${flowList}${newline}${text.slice(end)}`;
    }
  }
  return verified(text, result, (root) => {
    const record = at(root, path) as Record<string, unknown>;
    record.field_sources = { ...((record.field_sources as Record<string, unknown>) ?? {}), [field]: [...articles] };
  });
}

/** Removes `key` (and its value, and the comment lines indented under it) from the mapping at `path`. */
export function removeField(text: string, path: Path, key: string): string {
  const doc = parseForEdit(text);
  const map = mapAt(doc, path);
  const pair = pairOf(map, key);
  if (!pair) return text;
  const result = removePair(text, map, pair);
  return verified(text, result, (root) => {
    delete (at(root, path) as Record<string, unknown>)[key];
  });
}

/** Appends `value` to the list `key` of the mapping at `path`; the list is made, at its place, when missing. */
export function addToList(text: string, path: Path, key: string, value: string, keyOrder: readonly string[]): string {
  return withFallback((safe) => {
    const doc = parseForEdit(text);
    const map = mapAt(doc, path);
    const pair = pairOf(map, key);
    const seq = pair?.value ?? null;
    const newline = newlineOf(text);
    let result: string;
    if (!pair || seq === null || (isScalar(seq) && seq.value === null)) {
      if (pair) throw new YamlEditError(`"${key}" has no value: write the list by hand`);
      if (map.flow) {
        const last = map.items[map.items.length - 1];
        const end = last ? (last.value ?? last.key).range[1] : map.range![0]! + 1;
        result = `${text.slice(0, end)}${last ? ', ' : ''}${key}: [${inline(value, undefined, true, safe)}]${text.slice(end)}`;
      } else {
        const column = keyColumn(text, map);
        const dash = column + (fileLayout(text, doc, safe).indentSeq ? 2 : 0);
        const lines = [`${' '.repeat(column)}${key}:`, `${' '.repeat(dash)}- ${inline(value, undefined, false, safe)}`];
        result = insertLines(text, map, key, keyOrder, lines);
      }
    } else if (!isSeq(seq)) {
      throw new YamlEditError(`"${key}" is not a list`);
    } else if (seq.flow) {
      const items = seq.items as ParsedNode[];
      const last = items[items.length - 1];
      const rendered = inline(value, siblingType(items), true, safe);
      result = last
        ? `${text.slice(0, last.range[1])}, ${rendered}${text.slice(last.range[1])}`
        : `${text.slice(0, seq.range![0])}[${rendered}]${text.slice(seq.range![1])}`;
    } else {
      const items = seq.items as ParsedNode[];
      const last = items[items.length - 1]!;
      const dash = columnOf(text, seq.range[0]);
      const end = endOfValue(text, last.range[1], dash);
      const line = `${' '.repeat(dash)}- ${inline(value, siblingType(items), false, safe)}${newline}`;
      result = `${text.slice(0, end)}${end > 0 && !text.slice(0, end).endsWith('\n') ? newline : ''}${line}${text.slice(end)}`;
    }
    return verified(text, result, (root) => {
      const record = at(root, path) as Record<string, unknown>;
      record[key] = [...((record[key] as unknown[] | undefined) ?? []), value];
    });
  });
}

/**
 * Removes item `index` of the list at `path` (a member, a figure, a funding line of a list file, a
 * value of `aliases`). A list left empty under a key goes with its key.
 */
export function removeListItem(text: string, path: Path, index: number): string {
  const doc = parseForEdit(text);
  const seq = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isSeq(seq)) throw new YamlEditError(`"${path.join('.')}" is not a list`);
  const items = seq.items as ParsedNode[];
  const item = items[index];
  if (!item) throw new YamlEditError(`"${path.join('.')}" has no item ${index + 1}`);
  const key = path[path.length - 1];
  if (items.length === 1 && typeof key === 'string') {
    const parentPath = path.slice(0, -1);
    const parent = mapAt(doc, parentPath);
    return verified(text, removePair(text, parent, pairOf(parent, key)!), (root) => {
      delete (at(root, parentPath) as Record<string, unknown>)[key];
    });
  }
  let result: string;
  if (seq.flow) {
    const from = index > 0 ? items[index - 1]!.range[1] : item.range[0];
    const to = index > 0 ? item.range[1] : (items[1]?.range[0] ?? item.range[1]);
    result = text.slice(0, from) + text.slice(to);
  } else {
    const dash = columnOf(text, seq.range![0]!);
    let start = lineStart(text, item.range[0]);
    let end = endOfValue(text, item.range[1], dash);
    const next = items[index + 1] as (ParsedNode & { spaceBefore?: boolean }) | undefined;
    // Items separated by blank lines stay so: the blank line above the item goes with it.
    if ((item as { spaceBefore?: boolean }).spaceBefore) {
      while (start > 0 && lineAt(text, lineStart(text, start - 1)).trim() === '') start = lineStart(text, start - 1);
    } else if (index === 0 && next?.spaceBefore) {
      while (end < text.length && lineAt(text, end).trim() === '') end = nextLineStart(text, end + 1);
    }
    result = text.slice(0, start) + text.slice(end);
  }
  return verified(text, result, (root) => {
    (at(root, path) as unknown[]).splice(index, 1);
  });
}

/**
 * Writes `value` in place of each scalar that starts at one of `offsets` (the references to an id
 * that coop mv renames), each keeping its quoting. Each must hold `old`.
 */
export function replaceScalars(text: string, offsets: readonly number[], old: string, value: string): string {
  const doc = parseForEdit(text);
  const found: Scalar[] = [];
  const wanted = new Set(offsets);
  const visit = (node: unknown): void => {
    if (isScalar(node)) {
      if (node.range && wanted.has(node.range[0])) found.push(node);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(node)) for (const item of node.items) visit(item);
  };
  visit(doc.contents);
  if (found.length !== wanted.size || found.some((node) => node.value !== old))
    throw new YamlEditError(`a reference to "${old}" is not where the check found it`);
  let result = text;
  for (const node of [...found].sort((a, b) => b.range![0] - a.range![0])) {
    const quote = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : '';
    if (!INLINE.includes(node.type)) throw new YamlEditError(`a reference to "${old}" is a block of text`);
    result = `${result.slice(0, node.range![0])}${quote}${value}${quote}${result.slice(node.range![1])}`;
  }
  // The same data, but for exactly these values.
  const before = parseDocument(text, PARSE_OPTIONS).toJS();
  const after = parseDocument(result, PARSE_OPTIONS);
  if (after.errors.length > 0 || changedLeaves(before, after.toJS(), old, value) !== found.length)
    throw new YamlEditError(`the references to "${old}" cannot be rewritten in place`);
  return result;
}

/** How many leaves went from `old` to `value`, or -1 when anything else differs. */
function changedLeaves(a: unknown, b: unknown, old: string, value: string): number {
  if (a === old && b === value) return 1;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return -1;
    let count = 0;
    for (let i = 0; i < a.length; i++) {
      const n = changedLeaves(a[i], b[i], old, value);
      if (n < 0) return -1;
      count += n;
    }
    return count;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return -1;
    let count = 0;
    for (const k of ka) {
      if (!Object.hasOwn(b, k)) return -1;
      const n = changedLeaves((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], old, value);
      if (n < 0) return -1;
      count += n;
    }
    return count;
  }
  return sameData(a, b) ? 0 : -1;
}

// ---------------------------------------------------------------------------------------------
// Articles: the same edits on the YAML between the two "---" lines.

/** The front matter of an article's text and what surrounds it; undefined when it has none. */
export function splitFrontMatter(text: string): { head: string; yaml: string; tail: string } | undefined {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const close = /^---[ \t]*(\r?\n|$)/m.exec(text.slice(open[0].length));
  if (!close) return undefined;
  const end = open[0].length + close.index;
  return { head: open[0], yaml: text.slice(open[0].length, end), tail: text.slice(end) };
}

/** `edit` applied to the front matter of an article (or to the whole text of a YAML file). */
export function editRecordText(text: string, article: boolean, edit: (yaml: string, offset: number) => string): string {
  if (!article) return edit(text, 0);
  const parts = splitFrontMatter(text);
  if (!parts) throw new YamlEditError('the article has no front matter between two "---" lines');
  return parts.head + edit(parts.yaml, parts.head.length) + parts.tail;
}

// ---------------------------------------------------------------------------------------------

function mapAt(doc: Document.Parsed, path: Path): AnyMap {
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  if (!isMap(node))
    throw new YamlEditError(path.length ? `"${path.join('.')}" is not a mapping` : 'not a mapping of fields');
  return node as unknown as AnyMap;
}

function pairOf(map: AnyMap, key: string): Pair<ParsedNode, ParsedNode | null> | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key);
}

function keyColumn(text: string, map: AnyMap): number {
  const first = map.items[0];
  return first ? columnOf(text, first.key.range[0]) : 0;
}

function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The quoting the other items of a list use: the new one looks like them. */
function siblingType(items: readonly ParsedNode[]): Scalar.Type | undefined {
  const last = [...items].reverse().find((item) => isScalar(item) && typeof item.value === 'string');
  return (last as Scalar | undefined)?.type;
}

/** A value on one line, in the style asked when it reads back the same, else double-quoted. */
function inline(value: FieldValue, type: Scalar.Type | undefined, inFlow: boolean, safe: boolean): string {
  if (safe || (typeof value === 'string' && /[\n\r\u2028\u2029\u0000-\u001f\u007f-\u009f\ufeff]/.test(value)))
    return jsonLiteral(value);
  const doc = new Document();
  const scalar = doc.createNode(value) as Scalar;
  if (typeof value === 'string' && type !== undefined && INLINE.includes(type)) scalar.type = type;
  if (inFlow) {
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.items.push(scalar);
    doc.contents = seq;
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).trim().slice(1, -1);
  }
  doc.contents = scalar;
  const out = doc.toString({ lineWidth: 0 }).replace(/\n$/, '');
  return out.includes('\n') ? jsonLiteral(value) : out;
}

function jsonLiteral(value: FieldValue): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `key: value` at `column`: on one line, or folded (`>-`) when long, literal (`|`) with newlines. */
function renderPair(
  key: string,
  value: FieldValue,
  column: number,
  type: Scalar.Type | undefined,
  safe: boolean,
): string[] {
  const pad = ' '.repeat(column);
  const long =
    typeof value === 'string' && (value.includes('\n') || column + key.length + 2 + value.length > LINE_WIDTH);
  if (safe || !long || typeof value !== 'string') return [`${pad}${key}: ${inline(value, type, false, safe)}`];
  const doc = new Document();
  const scalar = doc.createNode(value) as Scalar;
  scalar.type = value.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
  const map = new YAMLMap();
  map.add(doc.createPair(key, scalar));
  doc.contents = map;
  const lines = doc
    .toString({ indent: 2, lineWidth: Math.max(40, LINE_WIDTH - column), minContentWidth: 20 })
    .replace(/\n$/, '')
    .split('\n');
  return lines.map((line) => (line === '' ? '' : `${pad}${line}`));
}

/** New lines for `key`, before the first key of the mapping that comes after it in `keyOrder`. */
function insertLines(text: string, map: AnyMap, key: string, keyOrder: readonly string[], lines: string[]): string {
  const column = keyColumn(text, map);
  const rank = keyOrder.indexOf(key);
  const rankOf = (pair: Pair<ParsedNode, ParsedNode | null>) =>
    isScalar(pair.key) ? keyOrder.indexOf(String(pair.key.value)) : -1;
  // A key on a list item's dash line cannot have a line put before it.
  const ownLine = (pair: Pair<ParsedNode, ParsedNode | null>) =>
    text.slice(lineStart(text, pair.key.range[0]), pair.key.range[0]).trim() === '';
  const next = map.items.find((pair) => rankOf(pair) > rank);
  const newline = newlineOf(text);
  let at: number;
  if (next && ownLine(next)) {
    // Before the next key, and before the comment lines just above it, which speak of it.
    at = lineStart(text, next.key.range[0]);
    while (at > 0) {
      const previous = lineStart(text, at - 1);
      const line = lineAt(text, previous);
      if (!isCommentLine(line) || indentationOf(line) > column) break;
      at = previous;
    }
  } else {
    const last = map.items[map.items.length - 1]!;
    at = endOfValue(text, (last.value ?? last.key).range[1], column);
  }
  const before = text.slice(0, at);
  const glue = before !== '' && !before.endsWith('\n') ? newline : '';
  return before + glue + lines.join(newline) + newline + text.slice(at);
}

function removePair(text: string, map: AnyMap, pair: Pair<ParsedNode, ParsedNode | null>): string {
  const index = map.items.indexOf(pair);
  const end = (p: Pair<ParsedNode, ParsedNode | null>) => (p.value ?? p.key).range[1];
  if (map.flow) {
    if (index > 0) return text.slice(0, end(map.items[index - 1]!)) + text.slice(end(pair));
    const next = map.items[1];
    return text.slice(0, pair.key.range[0]) + text.slice(next ? next.key.range[0] : end(pair));
  }
  const start = lineStart(text, pair.key.range[0]);
  if (text.slice(start, pair.key.range[0]).trim() !== '')
    throw new YamlEditError(`"${String((pair.key as Scalar).value)}" is the first field of a list item`);
  return text.slice(0, start) + text.slice(endOfValue(text, end(pair), columnOf(text, pair.key.range[0])));
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], root);
}

/** The edited text must parse and hold exactly the old data changed by `change`. */
function verified(before: string, after: string, change: (root: unknown) => void): string {
  const expected = parseDocument(before, PARSE_OPTIONS).toJS();
  change(expected);
  const doc = parseDocument(after, PARSE_OPTIONS);
  if (doc.errors.length > 0)
    throw new YamlEditError(`the edited text does not parse (${doc.errors[0]!.code}): nothing written`);
  if (!sameData(doc.toJS(), expected))
    throw new NotTheSameData('the edited text would not hold exactly the old data changed: nothing written');
  return after;
}
