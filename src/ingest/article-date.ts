// Decides an article's date and reports what is doubtful about it: the sidecar's date, else a
// date in the first lines of the text, else one in the file name, else the file's time.

import path from 'node:path';
import { DateTime } from 'luxon';
import type { ProblemLog } from '../problems.ts';
import { dateFromModificationTime, findBadDateInFileName, findDateInFileName, findDateInText, formatIsoDate, otherReadingOfNumericDate, parseDateString, type ResolvedDate } from './dates.ts';
import type { IngestOptions, SourceFile } from './parse-article.ts';

/**
 * The two readings of a date in figures that is read day first but would be another date month
 * first (`03/04/2024`), as messages show them; undefined when it has only one.
 */
function ambiguousReadings(written: string, parsed: DateTime): { read: string; other: string; iso: string } | undefined {
  const other = otherReadingOfNumericDate(written);
  if (!other) return undefined;
  return { read: parsed.toFormat('d MMMM yyyy', { locale: 'en' }), other, iso: parsed.toFormat('yyyy-MM-dd') };
}

export function resolveArticleDate(source: SourceFile, options: IngestOptions, problems: ProblemLog): ResolvedDate {
  const sidecarDate = source.sidecar?.date;
  if (sidecarDate !== undefined) {
    const { origin } = source.sidecar!;
    const at = { file: origin.file, ...(origin.line === undefined ? {} : { line: origin.line }) };
    const parsed = parseDateString(sidecarDate, options.timeZone);
    if (parsed) {
      const readings = ambiguousReadings(sidecarDate, parsed);
      if (readings) {
        problems.warn({
          code: 'SIDECAR_AMBIGUOUS_DATE',
          ...at,
          message: `date "${sidecarDate}" for ${source.path} could be ${readings.read} or ${readings.other}; it is read day first, as ${readings.read}`,
          hint: `Write dates as ISO 8601 to be sure: "${readings.iso}".`,
        });
      }
      return { iso: formatIsoDate(parsed), source: 'sidecar' };
    }
    problems.warn({
      code: 'SIDECAR_BAD_DATE',
      ...at,
      message: `date "${sidecarDate}" for ${source.path} is not a date Broadsheet can read (or is outside the years 1–9999)`,
      hint: 'Write dates as ISO 8601, e.g. "2024-05-01" or "2024-05-01T09:30:00+02:00".',
    });
  }
  const fromText = findDateInText(source.text.split('\n', 8), options.timeZone);
  if (fromText.date) {
    const { written, line } = fromText.date;
    const readings = written === undefined ? undefined : ambiguousReadings(written, DateTime.fromISO(fromText.date.iso, { setZone: true }));
    if (readings) {
      problems.warn({
        code: 'TEXT_AMBIGUOUS_DATE',
        file: source.displayPath,
        ...(line === undefined ? {} : { line }),
        message: `gives the date "${written}", which could be ${readings.read} or ${readings.other}; it is read day first, as ${readings.read}`,
        hint: `Write the date with the month's name in the text ("${readings.read}"), or give it in a sidecar as ISO 8601 (meta.jsonl or NAME.json: {"date": "${readings.iso}"}).`,
      });
    }
    return fromText.date;
  }
  const fromName = findDateInFileName(path.posix.basename(source.path), options.timeZone);
  if (fromText.unreadable) {
    problems.warn({
      code: 'TEXT_BAD_DATE',
      file: source.displayPath,
      line: fromText.unreadable.line,
      message: `gives the date "${fromText.unreadable.text}", which is not a real date (or is outside the years 1–9999); ${fromName ? 'the date in the file name' : "the file's modification time"} is used instead`,
      hint: 'Correct the date in the text, or give the date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}).',
    });
  }
  if (fromName) return fromName;
  const badName = findBadDateInFileName(path.posix.basename(source.path), options.timeZone);
  if (badName) {
    problems.warn({
      code: 'FILENAME_BAD_DATE',
      file: source.displayPath,
      message: `has "${badName}" in its file name, which is not a real date (or is outside the years 1800–2199); the file's modification time is used instead`,
      hint: 'Correct the date in the file name, or give the date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}).',
    });
  }
  if (fromText.unreadable || badName) return dateFromModificationTime(source.mtimeMs, options.timeZone);
  problems.warn({
    code: 'DATE_FROM_FILE_TIME',
    file: source.displayPath,
    message: 'has no date in a sidecar, the text or the file name; the file\'s modification time is used',
    hint: 'Give the date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}) or put it in the file name (2024-05-01-name.txt).',
  });
  return dateFromModificationTime(source.mtimeMs, options.timeZone);
}
