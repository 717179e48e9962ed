// A list of articles with summaries and dates, used by the home page and every listing, and the
// real-link pagination under it.

import { html, type SafeHtml } from '../src/site/html.ts';
import { rfc3339 } from '../src/site/timestamps.ts';
import type { ListedArticle } from '../src/site/page-fingerprint.ts';
import type { PageNav } from '../src/site/pages/stable-pagination.ts';
import { INTERFACE_LANGUAGE } from '../src/site/interface-language.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { sectionTermOf } from '../src/site/sections.ts';
import { termLang } from './partials/term-links.ts';

export function renderArticleList(site: SiteContext, articles: ListedArticle[], headingLevel: 2 | 3 = 2): SafeHtml {
  const heading = (article: ListedArticle) =>
    headingLevel === 2
      ? html`<h2 class="article-item-title" lang="${article.titleLanguage ?? article.language}" dir="auto"><a href="${site.url(article.url)}">${article.title}</a></h2>`
      : html`<h3 class="article-item-title" lang="${article.titleLanguage ?? article.language}" dir="auto"><a href="${site.url(article.url)}">${article.title}</a></h3>`;
  return html`<ol class="article-list">
${articles.map(
  (article) => html`<li class="article-item">
${heading(article)}
<p class="article-item-meta"><time datetime="${rfc3339(article.date)}">${site.formatDate(article.date, INTERFACE_LANGUAGE)}</time>${article.section ? html` · <bdi${termLang(site, sectionTermOf(site, article.section))}>${article.section}</bdi>` : ''}</p>
${article.summary ? html`<p class="article-item-summary" lang="${article.language}" dir="auto">${article.summary}</p>` : ''}
</li>
`,
)}</ol>`;
}

/** The previous (newer) and next (older) page of a listing, for <link rel> in the head. */
export function neighbourPages(nav: PageNav): { prev: string | undefined; next: string | undefined } {
  return { prev: nav.newer, next: nav.older };
}

/** Real links to the other pages of a listing, with rel=prev/next. */
export function renderPagination(site: SiteContext, nav: PageNav, labels: { prev: string; next: string } = { prev: 'Newer articles', next: 'Older articles' }): SafeHtml {
  if (nav.links.length === 0) return html``;
  const numbers = nav.links.map((link) =>
    link === null
      ? html`<li aria-hidden="true">…</li>`
      : link.current
        ? html`<li><a href="${site.url(link.path)}" aria-current="page">${link.label}</a></li>`
        : html`<li><a href="${site.url(link.path)}">${link.label}</a></li>`,
  );
  return html`<nav class="pagination" aria-label="Pages">
${nav.newer === undefined ? '' : html`<a rel="prev" href="${site.url(nav.newer)}">← ${labels.prev}</a>`}
<ol class="page-numbers">${numbers}</ol>
${nav.older === undefined ? '' : html`<a rel="next" href="${site.url(nav.older)}">${labels.next} →</a>`}
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
