// Pages of the archive's taxonomy: one per person, organisation, place, tag and section with its
// articles (paginated), and an index of each kind, A–Z and by count. Paginated over Broadsheet's
// own index (src/site/indexes/), never over Eleventy collections, which grow superlinearly.

import { renderTermIndex, type TermIndexPage } from '../../../layouts/term-index.ts';
import { renderTermPage, type TermLink, type TermPageData } from '../../../layouts/term-page.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import { TERM_KIND_ORDER, TERM_KINDS, type Term } from '../indexes/terms.ts';
import { sectionFeedPaths } from '../sections.ts';
import type { SiteContext } from '../site-context.ts';
import { addListTemplate, type ListPage } from './list-template.ts';
import { stablePages, type ListingPage } from './stable-pagination.ts';

/** Entries per page of a kind's index. */
export const INDEX_PAGE_SIZE = 1000;

export interface TermPageEntry {
  term: Term;
  /** A page of its articles, numbered from the oldest (stable-pagination.ts). */
  page: ListingPage;
}

export function listTermPages(site: SiteContext): TermPageEntry[] {
  const entries: TermPageEntry[] = [];
  for (const kind of TERM_KIND_ORDER) {
    for (const term of site.index.pagesOfKind(kind)) {
      for (const page of stablePages(term.articles.length, site.config.pageSize, term.url)) entries.push({ term, page });
    }
  }
  return entries;
}

const linkTo = (term: Term): TermLink => ({ kind: term.kind, name: term.name, url: term.url, language: term.language });

/** What a term's page shows (only this: it is the page's fingerprint); `axisLabels` are the time axis's, shared by all. */
function termPageData(site: SiteContext, { term, page }: TermPageEntry, axisLabels: readonly string[]): TermPageData {
  const { path, number, start, end, nav } = page;
  const first = number === undefined;
  return {
    term: linkTo(term),
    articleCount: first ? term.articles.length : undefined,
    articles: term.articles.slice(start, end).map((position) => site.articles[position]!),
    path,
    number,
    nav,
    coverage: first ? { unit: site.index.axis.unit, labels: axisLabels, counts: site.index.coverage(term) } : undefined,
    companions: first ? site.index.companions(term).map((companion) => ({ term: linkTo(companion.term), count: companion.count })) : [],
    feeds: term.kind === 'section' ? sectionFeedPaths(term) : undefined,
  };
}

export function listTermIndexPages(site: SiteContext): Array<TermIndexPage & { path: string }> {
  const pages: Array<TermIndexPage & { path: string }> = [];
  for (const kind of TERM_KIND_ORDER) {
    const byName = site.index.pagesOfKind(kind);
    // A kind without pages has no index: nothing links to one (the home page lists the kinds
    // with pages), and an archive without people would publish an orphan "None yet" page.
    if (byName.length === 0) continue;
    const byCount = [...byName].sort((a, b) => b.articles.length - a.articles.length);
    const base = `/${TERM_KINDS[kind].segment}/`;
    for (const [order, terms, root] of [
      ['name', byName, base],
      ['count', byCount, `${base}by-count/`],
    ] as const) {
      const count = Math.max(1, Math.ceil(terms.length / INDEX_PAGE_SIZE));
      const pagePaths = Array.from({ length: count }, (_, index) => (index === 0 ? root : `${root}page/${index + 1}/`));
      for (let pageIndex = 0; pageIndex < count; pageIndex++) {
        pages.push({
          kind,
          order,
          terms: terms.slice(pageIndex * INDEX_PAGE_SIZE, (pageIndex + 1) * INDEX_PAGE_SIZE),
          pagePaths,
          pageIndex,
          total: terms.length,
          firstRank: pageIndex * INDEX_PAGE_SIZE + 1,
          path: pagePaths[pageIndex]!,
        });
      }
    }
  }
  return pages;
}

/** Every page of every term, with what it shows. */
export function termPageList(site: SiteContext): Array<ListPage<TermPageData>> {
  const axisLabels = site.index.axis.buckets.map((bucket) => bucket.label);
  return listTermPages(site).map((entry): ListPage<TermPageData> => ({ path: entry.page.path, data: termPageData(site, entry, axisLabels) }));
}

export const taxonomyPages: SitePlugin = (eleventyConfig, site) => {
  eleventyConfig.addGlobalData('broadsheetTaxonomy', { indexPages: listTermIndexPages(site) });
  addListTemplate(eleventyConfig, site, 'term.11ty.js', termPageList(site), (data) => renderTermPage(site, data));
  eleventyConfig.addTemplate('term-index.11ty.js', {
    data: {
      pagination: { data: 'broadsheetTaxonomy.indexPages', size: 1, alias: 'indexPage' },
      permalink: (data: EleventyPageData) => `${(data.indexPage as { path: string }).path}index.html`,
      eleventyExcludeFromCollections: true,
    },
    render(data) {
      return renderTermIndex(site, data.indexPage as TermIndexPage);
    },
  });
};
