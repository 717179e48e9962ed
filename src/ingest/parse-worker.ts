// The parse worker thread (started by parse-pool.ts through parse-worker-bootstrap.mjs): parses
// the sources it is sent and posts back each article with the problems found, in order.

import { parentPort, workerData } from 'node:worker_threads';
import { ProblemLog, type Problem } from '../problems.ts';
import type { IngestOptions, ParsedArticle } from './parse-article.ts';
import { parseSource, type SourceToParse } from './parse-source.ts';

export interface ParseRequest {
  id: number;
  source: SourceToParse;
}

export type ParseReply =
  | { ready: true }
  | { id: number; ok: true; parsed: ParsedArticle | undefined; problems: Problem[] }
  | { id: number; ok: false; error: unknown };

// Structured clone keeps the rules' RegExp source and flags (they are `iu`, never `g`, so no
// `lastIndex` state is lost) and the entity rules' Maps and Sets.
const options = workerData as IngestOptions;
const port = parentPort!;

port.on('message', ({ id, source }: ParseRequest) => {
  const problems = new ProblemLog();
  let reply: ParseReply;
  try {
    reply = { id, ok: true, parsed: parseSource(source, options, problems), problems: problems.problems };
  } catch (error) {
    // A bug in the parser: the main thread rethrows it, as the in-process path would have.
    reply = { id, ok: false, error };
  }
  port.postMessage(reply);
});

// Loaded: the pool sends work only from now, so the main thread never waits for a worker's start.
port.postMessage({ ready: true } satisfies ParseReply);
