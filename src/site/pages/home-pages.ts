// The home page and its older pages, numbered from the oldest: /, …, /page/2/, /page/1/ (stable-pagination.ts).

import { renderHomePage, type HomePageData, type SectionCard } from '../../../layouts/home.ts';
import type { SitePlugin } from '../eleventy-types.ts';
import { TERM_KIND_ORDER } from '../indexes/terms.ts';
import { SECTIONS_LISTED, sectionFeedPaths, sectionTermOf, summariseSections } from '../sections.ts';
import type { SiteContext } from '../site-context.ts';
import { addListTemplate, type ListPage } from './list-template.ts';
import { stablePages } from './stable-pagination.ts';

const HEADLINES_PER_SECTION = 3;

/** The sections at a glance, as the first page shows them: the busiest, and how many there are. */
function sectionCards(site: SiteContext): { cards: SectionCard[]; count: number } {
  const sections = summariseSections(site.articles);
  const cards = sections.slice(0, SECTIONS_LISTED).map((section) => {
    const page = sectionTermOf(site, section.name);
    return {
      name: section.name,
      page: page?.url,
      language: page?.language,
      feeds: page && sectionFeedPaths(page),
      articleCount: section.articles.length,
      headlines: section.articles.slice(0, HEADLINES_PER_SECTION),
    };
  });
  return { cards, count: sections.length };
}

/** What each page of the home listing shows (only this: it is the page's fingerprint). */
export function homePageList(site: SiteContext): Array<ListPage<HomePageData>> {
  const archiveIsEmpty = site.articles.length === 0;
  return stablePages(site.articles.length, site.config.pageSize, '/').map(({ path, number, start, end, nav }) => {
    const first = number === undefined;
    const counts = first ? site.index.coverage() : [];
    const sections = first ? sectionCards(site) : { cards: [], count: 0 };
    return {
      path,
      data: {
        archiveIsEmpty,
        articles: site.articles.slice(start, end),
        path,
        number,
        nav,
        timeline:
          first && !archiveIsEmpty
            ? {
                unit: site.index.axis.unit,
                bars: site.index.axis.buckets.map((bucket, i) => ({ label: bucket.label, count: counts[i] ?? 0, href: bucket.href })),
                kinds: TERM_KIND_ORDER.filter((kind) => site.index.pagesOfKind(kind).length > 0),
              }
            : undefined,
        sections: sections.cards,
        sectionCount: sections.count,
      },
    };
  });
}

export const homePages: SitePlugin = (eleventyConfig, site) => {
  addListTemplate(eleventyConfig, site, 'home.11ty.js', homePageList(site), (data) => renderHomePage(site, data));
};
