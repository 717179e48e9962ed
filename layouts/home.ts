// The home page: the latest articles, newest first, paginated.

import { html } from '../src/site/html.ts';
import type { Article } from '../src/site/load-articles.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { renderArticleList, renderPagination } from './article-list.ts';
import { renderBase } from './base.ts';
import { renderArchiveTimeline } from './partials/archive-timeline.ts';

export function renderHomePage(site: SiteContext, articles: Article[], pagePaths: string[], pageIndex: number): string {
  const first = pageIndex === 0;
  const main = html`<h1>${first ? 'Latest articles' : `Articles, page ${pageIndex + 1}`}</h1>
${site.articles.length === 0 ? html`<p>The archive has no articles yet. Put text files in the inbox and build again.</p>` : ''}
${first && site.articles.length > 0 ? renderArchiveTimeline(site) : ''}
${renderArticleList(site, articles)}
${renderPagination(site, pagePaths, pageIndex)}`;
  return renderBase(
    site,
    { title: first ? site.config.title : `Page ${pageIndex + 1}`, description: site.config.description, path: pagePaths[pageIndex] ?? '/' },
    main,
  );
}
