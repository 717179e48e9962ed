// The scoring worker of search-rank.js: Pagefind's own worker script (its address is the
// `pagefind` parameter of this script's), with one change. Pagefind fetches its WebAssembly for
// every instance it starts, and the scoring worker starts one per index part, each from the part's
// own folder: the same file (one Pagefind, one language) under another address, about 70 KB each.
// But a worker initialises its WebAssembly once and ignores the rest (wasm-bindgen's init returns
// the module it already has), so the first one fetched is handed to every later request for one.
'use strict';

const pagefindWorker = new URL(self.location.href).searchParams.get('pagefind');
const fetchFromNetwork = self.fetch.bind(self);
const WEBASSEMBLY = /\/wasm\.[^/?#]+\.pagefind(?:[?#]|$)/;
let firstWebAssembly = null;

self.fetch = (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (!WEBASSEMBLY.test(url)) return fetchFromNetwork(input, init);
  firstWebAssembly ??= fetchFromNetwork(input, init).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.arrayBuffer();
  });
  return firstWebAssembly.then((bytes) => new Response(bytes.slice(0)));
};

importScripts(pagefindWorker);
