import { isMap, isScalar, isSeq, parseDocument, Scalar, type Document } from 'yaml';
import type { FileKind } from '../core/parsed-file.js';
import { findRenamedFields, findRenamedValues, type RenamedValue } from '../core/renames.js';
import { parentLinks } from '../core/memberships.js';
import { YamlEditError } from './yaml-edit.js';

/**
 * `coop migrate` on one file: each old value that has one new name is replaced in place, in the
 * quotes it was written in, and not one other byte moves (comments, order, layout stay). Old values
 * that meant several things are left as they are and returned, with their place in the new text.
 * The result is parsed again and must hold exactly the old data with the new names.
 *
 * Pure: text in, text out.
 */
export interface Migrated {
  text: string;
  /** How many values were renamed. */
  renamed: number;
  /** The ambiguous old values left for a person, placed in the new text. */
  left: Array<RenamedValue & { line: number; column: number }>;
}

// The loader's options (src/load/yaml.ts): a file it would refuse, we refuse too.
const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false, logLevel: 'error' } as const;

export function migrateText(kind: FileKind, text: string): Migrated {
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) throw new YamlEditError('the file has a YAML error: coop validate shows it');
  const data = doc.toJS();
  const found = findRenamedValues(kind, data);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let expected = data;
  for (const value of found) {
    if (value.to.length !== 1) continue;
    const node = doc.getIn(value.path, true);
    if (!isScalar(node) || !node.range) throw new YamlEditError(`${value.path.join('.')} is not a plain value`);
    const quote = node.type === Scalar.QUOTE_DOUBLE ? '"' : node.type === Scalar.QUOTE_SINGLE ? "'" : '';
    if (quote === '' && node.type !== Scalar.PLAIN)
      throw new YamlEditError(`${value.path.join('.')} is written as a block: rename it by hand`);
    edits.push({ start: node.range[0], end: node.range[1], text: `${quote}${value.to[0]}${quote}` });
    expected = withValue(expected, value.path, value.to[0]!);
  }
  for (const { field, to } of findRenamedFields(kind, data)) {
    edits.push(...fieldEdits(doc, text, field, to));
    expected = withField(expected as Record<string, unknown>, field, to);
  }
  edits.sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);

  const after = parseDocument(result, PARSE_OPTIONS);
  if (after.errors.length > 0 || JSON.stringify(after.toJS()) !== JSON.stringify(expected))
    throw new YamlEditError('the renamed text would not hold the same data: nothing written');
  const left = findRenamedValues(kind, expected)
    .filter((value) => value.to.length > 1)
    .map((value) => {
      const node = after.getIn(value.path, true);
      const offset = isScalar(node) && node.range ? node.range[0] : 0;
      const before = result.slice(0, offset).split('\n');
      return { ...value, line: before.length, column: before[before.length - 1]!.length + 1 };
    });
  return { text: result, renamed: edits.length, left };
}

type Edit = { start: number; end: number; text: string };

/**
 * A renamed field rewritten in place: its key renamed, and its value made the new field's form.
 * Only parent -> owners is known: one id or one dated link becomes a list of one link; a list of
 * links stays as written. Comments and the rest of the file do not move.
 */
function fieldEdits(doc: Document, text: string, field: string, to: string): Edit[] {
  if (!isMap(doc.contents)) throw new YamlEditError('the file is not a mapping');
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === field);
  if (!pair || !isScalar(pair.key) || !pair.key.range) throw new YamlEditError(`${field} is not a plain key`);
  if (doc.contents.items.some((item) => isScalar(item.key) && item.key.value === to))
    throw new YamlEditError(`the file has both ${field} and ${to}: move ${field} into ${to} by hand`);
  if (pair.key.type !== Scalar.PLAIN) throw new YamlEditError(`${field} is quoted: rename it by hand`);
  const [keyStart, keyEnd] = pair.key.range;
  const renameKey = { start: keyStart, end: keyEnd, text: to };
  const value = pair.value;
  if (isSeq(value)) return [renameKey];
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  const indent = ' '.repeat(keyStart - lineStart);
  if (isScalar(value) && value.range) {
    const [start, end] = value.range;
    // "parent: x" -> "owners:\n  - org: x", the key and its value in one edit.
    return [{ start: keyStart, end, text: `${to}:\n${indent}  - org: ${text.slice(start, end)}` }];
  }
  if (isMap(value) && value.range) {
    const [start, end] = value.range;
    if (value.flow) return [renameKey, { start, end, text: `[${text.slice(start, end)}]` }];
    // A block mapping becomes the one item of a block list: "- " before its first key, and every
    // further line of it two columns deeper.
    const edits: Edit[] = [renameKey, { start, end: start, text: '- ' }];
    for (let at = text.indexOf('\n', start); at !== -1 && at + 1 < end; at = text.indexOf('\n', at + 1))
      if (text[at + 1] !== '\n') edits.push({ start: at + 1, end: at + 1, text: '  ' });
    return edits;
  }
  throw new YamlEditError(`${field} has a form coop cannot rewrite: rename it by hand`);
}

/** A copy of `record` with `field` replaced, at its place, by `to` in the new field's form. */
function withField(record: Record<string, unknown>, field: string, to: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) =>
      key === field ? [to, parentLinks(value as Parameters<typeof parentLinks>[0])] : [key, value],
    ),
  );
}

/** A copy of `data` with the value at `path` replaced. */
function withValue(data: unknown, path: ReadonlyArray<string | number>, value: string): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(data)) return data.map((item, i) => (i === step ? withValue(item, rest, value) : item));
  const record = data as Record<string, unknown>;
  return { ...record, [step]: withValue(record[step], rest, value) };
}
