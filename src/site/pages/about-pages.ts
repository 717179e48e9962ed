// The about page, /about/, generated from the configuration.

import { renderAboutPage } from '../../../layouts/about.ts';
import type { SitePlugin } from '../eleventy-types.ts';
import { summariseSections } from '../sections.ts';

export const aboutPages: SitePlugin = (eleventyConfig, site) => {
  eleventyConfig.addTemplate('about.11ty.js', {
    data: { permalink: '/about/index.html', eleventyExcludeFromCollections: true },
    render: () => renderAboutPage(site, summariseSections(site.articles)),
  });
};
