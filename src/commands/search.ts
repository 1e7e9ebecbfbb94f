import { searchBase, SEARCH_TYPES, type SearchType } from '../core/search.js';
import type { IO } from '../io.js';
import { renderRows } from '../render/output.js';
import { safeLine } from '../render/sanitize.js';
import { checkChoice, openForQuery, UsageError, type GlobalOptions } from './context.js';

export interface SearchOptions extends GlobalOptions {
  type?: string;
  /** As typed: commander hands options over as strings (default "20"). */
  limit?: string;
}

export async function searchCommand(text: string, options: SearchOptions, io: IO, bundledData: string): Promise<number> {
  if (text.trim() === '') throw new UsageError('nothing to search for', 'give a word, a name, an acronym or an id: coop search "cite des fleurs"');
  checkChoice(options.type, SEARCH_TYPES, '--type');
  const limit = parseLimit(options.limit ?? '20');

  const context = await openForQuery(options, io, bundledData);
  const hits = searchBase(context.index, text, { type: options.type as SearchType | undefined, limit });

  const rows = {
    humanHeader: ['Type', 'Name', 'Matched', 'Id'],
    human: hits.map((hit) => [hit.type, hit.name, `${hit.matched.field}: ${hit.matched.text}`, hit.id]),
    rawHeader: ['type', 'id', 'name', 'score', 'field', 'matched'],
    raw: hits.map((hit) => [hit.type, hit.id, hit.name, hit.score.toFixed(3), hit.matched.field, hit.matched.text]),
  };
  io.out(renderRows(rows, hits, context));
  if (context.format === 'table') {
    if (hits.length === 0) io.err(`No match for "${safeLine(text.trim())}".\n`);
    else io.err(`${hits.length} result${hits.length === 1 ? '' : 's'}${hits.length === limit ? ` (--limit ${limit}: there may be more)` : ''}\n`);
  }
  return 0;
}

function parseLimit(value: string): number {
  const limit = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(limit) || limit < 1) throw new UsageError(`--limit "${value}" is not a positive integer`, 'e.g. --limit 5');
  return limit;
}
