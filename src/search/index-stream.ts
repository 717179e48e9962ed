// Indexes parts while Eleventy is still rendering. Pages reach Eleventy's transform newest year
// first (the articles' order), so a part's pages are all rendered long before the render ends:
// its index is built then, in Pagefind's own process, on the other core, instead of after the
// render from the files on disk. Only parts that must be built anyway (no reusable bundle in the
// previous output) are streamed; the others wait for the render to tell whether they changed.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchPart } from './bundles.ts';
import { yearFolderOf } from './bundles.ts';
import { hasIndexedBody, indexedPage, indexPart, type IndexPage, type PartOutcome } from './part-indexer.ts';

interface StreamedPart {
  part: SearchPart;
  pages: IndexPage[];
  /** Set once every article of the part has been rendered and its indexing has started. */
  outcome?: Promise<PartOutcome>;
  /** A page for the part arrived after its indexing started: the streamed bundle is incomplete. */
  overflowed?: boolean;
}

/** A bundle's own files, leaving the folders of other parts (named by years) that the primary's folder holds. */
async function removeBundleFiles(bundleDir: string): Promise<void> {
  const names = await readdir(bundleDir).catch(() => []);
  for (const name of names) if (!/^\d{4}(-\d{4})?$/.test(name)) await rm(path.join(bundleDir, name), { recursive: true, force: true });
}

export class IndexStream {
  readonly #siteDir: string;
  readonly #byYear = new Map<string, StreamedPart>();
  readonly #parts: StreamedPart[];
  readonly #logDir: Promise<string>;
  #logNumber = 0;

  /** `parts`: the parts to index as their pages arrive; each expects `part.articles` indexed pages. */
  constructor(siteDir: string, parts: SearchPart[]) {
    this.#siteDir = siteDir;
    this.#parts = parts.map((part) => ({ part, pages: [] }));
    for (const streamed of this.#parts) for (const year of streamed.part.years) this.#byYear.set(year, streamed);
    this.#logDir = mkdtemp(path.join(os.tmpdir(), 'broadsheet-pagefind-'));
  }

  get streaming(): boolean {
    return this.#parts.length > 0;
  }

  /** A rendered page (from Eleventy's transform). Pages outside the streamed parts are ignored. */
  accept(outputPath: string, content: string): void {
    if (!outputPath.endsWith('.html') || !hasIndexedBody(content)) return;
    const sourcePath = path.relative(this.#siteDir, outputPath).split(path.sep).join('/');
    const year = yearFolderOf(sourcePath);
    const streamed = year === undefined ? undefined : this.#byYear.get(year);
    if (!streamed) return;
    if (streamed.outcome) {
      streamed.overflowed = true;
      return;
    }
    // Only what Pagefind reads is kept: half the memory, and less for Pagefind to parse.
    streamed.pages.push({ sourcePath, content: indexedPage(content) });
    if (streamed.pages.length === streamed.part.articles) this.#start(streamed);
  }

  #start(streamed: StreamedPart): void {
    const pages = streamed.pages;
    streamed.pages = [];
    streamed.outcome = this.#logDir.then((logDir) => indexPart(pages, path.join(this.#siteDir, streamed.part.bundlePath), path.join(logDir, `part-${this.#logNumber++}.log`)));
    // Awaited by `outcomes`; this only keeps a failure before then from being reported as unhandled.
    streamed.outcome.catch(() => undefined);
  }

  /**
   * After the render: the outcome of every part whose pages all arrived, by part name. A part
   * with pages missing (a page that failed to render) or more pages than articles is left out,
   * its streamed bundle removed, and is indexed from the files on disk like any other.
   */
  async outcomes(): Promise<Map<string, Promise<PartOutcome>>> {
    const outcomes = new Map<string, Promise<PartOutcome>>();
    for (const streamed of this.#parts) {
      streamed.pages = [];
      if (!streamed.outcome) continue;
      if (!streamed.overflowed) {
        outcomes.set(streamed.part.name, streamed.outcome);
        continue;
      }
      await streamed.outcome.catch(() => undefined);
      await removeBundleFiles(path.join(this.#siteDir, streamed.part.bundlePath));
    }
    return outcomes;
  }

  /** Waits for indexing in flight (whatever its result) and removes the logs. */
  async close(): Promise<void> {
    await Promise.allSettled(this.#parts.map((streamed) => streamed.outcome));
    await rm(await this.#logDir, { recursive: true, force: true });
  }

  /** After a failed build: stops Pagefind's indexer process, then cleans up. */
  async abort(): Promise<void> {
    if (this.streaming) await pagefind.close().catch(() => undefined);
    await this.close();
  }
}
