// One page per article, paginated over the loaded archive (Eleventy never reads article files
// as templates, so nothing in them can act as a template).

import { createHash } from 'node:crypto';
import { renderArticleElement, renderArticlePage } from '../../../layouts/article.ts';
import { indexedContent } from '../../search/indexed-content.ts';
import { html } from '../html.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import type { SiteContext } from '../site-context.ts';
import type { Article } from '../load-articles.ts';
import { headingAnchors } from '../heading-anchors.ts';
import { siteFingerprints } from '../page-fingerprint.ts';
import { pageFileOf } from './list-template.ts';
import { createMarkdownRenderer } from '../markdown.ts';

/** Renders an article's page. */
export function createArticlePageRenderer(site: SiteContext): (article: Article) => string {
  const markdown = createMarkdownRenderer().use(headingAnchors);
  return (article) => renderArticlePage(site, article, markdown.render(article.body));
}

/**
 * Renders what the search index reads of an article's page (`indexedContent`: the page's
 * language and its article element), without the rest of the page, so the index stage can
 * render it ahead of Eleventy at less cost. The page's `<html lang>` is the article's language
 * (renderArticlePage); the index stage checks every fed page against the page Eleventy renders.
 */
export function createIndexedArticleRenderer(site: SiteContext): (article: Article) => string {
  const markdown = createMarkdownRenderer().use(headingAnchors);
  return (article) => indexedContent(html`<html lang="${article.language}">${renderArticleElement(site, article, markdown.render(article.body))}`.value);
}

/**
 * A fingerprint of everything an article's page shows besides what every page depends on (the
 * code, the configuration, the primary search bundle: `SiteManifest.site`): the article itself,
 * its terms as linked, its related articles and its neighbours. A page whose fingerprint is the
 * one the previous site's page was rendered from is not rendered again (src/output/writer.ts).
 * Anything renderArticlePage comes to read must be added here; tests/output/incremental.test.ts
 * checks that a rebuild gives the same site as a build from nothing.
 */
export function articlePageInputs(site: SiteContext, article: Article): string {
  const link = (other: Article | undefined) => (other ? [other.url, other.language, other.title] : 0);
  const neighbours = site.index.neighbours(article);
  // The article by its digest (shared with the list pages' fingerprints) and its body by its
  // hash, so a kept page's body is never read.
  const inputs = [
    siteFingerprints(site).article(article),
    article.bodyHash,
    site.index.termsOf(article).map((term) => [term.kind, term.name, term.url, term.hasPage]),
    site.index.related(article).map((other) => [other.url, other.language, other.title, other.date.toISO()]),
    [neighbours.older, neighbours.newer, neighbours.olderInSection, neighbours.newerInSection].map(link),
  ];
  return createHash('sha1').update(JSON.stringify(inputs)).digest('base64url');
}

/** Where an article's page is written, relative to the site root. */
export function articlePagePath(article: Pick<Article, 'url'>): string {
  return pageFileOf(article.url);
}

export const articlePages: SitePlugin = (eleventyConfig, site) => {
  const renderPage = createArticlePageRenderer(site);
  eleventyConfig.addTemplate('article.11ty.js', {
    data: {
      // The articles whose pages must be rendered: all of them, unless the build keeps unchanged ones.
      pagination: { data: 'broadsheet.articlePages', size: 1, alias: 'article' },
      permalink: (data: EleventyPageData) => `${(data.article as Article).url}index.html`,
      eleventyExcludeFromCollections: true,
    },
    async render(data) {
      const article = data.article as Article;
      const html = renderPage(article);
      if (!site.output) return html;
      await site.output.articlePage(article, html);
      return '';
    },
  });
};
