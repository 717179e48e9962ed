// Pages that are not about articles: search, 404, and the static assets.

import { fileURLToPath } from 'node:url';
import { renderNotFoundPage } from '../../../layouts/not-found.ts';
import { renderSearchPage } from '../../../layouts/search.ts';
import type { SitePlugin } from '../eleventy-types.ts';

export const ASSETS_DIR = fileURLToPath(new URL('../../../assets/', import.meta.url));

export const utilityPages: SitePlugin = (eleventyConfig, site) => {
  eleventyConfig.addPassthroughCopy({ [ASSETS_DIR]: 'assets' });
  eleventyConfig.addTemplate('search.11ty.js', {
    data: { permalink: '/search/index.html', eleventyExcludeFromCollections: true },
    render: () => renderSearchPage(site),
  });
  eleventyConfig.addTemplate('not-found.11ty.js', {
    data: { permalink: '/404.html', eleventyExcludeFromCollections: true },
    render: () => renderNotFoundPage(site),
  });
};
