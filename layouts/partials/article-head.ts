// Extra <head> elements for an article page: Open Graph, Twitter, citation_* and NewsArticle
// JSON-LD. (Filled in by the website work, issue 5.)

import { html, type SafeHtml } from '../../src/site/html.ts';
import type { Article } from '../../src/site/load-articles.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

export function renderArticleHead(_site: SiteContext, _article: Article): SafeHtml {
  return html``;
}
