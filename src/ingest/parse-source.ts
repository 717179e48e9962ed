// One source file's bytes to a parsed article (or a refusal): decode, hash, parse. The same
// function runs on the main thread and in the parse workers (parse-pool.ts), so both give the
// same article and the same problems, in the same order.

import type { ProblemLog } from '../problems.ts';
import { decodeSource } from './decode.ts';
import { sha256 } from './frontmatter.ts';
import { parseArticle, type IngestOptions, type ParsedArticle } from './parse-article.ts';
import type { SidecarData } from './sidecar.ts';

/** What parsing a source needs besides the options: all of it can cross to a worker thread. */
export interface SourceToParse {
  /** Path relative to the inbox, with `/` separators. */
  path: string;
  /** Path as shown in messages. */
  displayPath: string;
  bytes: Uint8Array;
  mtimeMs: number;
  sidecar?: SidecarData;
}

/** The parsed article, or undefined when the source is refused (the reason is in `problems`). */
export function parseSource(source: SourceToParse, options: IngestOptions, problems: ProblemLog): ParsedArticle | undefined {
  const decoded = decodeSource(source.bytes);
  if (!decoded.ok) {
    problems.error({ code: decoded.code, file: source.displayPath, line: decoded.line, message: decoded.message, hint: decoded.hint });
    return undefined;
  }
  for (const warning of decoded.warnings) problems.warn({ ...warning, file: source.displayPath });
  const { sidecar } = source;
  return parseArticle(
    { path: source.path, displayPath: source.displayPath, hash: sha256(source.bytes), text: decoded.text, mtimeMs: source.mtimeMs, ...(sidecar ? { sidecar } : {}) },
    options,
    problems,
  );
}
