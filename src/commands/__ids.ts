import { defineCommand } from '../command.js';
import { ID_PATTERN } from '../core/text.js';
import type { IO } from '../io.js';
import { openForQuery, UsageError, type GlobalOptions } from '../app/context.js';

const TYPES = ['all', 'organisation', 'programme', 'event', 'article', 'funding', 'person', 'agreement'] as const;

/** `coop __ids [type[,type...]]`: one id a line, for shell completion. Hidden from --help. */
async function idsCommand(
  type: string | undefined,
  options: GlobalOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  // One type, or several separated by commas (graph completes organisations and programmes).
  const wanted = (type ?? 'all').split(',');
  for (const one of wanted)
    if (!(TYPES as readonly string[]).includes(one))
      throw new UsageError(`unknown record type "${one}"`, `one of: ${TYPES.join(', ')}`);
  const { index } = await openForQuery({ ...options, format: 'tsv' }, { ...io, err: () => undefined }, bundledData);
  const base = index.base;
  const tables = {
    organisation: () => base.organisations,
    programme: () => base.programmes,
    event: () => base.events,
    article: () => base.articles,
    funding: () => base.funding,
    person: () => base.people,
    agreement: () => base.agreements,
  } as const;
  const chosen = wanted.includes('all')
    ? (['organisation', 'programme', 'event', 'article', 'funding', 'person', 'agreement'] as const)
    : (wanted as Array<keyof typeof tables>);
  // Only well-formed ids: a completion script hands these to the shell, and a cache edited in
  // place (its key does not cover content) could hold "$(touch x)".
  const ids = chosen
    .flatMap((t) => tables[t]().map((record) => record.id))
    .filter((id) => typeof id === 'string' && ID_PATTERN.test(id));
  io.out(ids.length ? `${ids.join('\n')}\n` : '');
  return 0;
}

export const command = defineCommand({
  name: '__ids',
  summary: 'the ids of a record type, one a line, for shell completion',
  hidden: true,
  arguments: {
    type: {
      description:
        'all, organisation, programme, event, article, funding, person, agreement (several: comma-separated)',
      optional: true,
    },
  },
  run: (options, { io, bundledData }) => idsCommand(options.type, options, io, bundledData),
});
