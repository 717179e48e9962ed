// The home page: the latest articles, newest first; on it, the sections at a glance with their
// latest headlines. Older articles are on pages numbered from the oldest (stable-pagination.ts).

import { html, type SafeHtml } from '../src/site/html.ts';
import { formatCount, formatNumber } from '../src/site/counts.ts';
import type { ListedArticle } from '../src/site/page-fingerprint.ts';
import type { PageNav } from '../src/site/pages/stable-pagination.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { collectionPageJsonLd, neighbourPages, renderArticleList, renderPagination } from './article-list.ts';
import { renderBase } from './base.ts';
import { renderArchiveTimeline, type ArchiveTimeline } from './partials/archive-timeline.ts';
import { renderSectionLink } from './partials/section-name.ts';

/** A section as the home page shows it. */
export interface SectionCard {
  name: string;
  /** Site path of the section's page, if it has one. */
  page: string | undefined;
  /** The language of its name, when known (src/site/indexes/terms.ts). */
  language: string | undefined;
  /** Its feeds, which a section without a page does not have. */
  feeds: { atom: string; json: string } | undefined;
  articleCount: number;
  /** Its latest articles. */
  headlines: ListedArticle[];
}

/** Everything a page of the home listing shows besides what every page shows (see src/site/pages/list-template.ts). */
export interface HomePageData {
  archiveIsEmpty: boolean;
  articles: ListedArticle[];
  path: string;
  /** The page's number, 1 being the oldest; undefined for the home page itself. */
  number: number | undefined;
  nav: PageNav;
  /** First page only, and only when the archive has articles. */
  timeline: ArchiveTimeline | undefined;
  /** First page only: the busiest sections (`SECTIONS_LISTED`). */
  sections: SectionCard[];
  /** How many sections the archive has (first page only), linked to `/sections/` when more than those shown. */
  sectionCount: number;
}

function renderSections(site: SiteContext, sections: SectionCard[], count: number): SafeHtml {
  if (sections.length === 0) return html``;
  const more = count > sections.length;
  return html`<section class="sections" aria-labelledby="sections-heading">
<h2 id="sections-heading">Sections at a glance</h2>
${more ? html`<p>The ${formatNumber(sections.length)} with the most articles, of ${formatCount(count, 'section')}.</p>\n` : ''}<ul class="section-grid">
${sections.map(
  (section) => html`<li class="section-card">
<h3 dir="auto">${renderSectionLink(site, section.name, section.page, section.language)}</h3>
<p class="section-count">${formatCount(section.articleCount, 'article')}${section.feeds ? html` · feeds: <a href="${site.url(section.feeds.atom)}">Atom</a>, <a href="${site.url(section.feeds.json)}">JSON</a>` : ''}</p>
<ul>
${section.headlines.map((article) => html`<li lang="${article.titleLanguage ?? article.language}" dir="auto"><a href="${site.url(article.url)}">${article.title}</a></li>\n`)}</ul>
</li>
`,
)}</ul>
${more ? html`<p class="sections-all"><a href="${site.url('/sections/')}">All ${formatCount(count, 'section')}</a></p>\n` : ''}</section>`;
}

export function renderHomePage(site: SiteContext, page: HomePageData): string {
  const { articles, path, number, nav, timeline } = page;
  const first = number === undefined;
  const heading = first ? 'Latest articles' : `Articles, page ${number}`;
  const main = html`<h1>${heading}</h1>
${page.archiveIsEmpty ? html`<p>The archive has no articles yet. Put text files in the inbox and build again.</p>` : ''}
${timeline ? renderArchiveTimeline(site, timeline) : ''}
<div class="home-grid">
<div class="home-latest">
${renderArticleList(site, articles)}
${renderPagination(site, nav)}
</div>
${renderSections(site, page.sections, page.sectionCount)}
</div>`;
  return renderBase(
    site,
    {
      title: first ? site.config.title : heading,
      description: site.config.description,
      path,
      ...neighbourPages(nav),
      jsonLd: collectionPageJsonLd(site, first ? site.config.title : heading, site.config.description, path, articles),
    },
    main,
  );
}
