// Dates of the solar Hijri calendar, Iran's and Afghanistan's, as Persian and Dari papers date
// their articles (`۱۵ فروردین ۱۴۰۳`, `15 فروردین 1403 ه‍.ش`, `۱۵ حمل ۱۴۰۳`): read by the Persian
// calendar `Intl` holds, whose months Afghanistan's have had since 1336 (1957), by other names.

// The months' names, Persian ye and kaf read as the Arabic letters (`normalisePersian`): as Iran
// writes them (`مرداد` or `امرداد`, `آبان` and `آذر` with or without the madda), then as Afghanistan
// does, by the signs of the zodiac (`حمل` Aries … `حوت` Pisces).
const NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['فروردين', 'حمل']],
  [2, ['ارديبهشت', 'ثور']],
  [3, ['خرداد', 'جوزا', 'جوزاء']],
  [4, ['تير', 'سرطان']],
  [5, ['مرداد', 'امرداد', 'اسد']],
  [6, ['شهريور', 'سنبله']],
  [7, ['مهر', 'ميزان']],
  [8, ['ابان', 'عقرب']],
  [9, ['اذر', 'قوس']],
  [10, ['دي', 'جدي']],
  [11, ['بهمن', 'دلو']],
  [12, ['اسفند', 'حوت']],
];

const AFGHAN_NAMES: ReadonlySet<string> = new Set(['حمل', 'ثور', 'جوزا', 'جوزاء', 'سرطان', 'اسد', 'سنبله', 'ميزان', 'عقرب', 'قوس', 'جدي', 'دلو', 'حوت']);

/** Persian as month names are compared: Persian ye and kaf as the Arabic letters, no madda, hamza on alif or short vowels. */
function normalisePersian(text: string): string {
  return text.replace(/[\u064b-\u065f\u0670]/g, '').replace(/[یىي]/g, 'ي').replace(/ک/g, 'ك').replace(/[آأ]/g, 'ا').trim();
}

const pattern = (name: string) => name.replace(/ي/g, '[يیى]').replace(/^ا/, '[اآأ]');
/** A solar Hijri month's name, as written. */
export const SOLAR_HIJRI_MONTH = NAMES.flatMap(([, names]) => names)
  .sort((a, b) => b.length - a.length)
  .map(pattern)
  .join('|');
// The mark that says a year is a solar Hijri one: `ه.ش`, `هـ.ش`, `ه‍.ش` (with a joiner), `هجری شمسی`.
export const SOLAR_HIJRI_MARK = '(?:\\s*(?:هـ?\\u200d?\\s*\\.?\\s*ش\\.?|هجری\\s+شمسی|هجري\\s+شمسي)(?![\\u0621-\\u064a\\u067e-\\u06d3]))';
const NOT_LETTER = '(?![\\u0621-\\u064a\\u067e-\\u06d3])';

/**
 * A solar Hijri date as written: a day, a month's name and a year (`15 فروردین 1403`), perhaps
 * marked, or figures with the mark (`1403/01/15 ه.ش`).
 */
export const SOLAR_HIJRI_DATE = `(?:\\d{1,2}\\s*(?:${SOLAR_HIJRI_MONTH})${NOT_LETTER}\\s*[،,]?\\s*\\d{4}(?!\\d)${SOLAR_HIJRI_MARK}?|\\d{4}/\\d{1,2}/\\d{1,2}${SOLAR_HIJRI_MARK}|\\d{4}-\\d{1,2}-\\d{1,2}${SOLAR_HIJRI_MARK}|\\d{4}\\.\\d{1,2}\\.\\d{1,2}${SOLAR_HIJRI_MARK})`;

const WHOLE = new RegExp(`^(\\d{1,2})\\s*(${SOLAR_HIJRI_MONTH})${NOT_LETTER}\\s*[،,]?\\s*(\\d{4})${SOLAR_HIJRI_MARK}?$`);
const FIGURES = new RegExp(`^(\\d{4})([/.-])(\\d{1,2})\\2(\\d{1,2})${SOLAR_HIJRI_MARK}$`);

/**
 * A solar Hijri date's year, month and day as written (ASCII digits), and `afghan` when its month
 * has Afghanistan's name, or undefined when `text` is none.
 */
export function readSolarHijriDate(text: string): { year: number; month: number; day: number; afghan?: boolean } | undefined {
  const figures = FIGURES.exec(text.trim());
  if (figures) return { year: Number(figures[1]), month: Number(figures[3]), day: Number(figures[4]) };
  const match = WHOLE.exec(text.trim());
  if (!match) return undefined;
  const name = normalisePersian(match[2]!);
  const names = NAMES.find(([, names]) => names.includes(name));
  if (names === undefined) return undefined;
  return { year: Number(match[3]), month: names[0], day: Number(match[1]), ...(AFGHAN_NAMES.has(name) ? { afghan: true } : {}) };
}

let persian: Intl.DateTimeFormat | undefined;
const DAY_MS = 86_400_000;

/**
 * The Gregorian day of a solar Hijri one (the Persian calendar, as `Intl` holds it), or undefined
 * when there is no such day (`31 مهر`: the months from the seventh have 30 days, the last 29 or 30).
 */
export function solarHijriToGregorian(year: number, month: number, day: number): { year: number; month: number; day: number } | undefined {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  persian ??= new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { timeZone: 'UTC', year: 'numeric', month: 'numeric', day: 'numeric' });
  // The year starts at the March equinox: six months of 31 days, then months of 30.
  const dayOfYear = (month <= 7 ? (month - 1) * 31 : 186 + (month - 7) * 30) + day - 1;
  const estimate = Date.UTC(year + 621, 2, 21) + dayOfYear * DAY_MS;
  for (const offset of [0, -1, 1, -2, 2]) {
    const at = new Date(estimate + offset * DAY_MS);
    const parts = Object.fromEntries(persian.formatToParts(at).map(({ type, value }) => [type, value]));
    if (Number(parts.year) === year && Number(parts.month) === month && Number(parts.day) === day) {
      return { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate() };
    }
  }
  return undefined;
}

const IRANIAN_MONTHS = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];
const AFGHAN_MONTHS = ['Hamal', 'Sawr', 'Jawza', 'Saratan', 'Asad', 'Sonbola', 'Mizan', 'Aqrab', 'Qaws', 'Jadi', 'Dalw', 'Hut'];

/** A month's name in English, as messages name it: Iran's, or Afghanistan's when the date names it so. */
export function solarHijriMonthName(date: { month: number; afghan?: boolean }): string {
  return (date.afghan ? AFGHAN_MONTHS : IRANIAN_MONTHS)[date.month - 1]!;
}

/** The calendar, as messages name it: Iran's, or Afghanistan's when the date names its month so. */
export const solarHijriCalendar = (date: { afghan?: boolean }) => `solar Hijri (${date.afghan ? 'Afghan' : 'Iranian'}) calendar`;

/** The months' names as Persian writes them, for a hint that shows how to write such a date. */
export const SOLAR_HIJRI_MONTHS_WRITTEN = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
