// Pages that are not about articles: search and 404.

import { renderNotFoundPage } from '../../../layouts/not-found.ts';
import { renderSearchPage } from '../../../layouts/search.ts';
import type { SitePlugin } from '../eleventy-types.ts';

/** The search page's file, from the site root. */
export const SEARCH_PAGE_FILE = 'search/index.html';

export const utilityPages: SitePlugin = (eleventyConfig, site) => {
  eleventyConfig.addTemplate('search.11ty.js', {
    data: { permalink: `/${SEARCH_PAGE_FILE}`, eleventyExcludeFromCollections: true },
    render: () => renderSearchPage(site),
  });
  eleventyConfig.addTemplate('not-found.11ty.js', {
    data: { permalink: '/404.html', eleventyExcludeFromCollections: true },
    render: () => renderNotFoundPage(site),
  });
};
