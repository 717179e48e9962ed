// One article: headline, standfirst, date, body, provenance.

import { html, trusted } from '../src/site/html.ts';
import type { Article } from '../src/site/load-articles.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { renderBase } from './base.ts';
import { renderArticleHead } from './partials/article-head.ts';
import { renderArticleLinks } from './partials/article-links.ts';
import { renderSearchMeta } from './partials/search-meta.ts';

const DATE_SOURCE_TEXT: Record<Article['dateSource'], string> = {
  sidecar: 'the metadata supplied with the source',
  text: 'a date in the article text',
  filename: 'the source file name',
  'file-mtime': 'the source file’s modification time (no date was given)',
  manual: 'set by hand',
};

export function renderArticlePage(site: SiteContext, article: Article, bodyHtml: string): string {
  const main = html`<article class="article" lang="${article.language}" dir="${article.dir}" data-pagefind-body>
<header class="article-header">
${article.section ? html`<p class="article-section" data-pagefind-ignore>${article.section}</p>` : ''}
<h1 data-pagefind-meta="title">${article.title}</h1>
${article.subtitle ? html`<p class="standfirst">${article.subtitle}</p>` : ''}
<p class="article-meta" data-pagefind-ignore lang="${site.config.language}" dir="ltr"><time datetime="${article.date.toISO() ?? ''}">${site.formatDate(article.date, site.config.language)}</time>${article.authors.length > 0 ? html` · By <bdi>${article.authors.join(', ')}</bdi>` : ''} · ${article.readingMinutes} min read</p>
</header>
<div class="article-body">
${trusted(bodyHtml)}
</div>
${renderSearchMeta(site, article)}
<footer class="article-footer" data-pagefind-ignore lang="${site.config.language}" dir="ltr">
<h2>About this text</h2>
<p>Source file: <code>${article.source.path}</code>. Date from ${DATE_SOURCE_TEXT[article.dateSource]}.${
    article.source.url ? html` Originally published at <a href="${article.source.url}" rel="nofollow noopener">${article.source.name ?? article.source.url}</a>.` : ''
  }</p>
</footer>
</article>
${renderArticleLinks(site, article)}`;
  return renderBase(
    site,
    {
      title: article.title,
      description: article.summary || article.title,
      path: article.url,
      lang: article.language,
      dir: article.dir,
      head: renderArticleHead(site, article),
      // Marks the words of a search that led here (?highlight=); the page needs no other script.
      scripts: ['/assets/search-highlight.js'],
    },
    main,
  );
}
