import type { Article, Person } from '../core/model.js';
import { nameKey } from '../core/text.js';
import { DATE_FIELDS, nonEmpty, orderedItem } from '../edit/values.js';
import { appendToMappingList } from '../edit/yaml-edit.js';
import { RefusedError } from '../errors.js';
import type { IO } from '../io.js';
import { type EditContext, type FileChange, applyChanges } from './apply-changes.js';
import { findRecord, type GlobalOptions } from './context.js';
import { editText } from './field-edit.js';
import { Problems } from './problems.js';
import { recordShape } from './record-fields.js';

/**
 * `coop add also-published` and `coop add mention`: an item appended to a list of an article's front
 * matter (`also_published`, `people`), the rest of the file byte-identical, through applyChanges
 * (the whole base checked with the change; refused = nothing written). Declared in commands/add.ts.
 */

interface WriteOptions extends GlobalOptions {
  dryRun?: boolean;
}

interface AlsoPublishedOptions extends WriteOptions {
  outlet: string;
  url?: string;
  date?: string;
}

/** The same story printed by another outlet: one article, counted once, with the other printing listed. */
export async function addAlsoPublished(
  articleQuery: string,
  options: AlsoPublishedOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const problems = new Problems();
  const outlet = problems.check(() =>
    nonEmpty(options.outlet, '--outlet', 'the outlet as it names itself: --outlet "Le Journal"'),
  );
  problems.date(options.date, '--date');
  problems.done(io);
  let added = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const article = findArticle(context, articleQuery);
      const same = (other: string | undefined) => other !== undefined && nameKey(other) === nameKey(outlet!);
      if (same(article.outlet))
        throw new RefusedError(
          `${article.id} is already the article of ${article.outlet}: nothing written`,
          'also-published lists the other outlets that printed the same story',
        );
      const listed = (article.also_published ?? []).find((o) => same(o.outlet));
      if (listed)
        throw new RefusedError(
          `${article.id} already lists ${listed.outlet} as also publishing it: nothing written`,
          `coop show ${article.id} shows it; coop set changes its url or date`,
        );
      const item = orderedItem({ outlet, url: options.url, date: options.date }, itemOrder('also_published'));
      added = `added ${outlet} to the outlets that also published ${article.id}\n`;
      return [appendToArticle(context, article, 'also_published', item)];
    },
    { dryRun: options.dryRun === true, said: () => added },
  );
}

interface MentionOptions extends WriteOptions {
  person?: string;
  role?: string;
  org?: string;
}

/** Someone an article names, as it names them, linked to their person record when there is one. */
export async function addMention(
  articleQuery: string,
  nameGiven: string,
  options: MentionOptions,
  io: IO,
  bundledData: string,
): Promise<number> {
  const problems = new Problems();
  const name = problems.check(() =>
    nonEmpty(nameGiven, 'the name', 'the name as the article prints it: "Hélène Lefèvre"'),
  );
  const role =
    options.role === undefined
      ? undefined
      : problems.check(() => nonEmpty(options.role!, '--role', 'the role as the article says it: --role présidente'));
  problems.done(io);
  let added = '';
  return applyChanges(
    options,
    io,
    bundledData,
    (context) => {
      const article = findArticle(context, articleQuery);
      const person =
        options.person === undefined
          ? undefined
          : (findRecord(context.index, options.person, ['person'], 'person').record as Person);
      const org =
        options.org === undefined
          ? undefined
          : findRecord(context.index, options.org, ['organisation'], 'organisation').record.id;
      // One item a person an article names: a second role for them is the person record's business.
      const already = (article.people ?? []).find(
        (p) => (person !== undefined && p.person === person.id) || nameKey(p.name) === nameKey(name!),
      );
      if (already) {
        const field = already.person === undefined && person !== undefined ? 'person' : 'role';
        throw new RefusedError(
          `${article.id} already names ${already.name}${already.person ? ` (${already.person})` : ''}: nothing written`,
          `coop set ${article.id} "people.${already.name}.${field}" <value> changes the item; another role of a person record is coop add role`,
        );
      }
      const item = orderedItem({ name, person: person?.id, role, org }, itemOrder('people'));
      added = `added ${name}${person ? ` (${person.id})` : ''} to the people ${article.id} names\n`;
      return [appendToArticle(context, article, 'people', item)];
    },
    { dryRun: options.dryRun === true, said: () => added },
  );
}

/** The fields of an item of one of the article's lists, in the data model's order. */
function itemOrder(list: 'also_published' | 'people'): readonly string[] {
  const field = recordShape('article').fields[list];
  return field?.kind === 'items' ? field.item.order : [];
}

/** The article to edit; one missing because its own file has errors is said so, not "not found". */
function findArticle(context: EditContext, query: string): Article {
  try {
    return findRecord(context.index, query, ['article'], 'article').record as Article;
  } catch (error) {
    const broken = `articles/${query}.md`;
    if (context.diagnostics.some((d) => d.file === broken && d.severity === 'error'))
      throw new RefusedError(
        `${context.displayPath(broken)} has errors: coop cannot add to it; nothing written`,
        'run coop validate to see what is wrong there, fix it, then add again',
      );
    throw error;
  }
}

function appendToArticle(
  context: EditContext,
  article: Article,
  list: string,
  item: ReturnType<typeof orderedItem>,
): FileChange {
  const text = context.read(article.file);
  if (text === undefined)
    throw new RefusedError(`${context.displayPath(article.file)} is gone: nothing written`, 'run the command again');
  const order = recordShape('article').order;
  return {
    path: article.file,
    text: editText(context, article.file, text, (yaml) =>
      appendToMappingList(yaml, list, item, order, { quoted: DATE_FIELDS }),
    ),
    create: false,
  };
}
