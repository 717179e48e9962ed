// Dates as Chinese and Japanese write them, year, month and day marked by 年, 月 and 日
// (`2024年3月15日`, `２０２４年３月１５日`), and Japanese ones by the year of an era (`令和6年3月15日`,
// `平成元年1月8日`): read as `15 March 2024` is.

const HAN_DATE_MARKS = '\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]';

// Japan's eras since the Gregorian calendar: the day each began (its first year is `元年`, year 1).
const ERAS: ReadonlyArray<{ name: string; english: string; start: readonly [number, number, number] }> = [
  { name: '令和', english: 'Reiwa', start: [2019, 5, 1] },
  { name: '平成', english: 'Heisei', start: [1989, 1, 8] },
  { name: '昭和', english: 'Shōwa', start: [1926, 12, 25] },
  { name: '大正', english: 'Taishō', start: [1912, 7, 30] },
];

// Before such a date on a dateline, a label (`发布时间`, `公開日`, `更新日時`, `日期`); after it, a
// weekday (`（金）`, `星期五`) and a time (`10:30`, `10時30分`).
const HAN_OR_KANA = '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]';
export const CJK_DATE_LABEL = `${HAN_OR_KANA}{0,4}(?:发布|發布|發佈|更新|公開|公开|掲載|配信|投稿|日期|时间|時間|日時|日付|发表|發表)${HAN_OR_KANA}{0,3}`;
export const AFTER_CJK_DATE = '\\s*(?:[（(][月火水木金土日][)）]|(?:星期|周|週)[一二三四五六日天])?\\s*(?:\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?|\\d{1,2}[時时点](?:\\d{1,2}分)?)?\\s*';

/** A date with its year, month and day marked (`2024年3月15日`, `令和6年3月15日`), as written in ASCII digits. */
export const CJK_DATE = `(?:(?:${ERAS.map((era) => era.name).join('|')})\\s*(?:\\d{1,2}|元)|(?<!\\d)\\d{4,})${HAN_DATE_MARKS.replace(/\(/g, '(?:')}`;

const WHOLE = new RegExp(`^(?:(${ERAS.map((era) => era.name).join('|')})\\s*(\\d{1,2}|元)|(\\d{4,}))${HAN_DATE_MARKS}$`);

/** Its Gregorian year, month and day, and the era its year was written in; undefined when `text` is no such date. */
export function readCjkDate(text: string): { year: number; month: number; day: number; era?: string } | undefined {
  const match = WHOLE.exec(text.trim());
  if (!match) return undefined;
  const [, eraName, eraYear, year, month, day] = match;
  if (eraName === undefined) return { year: Number(year), month: Number(month), day: Number(day) };
  const era = ERAS.find((candidate) => candidate.name === eraName)!;
  return { year: era.start[0] - 1 + (eraYear === '元' ? 1 : Number(eraYear)), month: Number(month), day: Number(day), era: eraName };
}

/**
 * Why a date of a Japanese era is none of that era (`令和1年1月1日`: Reiwa began on 1 May 2019,
 * so that day was Heisei 31), and how to write it; undefined for another date.
 */
export function eraDoubt(date: { year: number; month: number; day: number; era?: string }): { reason: string; fix: string } | undefined {
  if (date.era === undefined) return undefined;
  const index = ERAS.findIndex((era) => era.name === date.era);
  const era = ERAS[index]!;
  const next = ERAS[index - 1];
  const key = (parts: readonly [number, number, number]) => parts[0] * 10_000 + parts[1] * 100 + parts[2];
  const day = key([date.year, date.month, date.day]);
  const shown = (parts: readonly [number, number, number]) => new Date(Date.UTC(parts[0], parts[1] - 1, parts[2])).toLocaleDateString('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  if (day < key(era.start)) return { reason: `the ${era.english} era (${era.name}) began on ${shown(era.start)}, after it`, fix: "Correct the era's year, or write the Gregorian year (2024年3月15日)" };
  if (next !== undefined && day >= key(next.start)) return { reason: `the ${era.english} era (${era.name}) ended when the ${next.english} era (${next.name}) began, on ${shown(next.start)}`, fix: "Correct the era's year, or write the Gregorian year (2024年3月15日)" };
  return undefined;
}
