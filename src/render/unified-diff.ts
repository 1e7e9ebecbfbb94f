/**
 * A unified diff (as `diff -u` prints it) of two texts that have the same lines but for some lines
 * changed in place: what `coop migrate --dry-run` shows, since a rename never adds or removes a
 * line. Texts of different lengths are shown as one hunk replacing the whole.
 */
import { safeLine } from './sanitize.js';

const CONTEXT = 3;

export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const shown = safeLine(path);
  const header = `--- ${shown}\n+++ ${shown}\n`;
  if (a.length !== b.length) {
    return `${header}@@ -1,${a.length} +1,${b.length} @@\n${a.map((l) => `-${safeLine(l)}\n`).join('')}${b.map((l) => `+${safeLine(l)}\n`).join('')}`;
  }
  const changed = a.flatMap((line, i) => (line === b[i] ? [] : [i]));
  // Changes closer than twice the context share a hunk.
  const hunks: Array<[number, number]> = [];
  for (const i of changed) {
    const last = hunks[hunks.length - 1];
    if (last && i - last[1] <= 2 * CONTEXT) last[1] = i;
    else hunks.push([i, i]);
  }
  let out = header;
  for (const [first, last] of hunks) {
    const start = Math.max(0, first - CONTEXT);
    const end = Math.min(a.length - 1, last + CONTEXT);
    const count = end - start + 1;
    out += `@@ -${start + 1},${count} +${start + 1},${count} @@\n`;
    for (let i = start; i <= end; ) {
      if (a[i] === b[i]) {
        out += ` ${safeLine(a[i]!)}\n`;
        i++;
        continue;
      }
      // A run of changed lines: its old lines, then its new ones, as diff -u prints them.
      let runEnd = i;
      while (runEnd + 1 <= end && a[runEnd + 1] !== b[runEnd + 1]) runEnd++;
      for (let j = i; j <= runEnd; j++) out += `-${safeLine(a[j]!)}\n`;
      for (let j = i; j <= runEnd; j++) out += `+${safeLine(b[j]!)}\n`;
      i = runEnd + 1;
    }
  }
  return out;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
