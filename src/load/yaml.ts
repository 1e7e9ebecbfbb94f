import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Diagnostic } from '../core/diagnostics.js';
import { diagnostic, type RuleId, type RuleParams } from '../core/rules.js';
import { pathKey, type Position, type PositionIndex } from '../core/parsed-file.js';
import { fastParse } from './fast-yaml.js';

export interface ParsedYaml {
  data: unknown;
  /** Built on first call, by parsing the text again: only a file with a problem needs it. */
  positions: () => PositionIndex;
  diagnostics: Diagnostic[];
}

const NO_POSITIONS = (): PositionIndex => ({ values: {}, keys: {} });

/** Deeper than any record of the data model; deep documents are how YAML parsers are attacked. */
const MAX_DEPTH = 32;
const MAX_ALIASES = 50;

/**
 * Parses one YAML text, keeping where every value and key is. `lineOffset` shifts the lines of a
 * front matter block to their place in the whole file.
 */
export function parseYaml(
  file: string,
  source: string,
  lineOffset = 0,
  { fast = true }: { fast?: boolean } = {},
): ParsedYaml {
  const diagnostics: Diagnostic[] = [];
  // Lines are counted only when there is something to report: a LineCounter on every parse costs
  // a tenth of the parsing time of a large base.
  const at = (offset: number): Position => {
    const [line, column] = lineAndColumn(source, offset);
    return [line + lineOffset, column];
  };
  const report = <R extends RuleId>(offset: number, rule: R, params: RuleParams<R>) => {
    const [line, column] = at(offset);
    diagnostics.push(diagnostic(rule, params, { file, line, column }));
  };

  const control = FORBIDDEN_CONTROL.exec(source);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    report(control.index, 'control-character', { code });
    return { data: undefined, positions: NO_POSITIONS, diagnostics };
  }

  const depthProblem = nestingTooDeep(source);
  if (depthProblem !== undefined) {
    report(depthProblem.offset, 'yaml-syntax', {
      problem: 'too-deep',
      what: depthProblem.what,
      limit: depthProblem.limit,
    });
    return { data: undefined, positions: NO_POSITIONS, diagnostics };
  }

  // A plain file needs none of what follows: the quick reader gives the same values.
  const quick = fast ? fastParse(source) : undefined;
  if (quick) {
    let positions: PositionIndex | undefined;
    return { data: quick.data, positions: () => (positions ??= indexDocument(source, lineOffset)), diagnostics };
  }

  // logLevel error: the parser's warnings would go to stderr; its errors are read below. ('silent'
  // would also drop the error for a second document.)
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  // One syntax error leads the parser into others that point at nothing wrong: report the first.
  let syntaxReported = false;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') report(error.pos[0], 'duplicate-key', {});
    else if (syntaxReported) continue;
    else if (error.code === 'MULTIPLE_DOCS') report(error.pos[0], 'yaml-syntax', { problem: 'several-documents' });
    else {
      // The parser often notices an unclosed bracket or quote lines later: point at the opener.
      const missingQuote = /Missing closing (["'])quote/.exec(error.message);
      if (missingQuote) {
        const lineStart = source.lastIndexOf('\n', error.pos[0] - 1) + 1;
        const at = source.lastIndexOf(missingQuote[1]!, error.pos[0]);
        if (at >= lineStart) {
          report(at, 'yaml-syntax', {
            problem: 'unclosed',
            opener: missingQuote[1]!,
            closer: CLOSERS[missingQuote[1]!]!,
          });
          syntaxReported = true;
          continue;
        }
      }
      const unclosed = unclosedOpener(source);
      const opener = unclosed && unclosed.offset <= error.pos[0] ? unclosed : undefined;
      if (opener)
        report(opener.offset, 'yaml-syntax', {
          problem: 'unclosed',
          opener: opener.char,
          closer: CLOSERS[opener.char]!,
        });
      else if (/call stack/i.test(error.message)) report(error.pos[0], 'yaml-syntax', { problem: 'unreadable-depth' });
      else
        report(betterOffset(source, error.pos[0], error.message), 'yaml-syntax', {
          problem: 'parser',
          text: yamlMessage(error.message),
          tab: /tab/i.test(error.message),
        });
    }
    if (error.code !== 'DUPLICATE_KEY') syntaxReported = true;
  }
  // doc.toJS() silently keeps the last of two duplicate keys: never use a document with errors.
  if (diagnostics.length > 0) return { data: undefined, positions: NO_POSITIONS, diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unresolved = /Unresolved alias[^:]*:\s*(\S+)/.exec(message);
    if (unresolved) {
      const at = source.indexOf(`*${unresolved[1]}`);
      report(Math.max(0, at), 'yaml-syntax', { problem: 'unknown-alias', alias: unresolved[1]! });
    } else {
      const alias = /(?:^|[\s[{,:])\*[^\s,\]}]+/m.exec(source);
      const at = alias ? alias.index + alias[0].indexOf('*') : 0;
      report(at, 'yaml-syntax', { problem: 'too-many-aliases' });
    }
    return { data: undefined, positions: NO_POSITIONS, diagnostics };
  }
  // A list or map used as a key becomes made-up text in the data: refused, where it stands.
  const collectionKey = data !== null && typeof data === 'object' && hasCollectionKey(doc.contents);
  if (collectionKey) {
    report(collectionKey.offset, 'yaml-syntax', { problem: 'collection-key' });
    return { data: undefined, positions: NO_POSITIONS, diagnostics };
  }
  let positions: PositionIndex | undefined;
  const locate = () => (positions ??= indexDocument(source, lineOffset));
  return { data, positions: locate, diagnostics };
}

/** [line, column] of an offset, both from 1, columns in characters. */
function lineAndColumn(source: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return [line, [...source.slice(lineStart, offset)].length + 1];
}

/** The first key that is a list or a map, anywhere in the document. */
function hasCollectionKey(node: unknown): { offset: number } | false {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (key && (isMap(key) || isSeq(key))) return { offset: key.range?.[0] ?? 0 };
      const inValue = hasCollectionKey(pair.value);
      if (inValue) return inValue;
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const inItem = hasCollectionKey(item);
      if (inItem) return inItem;
    }
  }
  return false;
}

function indexDocument(source: string, lineOffset: number): PositionIndex {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return [line + lineOffset, col];
  };
  const positions: PositionIndex = { values: {}, keys: {} };
  if (doc.contents) indexPositions(doc.contents, [], positions, at);
  return positions;
}

function indexPositions(
  node: Node,
  path: Array<string | number>,
  index: PositionIndex,
  at: (offset: number) => Position,
): void {
  const key = pathKey(path);
  if (node.range) index.values[key] = at(node.range[0]);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      // A list or map as a key becomes text in the data (as yaml stringifies it): so in the index.
      const name = isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : undefined;
      if (name === undefined) continue;
      const childPath = [...path, name];
      if (keyNode?.range) index.keys[pathKey(childPath)] = at(keyNode.range[0]);
      if (pair.value && !isAlias(pair.value)) indexPositions(pair.value as Node, childPath, index, at);
      else if (keyNode?.range)
        index.values[pathKey(childPath)] = at((pair.value as Node | null)?.range?.[0] ?? keyNode.range[0]);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (item && !isAlias(item)) indexPositions(item as Node, [...path, i], index, at);
    });
  }
}

interface TooDeep {
  offset: number;
  what: 'nesting' | 'indentation';
  limit: number;
}

/**
 * Flow collections nested past MAX_DEPTH ("[[[[...") make the parser recurse without bound; they
 * are refused before parsing. Brackets are counted whatever surrounds them, quotes and comments
 * included: understanding those is the parser's job, and a scanner that tried could be fooled. The
 * cost is that text holding more than MAX_DEPTH unbalanced brackets is refused too.
 */
function nestingTooDeep(source: string): TooDeep | undefined {
  const block = blockNestingTooDeep(source);
  if (block !== undefined) return block;
  // Too few brackets to nest that deep: most data files, and no need to scan them.
  let brackets = 0;
  for (let i = source.indexOf('['); i !== -1 && brackets <= MAX_DEPTH; i = source.indexOf('[', i + 1)) brackets++;
  for (let i = source.indexOf('{'); i !== -1 && brackets <= MAX_DEPTH; i = source.indexOf('{', i + 1)) brackets++;
  if (brackets <= MAX_DEPTH) return undefined;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return { offset: i, what: 'nesting', limit: MAX_DEPTH };
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}

/**
 * YAML forbids C0 controls but tab, newline and carriage return, DEL, C1 controls but NEL, and the
 * non-characters U+FFFE and U+FFFF; the parser lets some through, and they must never reach a
 * terminal from a data file.
 */
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0080-\u0084\u0086-\u009f\ufffe\uffff]/;

/** Indentation past this, or this many compact "- " on one line, is nesting no record needs. */
const MAX_INDENT = 128;

/** Block nesting: deep indentation, or sequences nested on one line ("- - - - x"). */
function blockNestingTooDeep(source: string): TooDeep | undefined {
  for (let start = 0; start < source.length; ) {
    let i = start;
    let indent = 0;
    while (source.charCodeAt(i) === 32) {
      i++;
      indent++;
    }
    if (indent > MAX_INDENT) return { offset: i, what: 'indentation', limit: MAX_INDENT };
    let dashes = 0;
    while (source.charCodeAt(i) === 45 && source.charCodeAt(i + 1) === 32) {
      if (++dashes > MAX_DEPTH) return { offset: i, what: 'nesting', limit: MAX_DEPTH };
      i += 2;
      while (source.charCodeAt(i) === 32) i++;
    }
    const end = source.indexOf('\n', i);
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

const CLOSERS: Record<string, string> = { '[': ']', '{': '}', '"': 'a matching "', "'": "a matching '" };

/**
 * The parser reports an unclosed bracket or quote at the end of the file, past anything the person
 * wrote; the opener is what needs fixing. Returns the unclosed quote, else the outermost unclosed
 * bracket.
 */
function unclosedOpener(source: string): { offset: number; char: string } | undefined {
  const stack: Array<{ offset: number; char: string }> = [];
  let quote: { offset: number; char: string } | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (quote.char === '"' && c === '\\') i++;
      else if (c === quote.char) {
        if (c === "'" && source[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    const previous = i === 0 ? '\n' : source[i - 1]!;
    if (c === '#' && /\s/.test(previous)) {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
    } else if ((c === '"' || c === "'") && /[\s[{,:-]/.test(previous)) quote = { offset: i, char: c };
    else if (c === '[' || c === '{') stack.push({ offset: i, char: c });
    else if (c === ']' || c === '}') stack.pop();
  }
  return quote ?? stack[0];
}

/**
 * Where a person should look, when the parser's offset is beside the point: a misplaced colon
 * inside a value, or an indentation problem the parser notices at the end of the line before.
 */
function betterOffset(source: string, offset: number, message: string): number {
  const nested = /nested mappings/i.test(message);
  if (nested) {
    const lineEnd = source.indexOf('\n', offset);
    const colon = source.slice(offset, lineEnd === -1 ? undefined : lineEnd).search(/:(\s|$)/);
    if (colon !== -1) return offset + colon;
  }
  // Noticed at the end of a line, or (nested mappings without a colon there) on the line below.
  if (nested || source[offset] === '\n' || source.slice(offset, offset + 2) === '\r\n') {
    const next = source.indexOf('\n', offset) + 1;
    let i = next;
    while (source[i] === ' ') i++;
    if (i < source.length) return i;
  }
  return offset;
}

function yamlMessage(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+.*$/, '')
    .trim();
}
