import { displayName } from '../core/base-index.js';
import { computeStats, STATS_COLUMNS, statsRows } from '../core/stats.js';
import { defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { renderCsv, renderTsv } from '../render/delimited.js';
import { renderJson } from '../render/json.js';
import { renderStatsTables } from '../render/stats.js';
import { openForQuery, type GlobalOptions } from '../app/context.js';

async function statsCommand(options: GlobalOptions, io: IO, bundledData: string): Promise<number> {
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
      io.out(
        renderStatsTables(stats, {
          width: context.width,
          paint: context.paint,
          programmeName: (id) => displayName(context.index, id),
        }),
      );
  }
  return 0;
}

export const command = defineCommand({
  name: 'stats',
  summary: 'counts by kind, sector and region; money by programme, instrument and stage',
  details: `Counts of records (people: the person records of people/), of organisations by kind, sector and
region; money by programme, instrument and stage (never adding grants to equity, nor potential to
awarded money). An article counts once however many outlets printed its story (also_published).`,
  examples: [{ command: 'coop stats' }, { command: 'coop stats --json' }],
  run: (options, { io, bundledData }) => statsCommand(options, io, bundledData),
});
