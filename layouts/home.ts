// The home page: the latest articles, newest first, paginated; on the first page, the sections
// at a glance with their latest headlines.

import { html, type SafeHtml } from '../src/site/html.ts';
import type { Article } from '../src/site/load-articles.ts';
import { sectionFeedPaths, type SectionSummary } from '../src/site/sections.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { collectionPageJsonLd, neighbourPages, renderArticleList, renderPagination } from './article-list.ts';
import { renderBase } from './base.ts';
import { renderArchiveTimeline } from './partials/archive-timeline.ts';
import { renderSectionName } from './partials/section-name.ts';

const HEADLINES_PER_SECTION = 3;

function renderSections(site: SiteContext, sections: SectionSummary[]): SafeHtml {
  if (sections.length === 0) return html``;
  return html`<section class="sections" aria-labelledby="sections-heading">
<h2 id="sections-heading">Sections at a glance</h2>
<ul class="section-grid">
${sections.map((section) => {
  const feeds = sectionFeedPaths(section);
  return html`<li class="section-card">
<h3 dir="auto">${renderSectionName(site, section.name)}</h3>
<p class="section-count">${section.articles.length} ${section.articles.length === 1 ? 'article' : 'articles'} · feeds: <a href="${site.url(feeds.atom)}">Atom</a>, <a href="${site.url(feeds.json)}">JSON</a></p>
<ul>
${section.articles.slice(0, HEADLINES_PER_SECTION).map((article) => html`<li lang="${article.language}" dir="auto"><a href="${site.url(article.url)}">${article.title}</a></li>\n`)}</ul>
</li>
`;
})}</ul>
</section>`;
}

export function renderHomePage(site: SiteContext, articles: Article[], pagePaths: string[], pageIndex: number, sections: SectionSummary[]): string {
  const first = pageIndex === 0;
  const path = pagePaths[pageIndex] ?? '/';
  const heading = first ? 'Latest articles' : `Articles, page ${pageIndex + 1} of ${pagePaths.length}`;
  const main = html`<h1>${heading}</h1>
${site.articles.length === 0 ? html`<p>The archive has no articles yet. Put text files in the inbox and build again.</p>` : ''}
${first && site.articles.length > 0 ? renderArchiveTimeline(site) : ''}
<div class="home-grid">
<div class="home-latest">
${renderArticleList(site, articles)}
${renderPagination(site, pagePaths, pageIndex)}
</div>
${first ? renderSections(site, sections) : ''}
</div>`;
  return renderBase(
    site,
    {
      title: first ? site.config.title : heading,
      description: site.config.description,
      path,
      ...neighbourPages(pagePaths, pageIndex),
      jsonLd: collectionPageJsonLd(site, first ? site.config.title : heading, site.config.description, path, articles),
    },
    main,
  );
}
