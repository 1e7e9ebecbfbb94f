import { recordView } from '../core/views.js';
import { defineCommand } from '../command.js';
import type { IO } from '../io.js';
import { renderJson } from '../render/json.js';
import { renderRecord } from '../render/show.js';
import { findRecord, openForQuery, readerLanguage, type GlobalOptions } from '../app/context.js';
import { labeller } from '../core/labels.js';
import { LANGUAGES } from '../core/language.js';

async function showCommand(query: string, options: GlobalOptions, io: IO, bundledData: string): Promise<number> {
  const reader = readerLanguage(options.lang, io);
  const context = await openForQuery(options, io, bundledData, ['table', 'tsv', 'json']);
  const found = findRecord(context.index, query, undefined, 'record');
  const view = recordView(context.index, found.record.id)!;
  if (view.type === 'organisation') {
    const org = view.record;
    if (org.communes?.length || org.sites?.some((site) => site.commune) || org.epci?.length) {
      const { placeNames } = await import('../app/place-names.js');
      view.places = placeNames(org);
    }
  }
  if (context.format === 'json') io.out(renderJson(view));
  else
    io.out(
      renderRecord(view, {
        terminal: context.format === 'table',
        width: context.width,
        paint: context.paint,
        label: labeller(reader),
        language: reader,
        reader,
        baseLanguage: context.base.language,
      }),
    );
  return 0;
}

export const command = defineCommand({
  name: 'show',
  summary:
    'everything the base holds on one record: organisation, programme, funding line, event, article, person or agreement',
  arguments: { id: { description: 'id, name, acronym or alias', completes: 'all' } },
  options: {
    lang: {
      value: '<lang>',
      description:
        'fr or en (default: from LANG): the language of descriptions, notes and titles, and of kinds, roles...',
      choices: LANGUAGES,
    },
  },
  details: `For an organisation: identity, location, dates, description, figures (with as-of date and source),
members grouped by role (with since and source), what it is itself a member of, funding received,
its events in order, its territory (departments, communes, EPCI, population), sites, authorisations
and agreements, and the articles behind all of it. Programmes, funding lines, events, articles and
agreements have their own page. A name or an acronym works as well as the id.

Descriptions, notes and event titles may be written in French, in English or in both. They are
shown in the language of --lang, else of the locale (LC_ALL, LC_MESSAGES, LANG), else as written.
On a terminal, a text the chosen language lacks is shown in the other, marked "(fr)" or "(en)".
With fr, kinds, sectors and roles are French labels; otherwise their ids.`,
  examples: [
    { command: 'coop show alliance-ouest-parisien' },
    { command: 'coop show TSD', comment: 'by acronym' },
    { command: 'coop show "hopital foch"', comment: 'by name, any case or accents' },
    { command: 'coop show pia --json', comment: 'the record and everything related, as JSON' },
    { command: 'coop show chu-de-nancy --lang fr', comment: 'kinds, sectors and roles in French' },
    { command: 'coop show alliance-ouest-parisien --lang en', comment: 'English texts where the base has them' },
  ],
  run: (options, { io, bundledData }) => showCommand(options.id, options, io, bundledData),
});
