// Search page: reads the query (?q=), order and filters from the URL, runs them through the
// archive search (search-engine.js) and writes them back, so every search is a link to share.
// Plain form controls and links, so it is all keyboard usable; the count is announced. On an
// archive searched in waves, the page says which years a result list covers and offers the rest
// ("Search all years"), and filter counts load when the reader asks for them.

import { EXCERPT_WORDS, holdsLiteral, literalWords, nameLanguage, openArchiveSearch, queryOf, quotedPhrases, summaryWordMatches, wordsOutsidePhrases } from './search-engine.js';

const FILTERS = [
  ['section', 'Section'],
  ['year', 'Year'],
  ['language', 'Language'],
  ['people', 'People'],
  ['organizations', 'Organisations'],
  ['places', 'Places'],
  ['tags', 'Tags'],
];
// The URL's own parameters besides the filters.
const SEARCH_PARAMS = new Set(['q', 'order']);
// Filters listed whole: the archive's own divisions, few, each with a page of its own, which a
// reader browses by. Cut to the most frequent, the sections of a language with fewer articles
// (Arabic beside English, ties ordered in the page's language) were all behind "Show all".
const LISTED_WHOLE = new Set(['section', 'language']);
// Filters whose values are names (of tags, people, organisations, places), in any language.
const NAMES = new Set(['people', 'organizations', 'places', 'tags']);
const ORDERS = { newest: 'desc', oldest: 'asc' };
const PAGE_SIZE = 10;
const VALUES_SHOWN = 8;
const TYPING_PAUSE_MS = 250;
// A choice in the Order menu made this soon after the one before takes over its history entry:
// a keyboard user steps through the options with the arrow keys, each one a `change`.
const ORDER_SETTLE_MS = 1000;

const root = document.getElementById('search');
const highlightParam = root.dataset.highlightParam ?? 'highlight';
const form = root.querySelector('form');
const input = document.getElementById('search-q');
const orderSelect = document.getElementById('search-order');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
const resultsArea = document.getElementById('search-results-area');
const filterSection = document.getElementById('search-filters');
const filterGroups = document.getElementById('search-filter-groups');
const filtersScope = document.getElementById('search-filters-scope');
const filtersLoad = document.getElementById('search-filters-load');
const scopeLine = document.getElementById('search-scope');
const scopeYears = document.getElementById('search-scope-years');
const allYears = document.getElementById('search-all-years');
const pageLanguage = document.documentElement.lang || 'en';
// The archive's own language (the site's), which search stems Latin-script queries in; the page's
// <html lang> is the interface's.
const archiveLanguage = root.dataset.language || pageLanguage;
// The language of each section name not in the interface's (an Arabic section on an English
// site), so that a screen reader speaks it in its own.
const sectionLanguages = new Map(Object.entries(JSON.parse(root.dataset.sectionLanguages || '{}')));
const dateFormat = new Intl.DateTimeFormat(pageLanguage, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

const state = readUrl();
const expandedGroups = new Set();
// What the reader typed in each expanded filter's find box, kept as the filters re-render.
const groupFinds = new Map();
// The value of each list shown whole that Tab reaches (the last one moved to), by filter.
const rovingStops = new Map();
let archive;
let current;
let generation = 0;
// Aborted when a newer search starts, so a stale one stops merging older years.
let searching = new AbortController();
// The search waiting for the reader to pause (typing, or stepping through the Order menu).
let typingTimer;
// The URL query of the search shown, as writeUrl wrote it.
let shownSearch;

/** A filter value from a link: a year as the page shows it (`99`) is the filter's `0099`. */
function filterValue(name, value) {
  return name === 'year' && /^\d{1,3}$/.test(value) ? value.padStart(4, '0') : value;
}

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const [name] of FILTERS) {
    const values = params.getAll(name).filter(Boolean).map((value) => filterValue(name, value));
    if (values.length > 0) filters[name] = values;
  }
  const order = params.get('order') ?? '';
  // Parameters that are no filter of this page (`?colour=red`, a misspelt `?sections=`): left out,
  // and the status says so. They were dropped without a word, and the page showed every article.
  const ignored = [...new Set([...params.keys()].filter((name) => !SEARCH_PARAMS.has(name) && !FILTERS.some(([filter]) => filter === name)))];
  return { q: params.get('q') ?? '', order: order in ORDERS ? order : '', filters, ignored };
}

/**
 * Writes the state to the URL. A submitted search (Enter, the button, a filter, the order) is an
 * entry of its own, so Back returns to the one before; searches made as the reader types share
 * one entry, pushed by the first of them and rewritten by the rest, and a submit that follows
 * takes it over. Choices in the Order menu in quick succession (the arrow keys step through
 * it, a `change` each) share one entry in the same way, which other searches do not take over.
 * `history` is 'push', 'typing', 'order' or 'replace'.
 */
function writeUrl(history) {
  const url = new URL(window.location.href);
  url.search = '';
  if (state.q) url.searchParams.set('q', state.q);
  if (state.order) url.searchParams.set('order', state.order);
  for (const [name] of FILTERS) for (const value of state.filters[name] ?? []) url.searchParams.append(name, value);
  const typed = window.history.state?.typed === true;
  const ordered = window.history.state?.ordered;
  const ordering = history === 'order' && typeof ordered === 'number' && Date.now() - ordered < ORDER_SETTLE_MS;
  shownSearch = url.search;
  if (url.href === window.location.href) {
    if (typed && history === 'push') window.history.replaceState(null, '', url);
    return;
  }
  const push = history === 'push' || history === 'order' ? !typed && !ordering : history === 'typing' && !typed;
  const entry = history === 'typing' ? { typed: true } : history === 'order' ? { ordered: Date.now() } : null;
  if (push) window.history.pushState(entry, '', url);
  else window.history.replaceState(history === 'replace' ? window.history.state : entry, '', url);
}

function element(tag, properties = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined || value === null) continue;
    if (key in node && key !== 'dir' && key !== 'lang') node[key] = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

const ZWS = '\u200B';

/**
 * The fragment's text as the article has it, split into words as Pagefind splits them, with
 * Pagefind's escaped words beside them. Pagefind escapes only `<` and `>` in the excerpt
 * (`raw_content`), so `&lt;` in an excerpt may be a `<` or the article's own `&lt;`: the plain
 * `content` (the text itself, zero-width spaces removed) tells them apart, read in step.
 */
function fragmentWords(data) {
  const content = data.content ?? '';
  const raw = data.raw_content ?? content.replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let text = '';
  let at = 0;
  for (const char of content) {
    while (raw[at] === ZWS && char !== ZWS) text += raw[at++];
    const escaped = char === '<' ? '&lt;' : char === '>' ? '&gt;' : char;
    if (!raw.startsWith(escaped, at)) return null; // not Pagefind's raw_content: do not guess
    text += char;
    at += escaped.length;
  }
  while (raw[at] === ZWS) text += raw[at++];
  if (at !== raw.length) return null;
  const zws = raw.includes(ZWS);
  const split = (value) => (zws ? value.split(ZWS) : value.split(/[\r\n\s]+/g));
  const words = split(text);
  const escaped = split(raw);
  return words.length === escaped.length ? { words, escaped, joiner: zws ? '' : ' ' } : null;
}

/**
 * Where in the fragment's words the excerpt is: the first window whose escaped words, marked at
 * the match locations as Pagefind marks them, give exactly Pagefind's excerpt.
 */
function excerptWindow(data, fragment) {
  const locations = new Set(data.locations ?? []);
  const length = Math.min(EXCERPT_WORDS, fragment.escaped.length);
  // A window's excerpt, its marks taken out, starts with its first word: only those windows are
  // joined and compared (a long article has thousands of windows, and a page twenty results).
  const unmarked = data.excerpt.replace(/<\/?mark>/g, '');
  for (let start = 0; start + length <= fragment.escaped.length; start++) {
    if (!unmarked.startsWith(fragment.escaped[start])) continue;
    const html = fragment.escaped
      .slice(start, start + length)
      .map((word, offset) => (locations.has(start + offset) ? `<mark>${word}</mark>` : word))
      .join(fragment.joiner)
      .trim();
    if (html === data.excerpt) return { start, length, locations };
  }
  return null;
}

/**
 * The query's words with symbols among their letters (`C++`, `.NET`: literalWords) and its other
 * words, for telling which of the words Pagefind matched a result holds because of the query.
 */
function queryWords(term) {
  const literals = literalWords(term);
  const plain = term
    .replace(/"/g, ' ')
    .split(/\s+/)
    .filter((word) => word && literalWords(word).length === 0);
  return { literals, plain };
}

/**
 * Whether a word Pagefind matched is one the query names: Pagefind searches a literal word by its
 * letters (`c` for `C++`) and matches every word they begin, so `compare`, `C#` and `network`
 * were marked for `C++` and `.NET`. A word is kept when it holds a literal word, or begins (or
 * shares a stem with) one of the query's other words.
 */
function namedByQuery(word, { literals, plain }) {
  return literals.some((literal) => holdsLiteral(word, literal)) || plain.some((other) => summaryWordMatches(word, other));
}

/**
 * The match locations an excerpt marks, and where it starts: Pagefind's, but for a query with
 * literal words, only the words the query names (namedByQuery), and the text's words holding a
 * literal word; when Pagefind's window holds none of those, a window from a little before the
 * first of them (Pagefind chose its window by the words the letters begin).
 */
function literalSpan(span, fragment, query) {
  const holding = new Set();
  fragment.words.forEach((word, at) => {
    if (query.literals.some((literal) => holdsLiteral(word, literal))) holding.add(at);
  });
  const locations = new Set([...span.locations].filter((at) => namedByQuery(fragment.words[at] ?? '', query)));
  for (const at of holding) locations.add(at);
  const inWindow = (at) => at >= span.start && at < span.start + span.length;
  if (holding.size === 0 || [...holding].some(inWindow)) return { ...span, locations };
  const first = Math.min(...holding);
  const start = Math.max(0, Math.min(first - Math.floor(span.length / 3), fragment.words.length - span.length));
  return { start, length: span.length, locations };
}

/**
 * The excerpt as text nodes and <mark> elements, its text exactly the article's (not an HTML
 * parse of Pagefind's excerpt, which escapes `<` and `>` but not `&`: `&lt;zebra&gt;` in an
 * article would show as `<zebra>`), and the words it marks, for the article page to highlight.
 */
function excerptOf(data, query) {
  const fragment = fragmentWords(data);
  const found = fragment && data.excerpt ? excerptWindow(data, fragment) : null;
  const span = found && query.literals.length > 0 ? literalSpan(found, fragment, query) : found;
  if (!span) return { nodes: data.excerpt ? [document.createTextNode(data.plain_excerpt ?? '')] : [], marked: [] };
  const nodes = [];
  const marked = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push(document.createTextNode(text));
    text = '';
  };
  const words = fragment.words.slice(span.start, span.start + span.length);
  // As Pagefind trims its excerpt: no white space before the first word or after the last.
  const first = words.findIndex((word) => word !== '');
  const last = words.findLastIndex((word) => word !== '');
  words.forEach((word, offset) => {
    if (offset < first || offset > last) return;
    if (offset > first) text += fragment.joiner;
    if (span.locations.has(span.start + offset)) {
      flush();
      nodes.push(element('mark', { textContent: word }));
      marked.push(word);
    } else text += word;
  });
  flush();
  return { nodes, marked };
}

/**
 * The summary with the query's words marked, for a result Pagefind found by its summary alone
 * (a summary edited by hand may hold words the text does not): the body's excerpt then marks
 * nothing and the reader could not see why the article matched. Null when no word of the
 * summary is a query word's, and the body's excerpt stands.
 */
function summaryExcerpt(data, query) {
  const summary = data.meta?.summary;
  const words = query.replace(/"/g, ' ').split(/\s+/).filter(Boolean);
  if (!summary || words.length === 0) return null;
  const nodes = [];
  let text = '';
  let marks = 0;
  for (const part of summary.split(/(\s+)/)) {
    if (part && !/^\s+$/.test(part) && words.some((word) => summaryWordMatches(part, word))) {
      if (text) nodes.push(document.createTextNode(text));
      text = '';
      nodes.push(element('mark', { textContent: part }));
      marks++;
    } else text += part;
  }
  if (text) nodes.push(document.createTextNode(text));
  return marks > 0 ? nodes : null;
}

/**
 * The result's link, highlighting the words the excerpt marks (as the article has them:
 * `election` for the query `elections`), not the query's words, which the article may not
 * contain. Punctuation around a word is dropped, but a word holding a literal word of the query
 * is highlighted as that word (`C++`, `.NET`: without its symbols, `C` was too short to mark and
 * `NET` marked "network"); without marked words the link is Pagefind's.
 */
function resultUrl(data, marked, { literals }) {
  const highlighted = (word) => literals.filter((literal) => holdsLiteral(word, literal));
  const words = [...new Set(marked.flatMap((word) => (highlighted(word).length > 0 ? highlighted(word) : [word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '')])).filter(Boolean))];
  if (words.length === 0) return data.url;
  const url = new URL(data.url, window.location.href);
  url.searchParams.delete(highlightParam);
  for (const word of words) url.searchParams.append(highlightParam, word);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : url.href;
}

function formatDate(isoDay) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay ?? '');
  if (!match) return '';
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  const day = new Date(0);
  day.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return dateFormat.format(day);
}

function renderResult(data) {
  const meta = data.meta ?? {};
  const details = [];
  if (meta.date) details.push(element('time', { datetime: meta.date, textContent: formatDate(meta.date) }));
  if (meta.section) details.push(...(details.length > 0 ? [' · '] : []), isolate(meta.section, valueLanguage('section', meta.section)));
  const query = queryWords(state.q);
  const excerpt = excerptOf(data, query);
  // Found, but not by a word of the text: by the summary, shown then with its words marked.
  const bySummary = excerpt.marked.length === 0 && (data.locations ?? []).length === 0 ? summaryExcerpt(data, state.q) : null;
  return element('li', { className: 'search-result' }, [
    element('h2', { className: 'search-result-title', lang: meta.titleLang ?? meta.lang, dir: 'auto' }, [element('a', { href: resultUrl(data, excerpt.marked, query), textContent: meta.title || data.url })]),
    element('p', { className: 'search-result-meta' }, details),
    bySummary || data.excerpt ? element('p', { className: 'search-result-excerpt', lang: meta.lang, dir: 'auto' }, bySummary ?? excerpt.nodes) : '',
  ]);
}

/**
 * A year as readers write it: `99`. Year filter values and the years of index parts are
 * zero-padded to four digits (`0099`) so that they sort as text; a link keeps the padded value.
 */
function formatYear(year) {
  return /^-?\d+$/.test(year) ? String(Number(year)) : year;
}

/** A filter value as the page shows it. */
function valueLabel(name, value) {
  return name === 'year' ? formatYear(value) : value;
}

/**
 * The language a filter value is written in, when it is not the interface's (an Arabic name on an
 * English site), so that a screen reader speaks it in its own: a section's is its term's, a
 * name's that of its letters (nameLanguage). Years and language names are the interface's.
 */
function valueLanguage(name, value) {
  if (name === 'section') return sectionLanguages.get(value);
  if (!NAMES.has(name)) return undefined;
  const language = nameLanguage(value, archiveLanguage);
  return language === pageLanguage ? undefined : language;
}

/** The selected filter values as the status line names them, isolated, each in its language. */
function selectedLabels() {
  return Object.entries(state.filters).flatMap(([name, values]) => values.map((value) => isolate(shortened(valueLabel(name, value)), valueLanguage(name, value))));
}

function selectedValues() {
  return Object.values(state.filters).flat();
}

/** `2021–2025`, or `2025` for one year. */
function formatYears(years) {
  if (!years) return '';
  return years.from === years.to ? formatYear(years.from) : `${formatYear(years.from)}–${formatYear(years.to)}`;
}

/** Whether a scope leaves years out (only ever on an archive searched in waves). */
function isPartial(scope) {
  return Boolean(scope && !scope.complete && scope.searched && scope.unsearched);
}

/** A URL of this site as its path, shorter to read; another's in full. */
function sitePath(address) {
  const url = new URL(address, window.location.href);
  return url.origin === window.location.origin ? url.pathname : url.href;
}

/**
 * What the status adds when results could not be read (how many, why, and what to do), or when
 * part of the index could not: Pagefind searched on without it, so results may be missing.
 */
function describeUnavailable() {
  const { unavailable, reason } = current ?? {};
  const chunks = archive?.unreadableChunks() ?? [];
  if (!unavailable && chunks.length === 0) return '';
  const which = unavailable === 1 ? '1 of them' : `${unavailable.toLocaleString(pageLanguage)} of them`;
  if (!window.navigator.onLine) return unavailable ? ` ${which} could not be loaded: this browser is offline. Search again once it is back online.` : ' Some results may be missing: this browser is offline, so part of the search index could not be loaded. Search again once it is back online.';
  const what = unavailable ? ` ${which} could not be loaded from the search index (${reason})` : '';
  const lost = chunks.length > 0 ? `${unavailable ? ', and' : ' Some results may be missing:'} part of the search index could not be loaded (${sitePath(chunks[0].url)}: ${chunks[0].reason}${chunks.length > 1 ? `, and ${chunks.length - 1} more` : ''})` : '';
  return `${what}${lost}: a file of it may be missing on the server, or the site is being updated. Search again to retry.`;
}

/**
 * Text the reader wrote or the archive holds, in an isolate of its own direction: an Arabic
 * query or section in the English status line would otherwise take the quotes, commas and
 * numbers around it into its own run (“2015 السعودية” showed its number on the wrong side).
 */
function isolate(text, lang) {
  return element('bdi', { textContent: text, lang });
}

// The most characters (graphemes) of the query or a filter value the status quotes: it is
// announced whole at every search, and a pasted page of text made it thousands of characters
// long. The search box holds the query whole.
const QUOTED_MAX = 100;
const graphemes = new Intl.Segmenter(pageLanguage, { granularity: 'grapheme' });

/** `text`, or its first QUOTED_MAX characters and an ellipsis. */
function shortened(text) {
  if (text.length <= QUOTED_MAX) return text;
  const kept = [...graphemes.segment(text)].slice(0, QUOTED_MAX + 1);
  return kept.length <= QUOTED_MAX ? text : `${kept.slice(0, QUOTED_MAX).map((part) => part.segment).join('').trimEnd()}…`;
}

/** The status line for a result list, as nodes: its query and filter values isolated. */
function describe(total, scope) {
  const things = total === 1 ? '1 result' : `${total.toLocaleString(pageLanguage)} results`;
  const term = queryOf(state.q) ? [' for “', isolate(shortened(state.q.trim())), '”'] : [];
  const narrowed = selectedValues().length > 0 ? [' in ', ...selectedLabels().flatMap((label, i) => (i > 0 ? [', ', label] : [label]))] : [];
  // Without words there is no relevance: browsing by filter lists newest first by default.
  const order = state.order === 'oldest' ? ', oldest first' : state.order === 'newest' || term.length === 0 ? ', newest first' : '';
  const years = isPartial(scope) ? ` from ${formatYears(scope.searched)}` : '';
  const rest = isPartial(scope) ? ` (${formatYears(scope.unsearched)} not searched yet)` : '';
  if (total === 0 && (current?.unknownValues ?? []).length > 0) return ['No results', ...term, '.', ...describeUnknownValues(current.unknownValues), ...spaced(describeIgnored())];
  if (total === 0) {
    const phrases = describePhrases();
    const advice = (current.missingPhrases ?? []).length > 0 ? ' Try fewer words in quotes, or none' : ' Try other or fewer words';
    return ['No results', ...term, ...narrowed, `${years}${rest}.`, ...(phrases.length > 0 ? phrases : describeMissing()), `${advice}${narrowed.length > 0 ? ', or remove a filter' : ''}.`, ...spaced(describeIgnored())];
  }
  return [things, ...term, ...narrowed, `${years}${order}${rest}.`, ...spaced(describeIgnored())];
}

/** Nodes after a sentence of the status: a space first, when there are any. */
function spaced(nodes) {
  return nodes.length > 0 ? [' ', ...nodes] : [];
}

/** The label of a filter (`Section` for `section`). */
function filterLabel(name) {
  return FILTERS.find(([filter]) => filter === name)?.[1] ?? name;
}

/** The search in the state as a link, without the filter values `left` (`[name, value]` pairs). */
function searchUrlWithout(left) {
  const url = new URL(window.location.href);
  url.search = '';
  if (state.q) url.searchParams.set('q', state.q);
  if (state.order) url.searchParams.set('order', state.order);
  for (const [name] of FILTERS) for (const value of state.filters[name] ?? []) if (!left.some(([n, v]) => n === name && v === value)) url.searchParams.append(name, value);
  return `${url.pathname}${url.search}`;
}

/**
 * ` No article has Section “Nonexistent”: …`, for filter values from a link that no article has
 * (a made-up or misspelt value, or one renamed since): without them the status spoke of words
 * ("Try other or fewer words"), which were not what found nothing. Says how to clear them.
 */
function describeUnknownValues(unknown) {
  const named = unknown.flatMap(([name, value], i) => [...(i > 0 ? [i === unknown.length - 1 ? ' or ' : ', '] : []), `${filterLabel(name)} “`, isolate(shortened(valueLabel(name, value)), valueLanguage(name, value)), '”']);
  const it = unknown.length === 1 ? 'it' : 'them';
  return [' No article in the archive has ', ...named, ` (a filter in the link). Uncheck ${it} under “Narrow the results”, or `, element('a', { href: searchUrlWithout(unknown), textContent: `search without ${it}` }), '.'];
}

/** `The link’s “colour” is not a filter of this search…`, for URL parameters the page left out. */
function describeIgnored() {
  const ignored = state.ignored ?? [];
  if (ignored.length === 0) return [];
  const named = ignored.slice(0, MISSING_NAMED).flatMap((name, i) => [...(i > 0 ? ['”, “'] : []), isolate(shortened(name))]);
  const others = ignored.length - Math.min(ignored.length, MISSING_NAMED);
  const one = ignored.length === 1;
  return [
    'The link’s “',
    ...named,
    `”${others > 0 ? ` (and ${others.toLocaleString(pageLanguage)} more)` : ''} ${one ? 'is not a filter' : 'are not filters'} of this search, so ${one ? 'it was' : 'they were'} left out (the filters are ${FILTERS.map(([, label]) => label).join(', ')}).`,
  ];
}

// Words the status names that no article has; the rest are counted. The status is announced
// whole at each search, and a pasted paragraph of words no article has named every one of them.
const MISSING_NAMED = 3;

/** `“a”, “b” or “c”`: quoted text, each isolated and shortened. */
function quotedList(texts, joiner) {
  return texts.flatMap((text, i) => [...(i > 0 ? [i === texts.length - 1 ? `” ${joiner} “` : '”, “'] : []), isolate(shortened(text))]);
}

/**
 * What the status says of a query with phrases in quotes that found nothing (empty otherwise):
 * the phrases no article has (` No article has the phrase “harbour board pier”, though some have
 * “winter”.`), or, when each has some article, that none has them with the query's other words
 * (` No article has the phrase “harbour board” together with “winter”.`). The status said "No
 * results" without naming the phrase, as if any word could be the one to blame.
 */
function describePhrases() {
  if (!current?.result.scope.complete) return [];
  const phrases = quotedPhrases(state.q);
  if (phrases.length === 0) return [];
  const missing = current.missingPhrases ?? [];
  const missingWords = new Set(current.missing ?? []);
  const outside = wordsOutsidePhrases(state.q).filter((word) => !missingWords.has(word));
  if (missing.length > 0) {
    const though = outside.length > 0 ? [', though some have “', ...quotedList(outside, 'and'), '”'] : [];
    return [` No article has the ${missing.length === 1 ? 'phrase' : 'phrases'} “`, ...quotedList(missing, 'or'), '”', ...though, '.', ...describeMissing()];
  }
  if (missingWords.size > 0) return describeMissing();
  const together = outside.length > 0 ? [' together with “', ...quotedList(outside, 'and'), '”'] : phrases.length > 1 ? [' together'] : [];
  if (together.length === 0) return [];
  return [` No article has the ${phrases.length === 1 ? 'phrase' : 'phrases'} “`, ...quotedList(phrases, 'and'), '”', ...together, '.'];
}

/** ` No article has “zzzqx”.`: the words of a query that found nothing because no article has them. */
function describeMissing() {
  const missing = current?.missing ?? [];
  if (missing.length === 0) return [];
  // As the engine names them: `zzzqx` for `"zzzqx"` in quotes, `C++` as it is.
  const words = missing;
  const named = words.slice(0, MISSING_NAMED);
  const others = words.length - named.length;
  const more = others === 0 ? '' : ` (nor ${others.toLocaleString(pageLanguage)} other ${others === 1 ? 'word' : 'words'} of the query)`;
  return [' No article has “', ...named.flatMap((word, i) => [...(i > 0 ? ['” or “'] : []), isolate(shortened(word))]), `”${more}.`];
}

/** The line under the status naming the years searched, with a button for the rest. */
function showScope(scope) {
  const partial = isPartial(scope);
  scopeLine.hidden = !partial;
  if (!partial) return;
  scopeYears.textContent = `Showing matches from ${formatYears(scope.searched)}`;
  allYears.textContent = `Search all years (adds ${formatYears(scope.unsearched)})`;
}

function valueOrder(name, counts) {
  const entries = Object.entries(counts);
  // Newest first by number, as they are shown, whatever their padding.
  if (name === 'year') return entries.sort((a, b) => Number(b[0]) - Number(a[0]) || b[0].localeCompare(a[0]));
  return entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], pageLanguage));
}

/** A value as the find box matches it: no case, no accents (`Zoë` for `zoe`). */
function foldForFind(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase(pageLanguage);
}

/**
 * Shows the values of a filter's list that hold what its find box holds (the checked ones
 * always), and says how many. "Show all 715" put 715 checkboxes in the Tab order; the box, first
 * in the group, narrows them to the few a keyboard user wants.
 */
function applyFind(group) {
  const find = group.querySelector('input[data-find]');
  if (!find) return;
  const wanted = foldForFind(find.value.trim());
  const items = [...group.querySelectorAll('.search-filter-values li')];
  let shown = 0;
  for (const item of items) {
    const box = item.querySelector('input[type=checkbox]');
    item.hidden = Boolean(wanted) && !box.checked && !foldForFind(item.dataset.label).includes(wanted);
    if (!item.hidden) shown++;
  }
  const found = group.querySelector('.search-filter-found');
  found.textContent = wanted ? `${shown.toLocaleString(pageLanguage)} of ${items.length.toLocaleString(pageLanguage)} shown` : '';
  const boxes = rovingBoxes(group);
  if (boxes.length > 0) makeTabStop(group, boxes.find((box) => box.value === rovingStops.get(box.dataset.filter)) ?? boxes[0]);
}

/**
 * The checkboxes of a list shown whole that the reader can move to, in order. Such a list is one
 * Tab stop: "Show all 715" put 715 checkboxes between a keyboard user and the results, so Tab
 * reaches one value (the last one moved to) and the arrow keys, Home and End move among those
 * the find box shows.
 */
function rovingBoxes(group) {
  return [...group.querySelectorAll('.search-filter-values[data-roving] li:not([hidden]) input[type=checkbox]')];
}

/** Makes `box` its list's one Tab stop, which it stays as the filters re-render. */
function makeTabStop(group, box) {
  for (const other of group.querySelectorAll('.search-filter-values[data-roving] input[type=checkbox]')) other.tabIndex = other === box ? 0 : -1;
  rovingStops.set(box.dataset.filter, box.value);
}

const ROVING_KEYS = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };

function renderFilters(counts, scope) {
  // On an archive searched in waves, filter data waits until the reader asks for it.
  if (!archive?.filtersLoaded) {
    filterGroups.replaceChildren();
    filtersScope.hidden = true;
    filtersLoad.hidden = false;
    filterSection.hidden = false;
    return;
  }
  filtersLoad.hidden = true;
  filtersScope.hidden = !isPartial(scope);
  if (isPartial(scope)) filtersScope.textContent = `Counts cover ${formatYears(scope.searched)}, the years searched so far.`;
  // Re-rendering replaces the checkboxes: keep keyboard focus where it was.
  const focused = document.activeElement;
  const focusKey = focused?.dataset?.filter ? `${focused.dataset.filter}\u0000${focused.value ?? ''}` : undefined;
  const groups = [];
  for (const [name, label] of FILTERS) {
    const selected = new Set(state.filters[name] ?? []);
    const values = valueOrder(name, counts?.[name] ?? {}).filter(([value, count]) => count > 0 || selected.has(value));
    for (const value of selected) if (!values.some(([v]) => v === value)) values.push([value, 0]);
    if (values.length === 0) continue;
    const expanded = expandedGroups.has(name) || LISTED_WHOLE.has(name);
    const shown = expanded ? values : values.slice(0, VALUES_SHOWN);
    const options = shown.map(([value, count]) => {
      const box = element('input', { type: 'checkbox', name, value, checked: selected.has(value) });
      box.dataset.filter = name;
      const item = element('li', {}, [element('label', {}, [box, ' ', isolate(valueLabel(name, value), valueLanguage(name, value)), ' ', element('span', { className: 'search-count', textContent: `(${count})` })])]);
      item.dataset.label = valueLabel(name, value);
      return item;
    });
    const valueList = element('ul', { className: 'search-filter-values', id: `search-filter-values-${name}` }, options);
    const children = [element('legend', { textContent: label }), valueList];
    if (expanded && !LISTED_WHOLE.has(name) && values.length > VALUES_SHOWN) {
      const find = element('input', { type: 'search', id: `search-find-${name}`, value: groupFinds.get(name) ?? '', autocomplete: 'off', spellcheck: false, dir: 'auto' });
      find.dataset.find = name;
      find.setAttribute('aria-controls', `search-filter-values-${name}`);
      find.setAttribute('aria-describedby', `search-filter-found-${name} search-filter-keys-${name}`);
      const found = element('span', { className: 'search-filter-found', id: `search-filter-found-${name}`, role: 'status' });
      const keys = element('span', { className: 'search-filter-keys', id: `search-filter-keys-${name}`, textContent: 'Tab reaches the list, the arrow keys move through it.' });
      children.splice(1, 0, element('p', { className: 'search-filter-find' }, [element('label', { htmlFor: find.id, textContent: `Find in ${label}` }), ' ', find, ' ', found, ' ', keys]));
      valueList.dataset.roving = '';
    }
    if (values.length > VALUES_SHOWN && !LISTED_WHOLE.has(name)) {
      const toggle = element('button', { type: 'button', className: 'search-filter-toggle', textContent: expanded ? `Show fewer` : `Show all ${values.length}` });
      toggle.dataset.group = name;
      toggle.setAttribute('aria-expanded', String(expanded));
      children.push(toggle);
    }
    const group = element('fieldset', { className: 'search-filter' }, children);
    applyFind(group);
    groups.push(group);
  }
  filterGroups.replaceChildren(...groups);
  filterSection.hidden = groups.length === 0;
  if (focusKey) {
    const again = [...filterGroups.querySelectorAll('input[type=checkbox]')].find((box) => `${box.dataset.filter}\u0000${box.value}` === focusKey);
    if (again && !again.closest('li').hidden) makeTabStop(again.closest('fieldset'), again);
    again?.focus();
  } else if (focused?.dataset?.group) {
    filterGroups.querySelector(`button[data-group="${focused.dataset.group}"]`)?.focus();
  } else if (focused?.dataset?.find) {
    const find = filterGroups.querySelector(`input[data-find="${focused.dataset.find}"]`);
    find?.focus();
    find?.setSelectionRange(focused.selectionStart, focused.selectionEnd);
  }
}

function showError(message) {
  status.classList.add('search-error');
  status.textContent = message;
  root.removeAttribute('aria-busy');
}

/** Why a search failed and what to do: offline, a reader can only wait for the connection. */
function searchFailed(error) {
  if (!window.navigator.onLine) return 'Search failed: this browser is offline, so the search index could not be loaded. Search again once it is back online.';
  return `Search failed: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
}

/** Says, while a search adds a wave of older years, which years it is adding. */
function announceWidening(id) {
  return (years) => {
    if (id === generation && years) status.textContent = `Searching ${formatYears(years)} too…`;
  };
}

/** Status, scope line, "Show more" and filters for the current results. */
function showResultState() {
  const { result, shown } = current;
  more.hidden = shown >= result.total && !result.continues;
  renderFilters(result.filters, result.scope);
  status.classList.toggle('search-error', current.unavailable > 0 || archive.unreadableChunks().length > 0);
  status.replaceChildren(...describe(result.total, result.scope), describeUnavailable());
  showScope(result.scope);
}

/** The results of a page of data that could be read, the others counted in `current`. */
function readable(page) {
  const shown = page.filter((data) => !data.unavailable);
  const unreadable = page.find((data) => data.unavailable);
  if (unreadable) {
    current.unavailable += page.length - shown.length;
    current.reason ??= unreadable.unavailable;
  }
  return shown;
}

async function showMore() {
  if (!current) return;
  const id = generation;
  const before = formatYears(current.result.scope.searched);
  // Newest first may continue into older years here, which takes a moment.
  if (current.result.continues) root.setAttribute('aria-busy', 'true');
  try {
    const page = await current.result.next(PAGE_SIZE);
    if (id !== generation) return;
    const unavailableBefore = current.unavailable + archive.unreadableChunks().length;
    const items = readable(page).map(renderResult);
    list.append(...items);
    current.shown += page.length;
    if (formatYears(current.result.scope.searched) !== before || current.unavailable + archive.unreadableChunks().length !== unavailableBefore) showResultState();
    else more.hidden = current.shown >= current.result.total && !current.result.continues;
    return items;
  } catch (error) {
    if (id === generation) showError(searchFailed(error));
    return undefined;
  } finally {
    if (id === generation) root.removeAttribute('aria-busy');
  }
}

/**
 * The chosen filter values (`[name, value]`) that no article of the years searched has, when the
 * search found nothing: the values a link named that the archive does not have. Empty without
 * filter data (an archive searched in waves before the reader asks for it), or while unsearched
 * years could hold them.
 */
async function unknownFilterValues(scope) {
  if (selectedValues().length === 0 || !archive.filtersLoaded || !scope.complete) return [];
  const { counts } = await archive.filters();
  return Object.entries(state.filters).flatMap(([name, values]) => values.filter((value) => !(counts?.[name]?.[value] > 0)).map((value) => [name, value]));
}

/**
 * Runs the search in the state and writes it to the URL (`history` as writeUrl takes it);
 * `showing` keeps that many results on screen (at least a page).
 */
async function run({ showing = PAGE_SIZE, history = 'replace' } = {}) {
  const id = ++generation;
  // The reader's own search, not the link's: nothing of the link is left out any more.
  if (history !== 'replace') state.ignored = [];
  searching.abort();
  searching = new AbortController();
  const { signal } = searching;
  clearTimeout(typingTimer);
  writeUrl(history);
  if (!archive) return;
  if (!queryOf(state.q) && selectedValues().length === 0) {
    current = undefined;
    list.replaceChildren();
    more.hidden = true;
    // A search still running said the page was busy, and leaves that to this one, the newer.
    root.removeAttribute('aria-busy');
    status.classList.remove('search-error');
    // Spaces, punctuation or symbols searched for (Enter on them, or typed): nothing was searched, and
    // an empty status told the reader nothing. A page opened without a query stays quiet.
    status.replaceChildren(...(state.q === '' ? describeIgnored() : ['Nothing to search for: spaces, punctuation and symbols alone are not searched. Type a word to find.', ...spaced(describeIgnored())]));
    showScope(undefined);
    totals = archive.filtersLoaded ? await archive.filters() : undefined;
    if (id === generation) renderFilters(totals?.counts, totals?.scope);
    return;
  }
  root.setAttribute('aria-busy', 'true');
  try {
    const result = await archive.search(state.q, { filters: state.filters, sort: ORDERS[state.order], atLeast: PAGE_SIZE, onWiden: announceWidening(id), signal });
    if (id !== generation) return;
    const page = await result.next(Math.max(PAGE_SIZE, showing));
    if (id !== generation) return;
    // A query finds the articles with every word: when that is none, say which word no article has.
    const unknownValues = result.total === 0 ? await unknownFilterValues(result.scope) : [];
    if (id !== generation) return;
    const missing = result.total === 0 && result.scope.complete && unknownValues.length === 0 ? await archive.missingWords(state.q, { signal }) : [];
    if (id !== generation) return;
    const missingPhrases = result.total === 0 && result.scope.complete && unknownValues.length === 0 ? await archive.missingPhrases(state.q) : [];
    if (id !== generation) return;
    current = { result, shown: page.length, unavailable: 0, reason: undefined, missing, missingPhrases, unknownValues };
    list.replaceChildren(...readable(page).map(renderResult));
    showResultState();
  } catch (error) {
    if (id === generation) showError(searchFailed(error));
  } finally {
    if (id === generation) root.removeAttribute('aria-busy');
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  state.q = input.value;
  void run({ history: 'push' });
});
input.addEventListener('input', () => {
  state.q = input.value;
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => void run({ history: 'typing' }), TYPING_PAUSE_MS);
});
orderSelect.addEventListener('change', () => {
  state.order = orderSelect.value in ORDERS ? orderSelect.value : '';
  // Searched once the menu settles: stepping from "Best match" to "Oldest first" with the arrow
  // keys passes "Newest first", which was a search (and a history entry) of its own.
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => void run({ history: 'order' }), TYPING_PAUSE_MS);
});
filterGroups.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.filter) return;
  const values = new Set(state.filters[box.dataset.filter] ?? []);
  if (box.checked) values.add(box.value);
  else values.delete(box.value);
  if (values.size > 0) state.filters[box.dataset.filter] = [...values];
  else delete state.filters[box.dataset.filter];
  void run({ history: 'push' });
});
// Back and Forward bring a search's URL back: show that search, query, order and filters.
// (Not Back from a link within the page, `#main`: its search is the one shown.)
window.addEventListener('popstate', () => {
  if (window.location.search === shownSearch) return;
  Object.assign(state, readUrl());
  input.value = state.q;
  orderSelect.value = state.order;
  void run();
});
filterGroups.addEventListener('click', (event) => {
  const toggle = event.target instanceof HTMLElement ? event.target.closest('button[data-group]') : null;
  if (!toggle) return;
  const name = toggle.dataset.group;
  if (expandedGroups.has(name)) expandedGroups.delete(name);
  else expandedGroups.add(name);
  groupFinds.delete(name);
  rovingStops.delete(name);
  if (current) renderFilters(current.result.filters, current.result.scope);
  else renderFilters(totals?.counts, totals?.scope);
  // Shown whole, the list is reached through its find box, first in the group.
  if (expandedGroups.has(name)) filterGroups.querySelector(`input[data-find="${name}"]`)?.focus();
});
filterGroups.addEventListener('keydown', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.closest('.search-filter-values[data-roving]')) return;
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  const group = box.closest('fieldset');
  const boxes = rovingBoxes(group);
  const at = boxes.indexOf(box);
  let next;
  if (event.key in ROVING_KEYS) next = boxes[Math.min(Math.max(at + ROVING_KEYS[event.key], 0), boxes.length - 1)];
  else if (event.key === 'Home') next = boxes[0];
  else if (event.key === 'End') next = boxes.at(-1);
  else return;
  event.preventDefault();
  if (!next) return;
  makeTabStop(group, next);
  next.focus();
});
// A value clicked or focused otherwise is where Tab comes back to.
filterGroups.addEventListener('focusin', (event) => {
  const box = event.target;
  if (box instanceof HTMLInputElement && box.tabIndex === -1 && box.closest('.search-filter-values[data-roving]')) makeTabStop(box.closest('fieldset'), box);
});
filterGroups.addEventListener('input', (event) => {
  const find = event.target;
  if (!(find instanceof HTMLInputElement) || !find.dataset.find) return;
  groupFinds.set(find.dataset.find, find.value);
  applyFind(find.closest('fieldset'));
});
more.addEventListener('click', async () => {
  const items = await showMore();
  if (!items) return;
  // Keyboard users continue from the first new result rather than the top of the page; when
  // older years had nothing more, the button is gone, so from the last result.
  (items[0] ?? list.lastElementChild)?.querySelector('a')?.focus();
});
allYears.addEventListener('click', async () => {
  const id = ++generation;
  allYears.disabled = true;
  root.setAttribute('aria-busy', 'true');
  try {
    await archive.addAllYears(announceWidening(id));
  } catch (error) {
    if (id === generation) showError(searchFailed(error));
    return;
  } finally {
    allYears.disabled = false;
  }
  if (id !== generation) return;
  await run({ showing: current?.shown });
  // The button is gone with the line it was in: continue from the first result.
  (list.querySelector('.search-result-title a') ?? input).focus();
});
filtersLoad.addEventListener('click', async () => {
  filtersLoad.disabled = true;
  filtersLoad.textContent = 'Loading filters…';
  try {
    await archive.filters();
  } catch (error) {
    showError(`The filters could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`);
    return;
  } finally {
    filtersLoad.disabled = false;
    filtersLoad.textContent = 'Show filters';
  }
  // Counts come with a search once the filter data is in: run it again, keeping what is shown.
  await run({ showing: current?.shown });
  filterGroups.querySelector('input[type=checkbox]')?.focus();
});

let totals;
async function start() {
  const parts = JSON.parse(root.dataset.searchParts ?? '[]');
  // A first deploy before any article: nothing to search, and nothing went wrong.
  if (parts.every((part) => !part.articles)) {
    status.textContent = 'The archive has no articles yet, so there is nothing to search.';
    return;
  }
  // Shown only with the script that fills them: without it, a screen reader met an empty
  // "Results" heading and list.
  form.hidden = false;
  resultsArea.hidden = false;
  input.value = state.q;
  orderSelect.value = state.order;
  if (window.location.protocol === 'file:') {
    showError('Search needs the site to be served over HTTP: opened from a file, the browser will not load the search index. Run “npm start” and open http://localhost:8080/search/.');
    return;
  }
  // Busy until the index is open (a search in the URL keeps it busy until its results show).
  root.setAttribute('aria-busy', 'true');
  try {
    archive = await openArchiveSearch({
      parts,
      baseUrl: root.dataset.baseUrl ?? '/',
      pageLanguage: archiveLanguage,
      highlightParam,
    });
    // A link that narrows by a filter shows the filters it narrows by, with their counts.
    if (selectedValues().length > 0 && !archive.filtersLoaded) await archive.filters();
  } catch (error) {
    showError(`The search index could not be loaded (${error instanceof Error ? error.message : String(error)}). Reload the page, or browse the archive instead.`);
    return;
  }
  // No focus moved on load: a keyboard or screen-reader user starts at the top (the skip link
  // leads to the form), as on every other page (WCAG 2.4.3).
  root.removeAttribute('aria-busy');
  await run();
}

void start();
