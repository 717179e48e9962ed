// The home page and its older pages: /, /page/2/, /page/3/, …

import { renderHomePage } from '../../../layouts/home.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import type { Article } from '../load-articles.ts';
import { summariseSections } from '../sections.ts';

export function homePagePath(index: number): string {
  return index === 0 ? '/' : `/page/${index + 1}/`;
}

export const homePages: SitePlugin = (eleventyConfig, site) => {
  const pageCount = Math.max(1, Math.ceil(site.articles.length / site.config.pageSize));
  const pagePaths = Array.from({ length: pageCount }, (_, index) => homePagePath(index));
  const sections = summariseSections(site.articles);
  eleventyConfig.addTemplate('home.11ty.js', {
    data: {
      pagination: { data: 'broadsheet.articles', size: site.config.pageSize, alias: 'pageArticles', generatePageOnEmptyData: true },
      permalink: (data: EleventyPageData) => `${homePagePath(data.pagination!.pageNumber)}index.html`,
      eleventyExcludeFromCollections: true,
    },
    render(data) {
      return renderHomePage(site, data.pageArticles as Article[], pagePaths, data.pagination!.pageNumber, sections);
    },
  });
};
