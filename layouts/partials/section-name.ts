// A section's name as a link to its section page (from the linking index), or as plain text
// when the section has no page.

import { html, type SafeHtml } from '../../src/site/html.ts';
import { sectionTermOf } from '../../src/site/sections.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

/** The site path of a section's page, if it has one. */
export function sectionPageOf(site: SiteContext, name: string): string | undefined {
  return sectionTermOf(site, name)?.url;
}

export function renderSectionName(site: SiteContext, name: string): SafeHtml {
  return renderSectionLink(site, name, sectionPageOf(site, name));
}

/** A section's name, linked to `page` (its site path) when it has one. */
export function renderSectionLink(site: SiteContext, name: string, page: string | undefined): SafeHtml {
  return page ? html`<a href="${site.url(page)}"><bdi>${name}</bdi></a>` : html`<bdi>${name}</bdi>`;
}
