// Writes the pages of a search part's folder (part-indexer.ts) on a thread of its own. Made
// synchronously on the main thread, each page's folder and file took the kernel a tenth of a
// millisecond or more (more where many files were just deleted), and at 10,000 articles that was
// seconds of the render's own thread; through Node's shared file-system threads the pages queued
// behind the render's writes instead. Plain JavaScript, so the thread starts in milliseconds
// without a TypeScript loader.
//
// Messages, per page folder `dir` (several may be written at once):
// { dir, pages: [[relativePath, html], …] } writes the pages in order, making folders as needed;
// { dir, flush: id } answers { flushed: id, error? } once everything sent for `dir` before it is
// written, and forgets `dir`. `error` is the first write that failed; the pages after it were not
// written.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

/** Per page folder: the folders made in it, and the first failure. */
const folders = new Map();

parentPort.on('message', (message) => {
  const state = folders.get(message.dir) ?? { made: new Set(), failure: undefined };
  folders.set(message.dir, state);
  if ('flush' in message) {
    folders.delete(message.dir);
    parentPort.postMessage({ flushed: message.flush, ...(state.failure ? { error: state.failure } : {}) });
    return;
  }
  if (state.failure) return;
  try {
    for (const [relative, html] of message.pages) {
      const file = path.join(message.dir, relative);
      const folder = path.dirname(file);
      if (!state.made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        state.made.add(folder);
      }
      writeFileSync(file, html);
    }
  } catch (error) {
    state.failure = error instanceof Error ? error.message : String(error);
  }
});
