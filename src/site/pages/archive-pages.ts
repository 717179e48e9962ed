// The date archive: /archive/, /archive/YYYY/, /archive/YYYY/MM/ (paginated), each a page of
// one paginated virtual template over a list of page descriptions computed once per build.

import { renderArchiveIndex, renderMonthPage, renderYearPage, type MonthPage } from '../../../layouts/archive.ts';
import { dayAnchor, groupByDate, monthPath, yearPath, type ArchiveMonth } from '../archive-dates.ts';
import type { EleventyPageData, SitePlugin } from '../eleventy-types.ts';
import type { SiteContext } from '../site-context.ts';

interface ArchivePage {
  path: string;
  render(): string;
}

/** Splits a month's articles into pages of `pageSize`, keeping them grouped by day. */
function paginateMonth(month: ArchiveMonth, pageSize: number): MonthPage[] {
  const flat = month.days.flatMap((day) => day.articles.map((article) => ({ day: day.day, article })));
  const pageCount = Math.max(1, Math.ceil(flat.length / pageSize));
  const pagePaths = Array.from({ length: pageCount }, (_, index) => monthPath(month.year, month.month, index));
  const pages: MonthPage[] = [];
  for (let index = 0; index < pageCount; index++) {
    const days: MonthPage['days'] = [];
    for (const { day, article } of flat.slice(index * pageSize, (index + 1) * pageSize)) {
      const last = days.at(-1);
      if (last?.day === day) last.articles.push(article);
      else days.push({ day, articles: [article] });
    }
    pages.push({ month, pageIndex: index, pagePaths, days });
  }
  return pages;
}

export function archivePageList(site: SiteContext): ArchivePage[] {
  const years = groupByDate(site.articles, site.config.timeZone);
  const pages: ArchivePage[] = [{ path: '/archive/', render: () => renderArchiveIndex(site, years) }];
  const monthPages = new Map<ArchiveMonth, MonthPage[]>();
  for (const year of years) for (const month of year.months) monthPages.set(month, paginateMonth(month, site.config.pageSize));
  // A calendar day links to the first page of its month that lists it.
  const dayLink = (month: ArchiveMonth, day: number) => {
    const page = monthPages.get(month)!.find((candidate) => candidate.days.some((entry) => entry.day === day))!;
    return `${page.pagePaths[page.pageIndex]}#${dayAnchor(day)}`;
  };
  for (const year of years) {
    pages.push({ path: yearPath(year.year), render: () => renderYearPage(site, year, dayLink) });
    for (const month of year.months) {
      for (const page of monthPages.get(month)!) {
        pages.push({ path: page.pagePaths[page.pageIndex]!, render: () => renderMonthPage(site, page, (day) => dayLink(month, day)) });
      }
    }
  }
  return pages;
}

export const archivePages: SitePlugin = (eleventyConfig, site) => {
  const pages = archivePageList(site);
  eleventyConfig.addTemplate('archive.11ty.js', {
    data: {
      archivePages: pages.map((page, index) => ({ path: page.path, index })),
      pagination: { data: 'archivePages', size: 1, alias: 'archivePage' },
      permalink: (data: EleventyPageData) => `${(data.archivePage as { path: string }).path}index.html`,
      eleventyExcludeFromCollections: true,
    },
    render(data) {
      return pages[(data.archivePage as { index: number }).index]!.render();
    },
  });
};
