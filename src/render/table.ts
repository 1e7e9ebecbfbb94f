import Table from 'cli-table3';
import stringWidth from 'string-width';
import { safeLine } from './sanitize.js';
import type { Style } from './style.js';

export interface TableOptions {
  /** Terminal width: the table never exceeds it. */
  width: number;
  paint: Style;
  /** Columns never cut (ids people copy): the table may then be wider than the terminal. */
  whole?: readonly number[];
}

const MIN_COLUMN = 6;
// Words up to this width stay whole when a prose column shrinks; longer ones (URLs) may be cut.
const MAX_WHOLE_WORD = 24;

/**
 * A boxed table sized to the terminal: columns keep their natural width when they fit; otherwise
 * the widest shrink first and their text wraps. cli-table3 colours borders even in a pipe and
 * ignores NO_COLOR, so its own styles are off and colour comes from `paint` alone.
 */
export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, { width, paint, whole = [] }: TableOptions): string {
  const cells = rows.map((row) => row.map(safeLine));
  const natural = header.map((title, i) => Math.max(stringWidth(title), ...cells.map((row) => stringWidth(row[i] ?? ''))) + 2);
  const available = Math.max(width - (header.length + 1), header.length * MIN_COLUMN);
  const widths = [...natural];
  // Prose wraps well; ids and numbers do not: shrink columns holding spaces first.
  const prose = header.map((_, i) => cells.some((row) => (row[i] ?? '').includes(' ')));
  // A prose column can wrap down to its longest word without cutting anything.
  const longestWord = header.map((title, i) => Math.max(MIN_COLUMN, stringWidth(title) + 2, ...cells.map((row) => Math.max(0, ...(row[i] ?? '').split(/\s+/).map((w) => stringWidth(w) + 2)))));
  const total = () => widths.reduce((a, b) => a + b, 0);
  for (const pass of [true, false]) {
    while (total() > available) {
      let widest = -1;
      widths.forEach((w, i) => {
        if (!whole.includes(i) && (!pass || prose[i]) && w > (pass ? Math.min(longestWord[i]!, MAX_WHOLE_WORD) : MIN_COLUMN) && (widest === -1 || w > widths[widest]!)) widest = i;
      });
      if (widest === -1) break;
      widths[widest]!--;
    }
  }
  const table = new Table({
    head: header.map((title) => paint.bold(title)),
    colWidths: widths,
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: [], border: [], compact: true },
  });
  for (const row of cells) table.push([...row]);
  return table.toString() + '\n';
}
