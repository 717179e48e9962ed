// The index of one kind of term (people, organisations, places, tags, sections) with article
// counts, A–Z grouped by initial or ranked by count; long indexes are split into pages.

import { html } from '../src/site/html.ts';
import { formatNumber } from '../src/site/counts.ts';
import { TERM_KINDS, type Term, type TermKind } from '../src/site/indexes/terms.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { termLang } from './partials/term-links.ts';
import { renderBase } from './base.ts';

export interface TermIndexPage {
  kind: TermKind;
  order: 'name' | 'count';
  terms: Term[];
  /** Site paths of every page of this index in this order. */
  pagePaths: string[];
  pageIndex: number;
  /** Terms of the kind with pages, in all pages. */
  total: number;
  /** Rank of the first term on this page (1 on the first page). */
  firstRank: number;
}

const initialOf = (name: string) => {
  const letter = name.normalize('NFKD').charAt(0).toUpperCase();
  return /\p{L}/u.test(letter) ? letter : '#';
};

/** An id for an initial's section: ASCII only, so any script's initial is a valid id. */
function letterId(letter: string): string {
  if (letter === '#') return 'letter-other';
  return /^[A-Za-z0-9]$/.test(letter) ? `letter-${letter}` : `letter-u${letter.codePointAt(0)!.toString(16)}`;
}

export function renderTermIndex(site: SiteContext, page: TermIndexPage): string {
  const kind = TERM_KINDS[page.kind];
  const base = `/${kind.segment}/`;
  // The name isolated: a count after a right-to-left name would join its run and be drawn before it.
  const item = (term: Term) => html`<li><a href="${site.url(term.url)}"${termLang(site, term)}><bdi>${term.name}</bdi></a> <span class="term-index-count">${formatNumber(term.articles.length)}</span></li>`;
  const groups = new Map<string, Term[]>();
  if (page.order === 'name') {
    for (const term of page.terms) {
      const letter = initialOf(term.name);
      groups.set(letter, [...(groups.get(letter) ?? []), term]);
    }
  }
  // An initial is spoken in the language of the names under it, when they share one.
  const letterLang = (letter: string) => {
    const terms = groups.get(letter)!;
    return terms.every((term) => term.language === terms[0]!.language) ? termLang(site, terms[0]) : html``;
  };
  const previous = page.pageIndex > 0 ? page.pagePaths[page.pageIndex - 1] : undefined;
  const next = page.pageIndex < page.pagePaths.length - 1 ? page.pagePaths[page.pageIndex + 1] : undefined;
  const main = html`<h1>${kind.plural}</h1>
<p class="term-index-intro">${formatNumber(page.total)} ${kind.plural.toLowerCase()} with their number of articles${
    ['person', 'organization', 'place'].includes(page.kind) && site.config.minArticlesForEntityPage > 1
      ? ` (those in at least ${site.config.minArticlesForEntityPage} articles)`
      : ''
  }.</p>
<nav class="term-index-orders" aria-label="Order">
${page.order === 'name' ? html`<strong aria-current="page">A–Z</strong>` : html`<a href="${site.url(base)}">A–Z</a>`} ·
${page.order === 'count' ? html`<strong aria-current="page">By number of articles</strong>` : html`<a href="${site.url(`${base}by-count/`)}">By number of articles</a>`}
</nav>
${page.order === 'name'
  ? html`${groups.size > 1 ? html`<nav class="term-index-letters" aria-label="Initials"><ul>${[...groups.keys()].map((letter) => html`<li><a href="#${letterId(letter)}"${letterLang(letter)}>${letter}</a></li>`)}</ul></nav>` : ''}
${[...groups.entries()].map(([letter, terms]) => html`<section class="term-index-group" aria-labelledby="${letterId(letter)}"><h2 id="${letterId(letter)}"${letterLang(letter)}>${letter}</h2><ul class="term-index-list">${terms.map(item)}</ul></section>`)}`
  : html`<ol class="term-index-list term-index-ranked" start="${page.firstRank}">${page.terms.map(item)}</ol>`}
${page.pagePaths.length > 1
  ? html`<nav class="pagination" aria-label="Pages">
${previous ? html`<a rel="prev" href="${site.url(previous)}">Previous page</a>` : ''}
<span>Page ${page.pageIndex + 1} of ${page.pagePaths.length}</span>
${next ? html`<a rel="next" href="${site.url(next)}">Next page</a>` : ''}
</nav>`
  : ''}`;
  return renderBase(
    site,
    {
      title: page.order === 'name' ? kind.plural : `${kind.plural} by number of articles`,
      description: `${kind.plural} in ${site.config.title}, with their number of articles.`,
      path: page.pagePaths[page.pageIndex] ?? base,
    },
    main,
  );
}
