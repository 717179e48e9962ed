// Whether a line that holds a date is a dateline: a short line that is mostly its date, not a
// sentence that mentions one. Only a dateline gives an article its date (dates.ts).

import { AFTER_CJK_DATE, CJK_DATE_LABEL } from './cjk-dates.ts';
import { ARABIC_PROSE_WORD, DATE_FILLER, DATE_SEP, DATE_WORD, WEEKDAYS } from './rules.ts';

// Before the date: a label, a place or a byline, in names and a few small words
// (`Published`, `LONDON,`, `WASHINGTON (Reuters) -`, `By Jane Smith |`, `Monday,`). A lower-case
// word of any other kind (`The talks collapsed on`) makes it a sentence.
// In French, German, Spanish, Italian, Portuguese and Russian too (`Publié le`, `Mis à jour le`,
// `Veröffentlicht am`, `Publicado el`, `Опубликовано`), before a date with a month's name in that language.
const LABEL_WORD = /^(?:published|updated|posted|last|first|date|on|at|publi[ée]e?|mis|à|jour|le|ver[öo]ffentlicht|aktualisiert|am|publicado|actualizado|el|pubblicato|aggiornato|il|atualizado|em|опубликовано|обновлено|от)$/i;
// A time may come first (`Updated: 14:05 GMT, Monday 3 June 2024`); the zone is a name word.
const TIME_WORD = /^(?:\d{1,2}(?:[:.]\d{2}){0,2}(?:am|pm|h)?|[ap]\.?m\.?)$/i;
const SMALL_WORD = new RegExp(`^(?:dated|filed|by|in|of|the|and|de|del|la|le|el|al|da|van|von|der|${WEEKDAYS})$`, 'i');
const NAME_WORD = /^\p{Lu}[\p{L}\p{M}.'’]*$/u;
const PREFIX_SEPARATOR = /[\s,،|·•:：()/–—-]+/u;
const MAX_PREFIX_WORDS = 8;
// A preposition right before the date joins it to the words before (`Biden on 3 March`): then
// the date does not start a wire story's dateline.
const ENDS_IN_PREPOSITION = /\b(?:on|at|in|by|of|the)\s*$/i;

// After the date: times, zones and date words (`14:05 GMT`, `updated 4 May 2024`, in brackets too:
// `(14:05 BST)`, `(25 December 2023)` after a Hijri date), then at most a byline of up to four
// words (`by Jane Smith`).
const AFTER_DATE = new RegExp(
  `^(?:${DATE_SEP}(?:${DATE_WORD}|${DATE_FILLER}))*\\)?(?:${DATE_SEP}by\\s+[^\\s,;:.!?]+(?:\\s+[^\\s,;:.!?]+){0,3})?\\.?$`,
  'i',
);
// Or a wire story's dateline: a dash, and the first sentence after it (`LONDON, March 3, 2024 — The …`),
// perhaps after a time (`June 3, 2024, 10 a.m. ET —`).
const BEFORE_LEDE = /^,?\s*(?:(?:at\s+)?\d{1,2}(?:[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,5})?\s*)?(?:—|–|--|\s-)\s*\S/i;

// An Arabic dateline (`نشر في: 15 يناير 2024`, `الرياض - 15 يناير 2024`, `الأحد، 15 يناير 2024`,
// `الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس`). Arabic has no capitals to tell a place
// from a verb, so a place or byline is at most three words, none of them one only prose has (`قال`,
// `من`, `على`); `في` only after a label (`نشر في`).
// Persian's labels and weekdays too (`تاریخ انتشار`, `آخرین به‌روزرسانی`, `سه‌شنبه`).
const ARABIC_LABEL =
  /^(?:نشر|نُشر|منشور|تاريخ|بتاريخ|النشر|تم|آخر|اخر|تحديث|التحديث|محدث|يوم|الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|تاریخ|انتشار|منتشر|شده|آخرین|به\u200c?روز\u200c?رسانی|(?:یک|دو|سه|چهار|پنج)?\u200c?شنبه|جمعه)$/;
const PUBLISHED_LABEL = /^(?:نشر|نُشر|منشور|تحديث|التحديث|محدث)$/;
// A zero-width non-joiner may join a word's parts (Persian `سه‌شنبه`, Tuesday).
const ARABIC_WORD = /^[\u0621-\u065f\u0670-\u06d3\u200c]+$/;
const PROSE_WORD = new RegExp(`^${ARABIC_PROSE_WORD}$`, 'u');
const MAX_ARABIC_NAME_WORDS = 3;
// After an Arabic date: the era's mark (`م`), then a time (`الساعة 10:30`, `10 مساءً`, `10:30 GMT`)
// or an agency or byline of up to three words (`واس`, `(واس)`, `- واس`), or a dash and the first
// sentence.
const ARABIC_AFTER = /^(?:\s*م(?![\u0621-\u064a]))?(?<rest>(?:[\s,،|·•/()–—-]+(?:[\u0621-\u065f\u0670-\u06d3]+|\d{1,2}(?:[:.]\d{2}(?::\d{2})?)?|[A-Z]{2,5}|[+-]\d{1,2}(?::?\d{2})?)){0,5})[\s)]*\.?$/u;
const ARABIC_BEFORE_LEDE = /^(?:\s*م(?![\u0621-\u064a]))?\s*(?:\([^()]{1,30}\)\s*)?(?:—|–|--|\s-|-)\s*\S/u;

/** Whether the words before a date are an Arabic dateline's: labels, a weekday, and a short place or byline. */
function isArabicPrefix(words: string[]): boolean {
  let names = 0;
  return words.every((word, at) => {
    if (ARABIC_LABEL.test(word) || TIME_WORD.test(word)) return true;
    if (word === 'في') return at > 0 && PUBLISHED_LABEL.test(words[at - 1]!);
    if (!ARABIC_WORD.test(word) || PROSE_WORD.test(word)) return false;
    return ++names <= MAX_ARABIC_NAME_WORDS;
  });
}

const ARABIC_LETTER = /[\u0621-\u064a]/;

/** Whether a word before a date may be a dateline's (not in Arabic letters): a label, a time, a small word or a name. */
function isPrefixWord(word: string): boolean {
  return LABEL_WORD.test(word) || TIME_WORD.test(word) || SMALL_WORD.test(word) || NAME_WORD.test(word);
}

const CJK_LABEL = new RegExp(`^${CJK_DATE_LABEL}$`, 'u');
const CJK_AFTER = new RegExp(`^${AFTER_CJK_DATE}$`, 'u');

const NUMERIC_DATE_TEXT = /^(?:\d{1,2}([/.-])\d{1,2}\1(?:\d{4,}|\d{2})|\d{4,}([/.])\d{1,2}\2\d{1,2})$/;

function prefixWords(prefix: string): string[] | undefined {
  const words = prefix.split(PREFIX_SEPARATOR).filter(Boolean);
  return words.length <= MAX_PREFIX_WORDS ? words : undefined;
}

/**
 * Whether `line`, holding the date `written` at `index`, is a dateline. A date in figures counts
 * only after a label (`Published: 03/04/2024`) or alone (`03/04/2024 14:05`), with nothing after
 * it but a time or a byline: `3.4.2024` in a sentence may be a score, a version or a reference.
 * A date in words may also follow a place or a byline, and lead into a wire story's first
 * sentence; a sentence that merely holds a date (`The talks collapsed on 3 March 2024 …`) is no
 * dateline.
 */
export function isDateline(line: string, index: number, written: string): boolean {
  return datelineKind(line, index, written) !== undefined;
}

/**
 * Whether `line` is a dateline with nothing after its date but times, zones, a byline or an
 * agency (`LONDON, March 3, 2024`, `Monday, 3 June 2024`, `بيروت 15 كانون الثاني 2024`): no text
 * of the article, so no summary.
 */
export function isBareDateline(line: string, index: number, written: string): boolean {
  return datelineKind(line, index, written) === 'bare';
}

/** A dateline alone (`bare`) or leading into the first sentence (`lede`); undefined for no dateline. */
function datelineKind(line: string, index: number, written: string): 'bare' | 'lede' | undefined {
  const words = prefixWords(line.slice(0, index));
  if (words === undefined) return undefined;
  const after = line.slice(index + written.length);
  const kind = (bare: boolean, lede: boolean) => (bare ? 'bare' : lede ? 'lede' : undefined);
  // An Arabic date, or an Arabic line: a Hijri date in figures has its mark (`1445/6/12 هـ`, `1403/1/15 ه.ش`).
  // An English label or place may stand before an Arabic date (`Published: ١٥ مارس ٢٠٢٤`), read as before an English one.
  if (ARABIC_LETTER.test(written) || words.some((word) => ARABIC_LETTER.test(word))) {
    if (words.some((word) => ARABIC_LETTER.test(word)) ? !isArabicPrefix(words) : !words.every(isPrefixWord)) return undefined;
    const rest = ARABIC_AFTER.exec(after)?.groups?.rest;
    if (rest !== undefined) {
      if (rest.split(PREFIX_SEPARATOR).some((word) => PROSE_WORD.test(word))) return undefined;
      // Alone on its line, a date in words may be a headline, as in English.
      return kind(words.length > 0 || rest.trim() !== '' || NUMERIC_DATE_TEXT.test(written.replace(/\s*(?:هـ|ه)(?:\u200d?\s*\.?\s*ش\.?)?$/, '')), false);
    }
    return kind(AFTER_DATE.test(after), ARABIC_BEFORE_LEDE.test(after));
  }
  // A Chinese or Japanese date (`2024年3月15日`), in figures, may stand alone, as `03/04/2024` does.
  if (written.includes('年')) return words.every((word) => CJK_LABEL.test(word)) ? kind(CJK_AFTER.test(after), false) : undefined;
  if (NUMERIC_DATE_TEXT.test(written)) return kind(words.every((word) => LABEL_WORD.test(word) || TIME_WORD.test(word)) && AFTER_DATE.test(after), false);
  // `3 June 2024` alone may be a headline ("11 September 2001"), so a date in words needs company.
  if (words.length === 0 && /^\.?$/.test(after.trim()) && !/^\d{4}-/.test(written)) return undefined;
  if (!words.every(isPrefixWord)) return undefined;
  return kind(AFTER_DATE.test(after), BEFORE_LEDE.test(after) && !ENDS_IN_PREPOSITION.test(line.slice(0, index)));
}
