// What a first search on a built site downloads, computed from its Pagefind bundles: the search
// UI and Pagefind's scripts (gzip-compressed, as any static host serves them), the WebAssembly
// once, then per bundle its entry file, its metadata and the index chunk holding the query
// word, and the fragments of the first page of results. Pagefind's own files are already
// compressed and count as they are.

import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

export interface SearchTransfer {
  query: string;
  bytes: number;
  /** Bytes by kind: scripts (UI, Pagefind, CSS), wasm, entry, meta, index, fragments. */
  parts: Record<'scripts' | 'wasm' | 'entries' | 'meta' | 'index' | 'fragments', number>;
  bundles: number;
}

/** Results the default UI shows (and loads fragments for) before "load more". */
const FIRST_RESULTS = 5;
const SCRIPTS = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind.js', 'pagefind-worker.js'];

/** A minimal CBOR reader: enough for Pagefind's metadata (arrays, maps, strings, integers). */
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

const size = async (file: string) => (await stat(file)).size;
const gzipSize = async (file: string) => gzipSync(await readFile(file), { level: 6 }).length;

/** The first search on the built site at `siteDir` for `query`, through the bundles in `bundlePaths` (primary first). */
export async function firstSearchTransfer(siteDir: string, bundlePaths: string[], query: string, language = 'en'): Promise<SearchTransfer> {
  const parts: SearchTransfer['parts'] = { scripts: 0, wasm: 0, entries: 0, meta: 0, index: 0, fragments: 0 };
  const word = query.toLowerCase();
  const [primary] = bundlePaths;
  if (primary === undefined) throw new Error('no search bundles');
  const primaryDir = path.join(siteDir, primary);
  for (const script of SCRIPTS) if (existsSync(path.join(primaryDir, script))) parts.scripts += await gzipSize(path.join(primaryDir, script));
  let fragmentBytes = 0;
  let fragmentCount = 0;
  let loadedWasm = false;
  for (const bundle of bundlePaths) {
    const dir = path.join(siteDir, bundle);
    const entryFile = path.join(dir, 'pagefind-entry.json');
    if (!existsSync(entryFile)) continue;
    parts.entries += await gzipSize(entryFile);
    const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { languages: Record<string, { hash: string; wasm?: string; page_count: number }> };
    // Pagefind falls back to the bundle's largest language when the page's is missing.
    const index = entry.languages[language] ?? Object.values(entry.languages).sort((a, b) => b.page_count - a.page_count)[0];
    if (!index) continue;
    if (!loadedWasm) {
      parts.wasm += await size(path.join(primaryDir, `wasm.${index.wasm ?? 'unknown'}.pagefind`));
      loadedWasm = true;
    }
    const metaFile = path.join(dir, `pagefind.${index.hash}.pf_meta`);
    parts.meta += await size(metaFile);
    const meta = decodeCbor(await readPagefindFile(metaFile)) as unknown[];
    // [version, pages, index chunks [from, to, hash], filters, sorts]
    const chunks = (meta[2] ?? []) as Array<[string, string, string]>;
    // Chunk bounds are the shortest prefixes that tell chunks apart: compare at their length.
    const chunk = chunks.find(([from, to]) => word.slice(0, from.length) >= from && word.slice(0, to.length) <= to);
    if (chunk) parts.index += await size(path.join(dir, 'index', `${chunk[2]}.pf_index`));
    const fragmentDir = path.join(dir, 'fragment');
    if (existsSync(fragmentDir)) {
      for (const name of await readdir(fragmentDir)) {
        fragmentBytes += await size(path.join(fragmentDir, name));
        fragmentCount++;
      }
    }
  }
  // Which pages rank first depends on the query; the average fragment stands in for them.
  parts.fragments = fragmentCount === 0 ? 0 : Math.round((fragmentBytes / fragmentCount) * Math.min(FIRST_RESULTS, fragmentCount));
  const bytes = Object.values(parts).reduce((sum, value) => sum + value, 0);
  return { query, bytes, parts, bundles: bundlePaths.length };
}
