// Archive search on Pagefind's JS API: every bundle and every language index searched as one,
// each query stemmed by the language it is written in, a true newest-first order, and older
// years merged in waves, only when a search needs them.
//
// Why not one pagefind.search(): Pagefind loads only the index of the page's <html lang>, merged
// indexes are searched with the main index's language (its WebAssembly stemmer), and merged
// results are re-sorted by score, which under a sort option is each index's rank, not the date.
// So: one Pagefind instance per query language, with every loaded (bundle, language) index merged
// in and tagged by a synthetic filter; newest-first merges the per-index date-sorted lists itself.
//
// Why waves: every merged bundle costs a first search its metadata (about 8 bytes a page) and an
// index chunk per query word, so merging all of a 100,000-article archive at once made a first
// search download over a megabyte. The page lists the index parts, each with its wave
// (src/search/bundles.ts): wave 0 (the newest years) opens the search, and a search that runs out
// of loaded years merges the next wave. Parts hold whole years, so older waves only add older
// results.

import { archiveStatistics, openScorer, pagesContaining, rescore, termWords } from './search-rank.js';

const SOURCE_FILTER = 'broadsheet-source';
// A value of it no source has (sources are numbered).
const NO_SOURCE = 'none';

/** Words in a result's excerpt (Pagefind's excerptLength); the page finds the excerpt's words by it. */
export const EXCERPT_WORDS = 30;

// Scripts that tell a query's language apart from the Latin-script default, each with the ISO 15924
// codes of the languages written in it (as Intl.Locale names a language's script).
const SCRIPTS = [
  ['Arabic', /\p{Script=Arabic}/u, ['Arab']],
  ['Hebrew', /\p{Script=Hebrew}/u, ['Hebr']],
  ['Cyrillic', /\p{Script=Cyrillic}/u, ['Cyrl']],
  ['Greek', /\p{Script=Greek}/u, ['Grek']],
  ['Devanagari', /\p{Script=Devanagari}/u, ['Deva']],
  ['Thai', /\p{Script=Thai}/u, ['Thai']],
  ['Hangul', /\p{Script=Hangul}/u, ['Hang', 'Kore']],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u, ['Jpan', 'Hira', 'Kana']],
  ['Han', /\p{Script=Han}/u, ['Hani', 'Hans', 'Hant', 'Jpan']],
];

// Index and filter chunks Pagefind could not fetch, by URL: their reason.
const unreadableChunks = new Map();
const CHUNK = /\/(?:index\/[^/?#]+\.pf_index|filter\/[^/?#]+\.pf_filter)(?:[?#]|$)/;
let chunksWatched = false;
// Whether a result's fragment could not be read since the last search began (Pagefind keeps the
// failed read, as it keeps a failed chunk).
let fragmentsFailed = false;

/**
 * Pagefind logs an index or filter chunk it cannot fetch and searches on without it. To hear of
 * it, Pagefind's search worker (the `pagefind-worker.js` pagefind.js starts) runs through
 * search-rank-worker.js, as the scoring worker does, which reports such chunks; and the page's
 * own fetch is watched for when Pagefind falls back to the page's thread (its worker slow to
 * start). Pagefind itself is unchanged.
 */
function watchPagefindChunks() {
  if (chunksWatched) return;
  chunksWatched = true;
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!CHUNK.test(url)) return fetchFromNetwork(input, init);
    return fetchFromNetwork(input, init).then(
      (response) => {
        if (!response.ok) noteUnreadableChunk({ url, reason: `${response.status} ${response.statusText}`.trim() });
        return response;
      },
      (error) => {
        noteUnreadableChunk({ url, reason: error instanceof Error ? error.message : String(error) });
        throw error;
      },
    );
  };
  if (typeof window.Worker !== 'function') return;
  const wrapper = new URL('./search-rank-worker.js', import.meta.url);
  const PageWorker = window.Worker;
  window.Worker = class extends PageWorker {
    constructor(script, options) {
      const address = new URL(String(script), window.location.href);
      const wrapped = new URL(wrapper);
      wrapped.searchParams.set('pagefind', address.href);
      wrapped.searchParams.set('worker', 'search');
      super(address.pathname.endsWith('/pagefind-worker.js') ? wrapped.href : script, options);
      this.addEventListener('message', (event) => {
        if (event.data?.unreadableChunk) noteUnreadableChunk(event.data.unreadableChunk);
      });
    }
  };
}

function noteUnreadableChunk({ url, reason }) {
  if (!unreadableChunks.has(url)) unreadableChunks.set(url, reason);
}

const languageScripts = new Map();

/**
 * The writing systems of a language code: names from SCRIPTS, or "Latin". The script is the one
 * the code names (`ku-Arab`, `ar-Latn`) or the one the language is usually written in (`iw` and
 * `yi`: Hebrew; `ur`: Arabic), as src/ingest/text-stats.ts decides an article's direction, so a
 * code is not judged by its first subtag alone. Japanese is written in Han and Kana alike, and a
 * query of kanji alone (東京) is as Japanese as one with kana.
 */
export function scriptsOfLanguage(language) {
  let scripts = languageScripts.get(language);
  if (!scripts) {
    let code;
    try {
      code = new Intl.Locale(language).maximize().script;
    } catch {
      code = undefined; // not a language tag (Pagefind's "unknown"): the Latin default
    }
    scripts = SCRIPTS.filter(([, , codes]) => codes.includes(code)).map(([script]) => script);
    if (scripts.length === 0) scripts = ['Latin'];
    languageScripts.set(language, scripts);
  }
  return scripts;
}

// The language text in each script is taken to be in, when not the site's (as an article's is,
// detectLanguage in src/ingest/text-stats.ts).
const SCRIPT_LANGUAGES = { Arabic: 'ar', Hebrew: 'he', Cyrillic: 'ru', Greek: 'el', Devanagari: 'hi', Thai: 'th', Hangul: 'ko', Kana: 'ja', Han: 'zh', Latin: 'en' };
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The language a name (a tag, person, organisation or place) is written in, by its letters, as
 * the archive's term pages mark theirs (nameLanguage in src/ingest/text-stats.ts): the site's
 * when it is written in the site language's script, else its script's (Japanese for Han with any
 * kana, English for Latin letters on a site written in others); undefined without letters.
 */
export function nameLanguage(name, siteLanguage) {
  const script = scriptOfQuery(name);
  if (!script) return undefined;
  if (scriptsOfLanguage(siteLanguage).includes(script)) return siteLanguage;
  return script === 'Han' && KANA.test(name) ? 'ja' : SCRIPT_LANGUAGES[script];
}

/** The writing system most of the query's letters are in; undefined when it has no letters. */
export function scriptOfQuery(query) {
  const counts = new Map();
  for (const char of query) {
    if (!/\p{L}/u.test(char)) continue;
    const script = SCRIPTS.find(([, pattern]) => pattern.test(char))?.[0] ?? 'Latin';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best;
  for (const [script, count] of counts) if (!best || count > best[1]) best = [script, count];
  return best?.[0];
}

/**
 * The words to search for, or null for none. Pagefind drops format characters (direction marks,
 * zero-width spaces, soft hyphens: invisible, and copied with a word from a page) from the words
 * it indexes but not from a query's, so `market` followed by a left-to-right mark found nothing.
 * And it splits a query into words at spaces only: words parted by a no-break space (pasted from
 * a page), a tab or an ideographic space were one word, so `film market` found every article
 * with "film", and no others. Control characters (a NUL from `%00` in a link, an escape pasted
 * from a terminal) are dropped too, as Pagefind drops them from indexed words: `market` with a
 * NUL after it found nothing; the next line (U+0085) parts words, as it does in the text Pagefind
 * reads. Symbols in a word are dropped (below). A query of spaces, punctuation and symbols alone
 * is none.
 */
export function queryOf(term) {
  // One literal word in quotes (`"C++"`) is the word: Pagefind's exact search of its letters (`c`)
  // missed the words it runs on into (`C++11`, indexed `c11`), and the word is found as the text
  // it is anyway (literalWords).
  const cleaned = cleanQuery(term).replace(/^"([^"\s]+)"$/, (quoted, word) => (literalWords(word).length > 0 ? word : quoted));
  // Phrases beside other words or phrases (`"harbour board" pier`) are checked apart (phrasesOf):
  // Pagefind's exact search takes a query in quotes from end to end as one phrase, and dropped
  // the quotes of any other, which searched the words anywhere.
  const query = (phrasesOf(term).length > 0 ? cleaned.replace(/"/g, ' ').replace(/ +/g, ' ').trim() : cleaned)
    // Symbols in a word (`<script>`, `£5m`, `src=x`, `US$5bn`): Pagefind indexes the word without
    // them (its indexer keeps letters, digits, marks and `_`), and drops a query's punctuation but
    // not its symbols, so it loaded the index chunk of the word with them (`<` sorts before every
    // letter) and its exact search compared them: `<script>` and `"<img src=x"` found nothing
    // although an article says it. A word of symbols alone is left as it is when it holds an emoji,
    // which Pagefind indexes as a word of its own, and left out otherwise (`+++`, `£`, `→`): Pagefind
    // indexes no such word, and a query of them found nothing, as if articles lacked them.
    .replace(/[^\s"]+/g, (word) => (/[\p{L}\p{N}]/u.test(word) ? word.replace(/\p{S}+/gu, '') : EMOJI.test(word) ? word : word.replace(/\p{S}+/gu, '')))
    .replace(/ +/g, ' ')
    .trim();
  // Punctuation alone (`"`, `…`, `—`) is no word: Pagefind drops it, and found nothing.
  return /[^\p{P}\s]/u.test(query) ? query : null;
}

// A character Pagefind indexes as a word of its own, found in a word of symbols.
const EMOJI = /\p{Extended_Pictographic}/u;

/**
 * The phrases in quotes of a query that is not one phrase from end to end (`"harbour board" pier`,
 * `"harbour board" "pier master"`), each as Pagefind's exact search takes one (`"harbour board"`),
 * symbols left out as queryOf leaves them; empty for a query of one phrase, which Pagefind's exact
 * search is, or of none.
 */
export function phrasesOf(term) {
  const query = cleanQuery(term);
  if (/^"[^"]*"$/.test(query)) return [];
  const phrases = [...query.matchAll(/"([^"]*)"/g)].map((match) => match[1].replace(/[^\s"]+/g, (word) => (/[\p{L}\p{N}]/u.test(word) ? word.replace(/\p{S}+/gu, '') : word)).trim());
  return [...new Set(phrases.filter((phrase) => /[\p{L}\p{N}]/u.test(phrase)).map((phrase) => `"${phrase}"`))];
}

/**
 * The phrases in quotes of a query, each without its quotes, as searched (symbols left out as
 * queryOf leaves them): the query itself when it is one phrase, else phrasesOf's.
 */
export function quotedPhrases(term) {
  const query = queryOf(term);
  if (!query) return [];
  const phrases = QUOTED.test(query) ? [query] : phrasesOf(term);
  return phrases.map((phrase) => phrase.replace(/"/g, '').trim()).filter(Boolean);
}

/**
 * The words of a query outside its phrases in quotes (`winter` of `"harbour board" winter`), as
 * typed less the brackets, quotes and sentence punctuation around them; empty for a query of one
 * phrase.
 */
export function wordsOutsidePhrases(term) {
  const query = cleanQuery(term);
  if (/^"[^"]*"$/.test(query)) return [];
  const words = query
    .replace(/"[^"]*"/g, ' ')
    .split(' ')
    .map((word) => word.replace(WORD_OPENING, '').replace(WORD_CLOSING, ''))
    .filter((word) => queryOf(word));
  return [...new Set(words)];
}

/** The query as typed, less what Pagefind does not see in the text: see queryOf. */
function cleanQuery(term) {
  return (
    (term ?? '')
      // Compatibility forms (full-width ｈａｒｂｏｕｒ from an East Asian keyboard, the ligature ﬁ,
      // m²) as the words they are: Pagefind indexes the letters as written, and an article's words
      // in those forms are indexed in NFKC too (compatibilityWords in src/search/search-fields.ts).
      .normalize('NFKC')
      .replace(/\u0085/g, ' ')
      .replace(/(?![\t\n\v\f\r])[\p{Cf}\p{Cc}]/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
      // A phrase in typographic quotes (“harbour master”, „…“, «…»: a phone's keyboard types them, and
      // they come with text copied from a page) is a phrase, as in straight quotes: Pagefind's exact
      // search looks for `"` alone, and searched the words anywhere.
      .replace(/^[“„”«»＂](.+)[“”»«＂]$/su, '"$1"')
  );
}

// Around a word, and not part of it: brackets and quotes before and after it, the sentence's
// punctuation after it (`(harbour`, `harbour.`, `U.S.`'s last full stop), and a wildcard's or
// emphasis's `*` after or before it (`harb*`: any word it begins, as every query word finds;
// `*market*`, typed as markdown, found nothing, as no article says `*market`).
const WORD_OPENING = /^[\p{Ps}\p{Pi}\p{Pf}'"¡¿*]+/u;
const WORD_CLOSING = /[\p{Pe}\p{Pi}\p{Pf}\p{Terminal_Punctuation}'"…*]+$/u;
// In a word, a character that is not a letter, mark or digit, nor an apostrophe or hyphen (which
// join the words of ordinary text: O'Brien, co-operate).
const LITERAL_CHARACTER = /[^\p{L}\p{M}\p{N}'\u2019\u02bc\p{Pd}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * The query's words that name text exactly: letters or digits with a symbol or punctuation among
 * or around them (`C++`, `C#`, `.NET`, `AT&T`, `US$6m`, `<script>`, `9/11`). Pagefind indexes
 * such a word by its letters and digits alone, and a query word is the start of the words it
 * finds, so `C++` found every article with a word starting in c (1,292 of 1,356 BBC articles),
 * `.NET` every "network" and `AT&T` every "attack". Each is found as the text it is (see
 * holdsLiteral). In quotes too: Pagefind's exact search compares the letters, so `"C++"` found
 * the 22 BBC articles with the word "C" (vitamin C, a C grade).
 */
export function literalWords(term) {
  const words = cleanQuery(term).replace(/"/g, ' ').split(' ');
  const literals = words.map((word) => word.replace(WORD_OPENING, '').replace(WORD_CLOSING, '')).filter((word) => LETTER_OR_DIGIT.test(word) && LITERAL_CHARACTER.test(word));
  return [...new Set(literals)];
}

// The marks of a symbol before and after a part (U+01C2, U+01C1), written before it: SYMBOL_BEFORE
// and SYMBOL_AFTER in src/search/search-fields.ts.
const SYMBOL_BEFORE = '\u01c2';
const SYMBOL_AFTER = '\u01c1';

/**
 * The words every page holding a literal word (literalWords) has: each of its parts (letters and
 * digits) marked by the side a symbol is on (`ǁc` for `C++`, `ǁat ǂt` for `AT&T`), as each article
 * page lists its words' parts (`parts` meta, symbolParts in src/search/search-fields.ts). A word
 * holding the literal word has each of its parts whole, with a symbol on the same side, so
 * `AT&T-owned` has `ǁat` and `ǂt`. Looked up exactly, all of them: by Pagefind's own words (`c`,
 * `att`, `us`) `C++` did not find `C++11`, and `A+` read the text of every article with the
 * word "a" (10 s on the BBC corpus).
 */
export function literalLookups(word) {
  const lookups = [];
  for (const match of word.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const part = foldText(match[0]);
    if (!part) continue;
    const before = match.index > 0;
    const after = match.index + match[0].length < word.length;
    if (before || after) lookups.push(`${before ? SYMBOL_BEFORE : ''}${after ? SYMBOL_AFTER : ''}${part}`);
  }
  return [...new Set(lookups)];
}

/** Text as a literal word is compared with it: lower case, without diacritics. */
function foldText(text) {
  return text.normalize('NFKC').toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Whether `text` holds the literal word `word`: its characters in this order, case and
 * diacritics aside, not inside a longer word where it begins or ends with a letter or digit
 * (`AT&T` is not in "CAT&T", `.NET` is in "ASP.NET" but not ".network").
 */
export function holdsLiteral(text, word) {
  const haystack = foldText(text);
  const needle = foldText(word);
  if (!needle) return false;
  const open = LETTER_OR_DIGIT.test(needle.at(0));
  const closed = LETTER_OR_DIGIT.test(needle.at(-1));
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (open && LETTER_OR_DIGIT.test(haystack[at - 1] ?? '')) continue;
    if (closed && LETTER_OR_DIGIT.test(haystack[at + needle.length] ?? '')) continue;
    return true;
  }
  return false;
}

/** The parts grouped by wave, in order: `waves[0]` opens the search. */
export function groupWaves(parts) {
  const waves = [];
  for (const part of parts) (waves[part.wave ?? 0] ??= []).push(part);
  return waves.filter(Boolean);
}

/** The years a list of parts covers, `{ from, to }` (four-digit strings), or null for none. */
function yearsOf(parts) {
  const from = parts.map((part) => part.from).filter(Boolean).sort()[0];
  const to = parts.map((part) => part.to).filter(Boolean).sort().at(-1);
  return from && to ? { from, to } : null;
}

/**
 * Whether a part holds pages a year filter (`year`) selects: one of its folder years, which are
 * the years its pages show. A part without years may hold any.
 */
export function mayHoldYear(part, year) {
  if (!part.from || !part.to) return true;
  return year >= part.from && year <= part.to;
}

/**
 * What a search over the first `loaded` waves covers: `complete` when that is every part (every
 * part that may hold one of `years`, for a search filtered by year), the years `searched`, and
 * the years `unsearched` that could add results (null when complete).
 */
export function scopeOf(waves, loaded, years = []) {
  const rest = waves
    .slice(loaded)
    .flat()
    .filter((part) => years.length === 0 || years.some((year) => mayHoldYear(part, year)));
  return { complete: rest.length === 0, searched: yearsOf(waves.slice(0, loaded).flat()), unsearched: rest.length === 0 ? null : yearsOf(rest) };
}

/**
 * The latest `date` (meta, YYYY-MM-DD) a page of a part not yet loaded can have, as a bound: its
 * folder year is at most `newestYear`, and a page's folder year is the year of the date readers
 * see (both in the site's zone, whatever offset an article file gives).
 */
export function newestPossibleDate(newestYear) {
  return `${newestYear}-12-31`;
}

/** Pagefind's own choice of index for a language: exact, then primary subtag, then the largest. */
function matchLanguage(languages, wanted) {
  const lower = wanted.toLowerCase();
  if (languages[lower]) return lower;
  const primary = lower.split('-')[0];
  if (languages[primary]) return primary;
  return Object.entries(languages).sort((a, b) => b[1].page_count - a[1].page_count)[0]?.[0];
}

async function readEntry(bundle) {
  const response = await fetch(`${bundle}pagefind-entry.json`);
  if (!response.ok) throw new Error(`${bundle}pagefind-entry.json answered ${response.status}`);
  return (await response.json()).languages;
}

/**
 * Filter counts of a list of results' data: each filter of `base` (a search's counts, which has
 * the filters loaded) counted again over `data` alone.
 */
function countFilters(data, base) {
  const counts = {};
  for (const [filter, values] of Object.entries(base ?? {})) counts[filter] = Object.fromEntries(Object.keys(values).map((value) => [value, 0]));
  for (const item of data) {
    for (const [filter, values] of Object.entries(item.filters ?? {})) {
      if (!counts[filter]) continue;
      for (const value of values) counts[filter][value] = (counts[filter][value] ?? 0) + 1;
    }
  }
  return counts;
}

function withoutSource(counts) {
  const shown = { ...(counts ?? {}) };
  delete shown[SOURCE_FILTER];
  return shown;
}

// Box-drawing characters (U+2500 onwards) for the letters and digits of a value written
// unsearchable (src/search/unsearchable-value.ts): Pagefind indexes meta values as words.
const UNSEARCHABLE_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const UNSEARCHABLE = /[\u2500-\u253d]/g;

/** A meta value written unsearchable, as it was; a value written plainly stays as it is. */
export function readUnsearchable(value) {
  return typeof value === 'string' ? value.replace(UNSEARCHABLE, (char) => UNSEARCHABLE_ALPHABET[char.codePointAt(0) - 0x2500]) : value;
}

// The zero-width space the indexer puts into text that looks like one of Pagefind's own markers
// (escapePagefindMarkers in src/search/part-indexer.ts), which Pagefind keeps in meta values.
const ESCAPED_MARKER = /_\u200b(?=__(?:END_)?PAGEFIND_)/g;

/** A meta value's text as the article has it. */
function metaText(value) {
  return typeof value === 'string' ? value.replace(ESCAPED_MARKER, '_') : value;
}

/**
 * A result's data with its metadata as the page shows it: the text of the title and summary as
 * the article has it, the date and language code read back, and the section, which is a filter
 * and not meta (meta values are searchable words).
 */
function readableData(data) {
  const meta = { ...data.meta, title: metaText(data.meta?.title), summary: metaText(data.meta?.summary), date: readUnsearchable(data.meta?.date), lang: readUnsearchable(data.meta?.lang) };
  // A headline in other letters than its article's has a language of its own (layouts/partials/search-meta.ts).
  if (data.meta?.titleLang !== undefined) meta.titleLang = readUnsearchable(data.meta.titleLang);
  const section = data.filters?.section?.[0] ?? data.meta?.section;
  if (section !== undefined) meta.section = section;
  return { ...data, meta };
}

/**
 * A result's data (`readableData`), or `{ unavailable: reason }` when Pagefind could not read it
 * (its fragment missing or damaged on the server, a deploy half done, the connection lost): one
 * unreadable result does not take the others with it.
 */
function dataOrUnavailable(result) {
  return result.data().then(readableData, (error) => {
    fragmentsFailed = true;
    return { unavailable: error instanceof Error ? error.message : String(error) };
  });
}

/** Result data in the list's own order, `count` at a time. */
function inOrder(results) {
  let offset = 0;
  return async (count) => {
    const slice = results.slice(offset, offset + count);
    offset += slice.length;
    return Promise.all(slice.map(dataOrUnavailable));
  };
}

// Scripts Pagefind segments into words itself (no spaces between them): a query word there is not
// one of Pagefind's words, so the fallback check below leaves it alone.
const SEGMENTED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const QUOTED = /^\s*".+"\s*$/;

// Sorts after every word (as UTF-8 bytes, as Pagefind compares them).
const LAST_CHARACTER = '\u{10FFFF}';

/**
 * The terms whose index chunks hold the last words extending the query's words: Pagefind loads,
 * for each query word, only the chunk whose bounds hold the word itself (pagefind_web's
 * `request_indexes`), so words extending it that sort into the next chunk were not found ("buck"
 * found 11 BBC articles, not the 14 with buckinghamshire, buckland, buckling, bucks). Preloading
 * these terms loads that chunk as well; when it is the same chunk, nothing is fetched. Null for a
 * query in quotes (exact words) or in a segmented script.
 */
export function extensionBounds(query) {
  if (!query || QUOTED.test(query) || SEGMENTED.test(query)) return null;
  const words = query.split(/\s+/).filter(Boolean);
  return words.length > 0 ? words.map((word) => `${word}${LAST_CHARACTER}`).join(' ') : null;
}

/** The query's words, each once, without punctuation alone (which Pagefind drops). */
export function searchedWords(query) {
  return [...new Set(query.split(/\s+/))].filter((word) => word && foldWord(word) !== '');
}

/** A word as Pagefind compares it: lower case, without diacritics or punctuation. */
export function foldWord(word) {
  return word.normalize('NFKC').toLowerCase().normalize('NFD').replace(/[\p{M}\p{P}\p{S}]/gu, '');
}

/**
 * Whether a word a page matched holds the query word (folded, anywhere: some languages add
 * prefixes; from five letters on, all but its last letter when the word found runs on past the
 * query word's end), so that the match is the word or a longer one, not Pagefind's fallback for
 * it. When an index has no word that starts with a query word's stem, Pagefind matches the
 * longest word it has that the stem starts with, always shorter: "out" for "outpaced", "fli"
 * (flies, flying) for "flip", "k" for "kestrel", "warn" (warned) for "warner".
 */
export function holdsQueryWord(found, wanted) {
  const query = foldWord(wanted);
  const word = foldWord(found);
  if (query.length === 0) return false;
  if (word.includes(query)) return true;
  if (query.length < 5) return false;
  // An ending's last letter may differ in a longer word found (laughs: laughter, melancholy:
  // melancholic). A word that ends where the query word does, or sooner, is another word's
  // form: "warned" (stem warn) for "warner", "might" for "mighty", Pagefind's fallbacks.
  const core = query.slice(0, -1);
  for (let at = word.indexOf(core); at >= 0; at = word.indexOf(core, at + 1)) {
    if (word.length - at > query.length) return true;
  }
  return false;
}

/**
 * Whether a word of a result's summary is one a query word could have found there. Pagefind
 * matches the summary (searchable meta) but gives no locations in it, so the page tells the
 * words by their beginnings, folded: the query word begun (`zanz` for Zanzibar) or a form of it,
 * sharing at least four letters and then differing by at most four at each end, as an ending
 * does (`elections`: elected, election; not `harbour`: harbinger).
 */
export function summaryWordMatches(word, queryWord) {
  const found = foldWord(word);
  const wanted = foldWord(queryWord);
  if (!found || !wanted) return false;
  if (found.startsWith(wanted)) return true;
  let shared = 0;
  while (shared < found.length && shared < wanted.length && found[shared] === wanted[shared]) shared++;
  return shared >= 4 && found.length - shared <= 4 && wanted.length - shared <= 4;
}

/** The words of a result's fragment that Pagefind matched. */
async function matchedWords(result) {
  const data = await result.data();
  const words = (data.content ?? '').split(/[\r\n\s]+/g);
  return (data.locations ?? []).map((location) => words[location]).filter(Boolean);
}

/**
 * The words a result was found by: those of its text Pagefind matched, or, found by its
 * searchable meta alone (a summary edited by hand may hold words the text does not), for which
 * Pagefind gives no locations, every word of that meta.
 */
async function foundWords(result) {
  const matched = await matchedWords(result);
  if (matched.length > 0) return matched;
  const { meta = {} } = await result.data();
  return [meta.title, meta.summary, meta.folded].filter(Boolean).join(' ').split(/\s+/).filter(Boolean);
}

// A query without phrases apart or literal words (see keepRequired).
const NOTHING_REQUIRED = { literals: [], phrases: [] };

/** Filter counts of several searches, added up: `{ filter: { value: count } }`. */
function addCounts(all) {
  const sum = {};
  for (const counts of all) {
    for (const [filter, values] of Object.entries(counts ?? {})) {
      sum[filter] ??= {};
      for (const [value, count] of Object.entries(values)) sum[filter][value] = (sum[filter][value] ?? 0) + count;
    }
  }
  return sum;
}

/** The scope of several searches: the narrowest one (the years all of them searched). */
function narrowestScope(searches) {
  return searches.map((search) => search.scope).find((scope) => !scope.complete) ?? searches[0].scope;
}

/**
 * Searches by relevance of different language indexes (a query of words in several scripts) as
 * one: their results merged by Pagefind's score, as Pagefind merges indexes, each list keeping
 * its own order.
 */
function mergeByScore(searches) {
  const lists = searches.map((search) => search.results.slice());
  const merged = [];
  for (;;) {
    const live = lists.filter((list) => list.length > 0);
    if (live.length === 0) break;
    merged.push(live.reduce((best, list) => (list[0].score > best[0].score ? list : best)).shift());
  }
  return { total: merged.length, filters: addCounts(searches.map((search) => search.filters)), scope: narrowestScope(searches), continues: false, results: merged, next: inOrder(merged) };
}

/** Searches by date of different language indexes as one list, newest (`desc`) or oldest first. */
function mergeByDate(searches, direction) {
  const buffers = searches.map(() => []);
  const ended = searches.map(() => false);
  return {
    get total() {
      return searches.reduce((sum, search) => sum + search.total, 0);
    },
    get filters() {
      return addCounts(searches.map((search) => search.filters));
    },
    get scope() {
      return narrowestScope(searches);
    },
    get continues() {
      return searches.some((search) => search.continues);
    },
    async next(count) {
      const out = [];
      while (out.length < count) {
        await Promise.all(
          searches.map(async (search, i) => {
            if (buffers[i].length > 0 || ended[i]) return;
            const more = await search.next(count - out.length);
            if (more.length === 0) ended[i] = true;
            buffers[i].push(...more);
          }),
        );
        const live = buffers.filter((buffer) => buffer.length > 0);
        if (live.length === 0) break;
        // A result that could not be read has no date to place it by: it is passed on as it is.
        const best =
          live.find((buffer) => buffer[0].unavailable) ??
          live.reduce((chosen, buffer) => {
            const a = buffer[0].meta?.date ?? '';
            const b = chosen[0].meta?.date ?? '';
            return (direction === 'desc' ? a > b : a < b) ? buffer : chosen;
          });
        out.push(best.shift());
      }
      return out;
    },
  };
}

/**
 * How many archive searches this page has opened. Each one after the first loads its own copies
 * of Pagefind's module (pagefind.js?archive=N), so that a copy never holds two Pagefind instances.
 * Instances of one copy share its worker and its WebAssembly, and Pagefind 1.5 lets two of them
 * load it at once: its `__wbg_init` returns the loaded module only if one is loaded before it
 * compiles its own, and `__wbg_finalize_init` then replaces the module's, so the compile that
 * ends last wins and the other instance's index pointer is read in a memory it is not in. That
 * trapped ('memory access out of bounds', 'unreachable') when a test opened a second search
 * beside the page's own on a loaded machine.
 */
let archivesOpened = 0;

/**
 * Opens the archive's search. `parts`: the index parts as the search page lists them
 * (data-search-parts: `{ bundle, from, to, articles, wave }`, primary first, then older parts
 * newest first). Loads the entry files of the first wave; an index is fetched when the first
 * query needs it, older waves when a search runs out of loaded years. `oneIndexRanking: false`
 * leaves results by relevance in Pagefind's own order across parts (scripts/rank-agreement.ts
 * compares the two).
 */
export async function openArchiveSearch({ parts, baseUrl, pageLanguage, highlightParam, oneIndexRanking = true }) {
  if (!parts || parts.length === 0) throw new Error('the search page lists no index parts');
  watchPagefindChunks();
  const archive = archivesOpened++;
  const waves = groupWaves(parts);
  // Every loaded (bundle, language index) is one source; ids become the synthetic filter's values.
  const sources = [];
  let loadedWaves = 0;
  // A small archive shows filter counts with its first results, as it always has. On a larger
  // one they wait until the reader asks (their data would be most of a first search's bytes).
  let filtersWanted = waves.length === 1;
  let widening = Promise.resolve(false);

  async function loadWave() {
    const wave = waves[loadedWaves];
    const entries = await Promise.all(wave.map(async (part) => ({ part, languages: await readEntry(part.bundle) })));
    // Sources and the wave count change together, so an engine never merges half a wave.
    for (const { part, languages } of entries) {
      for (const [language, info] of Object.entries(languages)) {
        sources.push({ id: String(sources.length), bundle: part.bundle, language, pages: info.page_count, entryLanguages: languages });
      }
    }
    loadedWaves++;
  }

  await loadWave();
  if (sources.length === 0) throw new Error('the search index has no pages');
  const primaryBundle = parts[0].bundle;
  const primaryLanguage = matchLanguage(sources[0].entryLanguages, pageLanguage) ?? sources[0].language;

  function pagesByLanguage() {
    const pages = new Map();
    for (const source of sources) pages.set(source.language, (pages.get(source.language) ?? 0) + source.pages);
    return pages;
  }

  /**
   * Merges the next wave of older parts; false when every part is merged. `onWiden` hears the
   * years about to be added, for the page to say what it is doing.
   */
  function addOlderYears(onWiden) {
    const step = widening.then(async () => {
      if (loadedWaves >= waves.length) return false;
      onWiden?.(yearsOf(waves[loadedWaves]));
      await loadWave();
      return true;
    });
    widening = step.catch(() => false);
    return step;
  }

  /** Merges every wave left; stops early when `signal` is aborted (a newer search replaced this one). */
  async function addAllYears(onWiden, signal) {
    while (!signal?.aborted && (await addOlderYears(onWiden)));
  }

  /** Loads the waves of every part that may hold a year named (a year filter), so filtering by it finds it all. */
  async function addYears(years, onWiden, signal) {
    if (years.length === 0) return;
    while (!signal?.aborted && !scopeOf(waves, loadedWaves, years).complete) {
      if (!(await addOlderYears(onWiden))) break;
    }
  }

  /**
   * A query (or a word of it) in a script no loaded index is written in: its language, if
   * anywhere, is older.
   */
  async function addScriptOf(query, onWiden, signal) {
    const scripts = new Set([query, ...(query ? searchedWords(query) : [])].map((text) => scriptOfQuery(text ?? '')));
    for (const script of scripts) {
      if (!script || scriptsOfLanguage(primaryLanguage).includes(script)) continue;
      while (!signal?.aborted && ![...pagesByLanguage().keys()].some((language) => scriptsOfLanguage(language).includes(script))) {
        if (!(await addOlderYears(onWiden))) break;
      }
    }
  }

  const engines = new Map();

  async function createEngine(language) {
    const host = sources.find((source) => source.language === language && source.bundle === primaryBundle) ?? sources.find((source) => source.language === language);
    // The script always comes from the primary bundle (older parts do not keep it). The instance's
    // basePath is the host, a bundle whose entry has the language: Pagefind loads the language's
    // WebAssembly and its worker from there, and an older part keeps both for its languages, so a
    // language found only in an older part has its own stemmer too.
    // A second copy of the module (its own URL) gets its own worker, so its own stemmer: one
    // worker holds one WebAssembly module, the first language loaded into it. So does every
    // archive search after the page's first (see archivesOpened): one copy, one Pagefind instance.
    const copy = new URLSearchParams();
    if (language !== primaryLanguage) copy.set('language', language);
    if (archive > 0) copy.set('archive', String(archive));
    const moduleUrl = `${primaryBundle}pagefind.js${copy.toString() ? `?${copy}` : ''}`;
    const pagefind = await import(moduleUrl);
    // createInstance takes its language from <html lang> (no option overrides it in 1.5), so the
    // attribute holds the wanted language for that one synchronous call.
    const root = document.documentElement;
    const pageLang = root.getAttribute('lang');
    root.setAttribute('lang', language);
    let instance;
    try {
      instance = pagefind.createInstance({ basePath: host.bundle, baseUrl, highlightParam, excerptLength: EXCERPT_WORDS, mergeFilter: { [SOURCE_FILTER]: host.id } });
    } finally {
      if (pageLang === null) root.removeAttribute('lang');
      else root.setAttribute('lang', pageLang);
    }
    let queue = Promise.resolve();
    return {
      instance,
      host,
      /** Scores each part as one index would (search-rank.js), opened when a language has two parts. */
      scorer: null,
      merged: new Set([host]),
      /** How many waves the instance holds; filter data is loaded for `filterSources` sources. */
      waves: 0,
      filterSources: 0,
      /** Per query word, per source id: whether the source only has Pagefind's fallback for it. */
      fallbacks: new Map(),
      /** Runs `task` alone on this instance: a search sees one consistent set of merged parts. */
      exclusive(task) {
        const run = queue.then(task);
        queue = run.catch(() => undefined);
        return run;
      },
    };
  }

  /** Brings an engine up to the loaded waves (call inside `exclusive`). */
  async function sync(engine) {
    const wanted = sources.slice();
    const waveCount = loadedWaves;
    for (const source of wanted) {
      if (engine.merged.has(source)) continue;
      engine.merged.add(source);
      // An absolute URL: Pagefind skips a merge whose path the main bundle's path starts with,
      // which would drop the main bundle's other languages.
      await engine.instance.mergeIndex(new URL(source.bundle, window.location.href).href, {
        language: source.language,
        baseUrl,
        highlightParam,
        excerptLength: EXCERPT_WORDS,
        mergeFilter: { [SOURCE_FILTER]: source.id },
      });
    }
    engine.waves = waveCount;
    // Filter counts come with results only once the filter indexes are loaded; Pagefind keeps
    // the chunks it has, so this fetches only those of newly merged parts.
    if (filtersWanted && engine.filterSources !== engine.merged.size) {
      await engine.instance.filters();
      engine.filterSources = engine.merged.size;
    }
  }

  /**
   * Which of `sources` only have Pagefind's fallback for a query word, or nothing at all for it
   * (call inside `exclusive`, after `sync`). Each merged index looks words up on its own, so an
   * index without the word matches a shorter one instead: "outpaced" found 1 article in the part
   * that has it and 154 with "out" in the part that does not, where one index would have found 1.
   * And an index with nothing for a word drops it from the query: "harbour zzzqx" listed every
   * article with "harbour". A source that has the word's stem itself (a quoted search finds it) is
   * fine; any other is judged by the words its best match for the word holds: longer words that
   * hold the query word (the rest of a word being typed) are what one index would match too.
   * Each verdict is kept per word and source, so a word typed on costs nothing more.
   */
  async function fallbacksFor(engine, word, sources) {
    let verdicts = engine.fallbacks.get(word);
    if (!verdicts) engine.fallbacks.set(word, (verdicts = new Map()));
    // 'matched': something, not yet told from a fallback (without counts to tell it by).
    const unjudged = sources.filter((id) => !verdicts.has(id) || verdicts.get(id) === 'matched');
    if (unjudged.length > 0) {
      // Narrowed to no source, a search lists no page but counts each source's pages it
      // matches (`totalFilters`), which is all that is needed here.
      const counts = (await engine.instance.search(`"${word}"`, { filters: { [SOURCE_FILTER]: NO_SOURCE } })).totalFilters?.[SOURCE_FILTER];
      for (const id of unjudged) {
        // Without counts (not a Pagefind that gives them), the word is taken as matched.
        if (!counts) verdicts.set(id, 'matched');
        else if ((counts[id] ?? 0) > 0) verdicts.set(id, 'found');
        else {
          const best = (await engine.instance.search(word, { filters: { [SOURCE_FILTER]: id } })).results[0];
          if (!best) verdicts.set(id, 'nothing');
          else verdicts.set(id, (await foundWords(best)).some((found) => holdsQueryWord(found, word)) ? 'found' : 'fallback');
        }
      }
    }
    return sources.filter((id) => verdicts.get(id) === 'nothing' || verdicts.get(id) === 'fallback');
  }

  /**
   * The sources to leave out of `response`, a search for `query`: those with results that have
   * nothing for a word of it, or only a fallback. Pagefind drops a word an index has nothing for
   * and lists the pages with the others, so "harbour zzzqx" (or "market المياه", each word in an
   * index of its own) listed articles without one of the words; every word must match, as each
   * does where an index has them all. In an archive of one index too: Pagefind's fallback for a
   * word it has nothing starting with is the longest word it has that the word starts with, so
   * `aardvarkz` found every article with the word "a", `finance` one that says "F#" (indexed as
   * `f`), `fishmonger` the one with "fish".
   */
  async function fallbackSources(engine, query, response) {
    if (!query || QUOTED.test(query)) return [];
    const words = searchedWords(query);
    const counts = response.filters?.[SOURCE_FILTER] ?? {};
    const withResults = Object.keys(counts).filter((id) => counts[id] > 0);
    if (withResults.length === 0) return [];
    // A word in a script Pagefind segments itself is several of its words: left to it.
    const looked = words.filter((word) => !SEGMENTED.test(word));
    // A word a source's first result holds is found there. With one source that result is the
    // first the page shows, its fragment read once for both, so a query whose first result holds
    // every word (a headline, a pasted paragraph) costs nothing more; only the other words are
    // judged. Among several sources the word must begin a word found, as Pagefind's extensions
    // of it do (not its fallback, a shorter word, nor a word of another query word's that holds
    // it), and each source with two words or more to judge is searched alone for its first
    // result: each word cost a search or two, and a 55-word paragraph of a BBC article 102
    // searches, 1.5 s, beside the archive's Arabic part.
    const holds = engine.merged.size > 1 ? (found, word) => foldWord(found).startsWith(foldWord(word)) : holdsQueryWord;
    const judged = (word, id) => ['found', 'fallback', 'nothing'].includes(engine.fallbacks.get(word)?.get(id));
    for (const id of withResults) {
      if (looked.filter((word) => !judged(word, id)).length < (withResults.length === 1 ? 1 : 2)) continue;
      const first = withResults.length === 1 ? response.results[0] : (await engine.instance.search(query, { filters: { [SOURCE_FILTER]: id } })).results[0];
      const held = first ? await matchedWords(first) : [];
      for (const word of looked.filter((word) => !judged(word, id) && held.some((found) => holds(found, word)))) {
        if (!engine.fallbacks.has(word)) engine.fallbacks.set(word, new Map());
        engine.fallbacks.get(word).set(id, 'found');
      }
    }
    // One word after another: Pagefind's searches on one instance, run at once, answered some of
    // them for another's filters (a four-word query now and then found nothing).
    // A source left out for one word is not judged on the others.
    const excluded = new Set();
    for (const word of looked) {
      const open = withResults.filter((id) => !excluded.has(id));
      if (open.length === 0) break;
      for (const id of await fallbacksFor(engine, word, open)) excluded.add(id);
    }
    return [...excluded];
  }

  /**
   * One search over the engine's merged sources, less those that only have Pagefind's fallback for
   * a word of the query (call inside `exclusive`, after `sync`); `excluded` names them.
   */
  async function searchWithoutFallbacks(engine, query, filters, only) {
    // Searching the indexes of one language only (`only`, for a query of words in several):
    // the others are left out as a fallback's part is.
    const outside = only ? [...engine.merged].filter((source) => source.language !== only).map((source) => source.id) : [];
    const narrowed = (ids) => (ids.length === 0 ? filters : { ...filters, [SOURCE_FILTER]: { none: ids } });
    const bounds = extensionBounds(query);
    if (bounds) await engine.instance.preload(bounds);
    const response = await engine.instance.search(query, { filters: narrowed(outside) });
    const excluded = await fallbackSources(engine, query, response);
    if (excluded.length === 0) return { response, excluded };
    return { response: await engine.instance.search(query, { filters: narrowed([...outside, ...excluded]) }), excluded };
  }

  /**
   * `response.results` in the order one index over the merged parts would give (call inside
   * `exclusive`, after `searchWithoutFallbacks`). Each part scores its pages with its own page
   * count, term counts and average page length, so a word rare in a small part outranked one that
   * one index finds rarer. Every merged part is searched again, in playground mode, for what its
   * scores were made of, and each result is scored again with the statistics of the merged parts
   * of its language (search-rank.js). A language with one part has nothing to recompute, so with
   * one part per language, as on a small archive, nothing changes and nothing more is loaded.
   * Quoted searches are Pagefind's exact matches, which it does not score by these statistics.
   */
  async function rankAsOneIndex(engine, query, filters, response, only) {
    if (!oneIndexRanking || !query || QUOTED.test(query) || response.results.length < 2) return tiesInIdOrder(response.results);
    const perLanguage = new Map();
    for (const source of engine.merged) if (!only || source.language === only) perLanguage.set(source.language, (perLanguage.get(source.language) ?? 0) + 1);
    if (![...perLanguage.values()].some((count) => count > 1)) return tiesInIdOrder(response.results);
    try {
      return await rescoreResults(engine, query, filters, response, perLanguage);
    } catch (error) {
      // Ranking as one index refines an order; a search that found its results still shows them.
      console.warn(`Search results are in Pagefind's order across index parts: ${error?.message ?? error}`);
      return tiesInIdOrder(response.results);
    }
  }

  /**
   * Results of equal score by their ids. Pagefind lists equals in the order of its pages, which
   * depends on how the pages are split into bundles (a rebuild's delta bundle, delta-parts.ts) and
   * on the file system that indexed them; a result's id is a hash of its page's fragment, the same
   * in every build of it, so equals come in one order however the archive was built.
   */
  function tiesInIdOrder(results) {
    const ordered = [];
    for (let start = 0; start < results.length; ) {
      let end = start + 1;
      while (end < results.length && tieScore(results[end].score) === tieScore(results[start].score)) end++;
      ordered.push(...results.slice(start, end).sort(byId));
      start = end;
    }
    return ordered;
  }

  /**
   * A score as far as it tells results apart. Scored again from each part's statistics, which
   * Pagefind gives in 32-bit floats, pages alike in all but their part score alike to about the
   * seventh digit (0.12470123 and 0.12470122 for two parts' equals): six digits tell real
   * differences and leave those equal.
   */
  function tieScore(score) {
    return Number(score.toPrecision(6));
  }

  function byId(a, b) {
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }

  /**
   * The scoring worker's script: Pagefind's worker from the host part's bundle, run through
   * search-rank-worker.js so that it fetches one WebAssembly, not one per part.
   */
  function scoringWorkerUrl(host) {
    const url = new URL('./search-rank-worker.js', import.meta.url);
    url.searchParams.set('pagefind', new URL(`${host.bundle}pagefind-worker.js`, window.location.href).href);
    return url.href;
  }

  /** The work of `rankAsOneIndex`, once it knows there are parts to rank together. */
  async function rescoreResults(engine, query, filters, response, perLanguage) {
    // Only a language with two or more parts is scored again: one part's scores are already
    // those of one index over it, and scoring it costs its WebAssembly, metadata and chunks.
    const sources = [...engine.merged].filter((source) => perLanguage.get(source.language) > 1);
    // The scoring worker stems as this engine does only if its first part is in the engine's
    // language (see openScorer); an engine whose own language has one part leaves the order be.
    if (!sources.includes(engine.host)) return tiesInIdOrder(response.results);
    engine.scorer ??= openScorer(scoringWorkerUrl(engine.host), engine.host, baseUrl);
    const scorer = engine.scorer;
    const searches = await Promise.all(sources.map((source) => scorer.search(source, query, filters, extensionBounds(query))));
    const terms = (searches.find((search) => search?.query_term_idfs)?.query_term_idfs ?? []).map((entry) => entry.term);
    if (terms.length === 0) return tiesInIdOrder(response.results);
    const parts = sources.map((source, i) => {
      const idfs = searches[i]?.query_term_idfs ?? [];
      const counts = terms.map((_, t) => (idfs[t] ? pagesContaining(idfs[t].idf, source.pages) : 0));
      // A part that never had a result has no known average length: the archive's is then that
      // of the other parts (its pages and term counts count all the same).
      const averagePageLength = scorer.averagePageLength(source);
      return { source, language: source.language, totalPages: source.pages, averagePageLength, partCounts: counts, counts: counts.slice() };
    });
    // A part that has only Pagefind's fallback for a word (a shorter word) holds no page with it,
    // as one index sees it: its count for that term is none. Parts with results are judged
    // already; a part holding a word of the query but not all of them may not be.
    const words = termWords(query);
    if (words.length === terms.length && !SEGMENTED.test(query)) {
      for (const [t, word] of words.entries()) {
        const holding = parts.filter((part) => part.counts[t] > 0).map((part) => part.source.id);
        if (holding.length === 0) continue;
        const fallbacks = new Set(await fallbacksFor(engine, word, holding));
        for (const part of parts) if (fallbacks.has(part.source.id)) part.counts[t] = 0;
      }
    }
    const statistics = archiveStatistics(parts, terms.length);
    // A page is known by its id and the words matched: ids are short hashes, unique within a part
    // but not necessarily across parts.
    const key = (result) => `${result.id} ${result.words?.join(',')}`;
    const scores = new Map();
    for (const [i, part] of parts.entries()) {
      const archive = statistics.get(part.language);
      for (const result of searches[i]?.results ?? []) {
        scores.set(key(result), rescore(result, { terms, partCounts: part.partCounts, termIdfs: archive.termIdfs, averagePageLength: archive.averagePageLength }));
      }
    }
    // Each result of the merged search is one of a part's: scored again, or of a language with
    // one part (its own score stands). Any other count means the parts were not searched alike,
    // and Pagefind's own order stands.
    const counts = response.filters?.[SOURCE_FILTER] ?? {};
    const unscored = [...engine.merged].filter((source) => !sources.includes(source)).reduce((sum, source) => sum + (counts[source.id] ?? 0), 0);
    if (response.results.filter((result) => !scores.has(key(result))).length !== unscored) return tiesInIdOrder(response.results);
    return response.results
      .map((result, position) => ({ result, position, score: tieScore(scores.get(key(result)) ?? result.score) }))
      .sort((a, b) => b.score - a.score || byId(a.result, b.result) || a.position - b.position)
      .map((entry) => entry.result);
  }

  /**
   * The languages whose stemmers suit the query's words: one per script they are written in, the
   * page's language first. Each language index stems every word of its pages, of any script, with
   * its own stemmer, so a query of words in two scripts (`EBITDA Margin الربع`) is searched in
   * each language's indexes with that language's stemmer; searched with one, the other
   * language's words were not found even in the article that has them all.
   */
  function languagesFor(query) {
    const languages = new Set([languageFor(query)]);
    for (const word of query ? searchedWords(query) : []) if (scriptOfQuery(word)) languages.add(languageFor(word));
    return [...languages];
  }

  /** The language whose stemmer suits the query: same script, the page's language first. */
  function languageFor(query) {
    const script = scriptOfQuery(query ?? '');
    if (!script || scriptsOfLanguage(primaryLanguage).includes(script)) return primaryLanguage;
    const candidates = [...pagesByLanguage().entries()].filter(([language]) => scriptsOfLanguage(language).includes(script));
    if (candidates.length === 0) return primaryLanguage;
    return candidates.sort((a, b) => b[1] - a[1])[0][0];
  }

  function engineFor(language) {
    if (!engines.has(language)) {
      const created = createEngine(language);
      engines.set(language, created);
      created.catch(() => engines.delete(language));
      // The instance it replaces goes once this one holds its module's worker: destroying the
      // last instance of a module ends the worker, and with it a new instance's start.
      const replaced = retired.get(language);
      retired.delete(language);
      if (replaced) void created.then(() => replaced).then((engine) => engine.exclusive(() => retire(engine)), () => undefined);
    }
    return engines.get(language);
  }

  // Engines replaced after a chunk failed to load, by language, until their replacement exists.
  const retired = new Map();

  function retire(engine) {
    engine.scorer?.close();
    return engine.instance.destroy();
  }

  /**
   * Before a search, when an index or filter chunk or a result's fragment could not be loaded:
   * Pagefind keeps a chunk it failed to fetch as loaded (it logs the error and never fetches it
   * again) and a fragment's failed read as its answer, so the engines are
   * replaced by new Pagefind instances, which fetch what the search needs again, and the list of
   * failed chunks starts afresh: a file that has reached the server since is read, and one still
   * missing is reported again. Costs the searches while a chunk fails their index metadata again;
   * other searches nothing.
   */
  function retryUnreadable() {
    if (unreadableChunks.size === 0 && !fragmentsFailed) return;
    unreadableChunks.clear();
    fragmentsFailed = false;
    for (const [language, engine] of engines) if (!retired.has(language)) retired.set(language, engine);
    engines.clear();
  }

  /**
   * The results of `results` (a search for the query's words) that hold its phrases (phrasesOf),
   * each found by Pagefind's exact search, and its literal words (literalWords), with the filter
   * counts of those (call inside `exclusive`); null when the query has neither. A literal word is
   * looked up exactly by its marked parts (literalLookups: `ǁc` for `C++`, not the 1,292 BBC
   * articles the words starting in c are in), and the text of each result found both ways is
   * read: its title, summary and text must hold the word. Costs a query without such words
   * nothing; one with them a search per lookup and the fragment of each article that has every
   * lookup's word and the query's others. A result whose fragment cannot be read is kept (the page says it could not be
   * read). A phrase costs a search, and the fragment of each result that has it.
   */
  async function keepRequired(engine, { literals, phrases }, filters, results, counts) {
    if (literals.length === 0 && phrases.length === 0) return null;
    let kept = results;
    // Each phrase, and each of each literal word's lookups, as Pagefind's exact search.
    for (const lookup of [...phrases, ...literals.flatMap((literal) => literalLookups(literal).map((part) => `"${part}"`))]) {
      if (kept.length === 0) break;
      const found = new Set((await engine.instance.search(lookup, { filters })).results.map((result) => result.id));
      kept = kept.filter((result) => found.has(result.id));
    }
    const data = await Promise.all(kept.map(dataOrUnavailable));
    const holds = (item) => item.unavailable || literals.every((literal) => holdsLiteral([item.meta?.title, item.meta?.summary, item.content].filter(Boolean).join('\n'), literal));
    const held = kept.filter((_, i) => holds(data[i]));
    return { results: held, filters: countFilters(data.filter(holds), counts) };
  }

  /** One search by relevance over the engine's loaded waves (of language `only`'s indexes, when given). */
  function searchByRelevance(engine, query, filters, only, required = NOTHING_REQUIRED) {
    return engine.exclusive(async () => {
      await sync(engine);
      const { response } = await searchWithoutFallbacks(engine, query, filters, only);
      const ranked = await rankAsOneIndex(engine, query, filters, response, only);
      const scope = scopeOf(waves, engine.waves, filters.year);
      const literal = await keepRequired(engine, required, filters, ranked, withoutSource(response.filters));
      if (literal) return { total: literal.results.length, filters: literal.filters, scope, continues: false, results: literal.results, next: inOrder(literal.results) };
      return { total: response.results.length, filters: withoutSource(response.filters), scope, continues: false, results: ranked, next: inOrder(ranked) };
    });
  }

  /**
   * Results newest (or oldest) first: a merge of each source's date-sorted list. Within one source
   * Pagefind sorts by the date key; across sources only a merge can. Newest first continues into
   * older waves when the loaded lists run out, or before a result that a page of an unloaded
   * part could be newer than.
   */
  async function searchByDate(engine, query, filters, direction, onWiden, signal, only, required = NOTHING_REQUIRED) {
    const heads = [];
    const searched = new Set();
    const pending = new Map();
    const state = { total: 0, filters: {}, waves: 0 };
    const dataOf = (result) => {
      if (!pending.has(result)) pending.set(result, dataOrUnavailable(result));
      return pending.get(result);
    };

    // Searches what the engine merged since the last call: the total and counts over all of it,
    // and one date-sorted list per newly merged source that has results.
    const searchNewSources = () =>
      engine.exclusive(async () => {
        await sync(engine);
        const { response, excluded } = await searchWithoutFallbacks(engine, query, filters, only);
        const counts = response.filters?.[SOURCE_FILTER] ?? {};
        const fresh = [...engine.merged].filter((source) => !searched.has(source) && (!only || source.language === only));
        for (const source of fresh) searched.add(source);
        // A part merged later can show that an earlier one only had a fallback for a word.
        for (let i = heads.length - 1; i >= 0; i--) if (excluded.includes(heads[i].source.id)) heads.splice(i, 1);
        const used = fresh.filter((source) => !excluded.includes(source.id) && (Object.keys(counts).length === 0 || (counts[source.id] ?? 0) > 0));
        const lists = await Promise.all(
          used.map(async (source) => (await engine.instance.search(query, { filters: { ...filters, [SOURCE_FILTER]: source.id }, sort: { date: direction } })).results),
        );
        if (required.literals.length > 0 || required.phrases.length > 0) {
          // Only the results that hold the phrases and literal words, counted over every list searched.
          for (const [i, list] of lists.entries()) lists[i] = (await keepRequired(engine, required, filters, list, {})).results;
          const kept = heads.map((head) => head.list).concat(lists);
          const data = await Promise.all(kept.flat().map(dataOf));
          Object.assign(state, { total: data.length, filters: countFilters(data, withoutSource(response.filters)), waves: engine.waves });
        } else Object.assign(state, { total: response.results.length, filters: withoutSource(response.filters), waves: engine.waves });
        lists.forEach((list, i) => list.length > 0 && heads.push({ source: used[i], list, next: 0 }));
      });

    // The next wave into this search: merged already by another search, or loaded now.
    const widen = async () => {
      if (scopeOf(waves, state.waves, filters.year).complete || signal?.aborted) return false;
      if (state.waves >= loadedWaves && !(await addOlderYears(onWiden)) && state.waves >= loadedWaves) return false;
      await searchNewSources();
      return true;
    };

    // Fetch, in parallel, every result that could be among the next `count`: at most the next
    // `count` of each list. The merge then mostly waits on nothing new.
    const prefetch = (count) => {
      for (const head of heads) for (const result of head.list.slice(head.next, head.next + count)) dataOf(result);
    };

    await searchNewSources();
    return {
      get total() {
        return state.total;
      },
      get filters() {
        return state.filters;
      },
      get scope() {
        return scopeOf(waves, state.waves, filters.year);
      },
      /** Whether "more" may still find results in years not loaded yet (that a year filter allows). */
      get continues() {
        return direction === 'desc' && !scopeOf(waves, state.waves, filters.year).complete;
      },
      async next(count) {
        prefetch(count);
        const out = [];
        while (out.length < count) {
          const live = heads.filter((head) => head.next < head.list.length);
          if (live.length === 0) {
            if (direction === 'desc' && (await widen())) {
              prefetch(count - out.length);
              continue;
            }
            break;
          }
          const dated = await Promise.all(live.map(async (head) => ({ head, data: await dataOf(head.list[head.next]) })));
          // A result that could not be read has no date to place it by: it is passed on as it is.
          const unreadable = dated.find((candidate) => candidate.data.unavailable);
          if (unreadable) {
            unreadable.head.next++;
            out.push(unreadable.data);
            continue;
          }
          let best = dated[0];
          for (const candidate of dated.slice(1)) {
            const a = candidate.data.meta?.date ?? '';
            const b = best.data.meta?.date ?? '';
            if (direction === 'desc' ? a > b : a < b) best = candidate;
          }
          // A part not loaded yet may hold something newer than this: load it first.
          const unloaded = waves[state.waves]?.[0];
          if (direction === 'desc' && unloaded?.to && !((best.data.meta?.date ?? '') > newestPossibleDate(unloaded.to)) && (await widen())) {
            prefetch(count - out.length);
            continue;
          }
          best.head.next++;
          out.push(best.data);
        }
        return out;
      },
    };
  }

  /** One search (see `search`), without retrying unreadable chunks first. */
  async function find(term, { filters = {}, sort, atLeast = 1, onWiden, signal } = {}) {
    const query = queryOf(term);
    const required = { literals: literalWords(term), phrases: phrasesOf(term) };
    const order = sort ?? (query ? undefined : 'desc');
    if (order === 'asc') await addAllYears(onWiden, signal);
    await addYears(filters.year ?? [], onWiden, signal);
    await addScriptOf(query, onWiden, signal);
    for (;;) {
      const languages = languagesFor(query);
      if (languages.length > 1) {
        // One search per language, each in its own indexes, as one result list.
        const found = [];
        for (const language of languages) {
          const engine = await engineFor(language);
          found.push(order ? await searchByDate(engine, query, filters, order, onWiden, signal, language, required) : await searchByRelevance(engine, query, filters, language, required));
        }
        const combined = order ? mergeByDate(found, order) : mergeByScore(found);
        if (order || combined.total >= atLeast || combined.scope.complete || signal?.aborted) return Object.assign(combined, { language: languages[0] });
        await addOlderYears(onWiden);
        continue;
      }
      const language = languages[0];
      const engine = await engineFor(language);
      if (order) {
        const ordered = await searchByDate(engine, query, filters, order, onWiden, signal, undefined, required);
        return Object.assign(ordered, { language });
      }
      const found = await searchByRelevance(engine, query, filters, undefined, required);
      if (found.total >= atLeast || found.scope.complete || signal?.aborted) return { language, ...found };
      await addOlderYears(onWiden);
    }
  }

  /** Whether a merged index has the word itself (Pagefind's exact search), counted without listing a page. */
  async function hasWord(word) {
    const engine = await engineFor(languageFor(word));
    return engine.exclusive(async () => {
      await sync(engine);
      const counts = (await engine.instance.search(`"${word.replace(/"/g, '')}"`, { filters: { [SOURCE_FILTER]: NO_SOURCE } })).totalFilters?.[SOURCE_FILTER];
      return Object.values(counts ?? {}).some((count) => count > 0);
    });
  }

  /**
   * Whether an article has the phrase (Pagefind's exact search, its results listed): the counts
   * hasWord reads are of the pages with every word of a phrase, whether or not in a row.
   */
  async function hasPhrase(phrase) {
    const engine = await engineFor(languageFor(phrase));
    return engine.exclusive(async () => {
      await sync(engine);
      return (await engine.instance.search(`"${phrase.replace(/"/g, '')}"`)).results.length > 0;
    });
  }

  /**
   * Whether an article holds a literal word (literalWords): the pages with one of its lookups are
   * read a few at a time, until one holds it. A paragraph's `2%` is in one of the first read, not
   * after the hundred pages with the word `2` that a search of it alone reads.
   */
  async function hasLiteralWord(word) {
    const engine = await engineFor(languageFor(word));
    return engine.exclusive(async () => {
      await sync(engine);
      let pages;
      for (const lookup of literalLookups(word)) {
        const found = (await engine.instance.search(`"${lookup}"`)).results;
        const ids = new Set(found.map((result) => result.id));
        pages = pages ? pages.filter((result) => ids.has(result.id)) : found;
        if (pages.length === 0) return false;
      }
      pages ??= [];
      for (let at = 0; at < pages.length; at += 8) {
        const data = await Promise.all(pages.slice(at, at + 8).map(dataOrUnavailable));
        if (data.some((item) => !item.unavailable && holdsLiteral([item.meta?.title, item.meta?.summary, item.content].filter(Boolean).join('\n'), word))) return true;
      }
      return false;
    });
  }

  return {
    /** Articles in the whole archive. */
    pages: parts.reduce((sum, part) => sum + (part.articles ?? 0), 0),
    /** How many waves the archive is searched in: 1 for a small archive. */
    waves: waves.length,
    /** What a search now covers (see scopeOf). */
    scope: () => scopeOf(waves, loadedWaves),
    addOlderYears,
    addAllYears,

    /** Starts loading what a search needs (WebAssembly, index metadata) before the first query. */
    async preload() {
      const engine = await engineFor(primaryLanguage);
      await engine.exclusive(() => sync(engine));
    },

    /** Whether filter counts are loaded (always on a small archive; on a larger one once asked). */
    get filtersLoaded() {
      return filtersWanted;
    },

    /**
     * Filter values with their counts over the loaded years, and the scope they cover. From now
     * on, every wave merged loads its filter data too, so counts keep covering what is searched.
     */
    async filters() {
      filtersWanted = true;
      const engine = await engineFor(primaryLanguage);
      return engine.exclusive(async () => {
        await sync(engine);
        return { counts: withoutSource(await engine.instance.filters()), scope: scopeOf(waves, engine.waves) };
      });
    },

    /**
     * The index and filter chunks that could not be loaded since the last search began, `{ url,
     * reason }` each: Pagefind searched on without them, so its results may lack some.
     */
    unreadableChunks() {
      return [...unreadableChunks].map(([url, reason]) => ({ url, reason }));
    },

    /**
     * One search. `term` may be empty when filters are set (browsing by filter). By relevance,
     * older waves are merged until there are `atLeast` results or none are left; newest first,
     * `next(n)` merges them as it runs out; oldest first merges every wave first (the oldest
     * results are in the oldest parts). Returns the total, filter counts for the results, the
     * `scope` searched, whether `next` `continues` into older years, and `next(n)` giving result
     * data in order (`{ unavailable: reason }` for a result Pagefind could not read). `onWiden(years)` hears each wave as it is added. Once `signal` is aborted
     * (the reader typed on), the search merges no more waves, so a stale one costs nothing more.
     */
    async search(term, options = {}) {
      retryUnreadable();
      return find(term, options);
    },

    /**
     * The phrases in quotes of a query that no article has, each without its quotes
     * (`harbour board pier` for `"harbour board pier" winter`; the query itself when it is one
     * phrase), by Pagefind's exact search of each: a query with one finds nothing, and the page
     * names it. Empty for a query without phrases.
     */
    async missingPhrases(term) {
      const missing = [];
      for (const phrase of quotedPhrases(term)) if (!(await hasPhrase(phrase))) missing.push(phrase);
      return missing;
    },

    /**
     * The words of a query of two or more that no article has, in the years a search of that word
     * alone would search (each in its own script's language, as a query of it would be): a query
     * finds the articles that have every word, so one of these finds nothing, and the page names
     * it. Empty for a query of one word, or in quotes.
     */
    async missingWords(term, { signal } = {}) {
      const query = queryOf(term);
      if (!query || QUOTED.test(query)) return [];
      // As typed, less the brackets, quotes and sentence punctuation around them: `C++` is a word
      // of its own (literalWords).
      const typed = cleanQuery(term)
        .split(' ')
        .map((word) => word.replace(WORD_OPENING, '').replace(WORD_CLOSING, ''))
        .filter((word) => queryOf(word));
      const words = [...new Set(typed)];
      if (words.length < 2) return [];
      const missing = [];
      for (const word of words) {
        // A word an article has as it is, counted by one search that lists no page, is not
        // missing, nor a literal word an article is found to hold; only the others are searched
        // as a query of their own (a search or more each, a fragment read, every result listed,
        // every page holding a literal word's lookup read): a 55-word paragraph with one word no
        // article has took 2.1 s for this, at 47 such searches and 118 fragments.
        if (literalWords(word).length > 0) {
          if (!(await hasLiteralWord(word))) missing.push(word);
          continue;
        }
        if (await hasWord(word)) continue;
        const found = await find(word, { signal });
        if (found.total === 0 && found.scope.complete) missing.push(word);
      }
      return missing;
    },
  };
}
