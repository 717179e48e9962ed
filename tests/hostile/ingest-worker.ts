// Worker for the time-budget test: parses and renders each case it is sent, reporting when it
// starts and ends, so the main thread can stop a case that hangs (as markdown-it tests do).

import { parentPort } from 'node:worker_threads';
import { decodeSource } from '../../src/ingest/decode.ts';
import { sha256 } from '../../src/ingest/frontmatter.ts';
import { parseArticle } from '../../src/ingest/parse-article.ts';
import { DEFAULT_RULES } from '../../src/ingest/rules.ts';
import { ProblemLog } from '../../src/problems.ts';
import { createMarkdownRenderer } from '../../src/site/markdown.ts';

export interface WorkerCase {
  name: string;
  files: Array<{ name: string; bytes: Uint8Array }>;
}

const md = createMarkdownRenderer();

parentPort!.on('message', (entry: WorkerCase) => {
  const started = performance.now();
  for (const file of entry.files) {
    const decoded = decodeSource(file.bytes);
    if (!decoded.ok) continue;
    const parsed = parseArticle(
      { path: `${entry.name}/${file.name}`, displayPath: file.name, hash: sha256(file.bytes), text: decoded.text, mtimeMs: 0 },
      { rules: DEFAULT_RULES, timeZone: 'UTC', language: 'en' },
      new ProblemLog(),
    );
    if (parsed) md.render(parsed.body);
  }
  parentPort!.postMessage({ name: entry.name, ms: performance.now() - started });
});
