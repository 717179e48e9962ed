// Decides an article's date and reports what is doubtful about it: the sidecar's date, else a
// date in the first lines of the text, else one in the file's name or folders, else an `Updated …` line's, else
// the file's time; and the date of its last update, from an `Updated …` line.

import path from 'node:path';
import { DateTime } from 'luxon';
import { markUnicodeForm } from '../fs-utils.ts';
import type { ProblemLog } from '../problems.ts';
import { dateDoubt, asLunarHijri, asSolarHijri, DATELINE_LINES, dateFromModificationTime, findBadDateInFileName, findDateInPath, findDateInText, findYearFolder, formatIsoDate, monthFirstOnlyReading, otherReadingOfNumericDate, parseDateString, isProbablyHijri, twoDigitYearOf, withAsciiDigits, withFullYear, zoneSeasonMismatch, zoneWordAfter, type ResolvedDate, type TextDates, type UnreadableTextDate } from './dates.ts';
import type { IngestOptions, SourceFile } from './parse-article.ts';
import { LABELLED_DATE } from './rules.ts';
import { keyOf, originOf } from './sidecar.ts';

/**
 * The two readings of a date in figures that is read day first but would be another date month
 * first (`03/04/2024`), as messages show them; undefined when it has only one.
 */
function ambiguousReadings(written: string, parsed: DateTime): { read: string; other: string; iso: string } | undefined {
  const other = otherReadingOfNumericDate(written, parsed.year);
  if (!other) return undefined;
  return { read: parsed.toFormat('d MMMM yyyy', { locale: 'en' }), other, iso: parsed.toFormat('yyyy-MM-dd') };
}

/**
 * For a date with a two-digit year (`3.4.98`, `3 June 98`), how it was read, for a warning that lets
 * the archivist confirm the century; undefined for any other date.
 */
function twoDigitYearReading(written: string, parsed: DateTime): { twoDigits: string; read: string; iso: string; full: string } | undefined {
  const twoDigits = twoDigitYearOf(written);
  if (twoDigits === undefined) return undefined;
  const full = withFullYear(written, parsed.year);
  return { twoDigits, read: parsed.toFormat('d MMMM yyyy', { locale: 'en' }), iso: parsed.toFormat('yyyy-MM-dd'), full };
}

/**
 * The message and hint for a US zone written with the other season than its clocks had that day
 * (`PST` in June): read by the clocks (PDT), which is what a loose writer means; undefined when
 * the zone is right for the day, or no such zone.
 */
function zoneSeasonWarning(word: string | undefined, date: DateTime): { message: string; hint: string } | undefined {
  const mismatch = word === undefined ? undefined : zoneSeasonMismatch(word, date);
  if (mismatch === undefined) return undefined;
  const { written, clocks, offset, strict } = mismatch;
  const day = date.setZone(`UTC${offset.replace('−', '-')}`).toFormat('d MMMM yyyy', { locale: 'en' });
  return {
    message: `gives a time in ${written} (UTC${strict}) on ${day}, when clocks there showed ${clocks} (UTC${offset}): it is read as ${clocks}, as ${written} is usually meant; read strictly, it would be an hour different`,
    hint: `Write the zone as the clocks had it ("${clocks}") or as an offset ("${offset.replace('−', '-')}") to silence this warning, or "${strict.replace('−', '-')}" if the time really was UTC${strict}.`,
  };
}

/** Why a two-digit year was read as it was: the latest year with those digits not after next year. */
function centuryRule(twoDigits: string, now: number, zone: string): string {
  return `the latest year ending in ${twoDigits} that is not after ${DateTime.fromMillis(now, { zone }).year + 1}`;
}

/** The article's date, and the date of its last update when the text gives one after it. */
export interface ArticleDates extends ResolvedDate {
  /** ISO 8601 with offset: an `Updated …` line's date, later than the article's. */
  updated?: string;
}

/**
 * The article's date, with a warning when it is in the future or implausibly early, and the date
 * of its last update from an `Updated …` line. The headline (`headlineLine`, 1-based) is never
 * its dateline, even when it is a date (`2024-01-01`).
 */
export function resolveArticleDate(source: SourceFile, options: IngestOptions, problems: ProblemLog, headlineLine?: number): ArticleDates {
  const firstLines = source.text.split('\n', DATELINE_LINES);
  if (headlineLine !== undefined && headlineLine <= firstLines.length) firstLines[headlineLine - 1] = '';
  const fromText = findDateInText(firstLines, options.timeZone, options.now ?? Date.now());
  const date: ArticleDates & { ref?: ResolvedDate } = pickDate(source, options, problems, firstLines, fromText);
  checkPlausible(date, source, options.now ?? Date.now(), problems);
  // A sidecar's `updated` wins over the text's `Updated …` line, as its `date` does over the
  // text's; when it gives no update (named, if it is wrong), the text's line may.
  const fromSidecar = sidecarUpdate(source, options, problems, date);
  if (fromSidecar !== undefined) {
    date.updated = fromSidecar;
    delete date.ref;
    return date;
  }
  // An update is one when it is later than the article's date (not its own date read again, nor
  // a date the article was published after); it is recorded, and its date's doubts named.
  const { updated } = fromText;
  if (updated && updated !== date.ref && Date.parse(updated.iso) > Date.parse(date.iso)) {
    warnAboutTextDate(updated, source, options, problems);
    const now = options.now ?? Date.now();
    // An update after the build is a typo (`2042` for `2024`): named, and not shown as one.
    if (isAfterBuild(updated.iso, now)) {
      const read = DateTime.fromISO(updated.iso, { setZone: true });
      problems.warn({
        code: 'DATE_IN_FUTURE',
        file: source.displayPath,
        ...(updated.line === undefined ? {} : { line: updated.line }),
        message: `gives the update date "${updated.written ?? ''}", read as ${read.toFormat('d MMMM yyyy', { locale: 'en' })}, after this build's date (${DateTime.fromMillis(now, { zone: read.zone }).toFormat('d MMMM yyyy', { locale: 'en' })}); the article is published without it`,
        hint: 'Correct the date of the "Updated" line in the text.',
      });
    } else {
      date.updated = updated.iso;
    }
  }
  delete date.ref;
  return date;
}

/** Names what is doubtful about a date read from the text: a two-digit year, or day and month that could swap. */
function warnAboutTextDate(date: ResolvedDate, source: SourceFile, options: IngestOptions, problems: ProblemLog): void {
  const { written, line } = date;
  if (written === undefined) return;
  const warn = (code: string, said: { message: string; hint: string }) => problems.warn({ code, file: source.displayPath, ...(line === undefined ? {} : { line }), ...said });
  const now = options.now ?? Date.now();
  const read = DateTime.fromISO(date.iso, { setZone: true });
  const century = twoDigitYearReading(written, read);
  if (century) {
    warn('TEXT_TWO_DIGIT_YEAR', {
      message: `gives the date "${written}" with a two-digit year; it is read as ${century.read} (${centuryRule(century.twoDigits, now, options.timeZone)})`,
      hint: `Write the year in full in the text ("${century.full}", or the right year if ${century.read} is wrong), or give the date in a sidecar as ISO 8601 (meta.jsonl or NAME.json: {"date": "${century.iso}"}).`,
    });
  }
  const season = zoneSeasonWarning(date.zoneWord, read);
  if (season) warn('TEXT_ZONE_SEASON', season);
  const readings = ambiguousReadings(written, read);
  if (readings) {
    warn('TEXT_AMBIGUOUS_DATE', {
      message: `gives the date "${written}", which could be ${readings.read} or ${readings.other}; it is read day first, as ${readings.read}`,
      hint: `Write the date with the month's name in the text ("${readings.read}"), or give it in a sidecar as ISO 8601 (meta.jsonl or NAME.json: {"date": "${readings.iso}"}).`,
    });
  }
  const monthFirst = monthFirstOnlyReading(written, read);
  if (monthFirst) {
    warn('TEXT_AMBIGUOUS_DATE', {
      message: `gives the date "${written}", which is no day read day first (there is no month ${written.trim().split(/[/.-]/)[1]!.replace(/^0/, '')}); it is read month first, as American dates are written: ${monthFirst}`,
      hint: `Write the date with the month's name in the text ("${monthFirst}"), or give it in a sidecar as ISO 8601 (meta.jsonl or NAME.json: {"date": "${read.toFormat('yyyy-MM-dd')}"}).`,
    });
  }
}

/**
 * A sidecar's `date` or `updated`, read as every date is, with its doubts named at the place that
 * gave it (a two-digit year, day and month that could swap); undefined, with SIDECAR_BAD_DATE,
 * when it is no date, and when it is not given.
 */
function readSidecarDate(field: 'date' | 'updated', source: SourceFile, options: IngestOptions, problems: ProblemLog): DateTime | undefined {
  const value = source.sidecar?.[field];
  if (value === undefined) return undefined;
  const now = options.now ?? Date.now();
  const at = originOf(source.sidecar!, field);
  // Named as the sidecar writes it (`datePublished`), so that a search of the file finds it.
  const key = keyOf(source.sidecar!, field);
  const parsed = parseDateString(value, options.timeZone, now);
  if (parsed && isProbablyHijri(value, parsed.year)) {
    problems.warn({
      code: 'SIDECAR_BAD_DATE',
      ...at,
      message: `${key} "${value}" for ${markUnicodeForm(source.path)} is read as the year ${parsed.year}, probably of the Hijri calendar (no "هـ" after it says whether lunar or solar); it is not used`,
      hint: `Give the date in the Gregorian calendar, as ISO 8601, e.g. "2024-05-01"; or, ${hijriHint(value.trim()).replace(/^.*?, if/, 'if')}.`,
    });
    return undefined;
  }
  if (!parsed) {
    const doubt = dateDoubt(value);
    problems.warn({
      code: 'SIDECAR_BAD_DATE',
      ...at,
      message: `${key} "${value}" for ${markUnicodeForm(source.path)} ${doubt === undefined ? 'is not a date Broadsheet can read (or is outside the years 1–9999)' : `names no one day: ${doubt.reason}`}`,
      hint: doubt === undefined ? 'Write dates as ISO 8601, e.g. "2024-05-01" or "2024-05-01T09:30:00+02:00".' : `${doubt.fix}, or write the date as ISO 8601, e.g. "2024-05-01".`,
    });
    return undefined;
  }
  // A year alone, or a year and month (`2024`, `2024-06`): ISO 8601 allows them, and they read as
  // the first day, which the sidecar does not say. As a year folder's, that day is named.
  const partial = /^\s*\d{4}(-\d{2})?\s*$/.exec(value);
  if (partial) {
    problems.warn({
      code: 'SIDECAR_PARTIAL_DATE',
      ...at,
      message: `${key} "${value}" for ${markUnicodeForm(source.path)} gives only the ${partial[1] === undefined ? 'year' : 'month'}; it is read as ${parsed.toFormat('d MMMM yyyy', { locale: 'en' })}, its first day`,
      hint: `Give the whole date as ISO 8601 ("${parsed.toFormat('yyyy-MM-dd')}", or the right day) to silence this warning.`,
    });
  }
  const century = twoDigitYearReading(value, parsed);
  if (century) {
    problems.warn({
      code: 'SIDECAR_TWO_DIGIT_YEAR',
      ...at,
      message: `${key} "${value}" for ${markUnicodeForm(source.path)} has a two-digit year; it is read as ${century.read} (${centuryRule(century.twoDigits, now, options.timeZone)})`,
      hint: `Write the year in full to be sure, as ISO 8601: "${century.iso}" (or the right year, if ${century.read} is wrong).`,
    });
  }
  const season = zoneSeasonWarning(zoneWordAfter(value), parsed);
  if (season) problems.warn({ code: 'SIDECAR_ZONE_SEASON', ...at, ...season, message: `${key} "${value}" for ${markUnicodeForm(source.path)} ${season.message}` });
  const readings = ambiguousReadings(value, parsed);
  if (readings) {
    problems.warn({
      code: 'SIDECAR_AMBIGUOUS_DATE',
      ...at,
      message: `${key} "${value}" for ${markUnicodeForm(source.path)} could be ${readings.read} or ${readings.other}; it is read day first, as ${readings.read}`,
      hint: `Write dates as ISO 8601 to be sure: "${readings.iso}".`,
    });
  }
  const monthFirst = monthFirstOnlyReading(value, parsed);
  if (monthFirst) {
    problems.warn({
      code: 'SIDECAR_AMBIGUOUS_DATE',
      ...at,
      message: `${key} "${value}" for ${markUnicodeForm(source.path)} is no day read day first (there is no month ${value.trim().split(/[/.-]/)[1]!.replace(/^0/, '')}); it is read month first, as American dates are written: ${monthFirst}`,
      hint: `Write dates as ISO 8601 to be sure: "${parsed.toFormat('yyyy-MM-dd')}".`,
    });
  }
  return parsed;
}

/**
 * The sidecar's `updated` when it dates a change after the article's date; named and left out
 * when it is after the build (a typo) or before the article's date (one of the two is wrong).
 * The same date as the article's is no update (an export's "modified" equal to its "created").
 */
function sidecarUpdate(source: SourceFile, options: IngestOptions, problems: ProblemLog, date: ResolvedDate): string | undefined {
  const parsed = readSidecarDate('updated', source, options, problems);
  if (!parsed) return undefined;
  const value = source.sidecar!.updated!;
  const at = originOf(source.sidecar!, 'updated');
  const key = keyOf(source.sidecar!, 'updated');
  const now = options.now ?? Date.now();
  const iso = formatIsoDate(parsed);
  const shown = parsed.toFormat('d MMMM yyyy', { locale: 'en' });
  if (isAfterBuild(iso, now)) {
    problems.warn({
      code: 'DATE_IN_FUTURE',
      ...at,
      message: `${key} "${value}" for ${markUnicodeForm(source.path)} is read as ${shown}, after this build's date (${DateTime.fromMillis(now, { zone: parsed.zone }).toFormat('d MMMM yyyy', { locale: 'en' })}); the article is published without it`,
      hint: `Correct "${key}" in the sidecar (as ISO 8601, e.g. "2024-05-01"), or remove it.`,
    });
    return undefined;
  }
  if (Date.parse(iso) < Date.parse(date.iso)) {
    const published = DateTime.fromISO(date.iso, { setZone: true });
    problems.warn({
      code: 'SIDECAR_BAD_DATE',
      ...at,
      message: `${key} "${value}" for ${markUnicodeForm(source.path)}, read as ${shown}, is before the article's date (${published.toFormat('d MMMM yyyy', { locale: 'en' })}, from ${date.source === 'sidecar' ? 'the sidecar' : date.source === 'text' ? `the text's line ${date.line ?? 1}` : date.source === 'filename' ? "the file's name or folders" : "the file's time"}); the article is published without it`,
      hint: `Correct "${key}" or the article's date: an update comes after the article.`,
    });
    return undefined;
  }
  return iso === date.iso ? undefined : iso;
}

function pickDate(source: SourceFile, options: IngestOptions, problems: ProblemLog, firstLines: string[], fromText: TextDates): ResolvedDate & { ref?: ResolvedDate } {
  const fromSidecar = readSidecarDate('date', source, options, problems);
  if (fromSidecar) return { iso: formatIsoDate(fromSidecar), source: 'sidecar' };
  if (fromText.date) {
    warnAboutTextDate(fromText.date, source, options, problems);
    const other = fromText.conflicting;
    if (other) {
      // As written, with its reading when that says more (`03/04/2024`: 3 April 2024).
      const day = (date: ResolvedDate) => {
        const read = DateTime.fromISO(date.iso, { setZone: true }).toFormat('d MMMM yyyy', { locale: 'en' });
        return date.written === read ? `"${read}"` : `"${date.written ?? ''}" (${read})`;
      };
      const sameLine = other.line === fromText.date.line;
      problems.warn({
        code: 'TEXT_DATES_DIFFER',
        file: source.displayPath,
        line: other.line!,
        message: sameLine
          ? `gives two dates, ${day(fromText.date)} and ${day(other)}, on one dateline: the first, which dates the article, is taken`
          : `gives the date ${day(other)}, but line ${fromText.date.line!} gives ${day(fromText.date)}, which dates the article: the first dateline is taken`,
        hint: `${sameLine ? 'Correct or remove the date that is wrong (an "Updated" label before the second marks a later change)' : 'Correct or remove the line whose date is wrong (an "Updated" label marks a later change)'}, or give the date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}), which wins over the text.`,
      });
    }
    const apart = fromText.hijriApart;
    if (apart) {
      const read = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toFormat('d MMMM yyyy', { locale: 'en' });
      problems.warn({
        code: 'TEXT_DATES_DIFFER',
        file: source.displayPath,
        line: apart.line!,
        message: `gives the Hijri date "${apart.written!}", ${read(apart.iso)} by the Umm al-Qura calendar, and says it is the Gregorian date ${read(fromText.date.iso)}, which dates the article: one of the two is wrong`,
        hint: 'Correct the date that is wrong in the text, or give the date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}), which wins over the text.',
      });
    }
    return { ...fromText.date, ref: fromText.date };
  }
  const fromName = findDateInPath(source.path, options.timeZone);
  // What an unreadable date gives way to, when the file's time would be: a year or month
  // folder's rule holds here as it does for a file with no date at all.
  const undated = fromName || fromText.updated ? undefined : dateOfUndatedFile(source, options);
  if (fromText.unreadable) {
    problems.warn({
      code: 'TEXT_BAD_DATE',
      file: source.displayPath,
      line: fromText.unreadable.line,
      message: `gives the date "${fromText.unreadable.text}", ${unreadableReason(fromText.unreadable)}; ${fromName ? "the date in the file's name or folders is used instead" : fromText.updated ? `the date of its line ${fromText.updated.line!}, an update's, is used instead` : undated!.instead}`,
      hint: `${fromText.unreadable.hijriYear !== undefined ? `${hijriHint(fromText.unreadable.text)},` : fromText.unreadable.doubt !== undefined ? `${fromText.unreadable.doubt.fix};` : 'Correct the date in the text,'} or give the date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}).`,
    });
  }
  if (fromName) return fromName;
  // An update's date is the latest the article can have been published: better than the file's time.
  if (fromText.updated) {
    warnAboutTextDate(fromText.updated, source, options, problems);
    return { ...fromText.updated, ref: fromText.updated };
  }
  const { date: fallback, instead, folder } = undated!;
  const badName = findBadDateInFileName(path.posix.basename(source.path), options.timeZone);
  if (badName) {
    problems.warn({
      code: 'FILENAME_BAD_DATE',
      file: source.displayPath,
      message: `has "${badName}" in its file name, which is not a real date (or is outside the years 1800–2199); ${instead}`,
      hint: 'Correct the date in the file name, or give the date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}).',
    });
  }
  if (fromText.unreadable || badName) return fallback;
  // A `Published …` line whose date is not one to read (`Posted 2 hours ago`, `Published: 3rd of
  // June 2024`) is named, rather than said to be no date at all.
  const labelled = firstLines.findIndex((line) => LABELLED_DATE.test(withAsciiDigits(line.trim())));
  // A sidecar date that could not be read was named where it is (SIDECAR_BAD_DATE): not "no date".
  const inSidecar = source.sidecar?.date === undefined ? 'in a sidecar' : `Broadsheet can read in its sidecar (its "${keyOf(source.sidecar, 'date')}" is not one)`;
  const noDate =
    labelled === -1
      ? `has no date ${inSidecar}, the text or the file's name or folders`
      : `has no date ${inSidecar} or the file name, and the date of its line "${firstLines[labelled]!.trim()}" is not one Broadsheet can read (relative, a time alone, or in words it does not know)`;
  const hint = 'Give the date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}) or put it in the file name (2024-05-01-name.txt).';
  const at = labelled === -1 ? {} : { line: labelled + 1 };
  const code = fallback.source === 'file-mtime' ? 'DATE_FROM_FILE_TIME' : 'DATE_FROM_FOLDER';
  problems.warn({ code, file: source.displayPath, ...at, message: `${noDate}; ${folder ?? "the file's modification time is used"}`, hint });
  return fallback;
}

/** Why a date in the text gives the article no date. */
function unreadableReason(unreadable: UnreadableTextDate): string {
  if (unreadable.hijriYear !== undefined) return `whose year, ${unreadable.hijriYear}, is probably of the Hijri calendar (no "هـ" after it says whether lunar or solar)`;
  if (unreadable.doubt !== undefined) return `which names no one day: ${unreadable.doubt.reason}`;
  return 'which is not a real date (or is outside the years 1–9999)';
}

/** How to date an article whose date in figures is probably a Hijri one: mark it, or write the Gregorian date. */
function hijriHint(written: string): string {
  const lunar = asLunarHijri(written);
  const solar = asSolarHijri(written);
  return `Write the date in the Gregorian calendar in the text, or, if it is a lunar Hijri date, write "هـ" after it ("${written} هـ", read by the Umm al-Qura calendar${lunar === undefined ? '' : ` as ${lunar}`})${solar === undefined ? '' : `; if a solar Hijri (Iranian) one, its month by name ("${solar.named}", read as ${solar.day})`}`;
}

/**
 * The date of a file whose name, folders and text give none: its modification time, or, in a year
 * or month folder (`2024/`, `2024/06/`) whose period that time is outside (a copy, a restore from
 * backup), the folder's first day, so that the article is not filed under the year of the copy.
 * With what the messages say of it: `instead`, after a date that could not be read, and `folder`,
 * what the folder decided, when the file is in one.
 */
function dateOfUndatedFile(source: SourceFile, options: IngestOptions): { date: ResolvedDate; instead: string; folder?: string } {
  const fileTime = dateFromModificationTime(source.mtimeMs, options.timeZone);
  const span = findYearFolder(source.path);
  if (!span) return { date: fileTime, instead: "the file's modification time is used instead" };
  const time = DateTime.fromISO(fileTime.iso, { setZone: true }).toFormat('d MMMM yyyy', { locale: 'en' });
  const spanName = span.month === undefined ? String(span.year) : DateTime.fromObject({ year: span.year, month: span.month }).toFormat('MMMM yyyy', { locale: 'en' });
  const what = span.month === undefined ? 'year' : 'month';
  const inSpan = fileTime.iso.slice(0, span.month === undefined ? 4 : 7) === `${span.year}${span.month === undefined ? '' : `-${String(span.month).padStart(2, '0')}`}`;
  const gives = `its folder ${span.folder}/ gives only the ${what} (${spanName})`;
  if (inSpan) {
    return {
      date: fileTime,
      instead: `the file's modification time (${time}) is used instead, which is in the ${what} its folder ${span.folder}/ gives (${spanName})`,
      folder: `${gives}, and the file's modification time (${time}) is in it, so that is used`,
    };
  }
  const start = DateTime.fromObject({ year: span.year, month: span.month ?? 1, day: 1 }, { zone: options.timeZone });
  const day = start.toFormat('d MMMM yyyy', { locale: 'en' });
  return {
    date: { iso: formatIsoDate(start), source: 'filename' },
    instead: `it is dated ${day} instead, the first day of its folder ${span.folder}/, since the file's modification time (${time}) is not in ${spanName}`,
    folder: `${gives}, and its modification time (${time}) is not in it, so it is dated ${day}, the folder's first day`,
  };
}

// A day of slack: a story filed in a zone ahead of the build machine's is dated "tomorrow" there.
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** True when an ISO date is more than a day after `now` (DATE_IN_FUTURE). */
export function isAfterBuild(iso: string, now: number): boolean {
  return Date.parse(iso) > now + FUTURE_SLACK_MS;
}
// Before this year a date is more likely a typo (`0024` for `2024`) than history; a sidecar that
// writes it in full as ISO 8601 is taken at its word.
const EARLIEST_PLAUSIBLE_YEAR = 1000;

/** Where a date came from and how to correct it there, for the messages of `checkPlausible`. */
function describeDateSource(date: ResolvedDate, source: SourceFile): { at: { file: string; line?: number }; from: string; fix: string } {
  const sidecarFix = 'give the right date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}), which wins over the text, the file name and the file time';
  switch (date.source) {
    case 'sidecar': {
      const key = keyOf(source.sidecar!, 'date');
      return {
        at: originOf(source.sidecar!, 'date'),
        from: `the sidecar's "${key}" for ${markUnicodeForm(source.path)}, "${source.sidecar!.date!}"`,
        fix: `Correct "${key}" in the sidecar (as ISO 8601, e.g. "2024-05-01")`,
      };
    }
    case 'text':
      return { at: { file: source.displayPath, ...(date.line === undefined ? {} : { line: date.line }) }, from: `the text's date "${date.written ?? ''}"`, fix: `Correct the date in the text, or ${sidecarFix}` };
    case 'filename':
      return { at: { file: source.displayPath }, from: "the date in the file's name or folders", fix: `Correct the date in the file's name or folders, or ${sidecarFix}` };
    default:
      return { at: { file: source.displayPath }, from: "the file's modification time (is the clock of the machine that saved it wrong?)", fix: `Set the file's time right (touch -d 2024-05-01 FILE), or ${sidecarFix}` };
  }
}

/**
 * Warns about a date after the build's time (more than a day) or before the year 1000: both are
 * nearly always typos (`2099`, `0024`). The article is published with the date as read, so the
 * archivist can see and correct it.
 */
function checkPlausible(date: ResolvedDate, source: SourceFile, now: number, problems: ProblemLog): void {
  // Checked on every article: the ISO text (four-digit year, offset) answers both questions, and
  // only a warning needs the date read as a DateTime (8–10 µs an article).
  const inFuture = isAfterBuild(date.iso, now);
  const tooEarly = Number(date.iso.slice(0, 4)) < EARLIEST_PLAUSIBLE_YEAR;
  if (!inFuture && !tooEarly) return;
  const read = DateTime.fromISO(date.iso, { setZone: true });
  const shown = read.toFormat('d MMMM yyyy', { locale: 'en' });
  if (inFuture) {
    const { at, from, fix } = describeDateSource(date, source);
    const today = DateTime.fromMillis(now, { zone: read.zone }).toFormat('d MMMM yyyy', { locale: 'en' });
    problems.warn({
      code: 'DATE_IN_FUTURE',
      ...at,
      message: `${from} is read as ${shown}, after this build's date (${today}); the article is published with it`,
      hint: `${fix}.`,
    });
  }
  const explicit = date.source === 'sidecar' && /^\s*\d{4}-\d{2}-\d{2}/.test(source.sidecar!.date!);
  if (tooEarly && !explicit) {
    const { at, from, fix } = describeDateSource(date, source);
    problems.warn({
      code: 'DATE_TOO_EARLY',
      ...at,
      message: `${from} is read as ${shown}, before the year ${EARLIEST_PLAUSIBLE_YEAR}: probably a typo; the article is published with it`,
      hint: `${fix}. A date this early that is right is taken without a word when a sidecar gives it as ISO 8601 ({"${date.source === 'sidecar' ? keyOf(source.sidecar!, 'date') : 'date'}": "${read.toFormat('yyyy-MM-dd')}"}).`,
    });
  }
}
