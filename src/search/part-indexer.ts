// Indexes one part of the archive with Pagefind's Node API: its pages are added in path order
// (Pagefind numbers pages in the order they arrive, so a fixed order gives the same bundle for
// the same pages, however they reached the indexer), then the bundle is written.

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseIndexLog, type IndexLog } from './index-log.ts';
import { indexedContent } from './indexed-content.ts';
import type { PagefindApi } from './pagefind-lanes.ts';

/** A page for the index: its path relative to the site root (Pagefind derives the URL) and its HTML. */
export interface IndexPage {
  sourcePath: string;
  content: string;
}

export interface PartOutcome {
  /** Pagefind's errors, by what it was doing; empty when the bundle was written. */
  errors: Array<{ where: 'start' | 'index' | 'write'; message: string }>;
  log: IndexLog;
}

/** Pages sent to Pagefind before waiting for its answers: bounds the messages queued in memory. */
const ADD_WINDOW = 64;

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
  const [language, body] = indexed.split('\0');
  return `<!doctype html><html lang="${language}"><body>${body}</body></html>`;
}

export function byPath(a: { sourcePath: string }, b: { sourcePath: string }): number {
  return a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0;
}

/**
 * Pagefind's Node API never settles a call whose binary crashed (a Rust panic, e.g. when it
 * cannot write the bundle): the promise just hangs and Node exits when nothing else is left.
 * While a request is in flight the service keeps the event loop alive, so the loop emptying
 * ("beforeExit") means the service died; that rejects the call instead.
 */
export async function guarded<T>(call: Promise<T>): Promise<T> {
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

/**
 * A part's Pagefind log once it holds the closing totals. Pagefind writes its log in the
 * background, and a log read too early would give a part's stats (kept in its manifest, which is
 * deployed) that differ from run to run; waits up to two seconds, then takes what is there.
 */
async function readFinishedLog(logfile: string): Promise<string> {
  let text = '';
  for (let attempt = 0; attempt < 40; attempt++) {
    text = await readFile(logfile, 'utf8').catch(() => '');
    if (/\[Info\]: Total:[^[]*Indexed \d+ sorts?/.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return text;
}

export interface PagefindEntry {
  languages: Record<string, { page_count: number }>;
}

/**
 * A bundle's pagefind-entry.json. On a loaded machine Pagefind's writeFiles has been seen to answer
 * before the entry file was complete ("Unexpected end of JSON input" a moment later, fine when
 * read again), so an incomplete file is read again for up to two seconds before giving up.
 */
export async function readEntry(file: string): Promise<PagefindEntry> {
  for (let attempt = 0; ; attempt++) {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as PagefindEntry;
    } catch (error) {
      if (!(error instanceof SyntaxError) || attempt >= 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Pagefind lists languages in hash order; sorted, the same pages give the same bytes (deterministic output). */
async function sortEntryLanguages(file: string): Promise<void> {
  if (!existsSync(file)) return;
  const entry = await readEntry(file);
  entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  await writeFile(file, JSON.stringify(entry));
}

/**
 * Indexes `pages` into a bundle at `outputPath`, logging to `logfile`. The pages must come in
 * path order (`byPath`): Pagefind numbers pages as they arrive, so the order is part of the bundle.
 * Runs in the indexer process of `api` (a lane's, pagefind-lanes.ts).
 */
export function indexPart(api: PagefindApi, pages: Iterable<IndexPage>, outputPath: string, logfile: string, onWritten?: () => void): Promise<PartOutcome> {
  // One guard for the whole part: a guard per page in flight would pile up exit listeners.
  return guarded(indexPartUnguarded(api, pages, outputPath, logfile, onWritten));
}

/**
 * `onWritten` is called once Pagefind has written the bundle and freed the part's memory, before
 * the entry file and log are read back: those reads share Node's file-system threads with
 * Eleventy's page writes and can wait behind thousands of them, while Pagefind could already be
 * indexing the next part.
 */
async function indexPartUnguarded(api: PagefindApi, pages: Iterable<IndexPage>, outputPath: string, logfile: string, onWritten?: () => void): Promise<PartOutcome> {
  const errors: PartOutcome['errors'] = [];
  const emptyLog: IndexLog = { languages: {}, warnings: [] };
  const created = await api.createIndex({ logfile });
  if (!created.index) {
    for (const message of created.errors) errors.push({ where: 'start', message });
    return { errors, log: emptyLog };
  }
  const { index } = created;
  try {
    // Added in order (Pagefind numbers pages as they arrive), a window at a time: each add is
    // answered in order, so waiting for the oldest keeps at most ADD_WINDOW messages queued.
    const inFlight: Array<Promise<{ errors: string[] }>> = [];
    const settle = async (added: Promise<{ errors: string[] }>) => {
      for (const message of (await added).errors) errors.push({ where: 'index', message });
    };
    for (const page of pages) {
      const added = index.addHTMLFile({ sourcePath: page.sourcePath, content: page.content });
      // Awaited in turn below; when Pagefind stops, all in flight fail at once, and only the first is awaited.
      added.catch(() => undefined);
      inFlight.push(added);
      if (inFlight.length >= ADD_WINDOW) await settle(inFlight.shift()!);
    }
    for (const added of inFlight) await settle(added);
    const written = await index.writeFiles({ outputPath });
    for (const message of written.errors) errors.push({ where: 'write', message });
  } finally {
    await index.deleteIndex().catch(() => undefined);
    onWritten?.();
  }
  if (errors.some((error) => error.where === 'write')) return { errors, log: emptyLog };
  await sortEntryLanguages(`${outputPath}/pagefind-entry.json`);
  return { errors, log: parseIndexLog(await readFinishedLog(logfile)) };
}
