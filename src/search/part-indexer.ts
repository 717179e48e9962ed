// Indexes one part of the archive: its pages (cut down to what Pagefind reads) are written to a
// folder of their own, then Pagefind's command-line indexer (pagefind-cli.ts) turns that folder
// into the part's bundle.

import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FileThread } from '../file-thread.ts';
import { parseIndexLog, type IndexLog } from './index-log.ts';
import { indexedContent } from './indexed-content.ts';
import type { PartIndexer } from './pagefind-cli.ts';

/** A page for the index: its path relative to the site root (Pagefind derives the URL) and its HTML. */
export interface IndexPage {
  sourcePath: string;
  content: string;
}

export interface PartOutcome {
  /** What Pagefind printed when it failed; empty when the bundle was written. */
  errors: string[];
  log: IndexLog;
}

export function hasIndexedBody(html: string): boolean {
  return html.includes('data-pagefind-body');
}

/**
 * The page as Pagefind needs it: its language and its data-pagefind-body element (which holds
 * the page's meta, filter and sort elements). Pagefind ignores everything else on a page with
 * such an element, so the bundle is the same as from the whole page.
 */
export function indexedPage(html: string): string {
  return pageOfIndexedContent(indexedContent(html));
}

/** `indexedPage` from `indexedContent`'s result, for a caller that has it already. */
export function pageOfIndexedContent(indexed: string): string {
  const [language, body = ''] = indexed.split('\0');
  return `<!doctype html><html lang="${language}"><body>${escapePagefindMarkers(body)}</body></html>`;
}

// Pagefind marks weights and anchors in the text it reads with words of its own
// (`___PAGEFIND_WEIGHT___2`, `___END_PAGEFIND_WEIGHT___`, `___PAGEFIND_ANCHOR___h2:id`) and acts on
// any word of the text that starts like one: it drops the word and, for a weight, scales every
// word up to the end marker (an article could rank itself first for any word it holds), and it
// cuts `___PAGEFIND_` onwards out of meta and filter values. Entities do not help (Pagefind reads
// `&#95;` as `_`); a zero-width space after the first underscore does: Pagefind removes it from
// the words it indexes and shows, so the text is indexed as it is written. Only upper case
// matches Pagefind's markers.
const PAGEFIND_MARKER = /_(?=__(?:END_)?PAGEFIND_)/g;

/** The page's text with every look-alike of Pagefind's own markers broken by a zero-width space. */
export function escapePagefindMarkers(html: string): string {
  return html.replace(PAGEFIND_MARKER, '_\u200b');
}

export function byPath(a: { sourcePath: string }, b: { sourcePath: string }): number {
  return a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0;
}

export interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/** A bundle's pagefind-entry.json. */
export async function readEntry(file: string): Promise<PagefindEntry> {
  return JSON.parse(await readFile(file, 'utf8')) as PagefindEntry;
}

/** Pagefind lists languages in hash order; sorted, the same pages give the same bytes (deterministic output). */
async function sortEntryLanguages(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const entry = await readEntry(file);
  entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFile(file, JSON.stringify(entry));
}

/** The thread that makes the page folders' files, apart from the site's (output/writer.ts), so they do not queue behind the render's. */
const pageFolderThread = new FileThread();

/**
 * Writes pages into `dir` in path order, one after another. Pagefind numbers pages in the order
 * it finds them, and it finds them in the order the file system lists a folder, which for a new
 * folder is the order its entries were made (or an order fixed by their names): so the same
 * pages give the same bundle, whichever way they reached the indexer. The files are made on a
 * thread of their own (src/file-thread.ts), in the order sent; this thread only renders or
 * reads each page's content.
 */
async function writePageFolder(dir: string, pages: Iterable<IndexPage> | AsyncIterable<IndexPage>): Promise<number> {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  // Now and then the render gets a turn. Pages from a plain iterable (rendered or read here, as
  // the build feeds them) are taken without awaiting each one: every await would let the render's
  // own chain of promises in between, and the pages would trickle out across the whole render.
  const add = (page: IndexPage): boolean => {
    count++;
    return pageFolderThread.send(dir, page.sourcePath, page.content);
  };
  const pause = () => new Promise((resolve) => setImmediate(resolve));
  if (Symbol.iterator in pages) {
    for (const page of pages) if (add(page)) await pause();
  } else {
    for await (const page of pages) if (add(page)) await pause();
  }
  try {
    await pageFolderThread.flush(dir);
  } catch (error) {
    throw new Error(`could not write the pages for the search index in ${dir}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return count;
}

/**
 * The bundle of a part without pages (an empty archive): Pagefind's command line refuses to write
 * an empty index, its Node API makes one, and the search page still needs the primary bundle's
 * scripts. The files are taken in memory and written here, so they are whole when read back: with
 * `writeFiles` (written by the backend, which `close` kills), an empty-archive build on a loaded
 * machine once failed reading them with "Unexpected end of JSON input".
 */
async function writeEmptyBundle(outputPath: string): Promise<string[]> {
  const pagefind = await import('pagefind');
  let files: Array<{ path: string; content: Uint8Array }>;
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) return errors;
    const built = await index.getFiles();
    if (built.errors.length > 0) return built.errors;
    files = built.files;
  } finally {
    await pagefind.close();
  }
  for (const file of files) {
    const target = path.join(outputPath, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
  return [];
}

/**
 * Indexes `pages` into a bundle at `outputPath`, logging to `logfile`; the pages are written to
 * `scratchDir` on the way, which is removed once Pagefind is done. The pages must come in path
 * order (`byPath`). `onWritten` is called once Pagefind has written the bundle and exited, before
 * the entry file and log are read back: another part's indexer can start meanwhile.
 */
export async function indexPart(
  cli: PartIndexer,
  pages: Iterable<IndexPage> | AsyncIterable<IndexPage>,
  paths: { outputPath: string; logfile: string; scratchDir: string },
  onWritten?: () => void,
): Promise<PartOutcome> {
  const { outputPath, logfile, scratchDir } = paths;
  const emptyLog: IndexLog = { languages: {}, warnings: [] };
  let errors: string[];
  try {
    rmSync(scratchDir, { recursive: true, force: true });
    if ((await writePageFolder(scratchDir, pages)) === 0) {
      errors = await writeEmptyBundle(outputPath);
    } else {
      const run = await cli.index(scratchDir, outputPath, logfile);
      errors = run.ok ? [] : [run.output];
    }
  } finally {
    // Pagefind is done with the part: the lane can take the next while its pages are removed.
    onWritten?.();
    await rm(scratchDir, { recursive: true, force: true });
  }
  if (errors.length > 0) return { errors, log: emptyLog };
  await sortEntryLanguages(`${outputPath}/pagefind-entry.json`);
  return { errors: [], log: parseIndexLog(await readFile(logfile, 'utf8').catch(() => '')) };
}
