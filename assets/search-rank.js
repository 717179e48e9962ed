// Ranking an index in parts as one index would rank it (Pagefind 1.5).
//
// Pagefind scores a page from its index's own statistics: the number of pages, how many of them
// hold each query term, and the average page length. Each merged part is one index, so each part
// scored its pages with its own numbers, and a rare word in a small part outranked a common one in
// a large part that one index would have put first. This module recomputes each result's score
// with the statistics of the whole archive (per language, as one index has one per language),
// from what Pagefind reports in its playground mode: per matched word its weighted term frequency,
// length bonus and the part's count of pages holding the term; per page its length; per meta field
// the words matched. The formulas are Pagefind 1.5's (pagefind_web/src/search.rs):
//   score = Σ words idf(term) × tf(word) × diacritic bonus + Σ fields weight × M × (M / Q)²
// with M the summed idf of the field's matched words and Q the query's total idf.
//
// Pagefind's module (pagefind.js) does not export playground mode, and it would reach only the
// primary index of an instance anyway (merged indexes are never in it). So the scores come from a
// worker of our own running Pagefind's worker script (pagefind-worker.js, the same file and
// messages that pagefind.js uses), with one instance per index part, each its own primary.

/**
 * Pagefind 1.5's default ranking weights, set on every scoring instance: the recomputation below
 * uses them, so they must be the ones Pagefind scored with, whatever a later default becomes.
 */
export const RANKING = { termSimilarity: 1.0, pageLength: 0.75, termSaturation: 1.4, termFrequency: 1.0, diacriticSimilarity: 0.8, metaWeights: { title: 5.0 } };

/** Pagefind's inverse document frequency (BM25's, kept positive). */
export function idf(totalPages, pagesContaining) {
  return Math.log((totalPages - pagesContaining + 0.5) / (pagesContaining + 0.5) + 1);
}

/**
 * The count of pages holding a term, read back from the idf Pagefind reports for it
 * (`query_term_idfs`), which is all playground mode says for a part without results.
 */
export function pagesContaining(termIdf, totalPages) {
  return Math.max(0, Math.round((totalPages + 1) / Math.exp(termIdf) - 0.5));
}

/** Pagefind's term frequency for one matched word (BM25's, blended with a raw count). */
export function termFrequency({ weightedTermFrequency, lengthBonus, documentLength, averagePageLength }, ranking = RANKING) {
  const weighted = weightedTermFrequency * lengthBonus;
  const k1 = ranking.termSaturation;
  const b = ranking.pageLength;
  const bm25 = ((k1 + 1) * weighted) / (k1 * (1 - b + b * (documentLength / averagePageLength)) + weighted);
  const raw = Math.min(weighted / (averagePageLength / 5), k1 + 1);
  return (1 - ranking.termFrequency) * raw + ranking.termFrequency * bm25;
}

/**
 * The query term (its index in `terms`, Pagefind's stemmed query terms) an index word was matched
 * for: a word is an extension of its term's stem (or, as Pagefind's fallback, a prefix of it);
 * where two terms could own it, the one whose page count in the part is the count Pagefind used.
 */
function termOf(word, pagesUsed, terms, partCounts) {
  let best = -1;
  for (const [i, term] of terms.entries()) {
    if (!word.startsWith(term) && !term.startsWith(word)) continue;
    if (pagesUsed === undefined || partCounts[i] === pagesUsed) return i;
    if (best < 0) best = i;
  }
  if (best >= 0) return best;
  const counted = partCounts.indexOf(pagesUsed);
  return counted >= 0 ? counted : 0;
}

/**
 * A result's score with archive-wide statistics. `result` is a playground-mode result of one
 * part; `terms` the query's stemmed terms; `partCounts` the part's own page count per term (as
 * Pagefind used it); `termIdfs` the archive-wide idf per term; `averagePageLength` the
 * archive's. The diacritic bonus is not reported: it is what the part's own score holds beyond the
 * reported word scores and meta boosts, applied alike to every word of the page.
 */
export function rescore(result, { terms, partCounts, termIdfs, averagePageLength }, ranking = RANKING) {
  const words = result.scores ?? [];
  const metas = result.verbose_meta_scores ?? [];
  const reported = words.reduce((sum, word) => sum + word.score, 0);
  const boosts = metas.reduce((sum, meta) => sum + meta.coverage_boost, 0);
  const bonus = reported > 0 ? (result.score - boosts) / reported : 1;
  const termOfWord = new Map();
  let base = 0;
  for (const word of words) {
    const term = termOf(word.search_term, word.params.pages_containing_term, terms, partCounts);
    termOfWord.set(word.search_term, term);
    const tf = termFrequency(
      { weightedTermFrequency: word.params.weighted_term_frequency, lengthBonus: word.params.length_bonus, documentLength: result.params.document_length, averagePageLength },
      ranking,
    );
    base += termIdfs[term] * tf;
  }
  const total = termIdfs.reduce((sum, value) => sum + value, 0);
  let meta = 0;
  for (const field of metas) {
    const matched = field.matched_terms.reduce((sum, word) => sum + termIdfs[termOfWord.get(word) ?? termOf(word, undefined, terms, partCounts)], 0);
    if (total > 0) meta += field.field_weight * matched * (matched / total) ** 2;
  }
  return base * bonus + meta;
}

/**
 * Archive-wide statistics per language from each part's search: `parts` is a list of
 * `{ language, totalPages, averagePageLength, counts }` (counts: pages per query term, fallbacks
 * already zeroed). Returns a Map language → `{ totalPages, averagePageLength, termIdfs }`. The
 * average page length is over the parts whose own average is known (undefined for a part that
 * never had a result), weighted by their pages.
 */
export function archiveStatistics(parts, termCount) {
  const byLanguage = new Map();
  for (const part of parts) {
    const sums = byLanguage.get(part.language) ?? { totalPages: 0, lengths: 0, measured: 0, counts: new Array(termCount).fill(0) };
    sums.totalPages += part.totalPages;
    if (part.averagePageLength !== undefined) {
      sums.lengths += part.totalPages * part.averagePageLength;
      sums.measured += part.totalPages;
    }
    for (let i = 0; i < termCount; i++) sums.counts[i] += part.counts[i] ?? 0;
    byLanguage.set(part.language, sums);
  }
  const statistics = new Map();
  for (const [language, sums] of byLanguage) {
    statistics.set(language, {
      totalPages: sums.totalPages,
      averagePageLength: sums.measured > 0 ? sums.lengths / sums.measured : 0,
      termIdfs: sums.counts.map((count) => idf(sums.totalPages, count)),
    });
  }
  return statistics;
}

// Characters Pagefind's search drops from a query before splitting it into terms (pagefind.js,
// `search`: dashes at the start, closing, final, initial, other and opening punctuation).
const DROPPED = /^\p{Pd}|\p{Pe}|\p{Pf}|\p{Pi}|\p{Po}|\p{Ps}$/u;

/**
 * The words of a query in the order of Pagefind's terms: those that keep a character after
 * Pagefind drops punctuation (a lone "–" is no term). Not for a script Pagefind segments itself.
 */
export function termWords(query) {
  return query.split(/\s+/).filter((word) => [...word].some((char) => !DROPPED.test(char)));
}

/**
 * Pagefind's own worker, driven directly: one instance per index part, each a primary in
 * playground mode. The worker keeps the WebAssembly (the stemmer) of the first instance it
 * starts, so `host`, a part in the query language, starts first and alone.
 */
export function openScorer(workerUrl, host, baseUrl) {
  const worker = new Worker(workerUrl);
  const pending = new Map();
  let sequence = 0;
  // A worker that fails (its script missing, say) answers nothing: every wait ends, in an error.
  let failure = null;
  worker.addEventListener('error', (event) => {
    failure = new Error(`the scoring worker failed: ${event.message ?? 'no message'}`);
    for (const waiting of pending.values()) waiting.reject(failure);
    pending.clear();
  });
  worker.addEventListener('message', (event) => {
    const { id, result, error } = event.data ?? {};
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (error) waiting.reject(new Error(error));
    else waiting.resolve(result);
  });
  const call = (instanceId, method, args, { answer = true } = {}) => {
    const id = `rank_${sequence++}`;
    const sent = new Promise((resolve, reject) => {
      if (failure) return reject(failure);
      if (answer) pending.set(id, { resolve, reject });
      worker.postMessage({ id, instanceId, method, args });
      if (!answer) resolve(undefined);
    });
    return { id, sent };
  };

  const started = new Map();
  const averages = new Map();
  const start = (source) => {
    if (!started.has(source.id)) {
      const instanceId = `part_${source.id}`;
      const ready = (async () => {
        await call(instanceId, 'init', [{ basePath: new URL(source.bundle, window.location.href).pathname, baseUrl, language: source.language, primary: true, ranking: RANKING }]).sent;
        await call(instanceId, 'enterPlaygroundMode', []).sent;
        return instanceId;
      })();
      started.set(source.id, ready);
    }
    return started.get(source.id);
  };
  const first = start(host);

  // The worker keeps every result's fragment loader until told to let go; nothing here loads
  // fragments (the merged search's results do), so each is released, unanswered.
  const release = (instanceId, results) => {
    for (const result of results ?? []) if (typeof result.data === 'string') call(instanceId, 'releaseData', [result.data], { answer: false });
  };

  return {
    /**
     * One part's playground-mode search: results with their scores, and `query_term_idfs`.
     * `bounds` (search-engine.js's extensionBounds) are preloaded first, as the page's search does.
     */
    async search(source, query, filters, bounds) {
      await first;
      const instanceId = await start(source);
      if (bounds) await call(instanceId, 'preload', [bounds, {}]).sent;
      const response = await call(instanceId, 'search', [query, { filters }]).sent;
      release(instanceId, response?.results);
      const length = response?.results?.[0]?.params?.average_page_length;
      if (length !== undefined) averages.set(source.id, length);
      return response;
    },
    /**
     * A part's average page length, as any of its results reported it (this search's or an
     * earlier one's); undefined for a part where nothing was found yet. Pagefind reports it only
     * with a result, and a search without a term, which lists every page, loads every index chunk
     * of the part.
     */
    averagePageLength(source) {
      return averages.get(source.id);
    },
    close() {
      worker.terminate();
    },
  };
}
