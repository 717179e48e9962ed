// Decides an article's date: sidecar, then a date in the text, then one in the file name, then
// the file's modification time. Every date is read in the configured zone when it has none, and
// written as ISO 8601 with its offset.

import { DateTime } from 'luxon';
import { ARABIC_MONTH_DATE, readArabicMonthDate } from './arabic-months.ts';
import { isBareDateline, isDateline } from './dateline.ts';
import { EUROPEAN_MONTH_DATE, readEuropeanMonthDate } from './european-months.ts';
import { CJK_DATE, eraDoubt, readCjkDate } from './cjk-dates.ts';
import { HIJRI_DATE, HIJRI_MONTH_NAMES, hijriToGregorian, readHijriDate } from './hijri.ts';
import { readSolarHijriDate, SOLAR_HIJRI_DATE, SOLAR_HIJRI_MONTHS_WRITTEN, solarHijriCalendar, solarHijriMonthName, solarHijriToGregorian } from './solar-hijri.ts';
import { WEEKDAYS } from './rules.ts';

export type DateSource = 'sidecar' | 'text' | 'filename' | 'file-mtime' | 'manual';

export interface ResolvedDate {
  iso: string;
  source: DateSource;
  /** 1-based source line, for dates found in the text. */
  line?: number;
  /** The date as the text writes it, for dates found in the text. */
  written?: string;
  /** The zone written with the date's time in the text (`PST`), when there is one. */
  zoneWord?: string;
}

export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

export function formatIsoDate(date: DateTime): string {
  return date.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

// Day, month and year in figures with one separator (`03/04/2024`, `3/4/2024`, `03.04.2024`,
// `03-04-2024`): Europe, the Middle East and most of the world write the day first. Exports often
// add a time (`25/12/2024 14:05`, `25/12/2024, 14:05:30`), read in the configured zone. The year
// may have two digits (`03/04/24`, `3.4.98`): see `expandTwoDigitYear`.
const NUMERIC_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:,?[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The year a two-digit year (`24`, `98`) stands for: the latest year ending in those digits that
 * is not after the year after the build's (a story filed in a zone ahead on New Year's Eve). In
 * 2026, `24` is 2024, `27` 2027 and `28` 1928; `98` is 1998.
 */
export function expandTwoDigitYear(twoDigits: number, now: number, zone: string): number {
  const latest = DateTime.fromMillis(now, { zone }).year + 1;
  return latest - ((((latest - twoDigits) % 100) + 100) % 100);
}

// A date with a month's name and a two-digit year (`3 June 24`, `June 3, '24`).
const WORD_DATE_TWO_DIGITS = new RegExp(`^((?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS})|(?:${MONTHS})\\s+\\d{1,2}(?:st|nd|rd|th)?,?)\\s+)'?(\\d{2})$`, 'i');

/** The two-digit year of a date (`"98"` in `3.4.98` or `3 June '98`); undefined for any other date. */
export function twoDigitYearOf(value: string): string | undefined {
  const text = value.trim();
  const year = NUMERIC_DATE.exec(text)?.[4] ?? WORD_DATE_TWO_DIGITS.exec(text)?.[2];
  return year?.length === 2 ? year : undefined;
}

/** A date with a two-digit year written with `year` in full (`3.4.98` → `3.4.1998`, `June 3, '24` → `June 3, 2024`). */
export function withFullYear(value: string, year: number): string {
  const text = value.trim();
  const full = String(year).padStart(4, '0');
  const words = WORD_DATE_TWO_DIGITS.exec(text);
  return words ? `${words[1]!}${full}` : text.replace(/^(\d{1,2}([/.-])\d{1,2}\2)\d{2}/, `$1${full}`);
}

function parseNumericDate(text: string, zone: string, now: number): DateTime {
  const match = NUMERIC_DATE.exec(text);
  if (!match) return DateTime.invalid('not a numeric date');
  const time = match[5] === undefined ? {} : { hour: Number(match[5]), minute: Number(match[6]), second: Number(match[7] ?? 0) };
  const year = match[4]!.length === 2 ? expandTwoDigitYear(Number(match[4]), now, zone) : Number(match[4]);
  // A date whose second number is no month is a day only month first, as American exports write
  // it (`03/14/2024`): read so, and named (`isMonthFirstOnly`).
  const [day, month] = isMonthFirstOnly(match) ? [Number(match[3]), Number(match[1])] : [Number(match[1]), Number(match[3])];
  return DateTime.fromObject({ year, month, day, ...time }, { zone });
}

/** Whether a day-first date in figures has no month (`03/14/2024`) but is a day month first. */
function isMonthFirstOnly(match: RegExpExecArray): boolean {
  return Number(match[3]) > 12 && Number(match[3]) <= 31 && Number(match[1]) >= 1 && Number(match[1]) <= 12;
}

/** For a date in figures that is a day only month first (`03/14/2024`), that day (`14 March 2024`); undefined otherwise. */
export function monthFirstOnlyReading(value: string, parsed: DateTime): string | undefined {
  const match = NUMERIC_DATE.exec(value.trim());
  return match && isMonthFirstOnly(match) ? parsed.toFormat('d MMMM yyyy', { locale: 'en' }) : undefined;
}

// Digits of other scripts that dates are written in: Arabic-Indic (`٢٠٢٤`), the Persian and Urdu
// forms (`۲۰۲۴`), Devanagari, Bengali and full-width (`２０２４`); each run's zero, in order.
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0xff10];
const OTHER_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\uff10-\uff19]/;
const OTHER_DIGITS = new RegExp(OTHER_DIGIT.source, 'g');

/**
 * `text` with the digits of other scripts written as ASCII ones (`٢٠٢٤-٠٦-٠٣` → `2024-06-03`): an
 * Arabic archive dates its articles so, and the formats below read ASCII digits only.
 */
export function withAsciiDigits(text: string): string {
  if (!OTHER_DIGIT.test(text)) return text;
  return text.replace(OTHER_DIGITS, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - DIGIT_ZEROS.find((zero) => code >= zero && code <= zero + 9)!);
  });
}

// A date and time with its offset in full (`1445-06-12T10:00:00+03:00`): an instant, as written.
const ISO_INSTANT = /^\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})\s*$/i;

/**
 * Whether a date in figures (`1445-06-12`, `١٤٤٥/١٢/٢٧`) is probably of the Hijri calendar (lunar,
 * or the solar one of Iran and Afghanistan) with no mark to say which (`هـ`): its year, read as a
 * Gregorian one, is one of theirs now (1300–1499), and no news was filed then. An instant written
 * in full with its offset is taken as written (a history archive's sidecar).
 */
export function isProbablyHijri(written: string, year: number): boolean {
  return year >= 1300 && year < 1500 && !/\p{L}{2}/u.test(written) && !ISO_INSTANT.test(written);
}

/** A date in figures that `isProbablyHijri` refuses, read as a lunar Hijri one: `d MMMM yyyy` by the Umm al-Qura calendar. */
export function asLunarHijri(written: string): string | undefined {
  const hijri = readHijriDate(`${withAsciiDigits(written.trim())} هـ`);
  const day = hijri && hijriToGregorian(hijri.year, hijri.month, hijri.day);
  return day && DateTime.fromObject(day).toFormat('d MMMM yyyy', { locale: 'en' });
}

// The Hijri date, then the Gregorian one it is (`25 شوال 1436 هـ الموافق 10 أغسطس 2015 م`, as
// the Saudi Press Agency dates its stories): the Gregorian one is read.
const CORRESPONDING = /\s*[،,]?\s*الموافق\s*/;
const AD_MARK = /\s*م$/;

/**
 * A date with an Arabic month's name (`15 يناير 2024`) or a Hijri date (`12 جمادى الآخرة 1445 هـ`,
 * `12 Jumada II 1445`, `1445/6/12 هـ`, read by the Umm al-Qura calendar); null when `text` is
 * neither, undefined when it is one but names no day (why: `dateDoubt`).
 */
function parseArabicOrHijri(text: string, zone: string): DateTime | undefined | null {
  const corresponding = CORRESPONDING.exec(text);
  if (corresponding) return parseArabicOrHijri(text.slice(corresponding.index + corresponding[0].length), zone) ?? parseNumericDate(text.slice(corresponding.index + corresponding[0].length).replace(AD_MARK, ''), zone, 0);
  const arabic = readArabicMonthDate(text.replace(AD_MARK, ''));
  if (arabic) return 'doubt' in arabic ? undefined : valid(DateTime.fromObject(arabic, { zone }));
  const hijri = readHijriDate(text);
  const solar = hijri ? undefined : readSolarHijriDate(text);
  if (!hijri && !solar) return null;
  const { year, month, day } = (hijri ?? solar)!;
  if (year >= FIRST_HIJRI_YEAR_TO_COME) return undefined;
  const gregorian = hijri ? hijriToGregorian(year, month, day) : solarHijriToGregorian(year, month, day);
  return gregorian && valid(DateTime.fromObject(gregorian, { zone }));
}

// The first Hijri year no news can be dated in yet (it begins in 2076, and Iran's solar one in
// 2121). A Hijri month's name with a year past it (`12 Jumada II 2024`, `١٢ رمضان ٢٠٢٤`, `۱۵ فروردین
// ۲۰۲۴`) has a Gregorian year: read as a Hijri one, it was a day of 2585.
const FIRST_HIJRI_YEAR_TO_COME = 1500;

const valid = (date: DateTime) => (date.isValid ? date : undefined);

/** Why a date with an Arabic month's name or a Hijri one names no day, and how to write it so that it names one. */
export interface DateDoubt {
  reason: string;
  /** What to write instead, as a sentence without its full stop (`Write the month …`). */
  fix: string;
}

// The offset written after a time (`10:00:00+25:00`, `10:00 +2500`).
const WRITTEN_OFFSET = /\d:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])(\d{2}):?(\d{2})$/;

/**
 * The offset written after a date's time when no clock has had it (`+25:00`, `-13:00`, `+05:60`):
 * zones run from −12:00 to +14:00. Luxon takes any, and the date moved by a day unseen.
 */
export function impossibleOffset(text: string): string | undefined {
  const match = WRITTEN_OFFSET.exec(text);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  return minutes > 59 || hours * 60 + minutes > (match[1] === '+' ? 14 : 12) * 60 ? `${match[1]!}${match[2]!}:${match[3]!}` : undefined;
}

/**
 * Why a date that `parseDateString` refused names no day, when it can say: an offset no zone has,
 * two Arabic months' names that disagree, `تشرين` alone, a Hijri day that month does not have, a
 * Hijri month with a Gregorian year.
 */
export function dateDoubt(written: string): DateDoubt | undefined {
  const text = withAsciiDigits(written.trim());
  const offset = impossibleOffset(text);
  if (offset !== undefined) return { reason: `its offset from UTC, ${offset}, is no zone's (they run from −12:00 to +14:00)`, fix: 'Write the offset the clock had (e.g. "+02:00"), or "Z" for UTC' };
  const gregorian = text.split(CORRESPONDING).pop()!.replace(AD_MARK, '');
  const arabic = readArabicMonthDate(gregorian.replace(ARABIC_WEEKDAY_BEFORE, ''));
  if (arabic && 'doubt' in arabic) return { reason: arabic.doubt, fix: 'Write the month by one name in full ("تشرين الأول", not "تشرين"), or by two that agree ("كانون الثاني (يناير)")' };
  const cjk = readCjkDate(text);
  const told = arabic ?? readEuropeanMonthDate(text) ?? cjk ?? dayMonthYear(text.replace(WEEKDAY_BEFORE, ''));
  const year = told === undefined ? undefined : noSuchYear(told.year);
  if (year !== undefined) return year;
  const noDay = noSuchDay(told);
  if (noDay !== undefined) return { reason: noDay, fix: 'Correct the day or the month' };
  const era = cjk && eraDoubt(cjk);
  if (era) return era;
  if (arabic) return undefined;
  const hijriText = text.split(CORRESPONDING)[0]!;
  const hijri = readHijriDate(hijriText);
  if (hijri) return hijriDoubt(hijriText, hijri);
  const solar = readSolarHijriDate(text);
  if (!solar) return undefined;
  const month = `${solarHijriMonthName(solar)} (month ${solar.month})`;
  if (solar.year >= FIRST_HIJRI_YEAR_TO_COME) {
    return {
      reason: `its month, ${month}, is one of the ${solarHijriCalendar(solar)}, but its year, ${solar.year}, is no such year yet (${FIRST_HIJRI_YEAR_TO_COME} begins in 2121): probably a Gregorian one`,
      fix: `Write the solar Hijri year${daysInGregorianYear(text, solar, [solar.year - 622, solar.year - 621], solarHijriToGregorian)}, or the Gregorian date with a Gregorian month's name`,
    };
  }
  if (!solarHijriToGregorian(solar.year, solar.month, solar.day)) {
    const days = [31, 30, 29].find((last) => solarHijriToGregorian(solar.year, solar.month, last))!;
    return { reason: `it is no day of the ${solarHijriCalendar(solar)}: month ${solar.month} of ${solar.year} has no day ${solar.day}`, fix: `Correct the day: ${month} ${solar.year} has ${days} days` };
  }
  return undefined;
}

// The Gregorian dates whose day, month and year `dayMonthYear` can tell apart: year first in
// figures (`2024-13-01`, `2024/02/30`), day first in figures (`31/04/2024`), with a month's name.
// The year may have more digits than four (`12024`), to be named.
const YEAR_FIRST = /^\+?(\d{4,})([/.-])(\d{1,2})\2(\d{1,2})(?![\d/.-])/;
const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4,})(?![\d/.-])/;
const DAY_NAMED = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTHS})\\.?,?\\s+(\\d{4,})$`, 'i');
const NAMED_DAY = new RegExp(`^(${MONTHS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4,})$`, 'i');
const MONTH_NAMES = MONTHS.split('|');

/** The day, month and year a Gregorian date writes, real or not (`31 April 2024`: 31, 4, 2024); undefined when it cannot be told. */
function dayMonthYear(text: string): { year: number; month: number; day: number } | undefined {
  const monthOf = (name: string) => (MONTH_NAMES.indexOf(name.toLowerCase().replace('sept', 'sep')) % 12) + 1;
  let match = YEAR_FIRST.exec(text);
  if (match) return { year: Number(match[1]), month: Number(match[3]), day: Number(match[4]) };
  match = DAY_FIRST.exec(text);
  if (match) return { year: Number(match[4]), month: Number(match[3]), day: Number(match[1]) };
  match = DAY_NAMED.exec(text);
  if (match) return { year: Number(match[3]), month: monthOf(match[2]!), day: Number(match[1]) };
  match = NAMED_DAY.exec(text);
  return match ? { year: Number(match[3]), month: monthOf(match[1]!), day: Number(match[2]) } : undefined;
}

/**
 * Why a year written in full is none a date can have: past 9999, nearly always a digit too many
 * (`12024`), or the year 0 (`0000`), which the calendar does not have; undefined for another.
 */
export function noSuchYear(year: number): DateDoubt | undefined {
  if (year > MAX_YEAR) return { reason: `its year, ${year}, is past ${MAX_YEAR}, the last year a date can have (a digit too many?)`, fix: 'Correct the year to four digits' };
  if (year < MIN_YEAR) return { reason: 'its year is 0, which the calendar does not have (1 BC is followed by AD 1)', fix: 'Correct the year to four digits' };
  return undefined;
}

/** Why a day, month and year are no day (`there is no month 13`, `April 2024 has 30 days`); undefined for a real one. */
function noSuchDay(date: { year: number; month: number; day: number } | undefined): string | undefined {
  if (date === undefined || date.year < MIN_YEAR || date.year > MAX_YEAR) return undefined;
  if (date.month < 1 || date.month > 12) return `there is no month ${date.month}`;
  const month = DateTime.fromObject({ year: date.year, month: date.month });
  return date.day < 1 || date.day > month.daysInMonth! ? `${month.toFormat('MMMM yyyy', { locale: 'en' })} has ${month.daysInMonth!} days, so no day ${date.day}` : undefined;
}

/** Why a Hijri date names no day: a Gregorian year, or a day its month does not have. */
function hijriDoubt(hijriText: string, hijri: { year: number; month: number; day: number }): DateDoubt | undefined {
  const month = `${HIJRI_MONTH_NAMES[hijri.month - 1]!} (month ${hijri.month})`;
  if (hijri.year >= FIRST_HIJRI_YEAR_TO_COME) {
    return {
      reason: `its month, ${month}, is a Hijri one, but its year, ${hijri.year}, is no Hijri year yet (${FIRST_HIJRI_YEAR_TO_COME} AH begins in 2076): probably a Gregorian one`,
      fix: `Write the Hijri year${daysInGregorianYear(hijriText, hijri, lunarYearsIn(hijri.year), hijriToGregorian)}, or the Gregorian date with a Gregorian month's name`,
    };
  }
  if (!hijriToGregorian(hijri.year, hijri.month, hijri.day)) {
    const days = hijriToGregorian(hijri.year, hijri.month, 30) ? 30 : 29;
    return {
      reason: `it is no day of the Hijri calendar (Umm al-Qura): month ${hijri.month} of ${hijri.year} has no day ${hijri.day}`,
      fix: `Correct the day: ${month} ${hijri.year} has ${days} days by the Umm al-Qura calendar (a country that sights the moon may count one more or one less)`,
    };
  }
  return undefined;
}

/** The lunar Hijri years a Gregorian year holds part of: a Hijri year is about 354 days. */
function lunarYearsIn(gregorianYear: number): number[] {
  const near = Math.round((gregorianYear - 622) * (365.2425 / 354.367)) + 1;
  return [near - 1, near, near + 1];
}

/**
 * The days a Hijri day and month (`12 Jumada II`) fell on in the Gregorian year written with them
 * (`2024`), each as the Hijri date it was (one of `years`): ` ("12 Jumada II 1446" was 13 December 2024)`.
 */
function daysInGregorianYear(
  written: string,
  { year, month, day }: { year: number; month: number; day: number },
  years: number[],
  toGregorian: (year: number, month: number, day: number) => { year: number; month: number; day: number } | undefined,
): string {
  const days = years.flatMap((hijriYear) => {
    const gregorian = toGregorian(hijriYear, month, day);
    return gregorian?.year === year ? [`"${written.replace(String(year), String(hijriYear))}" was ${DateTime.fromObject(gregorian).toFormat('d MMMM yyyy', { locale: 'en' })}`] : [];
  });
  return days.length === 0 ? '' : ` (${days.join(', and ')})`;
}

/**
 * A date in figures that `isProbablyHijri` refuses, written as a solar Hijri (Iranian) date with
 * its month's name (`15 فروردین 1403`), and that day, `d MMMM yyyy`; undefined when it is no such day.
 */
export function asSolarHijri(written: string): { named: string; day: string } | undefined {
  const figures = readHijriDate(`${withAsciiDigits(written.trim())} هـ`);
  const day = figures && solarHijriToGregorian(figures.year, figures.month, figures.day);
  if (!figures || !day) return undefined;
  return { named: `${figures.day} ${SOLAR_HIJRI_MONTHS_WRITTEN[figures.month - 1]!} ${figures.year}`, day: DateTime.fromObject(day).toFormat('d MMMM yyyy', { locale: 'en' }) };
}

/**
 * Parses the date formats seen in exports and scraped pages; undefined when none fits. `now`, the
 * build's time, decides the century of a two-digit year.
 */
export function parseDateString(value: string, zone: string, now: number = Date.now()): DateTime | undefined {
  const trimmed = withoutLeapSecond(withAsciiDigits(value.trim()));
  if (impossibleOffset(trimmed) !== undefined) return undefined;
  const undated = trimmed.replace(WEEKDAY_BEFORE, '').replace(ARABIC_WEEKDAY_BEFORE, '');
  const arabicOrHijri = parseArabicOrHijri(undated, zone) ?? arabicOrHijriWithTime(undated, zone);
  if (arabicOrHijri !== null) return arabicOrHijri && arabicOrHijri.year >= MIN_YEAR && arabicOrHijri.year <= MAX_YEAR ? arabicOrHijri : undefined;
  // A month's name in French, German, Spanish, Italian, Portuguese or Russian (`15 mars 2024`).
  const european = readEuropeanMonthDate(undated);
  if (european) return european.year >= MIN_YEAR && european.year <= MAX_YEAR ? valid(DateTime.fromObject(european, { zone })) : undefined;
  // Chinese and Japanese (`2024年3月15日`), with a Japanese era's year (`令和6年3月15日`) that must be one of it.
  const cjk = readCjkDate(undated);
  if (cjk) return cjk.year >= MIN_YEAR && cjk.year <= MAX_YEAR && !eraDoubt(cjk) ? valid(DateTime.fromObject({ year: cjk.year, month: cjk.month, day: cjk.day }, { zone })) : undefined;
  // A zone's abbreviation after the date and time (`2024-06-03 14:30 BST`): luxon would ask the
  // platform, which reads BST as Bangladesh's (+6), CET and PST as following summer time and IST
  // as India's. RFC 2822 and HTTP dates name theirs as their standards define, so go first.
  const abbreviated = ZONE_AFTER.exec(trimmed);
  if (abbreviated && !/^[ap]m$/i.test(abbreviated[2]!)) {
    // Except a US zone's, read by its city's clocks: writers say `PST` in June for Pacific time.
    const usZone = US_SEASON_ZONES[abbreviated[2]!.toLowerCase()] !== undefined;
    const standard = usZone ? undefined : [DateTime.fromRFC2822(trimmed, { zone, setZone: true }), DateTime.fromHTTP(trimmed, { zone, setZone: true })].find((date) => date.isValid);
    if (standard) return standard.year >= MIN_YEAR && standard.year <= MAX_YEAR ? standard.setZone(zone) : undefined;
    const named = ZONE_OFFSETS[abbreviated[2]!.toLowerCase()];
    // An abbreviation that names no one zone (IST: India, Ireland or Israel) makes no date to trust.
    if (named === undefined) return undefined;
    const read = parseDateString(abbreviated[1]!, named, now);
    return read && atWrittenSeason(read, abbreviated[2]).setZone(zone);
  }
  // A weekday before the date (`Monday, June 3, 2024`) says nothing more; a time after a date in
  // words or year-first figures (`June 3, 2024 2:30 PM`, `2024/06/03 14:30`) is read with it.
  const weekday = WEEKDAY_BEFORE.exec(trimmed);
  if (weekday) return parseDateString(trimmed.slice(weekday[0].length), zone, now);
  const timed = DATE_THEN_TIME.exec(trimmed);
  if (timed && (timed[4] !== undefined || timed[6] !== undefined)) {
    const day = parseDateString(timed[1]!, zone, now);
    const [hour, minute, second] = [Number(timed[3]), Number(timed[4] ?? 0), Number(timed[5] ?? 0)];
    const meridiem = timed[6]?.toLowerCase();
    if (!day || (meridiem ? hour < 1 || hour > 12 : hour > 23)) return undefined;
    const date = day.set({ hour: meridiem ? (hour % 12) + (meridiem === 'p' ? 12 : 0) : hour, minute, second });
    return date.isValid ? date : undefined;
  }
  const words = WORD_DATE_TWO_DIGITS.exec(trimmed);
  const text = words ? `${words[1]!}${expandTwoDigitYear(Number(words[2]), now, zone)}` : trimmed;
  const attempts: Array<() => DateTime> = [
    () => DateTime.fromISO(text, { zone, setZone: true }),
    () => DateTime.fromSQL(text, { zone, setZone: true }),
    () => DateTime.fromRFC2822(text, { zone, setZone: true }),
    () => DateTime.fromHTTP(text, { zone, setZone: true }),
    () => parseNumericDate(text, zone, now),
  ];
  for (const format of ['d MMMM yyyy', 'MMMM d, yyyy', 'MMMM d yyyy', 'd MMM yyyy', 'MMM d, yyyy', 'yyyy/M/d', 'yyyy.M.d']) {
    attempts.push(() => DateTime.fromFormat(text.replace(/(\d)(st|nd|rd|th)\b/, '$1').replace('Sept', 'Sep'), format, { zone, locale: 'en' }));
  }
  for (const attempt of attempts) {
    const date = attempt();
    // A date with its own offset is the same instant shown in the configured zone, so the day a
    // reader sees, the URL's year and the archive's day pages all agree.
    if (date.isValid) return date.year >= MIN_YEAR && date.year <= MAX_YEAR ? date.setZone(zone) : undefined;
  }
  return undefined;
}

// A time's leap second (`23:59:60`, as UTC inserts one at the end of a day): luxon and JavaScript
// hold no such second, and refused the whole date, so the article lost its day for the file's time.
// Colons only: `01.01.60` is a date (1 January 1960), not a time.
const LEAP_SECOND = /(?<![\d:])(\d{1,2}:\d{2}:)60(?![\d:])/;
// The end of a day, `24:00` (ISO 8601's midnight that closes it): luxon read it as the next day's
// 00:00, which filed `2024-12-31T24:00` under 2025, and other forms dropped or refused it.
const END_OF_DAY = /(?<![\d:.])24:00(?::00(?:\.0+)?)?(?![\d:.])/;

/**
 * A time as a clock that stays on the day can hold it: a leap second is the second before it, as
 * POSIX clocks count it, and `24:00` the day's last second, so that the day, month and year are
 * the ones written.
 */
function withoutLeapSecond(text: string): string {
  const ended = END_OF_DAY.test(text) ? text.replace(END_OF_DAY, '23:59:59') : text;
  return LEAP_SECOND.test(ended) ? ended.replace(LEAP_SECOND, '$159') : ended;
}

// A date and time followed by a zone's abbreviation: a known one in any case, or capitals.
const ZONE_AFTER = /^(.*\d)\s*\(?\s*((?<=\s|\()(?:[A-Z]{2,5}|[a-z]{2,5}))\s*\)?$/;

/**
 * For a date written in figures day first whose day is 12 or less and not its month (`03/04/2024`,
 * `3.4.2024`), the reading month first (`4 March 2024`), which American exports mean: undefined
 * otherwise. `year` is the year as read (a two-digit one expanded).
 */
export function otherReadingOfNumericDate(value: string, year: number): string | undefined {
  const match = NUMERIC_DATE.exec(value.trim());
  if (!match) return undefined;
  const [day, month] = [Number(match[1]), Number(match[3])];
  if (day > 12 || month > 12 || day === month) return undefined;
  const other = DateTime.fromObject({ year, month: day, day: month });
  return other.isValid ? other.toFormat('d MMMM yyyy', { locale: 'en' }) : undefined;
}

// A numeric date's separators must agree, and it must not be part of a longer run of figures. The
// year may come first (`2024/06/03`, `2024.06.03`), as East Asian and many CMS exports write it.
// An ISO week date (`2024-W23-1`, or the week alone, read as its Monday) is read as a sidecar's is.
// First the Arabic and Hijri dates, so that a Hijri date's figures (`1445/6/12 هـ`) are read with
// its mark, and a Hijri date with the Gregorian one after it (`… هـ الموافق 10 أغسطس 2015`) as one.
const ARABIC_OR_HIJRI =
  `(?:${HIJRI_DATE}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}|\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2})\\s*[،,]?\\s*الموافق\\s*(?:${ARABIC_MONTH_DATE}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4})(?:\\s*م(?![\\u0621-\\u064a]))?|${HIJRI_DATE}|${ARABIC_MONTH_DATE}|${SOLAR_HIJRI_DATE}`;
// No date starts inside a run of figures, and a year may have more than four (`15 March 12024`,
// `12024-03-15`): no year a date can have, named as such (`noSuchYear`), never read as 2024.
const TEXT_DATE = new RegExp(
  `(${ARABIC_OR_HIJRI}|${EUROPEAN_MONTH_DATE}|${CJK_DATE}|(?<![\\d./-])\\d{1,2}([/.-])\\d{1,2}\\2(?:\\d{4,}|\\d{2})(?!\\d)|(?<![\\d./-])\\d{4,}([/.])\\d{1,2}\\3\\d{1,2}(?![\\d./-])|(?<!\\d)\\d{4,}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?|(?<!\\d)\\d{4}-W\\d{2}(?:-[1-7])?(?![\\d-])|(?<!\\d)\\d{1,2}(?:st|nd|rd|th)? (?:${MONTHS}) (?:\\d{4,}|'?\\d{2})(?!\\d)|(?:${MONTHS}) \\d{1,2}(?:st|nd|rd|th)?,? (?:\\d{4,}|'?\\d{2})(?!\\d))`,
  'i',
);
const ARABIC_OR_HIJRI_FIRST = new RegExp(`^(?:${ARABIC_OR_HIJRI})`, 'i');

/**
 * A date with an Arabic month's name or a Hijri one and its time after it, as a dateline writes
 * them (`15 مارس 2024 الساعة 10:30 م`, `12 Ramadan 1445 AH, 10:30 pm`, `۱۵ فروردین ۱۴۰۳ ساعت ۱۰:۳۰`),
 * read as a dateline's time is; null when `text` is no such date and time, undefined when it names
 * no day or its time's zone is one Broadsheet cannot read (`بتوقيت مكة`, as `IST`).
 */
function arabicOrHijriWithTime(text: string, zone: string): DateTime | undefined | null {
  const written = ARABIC_OR_HIJRI_FIRST.exec(text)?.[0];
  if (written === undefined) return null;
  const rest = text.slice(written.length);
  const time = ARABIC_LETTER.test(rest) ? arabicTimeAfter(rest) : TIME_AFTER.exec(rest);
  if (!time || (time[2] === undefined && time[4] === undefined) || rest.slice(time[0]!.length).trim() !== '') return null;
  const day = parseArabicOrHijri(written, zone);
  if (!day) return day;
  const timed = withTimeBeside(day, text, 0, written, zone).date;
  return timed === day ? undefined : timed;
}

// A time written beside a text date: `14:30`, `14.30`, `2:30 p.m.`, `2pm` (an hour alone needs am
// or pm), then perhaps its zone (`GMT`, `BST`, `EDT`, `+02:00`, `UTC+2`).
const TIME = '(\\d{1,2})(?:[:.](\\d{2})(?:[:.](\\d{2}))?)?(?:\\s*([ap])\\.?m\\.?)?';
const ZONE = '(?:\\s*\\(?((?:utc|gmt)?[+-]\\d{1,2}(?::?\\d{2})?|[a-z]{1,5})\\)?)?';
// A date in words or year-first figures, then a time (a date in figures day first reads its own).
const DATE_THEN_TIME = new RegExp(`^((?:\\p{L}.*|\\d{1,2}(?:st|nd|rd|th)?\\s+\\p{L}.*)\\d{4}|\\d{4}([/.])\\d{1,2}\\2\\d{1,2}),?\\s+(?:at\\s+)?${TIME}$`, 'iu');
const WEEKDAY_BEFORE = new RegExp(`^(?:${WEEKDAYS})\\.?,?\\s+(?=\\S)`, 'i');
// The same in Arabic (`الأحد، 15 يناير 2024`, `يوم الأحد 15 …`).
const ARABIC_WEEKDAY_BEFORE = /^(?:يوم\s+)?(?:الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)\s*[،,]?\s*(?=\d)/;
// After the date: the first thing after it (`June 3, 2024, 14:30 GMT`, `3 June 2024 at 2.30pm`).
const TIME_AFTER = new RegExp(`^(?:,?\\s+|,)\\(?(?:at\\s+)?${TIME}${ZONE}(?![\\p{L}\\p{N}:])`, 'iu');
// Before it, with at most a weekday between (`Updated 14:05 GMT, Monday 3 June 2024`).
const TIME_BEFORE = new RegExp(`(?<![\\p{L}\\p{N}:.])${TIME}${ZONE}\\s*[,|·•]?\\s*(?:(?:${WEEKDAYS})\\.?,?\\s*)?$`, 'iu');

// US zones by their seasons' abbreviations, with the offset each stands for (minutes). Writers use
// them loosely (`PST` all year for "Pacific time"): such a time is read by the clocks of its city
// on that day (`14:30 PST` in June is 14:30 PDT, UTC−7), and the season named (zoneSeasonMismatch).
// `MST` stays UTC−7: Arizona keeps it all year, so it is no mistake in June.
const US_SEASON_ZONES: Record<string, { zone: string; offset: number }> = {
  est: { zone: 'America/New_York', offset: -300 }, edt: { zone: 'America/New_York', offset: -240 },
  cst: { zone: 'America/Chicago', offset: -360 }, cdt: { zone: 'America/Chicago', offset: -300 },
  mdt: { zone: 'America/Denver', offset: -360 },
  pst: { zone: 'America/Los_Angeles', offset: -480 }, pdt: { zone: 'America/Los_Angeles', offset: -420 },
};

// Zones as datelines write them. A US zone without its season (`ET`) follows the clocks of its
// city, and so does one with it (above); `IST` (India, Ireland or Israel) and other names are no
// zone to read a time in.
const ZONE_OFFSETS: Record<string, string> = {
  z: 'UTC', utc: 'UTC', gmt: 'UTC', wet: 'UTC', bst: 'UTC+1', west: 'UTC+1', cet: 'UTC+1', cest: 'UTC+2', eet: 'UTC+2', eest: 'UTC+3', msk: 'UTC+3',
  mst: 'UTC-7', ...Object.fromEntries(Object.entries(US_SEASON_ZONES).map(([word, { zone }]) => [word, zone])),
  et: 'America/New_York', ct: 'America/Chicago', mt: 'America/Denver', pt: 'America/Los_Angeles', jst: 'UTC+9', aest: 'UTC+10', aedt: 'UTC+11',
};

/**
 * The zone abbreviations of three letters or more Broadsheet knows, in capitals (`PDT`, `GMT`),
 * and `IST`, which it knows names no one zone: words of a dateline, never a name (entities/).
 */
export const ZONE_ABBREVIATIONS: ReadonlySet<string> = new Set([...Object.keys(ZONE_OFFSETS), 'ist'].filter((word) => word.length >= 3).map((word) => word.toUpperCase()));

/**
 * A time read by a US city's clocks (`01:30` in Los Angeles) taken at the offset its season's
 * abbreviation names (`PST`, −8) when the clocks showed that time at that offset too: in the hour
 * repeated when summer time ends (01:30 on 3 November 2024 is first PDT, then PST), the
 * abbreviation says which one is meant. Any other time is as the clocks read it.
 */
function atWrittenSeason(date: DateTime, word: string | undefined): DateTime {
  const season = word === undefined ? undefined : US_SEASON_ZONES[word.toLowerCase()];
  if (season === undefined || date.offset === season.offset) return date;
  const { year, month, day, hour, minute, second } = date;
  const sign = season.offset < 0 ? '-' : '+';
  const strict = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: `UTC${sign}${Math.abs(season.offset) / 60}` }).setZone(season.zone);
  return strict.hour === hour && strict.minute === minute && strict.day === day ? strict : date;
}

/**
 * For a time read in a US zone written with the wrong season for that day (`PST` in June, `EDT` in
 * January), what its city's clocks said (`PDT`, `-07:00`) and what the word would mean read
 * strictly (`-08:00`); undefined for any other word, or one right for the day.
 */
export function zoneSeasonMismatch(word: string, date: DateTime): { written: string; clocks: string; offset: string; strict: string } | undefined {
  const season = US_SEASON_ZONES[word.toLowerCase()];
  if (season === undefined) return undefined;
  const local = date.setZone(season.zone);
  if (local.offset === season.offset) return undefined;
  const offset = (minutes: number) => `${minutes < 0 ? '−' : '+'}${String(Math.abs(minutes) / 60).padStart(2, '0')}:00`;
  return { written: word.toUpperCase(), clocks: local.toFormat('ZZZZ', { locale: 'en-US' }), offset: offset(local.offset), strict: offset(season.offset) };
}

/** The zone's abbreviation written after a date and time (`2024-06-03 14:30 PST` → `PST`), if any. */
export function zoneWordAfter(value: string): string | undefined {
  const word = ZONE_AFTER.exec(value.trim())?.[2];
  return word === undefined || /^[ap]m$/i.test(word) ? undefined : word;
}

/** The zone a dateline's zone word names, `zone` when it names none, undefined when it names one Broadsheet cannot read. */
function zoneOfWord(word: string | undefined, zone: string): string | undefined {
  if (word === undefined) return zone;
  const lower = word.toLowerCase();
  const numeric = /^(?:utc|gmt)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(lower);
  // An offset no zone has (`+25`) is no zone to read the time in.
  if (numeric && Number(numeric[2]) > (numeric[1] === '+' ? 14 : 12)) return undefined;
  if (numeric) return `UTC${numeric[1]!}${Number(numeric[2])}${numeric[3] && numeric[3] !== '00' ? `:${numeric[3]}` : ''}`;
  if (ZONE_OFFSETS[lower] !== undefined) return ZONE_OFFSETS[lower];
  // `by`, `on`: a word that follows a time, no zone. Capitals (`IST`, `XYZ`) would be one.
  return /^[A-Z]{2,5}$/.test(word) ? undefined : zone;
}

/**
 * The date of a dateline with the time written beside it (`LONDON, June 3, 2024, 14:30 GMT`), in
 * the time's zone and shown in the configured one; the date alone when there is no time, the
 * date as written has its own, or the time's zone is one Broadsheet cannot read.
 */
function withTimeBeside(date: DateTime, line: string, index: number, written: string, zone: string): { date: DateTime; zoneWord?: string } {
  const after = line.slice(index + written.length);
  if (/\d:\d{2}/.test(written)) return inZoneWrittenAfter(date, written, after, zone);
  const match = (ARABIC_LETTER.test(after) ? arabicTimeAfter(after) : TIME_AFTER.exec(after)) ?? TIME_BEFORE.exec(line.slice(0, index));
  if (!match || (match[2] === undefined && match[4] === undefined) || match[5] === UNREADABLE_ZONE) return { date };
  // A leap second is the second before it, and 24:00 the day's last second, as for a date written
  // with its time (`withoutLeapSecond`).
  const endOfDay = match[1] === '24' && Number(match[2] ?? 0) === 0 && Number(match[3] ?? 0) === 0 && match[4] === undefined;
  const [hour, minute, second] = endOfDay ? [23, 59, 59] : [Number(match[1]), Number(match[2] ?? 0), match[3] === '60' ? 59 : Number(match[3] ?? 0)];
  const meridiem = match[4]?.toLowerCase();
  if (meridiem ? hour < 1 || hour > 12 : hour > 23) return { date };
  const timeZone = zoneOfWord(match[5] ?? undefined, zone);
  if (timeZone === undefined) return { date };
  const timed = DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour: meridiem ? (hour % 12) + (meridiem === 'p' ? 12 : 0) : hour, minute, second },
    { zone: timeZone },
  );
  return timed.isValid ? { date: atWrittenSeason(timed, match[5]).setZone(zone), ...(match[5] ? { zoneWord: match[5] } : {}) } : { date };
}

const ARABIC_LETTER = /[\u0621-\u064a]/;
// A time after an Arabic date, as Arabic datelines write it: after the era's `م` and a comma or a
// dash, perhaps `الساعة` ("the hour"), then the time, perhaps its part of the day (`ص`, `صباحًا`:
// a.m.; `م`, `مساءً`: p.m.) and its zone (`GMT`, `بتوقيت غرينتش`: Greenwich time).
const ARABIC_TIME_AFTER = new RegExp(
  `^(?:\\s*م(?![\\u0621-\\u064a]))?\\s*[،,]?\\s*(?:[-–—]\\s*)?(?:(?:في\\s+)?(?:ال?ساع[ةه]|ساعت)\\s*)?(\\d{1,2})(?:[:.](\\d{2})(?:[:.](\\d{2}))?)?` +
    `(?:\\s*(?!بتوقيت)([\\u0621-\\u064a][\\u0621-\\u065f]*))?(?:\\s*(?:بتوقيت\\s+([\\u0621-\\u064a]+)|\\(?((?:utc|gmt)?[+-]\\d{1,2}(?::?\\d{2})?|[A-Z]{2,5})\\)?(?![\\p{L}\\p{N}])))?`,
  'iu',
);
// The parts of the day an Arabic time is given in (short vowels left out): a.m. or p.m.; `ليلا`
// ("at night") is p.m. from 6 and a.m. until 5 (`1 ليلا`, `12 ليلا` midnight).
const ARABIC_PERIODS: Readonly<Record<string, 'a' | 'p' | 'night'>> = { ص: 'a', صباحا: 'a', صباح: 'a', فجرا: 'a', م: 'p', مساء: 'p', مساءا: 'p', ظهرا: 'p', عصرا: 'p', ليلا: 'night', صبح: 'a', ظهر: 'p', بعدازظهر: 'p', عصر: 'p', شب: 'night' };
const GREENWICH = /^(?:غرينتش|جرينتش|غرينيتش|جرينيتش)$/;
// A zone written as a place Broadsheet has no clock for (`بتوقيت مكة`): no time to trust.
const UNREADABLE_ZONE = '\u0000';

/**
 * The time after an Arabic date, as `TIME_AFTER` gives an English one: hour, minute, second, `a`
 * or `p`, and the zone's word (`GMT` for Greenwich, `UNREADABLE_ZONE` for another place).
 */
function arabicTimeAfter(after: string): Array<string | undefined> | undefined {
  const match = ARABIC_TIME_AFTER.exec(after);
  if (!match) return undefined;
  const [, hour, minute, second, word, place, zoneWord] = match;
  const period = word === undefined ? undefined : ARABIC_PERIODS[word.replace(/[\u064b-\u065f]/g, '')];
  // Another word after the time (an agency, `واس`) gives no part of the day, but ends no zone either.
  const zone = place === undefined ? (period === undefined && word !== undefined ? undefined : zoneWord) : GREENWICH.test(place) ? 'GMT' : UNREADABLE_ZONE;
  const meridiem = period === 'night' ? (Number(hour) >= 6 && Number(hour) < 12 ? 'p' : 'a') : period;
  return [match[0], hour, minute, second, meridiem, zone];
}

const ZONE_WORD_AFTER = /^\s*\(?((?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?|[a-z]{1,5})\)?(?![\p{L}\p{N}])/iu;

/**
 * A date written with its time (`2024-06-03 14:30`, read in the configured zone) read again in the
 * zone written after it (`2024-06-03 14:30 BST`); as it is when it has an offset of its own, no
 * zone follows, or the zone is one Broadsheet cannot read (`IST`).
 */
function inZoneWrittenAfter(date: DateTime, written: string, after: string, zone: string): { date: DateTime; zoneWord?: string } {
  if (/(?:z|[+-]\d{2}:?\d{2})$/i.test(written)) return { date };
  const word = ZONE_WORD_AFTER.exec(after)?.[1];
  const timeZone = word === undefined ? undefined : zoneOfWord(word, zone);
  if (timeZone === undefined || timeZone === zone) return { date };
  const { year, month, day, hour, minute, second } = date;
  const timed = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: timeZone });
  return timed.isValid ? { date: atWrittenSeason(timed, word).setZone(zone), zoneWord: word! } : { date };
}

/** A date written in the text that is not a real one (`Published 2024-02-30`), and its line. */
export interface UnreadableTextDate {
  text: string;
  line: number;
  /** The year read, when the date is in figures and is probably a Hijri one (`isProbablyHijri`). */
  hijriYear?: number;
  /** Why the date names no day, when that can be said (`dateDoubt`). */
  doubt?: DateDoubt;
}

// A dateline that says when the article was changed, not published: `Updated 3 June 2024`,
// `Last updated: 2024/06/03`, `Last modified …`; and the same after a publication date on one
// line (`Published 3 June 2024 · Updated 5 June 2024`).
// In Arabic `آخر تحديث` ("last update"), `تحديث`, `محدث`, `تم التحديث`.
// And in French, German, Spanish, Italian, Portuguese and Russian (`Mis à jour le`, `Aktualisiert am`).
const UPDATE_LABEL = /(?:\b(?:(?:last\s+)?(?:updated|modified|edited)|update)\b|更新[\p{sc=Han}\p{sc=Hiragana}]{0,3}|(?<![\p{L}\p{M}])(?:تحديث|التحديث|محدث|به[\u200c\s]?روز[\u200c\s]?رسانی|mis\s+[àa]\s+jour|aktualisiert|actualizado|aggiornato|atualizado|обновлено)(?![\p{L}\p{M}]))[^\p{L}\p{N}]*(?:(?:on|at|في|در|le|am|el|il|em|от)\s+)?$/iu;
const UPDATE_AFTER = /\b(?:(?:last\s+)?(?:updated|modified|edited)|update)\b|更新|(?<![\p{L}\p{M}])(?:تحديث|التحديث|محدث|به[\u200c\s]?روز[\u200c\s]?رسانی|mis\s+[àa]\s+jour|aktualisiert|actualizado|aggiornato|atualizado|обновлено)(?![\p{L}\p{M}])/iu;

/**
 * Whether `text`, a paragraph, is a dateline alone (`LONDON, March 3, 2024`, `Monday, 3 June 2024`):
 * no text of the article, so no summary, as a `Published …` line is none.
 */
export function isDatelineAlone(text: string): boolean {
  const line = withAsciiDigits(text.trim());
  if (line.length > 200 || line.includes('\n')) return false;
  const match = TEXT_DATE.exec(line);
  return match !== null && isBareDateline(line, match.index, match[1]!);
}

/** How many first lines of a text may hold its dateline. */
export const DATELINE_LINES = 8;

/** What the first lines of a text say about its dates. */
export interface TextDates {
  /** The first dateline that is no update's: when the article was published. */
  date?: ResolvedDate;
  /** The first `Updated …` line's date. */
  updated?: ResolvedDate;
  /** The first date-like text on a dateline that is no real date, to be reported. */
  unreadable?: UnreadableTextDate;
  /** A later dateline, no update's, on another day than `date`'s: one of the two is wrong. */
  conflicting?: ResolvedDate;
  /**
   * The Hijri date of `date`'s dateline when it is more than a day from the Gregorian one it says
   * it corresponds to (`12 جمادى الآخرة 1445 هـ الموافق 3 يونيو 2024 م`): one of the two is wrong.
   */
  hijriApart?: ResolvedDate;
}

/**
 * Looks for a `Published …` line or a dateline in the lines around the headline, and for an
 * `Updated …` line, which dates a change rather than the article: the dates, or the first
 * date-like text there that is no real date (so that it can be reported, not ignored).
 */
export function findDateInText(lines: string[], zone: string, now: number = Date.now()): TextDates {
  const found: TextDates = {};
  // Every one of the lines is read, so that a second dateline on another day is found.
  for (let i = 0; i < Math.min(lines.length, DATELINE_LINES) && !(found.date && found.updated && found.conflicting); i++) {
    const raw = lines[i]!.trim();
    const line = withAsciiDigits(raw);
    if (line.length > 200) continue;
    const match = TEXT_DATE.exec(line);
    if (!match || !isDateline(line, match.index, match[1]!)) continue;
    const date = parseDateString(match[1]!, zone, now);
    // As written (`٢٠٢٤-٠٢-٣٠`): ASCII digits took the place of others one for one.
    const written = raw.slice(match.index, match.index + match[1]!.length);
    if (!date || isProbablyHijri(written, date.year)) {
      const doubt = date ? undefined : dateDoubt(written);
      found.unreadable ??= { text: written, line: i + 1, ...(date ? { hijriYear: date.year } : {}), ...(doubt === undefined ? {} : { doubt }) };
      continue;
    }
    const beside = withTimeBeside(date, line, match.index, match[1]!, zone);
    const resolved: ResolvedDate = { iso: formatIsoDate(beside.date), source: 'text', line: i + 1, written: match[1]!, ...(beside.zoneWord === undefined ? {} : { zoneWord: beside.zoneWord }) };
    if (UPDATE_LABEL.test(line.slice(0, match.index))) {
      found.updated ??= resolved;
      continue;
    }
    if (found.date) {
      if (resolved.iso.slice(0, 10) !== found.date.iso.slice(0, 10)) found.conflicting ??= resolved;
      continue;
    }
    found.date = resolved;
    const apart = hijriDayApart(raw.slice(match.index, match.index + match[1]!.length), date, zone);
    if (apart) found.hijriApart = { ...apart, line: i + 1 };
    // `Published 3 June 2024 · Updated 5 June 2024 10:00`: the update's date on the same line.
    const rest = line.slice(match.index + match[1]!.length);
    const label = UPDATE_AFTER.exec(rest);
    const later = label && TEXT_DATE.exec(rest.slice(label.index));
    const laterDate = later && parseDateString(later[1]!, zone, now);
    if (laterDate && !found.updated) {
      const at = match.index + match[1]!.length + label.index + later.index;
      const laterBeside = withTimeBeside(laterDate, line, at, later[1]!, zone);
      found.updated = { iso: formatIsoDate(laterBeside.date), source: 'text', line: i + 1, written: later[1]!, ...(laterBeside.zoneWord === undefined ? {} : { zoneWord: laterBeside.zoneWord }) };
    }
    // A second date before any update's label (`Published: 3 June 2024, 5 June 2024`, a Hijri date
    // and a Gregorian one that is not its day): one of the two is wrong, as with two datelines. Not
    // in a wire story's first sentence (`LONDON, March 3, 2024 — The council met on 5 March …`).
    const second = isBareDateline(line, match.index, match[1]!) ? TEXT_DATE.exec(label ? rest.slice(0, label.index) : rest) : null;
    const secondDate = second && parseDateString(second[1]!, zone, now);
    if (secondDate && !isProbablyHijri(second[1]!, secondDate.year) && formatIsoDate(secondDate).slice(0, 10) !== resolved.iso.slice(0, 10)) {
      found.conflicting ??= { iso: formatIsoDate(secondDate), source: 'text', line: i + 1, written: second[1]! };
    }
  }
  return found;
}

/**
 * For a Hijri date followed by the Gregorian one it corresponds to (`… هـ الموافق 10 أغسطس 2015 م`),
 * the Hijri one read by the Umm al-Qura calendar when it is more than a day from the Gregorian
 * `date` (a country that sights the moon may be a day off the calendar); undefined otherwise.
 */
function hijriDayApart(written: string, date: DateTime, zone: string): ResolvedDate | undefined {
  const corresponding = CORRESPONDING.exec(written);
  if (!corresponding) return undefined;
  const hijriText = written.slice(0, corresponding.index).trim();
  const hijri = readHijriDate(withAsciiDigits(hijriText));
  const day = hijri && hijriToGregorian(hijri.year, hijri.month, hijri.day);
  if (!day) return undefined;
  const hijriDate = DateTime.fromObject(day, { zone });
  return Math.abs(hijriDate.diff(date.startOf('day'), 'days').days) > 1 ? { iso: formatIsoDate(hijriDate), source: 'text', written: hijriText } : undefined;
}

export function findDateInFileName(name: string, zone: string): ResolvedDate | undefined {
  const match = /(?:^|[^0-9])((?:1[89]|2[01])\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)/.exec(name);
  if (!match) return undefined;
  const date = DateTime.fromObject(
    { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) },
    { zone },
  );
  return date.isValid ? { iso: formatIsoDate(date), source: 'filename' } : undefined;
}

/**
 * The date in a source's path: in its file name, else in its folders, the deepest first: a year,
 * month and day folder (`2024/06/03/story.txt`, as a mirrored web site's URLs file articles) or a
 * folder named as a date (`2024-06-03/story.txt`).
 */
export function findDateInPath(relativePath: string, zone: string): ResolvedDate | undefined {
  const segments = relativePath.split('/');
  const fromName = findDateInFileName(segments.pop()!, zone);
  if (fromName || segments.length === 0) return fromName;
  for (let i = segments.length - 1; i >= 2; i--) {
    const [year, month, day] = segments.slice(i - 2, i + 1);
    if (!/^(?:1[89]|2[01])\d\d$/.test(year!) || !/^\d{1,2}$/.test(month!) || !/^\d{1,2}$/.test(day!)) continue;
    const date = DateTime.fromObject({ year: Number(year), month: Number(month), day: Number(day) }, { zone });
    if (date.isValid) return { iso: formatIsoDate(date), source: 'filename' };
  }
  for (let i = segments.length - 1; i >= 0; i--) {
    const date = findDateInFileName(segments[i]!, zone);
    if (date) return date;
  }
  return undefined;
}

/**
 * The deepest folder of a path that names a year alone (`2024/story.txt`), with its month when the
 * folder below names one (`2024/06/story.txt`): no date, but a span the article's date must be in.
 */
export function findYearFolder(relativePath: string): { folder: string; year: number; month?: number } | undefined {
  const segments = relativePath.split('/').slice(0, -1);
  for (let i = segments.length - 1; i >= 0; i--) {
    if (!/^(?:1[89]|2[01])\d\d$/.test(segments[i]!)) continue;
    const month = Number(segments[i + 1]);
    const withMonth = /^\d{1,2}$/.test(segments[i + 1] ?? '') && month >= 1 && month <= 12;
    return { folder: segments.slice(0, withMonth ? i + 2 : i + 1).join('/'), year: Number(segments[i]), ...(withMonth ? { month } : {}) };
  }
  return undefined;
}

/**
 * A date written `YYYY-MM-DD` in a file name that `findDateInFileName` does not take: not a real
 * date (`2024-02-30`, `2024-13-01`) or outside its years (1800–2199), so that it can be reported
 * rather than passed over in silence.
 */
export function findBadDateInFileName(name: string, zone: string): string | undefined {
  if (findDateInFileName(name, zone)) return undefined;
  return /(?:^|[^0-9])(\d{4,}-\d{2}-\d{2})(?:[^0-9]|$)/.exec(name)?.[1];
}

export function dateFromModificationTime(mtimeMs: number, zone: string): ResolvedDate {
  return { iso: formatIsoDate(DateTime.fromMillis(Math.floor(mtimeMs / 1000) * 1000, { zone })), source: 'file-mtime' };
}
