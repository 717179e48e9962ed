// The index stage: Pagefind's Node API over the rendered pages, in the build's own process.
// Pagefind's errors come back as values and become build problems; its log gives the stats.

import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { ProblemLog } from '../problems.ts';
import { parseIndexLog, type LanguageStats } from './index-log.ts';

export interface SearchIndexStats {
  /** Pages in the index (those with a data-pagefind-body), all languages together. */
  pages: number;
  /** Distinct words indexed, summed over the language indexes. */
  words: number;
  /** Filters indexed (section, year, …), as Pagefind counts them over all languages. */
  filters: number;
  /** Sort keys indexed. */
  sorts: number;
  /** Per language index: pages, words, filters, sorts. */
  languages: Record<string, LanguageStats>;
  /** Bytes of the written bundle (index, fragments, scripts). */
  bytes: number;
  files: number;
}

async function directorySize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { bytes, files };
}

/**
 * Pagefind's Node API never settles a call whose binary crashed (a Rust panic, e.g. when it
 * cannot write the bundle): the promise just hangs and Node exits when nothing else is left.
 * While a request is in flight the service keeps the event loop alive, so the loop emptying
 * ("beforeExit") means the service died; that rejects the call instead.
 */
async function guarded<T>(call: Promise<T>): Promise<T> {
  let onEmptyLoop: (() => void) | undefined;
  const died = new Promise<never>((_resolve, reject) => {
    onEmptyLoop = () => reject(new Error('the Pagefind process stopped without answering (it may have crashed; its own message is printed above)'));
    process.once('beforeExit', onEmptyLoop);
  });
  try {
    return await Promise.race([call, died]);
  } finally {
    process.off('beforeExit', onEmptyLoop!);
  }
}

export async function buildSearchIndex(siteDir: string, problems: ProblemLog): Promise<SearchIndexStats | undefined> {
  const bundle = path.join(siteDir, 'pagefind');
  const report = (where: string, errors: string[]) => {
    for (const error of errors) {
      problems.error({
        code: 'SEARCH_INDEX_FAILED',
        file: bundle,
        message: `Pagefind could not ${where}: ${error}`,
        hint: 'The site is built but search may be incomplete; rerun the build, and report this if it persists.',
      });
    }
  };
  // Pagefind reports words, filters and sorts only in its log, so it logs to a private file.
  const logDir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-pagefind-'));
  const logfile = path.join(logDir, 'pagefind.log');
  try {
    const created = await guarded(pagefind.createIndex({ logfile }));
    if (!created.index) {
      report('start', created.errors);
      return undefined;
    }
    const { index } = created;
    const added = await guarded(index.addDirectory({ path: siteDir }));
    report('index the pages', added.errors);
    const written = await guarded(index.writeFiles({ outputPath: bundle }));
    report('write the index', written.errors);
    await guarded(index.deleteIndex());
    if (written.errors.length > 0) return undefined;

    const log = parseIndexLog(await readFile(logfile, 'utf8').catch(() => ''));
    for (const warning of log.warnings) {
      problems.warn({
        code: 'SEARCH_INDEX_WARNING',
        file: bundle,
        message: `Pagefind: ${warning}`,
        hint: 'Search still works; the warning says which pages or elements Pagefind could not use as intended.',
      });
    }
    // The entry file is what the browser reads: it is the authority on pages per language.
    const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const languages: Record<string, LanguageStats> = {};
    for (const [language, info] of Object.entries(entry.languages)) {
      const logged = log.languages[language];
      languages[language] = { pages: info.page_count, words: logged?.words ?? 0, filters: logged?.filters ?? 0, sorts: logged?.sorts ?? 0 };
    }
    const sum = (key: keyof LanguageStats) => Object.values(languages).reduce((total, stats) => total + stats[key], 0);
    return {
      pages: sum('pages'),
      words: sum('words'),
      filters: Math.max(0, ...Object.values(languages).map((stats) => stats.filters)),
      sorts: Math.max(0, ...Object.values(languages).map((stats) => stats.sorts)),
      languages,
      ...(await directorySize(bundle)),
    };
  } catch (error) {
    report('finish the index', [error instanceof Error ? error.message : String(error)]);
    return undefined;
  } finally {
    await pagefind.close();
    await rm(logDir, { recursive: true, force: true });
  }
}

/** The index in the build's closing summary line. */
export function searchSummary(stats: SearchIndexStats): string {
  const languages = Object.keys(stats.languages).sort().join(', ');
  return `${stats.pages} pages (${languages || 'none'}), ${stats.words} words, ${stats.filters} filters, ${(stats.bytes / 1024).toFixed(0)} KB`;
}
