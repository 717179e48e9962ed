// What a built site holds, written into the site as `.broadsheet-manifest.json`: every file the
// build wrote (pages, feeds, sitemaps, assets; not the search bundles, which carry their own) with
// a hash of its content, and for article pages a fingerprint of what the page was rendered from
// and a hash of what Pagefind reads of it. The next build compares against it to render and
// write only what changed (src/output/writer.ts). It sits inside the site so that it always moves
// with the files it describes: a folder swapped into place or a commit replayed after a crash.

import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const MANIFEST_FILE = '.broadsheet-manifest.json';
// Bump when what a record means changes, so an older site is rebuilt in full once.
const MANIFEST_FORMAT = 1;

export interface FileRecord {
  /** Hash of the file's content; absent for pages written by their inputs (`input`). */
  hash?: string;
  /** Fingerprint of what an article page was rendered from (article-pages.ts). */
  input?: string;
  /** `indexedContentHash` of a page with a data-pagefind-body, so its search part's key needs no read. */
  indexed?: string;
}

export interface SiteManifest {
  /**
   * Fingerprint of everything every page depends on (code, configuration, the primary search
   * bundle): when it differs, no page of the previous site can be kept.
   */
  site: string;
  files: Map<string, FileRecord>;
}

/** Compact on disk (a record per page of a 100,000-article site): [hash, input, indexed]. */
type StoredRecord = [string | 0, string | 0, string | 0];

interface StoredManifest {
  format: number;
  site: string;
  files: Record<string, StoredRecord>;
}

export function serializeManifest(manifest: SiteManifest): string {
  const files: Record<string, StoredRecord> = {};
  for (const [sitePath, record] of [...manifest.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    files[sitePath] = [record.hash ?? 0, record.input ?? 0, record.indexed ?? 0];
  }
  return `${JSON.stringify({ format: MANIFEST_FORMAT, site: manifest.site, files } satisfies StoredManifest)}\n`;
}

/** The manifest of the site in `siteDir`; undefined when there is none or it cannot be used. */
export async function readManifest(siteDir: string): Promise<SiteManifest | undefined> {
  let stored: StoredManifest;
  try {
    stored = JSON.parse(await readFile(path.join(siteDir, MANIFEST_FILE), 'utf8')) as StoredManifest;
  } catch {
    return undefined;
  }
  if (stored?.format !== MANIFEST_FORMAT || typeof stored.site !== 'string' || typeof stored.files !== 'object' || stored.files === null) return undefined;
  const files = new Map<string, FileRecord>();
  for (const [sitePath, value] of Object.entries(stored.files)) {
    if (!Array.isArray(value)) return undefined;
    const [hash, input, indexed] = value;
    const record: FileRecord = {};
    if (typeof hash === 'string') record.hash = hash;
    if (typeof input === 'string') record.input = input;
    if (typeof indexed === 'string') record.indexed = indexed;
    files.set(sitePath, record);
  }
  return { site: stored.site, files };
}
