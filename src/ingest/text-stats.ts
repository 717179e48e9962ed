// Small measures of article text: words, reading time, summary, language.

export const WORDS_PER_MINUTE = 230;
export const SUMMARY_MAX_CHARACTERS = 240;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’.-]*/gu;
// Chinese and Japanese put no space between words: each character counts as one, as word
// processors count them (a run of them was one word, so a 3,000-character article read in one
// minute). Thai, Lao, Khmer and Myanmar put none either, and their words are several letters
// long: ICU's dictionaries split a run of them (Intl.Segmenter; these runs only, since it is slow).
const IDEOGRAPHIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const UNSPACED_RUN = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]+/gu;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
// Code units every letter of those scripts is among (and others: Hangul, Vietnamese, emoji), found
// six times faster than by script: text in Latin, Arabic, Cyrillic or Indic letters has none.
const MAYBE_UNSPACED = /[\u0E00-\u1FFF\u2E80-\uDBFF\uF900-\uFAFF\uFF00-\uFFEF]/;
let wordSegmenter: Intl.Segmenter | undefined;

export function countWords(text: string): number {
  if (!MAYBE_UNSPACED.test(text) || !UNSPACED.test(text)) return text.match(WORD)?.length ?? 0;
  let words = 0;
  const spaced = text
    .replace(IDEOGRAPHIC, () => {
      words++;
      return ' ';
    })
    .replace(UNSPACED_RUN, (run) => {
      wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
      for (const segment of wordSegmenter.segment(run)) if (segment.isWordLike) words++;
      return ' ';
    });
  return words + (spaced.match(WORD)?.length ?? 0);
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

// A script's letters, the language its text is taken to be in, and the ISO 15924 codes a
// language tag's script may have for that text (zh-Hant is written in Han, Japanese in Jpan).
// A script several languages share is taken for its most written one (Devanagari: Hindi), unless
// the configured default is written in it (Marathi on an `mr` site); text in a script not listed
// here took the default, so Thai on an English site was marked English (`lang="en"`, read aloud
// by an English voice), and Dhivehi (Thaana) or Syriac was laid out left to right.
type Script = [language: string, letters: RegExp, scriptCodes: string[]];
const COMMON_SCRIPTS: Script[] = [
  ['ar', /\p{Script=Arabic}/gu, ['Arab']],
  ['he', /\p{Script=Hebrew}/gu, ['Hebr']],
  ['ru', /\p{Script=Cyrillic}/gu, ['Cyrl']],
  ['el', /\p{Script=Greek}/gu, ['Grek']],
  ['zh', /\p{Script=Han}/gu, ['Hani', 'Hans', 'Hant']],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu, ['Jpan']],
  ['ko', /\p{Script=Hangul}/gu, ['Kore', 'Hang']],
];
const LESS_COMMON_SCRIPTS: Script[] = [
  ['th', /\p{Script=Thai}/gu, ['Thai']],
  ['lo', /\p{Script=Lao}/gu, ['Laoo']],
  ['km', /\p{Script=Khmer}/gu, ['Khmr']],
  ['my', /\p{Script=Myanmar}/gu, ['Mymr']],
  ['ka', /\p{Script=Georgian}/gu, ['Geor']],
  ['hy', /\p{Script=Armenian}/gu, ['Armn']],
  ['am', /\p{Script=Ethiopic}/gu, ['Ethi']],
  ['hi', /\p{Script=Devanagari}/gu, ['Deva']],
  ['bn', /\p{Script=Bengali}/gu, ['Beng']],
  ['pa', /\p{Script=Gurmukhi}/gu, ['Guru']],
  ['gu', /\p{Script=Gujarati}/gu, ['Gujr']],
  ['or', /\p{Script=Oriya}/gu, ['Orya']],
  ['ta', /\p{Script=Tamil}/gu, ['Taml']],
  ['te', /\p{Script=Telugu}/gu, ['Telu']],
  ['kn', /\p{Script=Kannada}/gu, ['Knda']],
  ['ml', /\p{Script=Malayalam}/gu, ['Mlym']],
  ['si', /\p{Script=Sinhala}/gu, ['Sinh']],
  ['bo', /\p{Script=Tibetan}/gu, ['Tibt']],
  ['dv', /\p{Script=Thaana}/gu, ['Thaa']],
  ['syr', /\p{Script=Syriac}/gu, ['Syrc']],
  ['nqo', /\p{Script=Nko}/gu, ['Nkoo']],
];
const SCRIPTS = [...COMMON_SCRIPTS, ...LESS_COMMON_SCRIPTS];
const anyLetterOf = (scripts: Script[]) => new RegExp(`[${scripts.map(([, letters]) => letters.source.replace(/^\[|\]$/g, '')).join('')}]`, 'u');

// Any letter of the scripts above. Without one, every count is 0 and the default wins whatever
// the Latin count, so most articles need none of the counts (one scan instead of one per script).
const ANY_OTHER_SCRIPT = anyLetterOf(SCRIPTS);
// Any letter of the less common ones: without one, an Arabic or Chinese text is counted in the
// seven common scripts only (one scan instead of twenty-one).
const ANY_LESS_COMMON_SCRIPT = anyLetterOf(LESS_COMMON_SCRIPTS);

// Latin-script text on a site whose language is written in other letters (an English article on
// an Arabic site): its language is not the site's, and English is the likeliest.
const LATIN_TEXT_LANGUAGE = 'en';

const scriptsOfTags = new Map<string, string | undefined>();

/** The script a language tag names or its language is usually written in (`ar` → `Arab`), if Intl knows. */
function scriptOf(tag: string): string | undefined {
  if (!scriptsOfTags.has(tag)) {
    let script: string | undefined;
    try {
      script = new Intl.Locale(tag).maximize().script;
    } catch {
      // Not a tag Intl reads: no script known.
    }
    scriptsOfTags.set(tag, script);
  }
  return scriptsOfTags.get(tag);
}

/**
 * The language of a text by its dominant script: the configured default when it is written in
 * that script (Cyrillic on a Ukrainian site is `uk`, Arabic letters on a Persian one `fa`), else
 * the script's language (`ar`, `he`, `ru`, `el`, `zh`, `ja`, `ko`, `th`, `hi`, `ka`, …); Latin-script text gets the
 * default when the default is written in Latin letters, and English when it is not.
 */
export function detectLanguage(text: string, fallback: string): string {
  const sample = text.slice(0, 5000);
  const fallbackScript = scriptOf(fallback);
  const latinFallback = fallbackScript === undefined || fallbackScript === 'Latn' ? fallback : LATIN_TEXT_LANGUAGE;
  if (!ANY_OTHER_SCRIPT.test(sample)) return latinFallback;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  let best: Script | undefined;
  let bestCount = latin;
  for (const script of ANY_LESS_COMMON_SCRIPT.test(sample) ? SCRIPTS : COMMON_SCRIPTS) {
    const count = sample.match(script[1])?.length ?? 0;
    if (count > bestCount) [best, bestCount] = [script, count];
  }
  if (best === undefined) return latinFallback;
  // Japanese text mixes Han with kana; any kana means Japanese.
  if (best[0] === 'zh' && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(sample)) best = SCRIPTS.find(([language]) => language === 'ja')!;
  return fallbackScript !== undefined && best[2].includes(fallbackScript) ? fallback : best[0];
}

// A letter of any script but Latin.
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/**
 * The language a short text such as a name is in, given the language of the articles it comes
 * from: theirs when it is written in their kind of letters (Latin, or another script), else by
 * its own letters (`detectLanguage`). A folder named `gulf` holding Arabic articles is not Arabic,
 * nor is an Arabic section name English because its articles are.
 */
export function nameLanguage(name: string, articlesLanguage: string): string {
  const latinLanguage = (scriptOf(articlesLanguage) ?? 'Latn') === 'Latn';
  return NON_LATIN_LETTER.test(name) !== latinLanguage ? articlesLanguage : detectLanguage(name, articlesLanguage);
}

// Scripts one text may mix and still be one language's (Japanese headlines are often all Han).
const HAN_FAMILY = new Set(['Hani', 'Hans', 'Hant', 'Jpan', 'Kore']);

/** Whether text in `a`'s script reads as `b`'s: the same script, or both in the Han family. */
function sameScriptFamily(a: string | undefined, b: string | undefined): boolean {
  return (a ?? 'Latn') === (b ?? 'Latn') || (HAN_FAMILY.has(a ?? '') && HAN_FAMILY.has(b ?? ''));
}

/**
 * The language of an article's headline when it is not the article's: the headline's own letters
 * (`detectLanguage`, with the site's language as the default for Latin letters) when their script
 * is not the article's, an Arabic headline over an English body say; undefined when the headline
 * is in the article's script, nearly always, and costs one test of its letters then.
 */
export function headlineLanguage(title: string, articleLanguage: string, siteLanguage: string): string | undefined {
  const articleScript = scriptOf(articleLanguage);
  // A Latin headline over a Latin-script article, the common case: no count of letters needed.
  if ((articleScript ?? 'Latn') === 'Latn' && !ANY_OTHER_SCRIPT.test(title)) return undefined;
  const own = detectLanguage(title, siteLanguage);
  return sameScriptFamily(scriptOf(own), articleScript) ? undefined : own;
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

/**
 * Whether a language is written right to left: by its script, as the tag names it (`ku-Arab`,
 * `ar-Latn`) or as the language is usually written (`iw` and `yi`: Hebrew; `dv`: Thaana; `ks`:
 * Arabic), so a tag is not judged by its first subtag alone. A tag Intl cannot read is left to right.
 */
export function isRightToLeft(language: string): boolean {
  return RIGHT_TO_LEFT_SCRIPTS.has(scriptOf(language) ?? '');
}
