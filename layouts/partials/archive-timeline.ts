// The home page's compact timeline of the archive's coverage, and the ways into the taxonomy.

import { renderCoverageChart } from '../../src/site/charts/coverage-chart.ts';
import { html, type SafeHtml } from '../../src/site/html.ts';
import { TERM_KIND_ORDER, TERM_KINDS } from '../../src/site/indexes/terms.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

export function renderArchiveTimeline(site: SiteContext): SafeHtml {
  const counts = site.index.coverage();
  const kinds = TERM_KIND_ORDER.filter((kind) => site.index.pagesOfKind(kind).length > 0);
  return html`<section class="archive-overview" aria-label="The archive at a glance">
${renderCoverageChart(site, {
  id: 'home-timeline',
  caption: `Articles per ${site.index.axis.unit}`,
  variant: 'timeline',
  bars: site.index.axis.buckets.map((bucket, i) => ({ label: bucket.label, count: counts[i] ?? 0, href: bucket.href })),
})}
${kinds.length > 0
  ? html`<nav class="browse-kinds" aria-label="Browse the archive"><ul>${kinds.map((kind) => html`<li><a href="${site.url(`/${TERM_KINDS[kind].segment}/`)}">${TERM_KINDS[kind].plural}</a></li>`)}</ul></nav>`
  : ''}
</section>`;
}
