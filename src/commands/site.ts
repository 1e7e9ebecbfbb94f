import { resolve } from 'node:path';
import { openForQuery, UsageError } from '../app/context.js';
import { writeSite } from '../app/site.js';
import { defineCommand } from '../command.js';
import { RefusedError } from '../errors.js';

export const command = defineCommand({
  name: 'site',
  summary: 'a static website of the base, in French, with search, map and data files',
  options: {
    out: { value: '<dir>', description: 'the folder to write the site into', default: 'site', folder: true },
    lang: { value: '<lang>', description: 'the language of the site: fr only (the base is written in French)' },
    baseUrl: { value: '<url>', description: 'where the site will be published: canonical links, sitemap, feed' },
  },
  details: `Writes one page per organisation, programme and article (at organisations/<id>/index.html...),
lists of organisations (filters by region, department, kind, sector), programmes, funding and
events, a home page with a map of the regions, a search box on every page (an index built now,
accents ignored), sitemap.xml, an Atom feed of the articles, and the data (data/coop.json,
data/coop.db with its Datasette metadata). Opens from disk or any static server; sends no request
out. The folder is written whole, then put in place; an existing folder is replaced only if coop
made it.`,
  examples: [
    { command: 'coop site --out site && xdg-open site/index.html' },
    { command: 'coop site --out public --base-url https://example.org/coop' },
  ],
  async run(options, { io, bundledData }) {
    if (options.baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(options.baseUrl)) {
      throw new UsageError(
        `--base-url must be an http(s) address, not "${options.baseUrl}"`,
        'e.g. --base-url https://example.org/coop',
      );
    }
    if (options.lang !== undefined && options.lang !== 'fr') {
      throw new UsageError(
        `the site is in French only, the language its base is written in: --lang ${options.lang} is not available`,
        'leave out --lang, or give --lang fr',
      );
    }
    const context = await openForQuery({ ...options, format: undefined, json: undefined }, io, bundledData);
    const out = resolve(io.cwd, options.out);
    let files: string[];
    try {
      files = await writeSite(context, { out, baseUrl: options.baseUrl }, io, bundledData);
    } catch (error) {
      // Only the file system's refusals are the person's to fix; anything else is a bug to show.
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof RefusedError || typeof code !== 'string') throw error;
      throw new UsageError(`cannot write the site in ${out} (${code})`);
    }
    const pages = files.filter((f) => f.endsWith('.html')).length;
    io.out(`${out}/index.html\n`);
    io.err(`coop: ${pages} pages and ${files.length - pages} other files written in ${out}\n`);
    return 0;
  },
});
