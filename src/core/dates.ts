import type * as Edtf from 'edtf';

/**
 * The edtf package, loaded on the first date the quick reading below cannot settle: most runs
 * never need it, and loading it costs several milliseconds at every start.
 */
let edtfPackage: typeof Edtf | undefined;
function edtfLibrary(): typeof Edtf {
  // A require, not an import: the bundle then loads it only here (see scripts/build.mjs).
  // biome-ignore lint/style/noRestrictedGlobals: loading a library is not IO; it keeps edtf off the start-up path.
  return (edtfPackage ??= require('edtf') as typeof Edtf);
}

/**
 * A date as the data holds it: an EDTF string ("2017-09", "2012-12~", "2017-09/2019-03").
 * YAML reads an unquoted year as a number; that number means the year.
 */
type EdtfText = string;

export interface DateBounds {
  /** First millisecond the date can mean. */
  min: number;
  /** Last millisecond the date can mean. */
  max: number;
}

export function normaliseDate(value: string | number): EdtfText {
  return typeof value === 'number' ? String(value) : value.trim();
}

/** Why `text` is not a valid EDTF date, or undefined when it is one. */
export function edtfProblem(text: EdtfText): string | undefined {
  if (text.length === 0) return 'the date is empty';
  if (text.length > 64) return 'the date is too long to be one';
  // The common forms are checked without the edtf parser, which costs a millisecond a date.
  const fast = fastBounds(text);
  if (fast) return fast.min > fast.max ? `"${text}" ends before it starts` : undefined;
  // Checked first: edtf rolls impossible days over ("2019-02-29" becomes March 1st).
  for (const match of text.matchAll(/(\d{4})-(\d{2})-(\d{2})/g)) {
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    if (day > daysInMonth(year, month))
      return `${match[0]} does not exist: month ${month} of ${year} has ${daysInMonth(year, month)} days`;
  }
  try {
    edtfLibrary().parse(text);
  } catch {
    return `"${text}" is not a valid EDTF date (e.g. 2017-09-13, 2017-09, 2012-12~, 2015?, 2017-09/2019-03)`;
  }
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const SIMPLE_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?$/;

/** Bounds of "2017", "2017-09", "2017-09-13", each maybe qualified (~ ? %): no parser needed. */
function simpleBounds(text: string): DateBounds | undefined {
  const match = SIMPLE_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  if (year < 1000) return undefined;
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month === undefined) return { min: Date.UTC(year, 0, 1), max: Date.UTC(year + 1, 0, 1) - 1 };
  if (month < 1 || month > 12) return undefined;
  if (day === undefined) return { min: Date.UTC(year, month - 1, 1), max: Date.UTC(year, month, 1) - 1 };
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { min: Date.UTC(year, month - 1, day), max: Date.UTC(year, month - 1, day + 1) - 1 };
}

/**
 * The common forms are read directly: the edtf parser costs tens of milliseconds for a few dozen
 * dates, which every query sorting events would pay. Anything else goes to edtf.
 */
function fastBounds(text: string): DateBounds | undefined {
  const slash = text.indexOf('/');
  if (slash === -1) return simpleBounds(text);
  const from = text.slice(0, slash);
  const to = text.slice(slash + 1);
  const start = from === '..' || from === '' ? { min: -Infinity, max: -Infinity } : simpleBounds(from);
  const end = to === '..' || to === '' ? { min: Infinity, max: Infinity } : simpleBounds(to);
  if (!start || !end || text.indexOf('/', slash + 1) !== -1) return undefined;
  return { min: start.min, max: end.max };
}

/** The span a date may cover, for ordering and range checks; undefined when it is not valid. */
export function dateBounds(text: EdtfText): DateBounds | undefined {
  const fast = fastBounds(text);
  if (fast) return fast;
  try {
    const parsed = edtfLibrary().default(text) as { min: number; max: number };
    const min = Number.isFinite(parsed.min) ? parsed.min : -Infinity;
    const max = Number.isFinite(parsed.max) ? parsed.max : Infinity;
    return { min, max };
  } catch {
    return undefined;
  }
}

/** True when `later` certainly ends before `earlier` begins: what "until before since" means. */
export function certainlyBefore(later: EdtfText, earlier: EdtfText): boolean {
  const a = dateBounds(later);
  const b = dateBounds(earlier);
  if (!a || !b) return false;
  return a.max < b.min;
}

/**
 * A key that sorts dates chronologically: a span by its middle (a joining "between May 2019 and
 * 2020" comes after a founding on 2 May 2019), an open span by its known end.
 */
export function dateSortKey(text: EdtfText): number {
  const bounds = dateBounds(text);
  if (!bounds) return Number.POSITIVE_INFINITY;
  if (Number.isFinite(bounds.min) && Number.isFinite(bounds.max)) return (bounds.min + bounds.max) / 2;
  return Number.isFinite(bounds.min) ? bounds.min : bounds.max;
}
