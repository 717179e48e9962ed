// Indexes parts while Eleventy renders the site. Pagefind is the longest stage and runs in its
// own processes (pagefind-lanes.ts), so it is started as soon as the articles are loaded: what
// Pagefind reads of each article's page (its article element, rendered by the same layout
// function the page uses, or read from the previous site's page when the build keeps it) is
// handed to Pagefind while Eleventy sets up and renders on the main thread.
//
// Only parts that must be built anyway (no reusable bundle in the previous output) are fed; the
// others wait for the render to tell whether they changed. Every page Eleventy then renders is
// checked against what was fed: a part whose pages differ in any way is indexed again from disk.

import { mkdirSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { SearchPart } from './bundles.ts';
import { isPartFolderName, partIndexing } from './bundles.ts';
import { hashIndexedContent } from './indexed-content.ts';
import type { PagefindLanes } from './pagefind-lanes.ts';
import { PageScratch } from './page-scratch.ts';
import { byPath, indexPart, pageOfIndexedContent, type IndexPage, type PartOutcome } from './part-indexer.ts';

/**
 * A page the site will have: its path relative to the site root, and a way to get what Pagefind
 * reads of it (`indexedContent`'s result): rendered, or read from the previous site's page when
 * the build keeps that page.
 */
export interface PlannedPage {
  sourcePath: string;
  indexed(): string;
}

interface FedPart {
  part: SearchPart;
  /** Hash of what Pagefind reads of each page fed, by source path. */
  fed: Map<string, string>;
  /** The same, of each page with an indexed element that Eleventy rendered for the part. */
  rendered: Map<string, string>;
  outcome: Promise<PartOutcome>;
}

/** A bundle's own files, leaving the folders of other parts (named by years) that the primary's folder holds. */
async function removeBundleFiles(bundleDir: string): Promise<void> {
  const names = await readdir(bundleDir).catch(() => []);
  for (const name of names) if (!isPartFolderName(name)) await rm(path.join(bundleDir, name), { recursive: true, force: true });
}

export class IndexStream {
  readonly #siteDir: string;
  readonly #parts: FedPart[] = [];
  /** The fed part whose bundle indexes a page, by the page's site path. */
  readonly #fedPartOf: (sitePath: string) => FedPart | undefined;
  readonly #logDir: string;
  readonly #lanes: PagefindLanes;
  #logDirMade = false;

  /**
   * Starts indexing `parts` into bundles under `siteDir`, rendering their pages from `pagesOf`,
   * on the lanes of `lanes` (largest first, as many at once as its lanes and memory budget allow).
   * Pagefind's logs go to `logDir`, created only if a part is fed and removed by `close`; the
   * pages it reads, to folders in `scratch` (in `logDir` without one).
   */
  constructor(siteDir: string, parts: SearchPart[], pagesOf: (part: SearchPart) => PlannedPage[], logDir: string, lanes: PagefindLanes, scratch = PageScratch.inFolder(logDir)) {
    this.#siteDir = siteDir;
    this.#logDir = logDir;
    this.#lanes = lanes;
    parts.forEach((part, number) => {
      const fed = new Map<string, string>();
      // Rendered one at a time as they are written for Pagefind, so Eleventy's work goes on in between.
      function* pages(): Generator<IndexPage> {
        for (const page of [...pagesOf(part)].sort(byPath)) {
          const indexed = page.indexed();
          fed.set(page.sourcePath, hashIndexedContent(indexed));
          yield { sourcePath: page.sourcePath, content: pageOfIndexedContent(indexed) };
        }
      }
      // A lane takes the next part as soon as Pagefind has written its last one.
      const outcome = lanes.run(part.articles, async (cli, written) => {
        // Synchronous, like the rest of the way to Pagefind's start: each wait for the file
        // system's threads would let a long stretch of the render in first.
        if (!this.#logDirMade) {
          mkdirSync(logDir, { recursive: true });
          this.#logDirMade = true;
        }
        const paths = { outputPath: path.join(siteDir, part.bundlePath), logfile: path.join(logDir, `fed-part-${number}.log`), scratchDir: scratch.dirFor(`fed-part-${number}`) };
        return indexPart(cli, pages(), paths, written);
      });
      // Awaited by `outcomes`; this only keeps a failure before then from being reported as unhandled.
      outcome.catch(() => undefined);
      const fedPart: FedPart = { part, fed, rendered: new Map(), outcome };
      this.#parts.push(fedPart);
    });
    const fedParts = new Map(this.#parts.map((fedPart) => [fedPart.part, fedPart]));
    const partOf = partIndexing(parts);
    this.#fedPartOf = (sitePath) => {
      const part = partOf(sitePath);
      return part && fedParts.get(part);
    };
  }

  get streaming(): boolean {
    return this.#parts.length > 0;
  }

  /**
   * A page of the new site (rendered by Eleventy, or kept from the previous site), by its path
   * from the site root, with its `indexedContentHash` when Pagefind indexes it (undefined when
   * it has no indexed element), to check against what was fed.
   */
  accept(sitePath: string, indexedHash: string | undefined): void {
    if (indexedHash === undefined || !sitePath.endsWith('.html')) return;
    this.#fedPartOf(sitePath)?.rendered.set(sitePath, indexedHash);
  }

  /**
   * After the render: the outcome of every fed part whose pages are exactly those Eleventy
   * rendered, by part name. Any other fed part has its bundle removed and is left out, so it is
   * indexed from the files on disk like a part that was not fed. `onIndexed` hears of each part
   * taken as soon as its indexing ends, in whatever order they end: in a cold build of a large
   * archive most parts are still being indexed when the render ends, and this wait is most of
   * the index stage, which the progress display counts by them.
   */
  async outcomes(onIndexed?: (part: SearchPart) => void): Promise<Map<string, Promise<PartOutcome>>> {
    const matches = ({ fed, rendered }: FedPart) => fed.size === rendered.size && [...fed].every(([sourcePath, hash]) => rendered.get(sourcePath) === hash);
    if (onIndexed) {
      for (const fedPart of this.#parts) {
        fedPart.outcome.then(
          (outcome) => {
            if (outcome.errors.length === 0 && matches(fedPart)) onIndexed(fedPart.part);
          },
          () => undefined,
        );
      }
    }
    const outcomes = new Map<string, Promise<PartOutcome>>();
    for (const fedPart of this.#parts) {
      await fedPart.outcome.catch(() => undefined);
      if (matches(fedPart)) {
        outcomes.set(fedPart.part.name, fedPart.outcome);
      } else {
        await removeBundleFiles(path.join(this.#siteDir, fedPart.part.bundlePath));
      }
    }
    return outcomes;
  }

  /** Waits for indexing in flight (whatever its result) and removes the logs. */
  async close(): Promise<void> {
    await Promise.allSettled(this.#parts.map((fedPart) => fedPart.outcome));
    if (this.#logDirMade) await rm(this.#logDir, { recursive: true, force: true });
  }

  /** After a failed build: stops Pagefind's indexer process, then cleans up. */
  async abort(): Promise<void> {
    if (this.streaming) await this.#lanes.close().catch(() => undefined);
    await this.close();
  }
}
