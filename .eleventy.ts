// Eleventy configuration: a recipe that registers Broadsheet's page plugins. The archive itself
// is loaded by the build (src/cli/build.ts) and handed over through the build context, so article
// files are data here, never templates.

import { getBuildContext } from './src/site/build-context.ts';
import type { EleventyConfig } from './src/site/eleventy-types.ts';
import { aboutPages } from './src/site/pages/about-pages.ts';
import { archivePages } from './src/site/pages/archive-pages.ts';
import { articlePages } from './src/site/pages/article-pages.ts';
import { feedPages } from './src/site/pages/feed-pages.ts';
import { homePages } from './src/site/pages/home-pages.ts';
import { taxonomyPages } from './src/site/pages/taxonomy-pages.ts';
import { sitemapPages } from './src/site/pages/sitemap-pages.ts';
import { utilityPages } from './src/site/pages/utility-pages.ts';

export default function configure(eleventyConfig: EleventyConfig) {
  const site = getBuildContext();
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addGlobalData('broadsheet', { articles: site.articles, articlePages: site.articlePages });

  for (const plugin of [articlePages, homePages, utilityPages, taxonomyPages, archivePages, aboutPages, feedPages, sitemapPages]) {
    plugin(eleventyConfig, site);
  }

  return {
    // Only the virtual templates above are rendered; nothing in the input folder is a template.
    templateFormats: ['11ty.js'],
  };
}
