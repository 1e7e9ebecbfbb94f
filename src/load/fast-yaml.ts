import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

/**
 * The quick reading of a plain data file. js-yaml reads YAML about eight times faster than the
 * `yaml` package (docs/ARCHITECTURE.md, "Speed": 0.42 s against 3.3 s for 10,000 files), but keeps no positions
 * and words its errors its own way. So it reads only the files that hold nothing unusual, into the
 * same values as `yaml` would; anything else (an error, a duplicate key, an anchor, a tag, several
 * documents, a flow collection where a key could be) goes to the full parser in yaml.ts, which
 * reports each problem at its place. Positions, when a later check needs them, come from `yaml` too.
 */

/**
 * YAML 1.2 core schema, with the very tests the `yaml` package applies (yaml/dist/schema/core). Most
 * plain scalars are words: the first character settles it before any regular expression runs.
 */
const NUMBER_START = /^[-+.0-9]/;
const CORE = FAILSAFE_SCHEMA.extend({
  implicit: [
    new Type('tag:yaml.org,2002:null', {
      kind: 'scalar',
      resolve: (text: string) => text === '' || (/^[~nN]/.test(text) && /^(?:~|[Nn]ull|NULL)$/.test(text)),
      construct: () => null,
    }),
    new Type('tag:yaml.org,2002:bool', {
      kind: 'scalar',
      resolve: (text: string) => /^[tTfF]/.test(text) && /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text),
      construct: (text: string) => text[0] === 't' || text[0] === 'T',
    }),
    new Type('tag:yaml.org,2002:int', {
      kind: 'scalar',
      resolve: (text: string) =>
        NUMBER_START.test(text) &&
        (/^0o[0-7]+$/.test(text) || /^[-+]?[0-9]+$/.test(text) || /^0x[0-9a-fA-F]+$/.test(text)),
      construct: (text: string) =>
        text.startsWith('0o')
          ? parseInt(text.slice(2), 8)
          : text.startsWith('0x')
            ? parseInt(text.slice(2), 16)
            : parseInt(text, 10),
    }),
    new Type('tag:yaml.org,2002:float', {
      kind: 'scalar',
      resolve: (text: string) =>
        NUMBER_START.test(text) &&
        (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text) ||
          /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) ||
          /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)),
      construct: (text: string) =>
        /^[-+]?\.(?:inf|Inf|INF)$/.test(text)
          ? text[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY
          : /^\.(?:nan|NaN|NAN)$/.test(text)
            ? NaN
            : parseFloat(text),
    }),
  ],
});

/**
 * Whether js-yaml may read the text: nothing that only the full parser handles, and nothing where
 * the two parsers part ways. One pass over the characters (a regular expression per rule cost more
 * than js-yaml's own parsing). Declined, line by line:
 * - anchors, aliases and tags (& * ! after a space or a flow indicator), directives (%), document
 *   markers (--- ...), complex keys (?), merge keys (<<);
 * - flow mappings ({), pairs in flow sequences ([a: b]), a flow sequence opening a line or inside
 *   another: a list or a map could be a key there, and js-yaml makes it up into text;
 * - keys that are not text (~, true, 12, or none), which the two parsers turn into different strings;
 * - a quoted scalar or a flow sequence carried over to the next line: js-yaml forgives continuation
 *   lines that `yaml` finds under-indented.
 * Prose with " & " or an unclosed "[" goes to the full parser too: slower, never wrong.
 */
function isPlainYaml(source: string): boolean {
  // A carriage return alone ends a line for js-yaml, not for `yaml`; \U escapes beyond Unicode and
  // byte-order marks inside the text are read differently too.
  if (
    source.includes('<<') ||
    source.includes('{') ||
    source.includes('\\U') ||
    source.includes('\ufeff') ||
    LONE_CR.test(source)
  )
    return false;
  // Keep chomping (|+ >+) keeps what ends the file, which the two parsers count differently.
  if (KEEP_CHOMPING.test(source)) return false;
  const length = source.length;
  let i = 0;
  let first = true;
  let previousEndsKey = false;
  while (i < length) {
    let end = source.indexOf('\n', i);
    if (end === -1) end = length;
    if (!isPlainLine(source, i, end)) return false;
    const line = source.slice(i, end);
    // A key with no value, then a comment line: the value that follows reads differently.
    if (previousEndsKey && /^[ \t]*#/.test(line)) return false;
    if (line.trim() !== '') previousEndsKey = /:\s*$/.test(line) && !/^[ \t]*#/.test(line);
    // A data file is a map or a list: a text whose first line is neither is left to `yaml`.
    if (first && !isBlankOrComment(source, i, end)) {
      if (!STARTS_MAP_OR_LIST.test(source.slice(i, Math.min(end, i + MAX_KEY + 2)))) return false;
      first = false;
    }
    i = end + 1;
  }
  return true;
}

const LONE_CR = /\r(?!\n)/;
const KEEP_CHOMPING = /[|>][0-9]?\+/;
/** A line of dashes only ("-", "- -"): empty entries, nested or not, read differently. */
const DASHES_ONLY = /^[ \t]*-(?:[ \t]+-)*[ \t]*\r?$/;
/** `yaml` refuses an implicit key longer than this; js-yaml does not. */
const MAX_KEY = 1024;
const STARTS_MAP_OR_LIST = new RegExp(`^(?:- |-$|-\\r|[^\\s#"'][^\\n]{0,${MAX_KEY - 1}}?:(?:[ \\r]|$))`);

function isBlankOrComment(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === HASH) return true;
    if (c !== SPACE && c !== TAB && c !== CR) return false;
  }
  return true;
}

const NOT_TEXT_KEY = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[+.0-9]|-[.0-9])/;

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const DASH = 0x2d;
const HASH = 0x23;
const COLON = 0x3a;
const QUESTION = 0x3f;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const COMMA = 0x2c;
const DOUBLE = 0x22;
const SINGLE = 0x27;
const BACKSLASH = 0x5c;

/** A blank, or the end of the line (NaN past the end of the text). */
const isBlankAt = (source: string, i: number, end: number) => {
  if (i >= end) return true;
  const c = source.charCodeAt(i);
  return c === SPACE || c === TAB || c === CR;
};

function isPlainLine(source: string, start: number, end: number): boolean {
  const first = source.charCodeAt(start);
  if (first === 0x25 /* % */) return false;
  if ((source.startsWith('---', start) || source.startsWith('...', start)) && isBlankAt(source, start + 3, end))
    return false;
  // Tabs cannot indent YAML, nor stand alone on a line; the two parsers read them differently.
  for (let j = start; j < end; j++) {
    const c = source.charCodeAt(j);
    if (c === TAB) return false;
    if (c !== SPACE && c !== DASH) break;
  }
  if (DASHES_ONLY.test(source.slice(start, end))) return false;
  let i = start;
  // Indentation, then any "- " of block sequences.
  for (;;) {
    while (i < end && (source.charCodeAt(i) === SPACE || source.charCodeAt(i) === TAB)) i++;
    if (i < end && source.charCodeAt(i) === DASH && isBlankAt(source, i + 1, end)) i++;
    else break;
  }
  if (i >= end) return true;
  const lead = source.charCodeAt(i);
  if (lead === HASH) return true;
  if (lead === OPEN || (lead === QUESTION && isBlankAt(source, i + 1, end))) return false;
  // A block key: the text before ": " must be text (not null, a boolean or a number), and not
  // longer than `yaml` accepts.
  let colon = source.indexOf(':', i);
  while (colon !== -1 && colon < end && !isBlankAt(source, colon + 1, end)) colon = source.indexOf(':', colon + 1);
  if (colon !== -1 && colon < end) {
    if (colon - i > MAX_KEY) return false;
    if (lead !== DOUBLE && lead !== SINGLE) {
      const key = source.slice(i, colon).trimEnd();
      if (key === '' || NOT_TEXT_KEY.test(key)) return false;
    }
  }
  let depth = 0;
  let previous = SPACE;
  let lastSignificant = 0;
  for (; i < end; i++) {
    const c = source.charCodeAt(i);
    const afterBlank = previous === SPACE || previous === TAB;
    if (
      (c === DOUBLE || c === SINGLE) &&
      (afterBlank || previous === OPEN || previous === COMMA || previous === COLON || previous === DASH)
    ) {
      // A quoted scalar must close on its line.
      let j = i + 1;
      for (; j < end; j++) {
        const d = source.charCodeAt(j);
        if (c === DOUBLE && d === BACKSLASH) j++;
        else if (d === c) {
          if (c === SINGLE && source.charCodeAt(j + 1) === SINGLE) j++;
          else break;
        }
      }
      if (j >= end) return false;
      i = j;
      previous = lastSignificant = c;
      continue;
    }
    if (c === HASH) {
      if (afterBlank) break;
      // Glued to a closing bracket or quote: an error to `yaml`, a comment to js-yaml.
      if (previous === CLOSE || previous === DOUBLE || previous === SINGLE) return false;
    }
    if (
      (c === 0x26 /* & */ || c === 0x2a /* * */ || c === 0x21) /* ! */ &&
      (afterBlank || previous === OPEN || previous === COMMA)
    )
      return false;
    // A block scalar with an explicit indentation (|2, >-1): the parsers count it differently.
    if ((c === 0x7c /* | */ || c === 0x3e) /* > */ && afterBlank) {
      const next = source.charCodeAt(i + 1);
      const after = next === 0x2b || next === DASH ? source.charCodeAt(i + 2) : next;
      if (after >= 0x30 && after <= 0x39) return false;
    }
    if (c === OPEN) {
      // A sequence inside a sequence could be a key: the full parser decides.
      if (depth > 0 && (lastSignificant === COMMA || lastSignificant === OPEN)) return false;
      depth++;
    } else if (c === CLOSE) depth--;
    else if (depth > 0 && (c === COLON || c === QUESTION)) {
      const next = source.charCodeAt(i + 1);
      if (isBlankAt(source, i + 1, end) || next === COMMA || next === CLOSE) return false;
    }
    previous = c;
    if (c !== SPACE && c !== TAB) lastSignificant = c;
  }
  return depth === 0;
}

/** The file's value, or undefined when the full parser must read it. */
export function fastParse(source: string): { data: unknown } | undefined {
  if (!isPlainYaml(source)) return undefined;
  try {
    const data = load(source, { schema: CORE, json: false });
    // An empty document (or one of comments only) is null to `yaml`, and undefined to js-yaml.
    return { data: data === undefined ? null : data };
  } catch {
    return undefined;
  }
}
