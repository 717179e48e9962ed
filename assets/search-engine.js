// Archive search on Pagefind's JS API: every bundle and every language index searched as one,
// each query stemmed by the language it is written in, and a true newest-first order.
//
// Why not one pagefind.search(): Pagefind loads only the index of the page's <html lang>, merged
// indexes are searched with the main index's language (its WebAssembly stemmer), and merged
// results are re-sorted by score, which under a sort option is each index's rank, not the date.
// So: one Pagefind instance per query language, with every (bundle, language) index merged in and
// tagged by a synthetic filter; newest-first merges the per-index date-sorted lists itself.

const SOURCE_FILTER = 'broadsheet-source';

// Scripts that tell a query's language apart from the Latin-script default.
const SCRIPTS = [
  ['Arabic', /\p{Script=Arabic}/u, ['ar', 'fa', 'ur', 'ps', 'ckb', 'sd', 'ug']],
  ['Hebrew', /\p{Script=Hebrew}/u, ['he', 'yi']],
  ['Cyrillic', /\p{Script=Cyrillic}/u, ['ru', 'uk', 'bg', 'sr', 'mk', 'be', 'kk']],
  ['Greek', /\p{Script=Greek}/u, ['el']],
  ['Devanagari', /\p{Script=Devanagari}/u, ['hi', 'mr', 'ne']],
  ['Thai', /\p{Script=Thai}/u, ['th']],
  ['Hangul', /\p{Script=Hangul}/u, ['ko']],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u, ['ja']],
  ['Han', /\p{Script=Han}/u, ['zh', 'ja']],
];

/** The writing system of a language code: a name from SCRIPTS, or "Latin". */
export function scriptOfLanguage(language) {
  const primary = language.toLowerCase().split('-')[0];
  return SCRIPTS.find(([, , languages]) => languages.includes(primary))?.[0] ?? 'Latin';
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

/** Pagefind's own choice of index for a language: exact, then primary subtag, then the largest. */
function matchLanguage(languages, wanted) {
  const lower = wanted.toLowerCase();
  if (languages[lower]) return lower;
  const primary = lower.split('-')[0];
  if (languages[primary]) return primary;
  return Object.entries(languages).sort((a, b) => b[1].page_count - a[1].page_count)[0]?.[0];
}

/**
 * Opens the archive's search. `bundlePaths`: site paths of the Pagefind bundles, primary first.
 * Loads only the small entry files; an index is fetched when the first query needs it.
 */
export async function openArchiveSearch({ bundlePaths, baseUrl, pageLanguage, highlightParam }) {
  const entries = await Promise.all(
    bundlePaths.map(async (bundle) => {
      const response = await fetch(`${bundle}pagefind-entry.json`);
      if (!response.ok) throw new Error(`${bundle}pagefind-entry.json answered ${response.status}`);
      return { bundle, languages: (await response.json()).languages };
    }),
  );
  // Every (bundle, language index) is one source; ids become the synthetic filter's values.
  const sources = [];
  for (const { bundle, languages } of entries) {
    for (const [language, info] of Object.entries(languages)) {
      sources.push({ id: String(sources.length), bundle, language, pages: info.page_count });
    }
  }
  if (sources.length === 0) throw new Error('the search index has no pages');
  const primaryLanguage = matchLanguage(entries[0].languages, pageLanguage) ?? sources[0].language;
  const pagesByLanguage = new Map();
  for (const source of sources) pagesByLanguage.set(source.language, (pagesByLanguage.get(source.language) ?? 0) + source.pages);

  const engines = new Map();

  async function createEngine(language) {
    const host = sources.find((source) => source.language === language && source.bundle === bundlePaths[0]) ?? sources.find((source) => source.language === language);
    // A second copy of the module (its own URL) gets its own worker, so its own stemmer: one
    // worker holds one WebAssembly module, the first language loaded into it.
    const moduleUrl = `${host.bundle}pagefind.js${language === primaryLanguage ? '' : `?language=${encodeURIComponent(language)}`}`;
    const pagefind = await import(moduleUrl);
    // createInstance takes its language from <html lang> (no option overrides it in 1.5), so the
    // attribute holds the wanted language for that one synchronous call.
    const root = document.documentElement;
    const pageLang = root.getAttribute('lang');
    root.setAttribute('lang', language);
    let instance;
    try {
      instance = pagefind.createInstance({ basePath: host.bundle, baseUrl, highlightParam, excerptLength: 30, mergeFilter: { [SOURCE_FILTER]: host.id } });
    } finally {
      if (pageLang === null) root.removeAttribute('lang');
      else root.setAttribute('lang', pageLang);
    }
    for (const source of sources) {
      if (source === host) continue;
      // An absolute URL: Pagefind skips a merge whose path the main bundle's path starts with,
      // which would drop the main bundle's other languages.
      await instance.mergeIndex(new URL(source.bundle, window.location.href).href, {
        language: source.language,
        baseUrl,
        highlightParam,
        excerptLength: 30,
        mergeFilter: { [SOURCE_FILTER]: source.id },
      });
    }
    // Filter counts come with results only once the filter indexes are loaded.
    await instance.filters();
    return instance;
  }

  /** The language whose stemmer suits the query: same script, the page's language first. */
  function languageFor(query) {
    const script = scriptOfQuery(query ?? '');
    if (!script || script === scriptOfLanguage(primaryLanguage)) return primaryLanguage;
    const candidates = [...pagesByLanguage.entries()].filter(([language]) => scriptOfLanguage(language) === script);
    if (candidates.length === 0) return primaryLanguage;
    return candidates.sort((a, b) => b[1] - a[1])[0][0];
  }

  function engineFor(language) {
    if (!engines.has(language)) {
      const created = createEngine(language);
      engines.set(language, created);
      created.catch(() => engines.delete(language));
    }
    return engines.get(language);
  }

  function withoutSource(counts) {
    const shown = { ...(counts ?? {}) };
    delete shown[SOURCE_FILTER];
    return shown;
  }

  /** Result data in the list's own order, `count` at a time. */
  function inOrder(results) {
    let offset = 0;
    return async (count) => {
      const slice = results.slice(offset, offset + count);
      offset += slice.length;
      return Promise.all(slice.map((result) => result.data()));
    };
  }

  /** Results newest (or oldest) first: a merge of each source's date-sorted list. */
  function dateOrdered(lists, direction) {
    const heads = lists.map((list) => ({ list, next: 0, data: undefined }));
    const pending = new Map();
    const headData = (head) => {
      const result = head.list[head.next];
      if (!pending.has(result)) pending.set(result, result.data());
      return pending.get(result);
    };
    return async (count) => {
      // Fetch, in parallel, every result that could be among the next `count`: at most the next
      // `count` of each list. The merge below then waits on nothing new.
      for (const head of heads) {
        for (const result of head.list.slice(head.next, head.next + count)) if (!pending.has(result)) pending.set(result, result.data());
      }
      const out = [];
      while (out.length < count) {
        const live = heads.filter((head) => head.next < head.list.length);
        if (live.length === 0) break;
        const dated = await Promise.all(live.map(async (head) => ({ head, data: await headData(head) })));
        let best = dated[0];
        for (const candidate of dated.slice(1)) {
          const a = candidate.data.meta?.date ?? '';
          const b = best.data.meta?.date ?? '';
          if (direction === 'desc' ? a > b : a < b) best = candidate;
        }
        best.head.next++;
        out.push(best.data);
      }
      return out;
    };
  }

  return {
    languages: [...pagesByLanguage.keys()],
    pages: sources.reduce((sum, source) => sum + source.pages, 0),

    /** Starts loading what a search needs (WebAssembly, index metadata) before the first query. */
    async preload() {
      await engineFor(primaryLanguage);
    },

    /** Filter values with their counts over the whole archive. */
    async filters() {
      return withoutSource(await (await engineFor(primaryLanguage)).filters());
    },

    /**
     * One search. `term` may be empty when filters are set (browsing by filter).
     * Returns the total, filter counts for the results, and `next(n)` giving result data in order.
     */
    async search(term, { filters = {}, sort } = {}) {
      const query = term && term.trim() ? term.trim() : null;
      const language = languageFor(query);
      const engine = await engineFor(language);
      const order = sort ?? (query ? undefined : 'desc');
      const response = await engine.search(query, { filters });
      const total = response.results.length;
      let next;
      if (!order) {
        next = inOrder(response.results);
      } else {
        // Within one source Pagefind sorts by the date key; across sources only a merge can.
        const used = sources.filter((source) => Object.keys(response.filters?.[SOURCE_FILTER] ?? {}).length === 0 || (response.filters[SOURCE_FILTER][source.id] ?? 0) > 0);
        const lists = await Promise.all(
          used.map(async (source) => (await engine.search(query, { filters: { ...filters, [SOURCE_FILTER]: source.id }, sort: { date: order } })).results),
        );
        next = lists.length === 1 ? inOrder(lists[0]) : dateOrdered(lists, order);
      }
      return { language, total, filters: withoutSource(response.filters), next };
    },
  };
}
