// The thread behind file-thread.ts: writes files synchronously, in the order sent. Plain
// JavaScript, so the thread starts in milliseconds without a TypeScript loader.
//
// Messages, per folder `dir` (several may be written at once):
// { id, dir, files: [[relativePath, content], …] } writes the files in order, making folders as
//   needed, then answers { written: id };
// { id, dir, flush: true } answers { flushed: id, error? } once everything sent for `dir` before
//   it is written, and forgets `dir`. `error` is the first write that failed; the files sent after
//   it were not written.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

/** Per folder: the folders made in it, and the first failure. */
const folders = new Map();

parentPort.on('message', (message) => {
  const state = folders.get(message.dir) ?? { made: new Set(), failure: undefined };
  folders.set(message.dir, state);
  if (message.flush) {
    folders.delete(message.dir);
    parentPort.postMessage({ flushed: message.id, ...(state.failure ? { error: state.failure } : {}) });
    return;
  }
  if (!state.failure) {
    try {
      for (const [relative, content] of message.files) {
        const file = path.join(message.dir, relative);
        const folder = path.dirname(file);
        if (!state.made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          state.made.add(folder);
        }
        writeFileSync(file, content);
      }
    } catch (error) {
      state.failure = error instanceof Error ? error.message : String(error);
    }
  }
  parentPort.postMessage({ written: message.id });
});
