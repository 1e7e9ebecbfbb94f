import type TableType from 'cli-table3';

/** cli-table3, loaded for the first table drawn: a run in a pipe draws none. */
let tableClass: typeof TableType | undefined;
function Table(): typeof TableType {
  return (tableClass ??= require('cli-table3') as typeof TableType);
}
import stringWidth from 'string-width';
import { safeLine } from './sanitize.js';
import { wrap } from './wrap.js';
import type { Style } from './style.js';

interface TableOptions {
  /** Terminal width: the table never exceeds it. */
  width: number;
  paint: Style;
  /** Columns never cut (ids people copy): the table may then be wider than the terminal. */
  whole?: readonly number[];
  /** A line drawn under a row, across every column (the row's index -> the text). */
  beneath?: ReadonlyMap<number, string>;
}

// Words up to this width stay whole when a column shrinks; longer ones (long ids, URLs) may be cut.
const MAX_WHOLE_WORD = 24;

/**
 * A boxed table sized to the terminal: columns keep their natural width when they fit. Otherwise
 * prose columns wrap, widest first, down to their longest word; other columns (ids, dates, amounts)
 * and `whole` ones never shrink. When that is still too wide, each record
 * becomes a block of labelled lines rather than a table whose text is cut. cli-table3 colours
 * borders even in a pipe and ignores NO_COLOR, so its own styles are off and colour comes from
 * `paint` alone.
 */
export function renderTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  { width, paint, whole = [], beneath }: TableOptions,
): string {
  const cells = rows.map((row) => row.map(safeLine));
  const column = (i: number) => [header[i]!, ...cells.map((row) => row[i] ?? '')];
  const natural = header.map((_, i) => Math.max(...column(i).map(stringWidth)) + 2);
  const longestWord = header.map(
    (_, i) =>
      Math.max(
        ...column(i)
          .flatMap((text) => text.split(/\s+/))
          .map(stringWidth),
      ) + 2,
  );
  const prose = header.map((_, i) => cells.some((row) => (row[i] ?? '').includes(' ')));
  const available = width - (header.length + 1);
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0);
  // Only prose shrinks, and only down to its longest word (very long words aside): a column
  // without spaces (ids, dates, amounts) is never cut.
  const floor = (i: number) =>
    prose[i] && !whole.includes(i) ? Math.min(longestWord[i]!, MAX_WHOLE_WORD + 2) : natural[i]!;
  while (total() > available) {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > floor(i) && (widest === -1 || w > widths[widest]!)) widest = i;
    });
    if (widest === -1) break;
    widths[widest]!--;
  }
  if (total() > available) return renderBlocks(header, cells, width, paint, beneath);
  // A line beneath a row stays one line when the terminal has room: the last column grows for it.
  const longestBeneath = Math.max(0, ...[...(beneath?.values() ?? [])].map((line) => stringWidth(safeLine(line))));
  const short = longestBeneath + 2 - (total() + header.length - 1);
  if (short > 0) widths[widths.length - 1]! += Math.min(short, available - total());
  // Cells are wrapped here, in time linear in their length, and each wrapped line goes to
  // cli-table3 as a row of its own (compact rows have no separator: it looks the same). Given a
  // cell of many lines, cli-table3 truncates the whole cell for a debug message at every line it
  // draws, in time quadratic in the cell's length: minutes for a long note.
  const table = new (Table())({
    head: header.map((title) => paint.bold(title)),
    colWidths: widths,
    wordWrap: false,
    style: { head: [], border: [], compact: true },
  });
  const span = total() + header.length - 1;
  cells.forEach((row, r) => {
    const lines = row.map((cell, i) => wrap(cell, Math.max(1, widths[i]! - 2)));
    const height = Math.max(1, ...lines.map((l) => l.length));
    for (let line = 0; line < height; line++) table.push(lines.map((l) => l[line] ?? ''));
    const under = beneath?.get(r);
    if (under !== undefined)
      for (const line of wrap(safeLine(under), Math.max(1, span - 2)))
        table.push([{ content: line, colSpan: header.length }]);
  });
  return table.toString() + '\n';
}

/** One record a block: each field on its own labelled line, wrapped, nothing cut. */
function renderBlocks(
  header: readonly string[],
  cells: ReadonlyArray<readonly string[]>,
  width: number,
  paint: Style,
  beneath?: ReadonlyMap<number, string>,
): string {
  const labelWidth = Math.max(...header.map(stringWidth));
  const textWidth = Math.max(20, width - labelWidth - 2);
  return cells
    .map((row, r) =>
      [...row, safeLine(beneath?.get(r) ?? '')]
        .map((value, i) => ({ label: header[i] ?? '', value }))
        .filter(({ value }) => value !== '')
        .map(({ label, value }) =>
          wrap(value, textWidth)
            .map((line, n) => `${n === 0 ? paint.bold(label.padEnd(labelWidth)) : ' '.repeat(labelWidth)}  ${line}\n`)
            .join(''),
        )
        .join(''),
    )
    .join('\n');
}
