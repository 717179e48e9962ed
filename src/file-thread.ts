// Writes files on a thread of its own (file-thread-worker.mjs), so that the thread that renders
// does not make them. Through Node's promise API every file costs the calling thread an open, a
// write and a close, each handed to libuv's shared threads and answered through a promise: the
// site writer spent 1.1 s of a 1,407-article build's main thread on them, and a 10,000-article
// render took 19.9–22.8 s with them and 12.6–12.7 s without. Made synchronously on the main
// thread, they would take the kernel's time from it instead. Here the calling thread only batches
// and posts; a failure comes back with its errno code and path, as Node's own errors have them.

import type { Stats } from 'node:fs';
import { Worker } from 'node:worker_threads';

export type FileContent = string | Uint8Array;

/** What tells a file from its later versions without reading it (as the ingest caches compare). */
/**
 * What tells a file unchanged since it was seen. The change time too: a tool can set the
 * modification time back after an edit of the same size in place (touch -d, rsync -t), never it.
 */
export type FileIdentity = Pick<Stats, 'size' | 'mtimeMs' | 'ino' | 'ctimeMs'>;

export interface FileThreadOptions {
  filesPerBatch?: number;
  maxBytesInFlight?: number;
  /** Each file is written under a temporary name beside it and renamed: readers see the old content or the new, never part of it. */
  atomic?: boolean;
  /** `flush` answers each file's identity as written. */
  identify?: boolean;
}

/** Files posted to the thread at once. */
const FILES_PER_BATCH = 100;
/** Bytes posted and not yet written beyond which `room` waits: what a fast render can get ahead by. */
const MAX_BYTES_IN_FLIGHT = 32 * 1024 * 1024;

interface Flush {
  dir: string;
  resolve: (identities: ReadonlyMap<string, FileIdentity>) => void;
  reject: (error: Error) => void;
}

type Reply = { written: number; identities?: Array<[number, number, number, number]> } | { flushed: number; error?: { message: string; code?: string; path?: string } };

export class FileThread {
  readonly #filesPerBatch: number;
  readonly #maxBytesInFlight: number;
  readonly #atomic: boolean;
  readonly #identify: boolean;
  #worker: Worker | undefined;
  #nextId = 0;
  /** Files queued per folder, not yet posted. */
  readonly #queued = new Map<string, { files: Array<[string, FileContent]>; bytes: number }>();
  /** Posted batches not yet written: their folder, bytes, and (to identify) files. */
  readonly #inFlight = new Map<number, { dir: string; bytes: number; files?: string[] }>();
  /** Per folder, the identities of the files written since its last flush. */
  readonly #identities = new Map<string, Map<string, FileIdentity>>();
  #bytesInFlight = 0;
  readonly #flushes = new Map<number, Flush>();
  readonly #roomWaiters: Array<() => void> = [];
  /** Folders with batches posted since their last flush. */
  readonly #posted = new Set<string>();
  /** Folders whose files were lost with a thread that died, and why. */
  readonly #lost = new Map<string, Error>();

  constructor(options: FileThreadOptions = {}) {
    this.#filesPerBatch = options.filesPerBatch ?? FILES_PER_BATCH;
    this.#maxBytesInFlight = options.maxBytesInFlight ?? MAX_BYTES_IN_FLIGHT;
    this.#atomic = options.atomic ?? false;
    this.#identify = options.identify ?? false;
  }

  /** Bytes (UTF-16 code units for text) posted to the thread and not yet written. */
  get bytesInFlight(): number {
    return this.#bytesInFlight;
  }

  /**
   * Queues `content` to be written at `dir`/`relative`, making folders as needed; files for one
   * folder are written in the order sent. True when a batch went to the thread, a good moment for
   * the caller to `await room()` or let other work have a turn.
   */
  send(dir: string, relative: string, content: FileContent): boolean {
    let queued = this.#queued.get(dir);
    if (!queued) {
      queued = { files: [], bytes: 0 };
      this.#queued.set(dir, queued);
    }
    queued.files.push([relative, content]);
    queued.bytes += content.length;
    if (queued.files.length < this.#filesPerBatch) return false;
    this.#post(dir);
    return true;
  }

  /** Resolves once the thread is less than the limit behind (at once when it is). */
  room(): Promise<void> {
    if (this.#bytesInFlight <= this.#maxBytesInFlight) return Promise.resolve();
    return new Promise((resolve) => this.#roomWaiters.push(resolve));
  }

  /**
   * Resolves once everything sent for `dir` is written, with the written files' identities by
   * relative path (with `identify`; else empty); rejects with the first write that failed (its
   * message names the file).
   */
  flush(dir: string): Promise<ReadonlyMap<string, FileIdentity>> {
    if (this.#queued.has(dir)) this.#post(dir);
    const lost = this.#lost.get(dir);
    if (lost) {
      this.#lost.delete(dir);
      this.#posted.delete(dir);
      this.#identities.delete(dir);
      return Promise.reject(lost);
    }
    // Nothing to wait for: no thread is started (it takes 0.1 s) only to say so.
    if (!this.#posted.delete(dir)) return Promise.resolve(new Map());
    const id = ++this.#nextId;
    const done = new Promise<ReadonlyMap<string, FileIdentity>>((resolve, reject) => this.#flushes.set(id, { dir, resolve, reject }));
    this.#send({ id, dir, flush: true });
    return done;
  }

  #post(dir: string): void {
    const queued = this.#queued.get(dir)!;
    this.#queued.delete(dir);
    this.#posted.add(dir);
    const id = ++this.#nextId;
    this.#inFlight.set(id, { dir, bytes: queued.bytes, ...(this.#identify ? { files: queued.files.map(([relative]) => relative) } : {}) });
    this.#bytesInFlight += queued.bytes;
    this.#send({ id, dir, files: queued.files, atomic: this.#atomic, identify: this.#identify });
  }

  #send(message: { id: number; dir: string; files?: Array<[string, FileContent]>; atomic?: boolean; identify?: boolean; flush?: true }): void {
    const worker = this.#thread();
    // Referenced only while it has work, so an idle thread never keeps the process alive.
    worker.ref();
    worker.postMessage(message);
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(new URL('./file-thread-worker.mjs', import.meta.url), { execArgv: [] });
    worker.on('message', (reply: Reply) => this.#answer(reply));
    worker.on('error', (error) => this.#died(worker, error));
    worker.on('exit', (code) => this.#died(worker, new Error(`the file-writing thread stopped (exit code ${code})`)));
    this.#worker = worker;
    return worker;
  }

  #answer(reply: Reply): void {
    if ('written' in reply) {
      const batch = this.#inFlight.get(reply.written);
      this.#inFlight.delete(reply.written);
      this.#bytesInFlight -= batch?.bytes ?? 0;
      if (batch?.files && reply.identities) {
        const identities = this.#identities.get(batch.dir) ?? new Map<string, FileIdentity>();
        this.#identities.set(batch.dir, identities);
        reply.identities.forEach(([size, mtimeMs, ino, ctimeMs], index) => identities.set(batch.files![index]!, { size, mtimeMs, ino, ctimeMs }));
      }
      if (this.#bytesInFlight <= this.#maxBytesInFlight) for (const wake of this.#roomWaiters.splice(0)) wake();
    } else {
      const flush = this.#flushes.get(reply.flushed);
      this.#flushes.delete(reply.flushed);
      const identities = flush ? this.#identities.get(flush.dir) : undefined;
      if (flush) this.#identities.delete(flush.dir);
      if (reply.error) flush?.reject(Object.assign(new Error(reply.error.message), reply.error.code ? { code: reply.error.code, path: reply.error.path } : {}));
      else flush?.resolve(identities ?? new Map());
    }
    if (this.#inFlight.size === 0 && this.#flushes.size === 0) this.#worker?.unref();
  }

  /** A dead thread's unwritten files are lost: their folders' flushes fail, and the next send starts a new thread. */
  #died(worker: Worker, error: Error): void {
    if (this.#worker !== worker) return;
    this.#worker = undefined;
    for (const { dir } of this.#inFlight.values()) {
      this.#lost.set(dir, error);
      this.#identities.delete(dir);
    }
    this.#inFlight.clear();
    this.#bytesInFlight = 0;
    for (const flush of this.#flushes.values()) flush.reject(error);
    this.#flushes.clear();
    for (const wake of this.#roomWaiters.splice(0)) wake();
  }

  /** Stops the thread; files not yet written are lost, as when it dies. The next send starts another. */
  async close(): Promise<void> {
    await this.#worker?.terminate();
  }
}
