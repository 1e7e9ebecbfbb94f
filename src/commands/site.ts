import { resolve } from 'node:path';
import { checkChoice, openForQuery, UsageError } from '../app/context.js';
import { startPublishThread } from '../app/publish-thread.js';
import { writeSite } from '../app/site.js';
import { defineCommand } from '../command.js';
import { SITE_LANGUAGES, type SiteLanguageCode } from '../render/site/language.js';
import { RefusedError } from '../errors.js';

export const command = defineCommand({
  name: 'site',
  summary: 'a static website of the base, in French (or English), with search, map and data files',
  options: {
    out: { value: '<dir>', description: 'the folder to write the site into', default: 'site', folder: true },
    lang: {
      value: '<lang>',
      description: "fr (the default) or en: the site's words, and the version of texts written in both",
      choices: SITE_LANGUAGES,
    },
    baseUrl: { value: '<url>', description: 'where the site will be published: canonical links, sitemap, feed' },
  },
  details: `Writes one page per organisation, programme, person and article (at organisations/<id>/index.html...),
lists of organisations (filters by region, department, kind, sector), programmes, funding, events
and people, a home page with a map of the regions, a search box on every page (an index built now,
accents ignored), sitemap.xml, an Atom feed of the articles, and the data (data/coop.json,
data/coop.db with its Datasette metadata). Opens from disk or any static server; sends no request
out. The folder is written whole, then put in place; an existing folder is replaced only if coop
made it. With --lang en the site's own words are English, and so are the descriptions, notes and
event titles that the base writes in English too; a text only in French (summaries, roles as
printed, texts not yet translated) is marked lang="fr" with a visible "(fr)", and on a French page a
text only in English is marked "(en)".`,
  examples: [
    { command: 'coop site --out site && xdg-open site/index.html' },
    { command: 'coop site --out public --base-url https://example.org/coop' },
    { command: 'coop site --out site-en --lang en', comment: 'the same site, its own words in English' },
  ],
  async run(options, { io, bundledData }) {
    if (options.baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(options.baseUrl)) {
      throw new UsageError(
        `--base-url must be an http(s) address, not "${options.baseUrl}"`,
        'e.g. --base-url https://example.org/coop',
      );
    }
    checkChoice(options.lang, SITE_LANGUAGES, '--lang');
    const language = (options.lang ?? 'fr') as SiteLanguageCode;
    // Started first: the worker gets ready while the base is read.
    const thread = startPublishThread();
    let files: string[];
    const out = resolve(io.cwd, options.out);
    try {
      const context = await openForQuery({ ...options, format: undefined, json: undefined }, io, bundledData);
      try {
        files = await writeSite(context, { out, language, baseUrl: options.baseUrl }, io, bundledData, thread);
      } catch (error) {
        // Only the file system's refusals are the person's to fix; anything else is a bug to show.
        const code = (error as NodeJS.ErrnoException).code;
        if (error instanceof RefusedError || typeof code !== 'string') throw error;
        throw new UsageError(`cannot write the site in ${out} (${code})`);
      }
    } finally {
      await thread.close();
    }
    const pages = files.filter((f) => f.endsWith('.html')).length;
    io.out(`${out}/index.html\n`);
    io.err(`coop: ${pages} pages and ${files.length - pages} other files written in ${out}\n`);
    return 0;
  },
});
