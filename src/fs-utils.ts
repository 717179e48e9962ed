// File-system helpers shared by the stages: deterministic listings and atomic writes.

import { isUtf8 } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from './problems.ts';

/** An entry `listFiles` passed over although its name is accepted, and why. */
export interface SkippedEntry {
  /** `/`-separated path relative to the listed folder. */
  path: string;
  reason: 'hidden' | 'broken-link' | 'link-loop' | 'link-to-folder' | 'not-a-file' | 'unreadable-folder' | 'name-not-utf8';
  /** For `name-not-utf8`: the name's bytes, which no path string can reach, and whether it is a folder. */
  rawName?: Uint8Array;
  folder?: boolean;
}

/**
 * The entries of `dir` whose names are not UTF-8 (`caf\xe9.txt`, written by an old Latin-1
 * system), by the name Node gives them, with U+FFFD for each bad byte: a path made from that name
 * opens nothing. Asked only when a name holds U+FFFD.
 */
async function namesNotUtf8(dir: string): Promise<Map<string, Uint8Array>> {
  const found = new Map<string, Uint8Array>();
  for (const raw of await readdir(dir, { encoding: 'buffer' })) {
    if (!isUtf8(raw)) found.set(raw.toString('utf8'), raw);
  }
  return found;
}

/**
 * Why a file or folder cannot be read, for a message (`permission denied`), when `error` is the
 * file system's answer about that one entry; undefined for anything else (a bug, or a shortage of
 * the whole process, such as too many open files, which must not be blamed on one file).
 */
export function unreadableReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it was removed or renamed while the build ran';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of its path is not a folder any more';
    case 'ELOOP':
      return 'it is a loop of symbolic links';
    case 'EIO':
      return 'the disk reported an input/output error';
    case 'ENXIO':
    case 'ENODEV':
      return 'it is a device, not a file';
    default:
      return undefined;
  }
}

// Hidden names that are never content: macOS's AppleDouble companions (`._NAME`, binary
// metadata copied onto other file systems) and Emacs's lock links (`.#NAME`).
const NEVER_CONTENT = /^\.[_#]/;

/**
 * Files below `dir` whose names pass `accept`, as sorted `/`-separated relative paths. A link to a
 * file counts as the file; a link to a folder is not walked (links can loop). Hidden entries are
 * skipped. `skipped` hears of every accepted name left out, so none is dropped in silence.
 */
export async function listFiles(dir: string, accept: (name: string) => boolean, skipped?: (entry: SkippedEntry) => void): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(path.join(dir, relative), { withFileTypes: true });
    } catch (error) {
      // A subfolder that cannot be listed is passed over, not the whole listing lost.
      if (relative === '' || !skipped || unreadableReason(error) === undefined) throw error;
      skipped({ path: relative, reason: 'unreadable-folder' });
      return;
    }
    const notUtf8 = entries.some((entry) => entry.name.includes('\uFFFD')) ? await namesNotUtf8(path.join(dir, relative)) : undefined;
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const rawName = notUtf8?.get(entry.name);
      if (rawName !== undefined) {
        if (entry.isDirectory() || accept(entry.name)) skipped?.({ path: child, reason: 'name-not-utf8', rawName, folder: entry.isDirectory() });
      } else if (entry.name.startsWith('.')) {
        // Hidden folders (.git, .broadsheet) are not content either.
        if (!entry.isDirectory() && !NEVER_CONTENT.test(entry.name) && accept(entry.name)) skipped?.({ path: child, reason: 'hidden' });
      } else if (entry.isDirectory()) {
        await walk(child);
      } else if (entry.isFile()) {
        if (accept(entry.name)) found.push(child);
      } else if (entry.isSymbolicLink()) {
        const target = await stat(path.join(dir, child)).catch((error: unknown) => error as NodeJS.ErrnoException);
        if (target instanceof Error) {
          if (accept(entry.name)) skipped?.({ path: child, reason: target.code === 'ELOOP' ? 'link-loop' : 'broken-link' });
        } else if (target.isDirectory()) skipped?.({ path: child, reason: 'link-to-folder' });
        else if (!accept(entry.name)) continue;
        else if (target.isFile()) found.push(child);
        else skipped?.({ path: child, reason: 'not-a-file' });
      } else if (accept(entry.name)) {
        // A named pipe, socket or device: reading one could wait for ever.
        skipped?.({ path: child, reason: 'not-a-file' });
      }
    }
  }
  await walk('');
  return found.sort(compareText);
}

/**
 * Creates `dir` and any missing folders above it, like `mkdir -p`. Node 20's own recursive mkdir
 * loops forever where a folder cannot be made although its parent exists (`/proc/x`, on a
 * pseudo-file system): here each folder is tried once, and that failure is thrown.
 */
export async function makeFolders(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && (await stat(dir).catch(() => undefined))?.isDirectory()) return;
    if (code !== 'ENOENT' || path.dirname(dir) === dir) throw error;
    await makeFolders(path.dirname(dir));
    await mkdir(dir).catch((again: unknown) => {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    });
  }
}

/** `makeFolders`, synchronously. */
export function makeFoldersSync(dir: string): void {
  try {
    mkdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' && statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    if (code !== 'ENOENT' || path.dirname(dir) === dir) throw error;
    makeFoldersSync(path.dirname(dir));
    try {
      mkdirSync(dir);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'EEXIST') throw again;
    }
  }
}

/**
 * Writes a file so that readers see the old content or the new, never a truncated one. The file
 * thread's worker (file-thread-worker.mjs) writes the same temporary names.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, folders?: FolderMaker): Promise<void> {
  await (folders ? folders.ensure(path.dirname(file)) : makeFolders(path.dirname(file)));
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A text file's content, or undefined when it cannot be read (gone since it was listed, say). */
export function readTextIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** `a/b` relative to the working directory when inside it, for messages: marked as `markUnicodeForm` says. */
export function displayPath(file: string): string {
  return markUnicodeForm(plainDisplayPath(file));
}

/** `a/b` relative to the working directory when inside it, as a command in a hint can use it. */
export function plainDisplayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file).split(path.sep).join('/');
}

/**
 * A name as messages show it. Two files may have names that look the same but differ in Unicode
 * form (`café.txt` typed, and copied from macOS as `cafe` + U+0301), so one not in NFC is marked.
 */
export function markUnicodeForm(name: string): string {
  // Plain ASCII is NFC: the test costs nothing for most names.
  if (!/[\u0080-\uffff]/.test(name) || name.normalize('NFC') === name) return name;
  return `${name}${name.normalize('NFD') === name ? NFD_MARK : OTHER_FORM_MARK}`;
}

const NFD_MARK = ' (decomposed Unicode, NFD)';
const OTHER_FORM_MARK = ' (Unicode not in NFC)';

/**
 * The path `markUnicodeForm` marked, as it is on disk: `--report` gives a problem's file for
 * scripts to open. A name that merely ends in those words, and is NFC, is left as it is.
 */
export function unmarkUnicodeForm(shown: string): string {
  for (const mark of [NFD_MARK, OTHER_FORM_MARK]) {
    if (!shown.endsWith(mark)) continue;
    const name = shown.slice(0, -mark.length);
    if (markUnicodeForm(name) === shown) return name;
  }
  return shown;
}

/**
 * Creates each folder once per run: thousands of writes into a few year folders would otherwise
 * each ask the kernel to create a folder that exists, which is slow on some file systems.
 */
export class FolderMaker {
  readonly #made = new Map<string, Promise<unknown>>();

  ensure(dir: string): Promise<unknown> {
    let made = this.#made.get(dir);
    if (!made) {
      made = makeFolders(dir);
      // A failure is reported to every writer that waits on it, and tried again next time.
      made.catch(() => this.#made.delete(dir));
      this.#made.set(dir, made);
    }
    return made;
  }
}

/**
 * Runs file writes a few at a time while the caller goes on computing: one await per write leaves
 * the CPU idle while the kernel creates the file. The first failure is thrown by `drain` (or by
 * the next `run`), after the writes in flight have settled.
 */
export class WritePool {
  readonly #inFlight = new Set<Promise<void>>();
  #failure: { error: unknown } | undefined;

  constructor(readonly limit = 16) {}

  async run(write: () => Promise<void>): Promise<void> {
    while (this.#inFlight.size >= this.limit) await Promise.race(this.#inFlight);
    if (this.#failure) await this.drain();
    const running: Promise<void> = write().then(
      () => undefined,
      (error: unknown) => {
        this.#failure ??= { error };
      },
    );
    const tracked = running.finally(() => this.#inFlight.delete(tracked));
    this.#inFlight.add(tracked);
  }

  /** Waits for every write; throws the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.#inFlight);
    if (this.#failure) throw this.#failure.error;
  }
}
