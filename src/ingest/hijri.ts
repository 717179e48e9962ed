// Dates of the Islamic (Hijri) calendar, as Saudi and other Arabic papers date their articles
// (`12 جمادى الآخرة 1445 هـ`, `12 Jumada II 1445 AH`): read by the Umm al-Qura calendar.

import { arabicNamePattern, normaliseArabic } from './arabic-months.ts';

// The months' names in Arabic, each with the spellings papers use (with or without hamza, `ذو`
// or `ذي`), normalised as `normaliseArabic` writes them.
const ARABIC_NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['محرم']],
  [2, ['صفر']],
  [3, ['ربيع الاول']],
  [4, ['ربيع الاخر', 'ربيع الثاني']],
  [5, ['جمادي الاولي', 'جمادي الاول']],
  [6, ['جمادي الاخره', 'جمادي الاخر', 'جمادي الثانيه', 'جمادي الثاني']],
  [7, ['رجب']],
  [8, ['شعبان']],
  [9, ['رمضان']],
  [10, ['شوال']],
  [11, ['ذو القعده', 'ذي القعده']],
  [12, ['ذو الحجه', 'ذي الحجه']],
];

// The longest spelling first, so that `جمادى الآخرة` is not read as `جمادى الآخر` and a letter.
const byLength = (a: string, b: string) => b.length - a.length;
/** A Hijri month's name in Arabic, as written. */
export const ARABIC_MONTH = ARABIC_NAMES.flatMap(([, names]) => names).sort(byLength).map(arabicNamePattern).join('|');

/** A Hijri month's name transliterated (`Jumada II`, `Jumada al-Akhirah`, `Rabi' al-Awwal`, `Dhul Hijjah`, `Ramadhan`). */
export const LATIN_MONTH =
  "muharram|safar|rajab|sha['’ʿ]?aban|sha['’ʿ]?ban|rama[dz]h?an|shaww?al|" +
  "rabi['’ʿ]?(?:[ -]?(?:al|ul|us|uth|ath|el)[ -]?|\\s+)(?:awwal|awal|thani|akhir|akhar|i{1,2}|[12])(?![a-z])|" +
  "juma[dt][ae]?(?:[ -]?(?:al|ul|el)[ -]?|\\s+)(?:awwal|awal|ula|oula|thani|thaniyah|akhirah?|akhir|ukhra|i{1,2}|[12])(?![a-z])|" +
  "(?:dhu|dhul|zul|zu)[ -]?(?:al[ -]?)?(?:qa['’ʿ]?dah?|qi['’ʿ]?dah?|hijjah?)";

/** The months' names in English, as messages name them. */
export const HIJRI_MONTH_NAMES = ['Muharram', 'Safar', "Rabi' al-Awwal", "Rabi' al-Thani", 'Jumada al-Ula', 'Jumada al-Akhirah', 'Rajab', "Sha'ban", 'Ramadan', 'Shawwal', "Dhu al-Qa'dah", 'Dhu al-Hijjah'];

/** The month (1–12) a transliterated Hijri month's name stands for. */
function latinMonthNumber(name: string): number | undefined {
  const word = name.toLowerCase().replace(/['’ʿ\s-]/g, '');
  if (word === 'muharram') return 1;
  if (word === 'safar') return 2;
  if (word.startsWith('rabi')) return /(?:awwal|awal|i|1)$/.test(word) && !/ii$/.test(word) ? 3 : 4;
  if (word.startsWith('juma')) return /(?:awwal|awal|ula|oula|i|1)$/.test(word) && !/ii$/.test(word) ? 5 : 6;
  if (word === 'rajab') return 7;
  if (word.startsWith('sha') && word.endsWith('ban')) return 8;
  if (word.startsWith('rama')) return 9;
  if (word.startsWith('shaw')) return 10;
  return /q/.test(word) ? 11 : /hijj/.test(word) ? 12 : undefined;
}

/** The month (1–12) a Hijri month's name stands for, in Arabic or transliterated. */
function hijriMonthNumber(name: string): number | undefined {
  const normal = normaliseArabic(name);
  const arabic = ARABIC_NAMES.find(([, names]) => names.includes(normal));
  return arabic ? arabic[0] : latinMonthNumber(name);
}

// The mark that says a year is a Hijri one: `هـ` (or `ه`), `AH`, `A.H.`; not `ه.ش`, `هـ.ش`, Iran's
// solar Hijri year (solar-hijri.ts).
const MARK = '(?:\\s*(?:هـ|ه(?![\\u0621-\\u064a]))(?!\\u200d?\\s*\\.?\\s*ش)|\\s*a\\.?h\\.?(?![a-z]))';
const YEAR = '\\d{3,4}';
/** A Hijri date as written: a day, a Hijri month's name and a year, or figures marked as Hijri (`1445/6/12 هـ`). */
export const HIJRI_DATE =
  `(?:\\d{1,2}\\s*(?:${ARABIC_MONTH})(?![\\u0621-\\u064a])\\s*[،,]?\\s*${YEAR}${MARK}?` +
  `|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${LATIN_MONTH})\\s*,?\\s*${YEAR}${MARK}?` +
  `|(?:${LATIN_MONTH})\\s+\\d{1,2},?\\s+${YEAR}${MARK}?` +
  `|${YEAR}/\\d{1,2}/\\d{1,2}${MARK}|${YEAR}-\\d{1,2}-\\d{1,2}${MARK}|${YEAR}\\.\\d{1,2}\\.\\d{1,2}${MARK}` +
  `|\\d{1,2}/\\d{1,2}/${YEAR}${MARK}|\\d{1,2}-\\d{1,2}-${YEAR}${MARK}|\\d{1,2}\\.\\d{1,2}\\.${YEAR}${MARK})`;

const WHOLE_DATE = new RegExp(`^${HIJRI_DATE}$`, 'i');
const NAMED = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s*([a-z\\u0621-\\u064a].*?)\\s*[،,]?\\s*(${YEAR})${MARK}?$|^([a-z]\\D*?)\\s+(\\d{1,2}),?\\s+(${YEAR})${MARK}?$`, 'i');
const FIGURES = /^(\d+)[/.-](\d{1,2})[/.-](\d+)/;

/** A Hijri date's year, month and day as written (ASCII digits), or undefined when `text` is none. */
export function readHijriDate(text: string): { year: number; month: number; day: number } | undefined {
  const trimmed = text.trim();
  if (!WHOLE_DATE.test(trimmed)) return undefined;
  const named = NAMED.exec(trimmed);
  if (named) {
    const [day, name, year] = named[1] === undefined ? [named[5]!, named[4]!, named[6]!] : [named[1], named[2]!, named[3]!];
    const month = hijriMonthNumber(name);
    return month === undefined ? undefined : { year: Number(year), month, day: Number(day) };
  }
  const figures = FIGURES.exec(trimmed);
  if (!figures) return undefined;
  const yearFirst = figures[1]!.length >= 3;
  return { year: Number(yearFirst ? figures[1] : figures[3]), month: Number(figures[2]), day: Number(yearFirst ? figures[3] : figures[1]) };
}

let umalqura: Intl.DateTimeFormat | undefined;
const DAY_MS = 86_400_000;

/**
 * The Gregorian day of a Hijri one by the Umm al-Qura calendar (Saudi Arabia's official one, as
 * `Intl` holds it), or undefined when there is no such day (`30 Safar` in a month of 29 days).
 * The arithmetic (tabular) calendar gives the day within two; Intl says which one it is.
 */
export function hijriToGregorian(year: number, month: number, day: number): { year: number; month: number; day: number } | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 30) return undefined;
  umalqura ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  const julianDay = day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 1948439;
  const estimate = Math.round((julianDay - 2440588) * DAY_MS);
  for (const offset of [0, -1, 1, -2, 2, -3, 3]) {
    const at = new Date(estimate + offset * DAY_MS);
    const parts = Object.fromEntries(umalqura.formatToParts(at).map(({ type, value }) => [type, value]));
    if (Number(parts.year) === year && Number(parts.month) === month && Number(parts.day) === day) {
      return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
    }
  }
  return undefined;
}
