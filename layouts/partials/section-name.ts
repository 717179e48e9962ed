// A section's name as a link to its section page (from the linking index), or as plain text
// when the section has no page.

import { foldName } from '../../src/ingest/entities/entity-rules.ts';
import { html, type SafeHtml } from '../../src/site/html.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

const pagesBySite = new WeakMap<SiteContext, Map<string, string>>();

function sectionPages(site: SiteContext): Map<string, string> {
  let pages = pagesBySite.get(site);
  if (!pages) {
    pages = new Map(site.index.pagesOfKind('section').map((term) => [foldName(term.name), term.url]));
    pagesBySite.set(site, pages);
  }
  return pages;
}

export function renderSectionName(site: SiteContext, name: string): SafeHtml {
  const url = sectionPages(site).get(foldName(name));
  return url ? html`<a href="${site.url(url)}"><bdi>${name}</bdi></a>` : html`<bdi>${name}</bdi>`;
}
