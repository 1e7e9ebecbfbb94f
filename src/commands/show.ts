import { recordView } from '../core/views.js';
import type { IO } from '../io.js';
import { renderJson } from '../render/json.js';
import { renderRecord } from '../render/show.js';
import { findRecord, openForQuery, type GlobalOptions } from './context.js';

export async function showCommand(query: string, options: GlobalOptions, io: IO, bundledData: string): Promise<number> {
  const context = await openForQuery(options, io, bundledData, ['table', 'tsv', 'json']);
  const found = findRecord(context.index, query, undefined, 'record');
  const view = recordView(context.index, found.record.id)!;
  if (context.format === 'json') io.out(renderJson(view));
  else io.out(renderRecord(view, { terminal: context.format === 'table', width: context.width, paint: context.paint }));
  return 0;
}
