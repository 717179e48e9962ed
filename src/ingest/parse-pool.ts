// Parses sources on worker threads, so a cold ingest of a large inbox uses every core: parsing
// is most of ingest's time, and each source is parsed independently of the others. The caller
// keeps the order: it asks in source order and handles the answers in source order. The main
// thread parses too (the sources no worker has room for), so the pool has one worker fewer than
// the machine has cores, and a worker still starting holds nothing up.

import { availableParallelism } from 'node:os';
import { Worker, type ResourceLimits, type WorkerOptions } from 'node:worker_threads';
import { compiledBuild } from '../compiled-build.ts';
import type { ProblemLog, Problem } from '../problems.ts';
import type { IngestOptions, ParsedArticle } from './parse-article.ts';
import type { SourceToParse } from './parse-source.ts';
import type { ParseReply, ParseRequest } from './parse-worker.ts';
import { ParseWorkerError } from './parse-worker-error.ts';

/**
 * Below this many sources to parse, ingest parses on the main thread only. A worker needs about
 * 0.2–0.4 s to start (tsx registers its loader thread, the parser's modules load again), in which
 * the main thread parses some 400–800 sources on its own; with fewer, a worker would do little
 * but take CPU time from whatever else the machine runs.
 */
export const PARSE_POOL_THRESHOLD = 500;

/**
 * Sources queued on one worker at most. Enough that it never waits for the next while the main
 * thread parses one of its own; few enough that the main thread takes its share.
 */
const WORKER_QUEUE = 16;

/** Workers beside the main thread: one per other core. */
export function defaultPoolSize(): number {
  return availableParallelism() - 1;
}

/** A source parsed on a worker: the outcome plus the problems, to be replayed on the main thread. */
export interface PooledParse {
  parsed: ParsedArticle | undefined;
  problems: Problem[];
}

interface Job {
  id: number;
  source: string;
  resolve: (result: PooledParse) => void;
  reject: (error: unknown) => void;
}

interface PoolWorker {
  worker: Worker;
  /** Jobs sent to this worker, oldest first: a worker answers in the order it was asked. */
  jobs: Job[];
  /** Its modules are loaded: work sent now starts at once. */
  ready: boolean;
}

// Loader flags of the parent (`--import tsx` under the test runner) are left out: the bootstrap
// registers tsx itself, and registering it twice only costs start-up time.
const LOADER_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

function workerExecArgv(): string[] {
  const kept: string[] = [];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (LOADER_FLAGS.has(flag)) i++;
    else if (![...LOADER_FLAGS].some((loader) => flag.startsWith(`${loader}=`))) kept.push(flag);
  }
  return kept;
}

// The compiled worker needs no loader; the TypeScript one registers tsx first.
const WORKER_MODULE = compiledBuild?.parseWorker ?? new URL('./parse-worker-bootstrap.mjs', import.meta.url);

/**
 * A parse worker with the parent's flags, less those a worker thread may not take: Node refuses
 * a worker given V8's flags or the process's own (`node --max-old-space-size=8192`, the usual
 * way to give a large build more memory), so then it starts with none. They tune the parent.
 */
function startWorker(options: Omit<WorkerOptions, 'execArgv'>): Worker {
  try {
    return new Worker(WORKER_MODULE, { ...options, execArgv: workerExecArgv() });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(WORKER_MODULE, { ...options, execArgv: [] });
  }
}

export class ParsePool {
  /** How many sources were parsed on the workers. */
  parsed = 0;
  private readonly workers: PoolWorker[];
  private nextId = 0;
  private failure: ParseWorkerError | undefined;
  private closing = false;
  private readonly roomListeners: Array<() => void> = [];

  /** `limits` bounds each worker's memory (a worker that runs out dies, and ingest stops). */
  constructor(options: IngestOptions, size = defaultPoolSize(), limits?: ResourceLimits) {
    const { rules, timeZone, language, entityRules, now } = options;
    const workerData: IngestOptions = { rules, timeZone, language, ...(entityRules ? { entityRules } : {}), ...(now === undefined ? {} : { now }) };
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = startWorker({ workerData, ...(limits ? { resourceLimits: limits } : {}) });
      const entry: PoolWorker = { worker, jobs: [], ready: false };
      worker.on('message', (reply: ParseReply) => this.settle(entry, reply));
      worker.on('error', (error) => this.fail(entry, error));
      worker.on('messageerror', (error) => this.fail(entry, error));
      worker.on('exit', (code) => {
        if (!this.closing) this.fail(entry, new Error(`exited with code ${code}`));
      });
      return entry;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * True when a started worker would take a source now; else the caller parses it itself. A
   * failed pool says true, so that the caller's next `parse` gets the error instead of the
   * main thread quietly parsing everything.
   */
  hasRoom(): boolean {
    return this.failure !== undefined || this.workers.some((entry) => entry.ready && entry.jobs.length < WORKER_QUEUE);
  }

  /** Calls `listener` whenever a worker may have room again (it started, or answered). */
  onRoom(listener: () => void): void {
    this.roomListeners.push(listener);
  }

  /** Parses one source on the least busy worker (started or not: the source waits for it). */
  parse(source: SourceToParse): Promise<PooledParse> {
    if (this.failure) return Promise.reject(this.failure);
    const load = (entry: PoolWorker) => entry.jobs.length + (entry.ready ? 0 : WORKER_QUEUE);
    const entry = this.workers.reduce((least, worker) => (load(worker) < load(least) ? worker : least));
    const id = this.nextId++;
    return new Promise<PooledParse>((resolve, reject) => {
      entry.jobs.push({ id, source: source.displayPath, resolve, reject });
      const { bytes } = source;
      // The bytes are not needed here again: hand them over rather than copy, when they are a whole buffer.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      entry.worker.postMessage({ id, source } satisfies ParseRequest, whole ? [bytes.buffer] : []);
    });
  }

  /** Stops the workers; call once ingest no longer needs them, even after an error. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
  }

  private settle(entry: PoolWorker, reply: ParseReply): void {
    if ('ready' in reply) {
      entry.ready = true;
      this.roomMade();
      return;
    }
    const job = entry.jobs.shift();
    if (!job || job.id !== reply.id) {
      this.fail(entry, new Error(`answered job ${reply.id} out of turn`));
      return;
    }
    if (!reply.ok) {
      job.reject(reply.error);
      return;
    }
    this.parsed++;
    job.resolve({ parsed: reply.parsed, problems: reply.problems });
    this.roomMade();
  }

  private roomMade(): void {
    for (const listener of this.roomListeners) listener();
  }

  /** A dead worker fails every job it had and every later one, so ingest stops instead of waiting forever. */
  private fail(entry: PoolWorker, cause: unknown): void {
    const source = entry.jobs[0]?.source;
    this.failure ??= new ParseWorkerError(
      `A parse worker thread failed${source ? ` while parsing ${source}` : ''}: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        'Run the build again; if it fails on the same file again, move that file out of the inbox and report the error.',
      source,
      { cause },
    );
    for (const other of this.workers) {
      for (const job of other.jobs.splice(0)) job.reject(this.failure);
    }
    if (!this.closing) void this.close();
  }
}

/** Adds a worker's problems to the run's log, in the order the worker found them. */
export function replayProblems(parse: PooledParse, problems: ProblemLog): void {
  problems.problems.push(...parse.problems);
}
