import { displayName } from '../core/base-index.js';
import { computeStats, STATS_COLUMNS, statsRows } from '../core/stats.js';
import type { IO } from '../io.js';
import { renderCsv, renderTsv } from '../render/delimited.js';
import { renderJson } from '../render/json.js';
import { renderStatsTables } from '../render/stats.js';
import { openForQuery, type GlobalOptions } from './context.js';

export async function statsCommand(options: GlobalOptions, io: IO, bundledData: string): Promise<number> {
  const context = await openForQuery(options, io, bundledData);
  const stats = computeStats(context.base);
  switch (context.format) {
    case 'json':
      io.out(renderJson(stats));
      break;
    case 'csv':
      io.out(renderCsv(STATS_COLUMNS, statsRows(stats)));
      break;
    case 'tsv':
      io.out(renderTsv(STATS_COLUMNS, statsRows(stats)));
      break;
    default:
      io.out(renderStatsTables(stats, { width: context.width, paint: context.paint, programmeName: (id) => displayName(context.index, id) }));
  }
  return 0;
}
