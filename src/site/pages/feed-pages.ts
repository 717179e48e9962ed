// Atom and JSON feeds: /feed.xml and /feed.json for the whole archive, /feeds/<section>.xml and
// .json for each section.

import { SITE_FEEDS } from '../../../layouts/base.ts';
import { closeBidi, isolateBidi } from '../bidi.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import { dominantLanguage, FEED_LIMIT, renderAtomFeed, renderFeedEntryContent, renderJsonFeed, type FeedSpec } from '../feeds.ts';
import type { Article } from '../load-articles.ts';
import { createMarkdownRenderer } from '../markdown.ts';
import { siteFingerprints } from '../page-fingerprint.ts';
import { sectionFeedPaths, sectionTermOf, summariseSections } from '../sections.ts';
import type { SiteContext } from '../site-context.ts';

export function feedSpecs(site: SiteContext): FeedSpec[] {
  const whole: FeedSpec = {
    title: closeBidi(site.config.title),
    description: site.config.description,
    atomPath: SITE_FEEDS.atom,
    jsonPath: SITE_FEEDS.json,
    homePath: '/',
    articles: site.articles,
    language: site.config.language,
  };
  const sections = summariseSections(site.articles).flatMap((section): FeedSpec[] => {
    // A section's feeds stand for its page and are named by its slug: no page, no feeds.
    const page = sectionTermOf(site, section.name);
    if (!page) return [];
    const paths = sectionFeedPaths(page);
    return [
      {
        title: `${closeBidi(site.config.title)}: ${isolateBidi(section.name)}`,
        description: `Articles in the section “${section.name}” of ${site.config.title}.`,
        atomPath: paths.atom,
        jsonPath: paths.json,
        // The section's page: the feed's alternate link and, in Atom, its id, which must be its own.
        homePath: page.url,
        articles: section.articles,
        language: dominantLanguage(section.articles.slice(0, FEED_LIMIT), site.config.language),
      },
    ];
  });
  return [whole, ...sections];
}

/**
 * The fingerprint of what a feed document is made from besides the code and the configuration
 * (the site fingerprint): its spec, its entries as lists show them, their bodies by hash, and the
 * archive's newest date (an empty feed's update time).
 */
export function feedInputs(site: SiteContext, spec: FeedSpec, documentPath: string): string {
  const entries = spec.articles.slice(0, FEED_LIMIT);
  const { articles: _all, ...described } = spec;
  return siteFingerprints(site).page({ documentPath, ...described, entries, bodies: entries.map((article) => article.bodyHash), newest: site.articles[0]?.date ?? null });
}

export const feedPages: SitePlugin = (eleventyConfig, site) => {
  const markdown = createMarkdownRenderer();
  const bodies = new Map<Article, string>();
  const renderBody = (article: Article) => {
    let body = bodies.get(article);
    if (body === undefined) bodies.set(article, (body = renderFeedEntryContent(markdown, site, article)));
    return body;
  };
  const all = feedSpecs(site).flatMap((spec) => [
    { path: spec.atomPath, spec, render: () => renderAtomFeed(site, spec, renderBody) },
    { path: spec.jsonPath, spec, render: () => renderJsonFeed(site, spec, renderBody) },
  ]);
  // A rebuild keeps a feed made from the same articles, as it keeps list pages: rendering one
  // reads and renders the bodies of fifty articles, a quarter of a second for the lot at 10,000.
  const output = site.output;
  const documents = output ? all.filter((document) => !output.keepPage(document.path.replace(/^\//, ''), feedInputs(site, document.spec, document.path))) : all;
  eleventyConfig.addTemplate('feeds.11ty.js', {
    data: {
      feedDocuments: documents.map((document, index) => ({ path: document.path, index })),
      pagination: { data: 'feedDocuments', size: 1, alias: 'feedDocument' },
      permalink: (data: EleventyPageData) => (data.feedDocument as { path: string }).path,
      eleventyExcludeFromCollections: true,
    },
    render(data) {
      return documents[(data.feedDocument as { index: number }).index]!.render();
    },
  });
};
