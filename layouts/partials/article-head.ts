// Extra <head> elements for an article page: Open Graph article tags and citation_* tags for
// reference managers and scholarly indexes. (The NewsArticle JSON-LD is articleJsonLd below.)

import { closeBidi } from '../../src/site/bidi.ts';
import { html, type SafeHtml } from '../../src/site/html.ts';
import type { Article } from '../../src/site/load-articles.ts';
import type { SiteContext } from '../../src/site/site-context.ts';
import { rfc3339 } from '../../src/site/timestamps.ts';

export function renderArticleHead(site: SiteContext, article: Article): SafeHtml {
  const published = rfc3339(article.date);
  const local = article.date.setZone(site.config.timeZone);
  // Each value stands alone in a reference manager or an index's listing, beside other text:
  // direction controls it leaves open are closed (src/site/bidi.ts).
  return html`<meta property="article:published_time" content="${published}">
${article.section ? html`<meta property="article:section" content="${closeBidi(article.section)}">\n` : ''}${article.tags.map((tag) => html`<meta property="article:tag" content="${closeBidi(tag)}">\n`)}<meta name="citation_title" content="${closeBidi(article.title)}">
${article.authors.map((author) => html`<meta name="citation_author" content="${closeBidi(author)}">\n`)}<meta name="citation_publication_date" content="${local.toFormat('yyyy/MM/dd')}">
<meta name="citation_journal_title" content="${closeBidi(site.config.title)}">
<meta name="citation_language" content="${article.language}">
<meta name="citation_fulltext_html_url" content="${site.absoluteUrl(article.url)}">`;
}

/** schema.org NewsArticle for the article page. */
export function articleJsonLd(site: SiteContext, article: Article): Record<string, unknown> {
  const url = site.absoluteUrl(article.url);
  const publisher = { '@type': 'Organization', name: site.config.title, url: site.absoluteUrl('/') };
  const published = rfc3339(article.date);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    ...(article.subtitle ? { alternativeHeadline: article.subtitle } : {}),
    description: article.summary || article.title,
    datePublished: published,
    dateModified: article.updated ? rfc3339(article.updated) : published,
    author:
      article.authors.length > 0
        ? article.authors.map((name) => ({ '@type': 'Person', name }))
        : [{ '@type': 'Organization', name: article.source.name ?? site.config.title }],
    publisher,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    inLanguage: article.language,
    ...(article.section ? { articleSection: article.section } : {}),
    ...(article.tags.length > 0 ? { keywords: article.tags } : {}),
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    ...(article.source.url ? { isBasedOn: article.source.url } : {}),
  };
}
