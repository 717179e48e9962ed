// One page per article, paginated over the loaded archive (Eleventy never reads article files
// as templates, so nothing in them can act as a template).

import { renderArticlePage } from '../../../layouts/article.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import type { Article } from '../load-articles.ts';
import { headingAnchors } from '../heading-anchors.ts';
import { createMarkdownRenderer } from '../markdown.ts';

export const articlePages: SitePlugin = (eleventyConfig, site) => {
  const markdown = createMarkdownRenderer().use(headingAnchors);
  eleventyConfig.addTemplate('article.11ty.js', {
    data: {
      pagination: { data: 'broadsheet.articles', size: 1, alias: 'article' },
      permalink: (data: EleventyPageData) => `${(data.article as Article).url}index.html`,
      eleventyExcludeFromCollections: true,
    },
    render(data) {
      const article = data.article as Article;
      return renderArticlePage(site, article, markdown.render(article.body));
    },
  });
};
