/** Lower case, accents removed: the form every comparison of names and codes is made on. */
export function fold(text: string): string {
  // Plain ASCII needs no decomposition; of its characters only ^ and ` are diacritics.
  if (!NON_ASCII.test(text)) return text.replace(ASCII_DIACRITICS, '').toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

const NON_ASCII = /[^\x00-\x7f]/;
const ASCII_DIACRITICS = /[\^`]/g;

/** How names are compared: folded, and spaces collapsed ("Hopital  foch" is "hôpital foch"). */
export function nameKey(text: string): string {
  return fold(text).replace(/\s+/g, ' ').trim();
}

/** "Provence-Alpes-Côte d'Azur" -> "provence-alpes-cote-d-azur" */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * How much "did you mean" has computed: Levenshtein cells, summed over the process. Read by tests,
 * which bound the work on a large base by counting, not by timing.
 */
export const distanceWork = { cells: 0, comparisons: 0 };

/**
 * The Levenshtein distance of `a` and `b` when it is at most `max`, else max + 1: only the cells
 * within `max` of the diagonal are computed (Ukkonen), and the work stops once a whole row is past
 * `max`. Strings whose lengths differ by more than `max` cost nothing.
 */
function boundedLevenshtein(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  if (a === b) return 0;
  distanceWork.comparisons++;
  const m = b.length;
  let previous: number[] = new Array<number>(m + 1);
  let current: number[] = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    current[0] = i <= max ? i : over;
    if (from > 1) current[from - 1] = over;
    let rowMin = from === 1 ? current[0]! : over;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    distanceWork.cells += to - from + 1;
    if (to < m) current[to + 1] = over;
    if (rowMin > max) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[m]!, over);
}

/**
 * Longest text compared letter by letter in "did you mean": no id or name is longer, and a longer
 * text (a pasted paragraph, a hostile argument) is only looked for as a part of a name.
 */
const MAX_COMPARED = 128;

/**
 * The candidates closest to `word`, best first: those within a third of its length in edits,
 * and those that contain it or that it contains (a typed prefix of a long id is a fair guess).
 * The edit distance is computed only where it can be within that third (lengths close enough),
 * and only up to it: 50,000 ids cost a few milliseconds.
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const target = fold(word);
  if (target.length === 0) return [];
  const budget = Math.max(1, Math.floor(target.length / 3));
  const compared = target.length <= MAX_COMPARED;
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    const folded = fold(candidate);
    let score = compared ? boundedLevenshtein(target, folded, budget) : budget + 1;
    if (score > budget) {
      const contains = folded.includes(target) || (target.includes(folded) && folded.length >= 3);
      if (!contains || target.length < 3) continue;
      score = budget + 1 + Math.abs(folded.length - target.length) / 100;
    }
    scored.push({ candidate, score });
  }
  // Near misses first; "contains" guesses only when there is no near miss.
  const near = scored.filter((s) => s.score <= budget);
  const chosen = near.length > 0 ? near : scored;
  chosen.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return [...new Set(chosen.map((s) => s.candidate))].slice(0, limit);
}

/** "1 file", "2 files": a count and its English word, which takes an s unless the count is one. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `did you mean "a" or "b"?`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const found = closest(word, candidates);
  if (found.length === 0) return undefined;
  return `did you mean ${found.map((f) => `"${f}"`).join(' or ')}?`;
}

/** Ids are kebab-case ASCII slugs, unique across the base. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function idProblem(value: string): string | undefined {
  if (ID_PATTERN.test(value)) return undefined;
  return `"${value}" is not a valid id: lower-case ASCII letters, digits and single hyphens (e.g. hopital-foch)`;
}
