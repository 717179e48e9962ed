// Small measures of article text: words, reading time, summary, language.

export const WORDS_PER_MINUTE = 230;
export const SUMMARY_MAX_CHARACTERS = 240;

export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu)?.length ?? 0;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** The text cut at a word boundary, with an ellipsis when cut. */
export function summarise(text: string, max = SUMMARY_MAX_CHARACTERS): string {
  const characters = [...text];
  if (characters.length <= max) return text;
  const cut = characters.slice(0, max).join('');
  const boundary = cut.search(/\s\S*$/u);
  return `${(boundary > max / 2 ? cut.slice(0, boundary) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

const SCRIPTS: Array<[string, RegExp]> = [
  ['ar', /\p{Script=Arabic}/gu],
  ['he', /\p{Script=Hebrew}/gu],
  ['ru', /\p{Script=Cyrillic}/gu],
  ['el', /\p{Script=Greek}/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['ko', /\p{Script=Hangul}/gu],
];

// Any letter of the scripts above. Without one, every count is 0 and the default wins whatever
// the Latin count, so most articles need neither count (one scan instead of eight).
const ANY_OTHER_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The language of a text by its dominant script; Latin-script text gets the configured default. */
export function detectLanguage(text: string, fallback: string): string {
  const sample = text.slice(0, 5000);
  if (!ANY_OTHER_SCRIPT.test(sample)) return fallback;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  let best = fallback;
  let bestCount = latin;
  for (const [language, pattern] of SCRIPTS) {
    const count = sample.match(pattern)?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [language, count];
  }
  // Japanese text mixes Han with kana; any kana means Japanese.
  if (best === 'zh' && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample)) best = 'ja';
  return best;
}

// A language tag as `lang` attributes and Pagefind's stemming take it (BCP 47: `en`, `ar`,
// `pt-BR`, `zh-Hant`): a language, then subtags of letters and digits.
const LANGUAGE_TAG = /^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** Whether `text` is a language tag (`en`, `pt-BR`), not a name (`English`) or a locale (`en_US`). */
export function isLanguageTag(text: string): boolean {
  return LANGUAGE_TAG.test(text);
}

// Scripts written right to left (ISO 15924): living ones, then historical ones still published.
const RIGHT_TO_LEFT_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend', 'Yezi', 'Armi', 'Nbat', 'Palm', 'Phnx', 'Avst', 'Sogd']);

const directions = new Map<string, boolean>();

/**
 * Whether a language is written right to left: by its script, as the tag names it (`ku-Arab`,
 * `ar-Latn`) or as the language is usually written (`iw` and `yi`: Hebrew; `dv`: Thaana; `ks`:
 * Arabic), so a tag is not judged by its first subtag alone. A tag Intl cannot read is left to right.
 */
export function isRightToLeft(language: string): boolean {
  let rightToLeft = directions.get(language);
  if (rightToLeft === undefined) {
    try {
      rightToLeft = RIGHT_TO_LEFT_SCRIPTS.has(new Intl.Locale(language).maximize().script ?? '');
    } catch {
      rightToLeft = false;
    }
    directions.set(language, rightToLeft);
  }
  return rightToLeft;
}
