// A person, organisation, place, tag or section: its coverage over time, the entities most often
// mentioned with it, and its articles newest first, paginated.

import { isolateBidi } from '../src/site/bidi.ts';
import { renderCoverageChart } from '../src/site/charts/coverage-chart.ts';
import { formatCount } from '../src/site/counts.ts';
import { html } from '../src/site/html.ts';
import { TERM_KINDS, type Term } from '../src/site/indexes/terms.ts';
import type { ListedArticle } from '../src/site/page-fingerprint.ts';
import type { PageNav } from '../src/site/pages/stable-pagination.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { termLang } from './partials/term-links.ts';
import { collectionPageJsonLd, neighbourPages, renderArticleList, renderPagination } from './article-list.ts';
import { renderBase } from './base.ts';

const plural = (n: number) => formatCount(n, 'article');

/** A term as a link shows it. */
export type TermLink = Pick<Term, 'kind' | 'name' | 'url' | 'language'>;

/** Articles per bucket of the archive's time axis (labels shared by every page; counts a page's own). */
export interface CoverageData {
  unit: string;
  labels: readonly string[];
  counts: readonly number[];
}

/** Everything a term page shows besides what every page shows (see src/site/pages/list-template.ts). */
export interface TermPageData {
  term: TermLink;
  /** All the term's articles: on its first page only, so that its older pages never change. */
  articleCount: number | undefined;
  /** This page's articles. */
  articles: ListedArticle[];
  path: string;
  /** The page's number, 1 being the oldest; undefined for the term's own page (its newest articles). */
  number: number | undefined;
  nav: PageNav;
  /** First page only: the term's coverage and the entities most often mentioned with it. */
  coverage: CoverageData | undefined;
  companions: Array<{ term: TermLink; count: number }>;
  /** A section's own feeds (site paths), on every page of it; other kinds have none. */
  feeds: { atom: string; json: string } | undefined;
}

export function renderTermPage(site: SiteContext, page: TermPageData): string {
  const { term, articles, path, number, nav, companions, coverage, articleCount, feeds } = page;
  const kind = TERM_KINDS[term.kind];
  const first = number === undefined;
  const main = html`<p class="term-kind"><a href="${site.url(`/${kind.segment}/`)}">${kind.plural}</a></p>
<h1><bdi${termLang(site, term)}>${term.name}</bdi>${first ? '' : html` <span class="term-page-number">(page ${number})</span>`}</h1>
<p class="term-count">${articleCount === undefined ? html`Older articles, newest first; page 1 has the first ones.` : html`${plural(articleCount)}, newest first.`}${
    feeds ? html` Feeds of this section: <a href="${site.url(feeds.atom)}">Atom</a>, <a href="${site.url(feeds.json)}">JSON Feed</a>.` : ''
  }</p>
${coverage
  ? renderCoverageChart(site, {
      id: 'term-coverage',
      caption: html`Articles per ${coverage.unit} about <bdi${termLang(site, term)}>${term.name}</bdi>`,
      variant: 'small',
      bars: coverage.labels.map((label, i) => ({ label, count: coverage.counts[i] ?? 0 })),
    })
  : ''}
${companions.length > 0
  ? html`<section class="companions" aria-labelledby="companions-heading">
<h2 id="companions-heading">Often mentioned with</h2>
<ol class="companion-list">${companions.map(
      (companion) => html`<li><a href="${site.url(companion.term.url)}"${termLang(site, companion.term)}><bdi>${companion.term.name}</bdi></a> <span class="companion-count">${TERM_KINDS[companion.term.kind].singular.toLowerCase()}, together in ${plural(companion.count)}</span></li>`,
    )}</ol>
</section>`
  : ''}
<h2 class="visually-hidden">Articles</h2>
${renderArticleList(site, articles)}
${renderPagination(site, nav)}`;
  // The name is data (a tag, a section, a name found in articles) inside a plain-text title.
  const title = first ? `${isolateBidi(term.name)} (${kind.singular.toLowerCase()})` : `${isolateBidi(term.name)} (${kind.singular.toLowerCase()}), page ${number}`;
  const description = articleCount === undefined ? `Older articles in ${site.config.title} about ${term.name}, page ${number}.` : `${plural(articleCount)} in ${site.config.title} about ${term.name}.`;
  return renderBase(
    site,
    {
      title,
      description,
      path,
      jsonLd: collectionPageJsonLd(site, title, description, path, articles),
      ...neighbourPages(nav),
      // Titled as the feeds title themselves (src/site/pages/feed-pages.ts), for feed readers to offer.
      ...(feeds
        ? {
            feeds: [
              { title: `${isolateBidi(site.config.title)}: ${isolateBidi(term.name)} (Atom)`, path: feeds.atom, type: 'atom' as const },
              { title: `${isolateBidi(site.config.title)}: ${isolateBidi(term.name)} (JSON Feed)`, path: feeds.json, type: 'json' as const },
            ],
          }
        : {}),
    },
    main,
  );
}
