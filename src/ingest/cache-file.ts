// The files ingest keeps beside the articles to skip work on the next run (ingest-cache.ts,
// article-file-cache.ts): JSON with a format number and a hash of the code that made it, so an
// outdated or unreadable one simply counts as empty, and written only when it changed.

import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs-utils.ts';

interface CacheFile<Entry> {
  format: number;
  code: string;
  entries: Record<string, Entry>;
}

export interface LoadedCache<Entry> {
  /** The entries, if the file was readable, of this format and made by this code (and `reuse`); else none. */
  entries: Record<string, Entry>;
  /** The file's text as read, so an unchanged cache is not written again (a watcher would see a change). */
  text: string;
}

export async function readCacheFile<Entry>(file: string, format: number, code: string, reuse: boolean): Promise<LoadedCache<Entry>> {
  let text = '';
  try {
    text = await readFile(file, 'utf8');
    const saved = JSON.parse(text) as CacheFile<Entry>;
    if (reuse && saved.format === format && saved.code === code) return { entries: saved.entries, text };
  } catch {
    // No cache yet, or an unreadable one: it counts as empty.
  }
  return { entries: {}, text };
}

/** Writes the cache unless its text is `previousText`. */
export async function writeCacheFile<Entry>(file: string, format: number, code: string, entries: Record<string, Entry>, previousText: string): Promise<void> {
  const text = JSON.stringify({ format, code, entries } satisfies CacheFile<Entry>);
  if (text !== previousText) await writeFileAtomic(file, text);
}
