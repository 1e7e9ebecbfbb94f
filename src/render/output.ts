import { renderCsv, renderTsv } from './delimited.js';
import { renderJson } from './json.js';
import { renderTable } from './table.js';
import type { Style } from './style.js';

/**
 * Rows of a result in its two forms: `human` for a terminal (names, formatted amounts and dates)
 * and `raw` for machines (ids, raw amounts, EDTF dates).
 */
interface Rows {
  humanHeader: string[];
  human: string[][];
  rawHeader: string[];
  raw: string[][];
}

interface RenderContext {
  format: string;
  width: number;
  paint: Style;
  /** Columns of the human table never cut (ids). */
  whole?: readonly number[];
}

/** table -> boxed human rows; tsv/csv -> raw rows; json -> the `json` value given. */
export function renderRows(rows: Rows, json: unknown, context: RenderContext): string {
  switch (context.format) {
    case 'json':
      return renderJson(json);
    case 'csv':
      return renderCsv(rows.rawHeader, rows.raw);
    case 'tsv':
      return renderTsv(rows.rawHeader, rows.raw);
    default:
      return rows.human.length === 0
        ? ''
        : renderTable(rows.humanHeader, rows.human, {
            width: context.width,
            paint: context.paint,
            whole: context.whole ?? [],
          });
  }
}
