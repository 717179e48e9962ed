// The links that tie an article into the archive: section, tags, people, organisations, places,
// related articles, previous and next. (Filled in by the linking work, issue 4.)

import { html, type SafeHtml } from '../../src/site/html.ts';
import type { Article } from '../../src/site/load-articles.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

export function renderArticleLinks(_site: SiteContext, _article: Article): SafeHtml {
  return html``;
}
