// The date archive: /archive/, /archive/YYYY/, /archive/YYYY/MM/ (paginated). The index shows
// the whole archive and is always rendered; year and month pages are list pages, each rendered
// from the data computed for it here once per build.

import { renderArchiveIndex, renderMonthPage, renderYearPage, type MonthPageData, type YearPageData } from '../../../layouts/archive.ts';
import type { CalendarMonth } from '../../../layouts/partials/calendar.ts';
import { dayAnchor, groupByDate, monthPath, yearPath, type ArchiveMonth } from '../archive-dates.ts';
import type { SitePlugin } from '../eleventy-types.ts';
import type { SiteContext } from '../site-context.ts';
import { addListTemplate, type ListPage } from './list-template.ts';

/** Splits a month's articles into pages of `pageSize`, keeping them grouped by day. */
function paginateMonth(month: ArchiveMonth, pageSize: number): Array<Omit<MonthPageData, 'calendar'>> {
  const flat = month.days.flatMap((day) => day.articles.map((article) => ({ day: day.day, article })));
  const pageCount = Math.max(1, Math.ceil(flat.length / pageSize));
  const pagePaths = Array.from({ length: pageCount }, (_, index) => monthPath(month.year, month.month, index));
  const pages: Array<Omit<MonthPageData, 'calendar'>> = [];
  for (let index = 0; index < pageCount; index++) {
    const days: MonthPageData['days'] = [];
    for (const { day, article } of flat.slice(index * pageSize, (index + 1) * pageSize)) {
      const last = days.at(-1);
      if (last?.day === day) last.articles.push(article);
      else days.push({ day, articles: [article] });
    }
    pages.push({ pageIndex: index, pagePaths, days });
  }
  return pages;
}

/** What the year and month pages show (only this: it is each page's fingerprint). */
export function archivePageList(site: SiteContext): { years: Array<ListPage<YearPageData>>; months: Array<ListPage<MonthPageData>> } {
  const years: Array<ListPage<YearPageData>> = [];
  const months: Array<ListPage<MonthPageData>> = [];
  for (const year of groupByDate(site.articles, site.config.timeZone)) {
    const calendars: CalendarMonth[] = [];
    for (const month of year.months) {
      const pages = paginateMonth(month, site.config.pageSize);
      // A calendar day links to the first page of its month that lists it.
      const linkTo = (day: number) => {
        const page = pages.find((candidate) => candidate.days.some((entry) => entry.day === day))!;
        return `${page.pagePaths[page.pageIndex]}#${dayAnchor(day)}`;
      };
      const calendar: CalendarMonth = {
        year: month.year,
        month: month.month,
        count: month.count,
        days: month.days.map((day) => ({ day: day.day, count: day.articles.length, link: linkTo(day.day) })),
      };
      calendars.push(calendar);
      for (const page of pages) months.push({ path: page.pagePaths[page.pageIndex]!, data: { calendar, ...page } });
    }
    years.push({ path: yearPath(year.year), data: { year: year.year, count: year.count, months: calendars } });
  }
  return { years, months };
}

export const archivePages: SitePlugin = (eleventyConfig, site) => {
  eleventyConfig.addTemplate('archive.11ty.js', {
    data: { permalink: '/archive/index.html', eleventyExcludeFromCollections: true },
    render: () => renderArchiveIndex(site, groupByDate(site.articles, site.config.timeZone)),
  });
  const { years, months } = archivePageList(site);
  addListTemplate(eleventyConfig, site, 'archive-year.11ty.js', years, (data) => renderYearPage(site, data));
  addListTemplate(eleventyConfig, site, 'archive-month.11ty.js', months, (data) => renderMonthPage(site, data));
};
