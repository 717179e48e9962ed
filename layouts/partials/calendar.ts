// A month as a calendar table (weeks from Monday) where days with articles are links: the
// no-JavaScript calendar view of the date archive.

import { DateTime, Info } from 'luxon';
import { formatCount, formatNumber } from '../../src/site/counts.ts';
import { html, type SafeHtml } from '../../src/site/html.ts';
import { INTERFACE_LANGUAGE } from '../../src/site/interface-language.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

/** A month as its calendar shows it. */
export interface CalendarMonth {
  year: number;
  month: number;
  /** Articles in the month. */
  count: number;
  /** The days with articles, newest first: how many, and the site path (with fragment) that lists them. */
  days: Array<{ day: number; count: number; link: string }>;
}

export function renderCalendar(site: SiteContext, month: CalendarMonth, options: { compact?: boolean; captionLink?: string } = {}): SafeHtml {
  const locale = INTERFACE_LANGUAGE;
  const first = DateTime.fromObject({ year: month.year, month: month.month, day: 1 }, { zone: site.config.timeZone, locale });
  const days = new Map(month.days.map((day) => [day.day, day]));
  const longNames = Info.weekdays('long', { locale });
  const shortNames = Info.weekdays(options.compact ? 'narrow' : 'short', { locale });
  const cells: Array<number | undefined> = [...Array<undefined>(first.weekday - 1).fill(undefined)];
  for (let day = 1; day <= (first.daysInMonth ?? 31); day++) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(undefined);
  const weeks: Array<Array<number | undefined>> = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  const caption = first.toFormat('LLLL y');
  const cell = (day: number | undefined) => {
    if (day === undefined) return html`<td></td>`;
    const listed = days.get(day);
    if (listed === undefined) return html`<td>${day}</td>`;
    const { count, link } = listed;
    return html`<td class="has-articles"><a href="${site.url(link)}">${day}<span class="visually-hidden">: ${formatCount(count, 'article')}</span></a></td>`;
  };
  return html`<table class="calendar${options.compact ? ' calendar-compact' : ''}">
<caption>${options.captionLink ? html`<a href="${site.url(options.captionLink)}">${caption}</a>` : caption}${html` <span class="calendar-count">(${formatNumber(month.count)})</span>`}</caption>
<thead><tr>${shortNames.map((name, index) => html`<th scope="col"><abbr title="${longNames[index] ?? name}">${name}</abbr></th>`)}</tr></thead>
<tbody>
${weeks.map((week) => html`<tr>${week.map(cell)}</tr>\n`)}</tbody>
</table>`;
}
