// Groups the archive by calendar year, month and day in the configured zone, once per build,
// for the date archive pages and their calendars. Linear in the number of articles.

import { yearSegment } from '../ingest/slug.ts';
import type { Article } from './load-articles.ts';

export interface ArchiveDay {
  day: number;
  /** Newest first. */
  articles: Article[];
}

export interface ArchiveMonth {
  year: number;
  month: number;
  count: number;
  /** Newest day first. */
  days: ArchiveDay[];
}

export interface ArchiveYear {
  year: number;
  count: number;
  /** Newest month first. */
  months: ArchiveMonth[];
}

const pad = (value: number) => String(value).padStart(2, '0');

export function yearPath(year: number): string {
  return `/archive/${yearSegment(year)}/`;
}

/** Page 1 of a month is /archive/YYYY/MM/, later pages /archive/YYYY/MM/page/N/. */
export function monthPath(year: number, month: number, pageIndex = 0): string {
  return `/archive/${yearSegment(year)}/${pad(month)}/${pageIndex === 0 ? '' : `page/${pageIndex + 1}/`}`;
}

/** The fragment id of a day's heading on its month page. */
export function dayAnchor(day: number): string {
  return `day-${pad(day)}`;
}

/** Articles (newest first) grouped by year, month and day in `zone`, newest first at every level. */
export function groupByDate(articles: Article[], zone: string): ArchiveYear[] {
  const years: ArchiveYear[] = [];
  for (const article of articles) {
    const local = article.date.setZone(zone);
    let year = years.at(-1);
    if (year?.year !== local.year) {
      year = { year: local.year, count: 0, months: [] };
      years.push(year);
    }
    let month = year.months.at(-1);
    if (month?.month !== local.month) {
      month = { year: local.year, month: local.month, count: 0, days: [] };
      year.months.push(month);
    }
    let day = month.days.at(-1);
    if (day?.day !== local.day) {
      day = { day: local.day, articles: [] };
      month.days.push(day);
    }
    day.articles.push(article);
    month.count++;
    year.count++;
  }
  return years;
}
