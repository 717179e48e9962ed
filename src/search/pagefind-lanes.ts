// Runs Pagefind on several parts at once. One run of Pagefind's indexer works mostly on one core
// (it writes a bundle mostly on one thread), so one part at a time leaves the other cores idle
// once the render is done (at 10,000 articles, about 15 s of a 45 s build). A lane is a place for
// one run, and parts are handed to lanes as they free up.

import os from 'node:os';
import { settleChildProcesses } from '../cli/stage-meter.ts';
import { PagefindCli, type PartIndexer } from './pagefind-cli.ts';

/**
 * The most pages Pagefind may hold in memory across lanes (it needs about 0.3 MB per page while
 * indexing): a part starts beside the running ones only if their pages together stay within
 * this. A part larger than this runs alone.
 */
export const PAGES_AT_ONCE = 10_000;

/** Pagefind's memory per page of the parts it indexes (measured: 0.27–0.29 MB at 5,000–10,000 pages). */
export const PAGEFIND_BYTES_PER_PAGE = 0.3 * 2 ** 20;

/**
 * What the build may use, its own process and Pagefind's together, when it sets a budget: well
 * within 6 GB, the memory of an ordinary machine, with room for the file cache.
 */
export const BUILD_MEMORY_BUDGET = 5 * 2 ** 30;

/** More lanes than cores would only make the indexer processes take turns. */
export const DEFAULT_LANES = Math.max(1, Math.min(2, os.availableParallelism()));

export interface LaneOptions {
  /**
   * With a budget, a part starts only while this process's memory and the estimate for the parts
   * Pagefind holds stay within it; once `overBudgetAllowed` is called, a part also starts when
   * none runs (nothing else will free memory by then, and the archive must be indexed).
   */
  memoryBudget?: number;
}

interface Waiting {
  pages: number;
  start: (lane: number) => void;
}

export class PagefindLanes {
  readonly #cli = new PagefindCli();
  readonly #busy: Array<number | undefined>;
  readonly #queue: Waiting[] = [];
  readonly #pagesAtOnce: number;
  readonly #memoryBudget: number | undefined;
  #overBudgetAllowed = false;
  #recheck: NodeJS.Timeout | undefined;

  constructor(lanes = DEFAULT_LANES, pagesAtOnce = PAGES_AT_ONCE, options: LaneOptions = {}) {
    this.#busy = Array.from({ length: Math.max(1, lanes) }, () => undefined);
    this.#pagesAtOnce = pagesAtOnce;
    this.#memoryBudget = options.memoryBudget;
  }

  /** From now on a part starts when none runs, even beyond the memory budget. */
  overBudgetAllowed(): void {
    this.#overBudgetAllowed = true;
    this.#startWaiting();
  }

  /**
   * Runs `job` on a free lane once there is one and the pages fit (first come, first served).
   * The lane is free again when `job` calls `release` (Pagefind has written the bundle and freed
   * its memory) or settles, whichever comes first.
   */
  run<T>(pages: number, job: (indexer: PartIndexer, release: () => void) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({
        pages,
        start: (lane) => {
          let released = false;
          const release = () => {
            if (released) return;
            released = true;
            this.#busy[lane] = undefined;
            this.#startWaiting();
          };
          const indexer: PartIndexer = { index: (siteDir, outputPath, logfile) => this.#cli.index(siteDir, outputPath, logfile, lane) };
          Promise.resolve()
            .then(() => job(indexer, release))
            .then(resolve, reject)
            .finally(release);
        },
      });
      this.#startWaiting();
    });
  }

  /** Stops the indexer runs still going (a failed build), and waits until they are gone. */
  async close(): Promise<void> {
    clearTimeout(this.#recheck);
    this.#cli.stop();
    await settleChildProcesses('pagefind');
  }

  #fitsMemory(pages: number): boolean {
    return this.#memoryBudget === undefined || process.memoryUsage.rss() + pages * PAGEFIND_BYTES_PER_PAGE <= this.#memoryBudget;
  }

  #startWaiting(): void {
    while (this.#queue.length > 0) {
      const held = this.#busy.reduce<number>((sum, pages) => sum + (pages ?? 0), 0);
      const running = this.#busy.some((pages) => pages !== undefined);
      const lane = this.#busy.findIndex((pages) => pages === undefined);
      const next = this.#queue[0]!;
      // In order: a large part waits for room rather than being overtaken for ever.
      if (lane === -1 || (running && held + next.pages > this.#pagesAtOnce)) return;
      if (!this.#fitsMemory(held + next.pages) && (running || !this.#overBudgetAllowed)) {
        // This process's memory falls as the render moves on, or at its end: look again soon.
        this.#recheck ??= setTimeout(() => {
          this.#recheck = undefined;
          this.#startWaiting();
        }, 500).unref();
        return;
      }
      this.#queue.shift();
      this.#busy[lane] = next.pages;
      next.start(lane);
    }
  }
}
