// The date archive: all years with counts, a year's months as calendars, and a month's days with
// their articles (paginated) under a calendar of the month.

import { DateTime } from 'luxon';
import { dayAnchor, monthPath, yearPath, type ArchiveYear } from '../src/site/archive-dates.ts';
import { formatCount, formatNumber } from '../src/site/counts.ts';
import { html, type SafeHtml } from '../src/site/html.ts';
import type { ListedArticle } from '../src/site/page-fingerprint.ts';
import { sequentialNav } from '../src/site/pages/stable-pagination.ts';
import { INTERFACE_LANGUAGE, siteTextLang } from '../src/site/interface-language.ts';
import type { SiteContext } from '../src/site/site-context.ts';
import { collectionPageJsonLd, neighbourPages, renderArticleList, renderPagination } from './article-list.ts';
import { renderBase } from './base.ts';
import { renderCalendar, type CalendarMonth } from './partials/calendar.ts';
import { renderCoverageChart } from '../src/site/charts/coverage-chart.ts';

function monthName(site: SiteContext, year: number, month: number): string {
  return DateTime.fromObject({ year, month, day: 1 }, { zone: site.config.timeZone, locale: INTERFACE_LANGUAGE }).toFormat('LLLL y');
}

const articles = (count: number) => formatCount(count, 'article');

function breadcrumbs(site: SiteContext, trail: Array<{ label: string; path: string }>): SafeHtml {
  return html`<nav class="breadcrumbs" aria-label="Breadcrumbs"><ol>
${trail.map((step, index) =>
  index === trail.length - 1
    ? html`<li><a href="${site.url(step.path)}" aria-current="page">${step.label}</a></li>`
    : html`<li><a href="${site.url(step.path)}">${step.label}</a></li>`,
)}
</ol></nav>`;
}

export function renderArchiveIndex(site: SiteContext, years: ArchiveYear[]): string {
  const total = years.reduce((sum, year) => sum + year.count, 0);
  const description = `${site.config.title} by date: ${articles(total)} in ${formatCount(years.length, 'year')}.`;
  const counts = site.index.coverage();
  const chart =
    total > 0
      ? renderCoverageChart(site, {
          id: 'archive-coverage',
          caption: `Articles per ${site.index.axis.unit}; each bar links to its ${site.index.axis.unit}'s page`,
          variant: 'full',
          bars: site.index.axis.buckets.map((bucket, i) => ({ label: bucket.label, count: counts[i] ?? 0, href: bucket.href })),
        })
      : '';
  const main = html`<h1>Archive by date</h1>
<p><bdi${siteTextLang(site.config, 'title')}>${site.config.title}</bdi> by date: ${articles(total)} in ${formatCount(years.length, 'year')}.</p>
${chart}
<ul class="archive-years">
${years.map(
  (year) => html`<li><h2><a href="${site.url(yearPath(year.year))}">${year.year}</a> <span class="count">${articles(year.count)}</span></h2>
<ul class="archive-months">${year.months.map(
    (month) => html`<li><a href="${site.url(monthPath(month.year, month.month))}">${monthName(site, month.year, month.month)}</a> <span class="count">(${formatNumber(month.count)})</span></li>`,
  )}</ul>
</li>
`,
)}</ul>`;
  return renderBase(
    site,
    {
      title: 'Archive by date',
      description,
      path: '/archive/',
      jsonLd: collectionPageJsonLd(site, 'Archive by date', description, '/archive/', []),
    },
    main,
  );
}

/** Everything a year's page shows besides what every page shows (see src/site/pages/list-template.ts). */
export interface YearPageData {
  year: number;
  count: number;
  /** Its months with articles, newest first. */
  months: CalendarMonth[];
}

export function renderYearPage(site: SiteContext, page: YearPageData): string {
  const path = yearPath(page.year);
  const description = `${site.config.title} in ${page.year}: ${articles(page.count)}.`;
  // Calendars run January to December, the way a year is read.
  const months = [...page.months].reverse();
  const main = html`${breadcrumbs(site, [
    { label: 'Archive', path: '/archive/' },
    { label: String(page.year), path },
  ])}
<h1>${page.year}</h1>
<p>${articles(page.count)}. Days with articles are links.</p>
<div class="calendar-grid">
${months.map((month) => renderCalendar(site, month, { compact: true, captionLink: monthPath(month.year, month.month) }))}
</div>`;
  return renderBase(site, { title: String(page.year), description, path, jsonLd: collectionPageJsonLd(site, String(page.year), description, path, []) }, main);
}

/** Everything a page of a month shows besides what every page shows (see src/site/pages/list-template.ts). */
export interface MonthPageData {
  /** The whole month, as its calendar shows it. */
  calendar: CalendarMonth;
  pageIndex: number;
  pagePaths: string[];
  /** This page's articles grouped by day, newest first. */
  days: Array<{ day: number; articles: ListedArticle[] }>;
}

export function renderMonthPage(site: SiteContext, page: MonthPageData): string {
  const { calendar: month, pageIndex, pagePaths } = page;
  const name = monthName(site, month.year, month.month);
  const path = pagePaths[pageIndex]!;
  const nav = sequentialNav(pagePaths, pageIndex);
  const title = pageIndex === 0 ? name : `${name}, page ${pageIndex + 1} of ${pagePaths.length}`;
  const description = `${site.config.title} in ${name}: ${articles(month.count)} on ${formatCount(month.days.length, 'day')}.`;
  const pageArticles = page.days.flatMap((day) => day.articles);
  const main = html`${breadcrumbs(site, [
    { label: 'Archive', path: '/archive/' },
    { label: String(month.year), path: yearPath(month.year) },
    { label: name, path: monthPath(month.year, month.month) },
  ])}
<h1>${title}</h1>
<p>${articles(month.count)}.</p>
<div class="month-grid">
${renderCalendar(site, month)}
<div class="month-days">
${page.days.map((day) => {
  const date = DateTime.fromObject({ year: month.year, month: month.month, day: day.day }, { zone: site.config.timeZone, locale: INTERFACE_LANGUAGE });
  return html`<section class="archive-day" aria-labelledby="${dayAnchor(day.day)}">
<h2 id="${dayAnchor(day.day)}"><time datetime="${date.toISODate() ?? ''}">${date.toFormat('cccc d LLLL y')}</time></h2>
${renderArticleList(site, day.articles, 3)}
</section>
`;
})}
${renderPagination(site, nav)}
</div>
</div>`;
  return renderBase(
    site,
    { title, description, path, ...neighbourPages(nav), jsonLd: collectionPageJsonLd(site, title, description, path, pageArticles) },
    main,
  );
}
