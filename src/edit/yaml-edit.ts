import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  YAMLMap,
  type YAMLSeq,
  type Node,
  type ParsedNode,
  type Pair,
} from 'yaml';

/**
 * Adding an item to a list in a YAML data file, by a text splice: the new item's lines go in at the
 * end of the list, and not one byte of the rest of the file moves. The `yaml` package finds where
 * the list is and renders the new item; its `toString()` is never used on the whole file, because
 * it re-folds long lines, re-spaces comments and re-quotes values the person wrote their way.
 * Every result is parsed again and checked to hold exactly the old data plus the new item.
 *
 * Pure: text in, text out.
 */

/** A field's value in a new item: a scalar, or a list of scalars (an event's `orgs`). */
/** A list of maps only for an event's participants ({org, role}): plain text values. */
export type ItemValue = string | number | boolean | readonly string[] | ReadonlyArray<Readonly<Record<string, string>>>;
/** A new list item, its fields in the order they are to be written. */
export type Item = Readonly<Record<string, ItemValue>>;

interface ItemStyle {
  /** Fields written in double quotes unless the list's other items write that field otherwise (dates). */
  quoted?: readonly string[];
}

/** The text cannot be edited safely: YAML errors, or the list is not where a list should be. */
export class YamlEditError extends Error {}

// The loader's options (src/load/yaml.ts): a file it would refuse, we refuse too.
export const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;
const INLINE_STYLES: readonly (Scalar.Type | undefined)[] = [Scalar.PLAIN, Scalar.QUOTE_SINGLE, Scalar.QUOTE_DOUBLE];
/** Long text is folded (`>-`) to about this width, as in the bundled data. */
export const LINE_WIDTH = 100;

/**
 * Appends `item` to the list under `key` of the file's top-level mapping (an organisation's
 * `members`, a programme's `figures`). When the key is absent it is created where `keyOrder` (the
 * data model's order of fields) puts it: before the first key of the file that comes after it.
 */
export function appendToMappingList(
  text: string,
  key: string,
  item: Item,
  keyOrder: readonly string[],
  style: ItemStyle = {},
): string {
  return withFallback((safe) => {
    const doc = parseForEdit(text);
    const root = doc.contents;
    if (!isMap(root) || root.flow) throw new YamlEditError('the file is not a block mapping of fields');
    const pair = root.items.find((p) => isScalar(p.key) && p.key.value === key);
    const layout = fileLayout(text, doc, safe);
    let result: string;
    if (!pair) {
      result = insertKeyWithList(text, root, key, item, keyOrder, style, layout);
    } else {
      const value = pair.value as ParsedNode | null;
      if (value === null || (isScalar(value) && value.value === null)) {
        result = replaceEmptyValue(text, pair.key as ParsedNode, value, item, style, layout);
      } else if (isSeq(value)) {
        result = appendToSequence(text, value as YAMLSeq<ParsedNode>, item, style, layout, true);
      } else {
        throw new YamlEditError(`"${key}" is not a list`);
      }
    }
    return verified(text, result, [key], item);
  });
}

/**
 * Appends `item` to a file that is a list (funding lines, events). A file with no list yet (only
 * comments, or empty) gets its first item after what it holds.
 */
export function appendToRootList(text: string, item: Item, style: ItemStyle = {}): string {
  return withFallback((safe) => {
    const doc = parseForEdit(text);
    const root = doc.contents;
    const layout = fileLayout(text, doc, safe);
    let result: string;
    if (root === null || (isScalar(root) && root.value === null && root.range[0] === root.range[1])) {
      result =
        ensureFinalNewline(text, layout.newline) +
        renderBlockItem(item, [], style, 0, layout).join(layout.newline) +
        layout.newline;
    } else if (isSeq(root)) {
      result = appendToSequence(text, root as YAMLSeq<ParsedNode>, item, style, layout, false);
    } else {
      throw new YamlEditError('the file is not a list');
    }
    return verified(text, result, [], item);
  });
}

/** The text of a new list file holding one item, after `header` (a yaml-language-server line). */
export function newListFile(header: string | undefined, item: Item, style: ItemStyle = {}): string {
  return withFallback((safe) => {
    const layout: Layout = { newline: '\n', indentSeq: true, safe };
    const text = (header ? `${header}\n` : '') + renderBlockItem(item, [], style, 0, layout).join('\n') + '\n';
    return verified('', text, [], item);
  });
}

/** A rendering that does not read back as the item is tried once more with every string quoted. */
export class NotTheSameData extends YamlEditError {}

export function withFallback(edit: (safe: boolean) => string): string {
  try {
    return edit(false);
  } catch (error) {
    if (error instanceof NotTheSameData) return edit(true);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------

interface Layout {
  newline: string;
  /** Whether the file indents a list under its key (`key:\n  - a`) or not (`key:\n- a`). */
  indentSeq: boolean;
  /** Every string double-quoted on one line: the fallback when the styled item would not read back the same. */
  safe: boolean;
}

export function parseForEdit(text: string): Document.Parsed {
  const doc = parseDocument(text, PARSE_OPTIONS);
  const error = doc.errors[0];
  if (error) {
    const lines = text.slice(0, error.pos[0]).split('\n');
    throw new YamlEditError(
      `the file has a YAML error near line ${lines.length}, column ${lines[lines.length - 1]!.length + 1}`,
    );
  }
  return doc;
}

/** The file's own habits, so that the new lines look like the old ones. */
export function fileLayout(text: string, doc: Document.Parsed, safe: boolean): Layout {
  let indentSeq: boolean | undefined;
  const visit = (node: unknown): void => {
    if (indentSeq !== undefined) return;
    if (isMap(node) && !node.flow) {
      for (const pair of node.items) {
        const value = pair.value;
        if (isSeq(value) && !value.flow && value.range && isScalar(pair.key) && pair.key.range) {
          indentSeq = columnOf(text, value.range[0]) > columnOf(text, pair.key.range[0]);
          return;
        }
        visit(value);
      }
    } else if (isSeq(node) && !node.flow) {
      for (const child of node.items) visit(child);
    }
  };
  visit(doc.contents);
  return { newline: text.includes('\r\n') ? '\r\n' : '\n', indentSeq: indentSeq ?? true, safe };
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The start of the line after the one `offset` is on (or the end of the text). */
export function nextLineStart(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

export function lineAt(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end === -1 ? text.length : end).replace(/\r$/, '');
}

export const isCommentLine = (line: string) => line.trimStart().startsWith('#');
export const indentationOf = (line: string) => line.length - line.trimStart().length;

/**
 * Where a list item, or a key's value, really ends: after its last line, and after the comment
 * lines below it that are indented inside it (a commented-out field of the last member belongs to
 * that member, not to the one added after it).
 */
export function endOfValue(text: string, valueEnd: number, ownColumn: number): number {
  let end = nextLineStart(text, valueEnd);
  while (end < text.length) {
    const line = lineAt(text, end);
    if (!isCommentLine(line) || indentationOf(line) <= ownColumn) break;
    end = nextLineStart(text, end + 1);
  }
  return end;
}

function ensureFinalNewline(text: string, newline: string): string {
  return text === '' || text.endsWith('\n') ? text : text + newline;
}

function splice(text: string, at: number, insert: string, newline: string): string {
  // The last line of a file may lack its newline: the new lines must not join it.
  const before = text.slice(0, at);
  const glue = before !== '' && !before.endsWith('\n') ? newline : '';
  return before + glue + insert + text.slice(at);
}

function appendToSequence(
  text: string,
  seq: YAMLSeq<ParsedNode>,
  item: Item,
  style: ItemStyle,
  layout: Layout,
  underKey: boolean,
): string {
  const last = seq.items[seq.items.length - 1];
  const range = seq.range!;
  if (seq.flow) {
    if (!last) return replaceEmptyFlow(text, range, item, style, layout, underKey);
    // A list the person wrote in flow style stays in flow style: ", {...}" after its last item.
    return (
      text.slice(0, last.range[1]) +
      ', ' +
      renderFlowItem(item, seq.items, style, layout.safe) +
      text.slice(last.range[1])
    );
  }
  const dashColumn = columnOf(text, range[0]);
  const first = seq.items[0]!;
  const contentColumn =
    lineStart(text, first.range[0]) === lineStart(text, range[0]) ? columnOf(text, first.range[0]) : dashColumn + 2;
  // The items are separated by blank lines: so is the new one.
  const spaced = seq.items.length > 1 && seq.items.slice(1).every((node) => node.spaceBefore === true);
  const at = endOfValue(text, last!.range[1], dashColumn);
  const lines = renderBlockItem(item, seq.items, style, dashColumn, layout, contentColumn - dashColumn);
  return splice(text, at, (spaced ? layout.newline : '') + lines.join(layout.newline) + layout.newline, layout.newline);
}

/** `key: []` (or a file that is `[]`): the empty flow list becomes a block list holding the item. */
function replaceEmptyFlow(
  text: string,
  [start, end]: readonly number[],
  item: Item,
  style: ItemStyle,
  layout: Layout,
  underKey: boolean,
): string {
  if (/[#\n]/.test(text.slice(start, end))) throw new YamlEditError('an empty list with comments inside its brackets');
  const keyColumn = indentationOf(lineAt(text, lineStart(text, start!)));
  const withoutValue = removeInlineValue(text, start!, end!);
  const dashColumn = underKey ? keyColumn + (layout.indentSeq ? 2 : 0) : 0;
  const lines = renderBlockItem(item, [], style, dashColumn, layout);
  return splice(
    withoutValue,
    nextLineStart(withoutValue, start!),
    lines.join(layout.newline) + layout.newline,
    layout.newline,
  );
}

/** `key:` with nothing (or `~`, `null`) after it: the list starts on the next line. */
function replaceEmptyValue(
  text: string,
  key: ParsedNode,
  value: ParsedNode | null,
  item: Item,
  style: ItemStyle,
  layout: Layout,
): string {
  const keyColumn = columnOf(text, key.range[0]);
  let edited = text;
  let from = key.range[1];
  if (value && value.range[1] > value.range[0]) {
    edited = removeInlineValue(text, value.range[0], value.range[1]);
    from = value.range[0];
  }
  const dashColumn = keyColumn + (layout.indentSeq ? 2 : 0);
  const lines = renderBlockItem(item, [], style, dashColumn, layout);
  return splice(edited, nextLineStart(edited, from), lines.join(layout.newline) + layout.newline, layout.newline);
}

/** Removes an inline value and the spaces before it, keeping the key's colon and any comment. */
function removeInlineValue(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && (text[from - 1] === ' ' || text[from - 1] === '\t')) from--;
  const lineBegins = lineStart(text, from);
  const rest = text.slice(end);
  // A line left empty goes ("[]" alone in a file); "key: [] # note" keeps " # note".
  if (from === lineBegins && /^[ \t]*\r?(\n|$)/.test(rest))
    return text.slice(0, from) + rest.replace(/^[ \t]*\r?(\n|$)/, '');
  return text.slice(0, from) + rest;
}

function insertKeyWithList(
  text: string,
  root: YAMLMap<ParsedNode, ParsedNode | null>,
  key: string,
  item: Item,
  keyOrder: readonly string[],
  style: ItemStyle,
  layout: Layout,
): string {
  const rank = keyOrder.indexOf(key);
  const keyColumn = root.range ? columnOf(text, root.range[0]) : 0;
  const rankOf = (pair: Pair<ParsedNode, ParsedNode | null>) =>
    isScalar(pair.key) ? keyOrder.indexOf(String(pair.key.value)) : -1;
  const next = root.items.find((pair) => rankOf(pair) > rank);
  let at: number;
  if (next) {
    // Before the next key, and before the comment lines just above it, which speak of it.
    at = lineStart(text, next.key.range[0]);
    while (at > 0) {
      const previous = lineStart(text, at - 1);
      const line = lineAt(text, previous);
      if (!isCommentLine(line) || indentationOf(line) > keyColumn) break;
      at = previous;
    }
  } else {
    const lastPair = root.items[root.items.length - 1];
    const end = lastPair ? (lastPair.value ?? lastPair.key).range[1] : text.length;
    at = endOfValue(text, end, keyColumn);
  }
  const dashColumn = keyColumn + (layout.indentSeq ? 2 : 0);
  const lines = [`${' '.repeat(keyColumn)}${key}:`, ...renderBlockItem(item, [], style, dashColumn, layout)];
  // Sections separated by blank lines: the new one too, from the comment or key that follows it.
  const blankAbove = next !== undefined && at > 0 && lineAt(text, lineStart(text, at - 1)).trim() === '';
  return splice(
    text,
    at,
    lines.join(layout.newline) + layout.newline + (blankAbove ? layout.newline : ''),
    layout.newline,
  );
}

// ---------------------------------------------------------------------------------------------
// Rendering the new item

/**
 * The item as a mapping node, each value written as the list's other items write the same field
 * (quoted, plain, flow list) where they do, else as `style` says.
 */
function itemNode(doc: Document, item: Item, siblings: readonly unknown[], style: ItemStyle, width: number): YAMLMap {
  const map = new YAMLMap();
  for (const [field, value] of Object.entries(item)) {
    // The last of the other items that has this field shows how the person writes it.
    const sibling = [...siblings].reverse().find((node): node is YAMLMap => isMap(node) && node.has(field));
    const siblingValue = sibling?.get(field, true) as Node | undefined;
    let node: Node;
    if (Array.isArray(value)) {
      const seq = doc.createNode([...value]) as YAMLSeq;
      if (isSeq(siblingValue) && siblingValue.flow) seq.flow = true;
      node = seq;
    } else {
      const scalar = doc.createNode(value) as Scalar;
      if (typeof value === 'string') {
        if (value.includes('\n')) scalar.type = Scalar.BLOCK_LITERAL;
        else if (value.length + field.length + 2 > width) scalar.type = Scalar.BLOCK_FOLDED;
        // Quoting is copied; a block style is not (the other item's text was long, this one is not).
        else if (
          isScalar(siblingValue) &&
          typeof siblingValue.value === 'string' &&
          INLINE_STYLES.includes(siblingValue.type!)
        )
          scalar.type = siblingValue.type;
        else if (style.quoted?.includes(field)) scalar.type = Scalar.QUOTE_DOUBLE;
      }
      node = scalar;
    }
    map.add(doc.createPair(field, node));
  }
  return map;
}

/** The item's lines for a block list whose dashes are at `dashColumn`: "- first: field", then the other fields under it. */
function renderBlockItem(
  item: Item,
  siblings: readonly unknown[],
  style: ItemStyle,
  dashColumn: number,
  layout: Layout,
  dashWidth = 2,
): string[] {
  const contentColumn = dashColumn + dashWidth;
  const doc = new Document();
  const width = Math.max(40, LINE_WIDTH - contentColumn);
  doc.contents = itemNode(doc, item, siblings, style, width);
  const rendered = doc
    .toString({
      indent: 2,
      indentSeq: layout.indentSeq,
      lineWidth: width,
      minContentWidth: 20,
      flowCollectionPadding: false,
    })
    .replace(/\n$/, '');
  const lines = layout.safe ? jsonFields(item) : rendered.split('\n');
  return lines.map((line, i) =>
    i === 0
      ? `${' '.repeat(dashColumn)}-${' '.repeat(dashWidth - 1)}${line}`
      : line === ''
        ? ''
        : `${' '.repeat(contentColumn)}${line}`,
  );
}

/**
 * The fallback: each field on one line, its value a JSON literal (JSON is YAML), which reads back
 * as exactly itself whatever the text holds (carriage returns, line separators, control characters).
 */
function jsonFields(item: Item): string[] {
  const literal = (value: unknown) =>
    JSON.stringify(value).replace(
      /[\u007f-\u009f\u2028\u2029\ufeff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  return Object.entries(item).map(
    ([field, value]) => `${field}: ${Array.isArray(value) ? `[${value.map(literal).join(', ')}]` : literal(value)}`,
  );
}

function renderFlowItem(item: Item, siblings: readonly unknown[], style: ItemStyle, safe: boolean): string {
  if (safe) return `{${jsonFields(item).join(', ')}}`;
  const doc = new Document();
  const map = itemNode(doc, item, siblings, style, Infinity);
  map.flow = true;
  for (const pair of map.items)
    if (isScalar(pair.value) && pair.value.type?.startsWith('BLOCK')) pair.value.type = Scalar.QUOTE_DOUBLE;
  doc.contents = map;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false }).replace(/\n$/, '');
}

// ---------------------------------------------------------------------------------------------
// Checking the result

/**
 * The edited text must parse without error and hold the old data with the item appended to the
 * list at `path`, and nothing else changed. Anything else is a bug of this module: refuse.
 */
function verified(before: string, after: string, path: readonly string[], item: Item): string {
  const expected = before === '' ? undefined : parseDocument(before, PARSE_OPTIONS).toJS();
  const doc = parseDocument(after, PARSE_OPTIONS);
  if (doc.errors.length > 0)
    throw new YamlEditError(`the edited text does not parse (${doc.errors[0]!.code}): nothing written`);
  const plainItem = JSON.parse(JSON.stringify(item));
  let wanted: unknown;
  if (path.length === 0) {
    wanted = [...(Array.isArray(expected) ? expected : []), plainItem];
  } else {
    const record = { ...(expected as Record<string, unknown>) };
    const list = record[path[0]!];
    record[path[0]!] = [...(Array.isArray(list) ? list : []), plainItem];
    wanted = record;
  }
  if (!sameData(doc.toJS(), wanted))
    throw new NotTheSameData('the edited text would not hold exactly the old data and the new item: nothing written');
  return after;
}

export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return false;
}
