// Atom and JSON feeds: /feed.xml and /feed.json for the whole archive, /feeds/<section>.xml and
// .json for each section.

import { SITE_FEEDS } from '../../../layouts/base.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import { renderAtomFeed, renderJsonFeed, type FeedSpec } from '../feeds.ts';
import type { Article } from '../load-articles.ts';
import { createMarkdownRenderer } from '../markdown.ts';
import { sectionFeedPaths, summariseSections } from '../sections.ts';
import type { SiteContext } from '../site-context.ts';

export function feedSpecs(site: SiteContext): FeedSpec[] {
  const whole: FeedSpec = {
    title: site.config.title,
    description: site.config.description,
    atomPath: SITE_FEEDS.atom,
    jsonPath: SITE_FEEDS.json,
    homePath: '/',
    articles: site.articles,
  };
  const sections = summariseSections(site.articles).map((section): FeedSpec => {
    const paths = sectionFeedPaths(section);
    return {
      title: `${site.config.title}: ${section.name}`,
      description: `Articles in the section “${section.name}” of ${site.config.title}.`,
      atomPath: paths.atom,
      jsonPath: paths.json,
      homePath: '/',
      articles: section.articles,
    };
  });
  return [whole, ...sections];
}

export const feedPages: SitePlugin = (eleventyConfig, site) => {
  const markdown = createMarkdownRenderer();
  const bodies = new Map<Article, string>();
  const renderBody = (article: Article) => {
    let body = bodies.get(article);
    if (body === undefined) bodies.set(article, (body = markdown.render(article.body)));
    return body;
  };
  const documents = feedSpecs(site).flatMap((spec) => [
    { path: spec.atomPath, render: () => renderAtomFeed(site, spec, renderBody) },
    { path: spec.jsonPath, render: () => renderJsonFeed(site, spec, renderBody) },
  ]);
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
