// Coverage over time as inline SVG, drawn at build time with d3-scale and d3-shape: no script,
// colours from CSS (currentColor) so it follows light, dark and print, and the same numbers as
// a caption and a table for screen readers and for readers who want the figures.

import { scaleBand, scaleLinear } from 'd3-scale';
import { area, curveMonotoneX } from 'd3-shape';
import { formatCount, formatNumber } from '../counts.ts';
import { escapeHtml, html, trusted, type SafeHtml } from '../html.ts';
import type { SiteContext } from '../site-context.ts';

export interface CoverageBar {
  /** `October 2025`, `2025`. */
  label: string;
  count: number;
  /** Site path the bar links to (`/archive/2025/10/`); bars without one are not links. */
  href?: string;
}

export interface CoverageChartOptions {
  /** Unique on the page: prefixes the element ids. */
  id: string;
  /** What is counted, e.g. `Articles per month`; a name in it is in a `<bdi>` (the summary after it starts with a number). */
  caption: string | SafeHtml;
  bars: CoverageBar[];
  /** `full`: tall bars with axis labels; `small`: a short strip; `timeline`: a filled line. */
  variant?: 'full' | 'small' | 'timeline';
  /** Show the figures table open (for pages whose subject is the chart). */
  tableOpen?: boolean;
}

const WIDTH = 640;
// The drawing only: its labels are in SVGs of their own beside it (`.chart-counts`, `.chart-axis`).
const HEIGHTS = { full: 160, small: 58, timeline: 44 } as const;
const MARGIN = { top: 8, right: 4, bottom: 2, left: 4 };
const MAX_BAR = 48;
/**
 * Axis labels are drawn at the page's size (0.75rem), not scaled with the drawing, which a
 * 320 px screen shows at under half its size (11 units were 5 px). Which time labels fit is
 * decided for two widths of the drawing (`.chart-tick-narrow` under 32rem, `.chart-tick-wide` from
 * it; assets/site.css), from a generous width per character.
 */
const LABEL_PX = 13.5; // 0.75rem of the stylesheet's 18 px
const CHARACTER_PX = 0.64 * LABEL_PX; // digits of DejaVu Sans, the widest of the usual system fonts
const LABEL_GAP_PX = 6;
// A 320 px screen leaves the drawing about 260 px; from 32rem (576 px) the chart is at least 510.
const NARROW_PX = 240;
const WIDE_PX = 500;
const round = (n: number) => Math.round(n * 10) / 10;
const plural = (n: number) => formatCount(n, 'article');

/**
 * The one-sentence description a screen reader hears, derived from the same numbers as the table:
 * the periods with articles, never the empty ones that pad the axis to the archive's span (a
 * person in 2026 only, in an archive from 2015, is "2 articles in 2026."). The busiest period is
 * named when there are several with articles; when periods tie for it, all of them are named, up
 * to three, else how many there are.
 */
export function describeCoverage(bars: readonly CoverageBar[]): string {
  const withArticles = bars.filter((bar) => bar.count > 0);
  const first = withArticles[0];
  const last = withArticles[withArticles.length - 1];
  if (!first || !last) return 'No articles.';
  const total = withArticles.reduce((sum, bar) => sum + bar.count, 0);
  const span = first === last ? `in ${first.label}` : `from ${first.label} to ${last.label}`;
  if (withArticles.length === 1) return `${plural(total)} ${span}.`;
  const most = Math.max(...withArticles.map((bar) => bar.count));
  const peaks = withArticles.filter((bar) => bar.count === most).map((bar) => bar.label);
  const where =
    peaks.length === 1 ? `in ${peaks[0]!}`
    : peaks.length <= 3 ? `in each of ${peaks.slice(0, -1).join(', ')} and ${peaks[peaks.length - 1]!}`
    : `in each of ${peaks.length} periods`;
  return `${plural(total)} ${span}; the most, ${formatNumber(most)}, ${where}.`;
}

/** Candidates for an axis label: the first, the last, and evenly spaced ones between. */
function labelledIndexes(count: number, room: number): number[] {
  const step = Math.max(1, Math.ceil(count / room));
  const indexes = new Set<number>();
  if (count > 0) indexes.add(0).add(count - 1);
  for (let i = step; i < count - 1; i += step) indexes.add(i);
  return [...indexes];
}

interface TimeLabel {
  index: number;
  text: string;
  /** Where it is anchored, as a fraction of the drawing's width. */
  at: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * The most evenly spaced labels that fit beside each other on a drawing `widthPx` wide: of the
 * spacings for up to `room` labels, the one that keeps most (48 months at 240 px: the first, the
 * middle and the last, where a third of the way in would collide with both ends).
 */
function spacedLabels(count: number, room: number, widthPx: number, labelOf: (index: number) => TimeLabel): Set<number> {
  let best = new Set<number>();
  for (let tried = room; tried >= 1; tried--) {
    const fitting = fittingLabels(labelledIndexes(count, tried).map(labelOf), widthPx);
    if (fitting.size > best.size) best = fitting;
  }
  return best;
}

/** The labels of `candidates` that fit beside each other on a drawing `widthPx` wide, in their order. */
function fittingLabels(candidates: readonly TimeLabel[], widthPx: number): Set<number> {
  const taken: Array<[number, number]> = [];
  const fitting = new Set<number>();
  for (const label of candidates) {
    const width = label.text.length * CHARACTER_PX;
    const left = label.at * widthPx - (label.anchor === 'start' ? 0 : label.anchor === 'end' ? width : width / 2);
    if (taken.some(([from, to]) => left < to + LABEL_GAP_PX && left + width + LABEL_GAP_PX > from)) continue;
    taken.push([left, left + width]);
    fitting.add(label.index);
  }
  return fitting;
}

const percent = (fraction: number) => `${round(fraction * 100)}%`;

function shortLabel(label: string): string {
  const parts = label.split(' ');
  return parts.length === 2 ? `${parts[0]!.slice(0, 3)} ${parts[1]}` : label;
}

export function renderCoverageChart(site: SiteContext, options: CoverageChartOptions): SafeHtml {
  const variant = options.variant ?? 'full';
  const { bars } = options;
  const height = HEIGHTS[variant];
  const margin = variant === 'full' ? MARGIN : { ...MARGIN, top: 4 };
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  const x = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([margin.left, WIDTH - margin.right])
    .paddingInner(bars.length > 40 ? 0.1 : 0.2);
  const y = scaleLinear().domain([0, max]).nice().range([height - margin.bottom, margin.top]);
  const captionId = `${options.id}-caption`;
  const description = describeCoverage(bars);

  const parts: string[] = [];
  if (variant === 'timeline') {
    const step = bars.length > 1 ? (WIDTH - margin.left - margin.right) / (bars.length - 1) : 0;
    const shape = area<{ bar: CoverageBar; at: number }>()
      .x(({ at }) => (bars.length > 1 ? margin.left + at * step : WIDTH / 2))
      .y0(height - margin.bottom)
      .y1(({ bar }) => y(bar.count))
      .curve(curveMonotoneX)
      .digits(1);
    // Inside a run of empty periods the line lies flat on the base (the monotone curve's slope at
    // an empty period beside another is 0), so only a run's two ends are drawn: one article dated
    // 9999 in an archive of 2024 is 8,000 empty years, which drew half a megabyte of path.
    const empty = (i: number) => bars[i]!.count === 0;
    const kept = bars
      .map((bar, at) => ({ bar, at }))
      .filter(({ at }) => !empty(at) || at === 0 || at === bars.length - 1 || !empty(at - 1) || !empty(at + 1));
    const points = bars.length === 1 ? [kept[0]!, kept[0]!] : kept;
    parts.push(`<path class="chart-area" d="${shape(points) ?? ''}" fill="currentColor" fill-opacity="0.35" stroke="currentColor" stroke-width="1.5" vector-effect="non-scaling-stroke"/>`);
  } else {
    for (let i = 0; i < bars.length; i++) {
      const bar = bars[i]!;
      // A few buckets would make slabs: bars are at most MAX_BAR wide, centred in their column.
      const width = round(Math.max(0.5, Math.min(MAX_BAR, x.bandwidth())));
      const left = round(x(i)! + (x.bandwidth() - width) / 2);
      const top = round(y(bar.count));
      const barHeight = round(height - margin.bottom - top);
      const title = `${bar.label}: ${plural(bar.count)}`;
      const rect = bar.count > 0 ? `<rect x="${left}" y="${top}" width="${width}" height="${barHeight}" fill="currentColor"/>` : '';
      if (bar.href && bar.count > 0) {
        // The link covers the whole column, so short bars are easy to hit.
        parts.push(
          html`<a href="${site.url(bar.href)}" aria-label="${title}"><title>${title}</title><rect x="${left}" y="${margin.top}" width="${width}" height="${height - margin.bottom - margin.top}" fill="transparent"/>${trusted(rect)}</a>`.value,
        );
      } else if (rect) {
        parts.push(html`<g><title>${title}</title>${trusted(rect)}</g>`.value);
      }
    }
  }
  // Axis: a base line and, on full charts, gridlines at whole counts, labelled beside the drawing.
  const base = height - margin.bottom;
  parts.push(`<line x1="${margin.left}" x2="${WIDTH - margin.right}" y1="${base}" y2="${base}" stroke="currentColor" stroke-opacity="0.5" vector-effect="non-scaling-stroke"/>`);
  const counts: string[] = [];
  if (variant === 'full') {
    for (const tick of y.ticks(3)) {
      // Counts are whole: no "0.5" gridline when the busiest period has one article.
      if (tick === 0 || !Number.isInteger(tick)) continue;
      const at = round(y(tick));
      parts.push(`<line x1="${margin.left}" x2="${WIDTH - margin.right}" y1="${at}" y2="${at}" stroke="currentColor" stroke-opacity="0.15" vector-effect="non-scaling-stroke"/>`);
      counts.push(html`<text class="chart-label" x="100%" dx="-4" y="${percent(at / height)}" dy="0.35em" text-anchor="end">${formatNumber(tick)}</text>`.value);
    }
  }
  const room = variant === 'full' ? 8 : 4;
  const labelOf = (index: number): TimeLabel => {
    const centre =
      variant === 'timeline' && bars.length > 1
        ? margin.left + (index * (WIDTH - margin.left - margin.right)) / (bars.length - 1)
        : x(index)! + x.bandwidth() / 2;
    const anchor = bars.length === 1 ? 'middle' : index === 0 ? 'start' : index === bars.length - 1 ? 'end' : 'middle';
    const at = anchor === 'start' ? Math.max(margin.left, x(index)!) : anchor === 'end' ? Math.min(WIDTH - margin.right, x(index)! + x.bandwidth()) : centre;
    return { index, text: shortLabel(bars[index]!.label), at: at / WIDTH, anchor };
  };
  const narrow = spacedLabels(bars.length, 4, NARROW_PX, labelOf);
  const wide = spacedLabels(bars.length, room, WIDE_PX, labelOf);
  const times = [...new Set([...narrow, ...wide])]
    .sort((a, b) => a - b)
    .map((index) => {
      const label = labelOf(index);
      const tier = narrow.has(index) && wide.has(index) ? 'chart-label' : narrow.has(index) ? 'chart-label chart-tick-narrow' : 'chart-label chart-tick-wide';
      return html`<text class="${tier}" x="${percent(label.at)}" y="1em" text-anchor="${label.anchor}">${label.text}</text>`.value;
    });
  // The count labels' column is as wide as the longest, at the labels' size.
  const countsWidth = Math.ceil(Math.max(0, ...y.ticks(3).map((tick) => formatNumber(tick).length)) * CHARACTER_PX + 6);

  const linked = variant !== 'timeline' && bars.some((bar) => bar.href && bar.count > 0);
  const rows = bars.filter((bar) => bar.count > 0);
  const unit = options.caption;
  return html`<figure class="chart chart-${variant}" id="${options.id}">
<figcaption id="${captionId}"><span class="chart-title">${options.caption}</span> <span class="chart-summary">${description}</span></figcaption>
<div class="chart-plot">
${counts.length > 0 ? html`<svg class="chart-counts" xmlns="http://www.w3.org/2000/svg" width="${countsWidth}" aria-hidden="true">${trusted(counts.join(''))}</svg>
` : ''}<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" preserveAspectRatio="none"${trusted(linked ? '' : ` role="img" aria-labelledby="${escapeHtml(captionId)}"`)}>${trusted(parts.join(''))}</svg>
<svg class="chart-axis" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">${trusted(times.join(''))}</svg>
</div>
<details class="chart-data"${options.tableOpen ? trusted(' open') : ''}><summary>The figures</summary>
<table><caption>${unit}${rows.length < bars.length ? ' (periods not listed have none)' : ''}</caption>
<thead><tr><th scope="col">Period</th><th scope="col">Articles</th></tr></thead>
<tbody>${rows.map((bar) => html`<tr><th scope="row">${bar.label}</th><td>${formatNumber(bar.count)}</td></tr>`)}</tbody>
</table></details>
</figure>`;
}
