// Runs Pagefind on several parts at once. One run of Pagefind's indexer works mostly on one core
// (it writes a bundle mostly on one thread), so one part at a time leaves the other cores idle
// once the render is done (at 10,000 articles, about 15 s of a 45 s build). A lane is a place for
// one run, and parts are handed to lanes as they free up.

import os from 'node:os';
import { settleChildProcesses } from '../cli/stage-meter.ts';
import { PagefindCli, type PartIndexer } from './pagefind-cli.ts';

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
   * A part starts only while this process's memory and the estimate for the parts Pagefind
   * holds, this one included, stay within this (default BUILD_MEMORY_BUDGET).
   */
  memoryBudget?: number;
  /**
   * The render runs beside the lanes until `renderDone` is called. Until then it has a core of
   * its own (one lane fewer, but at least one), and a part that does not fit the budget waits
   * even when none runs, since this process's memory falls when the render ends.
   */
  rendering?: boolean;
}

interface Waiting {
  pages: number;
  start: (lane: number) => void;
}

export class PagefindLanes {
  readonly #cli = new PagefindCli();
  readonly #busy: Array<number | undefined>;
  readonly #queue: Waiting[] = [];
  readonly #memoryBudget: number;
  #rendering: boolean;
  #recheck: NodeJS.Timeout | undefined;

  constructor(lanes = DEFAULT_LANES, options: LaneOptions = {}) {
    this.#busy = Array.from({ length: Math.max(1, lanes) }, () => undefined);
    this.#memoryBudget = options.memoryBudget ?? BUILD_MEMORY_BUDGET;
    this.#rendering = options.rendering ?? false;
  }

  /** Whether a part is running or waiting for a lane: the build will wait for Pagefind. */
  get working(): boolean {
    return this.#queue.length > 0 || this.#busy.some((pages) => pages !== undefined);
  }

  /**
   * The render has ended: from now on every lane may run a part, and a part starts when none runs
   * even beyond the memory budget (nothing else will free memory, and the archive must be indexed).
   */
  renderDone(): void {
    this.#rendering = false;
    this.#startWaiting();
  }

  /**
   * Runs `job` on a free lane once there is one and the pages fit the memory budget: the largest
   * waiting part that fits goes first (the first of equals).
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
      // After the current task's other parts are queued too, so that the largest goes first.
      queueMicrotask(() => this.#startWaiting());
    });
  }

  /** Stops the indexer runs still going (a failed build), and waits until they are gone. */
  async close(): Promise<void> {
    clearTimeout(this.#recheck);
    this.#cli.stop();
    await settleChildProcesses('pagefind');
  }

  #startWaiting(): void {
    while (this.#queue.length > 0) {
      const lane = this.#busy.indexOf(undefined);
      const running = this.#busy.filter((pages) => pages !== undefined).length;
      // Three busy processes on two cores slow each other beyond their share (at 20,000 articles,
      // the render took 57–89 s with two large parts beside it, 40–49 s with one).
      if (lane === -1 || (this.#rendering && running > 0 && running >= this.#busy.length - 1)) return;
      const held = this.#busy.reduce<number>((sum, pages) => sum + (pages ?? 0), 0);
      const room = this.#memoryBudget - process.memoryUsage.rss() - held * PAGEFIND_BYTES_PER_PAGE;
      // The largest waiting part that fits beside the running ones. Largest first, so that the
      // small parts are left to even out the lanes at the end, when the cores would otherwise
      // wait for one long run; and a smaller part uses an idle core while a larger one waits for
      // memory (parts differ in size by whole years).
      let next = -1;
      this.#queue.forEach((part, index) => {
        if (part.pages * PAGEFIND_BYTES_PER_PAGE <= room && (next === -1 || part.pages > this.#queue[next]!.pages)) next = index;
      });
      // A part beyond any budget runs alone, once allowed: nothing else will free memory then,
      // and the archive must be indexed.
      if (next === -1 && running === 0 && !this.#rendering) next = 0;
      if (next === -1) {
        // This process's memory falls as the render moves on, or at its end: look again soon.
        this.#recheck ??= setTimeout(() => {
          this.#recheck = undefined;
          this.#startWaiting();
        }, 500).unref();
        return;
      }
      const [part] = this.#queue.splice(next, 1);
      this.#busy[lane] = part!.pages;
      part!.start(lane);
    }
  }
}
