import type { Diagnostic } from './diagnostics.js';

/**
 * What the loader hands to the core: each data file parsed into plain values, with the position of
 * every value and key so that a problem found later can point at its line and column. Plain data,
 * so that it can be cached as JSON.
 */
export type FileKind = 'organisation' | 'programme' | 'funding' | 'event' | 'article' | 'person' | 'agreement';

/** [line, column], both from 1. */
export type Position = readonly [line: number, column: number];

export interface PositionIndex {
  /** Where each value starts, by path ("members/3/org"; "" is the document). */
  values: Record<string, Position>;
  /** Where the key of each map entry starts, by the same path. */
  keys: Record<string, Position>;
}

export interface ParsedFile {
  /** Relative to the data folder, forward slashes: "organisations/hopital-foch.yaml". */
  path: string;
  kind: FileKind;
  /** The id the file name gives (organisations, programmes, articles). */
  nameId?: string;
  /** The parsed YAML (for an article, its front matter); undefined when it did not parse. */
  data: unknown;
  /** An article's Markdown body. */
  body?: string;
  /**
   * Where the values are: an index, or the function that builds it. Building it for every file
   * would cost as much as parsing again, and only files with a problem need it.
   */
  positions: PositionIndex | (() => PositionIndex);
}

export interface LoadResult {
  files: ParsedFile[];
  /** Problems found while reading and parsing: a file with one here may be missing from `files`. */
  diagnostics: Diagnostic[];
}

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join('/');
}

/** The position of the value at `path`, or of its nearest ancestor that has one. */
export function positionOf(source: ParsedFile['positions'], path: readonly PropertyKey[], preferKey = false): Position {
  const index = typeof source === 'function' ? source() : source;
  for (let length = path.length; length >= 0; length--) {
    const key = pathKey(path.slice(0, length));
    const found = preferKey ? (index.keys[key] ?? index.values[key]) : (index.values[key] ?? index.keys[key]);
    if (found) return found;
  }
  return [1, 1];
}
