import type { Article } from '../core/model.js';
import { formatDate } from './format.js';
import type { Style } from './style.js';
import { renderTable } from './table.js';

/**
 * Article ids are long: on a terminal, tables cite [1], [2] in order of first appearance, and a
 * Sources table at the end says which article each number is.
 */
interface Citations {
  cite(articleId: string): string;
  /** The Sources table, or '' when nothing was cited. */
  table(width: number, paint: Style): string;
}

export function citations(
  articleIds: readonly string[],
  articles: { get(id: string): Article | undefined },
): Citations {
  const cited = [...new Set(articleIds)];
  const cite = (id: string) => `[${cited.indexOf(id) + 1}]`;
  return {
    cite,
    table: (width, paint) => {
      if (cited.length === 0) return '';
      const rows = cited.map((id) => {
        const article = articles.get(id);
        return [cite(id), id, article?.outlet ?? '', article ? formatDate(article.date) : '', article?.title ?? ''];
      });
      return (
        `${paint.bold.underline('Sources')}\n` +
        renderTable(['', 'Article', 'Outlet', 'Date', 'Title'], rows, { width, paint, whole: [1] })
      );
    },
  };
}
