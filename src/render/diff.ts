/**
 * A unified diff of one file (what `--dry-run` prints): "--- a/path", "+++ b/path", then hunks
 * "@@ -l,n +l,n @@" with three lines of context, as `diff -u` and git write them. A file that is
 * created reads from /dev/null, one that is removed goes to /dev/null. Pure: text in, text out.
 */

const CONTEXT = 3;

type Edit = { op: ' ' | '-' | '+'; line: string };

/** The lines of a text; a last line without its newline is marked as diff marks it. */
function linesOf(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  else lines[lines.length - 1] += '\n\\ No newline at end of file';
  return lines;
}

/** The shortest edit script from `a` to `b` (Myers, O((n+m)·d)): common prefix and suffix first. */
function editScript(a: readonly string[], b: readonly string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: Edit[] = a.slice(0, start).map((line) => ({ op: ' ', line }));
  const tail: Edit[] = a.slice(endA).map((line) => ({ op: ' ', line }));
  return [...head, ...myers(a.slice(start, endA), b.slice(start, endB)), ...tail];
}

function myers(a: readonly string[], b: readonly string[]): Edit[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Array<number>(2 * max + 3).fill(0);
  const trace: number[][] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push([...v]);
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // Back from the end, through the furthest points each step reached.
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const saved = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && saved[offset + k - 1]! < saved[offset + k + 1]!);
    const previousK = down ? k + 1 : k - 1;
    const previousX = d === 0 ? 0 : saved[offset + previousK]!;
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      edits.push({ op: ' ', line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (down) edits.push({ op: '+', line: b[--y]! });
      else edits.push({ op: '-', line: a[--x]! });
    }
  }
  return edits.reverse();
}

const range = (start: number, count: number) =>
  count === 1 ? `${start}` : `${count === 0 ? start - 1 : start},${count}`;

/**
 * The unified diff from `before` to `after` (undefined: the file does not exist), or '' when they
 * are the same. `path` is the file's path relative to the data folder.
 */
export function unifiedDiff(
  path: string,
  before: string | undefined,
  after: string | undefined,
  newPath = path,
): string {
  if (before === after) return '';
  const edits = editScript(linesOf(before ?? ''), linesOf(after ?? ''));
  const changed = edits.map((edit, i) => (edit.op === ' ' ? -1 : i)).filter((i) => i >= 0);
  const hunks: Array<[number, number]> = [];
  for (const i of changed) {
    const last = hunks[hunks.length - 1];
    if (last && i - last[1] <= 2 * CONTEXT + 1) last[1] = i;
    else hunks.push([i, i]);
  }
  let out = `--- ${before === undefined ? '/dev/null' : `a/${path}`}\n+++ ${after === undefined ? '/dev/null' : `b/${newPath}`}\n`;
  // Line numbers of each side at each position of the script.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const edit of edits) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (edit.op !== '+') oldLine++;
    if (edit.op !== '-') newLine++;
  }
  for (const [first, last] of hunks) {
    const from = Math.max(0, first - CONTEXT);
    const to = Math.min(edits.length - 1, last + CONTEXT);
    const slice = edits.slice(from, to + 1);
    const oldCount = slice.filter((e) => e.op !== '+').length;
    const newCount = slice.filter((e) => e.op !== '-').length;
    out += `@@ -${range(oldAt[from] ?? oldLine, oldCount)} +${range(newAt[from] ?? newLine, newCount)} @@\n`;
    for (const edit of slice) out += `${edit.op}${edit.line}\n`;
  }
  return out;
}
