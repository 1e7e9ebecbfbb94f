import type { IO } from '../io.js';
import { openForQuery, UsageError, type GlobalOptions } from './context.js';

const TYPES = ['all', 'organisation', 'programme', 'event', 'article', 'funding'] as const;

/** `coop __ids [type]`: one id a line, for shell completion. Hidden from --help. */
export async function idsCommand(type: string | undefined, options: GlobalOptions, io: IO, bundledData: string): Promise<number> {
  const wanted = type ?? 'all';
  if (!(TYPES as readonly string[]).includes(wanted)) throw new UsageError(`unknown record type "${wanted}"`, `one of: ${TYPES.join(', ')}`);
  const { index } = await openForQuery({ ...options, format: 'tsv' }, { ...io, err: () => undefined }, bundledData);
  const base = index.base;
  const tables = {
    organisation: () => base.organisations,
    programme: () => base.programmes,
    event: () => base.events,
    article: () => base.articles,
    funding: () => base.funding,
  } as const;
  const chosen = wanted === 'all' ? (['organisation', 'programme', 'event', 'article', 'funding'] as const) : [wanted as keyof typeof tables];
  const ids = chosen.flatMap((t) => tables[t]().map((record) => record.id));
  io.out(ids.length ? `${ids.join('\n')}\n` : '');
  return 0;
}
