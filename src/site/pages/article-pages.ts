// One page per article, paginated over the loaded archive (Eleventy never reads article files
// as templates, so nothing in them can act as a template).

import { renderArticlePage } from '../../../layouts/article.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import type { SiteContext } from '../site-context.ts';
import type { Article } from '../load-articles.ts';
import { headingAnchors } from '../heading-anchors.ts';
import { createMarkdownRenderer } from '../markdown.ts';

/** Renders an article's page. The search index renders pages with it too, ahead of Eleventy. */
export function createArticlePageRenderer(site: SiteContext): (article: Article) => string {
  const markdown = createMarkdownRenderer().use(headingAnchors);
  return (article) => renderArticlePage(site, article, markdown.render(article.body));
}

/** Where an article's page is written, relative to the site root. */
export function articlePagePath(article: Pick<Article, 'url'>): string {
  return `${article.url.replace(/^\//, '')}index.html`;
}

export const articlePages: SitePlugin = (eleventyConfig, site) => {
  const renderPage = createArticlePageRenderer(site);
  eleventyConfig.addTemplate('article.11ty.js', {
    data: {
      pagination: { data: 'broadsheet.articles', size: 1, alias: 'article' },
      permalink: (data: EleventyPageData) => `${(data.article as Article).url}index.html`,
      eleventyExcludeFromCollections: true,
    },
    async render(data) {
      const article = data.article as Article;
      const html = renderPage(article);
      return (await site.pageSink?.(articlePagePath(article), html)) ? '' : html;
    },
  });
};
