// The thread behind file-thread.ts: writes files synchronously, in the order sent. Plain
// JavaScript, so the thread starts in milliseconds without a TypeScript loader.
//
// Messages, per folder `dir` (several may be written at once):
// { id, dir, files: [[relativePath, content], …], atomic?, identify? } writes the files in order,
//   making folders as needed, then answers { written: id, identities? }. With `atomic`, each file
//   is written under a temporary name beside it (.NAME.<12 hex>.tmp) and renamed, so a reader
//   sees the old content or the new; with `identify`, `identities` holds each file's
//   [size, mtimeMs, ino, ctimeMs] as written;
// { id, dir, flush: true } answers { flushed: id, error? } once everything sent for `dir` before
//   it is written, and forgets `dir`. `error` is the first write that failed ({ message, code,
//   path }); the files sent after it were not written.
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

/**
 * `writeFileAtomic` (fs-utils.ts) on this thread, which cannot import TypeScript: the temporary
 * name must stay the one ingest's `removeInterruptedWrites` removes after a killed build.
 */
function writeAtomic(file, content) {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

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
  const write = message.atomic ? writeAtomic : writeFileSync;
  const identities = message.identify ? [] : undefined;
  if (!state.failure) {
    try {
      for (const [relative, content] of message.files) {
        const file = path.join(message.dir, relative);
        const folder = path.dirname(file);
        if (!state.made.has(folder)) {
          mkdirSync(folder, { recursive: true });
          state.made.add(folder);
        }
        write(file, content);
        if (identities) {
          const info = statSync(file);
          identities.push([info.size, info.mtimeMs, info.ino, info.ctimeMs]);
        }
      }
    } catch (error) {
      // What an fs error carries, so the build can tell a full disk from a missing permission.
      state.failure = error instanceof Error ? { message: error.message, code: error.code, path: error.path } : { message: String(error) };
    }
  }
  parentPort.postMessage({ written: message.id, ...(identities ? { identities } : {}) });
});
