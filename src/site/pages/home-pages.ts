// The home page and its older pages: /, /page/2/, /page/3/, …

import { renderHomePage, type HomePageData, type SectionCard } from '../../../layouts/home.ts';
import { sectionPageOf } from '../../../layouts/partials/section-name.ts';
import type { SitePlugin } from '../eleventy-types.ts';
import { TERM_KIND_ORDER } from '../indexes/terms.ts';
import { sectionFeedPaths, summariseSections } from '../sections.ts';
import type { SiteContext } from '../site-context.ts';
import { addListTemplate, type ListPage } from './list-template.ts';

const HEADLINES_PER_SECTION = 3;

export function homePagePath(index: number): string {
  return index === 0 ? '/' : `/page/${index + 1}/`;
}

/** The sections at a glance, as the first page shows them. */
function sectionCards(site: SiteContext): SectionCard[] {
  return summariseSections(site.articles).map((section) => ({
    name: section.name,
    page: sectionPageOf(site, section.name),
    feeds: sectionFeedPaths(section),
    articleCount: section.articles.length,
    headlines: section.articles.slice(0, HEADLINES_PER_SECTION),
  }));
}

/** What each page of the home listing shows (only this: it is the page's fingerprint). */
export function homePageList(site: SiteContext): Array<ListPage<HomePageData>> {
  const size = site.config.pageSize;
  const pageCount = Math.max(1, Math.ceil(site.articles.length / size));
  const pagePaths = Array.from({ length: pageCount }, (_, index) => homePagePath(index));
  const archiveIsEmpty = site.articles.length === 0;
  return pagePaths.map((path, pageIndex) => {
    const first = pageIndex === 0;
    const counts = first ? site.index.coverage() : [];
    return {
      path,
      data: {
        archiveIsEmpty,
        articles: site.articles.slice(pageIndex * size, (pageIndex + 1) * size),
        pagePaths,
        pageIndex,
        timeline:
          first && !archiveIsEmpty
            ? {
                unit: site.index.axis.unit,
                bars: site.index.axis.buckets.map((bucket, i) => ({ label: bucket.label, count: counts[i] ?? 0, href: bucket.href })),
                kinds: TERM_KIND_ORDER.filter((kind) => site.index.pagesOfKind(kind).length > 0),
              }
            : undefined,
        sections: first ? sectionCards(site) : [],
      },
    };
  });
}

export const homePages: SitePlugin = (eleventyConfig, site) => {
  addListTemplate(eleventyConfig, site, 'home.11ty.js', homePageList(site), (data) => renderHomePage(site, data));
};
