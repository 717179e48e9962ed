// What a first search on a built site downloads, computed from the files on disk by following
// what the search page does (assets/search.js on assets/search-engine.js): the page, its styles
// and scripts (gzip-compressed, as static hosts serve them), Pagefind's script, worker and
// WebAssembly, then for every index part of the first wave its entry file, and for each of its
// language indexes Pagefind's fetch of the entry file, the metadata and the index chunk the query
// word falls in; filter data when the page loads it with the results (an archive searched in one
// wave); and the fragments of the first page of results. A query the first wave cannot give a page
// of results for makes the page merge the next wave, and the model counts that wave too.
// Pagefind's own files are already compressed and count as they are.

import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export type TransferKind = 'scripts' | 'wasm' | 'entries' | 'meta' | 'index' | 'filters' | 'fragments';

export interface SearchTransfer {
  query: string;
  /**
   * Bytes the browser downloads from a host that sends cache validators (ETag or Last-Modified),
   * as static hosts do: a file asked for again in the same search comes from the browser's cache,
   * or as a 304 without a body, unless it is fetched past the cache (PlannedFetch.uncached).
   */
  bytes: number;
  /** Bytes by kind, each file once: scripts (the page, its styles, icon and scripts, Pagefind's), wasm, entries, meta, index, filters, fragments. */
  parts: Record<TransferKind, number>;
  /** Bytes from a host that sends no validators (or `Cache-Control: no-store`): every fetch downloads the file again. */
  uncachedBytes: number;
  /** Index parts (bundles) the first search merges. */
  bundles: number;
  /** Waves the archive is searched in, and how many of them the first search merged. */
  waves: number;
  wavesSearched: number;
}

/** One file a first search fetches, by its site path (no path prefix), as often as it is fetched. */
export interface PlannedFetch {
  path: string;
  kind: Exclude<TransferKind, 'fragments'>;
  bytes: number;
  /**
   * Fetched past the browser's cache, so downloaded every time: Pagefind asks for its entry file
   * with a time stamp (`pagefind-entry.json?ts=…`), and Chromium fetches a worker's script for
   * every worker it starts. Any other file the page asks for again comes from the cache.
   */
  uncached?: true;
}

export interface FirstSearchPlan {
  query: string;
  fetches: PlannedFetch[];
  /** Index parts merged, by bundle site path, and how many waves. */
  bundles: string[];
  waves: number;
  wavesSearched: number;
  /** Pages of the merged parts matching every query word (see pagesMatching). */
  matches: number;
  /**
   * The first page's fragments: which results rank first is Pagefind's choice, so `bytes` is the
   * mean fragment of the matching pages times `count`, between `smallest` and `largest`, the sums
   * of the `count` smallest and largest of them.
   */
  fragments: { count: number; bytes: number; smallest: number; largest: number };
}

/** Results the page shows, and loads fragments for, at first: PAGE_SIZE in assets/search.js. */
export const FIRST_PAGE_RESULTS = 10;

/** A part as the search page lists it (data-search-parts). */
interface PagePart {
  bundle: string;
  from?: string;
  to?: string;
  articles: number;
  wave: number;
}

interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string; page_count: number }>;
}

/** A minimal CBOR reader: enough for Pagefind's metadata and index chunks (arrays, maps, strings, integers). */
function decodeCbor(bytes: Uint8Array): unknown {
  let offset = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return bytes[offset++]!;
    if (info === 25) return (offset += 2), view.getUint16(offset - 2);
    if (info === 26) return (offset += 4), view.getUint32(offset - 4);
    if (info === 27) return (offset += 8), Number(view.getBigUint64(offset - 8));
    throw new Error(`unsupported CBOR length ${info} at ${offset}`);
  };
  const item = (): unknown => {
    const initial = bytes[offset++]!;
    const major = initial >> 5;
    const info = initial & 31;
    switch (major) {
      case 0:
        return length(info);
      case 1:
        return -1 - length(info);
      case 2:
      case 3: {
        const size = length(info);
        const slice = bytes.subarray(offset, offset + size);
        offset += size;
        return major === 3 ? new TextDecoder().decode(slice) : slice;
      }
      case 4:
        return Array.from({ length: length(info) }, item);
      case 5: {
        const map = new Map<unknown, unknown>();
        for (let i = length(info); i > 0; i--) map.set(item(), item());
        return map;
      }
      case 7:
        return info === 20 ? false : info === 21 ? true : null;
      default:
        throw new Error(`unsupported CBOR type ${major}`);
    }
  };
  return item();
}

/** Pagefind's files are gzip with a `pagefind_dcd` signature in front of the payload. */
async function readPagefindFile(file: string): Promise<Uint8Array> {
  const data = gunzipSync(await readFile(file));
  const signature = 'pagefind_dcd';
  return new TextDecoder().decode(data.subarray(0, signature.length)) === signature ? data.subarray(signature.length) : data;
}

/** The index chunks (`[from, to, hash]`, in order) of each language index of a Pagefind bundle folder. */
export async function readIndexChunks(bundleDir: string): Promise<Record<string, Array<[string, string, string]>>> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const out: Record<string, Array<[string, string, string]>> = {};
  for (const [language, index] of Object.entries(entry.languages)) {
    const meta = decodeCbor(await readPagefindFile(path.join(bundleDir, `pagefind.${index.hash}.pf_meta`))) as unknown[];
    out[language] = (meta[2] ?? []) as Array<[string, string, string]>;
  }
  return out;
}

const size = async (file: string) => (await stat(file)).size;
const gzipSize = async (file: string) => gzipSync(await readFile(file), { level: 6 }).length;

const decodeAttribute = (value: string) => value.replace(/&quot;|&#34;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Pagefind's choice of index for a language: exact, then primary subtag, then the largest. */
function chooseLanguage(languages: PagefindEntry['languages'], wanted: string): string | undefined {
  const lower = wanted.toLowerCase();
  if (languages[lower]) return lower;
  const primary = lower.split('-')[0]!;
  if (languages[primary]) return primary;
  return Object.entries(languages).sort((a, b) => b[1].page_count - a[1].page_count)[0]?.[0];
}

/** The words of a query as Pagefind looks them up: lower case, no punctuation, no diacritics. */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/\s+/)
    .filter(Boolean);
}

/**
 * The index chunk Pagefind loads for a word (pagefind_web's request_indexes): the first chunk
 * whose bounds hold it, compared as bytes; failing that, the first whose bounds hold it when both
 * are cut to the shorter length (a chunk that may hold an extension of the word).
 */
export function chunkForWord<T extends [string, string, string]>(chunks: readonly T[], word: string): T | undefined {
  const bytes = Buffer.from(word);
  const strict = chunks.find(([from, to]) => Buffer.compare(bytes, Buffer.from(from)) >= 0 && Buffer.compare(bytes, Buffer.from(to)) <= 0);
  if (strict) return strict;
  return chunks.find(([from, to]) => {
    const fromBytes = Buffer.from(from);
    const toBytes = Buffer.from(to);
    const fromLength = Math.min(bytes.length, fromBytes.length);
    const toLength = Math.min(bytes.length, toBytes.length);
    return Buffer.compare(bytes.subarray(0, fromLength), fromBytes.subarray(0, fromLength)) >= 0 && Buffer.compare(bytes.subarray(0, toLength), toBytes.subarray(0, toLength)) <= 0;
  });
}

/**
 * The index chunks the search page has Pagefind load for a word: the one `chunkForWord` names,
 * and the one where the last word extending it sorts (assets/search-engine.js preloads the word
 * followed by U+10FFFF), often the same.
 */
export function chunksForWord<T extends [string, string, string]>(chunks: readonly T[], word: string): string[] {
  const hashes = [chunkForWord(chunks, word)?.[2], chunkForWord(chunks, `${word}\u{10FFFF}`)?.[2]];
  return [...new Set(hashes.filter((hash) => hash !== undefined))];
}

/**
 * The pages an index chunk's words match `word` on, as Pagefind's search does
 * (find_word_extensions): every word that starts with the query's stem, or failing that the
 * longest word the stem starts with. Pagefind stems the query with Snowball, which for English
 * cuts endings, so the stem is the query or a prefix of it; without a stemmer here, the stem is
 * taken as the query when some word extends it, else as the longest word it starts with (for
 * "harbours", "harbour"). Postings give each page as the difference from the one before.
 */
export function pagesMatching(words: ReadonlyArray<[string, ReadonlyArray<[number, ...unknown[]]>]>, word: string): Set<number> {
  let stem = word;
  if (!words.some(([indexed]) => indexed.startsWith(word))) {
    const prefixes = words.map(([indexed]) => indexed).filter((indexed) => word.startsWith(indexed));
    const longest = prefixes.sort((a, b) => b.length - a.length)[0];
    if (longest === undefined) return new Set();
    stem = longest;
  }
  const pages = new Set<number>();
  for (const [indexed, postings] of words) {
    if (!indexed.startsWith(stem)) continue;
    let page = 0;
    for (const [delta] of postings) pages.add((page += delta));
  }
  return pages;
}

/** The search page's parts, language, base URL and the styles and scripts it links. */
async function readSearchPage(siteDir: string) {
  const file = path.join(siteDir, 'search', 'index.html');
  const html = await readFile(file, 'utf8');
  const attribute = (name: string) => {
    const match = new RegExp(`${name}="([^"]*)"`).exec(html);
    if (!match) throw new Error(`${file} has no ${name}; is it a Broadsheet search page?`);
    return decodeAttribute(match[1]!);
  };
  const baseUrl = attribute('data-base-url');
  const parts = JSON.parse(attribute('data-search-parts')) as PagePart[];
  const language = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'en';
  // Stylesheets, the icon (browsers fetch it with the page) and scripts.
  const linked = [...html.matchAll(/<link rel="(?:stylesheet|icon)" href="([^"]+)"/g), ...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => decodeAttribute(match[1]!));
  // Site paths: the page's URLs carry the path prefix, the files on disk do not.
  const sitePath = (url: string) => (url.startsWith(baseUrl) ? `/${url.slice(baseUrl.length)}` : url);
  return { file, html, language, parts: parts.map((part) => ({ ...part, bundle: sitePath(part.bundle) })), linked: linked.map(sitePath) };
}

/**
 * A module and the modules it imports statically (`import … from './x.js'`, also minified on one
 * line: `import{a as b}from"./x.js"`; not `import(…)`), as site paths.
 */
async function moduleGraph(siteDir: string, sitePath: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(sitePath)) return seen;
  seen.add(sitePath);
  const text = await readFile(path.join(siteDir, sitePath), 'utf8');
  for (const match of text.matchAll(/(?:^|[;}\s])import\s*(?:[^'"();]*?\bfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
    await moduleGraph(siteDir, path.posix.join(path.posix.dirname(sitePath), match[1]!), seen);
  }
  return seen;
}

/** What the first search for `query` on the built site at `siteDir` fetches, file by file. */
export async function planFirstSearch(siteDir: string, query: string): Promise<FirstSearchPlan> {
  const page = await readSearchPage(siteDir);
  const fetches: PlannedFetch[] = [];
  const fetch = async (sitePath: string, kind: PlannedFetch['kind'], compress: boolean, uncached = false) => {
    const file = path.join(siteDir, sitePath);
    fetches.push({ path: sitePath, kind, bytes: compress ? await gzipSize(file) : await size(file), ...(uncached ? { uncached } : {}) });
  };

  await fetch('/search/index.html', 'scripts', true);
  for (const linked of page.linked) {
    if (linked.endsWith('.js')) for (const module of await moduleGraph(siteDir, linked)) await fetch(module, 'scripts', true);
    else await fetch(linked, 'scripts', true);
  }
  const [primary] = page.parts;
  if (!primary) throw new Error(`${page.file} lists no index parts`);
  await fetch(`${primary.bundle}pagefind.js`, 'scripts', true);
  // Pagefind's worker runs through search-rank-worker.js, which reports chunks it cannot fetch.
  await fetch('/assets/search-rank-worker.js', 'scripts', true, true);
  await fetch(`${primary.bundle}pagefind-worker.js`, 'scripts', true);

  const waves: PagePart[][] = [];
  for (const part of page.parts) (waves[part.wave] ??= []).push(part);
  const waveList = waves.filter(Boolean);
  // Filter data comes with the first results only on an archive searched in one wave.
  const withFilters = waveList.length === 1;
  const words = queryWords(query);
  const fragmentSizes: number[] = [];
  const bundles: string[] = [];
  let matches = 0;
  let wavesSearched = 0;

  for (const wave of waveList) {
    for (const part of wave) {
      bundles.push(part.bundle);
      const dir = path.join(siteDir, part.bundle);
      const entryPath = `${part.bundle}pagefind-entry.json`;
      if (!existsSync(path.join(siteDir, entryPath))) throw new Error(`${path.join(siteDir, entryPath)} is missing: the search page lists a part that was not built`);
      // The engine reads the entry to learn the languages; then Pagefind reads it once per language index.
      await fetch(entryPath, 'entries', true);
      const entry = JSON.parse(await readFile(path.join(siteDir, entryPath), 'utf8')) as PagefindEntry;
      if (part === primary) {
        const pageIndex = entry.languages[chooseLanguage(entry.languages, page.language) ?? ''];
        await fetch(`${part.bundle}wasm.${pageIndex?.wasm ?? 'unknown'}.pagefind`, 'wasm', false);
      }
      for (const index of Object.values(entry.languages)) {
        await fetch(entryPath, 'entries', true, true);
        await fetch(`${part.bundle}pagefind.${index.hash}.pf_meta`, 'meta', false);
        const meta = decodeCbor(await readPagefindFile(path.join(dir, `pagefind.${index.hash}.pf_meta`))) as unknown[];
        // [version, pages [hash, words], index chunks [from, to, hash], filters [name, hash], sorts, meta fields]
        const pages = (meta[1] ?? []) as Array<[string, number]>;
        const chunks = (meta[2] ?? []) as Array<[string, string, string]>;
        let matching: Set<number> | undefined;
        for (const hash of new Set(words.flatMap((word) => chunksForWord(chunks, word)))) {
          await fetch(`${part.bundle}index/${hash}.pf_index`, 'index', false);
        }
        for (const word of words) {
          const indexed: Array<[string, Array<[number, ...unknown[]]>]> = [];
          for (const hash of chunksForWord(chunks, word)) {
            const decoded = decodeCbor(await readPagefindFile(path.join(dir, 'index', `${hash}.pf_index`))) as [Array<[string, Array<[number, ...unknown[]]>]>];
            indexed.push(...(decoded[0] ?? []));
          }
          const found = pagesMatching(indexed, word);
          matching = matching === undefined ? found : new Set([...matching].filter((pageNumber) => found.has(pageNumber)));
        }
        for (const pageNumber of matching ?? []) {
          const hash = pages[pageNumber]?.[0];
          if (hash !== undefined) fragmentSizes.push(await size(path.join(dir, 'fragment', `${hash}.pf_fragment`)));
        }
        matches += matching?.size ?? 0;
        if (withFilters) for (const [, hash] of (meta[3] ?? []) as Array<[string, string]>) await fetch(`${part.bundle}filter/${hash}.pf_filter`, 'filters', false);
      }
    }
    wavesSearched++;
    // By relevance the page merges older waves until there is a page of results.
    if (matches >= FIRST_PAGE_RESULTS) break;
  }

  // By relevance, a language with two or more merged parts is scored again as one index would
  // score it (assets/search-rank.js), when the engine's own language is one of them and there are
  // results to order: a worker of its own (search-rank-worker.js running Pagefind's worker script),
  // which fetches one WebAssembly, its first instance's (the host part's, in the engine's
  // language), and per part of such a language an instance of its own, which reads the entry,
  // the metadata and the query's index chunks again.
  const searched = waveList.slice(0, wavesSearched).flat();
  const indexes: Array<{ part: PagePart; entryPath: string; hash: string; wasm: string; language: string }> = [];
  for (const part of searched) {
    const entryPath = `${part.bundle}pagefind-entry.json`;
    const entry = JSON.parse(await readFile(path.join(siteDir, entryPath), 'utf8')) as PagefindEntry;
    for (const [language, index] of Object.entries(entry.languages)) indexes.push({ part, entryPath, hash: index.hash, wasm: index.wasm ?? 'unknown', language });
  }
  const partsOf = (language: string) => indexes.filter((index) => index.language === language).length;
  const primaryEntry = JSON.parse(await readFile(path.join(siteDir, `${primary.bundle}pagefind-entry.json`), 'utf8')) as PagefindEntry;
  const engineLanguage = chooseLanguage(primaryEntry.languages, page.language) ?? '';
  if (matches >= 2 && words.length > 0 && !/^\s*".+"\s*$/.test(query) && partsOf(engineLanguage) > 1) {
    await fetch('/assets/search-rank-worker.js', 'scripts', true, true);
    await fetch(`${primary.bundle}pagefind-worker.js`, 'scripts', true);
    const hostIndex = primaryEntry.languages[engineLanguage];
    await fetch(`${primary.bundle}wasm.${hostIndex?.wasm ?? 'unknown'}.pagefind`, 'wasm', false);
    for (const index of indexes.filter((candidate) => partsOf(candidate.language) > 1)) {
      await fetch(index.entryPath, 'entries', true, true);
      await fetch(`${index.part.bundle}pagefind.${index.hash}.pf_meta`, 'meta', false);
      const meta = decodeCbor(await readPagefindFile(path.join(siteDir, index.part.bundle, `pagefind.${index.hash}.pf_meta`))) as unknown[];
      const chunks = (meta[2] ?? []) as Array<[string, string, string]>;
      for (const hash of new Set(words.map((word) => chunkForWord(chunks, word)?.[2]).filter((hash) => hash !== undefined))) {
        await fetch(`${index.part.bundle}index/${hash}.pf_index`, 'index', false);
      }
    }
  }

  const count = Math.min(FIRST_PAGE_RESULTS, fragmentSizes.length);
  const sorted = [...fragmentSizes].sort((a, b) => a - b);
  const total = sorted.reduce((sum, bytes) => sum + bytes, 0);
  return {
    query,
    fetches,
    bundles,
    waves: waveList.length,
    wavesSearched,
    matches,
    fragments: {
      count,
      bytes: sorted.length === 0 ? 0 : Math.round((total / sorted.length) * count),
      smallest: sorted.slice(0, count).reduce((sum, bytes) => sum + bytes, 0),
      largest: sorted.slice(sorted.length - count).reduce((sum, bytes) => sum + bytes, 0),
    },
  };
}

/**
 * The first search on the built site at `siteDir` for `query`, summed by kind. The plan lists a
 * file as often as the page asks for it (the ranking worker asks again for the WebAssembly and
 * each part's metadata and index chunks); from an ordinary static host only the first of those
 * downloads it, so `bytes` counts such a file once, and `uncachedBytes` every fetch.
 */
export async function firstSearchTransfer(siteDir: string, query: string): Promise<SearchTransfer> {
  const plan = await planFirstSearch(siteDir, query);
  const parts: SearchTransfer['parts'] = { scripts: 0, wasm: 0, entries: 0, meta: 0, index: 0, filters: 0, fragments: plan.fragments.bytes };
  const downloaded = new Set<string>();
  let uncachedBytes = plan.fragments.bytes;
  for (const fetched of plan.fetches) {
    uncachedBytes += fetched.bytes;
    if (downloaded.has(fetched.path) && !fetched.uncached) continue;
    downloaded.add(fetched.path);
    parts[fetched.kind] += fetched.bytes;
  }
  const bytes = Object.values(parts).reduce((sum, value) => sum + value, 0);
  return { query, bytes, parts, uncachedBytes, bundles: plan.bundles.length, waves: plan.waves, wavesSearched: plan.wavesSearched };
}
