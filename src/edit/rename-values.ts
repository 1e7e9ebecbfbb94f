import { isScalar, parseDocument, Scalar } from 'yaml';
import type { FileKind } from '../core/parsed-file.js';
import { findRenamedValues, type RenamedValue } from '../core/renames.js';
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

/** A copy of `data` with the value at `path` replaced. */
function withValue(data: unknown, path: ReadonlyArray<string | number>, value: string): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path as [string | number, ...Array<string | number>];
  if (Array.isArray(data)) return data.map((item, i) => (i === step ? withValue(item, rest, value) : item));
  const record = data as Record<string, unknown>;
  return { ...record, [step]: withValue(record[step], rest, value) };
}
