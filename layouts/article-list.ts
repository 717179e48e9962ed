// A list of articles with summaries and dates, used by the home page and every listing.

import { html, type SafeHtml } from '../src/site/html.ts';
import type { Article } from '../src/site/load-articles.ts';
import type { SiteContext } from '../src/site/site-context.ts';

export function renderArticleList(site: SiteContext, articles: Article[]): SafeHtml {
  return html`<ol class="article-list">
${articles.map(
  (article) => html`<li class="article-item">
<h2 class="article-item-title" lang="${article.language}" dir="auto"><a href="${site.url(article.url)}">${article.title}</a></h2>
<p class="article-item-meta"><time datetime="${article.date.toISO() ?? ''}">${site.formatDate(article.date, site.config.language)}</time>${article.section ? html` · ${article.section}` : ''}</p>
${article.summary ? html`<p class="article-item-summary" lang="${article.language}" dir="auto">${article.summary}</p>` : ''}
</li>
`,
)}</ol>`;
}

/** Real links to the previous and next page of a listing. */
export function renderPagination(site: SiteContext, pagePaths: string[], current: number): SafeHtml {
  if (pagePaths.length <= 1) return html``;
  const previous = current > 0 ? pagePaths[current - 1] : undefined;
  const next = current < pagePaths.length - 1 ? pagePaths[current + 1] : undefined;
  return html`<nav class="pagination" aria-label="Pages">
${previous ? html`<a rel="prev" href="${site.url(previous)}">Newer articles</a>` : ''}
<span>Page ${current + 1} of ${pagePaths.length}</span>
${next ? html`<a rel="next" href="${site.url(next)}">Older articles</a>` : ''}
</nav>`;
}
