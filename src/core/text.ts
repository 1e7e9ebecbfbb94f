/** Lower case, accents removed: the form every comparison of names and codes is made on. */
export function fold(text: string): string {
  // Plain ASCII needs no decomposition; of its characters only ^ and ` are diacritics.
  if (!NON_ASCII.test(text)) return text.replace(ASCII_DIACRITICS, '').toLowerCase();
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
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

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidates closest to `word`, best first: those within a third of its length in edits,
 * and those that contain it or that it contains (a typed prefix of a long id is a fair guess).
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const target = fold(word);
  if (target.length === 0) return [];
  const budget = Math.max(1, Math.floor(target.length / 3));
  const scored: Array<{ candidate: string; score: number }> = [];
  for (const candidate of candidates) {
    const folded = fold(candidate);
    let score = levenshtein(target, folded);
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

/** `did you mean "a" or "b"?`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const found = closest(word, candidates);
  if (found.length === 0) return undefined;
  return `did you mean ${found.map((f) => `"${f}"`).join(' or ')}?`;
}

/** Ids are kebab-case ASCII slugs, unique across the base (DESIGN section 1). */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function idProblem(value: string): string | undefined {
  if (ID_PATTERN.test(value)) return undefined;
  return `"${value}" is not a valid id: lower-case ASCII letters, digits and single hyphens (e.g. hopital-foch)`;
}
