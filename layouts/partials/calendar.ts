// A month as a calendar table (weeks from Monday) where days with articles are links: the
// no-JavaScript calendar view of the date archive.

import { DateTime, Info } from 'luxon';
import { html, type SafeHtml } from '../../src/site/html.ts';
import type { ArchiveMonth } from '../../src/site/archive-dates.ts';
import type { SiteContext } from '../../src/site/site-context.ts';

export function renderCalendar(
  site: SiteContext,
  month: ArchiveMonth,
  dayLink: (day: number) => string,
  options: { compact?: boolean; captionLink?: string } = {},
): SafeHtml {
  const locale = site.config.language;
  const first = DateTime.fromObject({ year: month.year, month: month.month, day: 1 }, { zone: site.config.timeZone, locale });
  const counts = new Map(month.days.map((day) => [day.day, day.articles.length]));
  const longNames = Info.weekdays('long', { locale });
  const shortNames = Info.weekdays(options.compact ? 'narrow' : 'short', { locale });
  const cells: Array<number | undefined> = [...Array<undefined>(first.weekday - 1).fill(undefined)];
  for (let day = 1; day <= (first.daysInMonth ?? 31); day++) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(undefined);
  const weeks: Array<Array<number | undefined>> = [];
  for (let index = 0; index < cells.length; index += 7) weeks.push(cells.slice(index, index + 7));
  const caption = first.toFormat('LLLL yyyy');
  const cell = (day: number | undefined) => {
    if (day === undefined) return html`<td></td>`;
    const count = counts.get(day);
    if (count === undefined) return html`<td>${day}</td>`;
    return html`<td class="has-articles"><a href="${site.url(dayLink(day))}">${day}<span class="visually-hidden">: ${count} ${count === 1 ? 'article' : 'articles'}</span></a></td>`;
  };
  return html`<table class="calendar${options.compact ? ' calendar-compact' : ''}">
<caption>${options.captionLink ? html`<a href="${site.url(options.captionLink)}">${caption}</a>` : caption}${html` <span class="calendar-count">(${month.count})</span>`}</caption>
<thead><tr>${shortNames.map((name, index) => html`<th scope="col"><abbr title="${longNames[index] ?? name}">${name}</abbr></th>`)}</tr></thead>
<tbody>
${weeks.map((week) => html`<tr>${week.map(cell)}</tr>\n`)}</tbody>
</table>`;
}
