// A list of articles with summaries and dates, used by the home page and every listing, and the
// real-link pagination under it.

import { html, type SafeHtml } from '../src/site/html.ts';
import type { ListedArticle } from '../src/site/page-fingerprint.ts';
import type { SiteContext } from '../src/site/site-context.ts';

export function renderArticleList(site: SiteContext, articles: ListedArticle[], headingLevel: 2 | 3 = 2): SafeHtml {
  const heading = (article: ListedArticle) =>
    headingLevel === 2
      ? html`<h2 class="article-item-title" lang="${article.language}" dir="auto"><a href="${site.url(article.url)}">${article.title}</a></h2>`
      : html`<h3 class="article-item-title" lang="${article.language}" dir="auto"><a href="${site.url(article.url)}">${article.title}</a></h3>`;
  return html`<ol class="article-list">
${articles.map(
  (article) => html`<li class="article-item">
${heading(article)}
<p class="article-item-meta"><time datetime="${article.date.toISO() ?? ''}">${site.formatDate(article.date, site.config.language)}</time>${article.section ? html` · <bdi>${article.section}</bdi>` : ''}</p>
${article.summary ? html`<p class="article-item-summary" lang="${article.language}" dir="auto">${article.summary}</p>` : ''}
</li>
`,
)}</ol>`;
}

/** The previous and next page of a listing, for <link rel> in the head. */
export function neighbourPages(pagePaths: string[], current: number): { prev: string | undefined; next: string | undefined } {
  return { prev: current > 0 ? pagePaths[current - 1] : undefined, next: pagePaths[current + 1] };
}

/** Page numbers to show: the first, the last, and two either side of the current one. */
function visiblePageIndexes(count: number, current: number): number[] {
  const shown = new Set([0, count - 1]);
  for (let index = current - 2; index <= current + 2; index++) if (index >= 0 && index < count) shown.add(index);
  return [...shown].sort((a, b) => a - b);
}

/** Real links to the other pages of a listing, with rel=prev/next. */
export function renderPagination(
  site: SiteContext,
  pagePaths: string[],
  current: number,
  labels: { prev: string; next: string } = { prev: 'Newer articles', next: 'Older articles' },
): SafeHtml {
  if (pagePaths.length <= 1) return html``;
  const { prev, next } = neighbourPages(pagePaths, current);
  const numbers: SafeHtml[] = [];
  let last = -1;
  for (const index of visiblePageIndexes(pagePaths.length, current)) {
    if (index > last + 1) numbers.push(html`<li aria-hidden="true">…</li>`);
    numbers.push(
      index === current
        ? html`<li><a href="${site.url(pagePaths[index]!)}" aria-current="page">${index + 1}</a></li>`
        : html`<li><a href="${site.url(pagePaths[index]!)}">${index + 1}</a></li>`,
    );
    last = index;
  }
  return html`<nav class="pagination" aria-label="Pages">
${prev === undefined ? '' : html`<a rel="prev" href="${site.url(prev)}">← ${labels.prev}</a>`}
<ol class="page-numbers">${numbers}</ol>
${next === undefined ? '' : html`<a rel="next" href="${site.url(next)}">${labels.next} →</a>`}
</nav>`;
}

/** schema.org CollectionPage for a listing page. */
export function collectionPageJsonLd(site: SiteContext, name: string, description: string, path: string, articles: ListedArticle[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name,
    description,
    url: site.absoluteUrl(path),
    isPartOf: { '@type': 'WebSite', name: site.config.title, url: site.absoluteUrl('/') },
    mainEntity: {
      '@type': 'ItemList',
      itemListElement: articles.map((article, index) => ({ '@type': 'ListItem', position: index + 1, url: site.absoluteUrl(article.url), name: article.title })),
    },
  };
}
