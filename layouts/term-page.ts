// A person, organisation, place, tag or section: its coverage over time, the entities most often
// mentioned with it, and its articles newest first, paginated.

import { renderCoverageChart } from '../src/site/charts/coverage-chart.ts';
import { html } from '../src/site/html.ts';
import { TERM_KINDS, type Term } from '../src/site/indexes/terms.ts';
import type { Article } from '../src/site/load-articles.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { renderArticleList, renderPagination } from './article-list.ts';
import { renderBase } from './base.ts';

const plural = (n: number) => `${n.toLocaleString('en')} article${n === 1 ? '' : 's'}`;

export function renderTermPage(site: SiteContext, term: Term, articles: Article[], pagePaths: string[], pageIndex: number): string {
  const kind = TERM_KINDS[term.kind];
  const first = pageIndex === 0;
  const counts = site.index.coverage(term);
  const companions = first ? site.index.companions(term) : [];
  const main = html`<p class="term-kind"><a href="${site.url(`/${kind.segment}/`)}">${kind.plural}</a></p>
<h1>${term.name}${first ? '' : html` <span class="term-page-number">(page ${pageIndex + 1})</span>`}</h1>
<p class="term-count">${plural(term.articles.length)}, newest first.</p>
${first
  ? renderCoverageChart(site, {
      id: 'term-coverage',
      caption: `Articles per ${site.index.axis.unit} about ${term.name}`,
      variant: 'small',
      bars: site.index.axis.buckets.map((bucket, i) => ({ label: bucket.label, count: counts[i] ?? 0 })),
    })
  : ''}
${companions.length > 0
  ? html`<section class="companions" aria-labelledby="companions-heading">
<h2 id="companions-heading">Often mentioned with</h2>
<ol class="companion-list">${companions.map(
      (companion) => html`<li><a href="${site.url(companion.term.url)}">${companion.term.name}</a> <span class="companion-count">${TERM_KINDS[companion.term.kind].singular.toLowerCase()}, together in ${plural(companion.count)}</span></li>`,
    )}</ol>
</section>`
  : ''}
<h2 class="visually-hidden">Articles</h2>
${renderArticleList(site, articles)}
${renderPagination(site, pagePaths, pageIndex)}`;
  return renderBase(
    site,
    {
      title: first ? `${term.name} (${kind.singular.toLowerCase()})` : `${term.name} (${kind.singular.toLowerCase()}), page ${pageIndex + 1}`,
      description: `${plural(term.articles.length)} in ${site.config.title} about ${term.name}.`,
      path: pagePaths[pageIndex] ?? term.url,
    },
    main,
  );
}
