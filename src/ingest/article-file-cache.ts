// Lets a rebuild know the article files without reading them: a record beside them holds, per
// file, its size, times (modification and change) and inode when last read or written, with what the build needs of it
// without its body: the frontmatter, whether it is as ingest wrote it, and hashes of its text
// and of its body. A file whose size, times and inode are as recorded is not read; its body is
// read only if a page that shows it is rendered (load-articles.ts). At 10,000 articles this
// saves reading and parsing 10,000 files (about 2 s) on every rebuild.

import { createHash } from 'node:crypto';
import type { FileIdentity } from '../file-thread.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCacheFile, writeCacheFile } from './cache-file.ts';
import { isUntouched, type ParsedArticleFile } from './frontmatter.ts';
import { hasUnsafeCharacters } from './unsafe-characters.ts';

/** Hidden, so listings of the articles folder skip it. */
export const ARTICLE_FILE_CACHE = '.broadsheet/article-files.json';
const FORMAT = 2;

/** What the build knows of an article file without reading it. */
export interface KnownArticleFile {
  /** `textHash` of the file's text. */
  textHash: string;
  /** The file is exactly what ingest wrote (`isUntouched`). */
  untouched: boolean;
  /** The frontmatter as `readArticleFile` parsed it. */
  data: Record<string, unknown>;
  /** `bodyHash` of the body as `readArticleFile` parsed it. */
  bodyHash: string;
}

/**
 * An article file as ingest hands it to the render stage: its text (read or written in this run,
 * with its frontmatter and body when ingest parsed them, and its stat when ingest wrote it), or
 * what the cache knows of it unread.
 */
export type ArticleFileSeen = { text: string; parsed?: ParsedArticleFile; info?: FileIdentity } | { known: KnownArticleFile };

interface Entry extends KnownArticleFile {
  size: number;
  mtimeMs: number;
  ino: number;
  ctimeMs: number;
}

/** The hash ingest keeps of an article file's text (also in the ingest cache). */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The hash of an article's markdown body, by which its page is known to need rendering or not. */
export function bodyHash(body: string): string {
  return createHash('sha1').update(body).digest('base64url');
}

/** Only frontmatter that JSON keeps exactly can be recorded (YAML's core schema gives little else). */
function isJsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(isJsonSafe);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.entries(value).every(([key, item]) => key !== '__proto__' && isJsonSafe(item));
}

async function codeHash(): Promise<string> {
  const digest = createHash('sha256').update(String(FORMAT));
  // unsafe-characters.ts decides which files are never recorded (`record`).
  for (const name of ['frontmatter.ts', 'article-file-cache.ts', 'unsafe-characters.ts']) digest.update(await readFile(fileURLToPath(new URL(name, import.meta.url))));
  return digest.digest('hex');
}

// JSON.stringify writes a C0 control as an escape (`\u0007`, `\b`, `\f`), which hasUnsafeCharacters
// cannot see: an escape's backslash is one not itself escaped.
const JSON_CONTROL_ESCAPE = /(?<!\\)(?:\\\\)*\\(?:[bf]|u00(?:0[0-8bcef]|1[0-9a-f]))/i;

export class ArticleFileCache {
  /** Files known unread, and files read, in this run. */
  readonly stats = { known: 0, read: 0 };
  readonly #next = new Map<string, Entry>();

  private constructor(
    private readonly file: string,
    private readonly code: string,
    private readonly previous: Record<string, Entry>,
    private readonly savedText: string,
  ) {}

  /**
   * The record for an articles folder; an unreadable or outdated one counts as empty. With
   * `reuse` false (--force) every file is read, and the record is made afresh.
   */
  static async open(articlesDir: string, reuse = true): Promise<ArticleFileCache> {
    const file = path.join(articlesDir, ARTICLE_FILE_CACHE);
    const code = await codeHash();
    const { entries, text } = await readCacheFile<Entry>(file, FORMAT, code, reuse);
    return new ArticleFileCache(file, code, entries, text);
  }

  /** What was recorded of `file` if it is as it was then (same size, times and inode); kept for the next run. */
  known(file: string, info: FileIdentity): KnownArticleFile | undefined {
    const entry = Object.hasOwn(this.previous, file) ? this.previous[file] : undefined;
    if (!entry || entry.size !== info.size || entry.mtimeMs !== info.mtimeMs || entry.ino !== info.ino || entry.ctimeMs !== info.ctimeMs) {
      this.stats.read++;
      return undefined;
    }
    this.stats.known++;
    this.#next.set(file, entry);
    return entry;
  }

  /**
   * Records a file as read (or written) now. `info` must be from before the read (or after the
   * write): if the file changes in between, its time will differ next run and it is read again.
   */
  record(file: string, info: FileIdentity, text: string, parsed: ParsedArticleFile): KnownArticleFile | undefined {
    // A file with control characters or noncharacters is read every time, like one with anything
    // else to report (load-articles.ts repairs them with a warning naming the line, as often as the
    // file is loaded); a record of it would publish it unreported.
    const data = JSON.stringify(parsed.data);
    if (!isJsonSafe(parsed.data) || hasUnsafeCharacters(parsed.body) || hasUnsafeCharacters(data) || JSON_CONTROL_ESCAPE.test(data)) {
      this.#next.delete(file);
      return undefined;
    }
    const entry: Entry = { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, ctimeMs: info.ctimeMs, textHash: textHash(text), untouched: isUntouched(text), data: parsed.data, bodyHash: bodyHash(parsed.body) };
    this.#next.set(file, entry);
    return entry;
  }

  /**
   * Whether this run knew every file the record holds, and nothing else: then the record would be
   * written as it was read (its entries are the very objects read, in the same order once sorted),
   * and serialising it only to compare, 12 MB at 10,000 articles, is skipped.
   */
  #unchanged(): boolean {
    if (this.#next.size === 0 || this.#next.size !== Object.keys(this.previous).length) return false;
    for (const [file, entry] of this.#next) if (!Object.hasOwn(this.previous, file) || this.previous[file] !== entry) return false;
    return true;
  }

  /** A file that is gone (moved or removed by this run). */
  forget(file: string): void {
    this.#next.delete(file);
  }

  /** Writes the record of the files known or recorded in this run (unless it is unchanged). */
  async save(): Promise<void> {
    if (this.#unchanged()) return;
    const entries = Object.fromEntries([...this.#next].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    await writeCacheFile(this.file, FORMAT, this.code, entries, this.savedText);
  }
}
