// The archive's time axis: one bucket per month from the oldest article to the newest, or per
// year when that is too many months to read. Every coverage chart uses the same axis.

import { DateTime } from 'luxon';
import { monthPath, yearPath } from '../archive-dates.ts';

/** Above this many months, charts count per year. */
export const MAX_MONTH_BUCKETS = 60;

export interface TimeBucket {
  /** `2025-10` or `2025`. */
  key: string;
  /** For readers and screen readers: `October 2025`, `2025`. */
  label: string;
  /** Site path of the date-archive page for the bucket: `/archive/2025/10/`, `/archive/2025/`. */
  href: string;
  year: number;
  /** 1–12 for months; undefined for years. */
  month?: number;
}

export interface TimeAxis {
  unit: 'month' | 'year';
  buckets: TimeBucket[];
  /** The bucket a date falls in (dates outside the axis are clamped to its ends). */
  bucketOf(date: DateTime): number;
}

const monthNumber = (date: DateTime) => date.year * 12 + (date.month - 1);

export function buildTimeAxis(dates: readonly DateTime[], zone: string, maxMonths = MAX_MONTH_BUCKETS): TimeAxis {
  if (dates.length === 0) return { unit: 'month', buckets: [], bucketOf: () => 0 };
  let first = Infinity;
  let last = -Infinity;
  for (const date of dates) {
    const month = monthNumber(date.setZone(zone));
    if (month < first) first = month;
    if (month > last) last = month;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  if (last - first + 1 <= maxMonths) {
    const buckets: TimeBucket[] = [];
    for (let m = first; m <= last; m++) {
      const year = Math.floor(m / 12);
      const month = (m % 12) + 1;
      buckets.push({
        key: `${year}-${pad(month)}`,
        label: DateTime.fromObject({ year, month }, { zone }).setLocale('en').toFormat('LLLL y'),
        href: monthPath(year, month),
        year,
        month,
      });
    }
    return {
      unit: 'month',
      buckets,
      bucketOf: (date) => Math.min(buckets.length - 1, Math.max(0, monthNumber(date.setZone(zone)) - first)),
    };
  }
  const firstYear = Math.floor(first / 12);
  const lastYear = Math.floor(last / 12);
  const buckets: TimeBucket[] = [];
  for (let year = firstYear; year <= lastYear; year++) buckets.push({ key: String(year), label: String(year), href: yearPath(year), year });
  return {
    unit: 'year',
    buckets,
    bucketOf: (date) => Math.min(buckets.length - 1, Math.max(0, date.setZone(zone).year - firstYear)),
  };
}
