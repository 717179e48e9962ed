// Shares the parsing of an inbox between the main thread and the parse pool's workers. Ingest
// handles sources one at a time, in order; the feeder hands the sources read ahead of it to the
// workers, in order, while they have room, and when ingest reaches a source a worker is still
// parsing, the main thread parses the next source no worker has taken instead of waiting. So
// the main thread parses only in time it would otherwise wait, and a worker is never short of
// work while there are sources read.
//
// Before, a source went to the main thread when the worker's queue was full at the moment it was
// read: with 64 sources read ahead and a queue of 16, the main thread parsed 64% of a
// 10,000-article inbox besides all its reading and writing, and the worker sat idle 8 of 11 s.

import { ProblemLog } from '../problems.ts';
import type { ParsePool, PooledParse } from './parse-pool.ts';
import type { SourceToParse } from './parse-source.ts';

interface Taken {
  answer: Promise<PooledParse>;
  /** Set once the answer is in (a worker's arrives with a message). */
  settled: boolean;
}

export class ParseFeeder {
  readonly #pool: ParsePool;
  readonly #parseHere: (source: SourceToParse, problems: ProblemLog) => PooledParse['parsed'];
  readonly #mainHelps: boolean;
  /** Sources read and not taken yet, by index; undefined for one with nothing to parse. */
  readonly #waiting = new Map<number, SourceToParse | undefined>();
  /** Sources a worker or the main thread has taken, by index, until their turn. */
  readonly #taken = new Map<number, Taken>();
  /** Index of the next source to hand out: sources are taken in order. */
  #next = 0;

  /**
   * `parseHere` parses on the main thread. With `mainHelps` false every source goes to the
   * workers, whatever their queues (ingest's `parseOn: 'workers'`).
   */
  constructor(pool: ParsePool, parseHere: (source: SourceToParse, problems: ProblemLog) => PooledParse['parsed'], mainHelps = true) {
    this.#pool = pool;
    this.#parseHere = parseHere;
    this.#mainHelps = mainHelps;
    pool.onRoom(() => this.#handOut());
  }

  /** Source `index` has been read (undefined: it needs no parsing, as when the ingest cache has it). */
  offer(index: number, source: SourceToParse | undefined): void {
    this.#waiting.set(index, source);
    this.#handOut();
  }

  /**
   * The parse of source `index` (offered, and every source before it taken), with its problems to
   * replay in its turn. While a worker's answer is still to come, the main thread parses the
   * next sources no worker has taken.
   */
  async take(index: number): Promise<PooledParse> {
    // The workers' messages (started, answered: room for more) come as events, and sources read
    // synchronously give the event loop no turn of its own: give it one before parsing here.
    if (this.#next <= index) await new Promise((resolve) => setImmediate(resolve));
    if (this.#next <= index) {
      // No worker took it (they were a full queue behind): parse it here, now.
      for (let skipped = this.#next; skipped < index; skipped++) this.#waiting.delete(skipped);
      this.#next = index + 1;
      const source = this.#waiting.get(index);
      this.#waiting.delete(index);
      if (source === undefined) throw new Error(`source ${index} was not offered for parsing`);
      return this.#parseWithOwnLog(source);
    }
    const taken = this.#taken.get(index);
    this.#taken.delete(index);
    if (taken === undefined) throw new Error(`source ${index} was taken twice`);
    while (this.#mainHelps && !taken.settled && this.#parseNextHere()) {
      // The worker's answer comes as a message: let it in between two parses here.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return taken.answer;
  }

  #parseWithOwnLog(source: SourceToParse): PooledParse {
    const problems = new ProblemLog();
    const parsed = this.#parseHere(source, problems);
    return { parsed, problems: problems.problems };
  }

  /** Parses the next source no worker has taken on this thread, ahead of its turn; false if there is none read. */
  #parseNextHere(): boolean {
    this.#skipNothingToParse();
    const source = this.#waiting.get(this.#next);
    if (source === undefined) return false;
    this.#waiting.delete(this.#next);
    this.#taken.set(this.#next++, { answer: Promise.resolve(this.#parseWithOwnLog(source)), settled: true });
    return true;
  }

  #skipNothingToParse(): void {
    while (this.#waiting.has(this.#next) && this.#waiting.get(this.#next) === undefined) this.#waiting.delete(this.#next++);
  }

  /** Hands the sources read, in order, to the workers while they have room. */
  #handOut(): void {
    for (;;) {
      this.#skipNothingToParse();
      const source = this.#waiting.get(this.#next);
      if (source === undefined || (this.#mainHelps && !this.#pool.hasRoom())) return;
      this.#waiting.delete(this.#next);
      const taken: Taken = { answer: this.#pool.parse(source), settled: false };
      const settle = () => {
        taken.settled = true;
      };
      // Handled in its turn; this only keeps an early failure from being reported as unhandled.
      taken.answer.then(settle, settle);
      this.#taken.set(this.#next++, taken);
    }
  }
}
