// A section's name as a link to its section page (from the linking index), or as plain text
// when the section has no page.

import { html, type SafeHtml } from '../../src/site/html.ts';
import { sectionTermOf } from '../../src/site/sections.ts';
import type { SiteContext } from '../../src/site/site-context.ts';
import { termLang } from './term-links.ts';

/** The site path of a section's page, if it has one. */
export function sectionPageOf(site: SiteContext, name: string): string | undefined {
  return sectionTermOf(site, name)?.url;
}

export function renderSectionName(site: SiteContext, name: string): SafeHtml {
  const term = sectionTermOf(site, name);
  return renderSectionLink(site, name, term?.url, term?.language);
}

/** A section's name, linked to `page` (its site path) when it has one, in its `language` when known. */
export function renderSectionLink(site: SiteContext, name: string, page: string | undefined, language: string | undefined): SafeHtml {
  const lang = termLang(site, { language });
  return page ? html`<a href="${site.url(page)}"${lang}><bdi>${name}</bdi></a>` : html`<bdi${lang}>${name}</bdi>`;
}
