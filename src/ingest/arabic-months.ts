// The Gregorian months' names in Arabic, as datelines write them (`15 يناير 2024`, `15 كانون
// الثاني 2024`, `15 كانون الثاني (يناير) 2024`), and in Persian and Dari (`۱۵ ژانویه ۲۰۲۴`, `۱۵
// مارچ ۲۰۲۴`): read as `15 January 2024` is.

/**
 * Arabic as month names are compared: no short vowels, tatweel or Persian's hamza above (`ژانویهٔ`),
 * one alif, `ى` and Persian's `ی` as `ي`, Persian's `ک` as `ك`, `ة` as `ه`.
 */
export function normaliseArabic(text: string): string {
  return text
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/[ىی]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A pattern for a normalised name that matches it as written: any alif, `ى`, `ی` or `ي`, `ک` or `ك`, `ة` or `ه`, any spaces. */
export function arabicNamePattern(name: string): string {
  return name.replace(/ا/g, '[اأإآ]').replace(/ي/g, '[يىی]').replace(/ك/g, '[كک]').replace(/ه/g, '[هة]').replace(/ /g, '\\s+');
}

// Each month's names, normalised (`normaliseArabic`): Egypt's and the Gulf's (`يناير`), the Levant's
// and Iraq's (`كانون الثاني`), the Maghreb's (`جانفي`, Algeria and Tunisia; `يوليوز`, Morocco); then
// Persian's (`ژانویه`, `مه`, `ژوئن`) and Dari's (`جنوری`, `مارچ`, `جون`).
const NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['يناير', 'جانفي', 'كانون الثاني', 'ژانويه', 'جنوري']],
  [2, ['فبراير', 'فيفري', 'شباط', 'فوريه', 'فبروري']],
  [3, ['مارس', 'اذار', 'مارچ']],
  [4, ['ابريل', 'افريل', 'نيسان', 'اوريل', 'اپريل']],
  [5, ['مايو', 'ماي', 'ايار', 'مه', 'مي']],
  [6, ['يونيو', 'يونيه', 'جوان', 'حزيران', 'ژوئن', 'ژوين', 'جون']],
  [7, ['يوليو', 'يوليه', 'يوليوز', 'جويليه', 'تموز', 'ژوئيه', 'ژوييه', 'جولاي']],
  [8, ['اغسطس', 'غشت', 'اوت', 'اب', 'اگوست', 'اگست']],
  [9, ['سبتمبر', 'شتنبر', 'ايلول', 'سپتامبر', 'سپتمبر']],
  [10, ['اكتوبر', 'تشرين الاول', 'اكتبر']],
  [11, ['نوفمبر', 'نونبر', 'تشرين الثاني', 'نوامبر', 'نومبر']],
  [12, ['ديسمبر', 'دجنبر', 'كانون الاول', 'دسامبر', 'دسمبر']],
];

// `تشرين` and `كانون` alone name two months each: which one is meant cannot be known.
const HALF_NAMES: Readonly<Record<string, string>> = { تشرين: 'October (تشرين الأول) or November (تشرين الثاني)', كانون: 'December (كانون الأول) or January (كانون الثاني)' };

const ENGLISH = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Nor a Persian letter, nor Persian's hamza above (`ژانویهٔ ۲۰۲۴`), which ends the name it follows.
const NOT_LETTER = '\\u0654?(?![\\u0621-\\u064a\\u067e-\\u06d3])';
/** A Gregorian month's name in Arabic, as written (`يناير`, `كانون الثاني`). */
export const NAME = [...NAMES.flatMap(([, names]) => names), ...Object.keys(HALF_NAMES)]
  .sort((a, b) => b.length - a.length)
  .map(arabicNamePattern)
  .join('|');
// A month's name, perhaps with its other name after it (`كانون الثاني (يناير)`, `شباط/فبراير`).
const MONTH = `(?:${NAME})${NOT_LETTER}(?:\\s*[(/]\\s*(?:${NAME})${NOT_LETTER}\\s*\\)?)?`;

/**
 * A date with an Arabic month's name as written: day, month and a four-digit year (`15 يناير 2024`),
 * or a longer one (`12024`), which is no year a date can have, to be named.
 */
export const ARABIC_MONTH_DATE = `(?<!\\d)\\d{1,2}\\s*${MONTH}\\s*[،,]?\\s*\\d{4,}`;

const WHOLE = new RegExp(`^(\\d{1,2})\\s*(${MONTH})\\s*[،,]?\\s*(\\d{4,})$`);
const NAMES_IN = new RegExp(`${NAME}`, 'g');

function monthNumber(name: string): number | undefined {
  const normal = normaliseArabic(name);
  return NAMES.find(([, names]) => names.includes(normal))?.[0];
}

/**
 * A date with an Arabic month's name: its day, month and year, or why it names no one month (two
 * names that disagree, `شباط (مارس)`, or `تشرين` alone); undefined when `text` is no such date.
 */
export function readArabicMonthDate(text: string): { year: number; month: number; day: number } | { doubt: string } | undefined {
  const match = WHOLE.exec(text.trim());
  if (!match) return undefined;
  const names = match[2]!.match(NAMES_IN) ?? [];
  const half = names.map(normaliseArabic).find((name) => HALF_NAMES[name] !== undefined);
  if (half !== undefined) return { doubt: `"${half}" alone names ${HALF_NAMES[half]!}` };
  const months = names.map(monthNumber);
  if (months.some((month) => month !== months[0])) {
    return { doubt: `it names two months, "${names[0]!}" (${ENGLISH[months[0]! - 1]!}) and "${names[1]!}" (${ENGLISH[months[1]! - 1]!})` };
  }
  return { year: Number(match[3]), month: months[0]!, day: Number(match[1]) };
}
