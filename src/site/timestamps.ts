// The one form of an article's date in everything machines read: Atom, JSON Feed, the sitemap,
// JSON-LD. RFC 3339 (and W3C Datetime, ISO 8601) with the date's own offset, never turned to UTC.

import { FixedOffsetZone, type DateTime } from 'luxon';

/**
 * `date` as RFC 3339 in its own offset (`9999-12-31T23:00:00-05:00`). Converting to UTC would move
 * an article of 31 December 9999 in a zone west of Greenwich into the year 10000, which no
 * four-digit year can hold (and one of 1 January 0001 east of it into the year 0, which XML Schema
 * refuses); in its own offset the year is the one the article file gives, always 0001–9999
 * (load-articles.ts refuses the rest), and the instant is exact.
 *
 * Before standard time a zone's offset was local mean time, with seconds (New York −4:56:02 until
 * 1883), and an RFC 3339 offset holds whole minutes only: luxon would write `-04:56`, naming an
 * instant two seconds from the article's. Such a date is written at its offset rounded up to the
 * minute, so the seconds move to the wall time (`1850-01-01T00:00:02-04:56`): the same instant, on
 * the same day for an article dated at midnight.
 */
export function rfc3339(date: DateTime): string {
  const text = Number.isInteger(date.offset) ? date.toISO({ suppressMilliseconds: true }) : date.setZone(FixedOffsetZone.instance(Math.ceil(date.offset))).toISO({ suppressMilliseconds: true });
  return text ?? '';
}

/**
 * A Date that the `feed` library writes as `rfc3339(date)`: it writes Atom's `<updated>` and
 * `<published>` with `toISOString()`, which is always UTC.
 */
export class Rfc3339Date extends Date {
  readonly #text: string;

  constructor(date: DateTime) {
    super(date.toMillis());
    this.#text = rfc3339(date);
  }

  override toISOString(): string {
    return this.#text;
  }
}
