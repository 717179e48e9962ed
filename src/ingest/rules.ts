// The patterns that recognise site chrome before the headline and boilerplate after the
// article. Users add their own in broadsheet.config.json (`ingest`; see README, "Ingest rules").

import { NAME as ARABIC_MONTH_NAME } from './arabic-months.ts';
import { ARABIC_MONTH as HIJRI_MONTH_NAME, LATIN_MONTH as HIJRI_LATIN_MONTH } from './hijri.ts';
import { SOLAR_HIJRI_MARK, SOLAR_HIJRI_MONTH } from './solar-hijri.ts';
import { EUROPEAN_MONTH } from './european-months.ts';
import { AFTER_CJK_DATE, CJK_DATE, CJK_DATE_LABEL } from './cjk-dates.ts';

export interface IngestRules {
  /** Lines before the headline that are site furniture, not the article (`Published`, `- 3 min read`). */
  chrome: RegExp[];
  /** Whole lines at the end of an article that are page furniture (comment forms, share prompts, end markers). */
  boilerplate: RegExp[];
  /**
   * Furniture glued to the end of the last paragraph by a scraper (a tag list, a "link to this
   * story" line). Each pattern must match up to the end of the line; only the matched part is cut,
   * and only when real text precedes it.
   */
  trailing: RegExp[];
}

/** Extra patterns from the configuration file, added to the defaults. */
export interface IngestRuleConfig {
  chrome: string[];
  boilerplate: string[];
  trailing: string[];
}

// Every default rule matches only the shape of the furniture, never a sentence that merely starts
// with the same word: `Updated guidance on school closures issued` is a headline, `Copyright
// holders will get new powers, the minister said.` and `Topics: pay, pensions and working hours
// will all be on the table, she said.` are article text. A line no rule matches is kept, so when
// in doubt a rule leaves the line alone ("nothing lost" beats "no furniture").

// Words that carry a date or time (`3`, `14:05`, `2024-06-03T10:00Z`, `June`, `Mon.`, `ago`, a
// Hijri month's name, `Jumada II`, and an ISO week's `W23` in `2024-W23-1`).
export const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
export const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun';
export const DATE_WORD = `(?:\\d+(?:[:.t]\\d+)*(?:st|nd|rd|th|am|pm|h|z)?|w\\d{2}|(?:${MONTHS}|${WEEKDAYS})\\.?|${HIJRI_LATIN_MONTH}|ago|today|yesterday|now)`;
// Words that may stand around them (`at`, `on the`, `2 hours ago`, `a.m.`, `GMT`, `last updated`,
// a Hijri year's `AH`).
export const DATE_FILLER =
  '(?:at|on|the|of|just|an?|a\\.?h\\.?|(?:min(?:ute)?|hour|hr|day|week|month|year|sec(?:ond)?)s?|[ap]\\.?m\\.?|gmt|utc|bst|wet|west|cet|cest|eet|eest|msk|est|edt|et|cst|cdt|ct|mst|mdt|mt|pst|pdt|pt|ist|jst|aest|aedt|published|updated|posted|last|first)';
// Separators inside a date line: spaces and `, | · • / ( ) + – — -`.
export const DATE_SEP = '[\\s,|·•/()+–—-]+';
// The rest of a `Published …` line: date words and fillers only, at least one date word; the
// last may close a bracket (`Published: 3 June 2024 (14:05 BST)`).
const DATE_ONLY = `(?:${DATE_FILLER}${DATE_SEP})*${DATE_WORD}(?:${DATE_SEP}(?:${DATE_WORD}|${DATE_FILLER}))*\\)?\\.?`;

// A date in figures, day first: day, month and year with one separator (`03/04/2024`, `03/04/24`).
const FIGURES_DATE = '\\d{1,2}([/.-])\\d{1,2}\\1(?:\\d{4}|\\d{2})';

// `Published 3 June 2024`, `Updated: 14:05 GMT, Mon 3 June`, `Posted 2 hours ago`, but not
// `Updated guidance on school closures issued` or `Published authors protest over pay rates`.
// A byline may close it (`Published 3 June 2024 by Jane Smith`): up to four words, no sentence.
// `Date: 03.04.2024` is the same line with another label.
const LABELLED_DATE_LINE = `^(?=.{0,100}$)(?:(?:last|first)\\s+)?(?:published|updated|posted|date)(?:\\s*:\\s*|\\s+)${DATE_ONLY}(?:${DATE_SEP}by\\s+[^\\s,;:.!?]+(?:\\s+[^\\s,;:.!?]+){0,3})?$`;
// The same in Arabic: `نشر في: 15 يناير 2024`, `تاريخ النشر: الأحد 12 جمادى الآخرة 1445 هـ`, `آخر
// تحديث: 16 يناير 2024 الساعة 10:30 م بتوقيت غرينتش`, `… 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م` (the Hijri date
// and the Gregorian one it "corresponds to"); the rest is figures and the words of a date only.
// Persian's too: `تاریخ انتشار: ۱۵ فروردین ۱۴۰۳`, `منتشر شده`, `آخرین به‌روزرسانی`, `ساعت ۱۰:۳۰`; and
// Dari's: `تاریخ نشر: ۱۵ حمل ۱۴۰۳`, `نشر شده`.
const PERSIAN_UPDATE = 'به[\\u200c\\s]?روز[\\u200c\\s]?رسانی';
const ARABIC_LABEL = `(?:(?:تم\\s+)?(?:نشر|نُشر|النشر|منشور|تحديث|التحديث)|تاريخ\\s+(?:النشر|التحديث)|(?:آخر|اخر)\\s+تحديث|محدث|تار[يی]خ\\s+(?:انتشار|نشر|${PERSIAN_UPDATE})|(?:منتشر|نشر)\\s+شده|(?:آخر[يی]ن\\s+)?${PERSIAN_UPDATE})(?:\\s+(?:في|بتاريخ|در))?`;
const PERSIAN_WEEKDAY = '(?:(?:[يی]ک|دو|سه|چهار|پنج)[\\u200c\\s]?)?شنبه|جمعه';
const ARABIC_DATE_WORD = `(?:\\d+(?:[:./-]\\d+)*|${ARABIC_MONTH_NAME}|${HIJRI_MONTH_NAME}|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|يوم|الساعة|الموافق|صباحا|صباحًا|مساء|مساءً|ليلا|ليلًا|هـ|ه|م|ص|بتوقيت(?:\\s+[\\u0621-\\u064a]+){1,2}|gmt|utc|${SOLAR_HIJRI_MONTH}|${PERSIAN_WEEKDAY}|${SOLAR_HIJRI_MARK.replace('\\s*', '')}|ساعت|صبح|ظهر|بعدازظهر|عصر|شب)(?![\\u0621-\\u064a\\u067e-\\u06d3])`;
const ARABIC_LABELLED_DATE_LINE = `^(?=.{0,100}$)${ARABIC_LABEL}\\s*:?\\s*(?=[^\\n]*\\d)${ARABIC_DATE_WORD}(?:[\\s,،|·•/()–—-]+${ARABIC_DATE_WORD})*\\.?$`;
// An English label with an Arabic date (`Published: ١٥ مارس ٢٠٢٤`, `Date: 12 جمادى الآخرة 1445 هـ`), and an
// Arabic label with an English one (`نشر في: 15 March 2024`), as a bilingual site or a translated page
// writes them: the same line as `Published: 15 March 2024`.
const MIXED_LABELLED_DATE_LINE =
  `^(?=.{0,100}$)(?:(?:(?:last|first)\\s+)?(?:published|updated|posted|date)(?:\\s*:\\s*|\\s+)(?=[^\\n]*\\d)${ARABIC_DATE_WORD}(?:[\\s,،|·•/()–—-]+${ARABIC_DATE_WORD})*\\.?` +
  `|${ARABIC_LABEL}\\s*:?\\s*${DATE_ONLY})$`;
// The same in French, German, Spanish, Italian, Portuguese and Russian (`Publié le 15 mars 2024`,
// `Veröffentlicht am 15. März 2024, 10:30 Uhr`, `Publicado el 15 de marzo de 2024`, `Mis à jour le …`,
// `Опубликовано: 15 марта 2024 г.`), a date with the month's name in that language (european-months.ts).
export const EUROPEAN_LABEL = '(?:publi[ée]e?|mis\\s+[àa]\\s+jour|ver[öo]ffentlicht|aktualisiert|publicado|actualizado|pubblicato|aggiornato|atualizado|опубликовано|обновлено)';
const EUROPEAN_DATE_WORD = `(?:\\d+(?:[:.h]\\d+)*(?:er)?\\.?|${EUROPEAN_MONTH}|${WEEKDAYS}|le|am|el|il|em|de|del|à|a|um|uhr|в|г\\.?|gmt|utc|cet|cest|msk)(?![\\p{L}\\p{M}])`;
const EUROPEAN_LABELLED_DATE_LINE = `^(?=.{0,100}$)${EUROPEAN_LABEL}(?:\\s*:\\s*|\\s+)(?=[^\\n]*\\d)${EUROPEAN_DATE_WORD}(?:${DATE_SEP}${EUROPEAN_DATE_WORD})*\\.?$`;
// And in Chinese and Japanese (`发布时间：2024年3月15日 10:30`, `公開日：令和6年3月15日（金）`; cjk-dates.ts).
const CJK_LABELLED_DATE_LINE = `^(?=.{0,60}$)${CJK_DATE_LABEL}\\s*[:：]?\\s*${CJK_DATE}${AFTER_CJK_DATE}$`;
// A relative date alone, as a page's furniture shows one (`2 hours ago`, `Yesterday at 14:05`, `Just
// now`): no date to read, but no headline or section heading either.
const RELATIVE_DATE_LINE = `^(?=.{0,60}$)(?:(?:about|just|over|almost)\\s+)?(?:\\d+|an?|one|a\\s+few)\\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\\s+ago\\.?$|^(?:yesterday|today|just\\s+now)(?:,?\\s+(?:at\\s+)?\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s+[a-z]{2,5})?)?\\.?$`;
/** A `Published …` line: a label and a date or time, whether or not the date can be read (`Posted 2 hours ago`). */
export const LABELLED_DATE = new RegExp(`${RELATIVE_DATE_LINE}|${LABELLED_DATE_LINE}|${ARABIC_LABELLED_DATE_LINE}|${MIXED_LABELLED_DATE_LINE}|${EUROPEAN_LABELLED_DATE_LINE}|${CJK_LABELLED_DATE_LINE}`, 'iu');

export const DEFAULT_CHROME_PATTERNS: string[] = [
  '^published$',
  LABELLED_DATE_LINE,
  ARABIC_LABELLED_DATE_LINE,
  MIXED_LABELLED_DATE_LINE,
  EUROPEAN_LABELLED_DATE_LINE,
  CJK_LABELLED_DATE_LINE,
  RELATIVE_DATE_LINE,
  // A day-first date in figures alone on its line (`03/04/2024`, `3.4.2024 14:05`), which no
  // headline is. `3 June 2024` alone may be one ("11 September 2001"), and so may an ISO date
  // (the hostile suite keeps the headline `2024-01-01`): those stay.
  `^${FIGURES_DATE}(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?)?(?:\\s*[a-z]{2,5})?)?\\.?$`,
  '^-?\\s*\\d+\\s*min(ute)?s?\\s+read$',
  '^share( this( article| story)?)?:?$',
  '^advertisement$',
  '^(skip to (main )?content|menu|home|search)$',
  '^(breaking|exclusive|live|watch|listen)$',
];

// A line of tag words has no sentence punctuation: `[^\s.!?؟،,;:]+` is one such word.
const TAG_WORDS = '(\\s+[^\\s.!?؟،,;:]+){1,25}';
// Arabic words that only prose has (prepositions, relatives, "said", "was"): a run of tag words
// holds none of them, so `سمات القيادة في الأزمات تظهر بوضوح` ("features of leadership …") is
// a sentence, not a tag list. Arabic letters are not `\w`, so the word edges are spelled out.
export const ARABIC_PROSE_WORD =
  '(?<![\\p{L}\\p{M}])(في|من|على|إلى|الى|عن|مع|أن|ان|إن|التي|الذي|الذين|قال|وقال|قالت|وقالت|كان|كانت|هو|هي|لا|لم|لن|قد|إذا|اذا|حيث|هذا|هذه|ذلك|تلك)(?![\\p{L}\\p{M}])';
const NO_ARABIC_PROSE = `(?!.*${ARABIC_PROSE_WORD})`;

// An English tag list: items of one to five words, separated by `, ; | · •`, no sentence
// punctuation (a word may keep inner dots, `Node.js`, or be an initialism, `U.S.`), and no
// reporting verb. `Topics: pay, pensions and working hours will all be on the table, she said.`
// fails on the item length, the final full stop and `said`.
const LIST_WORD = '(?:(?:\\p{L}\\.){2,}|[^\\s,;|·•.!?؟:]+(?:\\.[^\\s,;|·•.!?؟:]+)*)';
const LIST_ITEM = `${LIST_WORD}(?:\\s+${LIST_WORD}){0,4}`;
const NO_REPORTING_VERB = '(?!.*\\b(said|says|say|told|tells|added|adds|according)\\b)';
const TAG_LIST = `(?=.{0,400}$)${NO_REPORTING_VERB}${LIST_ITEM}(?:\\s*[,;|·•]\\s*${LIST_ITEM}){0,39}`;

// A copyright line: `© …`, `(c) 2024 …`, `Copyright © …`, `Copyright (c) …`, `Copyright 2024 …`,
// or `Copyright … All rights reserved.`, naming a holder, never a sentence: `Copyright holders
// will get new powers` has no year or sign, `Copyright 2024 was a record year` has a verb.
const YEAR = '\\d{4}(?:\\s*[-–]\\s*\\d{2,4})?';
const NO_PROSE_VERB = '(?!.*\\b(said|says|told|will|would|shall|should|could|might|must|was|were|is|are|has|have|had)\\b)';
const COPYRIGHT_MARK = `(?:©|\\(c\\)\\s*(?:copyright\\b|(?=${YEAR}))|copyright\\s*(?:©|\\(c\\)|(?=${YEAR})))`;
// Up to 16 words; a space is needed between two words (else the pattern backtracks exponentially).
const HOLDER_WORDS = '(?:\\s*[^\\s!?;:]+(?:\\s+[^\\s!?;:]+){0,15})?';

export const DEFAULT_BOILERPLATE_PATTERNS: string[] = [
  '^leave a (reply|comment)$',
  // WordPress's comment form: `Your email address will not be published. Required fields are marked *`.
  '^your email address will not be published\\.?(\\s+required fields are marked( with( an?)?)?\\s*\\*?\\.?)?$',
  '^required fields are marked( with( an?)?)?\\s*\\*?\\.?$',
  '^(share|share this|share on \\w+|tweet|email|print)( article| story)?:?$',
  '^(related|related (articles|posts|stories)|read more|more from \\w+|recommended):?$',
  // `Tags: harbour, council`, `Topics: Politics | Economy`.
  `^(tags?|keywords?|topics?)\\s*:\\s*${TAG_LIST}$`,
  '^(advertisement|sponsored)$',
  `^(?=.{0,200}$)${NO_PROSE_VERB}${COPYRIGHT_MARK}${HOLDER_WORDS}(?:\\.?\\s*all rights reserved)?\\.?$`,
  `^(?=.{0,200}$)${NO_PROSE_VERB}copyright\\b${HOLDER_WORDS}\\.?\\s*all rights reserved\\.?$`,
  '^all rights reserved\\.?$',
  // Agency end-markers: `// انتهى //` (ends), `// يتبع //` (continues in the next dispatch).
  '^/+\\s*(انتهى|يتبع)\\s*/*$',
  '^\\(?\\s*انتهى\\s*\\)?$',
  // The agency's filing time under the end-marker: `20:26 ت م` (Mecca time), `14:05 GMT`.
  '^\\d{1,2}:\\d{2}\\s*(ت\\s?م|ت\\s?غ|gmt|utc)$',
  // Scraped tag lists on their own line: `سمات …`, `الوسوم: …`, `كلمات دالة: …`.
  `^(سمات|الوسوم|وسوم|كلمات دالة|الكلمات الدالة|كلمات مفتاحية)(?=.{0,400}$)${NO_ARABIC_PROSE}\\s*:?${TAG_WORDS}$`,
  // A columnist's contact line: `للتواصل مع الكاتب ارسل رسالة SMS …` with an address or number.
  '^\\S*\\s*للتواصل مع الكاتب(?=.{0,200}(@|[\\d٠-٩]{4,}|sms)).{0,200}$',
  // `Subscribe to our newsletter`, `Sign up for the newsletter: the best stories every morning`.
  `^(?=.{0,120}$)${NO_PROSE_VERB}(sign up|subscribe)( to| for)? (our|the) newsletters?[^.!?]{0,80}[.!]?$`,
  `^(?=.{0,100}$)${NO_PROSE_VERB}(follow us|like us) on [^.!?]{0,60}[.!]?$`,
  '^comments?( \\(\\d+\\))?$',
];

// Only cut after the end of a sentence, so a paragraph that merely contains the word keeps it.
const AFTER_SENTENCE = '(?<=[.!?؟…»"”)\\]])';

export const DEFAULT_TRAILING_PATTERNS: string[] = [
  // A tag list glued to the last paragraph: `… بكلية الطب. سمات تبوك جامعة`.
  `${AFTER_SENTENCE}\\s+سمات(?=.{0,400}$)${NO_ARABIC_PROSE}${TAG_WORDS}$`,
  // `… العلاج. رابط الخبر بصحيفة الوئام: <headline>` ("link to the story in the paper …").
  `${AFTER_SENTENCE}\\s+رابط الخبر[^:]{0,40}:.{0,300}$`,
  // An agency end-marker at the end of the last line: `… الرياض. // انتهى //`.
  `${AFTER_SENTENCE}\\s*(/{2,}|\\()\\s*انتهى\\s*(/{2,}|\\))$`,
  `${AFTER_SENTENCE}\\s+(tags?|topics?|keywords?)\\s*:\\s*${TAG_LIST}$`,
];

export const NO_EXTRA_RULES: IngestRuleConfig = { chrome: [], boilerplate: [], trailing: [] };

/** Compiles one pattern as the rules use it: case-insensitive, Unicode-aware. Throws SyntaxError. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern, 'iu');
}

/** The default rules plus the configured extra patterns. */
export function compileRules(extra: IngestRuleConfig = NO_EXTRA_RULES): IngestRules {
  return {
    chrome: [...DEFAULT_CHROME_PATTERNS, ...extra.chrome].map(compilePattern),
    boilerplate: [...DEFAULT_BOILERPLATE_PATTERNS, ...extra.boilerplate].map(compilePattern),
    trailing: [...DEFAULT_TRAILING_PATTERNS, ...extra.trailing].map(compilePattern),
  };
}

export const DEFAULT_RULES: IngestRules = compileRules();

export function matchesAny(line: string, patterns: RegExp[]): boolean {
  const trimmed = line.trim();
  return patterns.some((pattern) => pattern.test(trimmed));
}

/** Where trailing furniture starts in `line` (index of the cut), or -1 when none matches. */
export function findTrailingCut(line: string, patterns: RegExp[]): number {
  let cut = -1;
  for (const pattern of patterns) {
    const match = pattern.exec(line);
    if (!match || match.index + match[0].length !== line.length) continue;
    // Real text must stay in front of the cut; the earliest match wins.
    if (line.slice(0, match.index).trim() === '') continue;
    if (cut === -1 || match.index < cut) cut = match.index;
  }
  return cut;
}
