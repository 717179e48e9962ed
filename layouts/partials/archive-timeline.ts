// The home page's compact timeline of the archive's coverage, and the ways into the taxonomy.

import { renderCoverageChart, type CoverageBar } from '../../src/site/charts/coverage-chart.ts';
import { html, type SafeHtml } from '../../src/site/html.ts';
import { TERM_KINDS, type TermKind } from '../../src/site/indexes/terms.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

export interface ArchiveTimeline {
  unit: string;
  /** Articles per bucket of the archive's time axis, each linking to its date archive page. */
  bars: CoverageBar[];
  /** The kinds of term that have pages, in display order. */
  kinds: TermKind[];
}

export function renderArchiveTimeline(site: SiteContext, { unit, bars, kinds }: ArchiveTimeline): SafeHtml {
  return html`<section class="archive-overview" aria-label="The archive at a glance">
${renderCoverageChart(site, {
  id: 'home-timeline',
  caption: `Articles per ${unit}`,
  variant: 'timeline',
  bars,
})}
${kinds.length > 0
  ? html`<nav class="browse-kinds" aria-label="Browse the archive"><ul>${kinds.map((kind) => html`<li><a href="${site.url(`/${TERM_KINDS[kind].segment}/`)}">${TERM_KINDS[kind].plural}</a></li>`)}</ul></nav>`
  : ''}
</section>`;
}
