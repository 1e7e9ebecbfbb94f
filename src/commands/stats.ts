import { displayName } from '../core/base-index.js';
import { computeStats, STATS_COLUMNS, statsRows } from '../core/stats.js';
import { type CommandInput, defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { renderCsv, renderTsv } from '../render/delimited.js';
import { renderJson } from '../render/json.js';
import { renderStatsTables } from '../render/stats.js';
import { openForQuery, readerLanguage } from '../app/context.js';
import { labeller } from '../core/labels.js';
import { LANGUAGES } from '../core/language.js';

type StatsOptions = CommandInput<typeof statsOptions>;

async function statsCommand(options: StatsOptions, io: IO, bundledData: string): Promise<number> {
  const language = readerLanguage(options.lang, io);
  const label = labeller(language);
  const context = await openForQuery(options, io, bundledData);
  const stats = computeStats(context.base);
  switch (context.format) {
    case 'json':
      io.out(renderJson(stats));
      break;
    case 'csv':
      io.out(renderCsv(STATS_COLUMNS, statsRows(stats, label)));
      break;
    case 'tsv':
      io.out(renderTsv(STATS_COLUMNS, statsRows(stats, label)));
      break;
    default:
      io.out(
        renderStatsTables(stats, {
          width: context.width,
          paint: context.paint,
          programmeName: (id) => displayName(context.index, id),
          label,
          language,
        }),
      );
  }
  return 0;
}

const statsOptions = {
  lang: {
    value: '<lang>',
    description:
      'en: kinds, sectors, roles, statuses, instruments and stages as ids (default); fr: their French labels',
    choices: LANGUAGES,
  },
} as const;

export const command = defineCommand({
  name: 'stats',
  summary: 'counts by kind, sector and region; money by programme, instrument and stage',
  details: `Counts of records (people: the person records of people/), of organisations by kind, sector and
region; money by programme, instrument and stage (never adding grants to equity, nor potential to
awarded money). An article counts once however many outlets printed its story (also_published).`,
  options: statsOptions,
  examples: [
    { command: 'coop stats' },
    { command: 'coop stats --json' },
    { command: 'coop stats --lang fr', comment: 'kinds, sectors, roles, instruments and stages in French' },
  ],
  run: (options, { io, bundledData }) => statsCommand(options, io, bundledData),
});
