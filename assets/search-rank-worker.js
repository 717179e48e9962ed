// The scoring worker of search-rank.js: Pagefind's own worker script (its address is the
// `pagefind` parameter of this script's), with one change. Pagefind fetches its WebAssembly for
// every instance it starts, and the scoring worker starts one per index part, each from the part's
// own folder: the same file (one Pagefind, one language) under another address, about 70 KB each.
// But a worker initialises its WebAssembly once and ignores the rest (wasm-bindgen's init returns
// the module it already has), so the first one fetched is handed to every later request for one.
// The page runs Pagefind's own search worker through this script too (search-engine.js,
// `worker=search`: one WebAssembly is all it loads, and it is left to fetch it as Pagefind does),
// for one more change: Pagefind logs an index or filter chunk it cannot fetch and searches on without it,
// so this reports each such chunk to the page (`{ unreadableChunk: { url, reason } }`, a message
// with no `id`, which Pagefind's page side ignores), and the page says results may be missing.
'use strict';

const parameters = new URL(self.location.href).searchParams;
const pagefindWorker = parameters.get('pagefind');
const shareWebAssembly = parameters.get('worker') !== 'search';
const fetchFromNetwork = self.fetch.bind(self);
const WEBASSEMBLY = /\/wasm\.[^/?#]+\.pagefind(?:[?#]|$)/;
let firstWebAssembly = null;

const CHUNK = /\/(?:index\/[^/?#]+\.pf_index|filter\/[^/?#]+\.pf_filter)(?:[?#]|$)/;

/** A chunk Pagefind will not have: the page hears of it before the answer that lacks it. */
function reportChunk(url, reason) {
  self.postMessage({ unreadableChunk: { url, reason } });
}

self.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (CHUNK.test(url)) {
    return fetchFromNetwork(input, init).then(
      (response) => {
        if (!response.ok) reportChunk(url, `${response.status} ${response.statusText}`.trim());
        return response;
      },
      (error) => {
        reportChunk(url, error instanceof Error ? error.message : String(error));
        throw error;
      },
    );
  }
  if (!shareWebAssembly || !WEBASSEMBLY.test(url)) return fetchFromNetwork(input, init);
  firstWebAssembly ??= fetchFromNetwork(input, init).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.arrayBuffer();
  });
  return firstWebAssembly.then((bytes) => new Response(bytes.slice(0)));
};

importScripts(pagefindWorker);
