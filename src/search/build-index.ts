// The index stage: Pagefind over the rendered pages, one part (years) at a time, each in its own
// indexer process, so Pagefind's memory is bounded by the largest part and a change rebuilds
// only the parts it touches. Pagefind's errors become build problems.

import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Progress } from '../cli/progress.ts';
import { writeFileAtomic } from '../fs-utils.ts';
import { readAhead } from '../read-ahead.ts';
import type { ProblemLog } from '../problems.ts';
import { isPartFolderName, partIndexesPage, yearFolderOf, type SearchPart } from './bundles.ts';
import { indexedContentHash } from './indexed-content.ts';
import type { LanguageStats } from './index-log.ts';
import { PageScratch } from './page-scratch.ts';
import { PagefindLanes } from './pagefind-lanes.ts';
import { hasIndexedBody, indexedPage, indexPart, readEntry, type IndexPage, type PartOutcome } from './part-indexer.ts';

export interface SearchIndexStats {
  /** Pages in the index (those with a data-pagefind-body), all languages and parts together. */
  pages: number;
  /** Distinct words indexed, summed over the language indexes of every part. */
  words: number;
  /** Filters indexed (section, year, …), the most any one language index of a part holds. */
  filters: number;
  /** Sort keys indexed. */
  sorts: number;
  /** Per language, over all parts: pages, words, filters, sorts. */
  languages: Record<string, LanguageStats>;
  /** Bytes of the written bundles (index, fragments, scripts). */
  bytes: number;
  files: number;
  /**
   * Parts indexed in this build, parts reused unchanged from the previous output, and which of
   * the built parts were indexed while the site was still rendering.
   */
  parts: { built: string[]; reused: string[]; streamed: string[] };
  /** Where the folders of pages Pagefind read were made (page-scratch.ts). */
  pageFolders: 'memory' | 'disk';
}

/** A page of the site and where its bytes are now (the staging folder, or the output for a kept page). */
export interface SitePage {
  /** `/`-separated path from the site root. */
  sitePath: string;
  file: string;
  /** `indexedContentHash` of the page when known, so the part's key needs no read. */
  indexed?: string;
}

export interface SearchIndexOptions {
  parts: SearchPart[];
  /** The previous output, whose unchanged parts are reused instead of rebuilt. */
  previousSiteDir?: string;
  /**
   * The build is committed into the previous output (an incremental build): a reused part's
   * bundle stays where it is there, instead of being hard-linked into `siteDir`.
   */
  commitsIntoPrevious?: boolean;
  progress?: Progress;
  /** The site's pages; when absent, the HTML files under `siteDir`. */
  pages?: readonly SitePage[];
  /** Parts already indexed while the site rendered (index-stream.ts), by name. */
  streamed?: ReadonlyMap<string, Promise<PartOutcome>>;
  /** The caller has counted the `streamed` parts in `progress` already, as each was done. */
  streamedCounted?: boolean;
  /** Where Pagefind's logs go (created and removed here); a new temporary folder when absent. */
  logDir?: string;
  /** The indexer processes to use (shared with the index stream); closed by whoever made them. Its own when absent. */
  lanes?: PagefindLanes;
  /** Where the folders of pages Pagefind reads go (removed by whoever made it); in `logDir` when absent. */
  scratch?: PageScratch;
}

/** Recorded in each bundle: which pages it was built from (one file per bundle, so shards never collide). */
const MANIFEST = 'broadsheet-part.json';
// Bump when the way parts are indexed changes, so old bundles are not reused.
// 3: merged parts keep their languages' WebAssembly and Pagefind's worker.
// 4: text that looks like Pagefind's markers is escaped in the pages it reads (part-indexer.ts).
const INDEX_FORMAT = 4;
/**
 * What a merged (non-primary) part needs: its entry, metadata, index, fragment and filter files,
 * and, for a query language the primary bundle may lack (an Arabic article only in 2023), the
 * WebAssembly of its languages and Pagefind's worker: the search page hosts that language's
 * instance on this part (basePath), and Pagefind loads both from an instance's basePath.
 * `pagefind.js` itself always comes from the primary. WebAssembly files no language of the part's
 * entry uses are removed after indexing (`pruneWasm`).
 */
const MERGED_PART_KEEPS = (name: string) =>
  name === 'pagefind-entry.json' ||
  name === MANIFEST ||
  name === 'pagefind-worker.js' ||
  /^wasm\.[\w-]+\.pagefind$/.test(name) ||
  name.endsWith('.pf_meta') ||
  ['fragment', 'index', 'filter'].includes(name);

/** Removes a merged part's WebAssembly files that none of its entry's languages loads. */
async function pruneWasm(bundleDir: string): Promise<void> {
  const entry = JSON.parse(await readFile(path.join(bundleDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { wasm?: string }> };
  const used = new Set(Object.values(entry.languages).map((language) => `wasm.${language.wasm ?? 'unknown'}.pagefind`));
  for (const name of await readdir(bundleDir)) {
    if (/^wasm\..+\.pagefind$/.test(name) && !used.has(name)) await rm(path.join(bundleDir, name), { force: true });
  }
}

interface Manifest {
  format: number;
  pagefind: string;
  name: string;
  key: string;
  /** The part's stats from Pagefind's log, kept so a reused part still counts. */
  languages?: Record<string, LanguageStats>;
  /** The bundle's own files (not other parts' folders), so a reused part's size needs no walk. */
  size?: { bytes: number; files: number };
  /** A delta bundle's pages (site paths), which the next build must not count as its part's own (delta-parts.ts). */
  pages?: string[];
  /**
   * The year folders of the pages the bundle was built from. A part's years can grow (a newer year
   * joins an older group at the new year) while its bundle stays where it is: the next build reads
   * here which of the part's pages the bundle holds (delta-parts.ts). Absent before 7 December 2026.
   */
  years?: string[];
}

async function pagesUnder(siteDir: string, folder: string): Promise<SitePage[]> {
  try {
    const entries = await readdir(path.join(siteDir, folder), { withFileTypes: true, recursive: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { sitePath: path.relative(siteDir, file).split(path.sep).join('/'), file };
      });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The year folders of a bundle's pages, in order. */
function yearsOfPages(pages: readonly SitePage[]): string[] {
  return [...new Set(pages.map((page) => yearFolderOf(page.sitePath)).filter((year) => year !== undefined))].sort();
}

/** The hash of everything Pagefind would read for a part: its pages' paths and contents. */
async function partKey(part: SearchPart, pages: SitePage[], pagefindVersion: string): Promise<string> {
  const pageHash = async (page: SitePage) => page.indexed ?? indexedContentHash(await readFile(page.file, 'utf8'));
  const digests: Array<[string, string]> = [];
  for await (const entry of readAhead(pages, async (page) => [page.sitePath, await pageHash(page)] as [string, string])) digests.push(entry);
  return keyOfPages(part, digests, pagefindVersion);
}

/** A part's key from its pages' site paths and `indexedContentHash`es, in path order. */
export function keyOfPages(part: Pick<SearchPart, 'bundlePath' | 'primary'>, pages: Iterable<readonly [string, string]>, pagefindVersion: string): string {
  const hash = createHash('sha256').update(`${INDEX_FORMAT}\0${pagefindVersion}\0${part.bundlePath}\0${part.primary}\0`);
  for (const [sitePath, digest] of pages) hash.update(`${sitePath}\0${digest}\0`);
  return hash.digest('hex');
}

async function readManifest(bundleDir: string): Promise<Manifest | undefined> {
  try {
    return JSON.parse(await readFile(path.join(bundleDir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/** The manifest of a bundle in the previous output that this Pagefind could reuse if its key matches, else undefined. */
async function reusableManifest(previousSiteDir: string | undefined, part: Pick<SearchPart, 'bundlePath'>, version: string): Promise<Manifest | undefined> {
  if (previousSiteDir === undefined) return undefined;
  const from = path.join(previousSiteDir, part.bundlePath);
  const previous = await readManifest(from);
  return previous?.format === INDEX_FORMAT && previous.pagefind === version && existsSync(path.join(from, 'pagefind-entry.json')) ? previous : undefined;
}

/** The manifest of the bundle at `bundlePath` in the previous output, if this Pagefind could reuse it. */
export async function previousBundleManifest(previousSiteDir: string, bundlePath: string): Promise<Manifest | undefined> {
  return reusableManifest(previousSiteDir, { bundlePath }, await pagefindVersion());
}

/** Hard-links a part's bundle from the previous output (copies where links are refused). */
async function reuseBundle(from: string, to: string, keep: (name: string) => boolean): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    // The primary bundle's folder also holds the other parts' folders (named by years).
    if (isPartFolderName(entry.name) || !keep(entry.name)) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) await reuseBundle(source, target, () => true);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}

/** A bundle's own files (not the folders of other parts that the primary's folder holds), as paths relative to it. */
export async function ownBundleFiles(bundleDir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(bundleDir, { withFileTypes: true, recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(bundleDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .filter((file) => !isPartFolderName(file.split('/')[0]!));
}

async function bundleSize(bundleDir: string): Promise<{ bytes: number; files: number }> {
  const files = await ownBundleFiles(bundleDir);
  let bytes = 0;
  // Synchronous: thousands of stats, each far cheaper than a promise's round trip.
  for (const file of files) bytes += statSync(path.join(bundleDir, file)).size;
  return { bytes, files: files.length };
}

/** The part's pages that Pagefind indexes (those with a data-pagefind-body), read from where they are, in the order given (`pagesOfPart`'s path order). */
async function* indexedPagesOf(pages: SitePage[]): AsyncGenerator<IndexPage> {
  for await (const page of readAhead(pages, async (page) => ({ sourcePath: page.sitePath, content: await readFile(page.file, 'utf8') }))) {
    if (hasIndexedBody(page.content)) yield { ...page, content: indexedPage(page.content) };
  }
}

/**
 * The parts that will be indexed whatever their pages turn out to be: the previous output has no
 * bundle for them that this Pagefind could reuse. These can be indexed while the site renders.
 */
export async function partsWithoutReusableBundle(parts: SearchPart[], previousSiteDir: string | undefined): Promise<SearchPart[]> {
  const version = await pagefindVersion();
  const without: SearchPart[] = [];
  for (const part of parts) if (!(await reusableManifest(previousSiteDir, part, version))) without.push(part);
  return without;
}

let installedPagefind: Promise<string> | undefined;
function pagefindVersion(): Promise<string> {
  const file = path.join(path.dirname(new URL(import.meta.resolve('pagefind')).pathname), '..', 'package.json');
  return (installedPagefind ??= readFile(file, 'utf8').then((text) => (JSON.parse(text) as { version: string }).version));
}

export async function buildSearchIndex(siteDir: string, problems: ProblemLog, options: SearchIndexOptions): Promise<SearchIndexStats | undefined> {
  const bundleRoot = path.join(siteDir, 'pagefind');
  const report = (where: string, errors: string[]) => {
    for (const error of errors) {
      problems.error({
        code: 'SEARCH_INDEX_FAILED',
        file: bundleRoot,
        message: `Pagefind could not ${where}: ${error}`,
        hint: 'The site is built but search may be incomplete; rerun the build, and report this if it persists.',
      });
    }
  };
  const version = await pagefindVersion();
  const built: string[] = [];
  const reused: string[] = [];
  const streamed: string[] = [];

  // The site's pages by year folder, grouped once: filtering every page for each part took
  // 0.6 s at 100,000 articles (21 parts of 142,000 pages).
  let pagesByYear: Map<string, SitePage[]> | undefined;
  const pagesOfYear = (year: string): SitePage[] => {
    if (!pagesByYear) {
      pagesByYear = new Map();
      for (const page of options.pages ?? []) {
        const folder = page.sitePath.endsWith('.html') ? yearFolderOf(page.sitePath) : undefined;
        if (folder === undefined) continue;
        const pages = pagesByYear.get(folder);
        if (pages) pages.push(page);
        else pagesByYear.set(folder, [page]);
      }
    }
    return pagesByYear.get(year) ?? [];
  };
  const pagesOfPart = async (part: SearchPart): Promise<SitePage[]> => {
    const pages = (options.pages ? part.years.flatMap(pagesOfYear) : (await Promise.all(part.years.map((year) => pagesUnder(siteDir, year)))).flat()).filter((page) =>
      partIndexesPage(part, page.sitePath),
    );
    return pages.sort((a, b) => (a.sitePath < b.sitePath ? -1 : a.sitePath > b.sitePath ? 1 : 0));
  };
  const work = await Promise.all(options.parts.map(async (part) => ({ part, pages: await pagesOfPart(part) })));
  // Counted in articles, part by part as each is done (in whatever order), like the parts
  // indexed while the site rendered, which the caller may have counted already (`streamedCounted`).
  options.progress?.setTotal(options.parts.reduce((sum, part) => sum + part.articles, 0));
  const counted = (part: SearchPart) => options.progress?.tick(part.articles);
  // An empty archive still gets a (empty) primary bundle, so the search page finds its scripts.
  if (work.length === 0) work.push({ part: { name: '', years: [], bundlePath: '/pagefind/', primary: true, articles: 0 }, pages: [] });

  const logDir = options.logDir ?? (await mkdtemp(path.join(os.tmpdir(), 'broadsheet-pagefind-')));
  await mkdir(logDir, { recursive: true });
  const lanes = options.lanes ?? new PagefindLanes();
  const scratch = options.scratch ?? PageScratch.inFolder(logDir);
  const partLanguages: Array<Record<string, LanguageStats>> = [];
  /** Where each part's bundle is once this stage is done: in `siteDir`, or left in the previous output. */
  const bundleDirs: string[] = [];
  let bytes = 0;
  let files = 0;
  const indexing: Array<Promise<unknown>> = [];
  try {
    // Every part to index is handed to the lanes first, so several are indexed at once; their
    // outcomes are then taken in order, the primary first (its folder holds the others).
    const planned = [];
    for (const [number, { part, pages }] of work.entries()) {
      const key = await partKey(part, pages, version);
      const previous = await reusableManifest(options.previousSiteDir, part, version);
      const reuse = options.previousSiteDir !== undefined && previous?.key === key ? previous : undefined;
      const outputPath = path.join(siteDir, part.bundlePath);
      const streamedOutcome = reuse ? undefined : options.streamed?.get(part.name);
      const outcome = reuse
        ? undefined
        : (streamedOutcome ??
          lanes.run(part.articles, async (cli, written) =>
            indexPart(cli, indexedPagesOf(pages), { outputPath, logfile: path.join(logDir, `part-${number}.log`), scratchDir: scratch.dirFor(`part-${number}`) }, written),
          ));
      if (outcome) indexing.push(outcome.catch(() => undefined));
      if (!outcome) counted(part);
      else if (!(streamedOutcome && options.streamedCounted)) outcome.then(() => counted(part), () => undefined);
      planned.push({ part, pages, key, reuse, streamed: streamedOutcome !== undefined, outcome, outputPath });
    }
    for (const { part, pages: partPages, key, reuse, streamed: wasStreamed, outcome: pending, outputPath } of planned) {
      let languages: Manifest['languages'];
      let size: NonNullable<Manifest['size']>;
      const keep = part.primary ? () => true : MERGED_PART_KEEPS;
      let bundleDir = outputPath;
      if (reuse) {
        const previousDir = path.join(options.previousSiteDir!, part.bundlePath);
        size = reuse.size ?? (await bundleSize(previousDir));
        languages = reuse.languages;
        if (options.commitsIntoPrevious) bundleDir = previousDir;
        else await reuseBundle(previousDir, outputPath, keep);
        reused.push(part.name);
      } else {
        if (wasStreamed) streamed.push(part.name);
        const outcome = await pending!;
        const { log } = outcome;
        report(`write the index of ${part.name || 'the archive'}`, outcome.errors);
        if (outcome.errors.length > 0) return undefined;
        for (const warning of log.warnings) {
          problems.warn({
            code: 'SEARCH_INDEX_WARNING',
            file: bundleRoot,
            message: `Pagefind: ${warning}`,
            hint: 'Search still works; the warning says which pages or elements Pagefind could not use as intended.',
          });
        }
        // Pagefind logs languages in hash order; sorted, the manifest is the same for the same pages.
        languages = Object.fromEntries(Object.entries(log.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        if (!part.primary) {
          for (const name of await readdir(outputPath)) if (!keep(name)) await rm(path.join(outputPath, name), { recursive: true, force: true });
          await pruneWasm(outputPath);
        }
        size = await bundleSize(outputPath);
        built.push(part.name);
      }
      // Atomic: the file may be a hard link into the previous output, which must stay as it was.
      // Built whole here, so its fields are in the same order however the part was made.
      const pages = part.deltaOf === undefined ? {} : { pages: [...(part.added ?? [])].sort() };
      const manifest: Manifest = { format: INDEX_FORMAT, pagefind: version, name: part.name, key, ...(languages ? { languages } : {}), size, ...pages, years: yearsOfPages(partPages) };
      const manifestText = `${JSON.stringify(manifest)}\n`;
      if (bundleDir === outputPath) await writeFileAtomic(path.join(outputPath, MANIFEST), manifestText);
      bytes += size.bytes + Buffer.byteLength(manifestText);
      files += size.files + 1;
      bundleDirs.push(bundleDir);
      partLanguages.push(languages ?? {});
    }
  } catch (error) {
    report('finish the index', [error instanceof Error ? error.message : String(error)]);
    return undefined;
  } finally {
    // Parts still being indexed when another failed must stop writing before the caller cleans up.
    await Promise.all(indexing);
    if (!options.lanes) await lanes.close();
    await rm(logDir, { recursive: true, force: true });
  }

  const languages: Record<string, LanguageStats> = {};
  for (const bundleDir of bundleDirs) {
    const entryFile = path.join(bundleDir, 'pagefind-entry.json');
    if (!existsSync(entryFile)) continue;
    const entry = await readEntry(entryFile);
    for (const [language, info] of Object.entries(entry.languages)) {
      const total = (languages[language] ??= { pages: 0, words: 0, filters: 0, sorts: 0 });
      total.pages += info.page_count;
    }
  }
  for (const logged of partLanguages) {
    for (const [language, stats] of Object.entries(logged)) {
      const total = (languages[language] ??= { pages: 0, words: 0, filters: 0, sorts: 0 });
      total.words += stats.words;
      total.filters = Math.max(total.filters, stats.filters);
      total.sorts = Math.max(total.sorts, stats.sorts);
    }
  }
  const all = Object.values(languages);
  return {
    pages: all.reduce((sum, stats) => sum + stats.pages, 0),
    words: all.reduce((sum, stats) => sum + stats.words, 0),
    filters: Math.max(0, ...all.map((stats) => stats.filters)),
    sorts: Math.max(0, ...all.map((stats) => stats.sorts)),
    languages,
    bytes,
    files,
    parts: { built, reused, streamed },
    pageFolders: scratch.inMemory ? 'memory' : 'disk',
  };
}

/** The index in the build's closing summary line. */
export function searchSummary(stats: SearchIndexStats): string {
  const languages = Object.keys(stats.languages).sort().join(', ');
  return `${stats.pages} pages (${languages || 'none'}), ${stats.words} words, ${stats.filters} filters, ${(stats.bytes / 1024).toFixed(0)} KB`;
}

/**
 * What committing an incremental build must remove from the previous output's bundles: the files
 * of a rebuilt part's old bundle that its new one lacks, and the folders of parts that no longer
 * exist (years regrouped). `rebuilt` names the parts whose new bundles are in `siteDir`.
 */
export async function staleBundleFiles(previousSiteDir: string, siteDir: string, parts: SearchPart[], rebuilt: readonly string[]): Promise<{ files: string[]; folders: string[] }> {
  const files: string[] = [];
  for (const part of parts.filter((candidate) => rebuilt.includes(candidate.name))) {
    const fresh = new Set(await ownBundleFiles(path.join(siteDir, part.bundlePath)));
    const bundle = part.bundlePath.replace(/^\//, '');
    for (const file of await ownBundleFiles(path.join(previousSiteDir, bundle))) if (!fresh.has(file)) files.push(`${bundle}${file}`);
  }
  const current = new Set(parts.map((part) => part.bundlePath));
  const folders = (await readdir(path.join(previousSiteDir, 'pagefind')).catch(() => [] as string[]))
    .filter((name) => isPartFolderName(name) && !current.has(`/pagefind/${name}/`))
    .map((name) => `pagefind/${name}`);
  return { files, folders };
}
