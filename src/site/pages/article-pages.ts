// One page per article, paginated over the loaded archive (Eleventy never reads article files
// as templates, so nothing in them can act as a template).

import { createHash } from 'node:crypto';
import { renderArticleElement, renderArticlePage } from '../../../layouts/article.ts';
import { indexedContent } from '../../search/indexed-content.ts';
import { html, trusted } from '../html.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import type { SiteContext } from '../site-context.ts';
import type { Article } from '../load-articles.ts';
import { headingAnchors } from '../heading-anchors.ts';
import { siteFingerprints } from '../page-fingerprint.ts';
import { pageFileOf } from './list-template.ts';
import { createMarkdownRenderer } from '../markdown.ts';

/**
 * Article elements rendered for the search index ahead of Eleventy (`createIndexedArticleRenderer`),
 * kept until Eleventy renders the article's page, so that a cold build renders each article's
 * markdown and element once, not twice (on the 1,407-article BBC inbox the second rendering was
 * about 0.4 s of the main thread). Bounded by ELEMENT_CACHE_CHARS: beyond it an element is
 * rendered again, as before, so a large archive's memory does not grow with it.
 */
export class ArticleElements {
  readonly #elements = new Map<Article, string>();
  readonly #limit: number;
  #chars = 0;

  constructor(limit = ELEMENT_CACHE_CHARS) {
    this.#limit = limit;
  }

  keep(article: Article, element: string): void {
    if (this.#chars + element.length > this.#limit || this.#elements.has(article)) return;
    this.#elements.set(article, element);
    this.#chars += element.length;
  }

  take(article: Article): string | undefined {
    const element = this.#elements.get(article);
    if (element !== undefined) {
      this.#elements.delete(article);
      this.#chars -= element.length;
    }
    return element;
  }

  clear(): void {
    this.#elements.clear();
    this.#chars = 0;
  }
}

/** At most this many characters of article elements are kept for the page render (about 32 MB). */
export const ELEMENT_CACHE_CHARS = 32 * 2 ** 20;

/** One cache per build's site context, shared by its two renderers. */
const elementCaches = new WeakMap<SiteContext, ArticleElements>();

function elementCacheOf(site: SiteContext): ArticleElements {
  let cache = elementCaches.get(site);
  if (!cache) {
    cache = new ArticleElements();
    elementCaches.set(site, cache);
  }
  return cache;
}

/**
 * Drops the elements kept for pages not rendered after all (a part fed from kept pages, a page
 * Eleventy left out): called when the render ends.
 */
export function releaseArticleElements(site: SiteContext): void {
  elementCaches.get(site)?.clear();
}

/** Renders an article's page, reusing its element when the search index rendered it first. */
export function createArticlePageRenderer(site: SiteContext): (article: Article) => string {
  const markdown = createMarkdownRenderer().use(headingAnchors);
  const cache = elementCacheOf(site);
  return (article) => {
    const kept = cache.take(article);
    return renderArticlePage(site, article, kept === undefined ? renderArticleElement(site, article, markdown.render(article.body)) : trusted(kept));
  };
}

/**
 * Renders what the search index reads of an article's page (`indexedContent`: the page's
 * language and its article element), without the rest of the page, so the index stage can
 * render it ahead of Eleventy at less cost. The page's `<html lang>` is the article's language
 * (renderArticlePage); the index stage checks every fed page against the page Eleventy renders.
 * The element is kept for the page's render (`ArticleElements`).
 */
export function createIndexedArticleRenderer(site: SiteContext): (article: Article) => string {
  const markdown = createMarkdownRenderer().use(headingAnchors);
  const cache = elementCacheOf(site);
  return (article) => {
    const element = renderArticleElement(site, article, markdown.render(article.body));
    cache.keep(article, element.value);
    return indexedContent(html`<html lang="${article.language}">${element}`.value);
  };
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
    site.index.termsOf(article).map((term) => [term.kind, term.name, term.url, term.hasPage, term.language ?? null]),
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
