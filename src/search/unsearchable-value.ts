// Metadata the search page reads but readers must not find articles by (the date, the language
// code), written so that Pagefind indexes no word of it; assets/search-engine.js reads it back.
//
// Pagefind 1.5 indexes every data-pagefind-meta value as words of the page: "2021-05-03" as
// 20210503, 2021, 05 and 03, so searching a year listed every article dated in it, and "en"
// every English article. It indexes only letters, digits and a few connector characters (`_`),
// so each ASCII letter and digit is written as a box-drawing character (U+2500 onwards: digits,
// then a–z, then A–Z, so that written dates still order as dates); `-` stays as it is.

/** Letters and digits in the order of their box-drawing characters. */
export const UNSEARCHABLE_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
export const UNSEARCHABLE_BASE = 0x2500;

/** `value` with every ASCII letter and digit written as its box-drawing character. */
export function writeUnsearchable(value: string): string {
  return value.replace(/[0-9A-Za-z]/g, (char) => String.fromCodePoint(UNSEARCHABLE_BASE + UNSEARCHABLE_ALPHABET.indexOf(char)));
}
