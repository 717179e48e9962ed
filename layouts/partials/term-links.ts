// A term as a link when it has a page, as plain text when it does not (one-off names).

import { html, type SafeHtml } from '../../src/site/html.ts';
import type { Term } from '../../src/site/indexes/terms.ts';
import { INTERFACE_LANGUAGE } from '../../src/site/interface-language.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

/**
 * ` lang="ar"` for a term whose name is in another language than the interface's (its articles all
 * are), so screen readers speak it in that language; nothing when that is unknown or the same.
 */
export function termLang(site: SiteContext, term: Pick<Term, 'language'> | undefined): SafeHtml {
  const language = term?.language;
  return language === undefined || language === INTERFACE_LANGUAGE ? html`` : html` lang="${language}"`;
}

export function renderTermName(site: SiteContext, term: Term): SafeHtml {
  return term.hasPage
    ? html`<a href="${site.url(term.url)}"${termLang(site, term)} dir="auto">${term.name}</a>`
    : html`<span${termLang(site, term)} dir="auto">${term.name}</span>`;
}

/** `Label: a, b, c` as a list, or nothing when there are no terms. */
export function renderTermList(site: SiteContext, label: string, terms: Term[]): SafeHtml {
  if (terms.length === 0) return html``;
  return html`<div class="term-group"><dt>${label}</dt><dd><ul class="term-list">${terms.map((term) => html`<li>${renderTermName(site, term)}</li>`)}</ul></dd></div>`;
}
