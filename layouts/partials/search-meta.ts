// Pagefind metadata, filters and sort keys for an article page, as hidden elements inside the
// indexed region. (Filled in by the search work, issue 6.)

import { html, type SafeHtml } from '../../src/site/html.ts';
import type { Article } from '../../src/site/load-articles.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

export function renderSearchMeta(_site: SiteContext, _article: Article): SafeHtml {
  return html``;
}
