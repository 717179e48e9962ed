// Pages of the archive's taxonomy: one per person, organisation, place, tag and section with its
// articles (paginated), and an index of each kind, A–Z and by count. Paginated over Broadsheet's
// own index (src/site/indexes/), never over Eleventy collections, which grow superlinearly.

import { renderTermIndex, type TermIndexPage } from '../../../layouts/term-index.ts';
import { renderTermPage } from '../../../layouts/term-page.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import { TERM_KIND_ORDER, TERM_KINDS, type Term } from '../indexes/terms.ts';
import type { SiteContext } from '../site-context.ts';

/** Entries per page of a kind's index. */
export const INDEX_PAGE_SIZE = 1000;

export interface TermPageEntry {
  term: Term;
  pageIndex: number;
  pagePaths: string[];
}

export function termPagePath(term: Term, index: number): string {
  return index === 0 ? term.url : `${term.url}page/${index + 1}/`;
}

export function listTermPages(site: SiteContext): TermPageEntry[] {
  const entries: TermPageEntry[] = [];
  for (const kind of TERM_KIND_ORDER) {
    for (const term of site.index.pagesOfKind(kind)) {
      const count = Math.max(1, Math.ceil(term.articles.length / site.config.pageSize));
      const pagePaths = Array.from({ length: count }, (_, index) => termPagePath(term, index));
      for (let pageIndex = 0; pageIndex < count; pageIndex++) entries.push({ term, pageIndex, pagePaths });
    }
  }
  return entries;
}

export function listTermIndexPages(site: SiteContext): Array<TermIndexPage & { path: string }> {
  const pages: Array<TermIndexPage & { path: string }> = [];
  for (const kind of TERM_KIND_ORDER) {
    const byName = site.index.pagesOfKind(kind);
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

export const taxonomyPages: SitePlugin = (eleventyConfig, site) => {
  eleventyConfig.addGlobalData('broadsheetTaxonomy', { termPages: listTermPages(site), indexPages: listTermIndexPages(site) });
  eleventyConfig.addTemplate('term.11ty.js', {
    data: {
      pagination: { data: 'broadsheetTaxonomy.termPages', size: 1, alias: 'entry' },
      permalink: (data: EleventyPageData) => {
        const entry = data.entry as TermPageEntry;
        return `${entry.pagePaths[entry.pageIndex]}index.html`;
      },
      eleventyExcludeFromCollections: true,
    },
    render(data) {
      const { term, pageIndex, pagePaths } = data.entry as TermPageEntry;
      const size = site.config.pageSize;
      const articles = term.articles.slice(pageIndex * size, (pageIndex + 1) * size).map((position) => site.articles[position]!);
      return renderTermPage(site, term, articles, pagePaths, pageIndex);
    },
  });
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
