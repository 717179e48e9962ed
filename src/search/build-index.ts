// The index stage: Pagefind over the rendered pages, one part (years) at a time, each in its own
// indexer process, so Pagefind's memory is bounded by the largest part and a change rebuilds
// only the parts it touches. Pagefind's errors become build problems.

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { Progress } from '../cli/progress.ts';
import { settleChildProcesses } from '../cli/stage-meter.ts';
import { writeFileAtomic } from '../fs-utils.ts';
import { readAhead } from '../read-ahead.ts';
import type { ProblemLog } from '../problems.ts';
import { isPartFolderName, type SearchPart } from './bundles.ts';
import { indexedContentHash } from './indexed-content.ts';
import type { LanguageStats } from './index-log.ts';
import { byPath, hasIndexedBody, indexedPage, indexPart, readEntry, type IndexPage, type PartOutcome } from './part-indexer.ts';

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
}

export interface SearchIndexOptions {
  parts: SearchPart[];
  /** The previous output, whose unchanged parts are reused (hard-linked) instead of rebuilt. */
  previousSiteDir?: string;
  progress?: Progress;
  /** Content hashes of pages by absolute path, from the render stage; pages not in it are read. */
  pageHashes?: ReadonlyMap<string, string>;
  /** Parts already indexed while the site rendered (index-stream.ts), by name. */
  streamed?: ReadonlyMap<string, Promise<PartOutcome>>;
  /** Where Pagefind's logs go (created and removed here); a new temporary folder when absent. */
  logDir?: string;
}

/** Recorded in each bundle: which pages it was built from (one file per bundle, so shards never collide). */
const MANIFEST = 'broadsheet-part.json';
// Bump when the way parts are indexed changes, so old bundles are not reused.
const INDEX_FORMAT = 2;
/** What a merged (non-primary) part needs; Pagefind's scripts and WebAssembly come from the primary. */
const MERGED_PART_KEEPS = (name: string) => name === 'pagefind-entry.json' || name === MANIFEST || name.endsWith('.pf_meta') || ['fragment', 'index', 'filter'].includes(name);

interface Manifest {
  format: number;
  pagefind: string;
  name: string;
  key: string;
  /** The part's stats from Pagefind's log, kept so a reused part still counts. */
  languages?: Record<string, LanguageStats>;
}

async function htmlFilesUnder(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The hash of everything Pagefind would read for a part: its pages' paths and contents. */
async function partKey(siteDir: string, part: SearchPart, files: string[], pagefindVersion: string, known?: ReadonlyMap<string, string>): Promise<string> {
  const hash = createHash('sha256').update(`${INDEX_FORMAT}\0${pagefindVersion}\0${part.bundlePath}\0${part.primary}\0`);
  const pageHash = async (file: string) => known?.get(file) ?? indexedContentHash(await readFile(file, 'utf8'));
  for await (const [file, digest] of readAhead(files, async (file) => [file, await pageHash(file)] as const)) {
    hash.update(`${path.relative(siteDir, file)}\0${digest}\0`);
  }
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
async function reusableManifest(previousSiteDir: string | undefined, part: SearchPart, version: string): Promise<Manifest | undefined> {
  if (previousSiteDir === undefined) return undefined;
  const from = path.join(previousSiteDir, part.bundlePath);
  const previous = await readManifest(from);
  return previous?.format === INDEX_FORMAT && previous.pagefind === version && existsSync(path.join(from, 'pagefind-entry.json')) ? previous : undefined;
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

async function directorySize(dir: string): Promise<{ bytes: number; files: number }> {
  const files = (await readdir(dir, { withFileTypes: true, recursive: true })).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  let bytes = 0;
  for await (const size of readAhead(files, async (file) => (await stat(file)).size)) bytes += size;
  return { bytes, files: files.length };
}

/** The part's pages that Pagefind indexes (those with a data-pagefind-body), read from disk. */
async function indexedPagesOf(siteDir: string, files: string[]): Promise<IndexPage[]> {
  const pages: IndexPage[] = [];
  for await (const page of readAhead(files, async (file) => ({ sourcePath: path.relative(siteDir, file).split(path.sep).join('/'), content: await readFile(file, 'utf8') }))) {
    if (hasIndexedBody(page.content)) pages.push({ ...page, content: indexedPage(page.content) });
  }
  return pages.sort(byPath);
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

async function pagefindVersion(): Promise<string> {
  const file = path.join(path.dirname(new URL(import.meta.resolve('pagefind')).pathname), '..', 'package.json');
  return (JSON.parse(await readFile(file, 'utf8')) as { version: string }).version;
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

  const work = await Promise.all(
    options.parts.map(async (part) => ({ part, files: (await Promise.all(part.years.map((year) => htmlFilesUnder(path.join(siteDir, year))))).flat() })),
  );
  options.progress?.setTotal(work.reduce((sum, { files }) => sum + files.length, 0));
  // An empty archive still gets a (empty) primary bundle, so the search page finds its scripts.
  if (work.length === 0) work.push({ part: { name: '', years: [], bundlePath: '/pagefind/', primary: true, articles: 0 }, files: [] });

  const logDir = options.logDir ?? (await mkdtemp(path.join(os.tmpdir(), 'broadsheet-pagefind-')));
  await mkdir(logDir, { recursive: true });
  // One log per part: each index logs to the file it was created with.
  let partNumber = 0;
  const partLanguages: Array<Record<string, LanguageStats>> = [];
  try {
    // The primary first: its folder holds the others.
    for (const { part, files } of work) {
      const outputPath = path.join(siteDir, part.bundlePath);
      const key = await partKey(siteDir, part, files, version, options.pageHashes);
      const manifest: Manifest = { format: INDEX_FORMAT, pagefind: version, name: part.name, key };
      const previous = await reusableManifest(options.previousSiteDir, part, version);
      const keep = part.primary ? () => true : MERGED_PART_KEEPS;
      if (options.previousSiteDir !== undefined && previous?.key === key) {
        await reuseBundle(path.join(options.previousSiteDir, part.bundlePath), outputPath, keep);
        if (previous.languages) manifest.languages = previous.languages;
        reused.push(part.name);
      } else {
        const streamedOutcome = options.streamed?.get(part.name);
        if (streamedOutcome) streamed.push(part.name);
        const outcome = await (streamedOutcome ?? indexPart(await indexedPagesOf(siteDir, files), outputPath, path.join(logDir, `part-${partNumber++}.log`)));
        const { log } = outcome;
        const failed = (where: PartOutcome['errors'][number]['where']) => outcome.errors.filter((error) => error.where === where).map((error) => error.message);
        report('start', failed('start'));
        report(`index the pages of ${part.name}`, failed('index'));
        report(`write the index of ${part.name || 'the archive'}`, failed('write'));
        if (failed('start').length > 0 || failed('write').length > 0) return undefined;
        for (const warning of log.warnings) {
          problems.warn({
            code: 'SEARCH_INDEX_WARNING',
            file: bundleRoot,
            message: `Pagefind: ${warning}`,
            hint: 'Search still works; the warning says which pages or elements Pagefind could not use as intended.',
          });
        }
        // Pagefind logs languages in hash order; sorted, the manifest is the same for the same pages.
        manifest.languages = Object.fromEntries(Object.entries(log.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        // The indexer process is kept for the next part: deleteIndex frees this part's memory for
        // reuse, so its peak stays that of the largest part. (Closing and restarting the service
        // between parts raced with its last replies and failed now and then under load.)
        if (!part.primary) {
          for (const name of await readdir(outputPath)) if (!keep(name)) await rm(path.join(outputPath, name), { recursive: true, force: true });
        }
        built.push(part.name);
      }
      // Atomic: the file may be a hard link into the previous output, which must stay as it was.
      await writeFileAtomic(path.join(outputPath, MANIFEST), `${JSON.stringify(manifest)}\n`);
      partLanguages.push(manifest.languages ?? {});
      options.progress?.tick(files.length);
    }
  } catch (error) {
    report('finish the index', [error instanceof Error ? error.message : String(error)]);
    return undefined;
  } finally {
    await pagefind.close();
    await settleChildProcesses('pagefind');
    await rm(logDir, { recursive: true, force: true });
  }

  const languages: Record<string, LanguageStats> = {};
  for (const { part } of work) {
    const entryFile = path.join(siteDir, part.bundlePath, 'pagefind-entry.json');
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
    ...(await directorySize(bundleRoot)),
    parts: { built, reused, streamed },
  };
}

/** The index in the build's closing summary line. */
export function searchSummary(stats: SearchIndexStats): string {
  const languages = Object.keys(stats.languages).sort().join(', ');
  return `${stats.pages} pages (${languages || 'none'}), ${stats.words} words, ${stats.filters} filters, ${(stats.bytes / 1024).toFixed(0)} KB`;
}
