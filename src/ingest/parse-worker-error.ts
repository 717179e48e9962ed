// A parse worker thread that died or failed (parse-pool.ts): ingest stops with this error rather
// than waiting for results that will never come.

export class ParseWorkerError extends Error {
  constructor(
    message: string,
    /** The source the worker was parsing when it failed, as shown in messages, if any. */
    readonly source: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ParseWorkerError';
  }
}
