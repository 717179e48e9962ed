// The article date: sidecar, then the text, then the file name, then the file time (with a
// warning); read and recorded in the configured zone, with no day lost or gained, even in zones
// fourteen hours ahead of UTC or eleven behind and for times near midnight.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import type { SidecarData } from '../../src/ingest/sidecar.ts';
import { ProblemLog } from '../../src/problems.ts';
import { toArticle } from '../../src/site/load-articles.ts';
import { createSiteContext } from '../../src/site/site-context.ts';
import { DEFAULT_CONFIG } from '../../src/config/site-config.ts';
import { writeArticleFile } from '../../src/ingest/frontmatter.ts';
import { escapeMarkdownLine } from '../../src/ingest/escape-markdown.ts';

const TEXT = 'A headline for the date tests\n\nThe first paragraph of the article.\n';

function dateOf(options: { zone: string; text?: string; name?: string; sidecarDate?: string; mtimeMs?: number; now?: number }) {
  const problems = new ProblemLog();
  const sidecar: SidecarData | undefined = options.sidecarDate === undefined ? undefined : { date: options.sidecarDate, extra: {}, origin: { file: 'meta.jsonl', line: 1 } };
  const parsed = parseArticle(
    { path: options.name ?? 'story.txt', displayPath: options.name ?? 'story.txt', hash: 'sha256:00', text: options.text ?? TEXT, mtimeMs: options.mtimeMs ?? Date.UTC(2020, 5, 15, 12), ...(sidecar ? { sidecar } : {}) },
    { rules: DEFAULT_RULES, timeZone: options.zone, language: 'en', ...(options.now === undefined ? {} : { now: options.now }) },
    problems,
  );
  assert.ok(parsed);
  return { date: parsed.frontmatter.date, source: parsed.frontmatter.dateSource, codes: problems.problems.map((problem) => problem.code), parsed, problems: problems.problems };
}

/** What a reader sees: the article loaded as the site loads it, its URL year and displayed day. */
function shown(zone: string, date: string) {
  const { parsed } = dateOf({ zone, sidecarDate: date });
  const text = writeArticleFile({ ...parsed.frontmatter, slug: 'a-headline' }, parsed.body);
  const article = toArticle('x.md', 'x.md', text, zone, 'en', new ProblemLog());
  assert.ok(article);
  const site = createSiteContext({ ...DEFAULT_CONFIG, timeZone: zone }, [article]);
  return { url: article.url, day: site.formatDate(article.date, 'en') };
}

describe('where the date comes from', () => {
  it('takes the sidecar date first, even when the text and the file name have one', () => {
    const result = dateOf({ zone: 'UTC', sidecarDate: '2021-02-03', name: '2022-01-01-story.txt', text: 'Headline\n\nPublished 4 May 2023\n\nText.\n' });
    assert.deepEqual([result.date, result.source], ['2021-02-03T00:00:00+00:00', 'sidecar']);
  });

  it('takes a "Published …" line in the text before the file name', () => {
    const result = dateOf({ zone: 'UTC', name: '2022-01-01-story.txt', text: 'Published 4 May 2023\nHeadline\n\nText.\n' });
    assert.deepEqual([result.date, result.source], ['2023-05-04T00:00:00+00:00', 'text']);
  });

  it('takes a dateline in the text ("LONDON, March 3, 2024 —")', () => {
    const result = dateOf({ zone: 'UTC', text: 'Headline\n\nLONDON, March 3, 2024 — The council met.\n' });
    assert.deepEqual([result.date, result.source], ['2024-03-03T00:00:00+00:00', 'text']);
  });

  it('names a date in the text that is no real date, and falls back to the file name, then the file time', () => {
    const named = dateOf({ zone: 'UTC', name: '2022-01-01-story.txt', text: 'Published 2024-02-30\nHeadline\n\nText.\n' });
    assert.deepEqual([named.date, named.source, named.codes], ['2022-01-01T00:00:00+00:00', 'filename', ['TEXT_BAD_DATE']]);
    const timed = dateOf({ zone: 'UTC', text: 'Headline\n\nLONDON, 31 April 2024 — The council met.\n' });
    assert.deepEqual([timed.date, timed.source, timed.codes], ['2020-06-15T12:00:00+00:00', 'file-mtime', ['TEXT_BAD_DATE']]);
  });

  it('says why a date that is no real day is none (no month 13, April has 30 days, 2023 no 29 February), in the text and in a sidecar, in words, figures or Arabic', () => {
    for (const [written, reason] of [
      ['2024-13-01', 'there is no month 13'],
      ['31 April 2024', 'April 2024 has 30 days, so no day 31'],
      ['June 31, 2024', 'June 2024 has 30 days, so no day 31'],
      ['29.02.2023', 'February 2023 has 28 days, so no day 29'],
      ['2024/02/30', 'February 2024 has 29 days, so no day 30'],
      ['٢٩ فبراير ٢٠٢٣', 'February 2023 has 28 days, so no day 29'],
    ] as const) {
      const label = /[\u0600-\u06ff]/.test(written) ? 'نشر في:' : 'Published:';
      const text = dateOf({ zone: 'UTC', text: `Headline\n\n${label} ${written}\n\nText.\n` });
      assert.deepEqual(text.problems.map(({ code, line, message, hint }) => [code, line, message, hint]), [
        ['TEXT_BAD_DATE', 3, `gives the date "${written}", which names no one day: ${reason}; the file's modification time is used instead`, 'Correct the day or the month; or give the date in a sidecar (meta.jsonl or NAME.json: {"date": "2024-05-01"}).'],
      ], written);
      const sidecar = dateOf({ zone: 'UTC', sidecarDate: written });
      assert.equal(sidecar.problems[0]!.message, `date "${written}" for story.txt names no one day: ${reason}`, written);
    }
  });

  it('names a date in the file name that is no real date (or outside 1800–2199), instead of saying there is none', () => {
    for (const name of ['2024-02-30-story.txt', '2024-13-01-story.txt', '1799-01-01-story.txt']) {
      const result = dateOf({ zone: 'UTC', name });
      assert.deepEqual([result.date, result.source, result.codes], ['2020-06-15T12:00:00+00:00', 'file-mtime', ['FILENAME_BAD_DATE']], name);
    }
    assert.deepEqual(dateOf({ zone: 'UTC', name: 'report-20241345.txt' }).codes, ['DATE_FROM_FILE_TIME'], 'digits without dashes are no date');
  });

  it('takes the date in the file name before the file time', () => {
    const result = dateOf({ zone: 'UTC', name: 'sport/2019-12-31-final.txt' });
    assert.deepEqual([result.date, result.source, result.codes], ['2019-12-31T00:00:00+00:00', 'filename', []]);
  });

  it('takes a date in the folders (year, month and day folders, as a mirrored web site files its pages, or a folder named as a date) before the file time, the file name first', () => {
    for (const [name, iso] of [
      ['example.org/news/2024/06/03/council-votes.txt', '2024-06-03T00:00:00+00:00'],
      ['2023/6/9/story.txt', '2023-06-09T00:00:00+00:00'],
      ['archive/2024-06-03/story.txt', '2024-06-03T00:00:00+00:00'],
      ['2024/06/03/2024-06-05-story.txt', '2024-06-05T00:00:00+00:00'],
      ['2024/06/03/sport/story.txt', '2024-06-03T00:00:00+00:00'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', name });
      assert.deepEqual([result.date, result.source, result.codes], [iso, 'filename', []], name);
    }
    // A year and a month alone, or a day that is none, give no date (but a span: below); numbers that are no year give nothing.
    for (const name of ['2024/06/story.txt', '2024/02/30/story.txt']) {
      assert.deepEqual(dateOf({ zone: 'UTC', name }).codes, ['DATE_FROM_FOLDER'], name);
    }
    for (const name of ['1024/06/03/story.txt', 'issue/12/03/story.txt']) {
      assert.deepEqual(dateOf({ zone: 'UTC', name }).codes, ['DATE_FROM_FILE_TIME'], name);
    }
  });

  it('dates a source in a year (or year and month) folder, with no date anywhere, by the file time only when that is in the folder\'s span, else the span\'s first day, saying so', () => {
    const inYear = dateOf({ zone: 'Europe/London', name: 'news/2024/story.txt', mtimeMs: Date.UTC(2024, 7, 8, 9) });
    assert.deepEqual([inYear.date, inYear.source, inYear.codes], ['2024-08-08T10:00:00+01:00', 'file-mtime', ['DATE_FROM_FILE_TIME']]);
    assert.match(inYear.problems[0]!.message, /folder news\/2024\/ gives only the year \(2024\), and the file's modification time \(8 August 2024\) is in it/);

    // A copy made in 2026 of a 2024 story: the folder's year, not the copy's.
    const copied = dateOf({ zone: 'Europe/London', name: 'news/2024/story.txt', mtimeMs: Date.UTC(2026, 2, 3, 9) });
    assert.deepEqual([copied.date, copied.source, copied.codes], ['2024-01-01T00:00:00+00:00', 'filename', ['DATE_FROM_FOLDER']]);
    assert.match(copied.problems[0]!.message, /folder news\/2024\/ gives only the year \(2024\), and its modification time \(3 March 2026\) is not in it, so it is dated 1 January 2024/);

    const month = dateOf({ zone: 'UTC', name: '2019/6/story.txt', mtimeMs: Date.UTC(2019, 6, 1, 9) });
    assert.deepEqual([month.date, month.source, month.codes], ['2019-06-01T00:00:00+00:00', 'filename', ['DATE_FROM_FOLDER']]);
    assert.match(month.problems[0]!.message, /folder 2019\/6\/ gives only the month \(June 2019\)/);
  });

  it('dates a source in a year or month folder whose text or name holds a date that is no real one by the folder, as an undated one, when its file time is outside it, saying so', () => {
    const copy = Date.UTC(2026, 0, 1, 9);
    const text = dateOf({ zone: 'UTC', name: '2019/06/story.txt', mtimeMs: copy, text: 'Headline\n\nPublished: 2019-02-30\n\nText.\n' });
    assert.deepEqual([text.date, text.source, text.codes], ['2019-06-01T00:00:00+00:00', 'filename', ['TEXT_BAD_DATE']]);
    assert.equal(text.problems[0]!.line, 3);
    assert.match(text.problems[0]!.message, /"2019-02-30", which names no one day: February 2019 has 28 days, so no day 30; it is dated 1 June 2019 instead, the first day of its folder 2019\/06\/, since the file's modification time \(1 January 2026\) is not in June 2019$/);

    const name = dateOf({ zone: 'UTC', name: 'news/2020/2020-13-45-story.txt', mtimeMs: copy });
    assert.deepEqual([name.date, name.source, name.codes], ['2020-01-01T00:00:00+00:00', 'filename', ['FILENAME_BAD_DATE']]);
    assert.match(name.problems[0]!.message, /"2020-13-45" in its file name, .*; it is dated 1 January 2020 instead, the first day of its folder news\/2020\/, since the file's modification time \(1 January 2026\) is not in 2020$/);

    // A file time in the folder's period is still the date, and the message says why.
    const inside = dateOf({ zone: 'UTC', name: '2019/06/story.txt', mtimeMs: Date.UTC(2019, 5, 20, 9), text: 'Headline\n\nPublished: 2019-02-30\n\nText.\n' });
    assert.deepEqual([inside.date, inside.source, inside.codes], ['2019-06-20T09:00:00+00:00', 'file-mtime', ['TEXT_BAD_DATE']]);
    assert.match(inside.problems[0]!.message, /the file's modification time \(20 June 2019\) is used instead, which is in the month its folder 2019\/06\/ gives \(June 2019\)$/);
  });

  it('reads a time with a leap second (23:59:60) as the second before it, keeping the day written, in the text and in a sidecar', () => {
    for (const [text, sidecarDate] of [
      ['Headline\n\nPublished: 2016-12-31T23:59:60Z\n\nText.\n', undefined],
      ['Headline\n\nPublished: 31 December 2016, 23:59:60 GMT\n\nText.\n', undefined],
      [TEXT, '2016-12-31T23:59:60Z'],
      [TEXT, '31/12/2016 23:59:60'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text, ...(sidecarDate === undefined ? {} : { sidecarDate }) });
      assert.deepEqual([result.date, result.source, result.codes], ['2016-12-31T23:59:59+00:00', sidecarDate === undefined ? 'text' : 'sidecar', []], sidecarDate ?? text);
    }
    // A date in figures with a two-digit year 60 is no time with a leap second.
    for (const [text, sidecarDate] of [['Headline\n\nPublished: 01.01.60\n\nText.\n', undefined], [TEXT, '01.01.60']] as const) {
      const result = dateOf({ zone: 'UTC', text, ...(sidecarDate === undefined ? {} : { sidecarDate }), now: Date.UTC(2026, 0, 1) });
      assert.equal(result.date, '1960-01-01T00:00:00+00:00', sidecarDate ?? text);
    }
  });

  it('reads 24:00, the end of a day, as its last second, keeping the day and year written, in the text and in a sidecar', () => {
    for (const [text, sidecarDate] of [
      ['Headline\n\nPublished: 2024-12-31T24:00:00Z\n\nText.\n', undefined],
      ['Headline\n\nPublished: 31 December 2024, 24:00 GMT\n\nText.\n', undefined],
      [TEXT, '2024-12-31T24:00Z'],
      [TEXT, '31 December 2024 24:00'],
      [TEXT, '31/12/2024 24:00:00'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text, ...(sidecarDate === undefined ? {} : { sidecarDate }) });
      assert.deepEqual([result.date, result.source, result.codes], ['2024-12-31T23:59:59+00:00', sidecarDate === undefined ? 'text' : 'sidecar', []], sidecarDate ?? text);
    }
    // Any other hour past 23 is no time.
    assert.deepEqual(dateOf({ zone: 'UTC', text: TEXT, sidecarDate: '2024-12-31T24:30Z' }).codes, ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME']);
  });

  it('reads a date written in Arabic-Indic, Persian or full-width digits as in ASCII ones, in the text (above the headline too) and in a sidecar', () => {
    for (const [text, sidecarDate, title] of [
      ['Council meets\n\nPublished: ٢٠٢٤-٠٦-٠٣\n\nThe council met.\n', undefined, 'Council meets'],
      ['Published: ٢٠٢٤-٠٦-٠٣\nCouncil meets\n\nThe council met.\n', undefined, 'Council meets'],
      ['Council meets\n\nPublished: ۲۰۲۴/۰۶/۰۳\n\nThe council met.\n', undefined, 'Council meets'],
      ['Council meets\n\nPublished: ２０２４-０６-０３\n\nThe council met.\n', undefined, 'Council meets'],
      [TEXT, '٢٠٢٤-٠٦-٠٣', 'A headline for the date tests'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text, ...(sidecarDate === undefined ? {} : { sidecarDate }) });
      assert.deepEqual([result.date, result.source, result.codes, result.parsed.frontmatter.title], ['2024-06-03T00:00:00+00:00', sidecarDate === undefined ? 'text' : 'sidecar', [], title], sidecarDate ?? text);
    }
  });

  it('names a date in other digits whose year is a Hijri one (1445, 1403) rather than reading it as a Gregorian year', () => {
    const text = dateOf({ zone: 'UTC', text: 'Headline\n\nPublished: ٢٧/١٢/١٤٤٥\n\nText.\n' });
    assert.deepEqual([text.source, text.codes, text.problems[0]!.line], ['file-mtime', ['TEXT_BAD_DATE'], 3]);
    assert.match(text.problems[0]!.message, /gives the date "٢٧\/١٢\/١٤٤٥", whose year, 1445, is probably of the Hijri calendar/);
    const sidecar = dateOf({ zone: 'UTC', sidecarDate: '۱۴۰۳/۰۳/۱۴' });
    assert.deepEqual([sidecar.source, sidecar.codes], ['file-mtime', ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME']]);
    assert.match(sidecar.problems[0]!.message, /read as the year 1403, probably of the Hijri calendar/);
  });

  it('names a second dateline on another day than the first, which dates the article, and not one on the same day or an update', () => {
    const differ = dateOf({ zone: 'UTC', text: 'Headline\n\nPublished: 3 June 2024\nPublished: 05/07/2023\n\nText.\n' });
    assert.deepEqual([differ.date, differ.source], ['2024-06-03T00:00:00+00:00', 'text']);
    assert.deepEqual(differ.problems.map(({ code, line, message }) => ({ code, line, message })), [
      { code: 'TEXT_DATES_DIFFER', line: 4, message: 'gives the date "05/07/2023" (5 July 2023), but line 3 gives "3 June 2024", which dates the article: the first dateline is taken' },
    ]);
    for (const text of [
      'LONDON, June 3, 2024 — The council met.\n\nPublished: June 3, 2024 14:00 BST\n\nText.\n',
      'Headline\n\nPublished: 3 June 2024\nUpdated: 5 June 2024\n\nText.\n',
    ]) {
      assert.deepEqual(dateOf({ zone: 'UTC', text }).codes, [], text);
    }
  });

  it('names two dates on one dateline on different days, the first dating the article, and not two that are one day, an update\'s, or a date in a wire story\'s first sentence', () => {
    for (const [line, first, second] of [
      ['Published: 3 June 2024, 5 June 2024', '"3 June 2024"', '"5 June 2024"'],
      ['Published: 12 Jumada II 1445, 3 June 2024', '"12 Jumada II 1445" (25 December 2023)', '"3 June 2024"'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text: `Headline\n\n${line}\n\nText.\n` });
      assert.deepEqual(result.problems.map(({ code, line: at, message }) => ({ code, line: at, message })), [
        { code: 'TEXT_DATES_DIFFER', line: 3, message: `gives two dates, ${first} and ${second}, on one dateline: the first, which dates the article, is taken` },
      ], line);
      assert.match(result.problems[0]!.hint!, /^Correct or remove the date that is wrong/, line);
    }
    for (const text of [
      'Headline\n\nPublished: 12 Jumada II 1445, 25 December 2023\n\nText.\n',
      'Headline\n\nPublished 3 June 2024 · Updated 5 June 2024\n\nText.\n',
      'Headline\n\nLONDON, March 3, 2024 — The council met on 5 March 2024 to vote.\n\nText.\n',
    ]) {
      assert.deepEqual(dateOf({ zone: 'UTC', text }).codes, [], text);
    }
  });

  it('names an offset no zone has (+25:00, -13:00, +05:60), in the text and in a sidecar, rather than move the date by a day', () => {
    for (const written of ['2024-06-03T10:00:00+25:00', '2024-06-03T22:00:00-13:00', '2024-06-03T10:00+05:60']) {
      const offset = /[+-]\d{2}:\d{2}$/.exec(written)![0];
      const text = dateOf({ zone: 'UTC', text: `Headline\n\nPublished: ${written}\n\nText.\n` });
      assert.deepEqual([text.source, text.codes, text.problems[0]!.line], ['file-mtime', ['TEXT_BAD_DATE'], 3], written);
      assert.match(text.problems[0]!.message, new RegExp(`its offset from UTC, \\${offset}, is no zone's`), written);
      const sidecar = dateOf({ zone: 'UTC', sidecarDate: written });
      assert.deepEqual([sidecar.source, sidecar.codes], ['file-mtime', ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME']], written);
    }
    // The ends of the range are zones' own: Kiribati's +14:00 and Baker Island's −12:00.
    assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate: '2024-06-03T10:00:00+14:00' }).date, '2024-06-02T20:00:00+00:00');
    assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate: 'Mon, 03 Jun 2024 10:00:00 -1200' }).date, '2024-06-03T22:00:00+00:00');
  });

  it('reads a dateline whose time, or the Gregorian day of its Hijri date, is in brackets, above the headline as chrome too', () => {
    for (const [line, date] of [
      ['Published: 3 June 2024 (14:05 BST)', '2024-06-03T13:05:00+00:00'],
      ['Published: 12 Jumada II 1445 AH (25 December 2023)', '2023-12-25T00:00:00+00:00'],
    ] as const) {
      const below = dateOf({ zone: 'UTC', text: `Headline\n\n${line}\n\nText.\n` });
      assert.deepEqual([below.date, below.source, below.codes], [date, 'text', []], line);
      const above = dateOf({ zone: 'UTC', text: `${line}\nHeadline\n\nText.\n` });
      assert.deepEqual([above.date, above.parsed.frontmatter.title, above.parsed.removed.map((removed) => removed.text)], [date, 'Headline', [line]], line);
    }
  });

  it('reads an ISO week date on a dateline (the week alone as its Monday), as a sidecar\'s, above the headline too, and names a week that is none', () => {
    for (const text of ['ISO week\n\nPublished: 2024-W23-1\n\nText.\n', 'ISO week\n\nPublished: 2024-W23\n\nText.\n', 'Published: 2024-W23-1\nISO week\n\nText.\n']) {
      const result = dateOf({ zone: 'UTC', text });
      assert.deepEqual([result.date, result.source, result.codes, result.parsed.frontmatter.title], ['2024-06-03T00:00:00+00:00', 'text', [], 'ISO week'], text);
    }
    const none = dateOf({ zone: 'UTC', text: 'ISO week\n\nPublished: 2024-W54\n\nText.\n' });
    assert.deepEqual([none.codes, none.problems[0]!.line], [['TEXT_BAD_DATE'], 3]);
    assert.deepEqual(dateOf({ zone: 'UTC', text: 'Headline\n\nWe met in week 2024-W23 of the year.\n' }).codes, ['DATE_FROM_FILE_TIME'], 'a week in a sentence dates nothing');
  });

  it('says, when a sidecar\'s date cannot be read and the file time is used, that the sidecar\'s date is not one, not that it has none', () => {
    const result = dateOf({ zone: 'UTC', sidecarDate: '2023-02-29' });
    assert.deepEqual([result.source, result.codes], ['file-mtime', ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME']]);
    assert.equal(result.problems[1]!.message, 'has no date Broadsheet can read in its sidecar (its "date" is not one), the text or the file\'s name or folders; the file\'s modification time is used');
  });

  it('falls back to the file time with a warning', () => {
    const result = dateOf({ zone: 'UTC', mtimeMs: Date.UTC(2020, 5, 15, 12, 30, 45, 999) });
    assert.deepEqual([result.date, result.source, result.codes], ['2020-06-15T12:30:45+00:00', 'file-mtime', ['DATE_FROM_FILE_TIME']]);
  });

  it('names a "Published …" line whose date it cannot read when it falls back to the file time, instead of saying the text has no date', () => {
    for (const [text, line, written] of [
      ['Posted 2 hours ago\nHeadline\n\nText.\n', 1, 'Posted 2 hours ago'],
      ['Headline\n\nPublished: 3rd of June 2024\n\nText.\n', 3, 'Published: 3rd of June 2024'],
      ['Headline\n\nUpdated 14:05 GMT\n\nText.\n', 3, 'Updated 14:05 GMT'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text });
      assert.deepEqual(
        result.problems.map(({ code, line: at, message }) => ({ code, line: at, message })),
        [
          {
            code: 'DATE_FROM_FILE_TIME',
            line,
            message: `has no date in a sidecar or the file name, and the date of its line "${written}" is not one Broadsheet can read (relative, a time alone, or in words it does not know); the file's modification time is used`,
          },
        ],
        text,
      );
    }
  });

  it('takes a relative date alone ("2 hours ago", "Yesterday at 14:05"), which gives no date, for chrome above the headline and no heading below it, naming its line', () => {
    for (const relative of ['2 hours ago', 'an hour ago', 'About 3 days ago', 'Yesterday', 'Yesterday at 14:05', 'Today, 9:30 am', 'Just now']) {
      const above = dateOf({ zone: 'UTC', text: `${relative}\nCouncil approves water budget\n\nThe council met on Tuesday.\n` });
      assert.deepEqual([above.parsed.frontmatter.title, above.parsed.removed.map((removed) => [removed.line, removed.reason])], ['Council approves water budget', [[1, 'chrome']]], relative);
      assert.deepEqual([above.codes, above.problems[0]!.line], [['DATE_FROM_FILE_TIME'], 1], relative);
      assert.match(above.problems[0]!.message, new RegExp(`the date of its line "${relative}" is not one Broadsheet can read \\(relative`), relative);
      const below = dateOf({ zone: 'UTC', text: `Council approves water budget\n${relative}\n\nThe council met on Tuesday.\n` });
      assert.equal(below.parsed.body, `${relative}\n\nThe council met on Tuesday.`, relative);
    }
    // Before running text, such a word is the headline.
    const song = dateOf({ zone: 'UTC', text: 'Yesterday\nThe band played its most famous song at the festival, and the crowd sang along.\n' });
    assert.equal(song.parsed.frontmatter.title, 'Yesterday');
  });

  it('reads a sidecar date written day/month/year day first, and warns when month first would be another date', () => {
    const ambiguous = dateOf({ zone: 'UTC', sidecarDate: '03/04/2024' });
    assert.deepEqual([ambiguous.date, ambiguous.source, ambiguous.codes], ['2024-04-03T00:00:00+00:00', 'sidecar', ['SIDECAR_AMBIGUOUS_DATE']]);
    const problems = new ProblemLog();
    parseArticle(
      { path: 'story.txt', displayPath: 'story.txt', hash: 'sha256:00', text: TEXT, mtimeMs: 0, sidecar: { date: '03/04/2024', extra: {}, origin: { file: 'meta.jsonl', line: 7 } } },
      { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' },
      problems,
    );
    const [warning] = problems.problems;
    assert.equal(warning!.file, 'meta.jsonl');
    assert.equal(warning!.line, 7);
    assert.equal(warning!.message, 'date "03/04/2024" for story.txt could be 3 April 2024 or 4 March 2024; it is read day first, as 3 April 2024');
    assert.equal(warning!.hint, 'Write dates as ISO 8601 to be sure: "2024-04-03".');
    // One reading only: a day over 12, the same day and month, or ISO 8601.
    for (const [date, iso] of [
      ['25/12/2024', '2024-12-25T00:00:00+00:00'],
      ['04/04/2024', '2024-04-04T00:00:00+00:00'],
      ['2024-04-03', '2024-04-03T00:00:00+00:00'],
    ] as const) {
      const plain = dateOf({ zone: 'UTC', sidecarDate: date });
      assert.deepEqual([plain.date, plain.codes], [iso, []], date);
    }
  });

  it('reads a date in figures that is a day only month first ("03/14/2024", "12/31/2023 10:00", as American exports write them) month first, naming the reading, in the text and a sidecar', () => {
    for (const [written, iso, day, month] of [
      ['03/14/2024', '2024-03-14T00:00:00+00:00', '14 March 2024', 14],
      ['12/31/2023 10:00', '2023-12-31T10:00:00+00:00', '31 December 2023', 31],
      ['3.14.2024', '2024-03-14T00:00:00+00:00', '14 March 2024', 14],
    ] as const) {
      const text = dateOf({ zone: 'UTC', text: `Headline\nPublished: ${written}\n\nText.\n` });
      const shownDate = written.split(' ')[0]!;
      assert.deepEqual([text.date, text.source], [iso, 'text'], written);
      assert.deepEqual(text.problems.map(({ code, line, message }) => [code, line, message]), [
        ['TEXT_AMBIGUOUS_DATE', 2, `gives the date "${shownDate}", which is no day read day first (there is no month ${month}); it is read month first, as American dates are written: ${day}`],
      ], written);
      const sidecar = dateOf({ zone: 'UTC', sidecarDate: written });
      assert.deepEqual([sidecar.date, sidecar.codes], [iso, ['SIDECAR_AMBIGUOUS_DATE']], written);
      assert.equal(sidecar.problems[0]!.message, `date "${written}" for story.txt is no day read day first (there is no month ${month}); it is read month first, as American dates are written: ${day}`, written);
    }
    // Neither way a day: named, as before.
    assert.deepEqual(dateOf({ zone: 'UTC', text: 'Headline\nPublished: 13/14/2024\n\nText.\n' }).codes, ['TEXT_BAD_DATE']);
  });

  it('reads a numeric dateline in the text ("Published: 03/04/2024", "Updated 3/4/2024", "Date: 03.04.2024") day first, naming the line where month first would be another date', () => {
    const cases = [
      { line: 'Published: 03/04/2024', day: 3, month: 4 },
      { line: 'Updated 3/4/2024', day: 3, month: 4 },
      { line: 'Date: 03.04.2024', day: 3, month: 4 },
      { line: 'Last updated: 5-11-2023', day: 5, month: 11, year: 2023 },
    ];
    for (const { line, day, month, year = 2024 } of cases) {
      for (const at of [1, 2]) {
        const lines = ['Headline'];
        lines.splice(at - 1, 0, line);
        const problems = new ProblemLog();
        const parsed = parseArticle(
          { path: 'story.txt', displayPath: 'inbox/story.txt', hash: 'sha256:00', text: `${lines.join('\n')}\n\nText.\n`, mtimeMs: 0 },
          { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' },
          problems,
        );
        const pad = (n: number) => String(n).padStart(2, '0');
        assert.deepEqual([parsed!.frontmatter.date, parsed!.frontmatter.dateSource], [`${year}-${pad(month)}-${pad(day)}T00:00:00+00:00`, 'text'], line);
        const written = /\d.*$/.exec(line)![0];
        const name = (d: number, m: number) => `${d} ${['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1]} ${year}`;
        assert.deepEqual(
          problems.problems.map(({ code, file, line: where, message }) => ({ code, file, line: where, message })),
          [{ code: 'TEXT_AMBIGUOUS_DATE', file: 'inbox/story.txt', line: at, message: `gives the date "${written}", which could be ${name(day, month)} or ${name(month, day)}; it is read day first, as ${name(day, month)}` }],
          line,
        );
      }
    }
  });

  it('reads a numeric date alone on a line, and one whose day is over 12 without a warning', () => {
    assert.deepEqual(Object.values(dateOf({ zone: 'UTC', text: '25/12/2024\nHeadline\n\nText.\n' })).slice(0, 3), ['2024-12-25T00:00:00+00:00', 'text', []]);
    assert.deepEqual(Object.values(dateOf({ zone: 'UTC', text: 'Headline\n\n25.12.2024 14:05\n\nText.\n' })).slice(0, 3), ['2024-12-25T14:05:00+00:00', 'text', []]);
  });

  it('reads a date in figures written year first on a labelled line or alone ("Updated 2024/06/03"), with its time', () => {
    for (const [line, iso] of [
      ['Updated 2024/06/03', '2024-06-03T00:00:00+00:00'],
      ['Posted on 2024.6.3', '2024-06-03T00:00:00+00:00'],
      ['Last updated: 2024/06/03 09:15', '2024-06-03T09:15:00+00:00'],
      ['2024.06.03 14:30', '2024-06-03T14:30:00+00:00'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text: `Headline\n\n${line}\n\nText.\n` });
      assert.deepEqual([result.date, result.source, result.codes], [iso, 'text', []], line);
    }
    for (const line of ['The figures for 2024/06/03 were bad.', 'Version 2024.06.03.1 is out.']) {
      assert.deepEqual(dateOf({ zone: 'UTC', text: `Headline\n\n${line}\n` }).codes, ['DATE_FROM_FILE_TIME'], line);
    }
    const impossible = dateOf({ zone: 'UTC', name: '2022-01-01-story.txt', text: 'Headline\n\nUpdated 2024/02/30\n\nText.\n' });
    assert.deepEqual([impossible.source, impossible.codes], ['filename', ['TEXT_BAD_DATE']]);
  });

  it('does not take a date in figures inside a sentence, or unlabelled beside a place', () => {
    for (const line of ['The final score was 3.4.2024 in the end.', 'Reference 03/04/2024 was filed.', 'LONDON, 03/04/2024 — The council met.']) {
      const result = dateOf({ zone: 'UTC', text: `Headline\n\n${line}\n` });
      assert.deepEqual([result.source, result.codes], ['file-mtime', ['DATE_FROM_FILE_TIME']], line);
    }
  });

  it('removes a labelled or lone numeric dateline above the headline, as a "Published" line, and keeps one below it in the text', () => {
    for (const line of ['Published: 03/04/2024', 'Date: 03.04.2024', '03/04/2024', '3.4.2024 14:05']) {
      const above = dateOf({ zone: 'UTC', text: `${line}\nHeadline\n\nText.\n` }).parsed;
      assert.deepEqual([above.frontmatter.title, above.removed], ['Headline', [{ line: 1, text: line, reason: 'chrome' }]], line);
      const below = dateOf({ zone: 'UTC', text: `Headline\n\n${line}\n\nText one.\n\nText two.\n` }).parsed;
      assert.deepEqual([below.frontmatter.title, below.removed, below.keptLines.includes(line)], ['Headline', [], true], line);
    }
  });

  it('keeps a dateline below the headline as a paragraph of the text, never a section heading', () => {
    const text = (line: string) => `Headline\n\n${line}\n\nA longer first paragraph of the article follows the line above it here.\n\nThe end.\n`;
    for (const line of ['Published: 3 June 2024', 'LONDON, March 3, 2024', 'By Jane Smith | 3 March 2024', 'Updated: 13/04/2024']) {
      const { parsed, source } = dateOf({ zone: 'UTC', text: text(line) });
      assert.equal(source, 'text', line);
      assert.equal(parsed.body.split('\n\n')[0], line.replace('|', '\\|'), line);
    }
    // A title-like line that gives no date is still a heading.
    const { parsed } = dateOf({ zone: 'UTC', text: text('The Facts: What Happened') });
    assert.equal(parsed.body.split('\n\n')[0], '## The Facts: What Happened');
  });

  it('never takes the headline for the dateline, even a headline that is a date ("2024-01-01")', () => {
    const result = dateOf({ zone: 'UTC', name: '2022-01-01-story.txt', text: '2024-01-01\n\nThe first paragraph of the article.\n' });
    assert.deepEqual([result.parsed.frontmatter.title, result.date, result.source, result.codes], ['2024-01-01', '2022-01-01T00:00:00+00:00', 'filename', []]);
  });

  it('reads a sidecar date in figures with a time, in the configured zone', () => {
    assert.deepEqual(dateOf({ zone: 'Europe/London', sidecarDate: '25/12/2024 14:05' }).date, '2024-12-25T14:05:00+00:00');
    assert.deepEqual(dateOf({ zone: 'Europe/London', sidecarDate: '1.7.2024, 09:30:15' }).date, '2024-07-01T09:30:15+01:00');
    // A time that is no time is no date: the sidecar's value is refused, as any unreadable one.
    const refused = dateOf({ zone: 'UTC', sidecarDate: '25/12/2024 25:05' });
    assert.notEqual(refused.source, 'sidecar');
  });

  it('reads a sidecar date in figures with dots or dashes as one with slashes, day first', () => {
    for (const date of ['03.04.2024', '3-4-2024']) {
      const result = dateOf({ zone: 'UTC', sidecarDate: date });
      assert.deepEqual([result.date, result.source, result.codes], ['2024-04-03T00:00:00+00:00', 'sidecar', ['SIDECAR_AMBIGUOUS_DATE']], date);
    }
  });

  it('does not take a sentence that holds a date for the dateline, and keeps it in the text', () => {
    for (const sentence of [
      'The talks collapsed on 3 March 2024 after the minister left.',
      'Today the talks collapsed on 3 March 2024 after the minister left.',
      'Yesterday, 3 March 2024, the talks collapsed after the minister left.',
      'Published figures on 3 March 2024 showed a fall in exports.',
      'Officials in London, 3 March 2024, said the talks had collapsed.',
      'Monday, 3 March 2024, was the day the talks collapsed.',
      'President Biden on 3 March 2024 — in a surprise move — signed the bill.',
      'Published figures for 03/04/2024 showed a fall in exports.',
    ]) {
      const result = dateOf({ zone: 'UTC', text: `Headline\n\n${sentence}\n\nMore text.\n\nThe end.\n` });
      assert.deepEqual([result.source, result.codes], ['file-mtime', ['DATE_FROM_FILE_TIME']], sentence);
      assert.ok(result.parsed.keptLines.includes(sentence), sentence);
    }
  });

  it('takes a short dateline: a label, place, byline or weekday, the date, then a time, a byline or a wire story\'s first sentence', () => {
    for (const [line, iso] of [
      ['Published 3 June 2024 by Jane Smith', '2024-06-03T00:00:00+00:00'],
      ['Last updated 3 June 2024 14:05 GMT', '2024-06-03T14:05:00+00:00'],
      ['Updated: 14:05 GMT, Monday 3 June 2024', '2024-06-03T14:05:00+00:00'],
      ['Posted on 3rd June 2024 at 9:00 am', '2024-06-03T09:00:00+00:00'],
      ['By Jane Smith | 3 March 2024', '2024-03-03T00:00:00+00:00'],
      ['Monday, March 3, 2024', '2024-03-03T00:00:00+00:00'],
      ['Paris - 3 May 2024', '2024-05-03T00:00:00+00:00'],
      ['LONDON, March 3, 2024 — The council met.', '2024-03-03T00:00:00+00:00'],
      ['WASHINGTON (Reuters) - March 3, 2024 - The Senate voted.', '2024-03-03T00:00:00+00:00'],
      ['WASHINGTON, D.C., March 3, 2024 -- The Senate voted.', '2024-03-03T00:00:00+00:00'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text: `Headline\n\n${line}\n\nText.\n` });
      assert.deepEqual([result.date, result.source], [iso, 'text'], line);
    }
  });

  it('reads the time written beside a dateline\'s date in the zone written with it, and records the instant in the configured zone', () => {
    for (const [line, iso] of [
      // 14:30 GMT is 15:30 in London's summer time.
      ['LONDON, June 3, 2024, 14:30 GMT — Union leaders met again.', '2024-06-03T15:30:00+01:00'],
      // 10 a.m. Eastern time in June is 14:00 UTC.
      ['WASHINGTON, June 3, 2024, 10 a.m. ET — Talks began.', '2024-06-03T15:00:00+01:00'],
      ['Published 3 June 2024 23:59 +05:30', '2024-06-03T19:29:00+01:00'],
      ['Published Mon 3 Jun 2024 14.30 BST', '2024-06-03T14:30:00+01:00'],
      // A date in figures with its time, then the zone: 09:00 in New York is 14:00 in London.
      ['Published 2024-06-03 09:00 EDT', '2024-06-03T14:00:00+01:00'],
      ['Published: 2024-06-03 13:30 GMT', '2024-06-03T14:30:00+01:00'],
      // Its own offset decides, whatever follows.
      ['Published 2024-06-03T09:00-04:00 EDT', '2024-06-03T14:00:00+01:00'],
      // No zone: the configured one.
      ['Updated 3 June 2024, 2:30pm', '2024-06-03T14:30:00+01:00'],
      ['Published: 03/06/2024 10:15', '2024-06-03T10:15:00+01:00'],
      // 07:00 in Tokyo on 3 June is still 2 June in London.
      ['TOKYO, June 3, 2024, 07:00 JST — Markets opened.', '2024-06-02T23:00:00+01:00'],
      // IST is India's, Ireland's or Israel's: no zone to read the time in, so the date alone.
      ['Updated 3 June 2024 14:30 IST', '2024-06-03T00:00:00+01:00'],
    ] as const) {
      const result = dateOf({ zone: 'Europe/London', text: `Headline\n\n${line}\n\nText.\n` });
      assert.deepEqual([result.date, result.source], [iso, 'text'], line);
    }
  });

  it('reads a two-digit year in a dateline in figures as the latest such year not after the year after the build, naming the line and the reading', () => {
    // Built on 7 December 2026: the latest year allowed is 2027.
    const now = Date.UTC(2026, 11, 7, 12);
    for (const [line, iso, read, full] of [
      ['Published: 25.12.98', '1998-12-25', '25 December 1998', '25.12.1998'],
      ['Updated 13/04/24', '2024-04-13', '13 April 2024', '13/04/2024'],
      ['25-12-27', '2027-12-25', '25 December 2027', '25-12-2027'],
      ['Date: 25/12/28 14:05', '1928-12-25', '25 December 1928', '25/12/1928'],
      ['Published: 25/12/00', '2000-12-25', '25 December 2000', '25/12/2000'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', now, text: `Headline\n\n${line}\n\nText.\n` });
      assert.deepEqual([result.date.slice(0, 10), result.source], [iso, 'text'], line);
      const warning = result.problems.find((problem) => problem.code === 'TEXT_TWO_DIGIT_YEAR');
      const written = /\d[\d/.-]*\d/.exec(line)![0];
      assert.deepEqual(
        warning && { file: warning.file, line: warning.line, message: warning.message, hint: warning.hint },
        {
          file: 'story.txt',
          line: 3,
          message: `gives the date "${written}" with a two-digit year; it is read as ${read} (the latest year ending in ${written.slice(-2)} that is not after 2027)`,
          hint: `Write the year in full in the text ("${full}", or the right year if ${read} is wrong), or give the date in a sidecar as ISO 8601 (meta.jsonl or NAME.json: {"date": "${iso}"}).`,
        },
        line,
      );
    }
    // Four years later, `28` is 2028.
    assert.equal(dateOf({ zone: 'UTC', now: Date.UTC(2030, 0, 1), text: 'Headline\n\nDate: 25/12/28\n\nText.\n' }).date, '2028-12-25T00:00:00+00:00');
    // The build's year is the configured zone's: 31 December 2026 at 23:00 UTC is 2027 in Kiritimati, which allows 2028.
    assert.equal(dateOf({ zone: 'Pacific/Kiritimati', now: Date.UTC(2026, 11, 31, 23), text: 'Headline\n\nDate: 25/12/28\n\nText.\n' }).date, '2028-12-25T00:00:00+14:00');
  });

  it('reads a two-digit year in a dateline with the month\'s name ("Published 3 June 24", "June 3, \'98")', () => {
    const now = Date.UTC(2026, 11, 7, 12);
    for (const [text, iso, written, full] of [
      ['Published 3 June 24\nHeadline\n\nText.\n', '2024-06-03', '3 June 24', '3 June 2024'],
      ["Headline\n\nPublished June 3, '98\n\nText.\n", '1998-06-03', "June 3, '98", 'June 3, 1998'],
      ['Headline\n\nLONDON, March 3, 28 — The council met.\n', '1928-03-03', 'March 3, 28', 'March 3, 1928'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', now, text });
      assert.deepEqual([result.date.slice(0, 10), result.source, result.codes], [iso, 'text', ['TEXT_TWO_DIGIT_YEAR']], text);
      assert.match(result.problems[0]!.message, new RegExp(`^gives the date "${written}" with a two-digit year`), text);
      assert.match(result.problems[0]!.hint, new RegExp(`^Write the year in full in the text \\("${full}"`), text);
    }
    // Two figures after a month in a sentence are no year.
    const sentence = dateOf({ zone: 'UTC', now, text: 'Headline\n\nThe council met on 3 June 24 people came.\n\nMore text.\n' });
    assert.deepEqual([sentence.source, sentence.codes], ['file-mtime', ['DATE_FROM_FILE_TIME']]);
  });

  it('reads a two-digit year above the headline as a dateline and removes the line, and names both readings of an ambiguous one', () => {
    const result = dateOf({ zone: 'UTC', now: Date.UTC(2026, 11, 7), text: '03/04/24\nHeadline\n\nText.\n' });
    assert.deepEqual([result.date, result.parsed.frontmatter.title, result.parsed.removed], ['2024-04-03T00:00:00+00:00', 'Headline', [{ line: 1, text: '03/04/24', reason: 'chrome' }]]);
    assert.deepEqual(result.problems.map(({ code, line }) => ({ code, line })), [{ code: 'TEXT_TWO_DIGIT_YEAR', line: 1 }, { code: 'TEXT_AMBIGUOUS_DATE', line: 1 }]);
    assert.match(result.problems[1]!.message, /could be 3 April 2024 or 4 March 2024/);
  });

  it('does not take a two-digit year in a sentence, and names one that is no real date', () => {
    const sentence = dateOf({ zone: 'UTC', text: 'Headline\n\nThe final score was 3.4.98 in the end.\n' });
    assert.deepEqual([sentence.source, sentence.codes], ['file-mtime', ['DATE_FROM_FILE_TIME']]);
    const bad = dateOf({ zone: 'UTC', text: 'Headline\n\nUpdated 31/02/24\n\nText.\n' });
    assert.deepEqual([bad.source, bad.codes], ['file-mtime', ['TEXT_BAD_DATE']]);
  });

  it('reads a sidecar date in figures with a two-digit year, naming the sidecar line and the reading', () => {
    const result = dateOf({ zone: 'Europe/Paris', now: Date.UTC(2026, 11, 7), sidecarDate: '25.12.98 10:00' });
    assert.deepEqual([result.date, result.source], ['1998-12-25T10:00:00+01:00', 'sidecar']);
    assert.deepEqual(
      result.problems.map(({ code, file, line, message, hint }) => ({ code, file, line, message, hint })),
      [
        {
          code: 'SIDECAR_TWO_DIGIT_YEAR',
          file: 'meta.jsonl',
          line: 1,
          message: 'date "25.12.98 10:00" for story.txt has a two-digit year; it is read as 25 December 1998 (the latest year ending in 98 that is not after 2027)',
          hint: 'Write the year in full to be sure, as ISO 8601: "1998-12-25" (or the right year, if 25 December 1998 is wrong).',
        },
      ],
    );
  });

  it('warns about an unreadable sidecar date and uses the next source', () => {
    const result = dateOf({ zone: 'UTC', sidecarDate: '2024-02-30', name: '2024-03-01-x.txt' });
    assert.deepEqual([result.date, result.source, result.codes], ['2024-03-01T00:00:00+00:00', 'filename', ['SIDECAR_BAD_DATE']]);
  });
});

describe('a dateline in Arabic', () => {
  const arabic = (dateline: string) => `اجتماع مجلس الوزراء\n\n${dateline}\n\nعقد مجلس الوزراء اجتماعه الأسبوعي.\n\nوناقش المجلس عددا من الموضوعات.\n`;

  it('reads a month\'s name in Arabic as an English one is read: the Egyptian and Gulf names, the Levantine and Iraqi ones, the Maghreb\'s, both together, in Arabic-Indic digits too', () => {
    for (const [dateline, date] of [
      ['الرياض - ١٥ مارس ٢٠٢٤', '2024-03-15'],
      ['نشر في: 15 يناير 2024', '2024-01-15'],
      ['بيروت 15 كانون الثاني 2024', '2024-01-15'],
      ['دمشق، 3 تشرين الأول 2023', '2023-10-03'],
      ['بغداد - 9 نيسان 2003', '2003-04-09'],
      ['الأحد، 7 آب 2022', '2022-08-07'],
      ['عمان 1 أيلول (سبتمبر) 2021 م', '2021-09-01'],
      ['الجزائر - 5 جويلية 2022', '2022-07-05'],
      ['الرباط - 20 غشت 2019', '2019-08-20'],
      ['القاهرة - 30 يونيه 2013', '2013-06-30'],
      ['تونس - 3 جوان 2024 (وات) - عقد مجلس الوزراء اجتماعه.', '2024-06-03'],
      ['تاريخ النشر: الخميس ٢٩ فبراير ٢٠٢٤', '2024-02-29'],
    ] as const) {
      const result = dateOf({ zone: 'Asia/Riyadh', text: arabic(dateline) });
      assert.deepEqual([result.date, result.source, result.codes], [`${date}T00:00:00+03:00`, 'text', []], dateline);
      assert.match(`${result.parsed.frontmatter.subtitle ?? ''}\n${result.parsed.body}`, new RegExp(dateline.slice(0, 4)), dateline);
    }
  });

  it('names a dateline that names no one month, at its line, rather than guessing: "تشرين" or "كانون" alone, or two names that disagree', () => {
    for (const [dateline, reason] of [
      ['دمشق، 15 تشرين 2024', '"تشرين" alone names October (تشرين الأول) or November (تشرين الثاني)'],
      ['بيروت، 2 كانون 2024', '"كانون" alone names December (كانون الأول) or January (كانون الثاني)'],
      ['عمان - 15 شباط (مارس) 2024', 'it names two months, "شباط" (February) and "مارس" (March)'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text: arabic(dateline) });
      assert.deepEqual([result.source, result.codes, result.problems[0]!.line], ['file-mtime', ['TEXT_BAD_DATE'], 3], dateline);
      assert.match(result.problems[0]!.message, new RegExp(`which names no one day: ${reason.replace(/[()]/g, '\\$&')}`), dateline);
    }
  });

  it('reads the time written after the date, as an English dateline\'s: "الساعة", "ص" (a.m.) and "م" (p.m.) after it, and its zone, in the text above and below the headline', () => {
    // Cairo is UTC+2 in March 2024; Greenwich time 10:30 is 12:30 there.
    for (const [dateline, date] of [
      ['القاهرة ١٥ مارس ٢٠٢٤ الساعة ١٠:٣٠', '2024-03-15T10:30:00+02:00'],
      ['القاهرة ١٥ مارس ٢٠٢٤ ١٠:٣٠ ص', '2024-03-15T10:30:00+02:00'],
      ['القاهرة ١٥ مارس ٢٠٢٤ ١٠:٣٠ م', '2024-03-15T22:30:00+02:00'],
      ['نشر في: 15 مارس 2024 م - 10 مساءً', '2024-03-15T22:00:00+02:00'],
      ['آخر تحديث: 15 مارس 2024 الساعة 12:15 ليلًا', '2024-03-15T00:15:00+02:00'],
      ['نشر في: 15 مارس 2024 الساعة 10:30 بتوقيت غرينتش', '2024-03-15T12:30:00+02:00'],
      ['نشر في: 15 مارس 2024 الساعة 10:30 GMT', '2024-03-15T12:30:00+02:00'],
      ['الرياض 12 جمادى الآخرة 1445 هـ الساعة 9:05 م', '2023-12-25T21:05:00+02:00'],
      // A place whose clock Broadsheet does not know, or an hour alone, gives the day alone, as in English.
      ['نشر في: 15 مارس 2024 الساعة 10:30 بتوقيت مكة المكرمة', '2024-03-15T00:00:00+02:00'],
      ['نشر في: 15 مارس 2024 الساعة 10', '2024-03-15T00:00:00+02:00'],
    ] as const) {
      const below = dateOf({ zone: 'Africa/Cairo', text: arabic(dateline) });
      assert.deepEqual([below.date, below.source, below.codes], [date, 'text', []], dateline);
      if (!/^(?:نشر|آخر)/.test(dateline)) continue;
      const above = dateOf({ zone: 'Africa/Cairo', text: `${dateline}\n${arabic('').trimStart()}` });
      assert.deepEqual([above.date, above.parsed.removed.map((removed) => removed.text)], [date, [dateline]], dateline);
    }
  });

  it('reads an English label with an Arabic date ("Published: ١٥ مارس ٢٠٢٤") as "Published: 15 March 2024" is: chrome above the headline, a paragraph of its own below it, never the headline or a heading, and an Arabic label with an English date', () => {
    const english = (line: string) => `Council approves harbour budget\n${line}\n\nThe council met on Tuesday to approve the budget.\n`;
    for (const [line, date] of [
      ['Published: ١٥ مارس ٢٠٢٤', '2024-03-15T00:00:00+00:00'],
      ['Date: 15 مارس 2024', '2024-03-15T00:00:00+00:00'],
      ['Updated 15 كانون الثاني 2024', '2024-01-15T00:00:00+00:00'],
      ['Published: 15 مارس 2024 الساعة 10:30', '2024-03-15T10:30:00+00:00'],
      ['Posted: 12 جمادى الآخرة 1445 هـ', '2023-12-25T00:00:00+00:00'],
      ['Published 15 فروردین 1403', '2024-04-03T00:00:00+00:00'],
    ] as const) {
      const below = dateOf({ zone: 'UTC', text: english(line) });
      // An update's date dates the article when nothing else does.
      assert.deepEqual([below.date, below.source, below.codes], [date, 'text', []], line);
      assert.match(below.parsed.body, new RegExp(`^${escapeMarkdownLine(line).replace(/[\\.]/g, '\\$&')}\n\nThe council met`), line);
      const above = dateOf({ zone: 'UTC', text: `${line}\n${english('').replace('\n\n', '\n')}` });
      assert.deepEqual([above.parsed.frontmatter.title, above.parsed.removed.map((removed) => [removed.line, removed.text, removed.reason])], ['Council approves harbour budget', [[1, line, 'chrome']]], line);
    }
    // And an Arabic label with an English date.
    const below = dateOf({ zone: 'UTC', text: arabic('نشر في: 15 March 2024') });
    assert.deepEqual([below.date, below.codes], ['2024-03-15T00:00:00+00:00', []]);
    assert.match(below.parsed.body, /^نشر في: 15 March 2024\n\n/);
    const above = dateOf({ zone: 'UTC', text: `نشر في: 15 March 2024\n${arabic('').trimStart()}` });
    assert.deepEqual([above.date, above.parsed.frontmatter.title, above.parsed.removed.map((removed) => removed.reason)], ['2024-03-15T00:00:00+00:00', 'اجتماع مجلس الوزراء', ['chrome']]);
  });

  it('reads a sidecar date with an Arabic month\'s name, and names one that names no one month', () => {
    for (const sidecarDate of ['15 كانون الثاني 2024', 'الأحد، 15 يناير 2024', 'يوم الأحد 15 يناير 2024 م']) {
      assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate }).date, '2024-01-15T00:00:00+00:00', sidecarDate);
    }
    const doubtful = dateOf({ zone: 'UTC', sidecarDate: '15 تشرين 2024' });
    assert.deepEqual([doubtful.source, doubtful.codes], ['file-mtime', ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME']]);
    assert.match(doubtful.problems[0]!.message, /names no one day: "تشرين" alone names October \(تشرين الأول\) or November \(تشرين الثاني\)/);
  });

  it('does not take a sentence that holds a date in Arabic for the dateline', () => {
    for (const line of ['عقد المجلس اجتماعه في 15 يناير 2024.', 'وقال الوزير إن الاجتماع سيعقد 15 يناير 2024', 'الرياض - 15 يناير 2024 قال الوزير إن الاجتماع انتهى']) {
      assert.deepEqual(dateOf({ zone: 'UTC', text: arabic(line) }).source, 'file-mtime', line);
    }
  });

  it('reads an "آخر تحديث" line as an update, a paragraph of its own, and a "نشر في" line above the headline as chrome', () => {
    const result = dateOf({ zone: 'UTC', text: arabic('الأحد، 15 يناير 2023\nآخر تحديث: 16 يناير 2023') });
    assert.deepEqual([result.date, result.parsed.frontmatter.updated, result.codes], ['2023-01-15T00:00:00+00:00', '2023-01-16T00:00:00+00:00', []]);
    assert.match(result.parsed.body, /^الأحد، 15 يناير 2023\n\nآخر تحديث: 16 يناير 2023\n\n/);
    const above = dateOf({ zone: 'UTC', text: 'نشر في: 16 يناير 2024\nاجتماع في مكة\n\nعقد مجلس الوزراء اجتماعه.\n' });
    assert.deepEqual([above.date, above.parsed.frontmatter.title], ['2024-01-16T00:00:00+00:00', 'اجتماع في مكة']);
  });
});

describe('a dateline in French, German, Spanish, Italian, Portuguese or Russian', () => {
  const story = (line: string) => `The council approves the budget\n${line}\n\nThe council met on Tuesday to approve it.\n\nIt will be spent next year.\n`;

  it('is read with the month\'s name in its language, after its labels, a place or alone with its label, as "Published: 15 March 2024" is', () => {
    for (const [line, date] of [
      ['Publié le 15 mars 2024', '2024-03-15'],
      ['PARIS, 1er février 2024 — Le conseil a voté.', '2024-02-01'],
      ['Publié le 3 aout 2023', '2023-08-03'],
      ['Veröffentlicht am 15. März 2024', '2024-03-15'],
      ['BERLIN, 3. August 2024 — Der Rat hat beschlossen.', '2024-08-03'],
      ['WIEN, 7. Jänner 2024', '2024-01-07'],
      ['Publicado el 15 de marzo de 2024', '2024-03-15'],
      ['MADRID, 2 de diciembre del 2023', '2023-12-02'],
      ['Pubblicato il 15 marzo 2024', '2024-03-15'],
      ['Publicado em 15 de março de 2024', '2024-03-15'],
      ['Опубликовано: 15 марта 2024', '2024-03-15'],
      ['МОСКВА, 1 сентября 2023 г.', '2023-09-01'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text: story(line) });
      assert.deepEqual([result.date, result.source, result.codes], [`${date}T00:00:00+00:00`, 'text', []], line);
      // Nothing lost: the line is the text's, a paragraph of its own (a wire story's first sentence the standfirst).
      assert.match(`${result.parsed.frontmatter.subtitle ?? ''}\n${result.parsed.body}`, new RegExp(`^\n?${line.replace(/[.—]/g, '\\$&')}\n\n?The council met`), line);
    }
  });

  it('with a label, above the headline, is chrome that dates the article, and below it neither a standfirst nor a heading; an update\'s label dates an update', () => {
    for (const line of ['Publié le 15 mars 2024', 'Veröffentlicht am 15. März 2024', 'Publicado el 15 de marzo de 2024', 'Опубликовано: 15 марта 2024 г.']) {
      const above = dateOf({ zone: 'UTC', text: `${line}\n${story('').replace('\n\n\n', '\n\n')}` });
      assert.deepEqual([above.date, above.parsed.frontmatter.title, above.parsed.removed.map((removed) => removed.reason)], ['2024-03-15T00:00:00+00:00', 'The council approves the budget', ['chrome']], line);
      const below = dateOf({ zone: 'UTC', text: story(line) });
      assert.deepEqual([below.parsed.frontmatter.subtitle, below.parsed.frontmatter.summary], [undefined, 'The council met on Tuesday to approve it.'], line);
    }
    for (const [published, updated] of [['Publié le 15 mars 2024', 'Mis à jour le 16 mars 2024'], ['Veröffentlicht am 15. März 2024', 'Aktualisiert am 16. März 2024'], ['Publicado el 15 de marzo de 2024', 'Actualizado el 16 de marzo de 2024']]) {
      const result = dateOf({ zone: 'UTC', text: story(`${published}\n${updated}`) });
      assert.deepEqual([result.date, result.parsed.frontmatter.updated, result.codes], ['2024-03-15T00:00:00+00:00', '2024-03-16T00:00:00+00:00', []], updated);
    }
  });

  it('is read in a sidecar too, and one that is no day (31 avril) is named, as "31 April" is', () => {
    for (const sidecarDate of ['15 mars 2024', '15. März 2024', '15 de marzo de 2024', '15 марта 2024 г.']) {
      assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate }).date, '2024-03-15T00:00:00+00:00', sidecarDate);
    }
    const sidecar = dateOf({ zone: 'UTC', sidecarDate: '31 avril 2024' });
    assert.deepEqual(sidecar.codes, ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME']);
    assert.match(sidecar.problems[0]!.message, /names no one day: April 2024 has 30 days, so no day 31$/);
    const text = dateOf({ zone: 'UTC', text: story('BERLIN, 31. April 2024 — Der Rat hat beschlossen.') });
    assert.deepEqual(text.codes, ['TEXT_BAD_DATE']);
  });

  it('is not taken from a sentence that holds one', () => {
    for (const line of ['Le conseil a voté le 15 mars 2024 pour le budget.', 'Der Rat hat am 15. März 2024 beschlossen.']) {
      assert.deepEqual(dateOf({ zone: 'UTC', text: story(line) }).source, 'file-mtime', line);
    }
  });
});

describe('a Chinese or Japanese date (2024年3月15日, 令和6年3月15日)', () => {
  const chinese = (line: string) => `市议会批准港口预算\n${line}\n\n市议会周二批准了港口工程的预算。\n\n工程将于明年开始。\n`;
  const japanese = (line: string) => `市議会が港湾予算を承認\n${line}\n\n市議会は火曜日、港湾工事の予算を承認した。\n\n工事は来年始まる。\n`;

  it('is read on a dateline, alone or after a label, with a weekday or time after it, and a Japanese era\'s year as the Gregorian one it is', () => {
    // Reiwa began on 1 May 2019 (its year 1, 元年), Heisei on 8 January 1989, Shōwa on 25 December 1926.
    for (const [text, date] of [
      [chinese('2024年3月15日'), '2024-03-15T00:00:00+00:00'],
      [chinese('２０２４年３月１５日'), '2024-03-15T00:00:00+00:00'],
      [chinese('发布时间：2024年3月15日 10:30'), '2024-03-15T10:30:00+00:00'],
      [chinese('日期: 2024年3月15日 星期五'), '2024-03-15T00:00:00+00:00'],
      [japanese('令和6年3月15日'), '2024-03-15T00:00:00+00:00'],
      [japanese('公開日：令和元年5月1日（水）'), '2019-05-01T00:00:00+00:00'],
      [japanese('平成31年4月30日'), '2019-04-30T00:00:00+00:00'],
      [japanese('平成元年1月8日'), '1989-01-08T00:00:00+00:00'],
      [japanese('昭和64年1月7日'), '1989-01-07T00:00:00+00:00'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text });
      assert.deepEqual([result.date, result.source, result.codes], [date, 'text', []], text);
      assert.match(result.parsed.body, new RegExp(`^${text.split('\n')[1]!.replace(/[()]/g, '\\$&')}\n\n`), text);
    }
  });

  it('with a label, above the headline, is chrome that dates the article; an update\'s label (更新日) dates an update', () => {
    const above = dateOf({ zone: 'UTC', text: `发布时间：2024年3月15日 10:30\n${chinese('').replace('\n\n\n', '\n\n')}` });
    assert.deepEqual([above.date, above.parsed.frontmatter.title, above.parsed.removed.map((removed) => removed.reason)], ['2024-03-15T10:30:00+00:00', '市议会批准港口预算', ['chrome']]);
    const updated = dateOf({ zone: 'UTC', text: japanese('公開日：令和6年3月15日（金）\n更新日：令和6年3月16日') });
    assert.deepEqual([updated.date, updated.parsed.frontmatter.updated, updated.codes], ['2024-03-15T00:00:00+00:00', '2024-03-16T00:00:00+00:00', []]);
  });

  it('of a Japanese era that had not begun or had ended by that day is named, never read as another era\'s day', () => {
    for (const [line, reason] of [
      ['令和1年1月1日', 'the Reiwa era (令和) began on 1 May 2019, after it'],
      ['平成32年1月1日', 'the Heisei era (平成) ended when the Reiwa era (令和) began, on 1 May 2019'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text: japanese(line) });
      assert.deepEqual([result.source, result.codes, result.problems[0]!.line], ['file-mtime', ['TEXT_BAD_DATE'], 2], line);
      assert.match(result.problems[0]!.message, new RegExp(`which names no one day: ${reason.replace(/[()]/g, '\\$&')};`), line);
    }
  });

  it('is read in a sidecar too, and not taken from a sentence that holds one', () => {
    assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate: '2024年3月15日' }).date, '2024-03-15T00:00:00+00:00');
    assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate: '令和6年3月15日' }).date, '2024-03-15T00:00:00+00:00');
    assert.deepEqual(dateOf({ zone: 'UTC', text: chinese('市议会于2024年3月15日批准了港口工程的预算。') }).source, 'file-mtime');
  });
});

describe('a Hijri date', () => {
  it('is read by the Umm al-Qura calendar when a Hijri month\'s name or the "هـ" mark says it is one, in the text and in a sidecar', () => {
    // Umm al-Qura: 1 Jumada II 1445 was 14 December 2023, 1 Ramadan 1445 11 March 2024.
    for (const [text, sidecarDate, date] of [
      ['Council meets\n\nPublished: 12 Jumada II 1445\n\nThe council met.\n', undefined, '2023-12-25'],
      ['Council meets\n\nRIYADH, Ramadan 10, 1445 AH — The council met.\n\nIt met again.\n', undefined, '2024-03-20'],
      ['اجتماع مجلس الشورى\n\nنشر في: ١٤٤٥/٦/١٢ هـ\n\nعقد مجلس الشورى اجتماعه.\n', undefined, '2023-12-25'],
      ['اجتماع مجلس الشورى\n\nالرياض الأحد 12 جمادى الآخرة 1445هـ\n\nعقد مجلس الشورى اجتماعه.\n', undefined, '2023-12-25'],
      [TEXT, '12 جمادى الآخرة 1445 هـ', '2023-12-25'],
      [TEXT, '1445-06-12 هـ', '2023-12-25'],
      [TEXT, 'الاثنين 12 جمادى الآخرة 1445هـ', '2023-12-25'],
      [TEXT, 'Monday, 12 Jumada II 1445 AH', '2023-12-25'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text, ...(sidecarDate === undefined ? {} : { sidecarDate }) });
      assert.deepEqual([result.date, result.codes], [`${date}T00:00:00+00:00`, []], sidecarDate ?? text);
    }
  });

  it('gives way to the Gregorian date written after it ("… هـ الموافق 10 أغسطس 2015 م", as the Saudi Press Agency dates its stories)', () => {
    const result = dateOf({ zone: 'Asia/Riyadh', text: 'اجتماع مجلس الشورى\n\nالرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n\nعقد مجلس الشورى اجتماعه.\n' });
    assert.deepEqual([result.date, result.source, result.codes], ['2015-08-10T00:00:00+03:00', 'text', []]);
  });

  it('that the Gregorian date after it is more than a day from is named, the Gregorian one dating the article; a day apart (a sighted moon) is not', () => {
    // Umm al-Qura: 12 Jumada II 1445 was 25 December 2023.
    const apart = dateOf({ zone: 'Asia/Riyadh', text: 'اجتماع مجلس الشورى\n\nالرياض 12 جمادى الآخرة 1445 هـ الموافق 3 يونيو 2024 م واس\n\nعقد مجلس الشورى اجتماعه.\n' });
    assert.deepEqual([apart.date, apart.source], ['2024-06-03T00:00:00+03:00', 'text']);
    assert.deepEqual(apart.problems.map(({ code, line, message }) => [code, line, message]), [
      ['TEXT_DATES_DIFFER', 3, 'gives the Hijri date "12 جمادى الآخرة 1445 هـ", 25 December 2023 by the Umm al-Qura calendar, and says it is the Gregorian date 3 June 2024, which dates the article: one of the two is wrong'],
    ]);
    for (const gregorian of ['25 ديسمبر 2023', '٢٦ ديسمبر ٢٠٢٣', '24 ديسمبر 2023']) {
      const result = dateOf({ zone: 'Asia/Riyadh', text: `اجتماع مجلس الشورى\n\nالرياض 12 جمادى الآخرة 1445 هـ الموافق ${gregorian} م\n\nعقد مجلس الشورى اجتماعه.\n` });
      assert.deepEqual([result.source, result.codes], ['text', []], gregorian);
    }
  });

  it('in figures with no mark (1445-06-12, 12/06/1445) is named, with how to mark it, never filed under the Gregorian year 1445, in the text and in a sidecar', () => {
    for (const written of ['1445-06-12', '12/06/1445', '1445/6/12']) {
      const result = dateOf({ zone: 'UTC', text: `Council meets\n\nPublished: ${written}\n\nThe council met.\n` });
      assert.deepEqual([result.source, result.codes, result.problems[0]!.line], ['file-mtime', ['TEXT_BAD_DATE'], 3], written);
      assert.match(result.problems[0]!.message, /whose year, 1445, is probably of the Hijri calendar/, written);
      assert.match(result.problems[0]!.hint!, new RegExp(`"${written} هـ", read by the Umm al-Qura calendar as 25 December 2023`), written);
    }
    const sidecar = dateOf({ zone: 'UTC', sidecarDate: '1445-06-12' });
    assert.deepEqual([sidecar.source, sidecar.codes], ['file-mtime', ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME']]);
    // An instant written in full, with its offset, is taken as written: a history archive means it.
    assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate: '1453-05-29T06:00:00Z' }).date, '1453-05-29T06:00:00+00:00');
  });

  it('on a "Published …" line above the headline is chrome that dates the article, as "Published: 12 March 2024" is, and below it a paragraph of its own', () => {
    // Umm al-Qura: 1 Jumada II 1445 was 14 December 2023, 1 Ramadan 1445 11 March 2024.
    for (const [line, date] of [
      ['Published: 12 Jumada II 1445', '2023-12-25'],
      ['Published: Ramadan 10, 1445 AH', '2024-03-20'],
      ['Published 12 Jumada al-Akhirah 1445 A.H. by Jane Smith', '2023-12-25'],
      ['Posted: 12 Jumada II 1445 AH, 10:30 GMT', '2023-12-25T10:30'],
      ['تاريخ النشر: 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م', '2015-08-10'],
    ] as const) {
      const lede = 'The council met on Tuesday and agreed the budget.';
      const above = dateOf({ zone: 'UTC', text: `${line}\nCouncil agrees budget\n\n${lede}\n\nIt met again.\n` });
      assert.deepEqual([above.date.slice(0, date.length), above.source, above.codes, above.parsed.frontmatter.title], [date, 'text', [], 'Council agrees budget'], line);
      assert.deepEqual(above.parsed.removed.map(({ line: at, text, reason }) => [at, text, reason]), [[1, line, 'chrome']], line);
      const below = dateOf({ zone: 'UTC', text: `Council agrees budget\n${line}\n${lede}\nIt met again.\n` });
      assert.deepEqual([below.date.slice(0, date.length), below.parsed.body.split('\n\n').slice(0, 2)], [date, [line, lede].map(escapeMarkdownLine)], line);
    }
  });

  it('that is no day of its month (30 in a month of 29 days) is named', () => {
    // Shawwal 1445 had 29 days: Eid al-Fitr, 1 Shawwal, was 10 April 2024, and 1 Dhu al-Qadah 9 May.
    const result = dateOf({ zone: 'UTC', text: 'Council meets\n\nPublished: 30 Shawwal 1445\n\nThe council met.\n' });
    assert.deepEqual([result.source, result.codes], ['file-mtime', ['TEXT_BAD_DATE']]);
    assert.match(result.problems[0]!.message, /no day of the Hijri calendar \(Umm al-Qura\): month 10 of 1445 has no day 30/);
    assert.match(result.problems[0]!.hint!, /^Correct the day: Shawwal \(month 10\) 1445 has 29 days by the Umm al-Qura calendar/);
    assert.deepEqual(dateOf({ zone: 'UTC', text: 'Council meets\n\nPublished: 1 Shawwal 1445\n\nThe council met.\n' }).date, '2024-04-10T00:00:00+00:00');
  });
});

describe('a Hijri month\'s name with a Gregorian year', () => {
  // Umm al-Qura: 1 Ramadan 1445 was 11 March 2024; 1 Jumada II 1446 was 2 December 2024.
  it('is named at its line, with the Hijri date that day and month were in that year, never read as a day of 2585', () => {
    for (const [dateline, month, hijri] of [
      ['Published: 12 Jumada II 2024', 'Jumada al-Akhirah \\(month 6\\)', '"12 Jumada II 1446" was 13 December 2024'],
      ['RIYADH, Ramadan 12, 2024 — The council met.', 'Ramadan \\(month 9\\)', '"Ramadan 12, 1445" was 22 March 2024'],
      ['الرياض ١٢ رمضان ٢٠٢٤', 'Ramadan \\(month 9\\)', '"12 رمضان 1445" was 22 March 2024'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text: `Council meets\n\n${dateline}\n\nThe council met.\n` });
      assert.deepEqual([result.source, result.codes, result.problems[0]!.line], ['file-mtime', ['TEXT_BAD_DATE'], 3], dateline);
      assert.match(result.problems[0]!.message, new RegExp(`its month, ${month}, is a Hijri one, but its year, 2024, is no Hijri year yet`), dateline);
      assert.match(result.problems[0]!.hint!, new RegExp(`^Write the Hijri year \\(${hijri}\\), or the Gregorian date`), dateline);
    }
  });

  it('in a sidecar is named there, and the article dated as if it gave none', () => {
    const result = dateOf({ zone: 'UTC', sidecarDate: '١٢ رمضان ٢٠٢٤' });
    assert.deepEqual([result.source, result.codes], ['file-mtime', ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME']]);
    assert.match(result.problems[0]!.message, /names no one day: its month, Ramadan \(month 9\), is a Hijri one, but its year, 2024/);
  });
});

describe('a solar Hijri (Iranian) date', () => {
  // 1 Farvardin 1403 (Nowruz) was 20 March 2024; 1 Dey 1402 was 22 December 2023. 1402 was no leap
  // year: its Esfand had 29 days.
  const persian = (dateline: string) => `نشست هیئت دولت\n\n${dateline}\n\nهیئت دولت امروز تشکیل جلسه داد و درباره بودجه گفت‌وگو کرد.\n`;

  it('is read by the Persian calendar, with the month\'s name or in figures with "ه.ش", in the text and in a sidecar, never filed under 1403', () => {
    for (const dateline of ['تهران، سه‌شنبه ۱۵ فروردین ۱۴۰۳', 'تهران ۱۵ فروردين ۱۴۰۳ ه‍.ش', 'تهران - ۱۴۰۳/۰۱/۱۵ هـ.ش', '۱۴۰۳/۱/۱۵ ه.ش']) {
      const result = dateOf({ zone: 'Asia/Tehran', text: persian(dateline) });
      assert.deepEqual([result.date, result.source, result.codes], ['2024-04-03T00:00:00+03:30', 'text', []], dateline);
    }
    assert.deepEqual(dateOf({ zone: 'UTC', text: persian('تهران ۱۰ دی ۱۴۰۲') }).date, '2023-12-31T00:00:00+00:00');
    const sidecar = dateOf({ zone: 'UTC', sidecarDate: '۱۵ فروردین ۱۴۰۳' });
    assert.deepEqual([sidecar.date, sidecar.codes], ['2024-04-03T00:00:00+00:00', []]);
  });

  it('on a labelled line (Persian or Arabic) above the headline is chrome that dates the article, with its time, as "Published: 12 March 2024" is', () => {
    // Tehran was UTC+03:30 in April 2024 (Iran has kept no summer time since 2022).
    for (const [line, date] of [
      ['تاریخ انتشار: ۱۵ فروردین ۱۴۰۳', '2024-04-03T00:00:00+03:30'],
      ['نشر في: ۱۵ فروردین ۱۴۰۳', '2024-04-03T00:00:00+03:30'],
      ['تاریخ انتشار: سه‌شنبه ۱۵ فروردین ۱۴۰۳ ساعت ۱۰:۳۰', '2024-04-03T10:30:00+03:30'],
      ['منتشر شده: ۱۴۰۳/۰۱/۱۵ ه.ش', '2024-04-03T00:00:00+03:30'],
      ['آخرین به‌روزرسانی: ۱۵ فروردین ۱۴۰۳ ساعت ۸ شب', '2024-04-03T20:00:00+03:30'],
    ] as const) {
      const result = dateOf({ zone: 'Asia/Tehran', text: `${line}\n${persian('').replace(/^\n+/, '')}` });
      assert.deepEqual([result.date, result.source, result.codes, result.parsed.frontmatter.title], [date, 'text', [], 'نشست هیئت دولت'], line);
      assert.deepEqual(result.parsed.removed.map((removed) => [removed.line, removed.text, removed.reason]), [[1, line, 'chrome']], line);
    }
  });

  it('names a month\'s name with a Gregorian year, or a day its month does not have, at its line, with how to write it', () => {
    const gregorian = dateOf({ zone: 'UTC', text: persian('تهران ۱۵ فروردین ۲۰۲۴') });
    assert.deepEqual([gregorian.source, gregorian.codes, gregorian.problems[0]!.line], ['file-mtime', ['TEXT_BAD_DATE'], 3]);
    assert.match(gregorian.problems[0]!.message, /its month, Farvardin \(month 1\), is one of the solar Hijri \(Iranian\) calendar, but its year, 2024, is no such year yet/);
    assert.match(gregorian.problems[0]!.hint!, /^Write the solar Hijri year \("15 فروردین 1403" was 3 April 2024\)/);
    const noDay = dateOf({ zone: 'UTC', text: persian('تهران ۳۰ اسفند ۱۴۰۲') });
    assert.deepEqual([noDay.source, noDay.codes], ['file-mtime', ['TEXT_BAD_DATE']]);
    assert.match(noDay.problems[0]!.hint!, /^Correct the day: Esfand \(month 12\) 1402 has 29 days/);
  });

  it('with Afghanistan\'s (Dari) month names (حمل، ثور، جوزا …) is read as with Iran\'s, above the headline as chrome too, and one with a Gregorian year or a day its month lacks is named by its Afghan name', () => {
    // Afghanistan's months have had Iran's lengths since 1336 (1957): 1 Hamal 1403 was 20 March 2024.
    for (const [dateline, date] of [
      ['کابل، ۱۵ حمل ۱۴۰۳', '2024-04-03'],
      ['کابل - ۱ ثور ۱۴۰۳', '2024-04-20'],
      ['کابل ۱ جوزا ۱۴۰۳', '2024-05-21'],
      ['کابل، ۱ سرطان ۱۴۰۳', '2024-06-21'],
      ['کابل، ۱ اسد ۱۴۰۳', '2024-07-22'],
      ['کابل، ۱ سنبله ۱۴۰۳', '2024-08-22'],
      ['کابل، ۱ میزان ۱۴۰۳', '2024-09-22'],
      ['کابل، ۱ عقرب ۱۴۰۳', '2024-10-22'],
      ['کابل، ۱ قوس ۱۴۰۳', '2024-11-21'],
      ['کابل، ۱ جدی ۱۴۰۳', '2024-12-21'],
      ['کابل، ۱ دلو ۱۴۰۳', '2025-01-20'],
      ['کابل، ۱ حوت ۱۴۰۳', '2025-02-19'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text: persian(dateline) });
      assert.deepEqual([result.date, result.source, result.codes], [`${date}T00:00:00+00:00`, 'text', []], dateline);
    }
    // Above the headline, with Dari's labels ("date of publication", "published") or Persian's.
    for (const label of ['تاریخ نشر', 'نشر شده', 'تاریخ انتشار']) {
      const above = dateOf({ zone: 'UTC', text: `${label}: ۱۵ حمل ۱۴۰۳\n${persian('').replace(/^\n+/, '')}` });
      assert.deepEqual([above.date, above.parsed.frontmatter.title, above.parsed.removed.map((removed) => removed.reason)], ['2024-04-03T00:00:00+00:00', 'نشست هیئت دولت', ['chrome']], label);
    }
    const gregorian = dateOf({ zone: 'UTC', text: persian('کابل ۱۵ حمل ۲۰۲۴') });
    assert.deepEqual([gregorian.source, gregorian.codes], ['file-mtime', ['TEXT_BAD_DATE']]);
    assert.match(gregorian.problems[0]!.message, /its month, Hamal \(month 1\), is one of the solar Hijri \(Afghan\) calendar, but its year, 2024, is no such year yet/);
    assert.match(gregorian.problems[0]!.hint!, /^Write the solar Hijri year \("15 حمل 1403" was 3 April 2024\)/);
    const noDay = dateOf({ zone: 'UTC', text: persian('کابل ۳۰ حوت ۱۴۰۲') });
    assert.deepEqual([noDay.source, noDay.codes], ['file-mtime', ['TEXT_BAD_DATE']]);
    assert.match(noDay.problems[0]!.hint!, /^Correct the day: Hut \(month 12\) 1402 has 29 days/);
    const sidecar = dateOf({ zone: 'UTC', sidecarDate: '۱۵ حمل ۱۴۰۳' });
    assert.deepEqual([sidecar.date, sidecar.codes], ['2024-04-03T00:00:00+00:00', []]);
  });

  it('with a Gregorian month\'s Persian or Dari name (ژانویه، فوریه، مارس … جنوری، مارچ) is read as a Gregorian date, as an Arabic month\'s name is', () => {
    for (const [dateline, date] of [
      ['تهران، ۱۵ ژانویه ۲۰۲۴', '2024-01-15'],
      ['تهران، ۱۵ ژانویهٔ ۲۰۲۴', '2024-01-15'],
      ['تهران، ۲۹ فوریه ۲۰۲۴', '2024-02-29'],
      ['تهران، ۱۵ آوریل ۲۰۲۴', '2024-04-15'],
      ['تهران، ۳ مه ۲۰۲۴', '2024-05-03'],
      ['تهران، ۳ ژوئن ۲۰۲۴', '2024-06-03'],
      ['تهران، ۳ ژوئیه ۲۰۲۴', '2024-07-03'],
      ['تهران، ۳ اوت ۲۰۲۴', '2024-08-03'],
      ['تهران، ۳ سپتامبر ۲۰۲۴', '2024-09-03'],
      ['تهران، ۳ اکتبر ۲۰۲۴', '2024-10-03'],
      ['تهران، ۳ نوامبر ۲۰۲۴', '2024-11-03'],
      ['تهران، ۳ دسامبر ۲۰۲۴', '2024-12-03'],
      ['کابل، ۱۵ جنوری ۲۰۲۴', '2024-01-15'],
      ['کابل، ۱۵ فبروری ۲۰۲۴', '2024-02-15'],
      ['کابل، ۱۵ مارچ ۲۰۲۴', '2024-03-15'],
      ['کابل، ۱۵ اپریل ۲۰۲۴', '2024-04-15'],
      ['کابل، ۱۵ می ۲۰۲۴', '2024-05-15'],
      ['کابل، ۱۵ جون ۲۰۲۴', '2024-06-15'],
      ['کابل، ۱۵ جولای ۲۰۲۴', '2024-07-15'],
      ['کابل، ۱۵ اگست ۲۰۲۴', '2024-08-15'],
      ['کابل، ۱۵ سپتمبر ۲۰۲۴', '2024-09-15'],
      ['کابل، ۱۵ اکتوبر ۲۰۲۴', '2024-10-15'],
      ['کابل، ۱۵ نومبر ۲۰۲۴', '2024-11-15'],
      ['کابل، ۱۵ دسمبر ۲۰۲۴', '2024-12-15'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', text: persian(dateline) });
      assert.deepEqual([result.date, result.source, result.codes], [`${date}T00:00:00+00:00`, 'text', []], dateline);
    }
    // Not a solar month's name that starts as one does (`مهر`), nor a word that starts as `می` does.
    assert.deepEqual(dateOf({ zone: 'UTC', text: persian('تهران، ۳ مهر ۱۴۰۳') }).date, '2024-09-24T00:00:00+00:00');
    assert.deepEqual(dateOf({ zone: 'UTC', text: persian('تهران، ۳ میلیون ۲۰۲۴') }).source, 'file-mtime');
    const above = dateOf({ zone: 'UTC', text: `تاریخ انتشار: ۱۵ ژانویه ۲۰۲۴\n${persian('').replace(/^\n+/, '')}` });
    assert.deepEqual([above.date, above.parsed.frontmatter.title], ['2024-01-15T00:00:00+00:00', 'نشست هیئت دولت']);
    assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate: '۱۵ ژانویه ۲۰۲۴' }).date, '2024-01-15T00:00:00+00:00');
  });

  it('in Persian figures with no mark is named with its solar reading too, as the month\'s name would give it', () => {
    const result = dateOf({ zone: 'UTC', text: persian('تهران ۱۴۰۳/۰۱/۱۵') });
    assert.deepEqual([result.source, result.codes], ['file-mtime', ['TEXT_BAD_DATE']]);
    assert.match(result.problems[0]!.hint!, /if a solar Hijri \(Iranian\) one, its month by name \("15 فروردین 1403", read as 3 April 2024\)/);
  });
});

describe('an "Updated …" line', () => {
  const datesOf = (text: string, options: { name?: string; sidecarDate?: string } = {}) => {
    const result = dateOf({ zone: 'Europe/London', text, ...options });
    return { date: result.date, source: result.source, updated: result.parsed.frontmatter.updated, codes: result.codes };
  };

  it('dates the article\'s last update, and the "Published" line the article, in either order', () => {
    assert.deepEqual(datesOf('Headline\n\nPublished 2024-06-01\nUpdated 2024/06/03\n\nText.\n'), {
      date: '2024-06-01T00:00:00+01:00', source: 'text', updated: '2024-06-03T00:00:00+01:00', codes: [],
    });
    // 10:00 BST is 10:00 in London.
    assert.deepEqual(datesOf('Headline\n\nLast updated: 5 June 2024, 10:00 BST\nPublished: 3 June 2024\n\nText.\n'), {
      date: '2024-06-03T00:00:00+01:00', source: 'text', updated: '2024-06-05T10:00:00+01:00', codes: [],
    });
  });

  it('is a paragraph of its own on the line after the "Published" line, with no blank line between, as is the "Published" line', () => {
    const lede = 'The council met on Monday and voted on the budget for the coming year.';
    for (const text of [
      `Council votes on budget\nPublished: June 3, 2024\nUpdated: June 4, 2024\n${lede}\n\nIt passed narrowly.\n`,
      `Council votes on budget\n\nPublished: June 3, 2024\nUpdated: June 4, 2024\n\n${lede}\n\nIt passed narrowly.\n`,
      `Council votes on budget\nPublished: June 3, 2024\nupdated June 4, 2024\n${lede}\nIt passed narrowly.\n`,
    ]) {
      for (const sidecarDate of [undefined, '2024-06-03']) {
        const result = dateOf({ zone: 'UTC', text, ...(sidecarDate === undefined ? {} : { sidecarDate }) });
        assert.equal(result.parsed.frontmatter.updated, '2024-06-04T00:00:00+00:00', text);
        const [published, updated, ...rest] = result.parsed.body.split('\n\n');
        // Each line is a paragraph, never a heading (`## Published: …`) or run into the lede.
        assert.match(published!, /^Published: June 3, 2024$/, text);
        assert.match(updated!, /^(?:Updated: |updated )June 4, 2024$/, text);
        assert.deepEqual(rest, [lede, 'It passed narrowly.'], text);
      }
    }
  });

  it('is no summary, nor is the "Published" line: the summary is the first paragraph of text after them', () => {
    const lede = 'The council met on Monday and voted on the budget for the coming year.';
    for (const text of [
      `Council votes on budget\n\nPublished: June 3, 2024, 14:30 GMT\n\n${lede}\n\nIt passed narrowly.\n`,
      `Council votes on budget\nPublished: June 3, 2024\nUpdated: June 4, 2024\n${lede}\nIt passed narrowly.\n`,
    ]) {
      assert.equal(dateOf({ zone: 'UTC', text }).parsed.frontmatter.summary, lede, text);
    }
    // An article that is only a dateline and a headline still has one.
    assert.equal(dateOf({ zone: 'UTC', text: 'Council votes on budget\n\nPublished: June 3, 2024\n' }).parsed.frontmatter.summary, 'Published: June 3, 2024');
  });

  it('is no summary, nor is a dateline alone on its line (a place, a weekday, an agency and the date), in English or Arabic; one that leads into the first sentence is', () => {
    const lede = 'The council met on Monday and voted on the budget for the coming year.';
    for (const dateline of ['LONDON, March 3, 2024', 'Monday, 3 June 2024', 'WASHINGTON (Reuters) - June 3, 2024 14:05 GMT', 'بيروت 15 كانون الثاني 2024', 'الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس']) {
      const text = `Council votes on budget\n\n${dateline}\n\n${lede}\n\nIt passed narrowly.\n`;
      const { parsed, source } = dateOf({ zone: 'UTC', text });
      assert.deepEqual([parsed.frontmatter.summary, source], [lede, 'text'], dateline);
      assert.match(parsed.body, new RegExp(`^${dateline.replace(/[()]/g, '\\$&')}\n\n`), dateline);
    }
    // A sidecar's date leaves the text's dateline no summary either.
    assert.equal(dateOf({ zone: 'UTC', sidecarDate: '2024-03-03', text: `Council votes on budget\n\nLONDON, March 3, 2024\n\n${lede}\n\nIt passed.\n` }).parsed.frontmatter.summary, lede);
    const wire = `LONDON, March 3, 2024 — ${lede}`;
    assert.equal(dateOf({ zone: 'UTC', text: `Council votes on budget\n\n${wire}\n\nIt passed narrowly.\n` }).parsed.frontmatter.summary, wire);
  });

  it('is read after the publication date on the same line', () => {
    assert.deepEqual(datesOf('Headline\n\nPublished 3 June 2024 · Updated 5 June 2024 14:30 GMT\n\nText.\n'), {
      date: '2024-06-03T00:00:00+01:00', source: 'text', updated: '2024-06-05T15:30:00+01:00', codes: [],
    });
  });

  it('leaves the article its date from a sidecar or the file name, and is its update', () => {
    assert.deepEqual(datesOf('Headline\n\nUpdated 3 June 2024\n\nText.\n', { name: '2024-06-01-story.txt' }), {
      date: '2024-06-01T00:00:00+01:00', source: 'filename', updated: '2024-06-03T00:00:00+01:00', codes: [],
    });
    assert.deepEqual(datesOf('Headline\n\nUpdated 3 June 2024\n\nText.\n', { sidecarDate: '2024-05-30' }), {
      date: '2024-05-30T00:00:00+01:00', source: 'sidecar', updated: '2024-06-03T00:00:00+01:00', codes: [],
    });
  });

  it('dates the article when nothing else does (the latest it can have been published), with no update', () => {
    assert.deepEqual(datesOf('Headline\n\nUpdated 3 June 2024\n\nText.\n'), { date: '2024-06-03T00:00:00+01:00', source: 'text', updated: undefined, codes: [] });
  });

  it('is named, and no update, when it is after the build (a typo such as 2042 for 2024)', () => {
    const result = dateOf({ zone: 'UTC', now: Date.UTC(2026, 11, 7), name: '2024-06-01-story.txt', text: 'Headline\n\nUpdated 3 June 2042\n\nText.\n' });
    assert.equal(result.parsed.frontmatter.updated, undefined);
    assert.deepEqual(result.problems.map(({ code, line, message }) => ({ code, line, message })), [
      { code: 'DATE_IN_FUTURE', line: 3, message: 'gives the update date "3 June 2042", read as 3 June 2042, after this build\'s date (7 December 2026); the article is published without it' },
    ]);
  });

  it('is no update when it is not after the article\'s date, and names a doubtful day and month on its line', () => {
    assert.deepEqual(datesOf('Headline\n\nUpdated 1 June 2024\n\nText.\n', { name: '2024-06-03-story.txt' }).updated, undefined);
    const doubtful = dateOf({ zone: 'UTC', name: '2024-01-01-story.txt', text: 'Headline\n\nUpdated: 03/04/2024\n\nText.\n' });
    assert.equal(doubtful.parsed.frontmatter.updated, '2024-04-03T00:00:00+00:00');
    assert.deepEqual(doubtful.problems.map(({ code, line }) => ({ code, line })), [{ code: 'TEXT_AMBIGUOUS_DATE', line: 3 }]);
  });
});

describe('a sidecar date that gives only a year or a month', () => {
  it('is read as its first day, which is named at the sidecar, as a year folder\'s is', () => {
    for (const [sidecarDate, what, day] of [['2024', 'year', '1 January 2024'], ['2024-06', 'month', '1 June 2024']] as const) {
      const result = dateOf({ zone: 'UTC', sidecarDate });
      assert.deepEqual([result.date.slice(0, 10), result.source], [sidecarDate.length === 4 ? '2024-01-01' : '2024-06-01', 'sidecar'], sidecarDate);
      assert.deepEqual(result.problems.map(({ code, file, line, message }) => [code, file, line, message]), [
        ['SIDECAR_PARTIAL_DATE', 'meta.jsonl', 1, `date "${sidecarDate}" for story.txt gives only the ${what}; it is read as ${day}, its first day`],
      ], sidecarDate);
    }
    assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate: '2024-06-03' }).codes, []);
  });
});

describe('a sidecar date in words, or year first, with a time', () => {
  it('is read with its time, as exports write it, a weekday before it too', () => {
    for (const [date, iso] of [
      ['June 3, 2024 2:30 PM', '2024-06-03T14:30:00+00:00'],
      ['3 June 2024 14:30', '2024-06-03T14:30:00+00:00'],
      ['June 3, 2024, 14:30:15', '2024-06-03T14:30:15+00:00'],
      ['3rd June 2024 at 9am', '2024-06-03T09:00:00+00:00'],
      ['2024/06/03 14:30', '2024-06-03T14:30:00+00:00'],
      ['Monday, June 3, 2024', '2024-06-03T00:00:00+00:00'],
      ['Mon 3 Jun 2024 14:30', '2024-06-03T14:30:00+00:00'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', sidecarDate: date });
      assert.deepEqual([result.date, result.source, result.codes], [iso, 'sidecar', []], date);
    }
  });

  it('with an Arabic month\'s name or a Hijri or Persian one is read with its time as a dateline\'s is, and is no date with a time in a zone it cannot read', () => {
    // Umm al-Qura: 12 Ramadan 1445 was 22 March 2024, 12 Jumada II 1445 25 December 2023.
    for (const [date, iso] of [
      ['12 Ramadan 1445 AH, 10:30 pm', '2024-03-22T22:30:00+03:00'],
      ['15 مارس 2024 الساعة 10:30', '2024-03-15T10:30:00+03:00'],
      ['١٥ مارس ٢٠٢٤ الساعة ١٠:٣٠ مساءً', '2024-03-15T22:30:00+03:00'],
      ['الأحد 12 جمادى الآخرة 1445 هـ الساعة 10:30 بتوقيت غرينتش', '2023-12-25T13:30:00+03:00'],
      ['۱۵ فروردین ۱۴۰۳ ساعت ۱۰:۳۰', '2024-04-03T10:30:00+03:00'],
    ] as const) {
      const result = dateOf({ zone: 'Asia/Riyadh', sidecarDate: date });
      assert.deepEqual([result.date, result.source, result.codes], [iso, 'sidecar', []], date);
    }
    for (const date of ['15 مارس 2024 الساعة 10:30 بتوقيت مكة', '15 مارس 2024 الساعة 10', '15 مارس 2024 الساعة 25:30']) {
      assert.deepEqual(dateOf({ zone: 'Asia/Riyadh', sidecarDate: date }).codes, ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME'], date);
    }
  });

  it('is no date with a time that is none (25:00, 13 pm)', () => {
    for (const date of ['3 June 2024 25:00', 'June 3, 2024 13 PM']) {
      assert.deepEqual(dateOf({ zone: 'UTC', sidecarDate: date }).codes, ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME'], date);
    }
  });
});

describe('a sidecar date with a zone\'s abbreviation', () => {
  it('is read in the zone the abbreviation names, as news archives mean it, not as the platform guesses it', () => {
    for (const [date, iso] of [
      // BST is British Summer Time (+1), not Bangladesh's (+6).
      ['2024-06-03 14:30 BST', '2024-06-03T13:30:00+00:00'],
      ['2024-06-03T14:30 BST', '2024-06-03T13:30:00+00:00'],
      // CET is +1 and CEST +2, whatever the season (US zones: below).
      ['2024-06-03 14:30 CET', '2024-06-03T13:30:00+00:00'],
      ['2024-06-03 14:30 CEST', '2024-06-03T12:30:00+00:00'],
      ['2024-06-03 14:30 PDT', '2024-06-03T21:30:00+00:00'],
      ['2024-06-03 14:30 (EDT)', '2024-06-03T18:30:00+00:00'],
      ['Mon, 03 Jun 2024 14:30:00 GMT', '2024-06-03T14:30:00+00:00'],
    ] as const) {
      const result = dateOf({ zone: 'UTC', sidecarDate: date });
      assert.deepEqual([result.date, result.source, result.codes], [iso, 'sidecar', []], date);
    }
  });

  it('is no date to trust when the abbreviation names no one zone (IST: India, Ireland or Israel), and is named', () => {
    const result = dateOf({ zone: 'UTC', sidecarDate: '2024-06-03 14:30 IST', name: '2024-06-01-story.txt' });
    assert.deepEqual([result.date, result.source, result.codes], ['2024-06-01T00:00:00+00:00', 'filename', ['SIDECAR_BAD_DATE']]);
  });
});

describe('a US zone written with the other season than its clocks had (PST in June)', () => {
  // Pacific clocks show PDT (UTC−7) from March to November and PST (UTC−8) in winter; Eastern EDT (−4) and EST (−5).
  const cases = [
    { written: '14:30 PST', day: 'June 3, 2024', iso: '2024-06-03T21:30:00+00:00', clocks: 'PDT', warned: true },
    { written: '14:30 PDT', day: 'June 3, 2024', iso: '2024-06-03T21:30:00+00:00', clocks: 'PDT', warned: false },
    { written: '14:30 PST', day: 'January 3, 2024', iso: '2024-01-03T22:30:00+00:00', clocks: 'PST', warned: false },
    { written: '14:30 PDT', day: 'January 3, 2024', iso: '2024-01-03T22:30:00+00:00', clocks: 'PST', warned: true },
    { written: '9:00 EST', day: 'July 4, 2024', iso: '2024-07-04T13:00:00+00:00', clocks: 'EDT', warned: true },
    { written: '9:00 EDT', day: 'December 4, 2024', iso: '2024-12-04T14:00:00+00:00', clocks: 'EST', warned: true },
  ];
  for (const { written, day, iso, clocks, warned } of cases) {
    it(`reads "${day}, ${written}" in a dateline and a sidecar by the clocks of that day (${clocks})${warned ? ', naming the season' : ', with no warning'}`, () => {
      const text = dateOf({ zone: 'UTC', text: `Headline\n\nPublished: ${day}, ${written}\n\nText.\n` });
      const sidecar = dateOf({ zone: 'UTC', sidecarDate: `${day} ${written}` });
      for (const [result, code, line, file] of [[text, 'TEXT_ZONE_SEASON', 3, 'story.txt'], [sidecar, 'SIDECAR_ZONE_SEASON', 1, 'meta.jsonl']] as const) {
        assert.equal(result.date, iso);
        assert.deepEqual(result.problems.map((problem) => ({ code: problem.code, file: problem.file, line: problem.line })), warned ? [{ code, file, line }] : []);
        if (warned) {
          const abbreviation = written.split(' ')[1]!;
          assert.match(result.problems[0]!.message, new RegExp(`gives a time in ${abbreviation} \\(UTC.*\\) on .*, when clocks there showed ${clocks} \\(UTC.*\\): it is read as ${clocks}`));
          assert.match(result.problems[0]!.hint, new RegExp(`"${clocks}"`));
        }
      }
    });
  }

  it('reads a time in the hour repeated when summer time ends (1:30 on 3 November 2024, first PDT, then PST) at the offset written, with no warning', () => {
    for (const [written, iso] of [['PDT', '2024-11-03T08:30:00+00:00'], ['PST', '2024-11-03T09:30:00+00:00']] as const) {
      const text = dateOf({ zone: 'UTC', text: `Headline\n\nPublished: November 3, 2024, 1:30 a.m. ${written}\n\nText.\n` });
      const sidecar = dateOf({ zone: 'UTC', sidecarDate: `2024-11-03 01:30 ${written}` });
      const timed = dateOf({ zone: 'UTC', text: `Headline\n\nPublished: 2024-11-03 01:30 ${written}\n\nText.\n` });
      for (const result of [text, sidecar, timed]) assert.deepEqual([result.date, result.codes], [iso, []], written);
    }
  });

  it('reads an RFC 2822 date\'s PST in June by the clocks too, and MST in June as UTC−7 without a word (Arizona keeps it all year)', () => {
    const rfc = dateOf({ zone: 'UTC', sidecarDate: 'Mon, 03 Jun 2024 14:30:00 PST' });
    assert.deepEqual([rfc.date, rfc.codes], ['2024-06-03T21:30:00+00:00', ['SIDECAR_ZONE_SEASON']]);
    const arizona = dateOf({ zone: 'UTC', sidecarDate: '2024-06-03 14:30 MST' });
    assert.deepEqual([arizona.date, arizona.codes], ['2024-06-03T21:30:00+00:00', []]);
  });
});

describe('dates that are probably typos', () => {
  const now = Date.UTC(2024, 5, 1, 12); // the build's time: noon UTC on 1 June 2024
  const where = (result: ReturnType<typeof dateOf>) => result.problems.map(({ code, file, line }) => ({ code, file, line }));

  it('warns about a date more than a day after the build, naming where it came from, and publishes the article with it', () => {
    const sidecar = dateOf({ zone: 'UTC', now, sidecarDate: '2099-03-04' });
    assert.deepEqual([sidecar.date, sidecar.source], ['2099-03-04T00:00:00+00:00', 'sidecar']);
    assert.deepEqual(where(sidecar), [{ code: 'DATE_IN_FUTURE', file: 'meta.jsonl', line: 1 }]);
    assert.match(sidecar.problems[0]!.message, /"2099-03-04".* 4 March 2099, after this build's date \(1 June 2024\)/);
    assert.match(sidecar.problems[0]!.hint, /Correct "date" in the sidecar/);

    const text = dateOf({ zone: 'UTC', now, text: 'Headline\nPublished 4 March 2099\n\nText.\n' });
    assert.deepEqual([text.date, text.source, where(text)], ['2099-03-04T00:00:00+00:00', 'text', [{ code: 'DATE_IN_FUTURE', file: 'story.txt', line: 2 }]]);
    assert.match(text.problems[0]!.message, /"4 March 2099"/);

    const name = dateOf({ zone: 'UTC', now, name: '2099-03-04-story.txt' });
    assert.deepEqual([name.date, name.source, where(name)], ['2099-03-04T00:00:00+00:00', 'filename', [{ code: 'DATE_IN_FUTURE', file: '2099-03-04-story.txt', line: undefined }]]);

    const inThreeDays = now + 3 * 24 * 60 * 60 * 1000;
    const timed = dateOf({ zone: 'UTC', now, mtimeMs: inThreeDays });
    assert.deepEqual(timed.codes, ['DATE_FROM_FILE_TIME', 'DATE_IN_FUTURE']);
    assert.match(timed.problems[1]!.message, /modification time/);
  });

  it('takes a date up to a day after the build without a word (a story filed in a zone ahead)', () => {
    assert.deepEqual(dateOf({ zone: 'UTC', now, sidecarDate: '2024-06-02T11:00:00Z' }).codes, []);
    assert.deepEqual(dateOf({ zone: 'Pacific/Kiritimati', now, sidecarDate: '2024-06-02' }).codes, []);
  });

  it('names a year past 9999 (a digit too many: "15 March 12024", "12024-03-15") or the year 0, in the text and a sidecar, with how to correct it, and never reads 12024 as 2024', () => {
    const past = 'which names no one day: its year, 12024, is past 9999, the last year a date can have (a digit too many?)';
    for (const [written, reason] of [
      ['15 March 12024', past],
      ['March 15, 12024', past],
      ['12024-03-15', past],
      ['15/03/12024', past],
      ['١٥ مارس ١٢٠٢٤', past],
      ['15 March 0000', 'which names no one day: its year is 0, which the calendar does not have (1 BC is followed by AD 1)'],
    ] as const) {
      const text = dateOf({ zone: 'UTC', now, text: `Headline\nPublished: ${written}\n\nText.\n` });
      assert.deepEqual([text.source, where(text)], ['file-mtime', [{ code: 'TEXT_BAD_DATE', file: 'story.txt', line: 2 }]], written);
      assert.equal(text.problems[0]!.message, `gives the date "${written}", ${reason}; the file's modification time is used instead`, written);
      assert.match(text.problems[0]!.hint, /^Correct the year to four digits; or give the date in a sidecar/, written);
      const sidecar = dateOf({ zone: 'UTC', now, sidecarDate: written });
      assert.deepEqual([sidecar.source, sidecar.codes], ['file-mtime', ['SIDECAR_BAD_DATE', 'DATE_FROM_FILE_TIME']], written);
      assert.equal(sidecar.problems[0]!.message, `date "${written}" for story.txt ${reason.replace('which ', '')}`, written);
      assert.match(sidecar.problems[0]!.hint, /^Correct the year to four digits, or write the date as ISO 8601/, written);
    }
    const name = dateOf({ zone: 'UTC', now, name: '12024-03-15-story.txt' });
    assert.deepEqual([name.source, name.codes], ['file-mtime', ['FILENAME_BAD_DATE']]);
    assert.match(name.problems[0]!.message, /^has "12024-03-15" in its file name, which is not a real date/);
    // A date does not start inside a run of figures: "115 March 2024" is not 15 March 2024.
    assert.deepEqual(dateOf({ zone: 'UTC', now, text: 'Headline\nPublished: 115 March 2024\n\nText.\n' }).source, 'file-mtime');
  });

  it('warns about a date before the year 1000, unless a sidecar gives it in full as ISO 8601', () => {
    const explicit = dateOf({ zone: 'UTC', now, sidecarDate: '0850-06-01' });
    assert.deepEqual([explicit.date, explicit.codes], ['0850-06-01T00:00:00+00:00', []]);

    const figures = dateOf({ zone: 'UTC', now, sidecarDate: '25/06/0850' });
    assert.deepEqual([figures.date, where(figures)], ['0850-06-25T00:00:00+00:00', [{ code: 'DATE_TOO_EARLY', file: 'meta.jsonl', line: 1 }]]);

    const text = dateOf({ zone: 'UTC', now, text: 'Headline\nPublished 0001-05-01\n\nText.\n' });
    assert.deepEqual([text.date, text.source, where(text)], ['0001-05-01T00:00:00+00:00', 'text', [{ code: 'DATE_TOO_EARLY', file: 'story.txt', line: 2 }]]);
    assert.match(text.problems[0]!.message, /"0001-05-01" is read as 1 May 0001, before the year 1000/);
    assert.match(text.problems[0]!.hint, /Correct the date in the text/);
  });
});

describe('dates in zones far from UTC', () => {
  it('reads a sidecar time without a zone in the configured zone (Pacific/Kiritimati, UTC+14)', () => {
    assert.equal(dateOf({ zone: 'Pacific/Kiritimati', sidecarDate: '2024-03-01 23:30:00' }).date, '2024-03-01T23:30:00+14:00');
  });

  it('reads a sidecar time without a zone in the configured zone (Pacific/Pago_Pago, UTC−11)', () => {
    assert.equal(dateOf({ zone: 'Pacific/Pago_Pago', sidecarDate: '2024-03-01 00:15' }).date, '2024-03-01T00:15:00-11:00');
  });

  it('keeps the day of a date-only value: midnight in the zone, not the UTC day before or after', () => {
    assert.equal(dateOf({ zone: 'Pacific/Kiritimati', sidecarDate: '2024-01-01' }).date, '2024-01-01T00:00:00+14:00');
    assert.equal(dateOf({ zone: 'Pacific/Pago_Pago', sidecarDate: '2024-12-31' }).date, '2024-12-31T00:00:00-11:00');
    assert.equal(dateOf({ zone: 'Pacific/Kiritimati', name: '2024-01-01-new-year.txt' }).date, '2024-01-01T00:00:00+14:00');
    assert.equal(dateOf({ zone: 'Pacific/Pago_Pago', text: 'Published 31 December 2024\nHeadline\n\nText.\n' }).date, '2024-12-31T00:00:00-11:00');
  });

  it('shows a date with another offset at the same instant in the configured zone', () => {
    // 23:30 on 31 December in New York is 18:30 on 1 January in Kiritimati.
    assert.equal(dateOf({ zone: 'Pacific/Kiritimati', sidecarDate: '2024-12-31T23:30:00-05:00' }).date, '2025-01-01T18:30:00+14:00');
  });

  it('takes the file time\'s day in the configured zone (noon UTC is 02:00 the next day in Kiritimati)', () => {
    assert.equal(dateOf({ zone: 'Pacific/Kiritimati', mtimeMs: Date.UTC(2023, 11, 31, 12) }).date, '2024-01-01T02:00:00+14:00');
    assert.equal(dateOf({ zone: 'Pacific/Pago_Pago', mtimeMs: Date.UTC(2024, 0, 1, 5) }).date, '2023-12-31T18:00:00-11:00');
  });

  it('gives a reader the same day and the URL the same year as the source, just before and after midnight', () => {
    assert.deepEqual(shown('Pacific/Kiritimati', '2024-12-31 23:59:59'), { url: '/2024/a-headline/', day: 'December 31, 2024' });
    assert.deepEqual(shown('Pacific/Kiritimati', '2025-01-01 00:00:01'), { url: '/2025/a-headline/', day: 'January 1, 2025' });
    assert.deepEqual(shown('Pacific/Pago_Pago', '2024-12-31 23:59:59'), { url: '/2024/a-headline/', day: 'December 31, 2024' });
    assert.deepEqual(shown('Pacific/Pago_Pago', '2025-01-01 00:00:00'), { url: '/2025/a-headline/', day: 'January 1, 2025' });
  });
});
